// One trace drawn at one cursor: the state there, the trace-wide layout, the level of detail
// (SVG objects, or a canvas for huge forests) and the zoomable graph pane. The main view and both
// panes of the compare view draw a trace through this one component.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Scenario, ViewState } from '../../kernel';
import { captionNames, scenarioPids } from '../../narration/captionNames';
import { withCaptions } from '../../narration/captions';
import { narrationAt } from '../../narration/narrationAt';
import type { Trace } from '../../session/traces';
import { detailFor } from '../canvas/levelOfDetail';
import { GraphDrawing, useGraphContent } from '../graph/GraphDrawing';
import { useAppStore } from '../../store';
import { ZoomPane } from '../zoom/ZoomPane';
import { cameraSubject, drawsId } from './cameraSubject';
import { useTraceLayout } from './useTraceLayout';

/** The smallest type the drawings set (content px: `↓1`, page numbers; graph.css, pointer.css). */
export const SMALLEST_GRAPH_TEXT = { matrix: 10, pointers: 9 } as const;
/**
 * The smallest the graph's text may render on screen: at a desk, on a projector (lecture), and in
 * an embed's frame. Lecture's floor stays 18 px on a taller window too: the floor decides only how
 * far a forest that does not fit is enlarged, and the class is better served by seeing the whole
 * forest (the anon_vma heads the captions name) than by type grown past what the back row needs.
 * An embed sits in someone else's column, often a phone's: 11 px is the smallest size of both
 * phone type scales (iOS's Caption 2 is 11 pt, Material's Label Small 11 sp), read at arm's
 * length; a pixel under the desk's floor leaves a 375 px frame 9% more of the forest, and below
 * it the `↓1` counts and page numbers (the smallest type) stop being read at a glance.
 */
export const TEXT_FLOOR_PX = { desk: 12, lecture: 18, embed: 11 } as const;

/** How many steps back a view looks for the latest change to open on. */
const LOOK_BACK = 2000;

// Only huge forests are drawn on the canvas: its code loads with the first of them.
const ForestCanvas = lazy(() =>
  import('../canvas/ForestCanvas').then((m) => ({ default: m.ForestCanvas })),
);

export interface TracePaneProps {
  trace: Trace;
  /** micro-steps taken, 0..trace.steps.length */
  cursor: number;
  /** accessible name of the graph pane */
  label: string;
  /** id the skip link points at */
  id?: string;
  /** what to say when no process is alive */
  emptyText: string;
  /** drawn in an embed's frame (its text floor: TEXT_FLOOR_PX.embed) */
  embedded?: boolean;
  /** the scenario shown: what its captions name is part of what the camera frames */
  scenario?: Scenario;
  /** told the drawing's size in content pixels whenever it changes (an embed sizes its frame) */
  onContent?: (size: { width: number; height: number }) => void;
}

/** Counts the states that arrived for a served trace (a big scenario's worker), to render again. */
function useArrivals(trace: Trace): number {
  const [arrivals, setArrivals] = useState(0);
  useEffect(() => trace.served?.subscribe(() => setArrivals((n) => n + 1)), [trace]);
  return arrivals;
}

/**
 * The state at `cursor` (the replay keeps recent states: asking twice costs nothing). A big
 * scenario's states come from its load worker: until the one asked for arrives this is the
 * last one given, and its arrival renders again.
 */
export function useStateAt(trace: Trace, cursor: number) {
  const arrivals = useArrivals(trace);
  // an arrival makes the same cursor's state another (the one asked for instead of the last)
  return useMemo(() => ({ arrivals, view: trace.stateAt(cursor) }), [trace, cursor, arrivals]).view;
}

/** Whether the state drawn at `cursor` is still being made (a big scenario's worker). */
export function useStatePending(trace: Trace, cursor: number): boolean {
  useArrivals(trace);
  return trace.served !== undefined && !trace.served.has(cursor);
}

/**
 * What the camera frames at `cursor` (cameraSubject): the step's changes, what the caption in
 * force names, the columns under them; a view that opens on a step that touched nothing looks
 * back (bounded) to the latest step that did.
 */
function useSubject(trace: Trace, cursor: number, view: ViewState, scenario?: Scenario) {
  const captions = useMemo(
    () =>
      scenario
        ? { narration: withCaptions(scenario, trace).narration, pids: scenarioPids(scenario.ops) }
        : null,
    [scenario, trace],
  );
  return useCallback(
    (opening: boolean) => {
      const touched = trace.steps[cursor - 1]?.touched ?? [];
      // a view that opens on a step that drew nothing new opens on the latest one that did
      const drawn = (ids: readonly string[]) => ids.some((id) => drawsId(view, id));
      let earlier: readonly string[] = [];
      for (let i = cursor - 1; opening && !drawn(touched) && i > 0 && i > cursor - LOOK_BACK; i--) {
        const ids = trace.steps[i - 1]?.touched ?? [];
        if (drawn(ids)) {
          earlier = ids;
          break;
        }
      }
      const text = captions ? narrationAt(captions.narration, trace.opStarts, cursor) : null;
      return cameraSubject({
        view,
        touched: new Set(touched),
        named: text === null || !captions ? null : captionNames(text, captions.pids),
        earlier,
      });
    },
    [trace, cursor, view, captions],
  );
}

export function TracePane({
  trace,
  cursor,
  label,
  id,
  emptyText,
  embedded = false,
  scenario,
  onContent,
}: TracePaneProps) {
  const view = useStateAt(trace, cursor);
  const layout = useTraceLayout(trace, cursor, view);
  // Huge forests are drawn on a canvas: one SVG element per object cannot pan at 30 fps.
  const detail = useMemo(() => detailFor(view), [view]);
  const content = useGraphContent(view, layout);
  useEffect(() => onContent?.(content), [onContent, content]);
  const lecture = useAppStore((s) => s.lectureOn);
  const graphView = useAppStore((s) => s.graphView);
  // The default view and Fit never shrink the text below the floor: a forest too big for the pane
  // at that scale pans instead (a canvas-drawn huge forest has no text and is fitted whole).
  const floor = lecture ? 'lecture' : embedded ? 'embed' : 'desk';
  const minZoom = TEXT_FLOOR_PX[floor] / SMALLEST_GRAPH_TEXT[graphView];
  // Another trace or the other drawing opens at its default view.
  const resetKey = useMemo(() => ({ trace, graphView }), [trace, graphView]);
  const subject = useSubject(trace, cursor, view, scenario);
  return (
    <ZoomPane
      {...(id === undefined ? {} : { id })}
      label={label}
      content={content}
      resetKey={resetKey}
      focusKey={cursor}
      subject={subject}
      minZoom={minZoom}
      overlay={
        detail === 'canvas' ? (
          <Suspense fallback={null}>
            <ForestCanvas view={view} layout={layout} />
          </Suspense>
        ) : null
      }
    >
      {detail === 'svg' && (
        <GraphDrawing
          trace={trace}
          cursor={cursor}
          view={view}
          layout={layout}
          emptyText={emptyText}
        />
      )}
    </ZoomPane>
  );
}
