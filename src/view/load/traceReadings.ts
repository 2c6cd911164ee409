// What the page reads of a whole trace (lock acquisitions per op for the metrics, the anon_vma
// lock marks of the timeline and the playback machine, the CPU count), taken from a big trace's steps as they
// arrive from the load worker, a chunk at a time: once the trace is handed over, nothing reads
// its million steps again in one task.
import type { Scenario } from '../../kernel/scenarioTypes';
import type { Step } from '../../kernel/trace';
import { lockRows, tallyLock } from '../../metrics/metrics';
import type { OpLocks } from '../../metrics/metrics';
import { lockMarkerOf, markersWithLocks } from '../timeline/timelineMarkers';
import type { LockMarker, MarkerSource, TimelineMarkers } from '../timeline/timelineMarkers';

export interface TraceReadings {
  locks: OpLocks[];
  markers: TimelineMarkers;
  /** the cursor positions of the anon_vma lock marks (the playback machine's) */
  lockMarks: number[];
  /** CPUs the steps run on */
  cpus: number;
}

export class ReadingsCollector {
  private readonly rows: OpLocks[];
  private readonly marks: LockMarker[] = [];
  private readonly positions: number[] = [];
  private cpu = 0;

  constructor(private readonly scenario: Scenario) {
    this.rows = lockRows(scenario, scenario.ops.length);
  }

  /** Reads `steps` from `from` on (the ones just decoded). */
  add(steps: readonly Step[], from: number): void {
    for (let i = from; i < steps.length; i++) {
      const s = steps[i]!;
      if (s.cpu > this.cpu) this.cpu = s.cpu;
      if (!s.lock) continue;
      tallyLock(this.rows, s);
      const m = lockMarkerOf(s, i + 1);
      if (m) {
        this.marks.push(m);
        this.positions.push(m.pos);
      }
    }
  }

  /** The readings of `trace`, whose steps were all added. */
  result(trace: MarkerSource): TraceReadings {
    return {
      locks: this.rows.slice(0, trace.opStarts.length),
      markers: markersWithLocks(trace, this.scenario.ops, this.marks),
      lockMarks: this.positions,
      cpus: 1 + this.cpu,
    };
  }
}
