import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../kernel';
import { BIG_SCENARIO_OPS } from '../../session/bigScenario';
import { OpList } from './OpList';

const scenario = (n: number): Scenario => ({
  format: 'anon-vma-forest/scenario@1',
  title: 'touches',
  era: '6.1',
  ops: [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 0, pages: 1 },
    ...Array.from({ length: n - 2 }, () => ({ op: 'touch' as const, pid: 'P', addr: 0 })),
  ],
});

describe('OpList', () => {
  it('lists an ordinary scenario’s ops, folded', () => {
    const html = renderToStaticMarkup(<OpList scenario={scenario(5)} />);
    expect(html).toContain('5 ops in “touches”');
    expect(html.match(/<li>/g)).toHaveLength(5);
  });

  it('makes a big scenario’s list only once unfolded (its count is said)', () => {
    const n = BIG_SCENARIO_OPS + 1;
    const html = renderToStaticMarkup(<OpList scenario={scenario(n)} />);
    expect(html).toContain(`${n} ops in “touches”`);
    expect(html).not.toContain('<li>');
  });
});
