// The page's view of the built-in scenarios: each replays, every cursor has a state, and the
// layout of a trace is the same every time (STYLE.md 3).
import { describe, expect, it } from 'vitest';
import { covers } from '../layout/universe';
import { traceLayout } from './useTraceLayout';
import { catalog, findScenario } from '../../session/catalog';
import { createSession, sessionTotal } from '../../session/session';

const layoutOf = traceLayout;

describe('built-in scenarios in the page', () => {
  it('has at least one, with unique ids', () => {
    expect(catalog.length).toBeGreaterThan(0);
    expect(new Set(catalog.map((e) => e.id)).size).toBe(catalog.length);
    expect(findScenario('no such scenario')).toBe(catalog[0]);
    expect(findScenario(null)).toBe(catalog[0]);
  });

  for (const entry of catalog) {
    describe(entry.id, () => {
      it('replays under its own era into a trace with a state at every sampled cursor', () => {
        const session = createSession(entry.id, entry.scenario, null);
        if (!session.ok) throw new Error(session.error);
        const total = sessionTotal(session);
        expect(total).toBeGreaterThan(0);
        expect(session.trace.stateAt(0).processes).toEqual([]);
        const { universe } = layoutOf(session.trace);
        for (const n of [0, Math.floor(total / 2), total]) {
          expect(covers(universe, session.trace.stateAt(n))).toBe(true);
        }
      });

      it('lays out the same way every time', () => {
        const a = createSession(entry.id, entry.scenario, null);
        const b = createSession(entry.id, entry.scenario, null);
        if (!a.ok || !b.ok) throw new Error('replay failed');
        expect(JSON.stringify(layoutOf(a.trace).layout)).toBe(
          JSON.stringify(layoutOf(b.trace).layout),
        );
      });
    });
  }

  it('reports an unknown era as an error instead of throwing', () => {
    const entry = catalog[0];
    if (!entry) throw new Error('no scenario');
    const session = createSession(entry.id, entry.scenario, '9.9' as never);
    expect(session.ok).toBe(false);
    // the reader sees the model's sentence, never a class name
    if (!session.ok) expect(session.error).toMatch(/^era "9\.9" is not one of 2\.6\.33, /);
    if (!session.ok) expect(session.error).not.toMatch(/Error/);
  });
});
