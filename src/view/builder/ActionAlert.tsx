// Why the last edit was rejected. The previous scenario is still open: this only explains.
import { useAppStore } from '../../store';

export function ActionAlert() {
  const error = useAppStore((s) => s.actionError);
  const dismiss = useAppStore((s) => s.dismissActionError);
  if (error === null) return null;
  return (
    <div className="action-alert" role="alert" data-testid="action-error">
      <p>
        <strong>Not applied: </strong>
        {error}
      </p>
      <p className="action-alert-kept">The forest is unchanged.</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
