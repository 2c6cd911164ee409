import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import type { Scenario } from '../kernel/scenarioTypes';
import { createAppStore } from '../store';
import { applyLink } from './applyLink';
import { pageLinkState } from '../codecs/pageLink';

const race = builtinScenarios.find((b) => b.id === 'race-8.1')!;

describe('applyLink', () => {
  it('opens a built-in scenario under the era, flags, view and theme of the link', () => {
    const store = createAppStore();
    const notices = applyLink(
      {
        scenario: { kind: 'builtin', id: 'race-8.1' },
        era: '3.0',
        flags: { pinRoot: false },
        view: 'pointers',
        theme: 'dark',
      },
      store,
    );
    expect(notices).toEqual([]);
    const s = store.getState();
    expect(s.scenarioId).toBe('race-8.1');
    expect(s.eraOverride).toBe('3.0');
    expect(s.flagsOverride).toEqual({ pinRoot: false });
    expect(s.graphView).toBe('pointers');
    expect(s.theme).toBe('dark');
  });

  it('opens a custom scenario', () => {
    const store = createAppStore();
    const scenario: Scenario = { ...race.scenario, title: 'Mine' };
    expect(applyLink({ scenario: { kind: 'custom', scenario } }, store)).toEqual([]);
    expect(store.getState().custom?.title).toBe('Mine');
  });

  it('keeps the default and says why when the scenario cannot be replayed', () => {
    const store = createAppStore();
    const scenario: Scenario = {
      format: 'anon-vma-forest/scenario@1',
      title: 'broken',
      era: '6.1',
      ops: [{ op: 'touch', pid: 'nobody', addr: 0 }],
    };
    const notices = applyLink({ scenario: { kind: 'custom', scenario }, era: '3.0' }, store);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/cannot be replayed.*: .+/);
    expect(store.getState().custom).toBeNull();
    expect(store.getState().eraOverride).toBeNull();
  });

  it('ignores an unknown view with a notice', () => {
    const store = createAppStore();
    expect(applyLink({ view: 'radar' }, store)[0]).toMatch(/no such view/);
  });
});

describe('applyLink: modes', () => {
  it('opens lecture mode', () => {
    const store = createAppStore();
    expect(
      applyLink({ scenario: { kind: 'builtin', id: 'race-8.1' }, mode: 'lecture' }, store),
    ).toEqual([]);
    expect(store.getState().lectureOn).toBe(true);
    expect(store.getState().compareOn).toBe(false);
  });

  it('opens the compare view with its right side, and writes the same link back', () => {
    const store = createAppStore();
    const state = {
      scenario: { kind: 'builtin', id: 'race-8.1' },
      era: '2.6.34',
      mode: 'compare',
      compare: { era: '2.6.36', flags: { pinRoot: false } },
    } as const;
    expect(applyLink(state, store)).toEqual([]);
    const s = store.getState();
    expect(s.compareOn).toBe(true);
    expect(s.compareSide).toEqual({ era: '2.6.36', flags: { pinRoot: false }, for: 'race-8.1' });
    expect(pageLinkState(s, 7)).toEqual({ ...state, step: 7 });
  });

  it('opens compare with the default right side when the link names none', () => {
    const store = createAppStore();
    applyLink({ scenario: { kind: 'builtin', id: 'race-8.1' }, mode: 'compare' }, store);
    expect(store.getState().compareOn).toBe(true);
    expect(store.getState().compareSide).toBeNull();
    expect(pageLinkState(store.getState(), 0).compare).toBeUndefined();
  });
});
