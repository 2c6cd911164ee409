// A short name for a scenario op, for timeline markers and the step log: `fork P→C`.
import type { ScenarioOp } from '../../kernel';

export function opLabel(op: ScenarioOp | undefined): string {
  if (!op) return '?';
  switch (op.op) {
    case 'parallel':
      return `parallel (${op.threads.length} CPUs: ${op.threads.map((t) => t.map((o) => o.op).join('+')).join(' ∥ ')})`;
    case 'spawn':
    case 'exit':
    case 'take_all_locks':
      return `${op.op} ${op.pid}`;
    case 'fork':
      return `fork ${op.pid}→${op.child}`;
    case 'ksm_put':
      return `ksm_put ${op.ref}`;
    case 'mremap':
      return `mremap ${op.pid} ${op.addr}+${op.pages}→${op.newAddr}`;
    case 'touch':
      return `${op.write ? 'write' : 'touch'} ${op.pid} @${op.addr}`;
    case 'migrate':
    case 'ksm_get':
    case 'reclaim':
      return `${op.op} ${op.pid} @${op.addr}`;
    default:
      return `${op.op} ${op.pid} ${op.addr}+${op.pages}`;
  }
}
