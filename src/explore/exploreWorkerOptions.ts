// The kernel's options for an explore request: the same in the worker and in the main-thread
// fallback.
import type { ExploreOptions } from '../kernel/explore';
import type { ExploreRequest } from './protocol';

/** The kernel's options for a request (shared with the main-thread fallback). */
export function requestOptions(
  req: Omit<ExploreRequest, 'type' | 'id'>,
  progress: ExploreOptions['progress'],
): ExploreOptions {
  const opts: ExploreOptions = { progressMs: 250 };
  if (progress) opts.progress = progress;
  if (req.era !== undefined) opts.era = req.era;
  if (req.flags !== undefined) opts.flags = req.flags;
  if (req.maxStates !== undefined) opts.maxStates = req.maxStates;
  if (req.maxSeconds !== undefined) opts.maxSeconds = req.maxSeconds;
  return opts;
}
