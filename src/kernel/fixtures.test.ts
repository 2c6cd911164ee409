// The forests real kernels built, replayed in the matching era: every recording must come out
// exactly (same JSON text), with no violation. The recordings leave out the `anon_vma` of a VMA
// that never faulted where the model writes null (Contract 2 reads both as equal).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EraId } from './flags';
import { parseScenario, replay } from './index';

const SETS: { dir: string; era: EraId; kernel: string; min: number }[] = [
  { dir: 'linux-6.1', era: '6.1', kernel: 'Linux 6.1', min: 9 },
  { dir: 'linux-6.12', era: '6.12', kernel: 'Linux 6.12', min: 9 },
  {
    dir: 'linux-6.1-newops',
    era: '6.1',
    kernel: 'Linux 6.1 (mremap, growsdown, expand, migrate)',
    min: 13,
  },
  {
    dir: 'linux-6.12-newops',
    era: '6.12',
    kernel: 'Linux 6.12 (mremap, growsdown, expand, migrate)',
    min: 13,
  },
];

/** A null `anon_vma` on a VMA written as the recordings write it: left out. */
function asRecorded(forest: unknown): string {
  return JSON.stringify(forest, (key, value: unknown) =>
    key === 'anon_vma' && value === null ? undefined : value,
  );
}

for (const set of SETS) {
  const dir = join(__dirname, '../../fixtures', set.dir);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.json'))
    .map((f) => f.replace('.scenario.json', ''));

  describe(`forests recorded from ${set.kernel}`, () => {
    it('has the recordings', () => {
      expect(names.length).toBeGreaterThanOrEqual(set.min);
    });
    for (const name of names) {
      it(`${name}: the model builds exactly the recorded forest in ${set.era}`, () => {
        const sc = parseScenario(readFileSync(join(dir, `${name}.scenario.json`), 'utf8'));
        expect(sc.era).toBe(set.era);
        const want: unknown = JSON.parse(readFileSync(join(dir, `${name}.forest.json`), 'utf8'));
        const r = replay(sc, { era: set.era });
        expect(r.violations).toEqual([]);
        expect(asRecorded(r.forest())).toBe(JSON.stringify(want));
      });
    }
  });
}
