// The zoom buttons of a graph pane: outside the pane (in the graph toolbar, or a row of their
// own), so they are never panned away and never cover the drawing.
export interface ZoomControlsProps {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  /** absent: Fit already shows the whole forest, and the button is not offered */
  onWhole?: (() => void) | undefined;
  onActualSize: () => void;
}

export function ZoomControls(props: ZoomControlsProps) {
  const { onZoomIn, onZoomOut, onFit, onWhole, onActualSize } = props;
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button
        type="button"
        data-testid="zoom-in"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={onZoomIn}
      >
        +
      </button>
      <button
        type="button"
        data-testid="zoom-out"
        aria-label="Zoom out"
        title="Zoom out (−)"
        onClick={onZoomOut}
      >
        −
      </button>
      <button
        type="button"
        data-testid="zoom-fit"
        aria-label="Fit to the pane"
        title="Fit: fill the pane, the text kept legible; a forest too big for that shows what the step changed (F or 0)"
        onClick={onFit}
      >
        Fit
      </button>
      {onWhole && (
        <button
          type="button"
          data-testid="zoom-whole"
          title="Show the whole forest, even if its text gets smaller than the legible size (W)"
          onClick={onWhole}
        >
          Whole forest
        </button>
      )}
      <button
        type="button"
        data-testid="zoom-actual"
        aria-label="Actual size 1:1"
        title="Actual size"
        onClick={onActualSize}
      >
        1:1
      </button>
    </div>
  );
}
