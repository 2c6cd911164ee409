// Pseudo-code (our own words, not kernel code) of a VMA leaving its anon_vmas and of dropping
// references: unlink_anon_vmas, anon_vma_unlink, drop_anon_vma, put_anon_vma, anon_vma_free.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry } from '../types';

const batched = (f: Flags) => f.batchLock;
const perEntry = (f: Flags) => !f.batchLock;
const pinned = (f: Flags) => f.pinRoot && f.trackRoot;
const decAndLock = (f: Flags) => f.ksmDrop === 'dec-and-lock';
const decThenLock = (f: Flags) => f.ksmDrop === 'dec-then-lock';

export const unlinkCode: CodeEntry[] = [
  {
    fn: 'unlink_anon_vmas',
    summary: 'A VMA going away leaves every anon_vma on its chain; empty ones are freed.',
    lines: [
      { text: 'for each avc on the VMA’s chain, newest first:', when: perEntry },
      {
        text: 'anon_vma_unlink(avc): off the anon_vma’s list, free it if empty',
        depth: 1,
        when: perEntry,
      },
      { text: 'pass 1, under one root lock:', when: batched },
      { text: 'for each avc, newest first:', depth: 1, when: batched },
      { text: 'root = lock_anon_vma_root(root, anon_vma)', depth: 2, when: batched },
      {
        id: 'remove',
        text: 'take the avc off the anon_vma’s list or tree',
        depth: 2,
        when: batched,
      },
      {
        text: 'anon_vma now empty? keep the avc for pass 2; else free the avc now',
        depth: 2,
        when: batched,
      },
      {
        id: 'uncount',
        text: 'the VMA no longer counts on its anon_vma (reuse bookkeeping)',
        depth: 1,
        when: (f) => f.reuse !== 'none',
      },
      { text: 'unlock_anon_vma_root(root)', depth: 1, when: batched },
      { text: 'pass 2, no lock held: for each kept avc:', when: batched },
      {
        text: 'put_anon_vma(anon_vma): may free it (and take the root lock)',
        depth: 1,
        when: batched,
      },
      { id: 'free-avc', text: 'take the avc off the VMA’s chain and free it', depth: 1 },
    ],
  },
  {
    fn: 'anon_vma_unlink',
    summary: 'Before 3.0: one chain entry leaves its anon_vma under that anon_vma’s (root) lock.',
    lines: [
      { id: 'lock', text: 'lock the anon_vma (the root’s lock once the root series applies)' },
      { id: 'del', text: 'remove the entry from the anon_vma’s list' },
      { text: 'empty = list now empty and no KSM/migration reference left' },
      { id: 'unlock', text: 'unlock' },
      { text: 'if empty and not the root: drop_anon_vma(root) — our pin on it', when: pinned },
      { id: 'free', text: 'if empty: free the anon_vma' },
    ],
  },
  {
    fn: 'drop_anon_vma',
    summary:
      'Before 3.0: drop a KSM or migration reference, freeing the anon_vma if it was the last.',
    lines: [
      {
        id: 'dec-and-lock',
        text: 'decrement the refcount; only if it reaches 0, return with the lock held',
        when: decAndLock,
      },
      { text: 'not the last reference: done', depth: 1, when: decAndLock },
      { id: 'dec-and-test', text: 'decrement the refcount, no lock held', when: decThenLock },
      { text: 'not zero: done', depth: 1, when: decThenLock },
      { id: 'lock', text: 'it reached 0: now take the lock', when: decThenLock },
      { id: 'empty', text: 'empty = is the anon_vma’s list empty?' },
      { text: 'if empty and not the root: drop our pin on the root', depth: 1, when: pinned },
      { id: 'unlock', text: 'unlock' },
      { id: 'free', text: 'if empty: free the anon_vma' },
      {
        id: 'free-root',
        text: 'root left unused and empty: free it too, after the child',
        when: pinned,
      },
    ],
  },
  {
    fn: 'put_anon_vma',
    summary: '3.0+: drop one reference; the last one frees the anon_vma.',
    lines: [{ id: 'dec', text: 'decrement the refcount; if it reached 0: __put_anon_vma()' }],
  },
  {
    fn: '__put_anon_vma',
    summary: '3.0+: the last reference is gone: free the anon_vma and drop its pin on the root.',
    lines: [
      { text: 'anon_vma_free(anon_vma)', when: (f) => f.childFirstFree },
      {
        id: 'root',
        text: 'if not the root: drop the pin on the root; the last one frees the root',
      },
      {
        text: 'anon_vma_free(anon_vma) — after the root may be gone',
        when: (f) => !f.childFirstFree,
      },
    ],
  },
  {
    fn: 'anon_vma_free',
    summary: '3.0+: free an anon_vma, first waiting out a walker that holds its root’s lock.',
    lines: [
      { id: 'root-locked', text: 'is the root’s lock held right now?' },
      { id: 'lock', text: 'yes: take it once', depth: 1 },
      { id: 'unlock', text: 'and drop it: the walker is gone', depth: 1 },
      { id: 'free', text: 'return the anon_vma to its slab cache' },
    ],
  },
  {
    fn: 'hold_anon_vma',
    summary: 'KSM keeps a reference on the anon_vma of a page it tracks.',
    lines: [
      { text: 'rmap_item->anon_vma = anon_vma' },
      { id: 'get', text: 'take a reference on the anon_vma' },
    ],
  },
  {
    fn: 'try_to_merge_with_ksm_page',
    summary: 'KSM merges a page and remembers its anon_vma in the rmap_item.',
    lines: [
      { text: 'merge the page with a KSM page (not modelled)' },
      { id: 'anon-vma', text: 'rmap_item->anon_vma = the page’s anon_vma, with a reference' },
    ],
  },
  {
    fn: 'ksm_drop_anon_vma',
    summary: 'KSM forgets an rmap_item: its anon_vma reference goes, maybe long after the process.',
    lines: [
      { id: 'drop', text: 'drop the rmap_item’s reference on its anon_vma' },
      { text: 'drop_anon_vma(anon_vma) before 3.0, put_anon_vma(anon_vma) after', depth: 1 },
    ],
  },
];
