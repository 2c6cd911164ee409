// The lock badge follows the flags the model ran with, not the era's preset: with 2.6.36 and
// patch 4/5 switched off (rootLock: false) every anon_vma locks itself, so no child may say that
// it uses its root's lock.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import type { Flags } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { traceLayout } from '../trace/useTraceLayout';
import { ForestGraph } from './ForestGraph';

const forkAndCow = builtinScenarios.find((b) => b.id === 'fork-and-cow')!.scenario;

/** The matrix at the end of fork-and-cow under 2.6.36 with `flags` on top. */
function drawn(flags: Partial<Flags>) {
  const trace = replay(forkAndCow, { era: '2.6.36', flags });
  const view = trace.stateAt(trace.steps.length);
  const html = renderToStaticMarkup(<ForestGraph view={view} layout={traceLayout(trace).layout} />);
  return { view, html };
}

const notes = (html: string) =>
  [...html.matchAll(/class="lock-note"[^>]*>([^<]*)</g)].map((m) => m[1]);
const badges = (html: string) => html.match(/class="lock-badge/g)?.length ?? 0;

describe('the lock badge', () => {
  it("says a child uses its root's lock where the model takes the root's (2.6.36)", () => {
    const { view, html } = drawn({});
    expect(view.flags.rootLock).toBe(true);
    expect(view.anonVmas.map((a) => a.id)).toEqual(['av0', 'av1']);
    expect(notes(html)).toEqual(['lock: av0&#x27;s']);
    expect(badges(html)).toBe(1);
  });

  it('draws a lock of its own on every anon_vma with patch 4/5 switched off', () => {
    const { view, html } = drawn({ rootLock: false });
    expect(view.era).toBe('2.6.36');
    expect(view.flags.rootLock).toBe(false);
    expect(notes(html)).toEqual([]);
    expect(badges(html)).toBe(view.anonVmas.length);
  });
});
