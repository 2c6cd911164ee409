// Every caption a lecture stops on (machine/stops.ts) names only objects the graph draws at that
// stop: a caption pinned too early (before its op drew what it names) fails here.
import { describe, expect, it } from 'vitest';
import { replay } from '../kernel';
import type { Scenario } from '../kernel';
import type { ViewState } from '../kernel/view';
import { narratedStops } from '../machine/stops';
import { builtinScenarios } from '../scenarios';
import { withCaptions } from './captions';
import { captionNames, scenarioPids } from './captionNames';
import { narrationAt, opAt } from './narrationAt';

/**
 * The ids of what a state draws (Contract 4): processes, anon_vmas, and for each VMA `pid:N` for
 * every page N it covers (`P:0` names the VMA starting at 0, a page-table entry, or an address the
 * VMA's row draws a cell for: "CPU0 writes to P:9").
 */
function drawnIds(v: ViewState): Set<string> {
  const ids = new Set<string>();
  for (const p of v.processes) {
    ids.add(p.pid);
    for (const vma of p.vmas) for (let a = vma.start; a < vma.end; a++) ids.add(`${p.pid}:${a}`);
  }
  for (const a of v.anonVmas) ids.add(a.id);
  return ids;
}

/**
 * Names a caption gives on purpose to what its replay does not draw, each with the reason. Only
 * thread-2014-hierarchy needs any: its captions compare eras, and name the anon_vma 3.8 would
 * allocate (the file replays 3.19, which reuses av2 instead) and the process whose anon_vma is
 * reused (it exited ops before).
 */
const NAMED_ELSEWHERE: Record<string, Record<string, string>> = {
  'thread-2014-hierarchy': {
    av5: 'allocated under 3.8 only; the file replays 3.19',
    C2: 'exited before; "the one C2 left behind" names its anon_vma',
  },
};

/** A lecture's stops, each with its caption and what the caption names that is not drawn. */
function walk(scenario: Scenario, elsewhere: Record<string, string> = {}) {
  const trace = replay(scenario);
  const narration = withCaptions(scenario, trace).narration;
  const pids = scenarioPids(scenario.ops);
  const stops = narratedStops(narration, trace.opStarts, trace.steps.length);
  return stops.map((stop) => {
    const text = narrationAt(narration, trace.opStarts, stop) ?? '';
    const n = captionNames(text, pids);
    const drawn = drawnIds(trace.stateAt(stop));
    // an object the caption's own op removed is named as it leaves ("C exits"): it was drawn when
    // the op began
    const start = trace.opStarts[opAt(trace.opStarts, stop)] ?? 0;
    const before = drawnIds(trace.stateAt(start));
    const missing = [...n.anonVmas, ...n.vmas, ...n.processes].filter(
      (name) => !drawn.has(name) && !before.has(name) && !(name in elsewhere),
    );
    return { stop, text, names: n, missing };
  });
}

const narrated = builtinScenarios.filter((b) => (b.scenario.narration ?? []).length > 0);

describe('lecture captions name what is drawn at their stop', () => {
  it.each(narrated.map((b) => [b.id, b.scenario] as const))('%s', (id, scenario) => {
    const stops = walk(scenario, NAMED_ELSEWHERE[id]);
    expect(stops.length).toBeGreaterThan(0);
    const wrong = stops.filter((s) => s.missing.length > 0);
    expect(wrong.map((s) => `step ${s.stop}: ${s.missing.join(' ')} — ${s.text}`)).toEqual([]);
  });

  it('walks captions that name objects', () => {
    const named = narrated
      .flatMap((b) => walk(b.scenario, NAMED_ELSEWHERE[b.id]))
      .filter((s) => s.names.anonVmas.length + s.names.vmas.length + s.names.processes.length > 0);
    expect(named.length).toBeGreaterThan(50);
  });

  it('fails a caption pinned before what it names is drawn', () => {
    const tour = builtinScenarios.find((b) => b.id === 'fork-and-cow')!.scenario;
    // the first fault's caption pinned to its find_vma step, before av0 is allocated
    const early = { ...tour, narration: [{ step: 7, text: tour.narration![0]!.text }] };
    expect(walk(early).map((s) => s.missing)).toEqual([['av0']]);
    // and the fork's caption pinned before the fork made C
    const beforeFork = { ...tour, narration: [{ step: 23, text: 'C:0 gets av1' }] };
    expect(walk(beforeFork).map((s) => s.missing)).toEqual([['av1', 'C:0']]);
  });

  it('ignores the names an explanation gives to what happens elsewhere only where listed', () => {
    const { scenario } = builtinScenarios.find((b) => b.id === 'thread-2014-hierarchy')!;
    const unlisted = walk(scenario).flatMap((s) => s.missing);
    expect(new Set(unlisted)).toEqual(
      new Set(Object.keys(NAMED_ELSEWHERE['thread-2014-hierarchy']!)),
    );
  });
});

describe('captionNames', () => {
  it('reads anon_vmas, VMAs and pids by the page ids, whole words only', () => {
    const pids = ['P', 'C', 'C2', 'G'];
    expect(
      captionNames(
        "C's chain [av1, av0]; C2 writes C2:0 and P:3, CPU1 waits; G's VMA (2.6.33)",
        pids,
      ),
    ).toEqual({ anonVmas: ['av0', 'av1'], vmas: ['C2:0', 'P:3'], processes: ['C', 'C2', 'G'] });
    expect(captionNames('mmap_write_unlock(C) in 3.8: av12', pids)).toEqual({
      anonVmas: ['av12'],
      vmas: [],
      processes: ['C'],
    });
    expect(captionNames('A CPU and Page', ['A'])).toEqual({
      anonVmas: [],
      vmas: [],
      processes: ['A'],
    });
  });
  it('finds the pids of spawns and forks, in parallel threads too', () => {
    expect(
      scenarioPids([
        { op: 'spawn', pid: 'P' },
        { op: 'fork', pid: 'P', child: 'C' },
        { op: 'parallel', threads: [[{ op: 'fork', pid: 'C', child: 'G' }], []] },
      ]),
    ).toEqual(['P', 'C', 'G']);
  });
});
