// One flag: its control, its value in the era, a "changed" mark with a reset, and its sources.
import type { Flags } from '../../kernel';
import type { PatchInfo } from '../../patches/patches';
import { CitationList } from './CitationList';
import { FlagControl, showFlagValue } from './FlagControl';

export interface FlagRowProps {
  patch: PatchInfo;
  value: Flags[keyof Flags];
  eraValue: Flags[keyof Flags];
  eraLabel: string;
  changed: boolean;
  onChange: (value: Flags[keyof Flags] | undefined) => void;
  onReset: () => void;
}

export function FlagRow({
  patch,
  value,
  eraValue,
  eraLabel,
  changed,
  onChange,
  onReset,
}: FlagRowProps) {
  const meaning = patch.values?.[String(value)];
  return (
    <li
      className={`flag-row${changed ? ' is-changed' : ''}`}
      data-testid={`flag-${patch.flag}`}
      data-changed={changed}
    >
      <FlagControl patch={patch} value={value} onChange={onChange} />
      <p className="flag-era">
        {`in ${eraLabel}: ${showFlagValue(eraValue)}`}
        {changed && (
          <>
            <span className="flag-changed">{` · changed to ${showFlagValue(value)}`}</span>
            <button
              type="button"
              className="flag-reset"
              onClick={onReset}
              aria-label={`Reset ${patch.name} to the era's value`}
            >
              Reset
            </button>
          </>
        )}
      </p>
      {meaning !== undefined && (
        <p className="flag-meaning">{`${showFlagValue(value)}: ${meaning}`}</p>
      )}
      <p className="flag-summary">{patch.summary}</p>
      <CitationList cites={patch.cites} />
    </li>
  );
}
