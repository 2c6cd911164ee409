// Pseudo-code (our own words, not kernel code) of how a VMA gets its anon_vma and chain:
// anon_vma_prepare, anon_vma_fork, anon_vma_clone, anon_vma_chain_link and their lock helpers.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry } from '../types';

const chains = (f: Flags) => f.avc;
const noChains = (f: Flags) => !f.avc;
const batched = (f: Flags) => f.batchLock;
const perEntry = (f: Flags) => !f.batchLock;
const reuses = (f: Flags) => f.reuse !== 'none';
const assigns = (f: Flags) => f.chainAssign;
const batchedLink = (f: Flags) => f.batchLock && !f.chainAssign;

export const rmapCode: CodeEntry[] = [
  {
    fn: '__anon_vma_prepare',
    summary: 'The first write fault in a VMA gives it an anon_vma: a neighbour’s, or a new root.',
    lines: [
      { text: 'if vma->anon_vma is set: nothing to do' },
      {
        id: 'alloc-avc',
        text: 'allocate one anon_vma_chain entry (avc) for this VMA',
        when: chains,
      },
      { id: 'alloc-avc', text: 'vma->anon_vma is NULL: one is needed', when: noChains },
      { text: 'anon_vma = find_mergeable_anon_vma(vma)' },
      { text: 'if there is none to share:' },
      { id: 'alloc', text: 'allocate a new anon_vma; it is its own root', depth: 1 },
      { id: 'lock', text: 'lock the anon_vma (the root’s lock once the root series applies)' },
      { id: 'install', text: 'take page_table_lock; is vma->anon_vma still NULL?' },
      { id: 'link', text: 'yes: vma->anon_vma = anon_vma, put the avc on both lists', depth: 1 },
      { text: 'otherwise another CPU won the race', depth: 1 },
      { id: 'unlock', text: 'unlock' },
      { id: 'free-unused', text: 'if we lost the race: free the anon_vma we allocated' },
    ],
  },
  {
    fn: 'find_mergeable_anon_vma',
    summary: 'Share an adjacent VMA’s anon_vma when the two could merge one day.',
    lines: [
      { id: 'find', text: 'look at the next VMA, then the previous one:' },
      { text: 'adjacent, compatible flags, contiguous vm_pgoff?', depth: 1 },
      { text: 'and its chain has a single entry (not a fork’s copy)?', depth: 1 },
      { text: 'then return its anon_vma, else none', depth: 1 },
    ],
  },
  {
    fn: 'anon_vma_fork',
    summary: 'fork: the child VMA gets a copy of the parent’s chain plus an anon_vma of its own.',
    lines: [
      { id: 'check', text: 'if the parent VMA has no anon_vma: nothing to do' },
      { text: 'child->anon_vma = NULL (so the clone may pick one to reuse)', when: reuses },
      { text: 'anon_vma_clone(child, parent): one avc per anon_vma on the parent’s chain' },
      { id: 'reused', text: 'the clone reused an ancestor: no new anon_vma, done', when: reuses },
      {
        id: 'limit',
        text: 'parent’s chain at the length cap: share the parent’s anon_vma, done',
        when: (f) => f.chainLimit !== undefined,
      },
      { id: 'alloc', text: 'allocate a new anon_vma for the child' },
      { id: 'root', text: 'new->root = the parent anon_vma’s root', when: (f) => f.trackRoot },
      { text: 'new->parent = the parent anon_vma (for reuse)', when: reuses },
      {
        id: 'get',
        text: 'take a reference on the root: it must outlive us',
        when: (f) => f.pinRoot,
      },
      {
        id: 'set',
        text: 'child->anon_vma = new',
        when: (f) => f.trackRoot || f.batchLock,
      },
      { text: 'anon_vma_chain_link(child, avc, new) — takes the lock itself', when: perEntry },
      {
        id: 'set',
        text: 'child->anon_vma = new (only after linking)',
        when: (f) => !f.trackRoot && !f.batchLock,
      },
      {
        id: 'assign',
        text: 'anon_vma_chain_assign(child, avc, new): head of the child’s chain, no lock needed',
        when: assigns,
      },
      { id: 'lock', text: 'lock new’s root', when: batched },
      { text: 'anon_vma_chain_link(child, avc, new)', depth: 1, when: batchedLink },
      {
        id: 'tree-insert',
        text: 'insert avc in new’s interval tree: walkers read it, so under the lock',
        depth: 1,
        when: assigns,
      },
      { id: 'count-parent', text: 'count new as a child of its parent', depth: 1, when: reuses },
      { id: 'unlock', text: 'unlock the root', when: batched },
    ],
  },
  {
    fn: 'anon_vma_clone',
    summary: 'Give a VMA one avc for every anon_vma on another VMA’s chain (fork, split, merge).',
    lines: [
      { text: 'for each avc on src’s chain, oldest first:' },
      { id: 'alloc', text: 'allocate an avc', depth: 1 },
      {
        text: 'anon_vma_chain_link(dst, avc, anon_vma) — one lock round each',
        depth: 1,
        when: perEntry,
      },
      { text: 'root = lock_anon_vma_root(root, anon_vma)', depth: 1, when: batched },
      { text: 'anon_vma_chain_link(dst, avc, anon_vma)', depth: 1, when: batchedLink },
      {
        id: 'link',
        text: 'anon_vma_chain_assign(dst, avc, anon_vma); insert avc in its interval tree',
        depth: 1,
        when: assigns,
      },
      {
        text: 'an ancestor with few users can become dst->anon_vma (reuse)',
        depth: 1,
        when: reuses,
      },
      { id: 'count', text: 'count dst on the anon_vma it reused', when: reuses },
      { text: 'unlock_anon_vma_root(root)', when: batched },
    ],
  },
  {
    fn: 'anon_vma_chain_link',
    summary: 'Join one VMA and one anon_vma: the avc goes on both lists.',
    lines: [
      { text: 'avc->vma = vma; avc->anon_vma = anon_vma' },
      {
        id: 'same-vma',
        text: 'add the avc at the head of the VMA’s same_vma chain',
        when: perEntry,
      },
      {
        id: 'lock',
        text: 'lock the anon_vma (the root’s lock once the root series applies)',
        when: perEntry,
      },
      {
        id: 'same-anon-vma',
        text: 'add the avc at the tail of the anon_vma’s same_anon_vma list',
        when: perEntry,
      },
      { id: 'unlock', text: 'unlock', when: perEntry },
      {
        id: 'link',
        text: 'add the avc to the VMA’s chain and to the anon_vma’s list or tree (root lock held by the caller)',
        when: batched,
      },
    ],
  },
  {
    fn: 'anon_vma_link',
    summary: 'Before anon_vma_chain (2.6.33): a forked VMA joins the one shared anon_vma’s list.',
    lines: [
      { text: 'if vma->anon_vma is set:' },
      { id: 'lock', text: 'lock the anon_vma', depth: 1 },
      { id: 'link', text: 'add the VMA at the tail of its list', depth: 1 },
      { id: 'unlock', text: 'unlock', depth: 1 },
    ],
  },
  {
    fn: 'lock_anon_vma_root',
    summary: 'Batching (3.0+): keep one root locked across a whole chain walk.',
    lines: [
      { text: 'if this anon_vma’s root is not the root we hold:' },
      {
        id: 'switch',
        text: 'unlock the root we held (a chain has one root: should not happen)',
        depth: 1,
      },
      { id: 'lock', text: 'lock the new root and remember it', depth: 1 },
      { text: 'return the root now held' },
    ],
  },
  {
    fn: 'unlock_anon_vma_root',
    summary: 'Batching (3.0+): drop the root lock taken by lock_anon_vma_root.',
    lines: [{ id: 'unlock', text: 'if a root is held: unlock it' }],
  },
];
