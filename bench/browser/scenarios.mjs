// Scenarios for the browser benchmark (Contract 1 files, built in plain JS so the runner needs no
// TypeScript): a long fork / write / exit chain for scrubbing and stepping, and a fork tree of
// 1,000 processes for pan and zoom.
const FORMAT = 'anon-vma-forest/scenario@1';

/**
 * P maps 4 pages and writes one; then `children` times: fork a child, the child writes a page and
 * exits. About 40 micro-steps per child: 40 children give ~1,600 micro-steps.
 */
export function forkChain(children = 40) {
  const ops = [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
    { op: 'touch', pid: 'P', addr: 0, write: true },
  ];
  for (let i = 0; i < children; i++) {
    ops.push({ op: 'fork', pid: 'P', child: `C${i}` });
    ops.push({ op: 'touch', pid: `C${i}`, addr: 1, write: true });
    ops.push({ op: 'exit', pid: `C${i}` });
  }
  return { format: FORMAT, title: `bench: fork chain of ${children} children`, era: '6.1', ops };
}

/** P0 maps and writes a page; process i forks from process (i - 1) / 2: a binary fork tree. */
export function forkTree(processes = 1000) {
  const ops = [
    { op: 'spawn', pid: 'P0' },
    { op: 'mmap', pid: 'P0', addr: 0, pages: 1 },
    { op: 'touch', pid: 'P0', addr: 0, write: true },
  ];
  for (let i = 1; i < processes; i++) {
    ops.push({ op: 'fork', pid: `P${(i - 1) >> 1}`, child: `P${i}` });
  }
  return { format: FORMAT, title: `bench: fork tree of ${processes} processes`, era: '6.1', ops };
}

/** Issue 11's two big scenarios (the same as bench/bigScenarios.ts writes). */
const bigHead = () => [
  { op: 'spawn', pid: 'P0' },
  { op: 'mmap', pid: 'P0', addr: 0, pages: 4 },
  { op: 'touch', pid: 'P0', addr: 0, write: true },
];

export function deepChain(depth = 1000) {
  const ops = bigHead();
  for (let i = 1; i <= depth; i++) {
    ops.push({ op: 'fork', pid: `P${i - 1}`, child: `P${i}` });
    ops.push({ op: 'touch', pid: `P${i}`, addr: 0, write: true });
  }
  return { format: FORMAT, title: `A fork chain ${depth} processes deep`, era: '6.1', ops };
}

export function forkFan(children = 1000) {
  const ops = bigHead();
  for (let i = 1; i <= children; i++) {
    ops.push({ op: 'fork', pid: 'P0', child: `C${i}` });
    ops.push({ op: 'touch', pid: `C${i}`, addr: 0, write: true });
  }
  return { format: FORMAT, title: `${children} forks of one parent`, era: '6.1', ops };
}
