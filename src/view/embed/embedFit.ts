// The height an embed's frame should have at its width: everything around the drawing as laid
// out now, plus the drawing at the scale that fills the pane's width (at most 1.5×, so a small
// forest does not ask for a tall frame). The frame lays itself out to fit any height (the drawing
// takes what is left), so this is what it asks a host for, not what it needs to be readable.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { FIT_PADDING } from '../zoom/constrain';
import { postResize } from './useEmbedApi';

export const MIN_GRAPH = 220;
export const MAX_GRAPH = 900;
const MAX_SCALE = 1.5;

export interface FitInput {
  /** height of everything but the drawing's pane */
  chrome: number;
  /** the pane's inner width */
  paneWidth: number;
  /** the drawing's size in content pixels */
  content: { width: number; height: number };
}

/** The frame height (px) the content asks for. */
export function idealHeight({ chrome, paneWidth, content }: FitInput): number {
  const room = Math.max(1, paneWidth - 2 * FIT_PADDING);
  const scale = content.width > 0 ? Math.min(MAX_SCALE, room / content.width) : 1;
  const drawing = content.height * scale + 2 * FIT_PADDING + 2;
  return Math.ceil(chrome + Math.min(MAX_GRAPH, Math.max(MIN_GRAPH, drawing)));
}

/**
 * Posts the ideal height to the host whenever it changes (the frame's width, the text around the
 * drawing, the drawing's size). `root` is the page's column, `pane` the drawing's pane.
 */
export function useFrameHeight(
  root: RefObject<HTMLElement | null>,
  pane: RefObject<HTMLElement | null>,
  content: { width: number; height: number } | null,
  enabled: boolean,
): void {
  const last = useRef(-1);
  useEffect(() => {
    const el = root.current;
    if (!enabled || !el || !content) return;
    const report = () => {
      const box = pane.current;
      if (!box) return;
      const chrome = Math.max(el.scrollHeight, el.clientHeight) - box.offsetHeight;
      const height = idealHeight({ chrome, paneWidth: box.clientWidth, content });
      if (height === last.current) return;
      last.current = height;
      postResize(height);
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [root, pane, content, enabled]);
}
