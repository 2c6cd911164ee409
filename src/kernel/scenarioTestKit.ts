// Shared by the scenario parser's tests: a minimal valid file and the error a bad one throws.
import { expect } from 'vitest';
import { parseScenario } from './scenario';
import { ScenarioError, SCENARIO_FORMAT } from './scenarioTypes';

export function base(ops: unknown[] = [{ op: 'spawn', pid: 'P' }]): Record<string, unknown> {
  return { format: SCENARIO_FORMAT, title: 't', era: '6.1', ops };
}

/** The ScenarioError that parsing `input` throws. */
export function errorOf(input: unknown): ScenarioError {
  try {
    parseScenario(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return err as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}
