// "Patches & flags": every flag of the model as a named toggle on top of the era, grouped as the
// 2010 series, the other proposals and the structure of each era, each with its sources.
import type { Flags } from '../../kernel';
import { GROUP_TITLES, PATCHES } from '../../patches/patches';
import type { PatchGroup } from '../../patches/patches';
import { baseFlags } from '../../session/current';
import type { Session } from '../../session/session';
import { useAppStore } from '../../store';
import { FlagRow } from './FlagRow';
import { SeriesList } from './SeriesList';

const GROUPS: readonly PatchGroup[] = ['series-2010', 'proposals', 'structural'];

export function FlagsPanel({ session }: { session: Session }) {
  const flagsOverride = useAppStore((s) => s.flagsOverride);
  const eraOverride = useAppStore((s) => s.eraOverride);
  const setFlag = useAppStore((s) => s.setFlag);
  const resetFlags = useAppStore((s) => s.resetFlags);
  const told = useAppStore((s) => s.notifyRefusal);
  const base = baseFlags(session.scenario, eraOverride);
  const current: Flags = { ...base, ...flagsOverride };
  const fileFlags = Object.keys(session.scenario.flags ?? {}).length > 0;
  const eraLabel = fileFlags ? `${session.era} with the scenario's flags` : session.era;
  const nChanged = Object.keys(flagsOverride).length;

  return (
    <section className="flags-panel" data-testid="flags-panel" aria-labelledby="flags-title">
      <div className="flags-head">
        <h2 id="flags-title">Patches &amp; flags</h2>
        <button
          type="button"
          data-testid="flags-reset"
          aria-disabled={nChanged === 0}
          title={nChanged === 0 ? 'Reset: no flag is changed' : 'back to the era’s flags'}
          onClick={() => {
            if (nChanged > 0) told(resetFlags());
          }}
        >
          {nChanged === 0 ? 'Reset all' : `Reset all (${nChanged})`}
        </button>
      </div>
      <p className="flags-note">
        {`Each switch applies on top of era ${session.era}; a changed one is marked and replays the scenario at once.`}
      </p>
      {GROUPS.map((group) => (
        <details key={group} className="flags-group" open={group === 'series-2010'}>
          <summary>{GROUP_TITLES[group]}</summary>
          {group === 'series-2010' && <SeriesList flags={current} />}
          <ul>
            {PATCHES.filter((p) => p.group === group).map((p) => (
              <FlagRow
                key={p.flag}
                patch={p}
                value={current[p.flag]}
                eraValue={base[p.flag]}
                eraLabel={eraLabel}
                changed={Object.prototype.hasOwnProperty.call(flagsOverride, p.flag)}
                onChange={(v) => told(setFlag(p.flag, v))}
                onReset={() => told(setFlag(p.flag, undefined))}
              />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
