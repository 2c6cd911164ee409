import { describe, expect, it } from 'vitest';
import { replay } from '../kernel';
import { builtinScenarios } from '../scenarios';
import { forestText, stepStateText, STEP_STATE_FORMAT } from './jsonExport';
import { referencedIds, styleText } from './svgExport';

const scenario = builtinScenarios[0]!.scenario;

describe('JSON export', () => {
  it('writes the final forest (Contract 2) and the state at a step', () => {
    const trace = replay(scenario);
    expect(JSON.parse(forestText(trace))).toMatchObject({ format: 'anon-vma-forest/forest@1' });
    const at = JSON.parse(stepStateText(trace, 3)) as {
      format: string;
      step: number;
      state: unknown;
    };
    expect(at).toMatchObject({ format: STEP_STATE_FORMAT, step: 3, steps: trace.steps.length });
    expect(at.state).toEqual(JSON.parse(JSON.stringify(trace.stateAt(3))));
  });
});

describe('SVG export helpers', () => {
  it('writes the style properties that have a value', () => {
    const values: Record<string, string> = { fill: 'rgb(1, 2, 3)', stroke: ' none ' };
    expect(styleText((p) => values[p] ?? '')).toBe('fill: rgb(1, 2, 3); stroke: none');
    values.transform = 'matrix(1, 0, 0, 1, 10, 20)';
    expect(styleText((p) => values[p] ?? '')).toMatch(/transform: matrix\(1, 0, 0, 1, 10, 20\)$/);
    values.transform = 'none';
    expect(styleText((p) => values[p] ?? '')).not.toMatch(/transform/);
  });

  it('finds url(#id) references', () => {
    expect(
      referencedIds('fill: url("#cpu0-pattern"); marker-end: url(#arrow) url(#arrow)'),
    ).toEqual(['cpu0-pattern', 'arrow']);
  });
});
