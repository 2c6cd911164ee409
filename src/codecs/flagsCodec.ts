// Flag overrides in a link, compactly: `pinRoot:0,adjustLock:always,chainLimit:3`.
// Booleans are written 1/0; enum and count values as they are. Names are Contract 1 flag names.
import type { Flags } from '../kernel/flags';
import { checkFlagValue, FLAG_NAMES, FLAG_SPECS, isFlagName } from '../kernel/flags';

/** The `flags=` value for `flags` (names in FLAG_NAMES order, so equal flags give equal links). */
export function formatFlags(flags: Partial<Flags>): string {
  const parts: string[] = [];
  for (const name of FLAG_NAMES) {
    const value = flags[name];
    if (value === undefined) continue;
    parts.push(`${name}:${typeof value === 'boolean' ? (value ? '1' : '0') : String(value)}`);
  }
  return parts.join(',');
}

/** Reads a `flags=` value; an unknown name or a bad value is an error sentence. */
export function parseFlags(
  text: string,
): { ok: true; flags: Partial<Flags> } | { ok: false; error: string } {
  const flags: Record<string, unknown> = {};
  if (text === '') return { ok: true, flags: {} };
  for (const part of text.split(',')) {
    const colon = part.indexOf(':');
    const name = colon < 0 ? part : part.slice(0, colon);
    const raw = colon < 0 ? '' : part.slice(colon + 1);
    if (!isFlagName(name))
      return { ok: false, error: `unknown flag ${JSON.stringify(short(name))}` };
    if (Object.prototype.hasOwnProperty.call(flags, name)) {
      return { ok: false, error: `flag ${name} is given twice` };
    }
    const bool = FLAG_SPECS[name].kind === 'bool';
    const value = bool && raw === '1' ? 'true' : bool && raw === '0' ? 'false' : raw;
    const checked = checkFlagValue(name, value, true);
    if (!checked.ok) return { ok: false, error: checked.error };
    flags[name] = checked.value;
  }
  return { ok: true, flags: flags as Partial<Flags> };
}

function short(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
