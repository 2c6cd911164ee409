// The builder's side-panel boxes: the operation palette, then the patches and flags.
import type { Session } from '../../session/session';
import { BuilderPanel } from './BuilderPanel';
import { FlagsPanel } from './FlagsPanel';

export function BuilderSide({ session }: { session: Session }) {
  return (
    <>
      <div className="panel">
        <BuilderPanel session={session} />
      </div>
      <div className="panel">
        <FlagsPanel session={session} />
      </div>
    </>
  );
}
