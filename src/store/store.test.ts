import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';

describe('app store', () => {
  it('starts on the first scenario under its own era', () => {
    const s = createAppStore().getState();
    expect(s.scenarioId).toBeNull();
    expect(s.eraOverride).toBeNull();
    expect(s.hovered).toBeNull();
  });

  it('resets the era when another scenario is picked', () => {
    const store = createAppStore();
    store.getState().setEra('3.0');
    expect(store.getState().eraOverride).toBe('3.0');
    store.getState().selectScenario('other');
    expect(store.getState()).toMatchObject({ scenarioId: 'other', eraOverride: null });
  });

  it('tracks the hovered object', () => {
    const store = createAppStore();
    store.getState().setHovered('P:0');
    expect(store.getState().hovered).toBe('P:0');
    store.getState().setHovered(null);
    expect(store.getState().hovered).toBeNull();
  });
});
