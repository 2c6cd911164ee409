import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { replay } from '../../kernel';
import { opAt, stepAtX, stepScale, timelineMarkers, visibleOpLabels } from './timelineMarkers';

const race81 = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;

describe('timelineMarkers', () => {
  const trace = replay(race81);
  const m = timelineMarkers(trace, race81.ops);

  it('marks every op at its first step, with its name', () => {
    expect(m.ops.map((o) => o.pos)).toEqual(trace.opStarts.map((s) => s + 1));
    expect(m.ops[0]?.label).toBe('op 0: spawn P');
    expect(m.ops.at(-1)?.name).toBe('parallel');
  });

  it('marks lock acquisitions with their CPU and the violations at their step', () => {
    const acquires = trace.steps.filter(
      (s) => s.lock?.kind === 'acquire' && s.lock.owner.startsWith('av'),
    );
    expect(m.locks).toHaveLength(acquires.length);
    for (const l of m.locks) expect(l.cpu).toBe(trace.steps[l.pos - 1]?.cpu);
    expect(m.violations.map((v) => [v.pos, v.kind])).toEqual(
      trace.violations.map((v) => [v.step, v.kind]),
    );
    expect(m.violations[0]?.kind).toBe('rmap-miss');
  });

  it('knows the op at a cursor', () => {
    expect(opAt(m, 0)).toBeNull();
    expect(opAt(m, 1)?.op).toBe(0);
    expect(opAt(m, m.total)?.name).toBe('parallel');
  });

  it('maps pixels to whole steps inside the trace', () => {
    const scale = stepScale(100, 420);
    expect(stepAtX(scale, scale(37), 100)).toBe(37);
    expect(stepAtX(scale, scale(37) + 1, 100)).toBe(37);
    expect(stepAtX(scale, -50, 100)).toBe(0);
    expect(stepAtX(scale, 5000, 100)).toBe(100);
    expect(stepAtX(stepScale(0, 300), 150, 0)).toBe(0);
  });

  it('prints only op names that do not overlap', () => {
    const scale = stepScale(m.total, 300);
    const shown = visibleOpLabels(m.ops, scale);
    for (let i = 1; i < shown.length; i++) {
      const a = shown[i - 1]!;
      expect(scale(shown[i]!.pos)).toBeGreaterThanOrEqual(scale(a.pos) + a.name.length * 6.5);
    }
    expect(visibleOpLabels(m.ops, stepScale(m.total, 5000))).toHaveLength(m.ops.length);
  });
});
