import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';
import { isSelected } from './selectionSlice';

describe('selection slice', () => {
  it('selects an object by kind and id, and clears it', () => {
    const store = createAppStore();
    expect(store.getState().selected).toBeNull();
    store.getState().select({ kind: 'anon_vma', id: 'av1' });
    expect(store.getState().selected).toEqual({ kind: 'anon_vma', id: 'av1' });
    store.getState().select(null);
    expect(store.getState().selected).toBeNull();
  });

  it('tells a page from a VMA with the same id', () => {
    const sel = { kind: 'page' as const, id: 'P:0' };
    expect(isSelected(sel, 'page', 'P:0')).toBe(true);
    expect(isSelected(sel, 'vma', 'P:0')).toBe(false);
    expect(isSelected(null, 'vma', 'P:0')).toBe(false);
  });

  it('switches between the matrix and the pointer view', () => {
    const store = createAppStore();
    expect(store.getState().graphView).toBe('matrix');
    store.getState().setGraphView('pointers');
    expect(store.getState().graphView).toBe('pointers');
  });
});
