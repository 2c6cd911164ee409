import { describe, expect, it } from 'vitest';
import type { Step, Violation } from '../../kernel';
import { touchedAt, violationObjectsAt } from './violations';

const step = (touched: string[]): Step => ({
  cpu: 0,
  op: 0,
  fn: 'f',
  line: 'l',
  text: '',
  touched,
});
const violation = (step: number, objects: string[]): Violation => ({
  kind: 'rmap-miss',
  step,
  message: '',
  objects,
});

describe('violationObjectsAt', () => {
  const trace = { violations: [violation(3, ['P:22', 'av0']), violation(5, ['P:22', 'C:0/av1'])] };
  it('names the objects of every violation at or before the cursor', () => {
    expect([...violationObjectsAt(trace, 2)]).toEqual([]);
    expect([...violationObjectsAt(trace, 3)].sort()).toEqual(['P:22', 'av0']);
    expect([...violationObjectsAt(trace, 9)].sort()).toEqual(['C:0/av1', 'P:22', 'av0']);
  });
});

describe('touchedAt', () => {
  const trace = { steps: [step(['av0']), step(['P:0', 'P:0/av0'])] };
  it('is what the step that led to the cursor touched', () => {
    expect(touchedAt(trace, 0).size).toBe(0);
    expect([...touchedAt(trace, 1)]).toEqual(['av0']);
    expect([...touchedAt(trace, 2)]).toEqual(['P:0', 'P:0/av0']);
    expect(touchedAt(trace, 3).size).toBe(0);
  });
});
