// The scenario picker's search box: a combobox (ARIA 1.2 pattern) over a grouped listbox. Type
// to filter, ↑/↓ to move, Enter to open the scenario, Escape to close. The list opens on focus,
// so browsing by group works with no query at all.
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { catalog } from '../../session/catalog';
import { useAppStore } from '../../store';
import type { SearchEntry } from './scenarioSearch';
import { searchScenarios } from './scenarioSearch';

const NONE: readonly SearchEntry[] = [];

export interface ScenarioSearchProps {
  /** the reader's saved scenarios (savedEntries.ts), listed in a group of their own */
  saved?: readonly SearchEntry[];
  /** opens an entry by id (default: a built-in scenario) */
  onPick?: (id: string) => void;
}

export function ScenarioSearch({ saved = NONE, onPick }: ScenarioSearchProps = {}) {
  const loadBuiltin = useAppStore((s) => s.loadBuiltin);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const groups = useMemo(() => searchScenarios([...catalog, ...saved], query), [query, saved]);
  const flat = useMemo(() => groups.flatMap((g) => g.entries), [groups]);
  const at = Math.min(active, flat.length - 1);
  const optionId = (i: number) => `${id}-opt-${i}`;

  const pick = (entryId: string) => {
    if (onPick) onPick(entryId);
    else loadBuiltin(entryId);
    setQuery('');
    setOpen(false);
    // The playback keys work at once: the focus moves on to the graph (as the skip link does).
    const graph = document.getElementById('graph');
    if (graph) graph.focus();
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const by = e.key === 'ArrowDown' ? 1 : -1;
      if (flat.length > 0) setActive((Math.max(at, 0) + by + flat.length) % flat.length);
    } else if (e.key === 'Enter') {
      const hit = flat[at];
      if (open && hit) {
        e.preventDefault();
        pick(hit.id);
      }
    } else if (e.key === 'Escape') {
      if (open) e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="scenario-search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Find a scenario
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        data-testid="scenario-search"
        placeholder="Find a scenario…"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && at >= 0 ? optionId(at) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label="Scenarios"
        className="scenario-results"
        data-testid="scenario-results"
        hidden={!open}
      >
        {flat.length === 0 && <p className="scenario-none">No scenario matches.</p>}
        {groups.map((g) => (
          <div key={g.group} role="group" aria-labelledby={`${id}-${g.group}`}>
            <div id={`${id}-${g.group}`} className="scenario-group-title">
              {g.title}
            </div>
            {g.entries.map((entry) => {
              const i = flat.indexOf(entry);
              return (
                <div
                  key={entry.id}
                  id={optionId(i)}
                  role="option"
                  data-id={entry.id}
                  aria-selected={i === at}
                  className="scenario-option"
                  // mousedown would blur the input (closing the list) before the click lands
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(entry.id)}
                  onMouseMove={() => setActive(i)}
                >
                  {entry.title}
                  <span className="scenario-option-id">{entry.id}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
