import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { parseScenario } from './scenario';
import { StepDecoder, StepEncoder } from './stepColumns';
import type { Step } from './trace';

const race = (name: string) =>
  parseScenario(JSON.parse(readFileSync(new URL(`../scenarios/${name}`, import.meta.url), 'utf8')));

describe('step records in columns', () => {
  it('decode back to the same steps, chunk by chunk (locks, parallel threads, touched ids)', () => {
    for (const name of ['race-8.2-lock-dance.json', 'race-8.1-vma-adjust-vs-migration.json']) {
      const steps = replay(race(name)).steps;
      expect(steps.some((s) => s.lock)).toBe(true);
      expect(steps.some((s) => s.threadOp)).toBe(true);
      const enc = new StepEncoder();
      const dec = new StepDecoder();
      const out: Step[] = [];
      for (let i = 0; i < steps.length; i += 7) dec.decode(enc.encode(steps.slice(i, i + 7)), out);
      expect(out).toEqual(steps);
    }
  });

  it('send each string of the table once', () => {
    const steps = replay(race('race-8.2-lock-dance.json')).steps;
    const enc = new StepEncoder();
    const first = enc.encode(steps);
    const again = enc.encode(steps);
    expect(first.strings.length).toBeGreaterThan(0);
    expect(again.strings).toEqual([]);
  });
});
