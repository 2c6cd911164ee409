// What the open share menu holds: link, embed code, export, import and saved scenarios.
import type { Session } from '../../session/session';
import { EmbedSection } from './EmbedSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { LinkSection } from './LinkSection';
import { SavedSection } from './SavedSection';

export function ShareMenu({ session }: { session: Session }) {
  return (
    <>
      <LinkSection />
      <EmbedSection title={session.scenario.title} />
      <ExportSection session={session} />
      <ImportSection />
      <SavedSection session={session} />
    </>
  );
}
