// The zoom buttons beside the graph pane (outside it, so they are not panned away).
export interface ZoomControlsProps {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onActualSize: () => void;
  onReset: () => void;
}

export function ZoomControls(props: ZoomControlsProps) {
  const { onZoomIn, onZoomOut, onFit, onActualSize, onReset } = props;
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
        aria-label="Fit the whole forest"
        title="Fit the whole forest (F)"
        onClick={onFit}
      >
        Fit
      </button>
      <button
        type="button"
        data-testid="zoom-actual"
        aria-label="Actual size 1:1"
        title="Actual size"
        onClick={onActualSize}
      >
        1:1
      </button>
      <button
        type="button"
        data-testid="zoom-reset"
        aria-label="Reset the view"
        title="Reset the view (0)"
        onClick={onReset}
      >
        Reset
      </button>
    </div>
  );
}
