// The postMessage protocol (DESIGN.md Contract 4), as pure functions: what an embedding page may
// send, checked field by field, and what the page answers. A message from another window is
// untrusted input: anything not exactly one of the four shapes is ignored, a `load` payload is
// size-checked before the scenario validator sees it, and no string in a message is ever put into
// the page as HTML (the page only moves its cursor or replays a validated scenario).
import { parseScenario } from '../kernel/scenario';
import type { Scenario } from '../kernel/scenarioTypes';

export const MESSAGE_PREFIX = 'anon-vma-forest:';
/** The largest scenario a `load` may carry, in characters of JSON (as a scenario file). */
export const MAX_MESSAGE_CHARS = 2_000_000;
const MAX_DEPTH = 64;
const MAX_STEP = 10_000_000;

export type Inbound =
  | { type: 'goto'; step: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'load'; scenario: Scenario }
  /** a `load` that failed validation: answered with an error message */
  | { type: 'invalid-load'; message: string };

export interface StateMessage {
  type: 'anon-vma-forest:state';
  step: number;
  steps: number;
  playing: boolean;
  era: string;
  violations: number;
}
export interface ResizeMessage {
  type: 'anon-vma-forest:resize';
  height: number;
}
export interface ErrorMessage {
  type: 'anon-vma-forest:error';
  message: string;
}
export type Outbound = StateMessage | ResizeMessage | ErrorMessage;

/** An object literal: not an array, a Date, a Map, a typed array or a class instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `v` is plain JSON data (objects, arrays, strings, finite numbers, booleans, null) of at
 * most `max` characters when written out. Walks with a budget, so a huge or cyclic payload (the
 * structured clone keeps cycles) is rejected without being serialised first.
 */
export function jsonSizeWithin(v: unknown, max: number): { ok: true } | { ok: false; why: string } {
  let budget = max;
  const seen = new Set<object>();
  const walk = (x: unknown, depth: number): string | null => {
    if (depth > MAX_DEPTH) return `it is nested more than ${MAX_DEPTH} levels deep`;
    if (x === null || typeof x === 'boolean') budget -= 5;
    else if (typeof x === 'number') {
      if (!Number.isFinite(x)) return 'it holds a number JSON cannot write';
      budget -= 24;
    } else if (typeof x === 'string') budget -= x.length + 2;
    else if (Array.isArray(x) || isPlainObject(x)) {
      if (seen.has(x)) return 'it refers to itself';
      seen.add(x);
      if (Array.isArray(x)) {
        if (Object.getPrototypeOf(x) !== Array.prototype)
          return 'it holds an object that is not plain JSON';
        budget -= 2 + x.length;
        if (budget < 0) return null;
        for (const item of x) {
          const why = walk(item, depth + 1);
          if (why !== null || budget < 0) return why;
        }
      } else {
        for (const key of Object.keys(x)) {
          budget -= key.length + 4;
          if (budget < 0) return null;
          const why = walk(x[key], depth + 1);
          if (why !== null || budget < 0) return why;
        }
      }
      seen.delete(x);
    } else return 'it holds a value that is not plain JSON';
    return null;
  };
  const why = walk(v, 0);
  if (why !== null) return { ok: false, why };
  if (budget < 0) return { ok: false, why: `it is larger than ${max / 1_000_000} MB` };
  return { ok: true };
}

/** What a message asks for, or null when it is not one of ours (ignored, silently). */
export function parseInbound(data: unknown): Inbound | null {
  if (!isPlainObject(data)) return null;
  const type = data.type;
  if (typeof type !== 'string' || !type.startsWith(MESSAGE_PREFIX)) return null;
  const keys = Object.keys(data);
  const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));
  switch (type.slice(MESSAGE_PREFIX.length)) {
    case 'goto': {
      const step = data.step;
      if (!only('type', 'step')) return null;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_STEP)
        return null;
      return { type: 'goto', step };
    }
    case 'play':
      return only('type') ? { type: 'play' } : null;
    case 'pause':
      return only('type') ? { type: 'pause' } : null;
    case 'load':
      return only('type', 'scenario') ? parseLoad(data.scenario) : null;
    default:
      return null;
  }
}

function parseLoad(scenario: unknown): Inbound {
  const invalid = (why: string): Inbound => ({
    type: 'invalid-load',
    message: `load rejected: ${why}`,
  });
  if (typeof scenario === 'string') {
    if (scenario.length > MAX_MESSAGE_CHARS) return invalid(`the scenario is larger than 2 MB`);
  } else {
    if (!isPlainObject(scenario)) return invalid('the scenario must be a JSON object (Contract 1)');
    const size = jsonSizeWithin(scenario, MAX_MESSAGE_CHARS);
    if (!size.ok) return invalid(`the scenario is not accepted: ${size.why}`);
  }
  try {
    return { type: 'load', scenario: parseScenario(scenario) };
  } catch (err) {
    return invalid(err instanceof Error ? err.message : String(err));
  }
}

export function stateMessage(s: Omit<StateMessage, 'type'>): StateMessage {
  return { type: 'anon-vma-forest:state', ...s };
}

export function resizeMessage(height: number): ResizeMessage {
  return { type: 'anon-vma-forest:resize', height: Math.ceil(height) };
}

export function errorMessage(message: string): ErrorMessage {
  return { type: 'anon-vma-forest:error', message };
}
