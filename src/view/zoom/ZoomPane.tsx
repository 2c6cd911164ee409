// The graph pane: a focusable viewport that pans and zooms what it holds. React renders the pane,
// the layer and the children; createPanZoom (D3, through usePanZoom) owns the layer's transform
// only, written outside React on every gesture frame. `overlay` (e.g. a canvas for huge forests) sits outside the layer
// and follows the transform through useZoomTransform instead.
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { createPortal } from 'react-dom';
import { paceGauge, RAPID_MS } from '../trace/pace';
import type { Size } from './constrain';
import { ZoomControlsSlot } from './controlsSlot';
import { createTransformChannel } from './transformChannel';
import { usePanZoom } from './usePanZoom';
import type { TransformChannel } from './transformChannel';
import { ZoomControls } from './ZoomControls';
import { zoomKeyAction } from './zoomKeys';
import './zoom.css';

export interface ZoomPaneProps {
  /** size of the drawn content in content pixels (for fit, limits and the pane's height) */
  content: Size;
  /** accessible name of the pane */
  label: string;
  /** id the skip link points at */
  id?: string;
  /** a new value (e.g. a new trace) brings back the default view */
  resetKey?: unknown;
  /** a new value (a new step) brings its subject into view, unless the user moved the view */
  focusKey?: unknown;
  /**
   * what the camera frames when the drawing does not fit at the text floor: CSS selectors of the
   * step's objects, most important first (`opening`: the view opens rather than follows)
   */
  subject?: (opening: boolean) => readonly string[];
  /** the smallest scale the default view and Fit use (so the drawing's text stays legible) */
  minZoom?: number;
  children?: ReactNode;
  overlay?: ReactNode;
}

const ZoomChannel = createContext<TransformChannel | null>(null);

/** The pane's transform channel: subscribe to it to redraw on pan/zoom without React renders. */
export function useZoomTransform(): TransformChannel | null {
  return useContext(ZoomChannel);
}

/**
 * Marks the layer `data-rapid` while the steps (`focusKey`) come faster than RAPID_MS apart: the
 * drawing's enter, move and exit motion (graph.css) could not be seen then, and each running
 * animation would repaint the drawing in every frame of the scrub.
 */
function useRapidSteps(layerRef: RefObject<HTMLDivElement | null>, focusKey: unknown) {
  const [pace] = useState(paceGauge);
  const timer = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (pace.tick() && layer) {
      layer.dataset['rapid'] = 'true';
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => delete layer.dataset['rapid'], RAPID_MS);
    }
  }, [layerRef, focusKey, pace]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
}

const ZOOM_STEP = 1.25;
const PAN_STEP = 60;

export function ZoomPane({
  content,
  label,
  id,
  resetKey,
  focusKey,
  subject,
  minZoom = 1,
  children,
  overlay,
}: ZoomPaneProps) {
  const helpId = useId();
  const paneRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const channel = useMemo(() => createTransformChannel(), []);
  const panZoom = usePanZoom({
    paneRef,
    layerRef,
    channel,
    content,
    resetKey,
    focusKey,
    minZoom,
    subject,
  });
  const slot = useContext(ZoomControlsSlot);
  useRapidSteps(layerRef, focusKey);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = zoomKeyAction(e);
    if (!action) return;
    // Handled here: the page's keyboard dispatcher leaves a handled key alone (speed on +/-,
    // steps on arrows).
    e.preventDefault();
    // Fit is the default view: it follows the steps again until the user moves it.
    if (action.type === 'reset' || action.type === 'fit') panZoom.reset();
    else
      panZoom.user((pz) => {
        if (action.type === 'zoom') pz.zoomBy(action.direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
        else if (action.type === 'whole') pz.whole();
        else pz.panBy(-action.dx * PAN_STEP, -action.dy * PAN_STEP);
      });
  };

  const controls = (
    <ZoomControls
      onZoomIn={() => panZoom.user((pz) => pz.zoomBy(ZOOM_STEP))}
      onZoomOut={() => panZoom.user((pz) => pz.zoomBy(1 / ZOOM_STEP))}
      onFit={panZoom.reset}
      onWhole={panZoom.fitsWhole ? undefined : () => panZoom.user((pz) => pz.whole())}
      onActualSize={() => panZoom.user((pz) => pz.actualSize())}
    />
  );

  return (
    <ZoomChannel.Provider value={channel}>
      <div className="zoom-frame">
        {/* the frame's toolbar holds the buttons when it offers a place; else a row of their own */}
        {slot.present ? (
          slot.el && createPortal(controls, slot.el)
        ) : (
          <div className="zoom-bar">{controls}</div>
        )}
        <div
          ref={paneRef}
          id={id}
          className="zoom-pane"
          data-testid="graph-pane"
          data-kind="graph"
          tabIndex={0}
          role="group"
          aria-roledescription="zoomable graph"
          aria-label={label}
          aria-describedby={helpId}
          onKeyDown={onKeyDown}
        >
          <div ref={layerRef} className="zoom-layer" data-testid="zoom-layer">
            {children}
          </div>
          {overlay}
        </div>
        <p id={helpId} className="visually-hidden">
          Drag or use the wheel to pan and zoom. With the graph focused: plus and minus zoom, 0 and
          F fit the forest to the pane, W shows the whole forest however small, Shift with an arrow
          key pans.
        </p>
      </div>
    </ZoomChannel.Provider>
  );
}
