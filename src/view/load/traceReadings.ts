// What the page reads of a whole trace (lock acquisitions per op for the metrics, the rmap walks,
// the anon_vma lock marks of the timeline and the playback machine, the CPU count), taken from a
// big trace's step columns as they arrive from the load worker, a chunk at a time: once the trace
// is handed over, nothing reads its million steps again (each would be made from the columns).
import type { Scenario } from '../../kernel/scenarioTypes';
import type { StepColumns } from '../../kernel/stepColumns';
import { lockRows, tallyLock, WalkTally } from '../../metrics/metrics';
import type { OpLocks, Walk } from '../../metrics/metrics';
import { lockMarkerOf, markersWithLocks } from '../timeline/timelineMarkers';
import type { LockMarker, MarkerSource, TimelineMarkers } from '../timeline/timelineMarkers';

export interface TraceReadings {
  locks: OpLocks[];
  walks: Walk[];
  markers: TimelineMarkers;
  /** the cursor positions of the anon_vma lock marks (the playback machine's) */
  lockMarks: number[];
  /** CPUs the steps run on */
  cpus: number;
}

export class ReadingsCollector {
  private readonly rows: OpLocks[];
  private readonly walks = new WalkTally();
  private readonly marks: LockMarker[] = [];
  private readonly positions: number[] = [];
  private cpu = 0;

  constructor(private readonly scenario: Scenario) {
    this.rows = lockRows(scenario, scenario.ops.length);
  }

  /** Reads the steps of `columns` from `from` on (the chunk just added). */
  add(columns: StepColumns, from: number): void {
    for (let i = from; i < columns.length; i++) {
      // peek: one record reused, nothing kept per step
      const s = columns.peek(i);
      if (s.cpu > this.cpu) this.cpu = s.cpu;
      this.walks.add(s, i);
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
      walks: this.walks.walks,
      markers: markersWithLocks(trace, this.scenario.ops, this.marks),
      lockMarks: this.positions,
      cpus: 1 + this.cpu,
    };
  }
}
