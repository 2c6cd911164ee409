// One line per op for the builder's op list, in the words of the palette.
import type { ScenarioOp, SimpleOp } from '../../kernel';

const pages = (addr: number, n: number) =>
  n === 1 ? `page ${addr}` : `pages ${addr}–${addr + n - 1}`;

function simple(op: SimpleOp): string {
  switch (op.op) {
    case 'spawn':
      return `spawn ${op.pid}`;
    case 'mmap':
      return `mmap ${op.pid} ${pages(op.addr, op.pages)}${op.growsdown ? ' (grows down)' : ''}`;
    case 'touch':
      return `${op.write ? 'write' : 'read'} ${op.pid}:${op.addr}`;
    case 'fork':
      return `fork ${op.pid} → ${op.child}`;
    case 'mprotect':
      return `mprotect ${op.pid} ${pages(op.addr, op.pages)} ${op.prot}`;
    case 'munmap':
      return `munmap ${op.pid} ${pages(op.addr, op.pages)}`;
    case 'mremap':
      return `mremap ${op.pid} ${pages(op.addr, op.pages)} → ${op.newAddr}`;
    case 'expand':
      return `expand ${op.pid}:${op.addr} by ${op.pages}`;
    case 'exit':
      return `exit ${op.pid}`;
    case 'migrate':
      return `migrate ${op.pid}:${op.addr}`;
    case 'ksm_get':
      return `KSM get ${op.ref} on ${op.pid}:${op.addr}`;
    case 'ksm_put':
      return `KSM put ${op.ref}`;
    case 'take_all_locks':
      return `take_all_locks ${op.pid}`;
    case 'reclaim':
      return `reclaim ${op.pid}:${op.addr}`;
  }
}

export function describeOp(op: ScenarioOp): string {
  if (op.op !== 'parallel') return simple(op);
  const threads = op.threads.map((t, i) => `cpu${i}: ${t.map(simple).join(', ')}`);
  return `parallel { ${threads.join(' | ')} }`;
}
