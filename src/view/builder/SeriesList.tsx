// The 2010 "always lock the root anon_vma" series as a list a reviewer applies or removes patch by
// patch (or whole) on top of the era; 4/5's two versions are two entries.
import type { Flags } from '../../kernel';
import { applied, SERIES_2010, SERIES_OFF, SERIES_ON } from '../../patches/series';
import type { SeriesPatch } from '../../patches/series';
import { useAppStore } from '../../store';

function setAll(set: (name: keyof Flags, v: Flags[keyof Flags]) => void, flags: Partial<Flags>) {
  for (const [k, v] of Object.entries(flags)) set(k as keyof Flags, v as Flags[keyof Flags]);
}

function remove(p: SeriesPatch): Partial<Flags> {
  const out: Partial<Flags> = {};
  for (const k of Object.keys(p.on) as (keyof Flags)[]) {
    (out as Record<string, unknown>)[k] = SERIES_OFF[k];
  }
  return out;
}

export function SeriesList({ flags }: { flags: Flags }) {
  const setFlag = useAppStore((s) => s.setFlag);
  const told = useAppStore((s) => s.notifyRefusal);
  const set = (name: keyof Flags, v: Flags[keyof Flags]) => told(setFlag(name, v));
  return (
    <div className="series-list" data-testid="series-list">
      <div className="controls-row">
        <button type="button" onClick={() => setAll(set, SERIES_ON)}>
          Apply the whole series
        </button>
        <button type="button" onClick={() => setAll(set, SERIES_OFF)}>
          Remove it
        </button>
      </div>
      <ol>
        {SERIES_2010.map((p) => {
          const on = applied(p, flags);
          const switchable = Object.keys(p.on).length > 0;
          return (
            <li key={p.tag} data-patch={p.tag} data-applied={on}>
              <strong>{p.tag}</strong> {p.subject}
              <span className="series-note"> — {p.note}</span>{' '}
              {switchable ? (
                <button
                  type="button"
                  aria-pressed={on}
                  aria-label={`${on ? 'Remove' : 'Apply'} ${p.tag}`}
                  onClick={() => setAll(set, on ? remove(p) : p.on)}
                >
                  {on ? 'applied: remove' : 'apply'}
                </button>
              ) : (
                <em className="series-note">(nothing to switch)</em>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
