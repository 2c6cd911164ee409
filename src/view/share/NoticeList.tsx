// The reader's notices (a link that could not be opened, a rejected file), as text, dismissable.
import type { Notice } from '../../store/noticeSlice';
import { useAppStore } from '../../store';
import './share.css';

export function NoticeList() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return <NoticeItems notices={notices} onDismiss={dismiss} />;
}

export function NoticeItems({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
}) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <p
          key={n.id}
          className={`notice is-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid="notice"
          data-tone={n.tone}
        >
          <span>{n.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => onDismiss(n.id)}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
