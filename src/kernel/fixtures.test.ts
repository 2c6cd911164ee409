import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, replay } from './index';

const dir = join(__dirname, '../../fixtures/linux-6.1');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => f.replace('.scenario.json', ''));

describe('forests recorded from Linux 6.1', () => {
  it('has the recordings', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
  });
  for (const name of names) {
    it(`${name}: the model builds exactly the recorded forest`, () => {
      const sc = parseScenario(readFileSync(join(dir, `${name}.scenario.json`), 'utf8'));
      const want: unknown = JSON.parse(readFileSync(join(dir, `${name}.forest.json`), 'utf8'));
      const r = replay(sc, { era: '6.1' });
      expect(r.violations).toEqual([]);
      expect(JSON.stringify(r.forest())).toBe(JSON.stringify(want));
    });
  }
});
