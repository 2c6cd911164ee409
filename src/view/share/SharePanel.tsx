// The header's "Share" menu: link, embed code, export, import and saved scenarios. Its contents
// mount only while it is open, so stepping through a trace does not re-render them, and load
// (a chunk of their own: the link codec's compression, SVG and PNG export) when first opened.
import { lazy, Suspense, useState } from 'react';
import type { Session } from '../../session/session';
import './share.css';

const ShareMenu = lazy(() => import('./ShareMenu').then((m) => ({ default: m.ShareMenu })));

export function SharePanel({ session }: { session: Session }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="share-menu"
      data-testid="share-menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      <summary data-testid="share-toggle">Share &amp; files</summary>
      {open && (
        <div className="share-popover" role="group" aria-label="Share and files">
          <Suspense fallback={<p className="share-hint">Loading…</p>}>
            <ShareMenu session={session} />
          </Suspense>
        </div>
      )}
    </details>
  );
}
