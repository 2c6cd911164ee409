// The input for one flag: a checkbox for a bool, a select for an enum, a number for a count.
import { FLAG_SPECS } from '../../kernel';
import type { Flags } from '../../kernel';
import type { PatchInfo } from '../../patches/patches';

export interface FlagControlProps {
  patch: PatchInfo;
  value: Flags[keyof Flags];
  onChange: (value: Flags[keyof Flags] | undefined) => void;
}

/** A flag's value as a person reads it. */
export function showFlagValue(value: Flags[keyof Flags]): string {
  if (value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

export function FlagControl({ patch, value, onChange }: FlagControlProps) {
  const spec = FLAG_SPECS[patch.flag];
  const id = `flag-input-${patch.flag}`;
  const label = (
    <label htmlFor={id} className="flag-name">
      {patch.tag !== undefined && <span className="flag-tag">{patch.tag}</span>}
      {patch.name}
      <code className="flag-id">{patch.flag}</code>
    </label>
  );
  switch (spec.kind) {
    case 'bool':
      // the checkbox sits inside its label so the pair never wraps apart
      return (
        <div className="flag-control">
          <label htmlFor={id} className="flag-name flag-check">
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
            />
            <span>
              {patch.tag !== undefined && <span className="flag-tag">{patch.tag}</span>}
              {patch.name} <code className="flag-id">{patch.flag}</code>
            </span>
          </label>
        </div>
      );
    case 'enum':
      return (
        <div className="flag-control">
          {label}
          <select
            id={id}
            value={String(value)}
            onChange={(e) => onChange(e.target.value as Flags[keyof Flags])}
          >
            {spec.values.map((v) => (
              <option key={v} value={v} title={patch.values?.[v]}>
                {v}
              </option>
            ))}
          </select>
        </div>
      );
    case 'count':
      return (
        <div className="flag-control">
          {label}
          <input
            id={id}
            type="number"
            min={1}
            max={64}
            step={1}
            placeholder="no cap"
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => {
              const n = Math.trunc(Number(e.target.value));
              onChange(
                e.target.value === '' || !Number.isFinite(n)
                  ? undefined
                  : Math.min(64, Math.max(1, n)),
              );
            }}
          />
        </div>
      );
  }
}
