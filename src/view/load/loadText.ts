// The load box's words and bar: which phase the worker is in and how far it got.
import type { LoadProgress } from './loadProtocol';

const num = (n: number) => n.toLocaleString('en-US');

/** Share of the bar each phase fills, in order (the replay is most of the work). */
const SPANS: Record<LoadProgress['phase'], readonly [number, number]> = {
  replay: [0, 0.45],
  checkpoints: [0.45, 0.55],
  layout: [0.55, 0.85],
  metrics: [0.85, 0.9],
  sending: [0.9, 1],
};

export function loadFraction(p: LoadProgress | null): number {
  if (!p) return 0;
  const [from, to] = SPANS[p.phase];
  const part =
    p.phase === 'replay' ? (p.ops ? (p.op ?? 0) / p.ops : 0) : p.total > 0 ? p.done / p.total : 0;
  return from + (to - from) * Math.min(1, Math.max(0, part));
}

export function loadText(p: LoadProgress | null): string {
  if (!p) return 'Starting the replay…';
  switch (p.phase) {
    case 'replay':
      return `Replaying: ${num(p.done)} micro-steps, op ${num(p.op ?? 0)} of ${num(p.ops ?? 0)}`;
    case 'checkpoints':
      return `Keeping a state every few thousand of its ${num(p.total)} micro-steps`;
    case 'layout':
      return `Laying out the forest: ${num(p.done)} of ${num(p.total)} sampled states`;
    case 'metrics':
      return `Counting anon_vmas per family after each of ${num(p.total)} ops`;
    case 'sending':
      return `Handing the trace to the page: ${num(p.done)} of ${num(p.total)} micro-steps`;
  }
}
