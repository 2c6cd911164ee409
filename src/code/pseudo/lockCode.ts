// Pseudo-code (our own words, not kernel code) of the locks around a VMA: mmap_lock as 5.8 named
// it, the page-fault entry that takes it, and the per-VMA lock of 6.4 on.
import type { Flags } from '../../kernel/flags';
import type { CodeEntry } from '../types';

const perVma = (f: Flags) => f.perVmaLock;

export const lockCode: CodeEntry[] = [
  {
    fn: 'mmap_lock',
    summary:
      'The per-process reader/writer semaphore around VMA changes (mmap_sem until 5.8). From 6.4 its write unlock also ends the per-VMA write locks.',
    lines: [
      {
        id: 'lock',
        text: 'mmap_write_lock(mm) to change VMAs; mmap_read_lock(mm) to read them',
      },
      { text: 'the operation runs', depth: 1 },
      {
        id: 'downgrade',
        text: 'munmap, once its VMAs are detached: mmap_write_downgrade(mm), so faults can run',
        when: (f) => f.munmapDowngrade !== 'never',
      },
      {
        id: 'end-write-all',
        text: 'vma_end_write_all(mm): mm_lock_seq moves on, every VMA this writer locked is unlocked',
        when: perVma,
      },
      { id: 'unlock', text: 'mmap_write_unlock(mm) / mmap_read_unlock(mm)' },
    ],
  },
  {
    fn: 'do_user_addr_fault',
    summary: 'x86’s page-fault handler for user addresses: which lock the fault runs under.',
    lines: [
      { text: 'per-VMA locks: vma = lock_vma_under_rcu(mm, address)', when: perVma },
      { text: 'got it: handle_mm_fault(vma, FAULT_FLAG_VMA_LOCK)', depth: 1, when: perVma },
      { text: 'done unless VM_FAULT_RETRY: vma_end_read(vma), return', depth: 1, when: perVma },
      { text: 'vma = lock_mm_and_find_vma(mm, address): mmap_lock for read' },
      { text: 'handle_mm_fault(vma, flags)' },
      { id: 'unlock', text: 'mmap_read_unlock(mm)' },
    ],
  },
  {
    fn: 'lock_mm_and_find_vma',
    summary:
      'Take mmap_lock for read and find the VMA; a stack below the address is grown under the write lock (2023).',
    lines: [
      { id: 'lock', text: 'mmap_read_trylock, else mmap_read_lock_killable' },
      { text: 'find_vma(mm, address): found and covering it: return it' },
      { text: 'a grows-down VMA above: upgrade to the write lock, expand_stack, downgrade' },
    ],
  },
  {
    fn: 'lock_vma_under_rcu',
    summary:
      'Find the faulting VMA without mmap_lock and read-lock just that VMA (6.4); NULL sends the fault to mmap_lock.',
    lines: [
      { id: 'walk', text: 'rcu_read_lock(); vma = the maple tree’s entry at address' },
      { text: 'none: return NULL', depth: 1 },
      { text: 'vma_start_read(vma) fails: return NULL' },
      { text: 'vma detached meanwhile: vma_end_read, look again' },
      { text: 'address no longer inside vma: vma_end_read, return NULL' },
      { text: 'rcu_read_unlock(); return vma, read-locked' },
    ],
  },
  {
    fn: 'vma_start_read',
    summary: 'Try to read-lock one VMA; never waits.',
    lines: [
      { text: 'vm_lock_seq == mm_lock_seq: a writer has marked it, fail' },
      { id: 'trylock', text: 'down_read_trylock(&vma->vm_lock->lock), else fail' },
      { text: 'the mark appeared meanwhile: up_read, fail' },
    ],
  },
  {
    fn: 'vma_end_read',
    summary: 'Drop a VMA’s read lock.',
    lines: [{ id: 'unlock', text: 'up_read(&vma->vm_lock->lock) (under rcu_read_lock)' }],
  },
  {
    fn: 'vma_start_write',
    summary:
      'A writer (holding mmap_lock for write) locks one VMA against per-VMA-lock faults until it releases mmap_lock.',
    lines: [
      { text: 'already marked with this mmap_lock’s mm_lock_seq: nothing to do' },
      {
        id: 'lock',
        text: 'down_write(&vma->vm_lock->lock): wait for the faults that hold it for read',
      },
      { text: 'vma->vm_lock_seq = mm_lock_seq: marked write-locked', depth: 1 },
      { text: 'up_write; the mark stays until vma_end_write_all', depth: 1 },
    ],
  },
  {
    fn: 'vmf_anon_prepare',
    summary:
      'A fault that needs vma->anon_vma: anon_vma_prepare looks at the neighbours, which the per-VMA lock does not cover.',
    lines: [
      { text: 'vma->anon_vma already set: return 0' },
      {
        id: 'trylock',
        text: 'only the per-VMA lock held: mmap_read_trylock(mm)',
      },
      {
        id: 'retry',
        text: 'failed: vma_end_read(vma), return VM_FAULT_RETRY (the fault runs again under mmap_lock)',
        depth: 1,
      },
      { text: '__anon_vma_prepare(vma)' },
      { id: 'unlock', text: 'mmap_read_unlock(mm) if it was taken here' },
    ],
  },
];
