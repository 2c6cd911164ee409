// What makes a drawn kernel object interactive, the same in the matrix and the pointer view:
// focusable, Enter/Space or a click selects it (the inspector prints it), pointer or focus over
// it sets the hover key, and it knows whether it is the selected object.
import { useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { parseAvcId } from '../../kernel';
import { useAppStore } from '../../store';
import { isSelected } from '../../store/selectionSlice';
import type { ObjectKind } from '../../store/selectionSlice';

export interface ObjectHandlers {
  tabIndex: 0;
  role: 'button';
  'aria-label': string;
  'data-selected': 'true' | undefined;
  onClick: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onFocus: () => void;
  onBlur: () => void;
}

/** `hoverKey` is what goes into the store's `hovered` (an id, or `pfn:N` for a page). */
export function useObjectHandlers(
  kind: ObjectKind,
  id: string,
  label: string,
  hoverKey: string = id,
): ObjectHandlers {
  const selected = useAppStore((s) => isSelected(s.selected, kind, id));
  const select = useAppStore((s) => s.select);
  const setHovered = useAppStore((s) => s.setHovered);
  return useMemo(() => {
    const pick = () => select({ kind, id });
    const leave = () => {
      if (useAppStore.getState().hovered === hoverKey) setHovered(null);
    };
    return {
      tabIndex: 0,
      role: 'button',
      'aria-label': label,
      'data-selected': selected ? 'true' : undefined,
      onClick: pick,
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        // Space also plays/pauses on the page: a handled key is left alone by the page's
        // keyboard dispatcher.
        e.preventDefault();
        pick();
      },
      onPointerEnter: () => setHovered(hoverKey),
      onPointerLeave: leave,
      onFocus: () => setHovered(hoverKey),
      onBlur: leave,
    };
  }, [kind, id, label, hoverKey, selected, select, setHovered]);
}

/** Whether hovering `hovered` lights the VMA `vma` (itself or one of its AVCs). */
export const lightsVma = (hovered: string | null, vma: string): boolean =>
  hovered !== null && (hovered === vma || parseAvcId(hovered)?.vma === vma);

/** Whether hovering `hovered` lights the anon_vma `av` (itself or one of its AVCs). */
export const lightsAnonVma = (hovered: string | null, av: string): boolean =>
  hovered !== null && (hovered === av || parseAvcId(hovered)?.anonVma === av);

/**
 * The key that lights lists and their owners: what the pointer (or focus) is over, else the
 * selected VMA, anon_vma or AVC, so a tap on a phone (no hover) lights both lists of an AVC too.
 */
export const highlightKey = (s: {
  hovered: string | null;
  selected: { kind: string; id: string } | null;
}): string | null =>
  s.hovered ??
  (s.selected &&
  (s.selected.kind === 'avc' || s.selected.kind === 'vma' || s.selected.kind === 'anon_vma')
    ? s.selected.id
    : null);
