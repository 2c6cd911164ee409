// The header's "Share" menu: link, embed code, export, import and saved scenarios. Its contents
// mount only while it is open, so stepping through a trace does not re-render them.
import { useState } from 'react';
import type { Session } from '../../session/session';
import { EmbedSection } from './EmbedSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { LinkSection } from './LinkSection';
import { SavedSection } from './SavedSection';
import './share.css';

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
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <summary data-testid="share-toggle">Share &amp; files</summary>
      {open && (
        <div className="share-popover" role="group" aria-label="Share and files">
          <LinkSection session={session} />
          <EmbedSection title={session.scenario.title} />
          <ExportSection session={session} />
          <ImportSection />
          <SavedSection session={session} />
        </div>
      )}
    </details>
  );
}
