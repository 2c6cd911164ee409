// The right pane's own era and flags: an era select and, folded away, one input per flag (on
// top of the era's preset, like the scenario files' `expect` entries).
import { useId } from 'react';
import { ERA_IDS, ERA_TITLES, FLAG_NAMES, FLAG_SPECS, isEraId, resolveFlags } from '../../kernel';
import type { Flags } from '../../kernel';
import type { CompareSide } from '../../store/compareSlice';
import { withFlag } from './rightSide';

export function SidePicker({
  side,
  onChange,
}: {
  side: CompareSide;
  onChange: (s: CompareSide) => void;
}) {
  const id = useId();
  const flags = resolveFlags(side.era, side.flags);
  const changed = Object.keys(side.flags).length;
  return (
    <div className="side-picker">
      <label className="picker">
        <span>Right pane era</span>
        <select
          data-testid="compare-era"
          value={side.era}
          onChange={(e) => {
            const era = e.target.value;
            if (isEraId(era)) onChange({ era, flags: side.flags });
          }}
        >
          {ERA_IDS.map((era) => (
            <option key={era} value={era} title={ERA_TITLES[era]}>
              {era}
            </option>
          ))}
        </select>
      </label>
      <details className="side-flags">
        <summary>{changed === 0 ? 'Flags: the era’s' : `Flags: ${changed} changed`}</summary>
        <div className="side-flag-list">
          {FLAG_NAMES.map((name) => (
            <FlagInput
              key={name}
              id={`${id}-${name}`}
              name={name}
              value={flags[name]}
              onChange={(v) => onChange(withFlag(side, name, v))}
            />
          ))}
        </div>
      </details>
    </div>
  );
}

function FlagInput<K extends keyof Flags>(props: {
  id: string;
  name: K;
  value: Flags[K];
  onChange: (v: Flags[K]) => void;
}) {
  const { id, name, value, onChange } = props;
  const spec = FLAG_SPECS[name];
  const label = (
    <label htmlFor={id}>
      <code>{name}</code>
    </label>
  );
  if (spec.kind === 'bool')
    return (
      <div className="side-flag">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked as Flags[K])}
        />
        {label}
      </div>
    );
  if (spec.kind === 'enum')
    return (
      <div className="side-flag">
        {label}
        <select
          id={id}
          value={String(value)}
          onChange={(e) => onChange(e.target.value as Flags[K])}
        >
          {spec.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
    );
  return (
    <div className="side-flag">
      {label}
      <input
        id={id}
        type="number"
        min={1}
        max={64}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          // empty: no limit (the flag is optional)
          if (e.target.value === '') return onChange(undefined as Flags[K]);
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n >= 1 && n <= 64) onChange(n as Flags[K]);
        }}
      />
    </div>
  );
}
