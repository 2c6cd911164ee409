// The level-of-detail graph for huge forests: one canvas filling the graph pane, redrawn (at most
// once per frame) when the pan/zoom transform or the state changes. React renders the empty canvas;
// drawForest paints it. It says in text what it shows, since a canvas has no objects to read.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import type { ViewState } from '../../kernel';
import type { MatrixLayout } from '../layout/matrixLayout';
import { useZoomTransform } from '../zoom/ZoomPane';
import { drawForest } from './drawForest';
import type { CanvasColors } from './drawForest';
import { drawnObjectCount } from './levelOfDetail';
import './canvas.css';

export interface ForestCanvasProps {
  view: ViewState;
  layout: MatrixLayout;
}

function themeColors(el: Element): CanvasColors {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--panel', '#ffffff'),
    fg: v('--fg', '#111827'),
    muted: v('--border-strong', '#94a3b8'),
    band: v('--graph-band', '#f1f5f9'),
    lock: v('--lock', '#b91c1c'),
  };
}

export function ForestCanvas({ view, layout }: ForestCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const channel = useZoomTransform();
  const latest = useRef({ view, layout });
  const redraw = useRef<() => void>(() => {});

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frame = 0;
    let size = { width: 0, height: 0, dpr: 1 };
    const paint = () => {
      frame = 0;
      const t = channel?.get() ?? { x: 0, y: 0, k: 1 };
      const { view: v, layout: l } = latest.current;
      drawForest({ ctx, ...size }, v, l, t, themeColors(canvas));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };
    const resize = () => {
      const parent = canvas.parentElement;
      if (!parent) return;
      const dpr = window.devicePixelRatio || 1;
      size = { width: parent.clientWidth, height: parent.clientHeight, dpr };
      canvas.width = Math.round(size.width * dpr);
      canvas.height = Math.round(size.height * dpr);
      canvas.style.width = `${size.width}px`;
      canvas.style.height = `${size.height}px`;
      schedule();
    };
    redraw.current = schedule;
    const observer = new ResizeObserver(resize);
    if (canvas.parentElement) observer.observe(canvas.parentElement);
    resize();
    const unsubscribe = channel?.subscribe(schedule);
    return () => {
      observer.disconnect();
      unsubscribe?.();
      if (frame !== 0) cancelAnimationFrame(frame);
      redraw.current = () => {};
    };
  }, [channel]);

  // The theme changes the colours (CSS variables on the app root, already committed when this
  // runs): a new theme repaints like a new state.
  const theme = useAppStore((s) => s.theme);
  useEffect(() => {
    latest.current = { view, layout };
    redraw.current();
  }, [view, layout, theme]);

  const count = drawnObjectCount(view);
  return (
    <canvas
      ref={canvasRef}
      className="forest-canvas"
      data-testid="forest-canvas"
      data-lod="canvas"
      role="img"
      aria-label={`Simplified anon_vma forest of ${count} objects: ${view.processes.length} processes and ${view.anonVmas.length} anon_vmas, drawn as lines; zoom in to read labels`}
    />
  );
}
