import { describe, expect, it } from 'vitest';
import { ERAS } from '../../kernel';
import type { Flags, ViewState } from '../../kernel';
import { forkedForest, testAnonVma, testVma } from '../graph/testForest';
import { describeAsText, describeObject } from './describeObject';

const print = (kind: Parameters<typeof describeObject>[1]['kind'], id: string) =>
  describeAsText(describeObject(forkedForest, { kind, id }));

describe('describeObject', () => {
  it('prints an anon_vma with the fields of its era', () => {
    expect(print('anon_vma', 'av1')).toBe(
      'struct anon_vma av1 { root = [av0], parent = [av0], refcount = 1, num_children = 0, ' +
        'num_active_vmas = 1, rwsem = unlocked, rb_root: [C:0/av1] }',
    );
    expect(print('anon_vma', 'av0')).toContain('rwsem = held R by cpu0 cpu1, waiting: cpu2');
  });

  it('says when an anon_vma is read under RCU only, and when its memory was reused', () => {
    const a = testAnonVma('av1', { tree: ['C:0'], reused: 1, rcuReaders: 1 });
    const view = { ...forkedForest, anonVmas: [a] };
    const text = describeAsText(describeObject(view, { kind: 'anon_vma', id: 'av1' }));
    expect(text).toContain('RCU readers: 1');
    expect(text).toContain('reused: once');
    expect(print('anon_vma', 'av0')).not.toContain('reused');
  });

  it('shows the per-VMA lock (6.12) and the mmap lock under the era’s name', () => {
    const v = { ...testVma('C', 0, 4, ['av1', 'av0']), lockedBy: [0], lockMode: 'r' as const };
    const p = {
      pid: 'C',
      parent: 'P',
      vmas: [v],
      lockedBy: [1],
      lockMode: 'w' as const,
      waiting: [2],
    };
    const view = { ...forkedForest, processes: [p] };
    const at = (era: '3.19' | '6.12', kind: 'vma' | 'process', id: string) =>
      describeAsText(describeObject({ ...view, era, flags: ERAS[era] }, { kind, id }));
    expect(at('6.12', 'vma', 'C:0')).toContain('vm_lock = held R by cpu0');
    expect(at('3.19', 'vma', 'C:0')).not.toContain('vm_lock');
    expect(at('6.12', 'process', 'C')).toContain('mmap_lock = held W by cpu1, waiting: cpu2');
    expect(at('3.19', 'process', 'C')).toContain('mmap_sem = held W by cpu1, waiting: cpu2');
  });

  it('names fields as the era does', () => {
    const {
      root: _r,
      parent: _p,
      num_children: _n,
      num_active_vmas: _a,
      ...bare
    } = testAnonVma('av0', { tree: ['P:0'] });
    const view: ViewState = {
      ...forkedForest,
      era: '2.6.34',
      flags: ERAS['2.6.34'],
      anonVmas: [bare],
    };
    const text = describeAsText(describeObject(view, { kind: 'anon_vma', id: 'av0' }));
    expect(text).toBe('struct anon_vma av0 { ksm_refcount = 1, lock = unlocked, head: [P:0/av0] }');
    const e33: ViewState = { ...view, era: '2.6.33', flags: ERAS['2.6.33'] };
    expect(describeAsText(describeObject(e33, { kind: 'anon_vma', id: 'av0' }))).toContain(
      'head: [P:0]',
    );
  });

  it('prints the fields of the flags the model ran with, overrides included', () => {
    // 3.8 with the rwsem and the interval tree switched back to 3.0's mutex and list
    const flags: Flags = { ...ERAS['3.8'], lockKind: 'mutex', tree: 'list' };
    const view: ViewState = { ...forkedForest, era: '3.8', flags };
    const text = describeAsText(describeObject(view, { kind: 'anon_vma', id: 'av1' }));
    expect(text).toContain('mutex = unlocked, head: [C:0/av1]');
    const noAvc = { ...view, flags: { ...flags, avc: false } };
    expect(describeAsText(describeObject(noAvc, { kind: 'vma', id: 'C:0' }))).not.toContain(
      'anon_vma_chain',
    );
    expect(describeAsText(describeObject(view, { kind: 'avc', id: 'C:0/av0' }))).toContain(
      'same_anon_vma = entry 2 of 2',
    );
  });

  it('prints a VMA, an AVC, a page-table entry and a process with their links', () => {
    expect(print('vma', 'C:0')).toBe(
      'struct vm_area_struct C:0 { vm_mm = [C], vm_start = 0, vm_end = 4, vm_pgoff = 0, ' +
        'vm_flags = VM_READ|VM_WRITE, anon_vma = [av1], anon_vma_chain: [C:0/av1, C:0/av0] }',
    );
    expect(print('avc', 'C:0/av0')).toBe(
      'struct anon_vma_chain C:0/av0 { vma = [C:0], anon_vma = [av0], same_vma = entry 2 of 2, ' +
        'rb = entry 2 of 2 }',
    );
    expect(print('page', 'C:1')).toBe(
      'pte C:1 → struct page 2 { vma = [C:0], pte = present, page 2, page->mapping = [av0], ' +
        'page->index = 1, page->_mapcount = 1, mapped by: [P:1, C:1] }',
    );
    expect(print('page', 'C:2')).toContain('pte = migration entry for page 4');
    expect(print('process', 'C')).toBe(
      'struct mm_struct C { parent = [P], mmap_lock = unlocked, mmap: [C:0] }',
    );
  });

  it('says when the object is not alive at this step', () => {
    const d = describeObject(forkedForest, { kind: 'avc', id: 'P:0/av1' });
    expect(d.alive).toBe(false);
    expect(describeObject(forkedForest, { kind: 'vma', id: 'Z:0' }).alive).toBe(false);
  });

  it('treats a VMA without anon_vma as NULL', () => {
    const view = {
      ...forkedForest,
      processes: [{ pid: 'Q', parent: null, vmas: [testVma('Q', 5, 6, [])] }],
    };
    expect(describeAsText(describeObject(view, { kind: 'vma', id: 'Q:5' }))).toContain(
      'anon_vma = NULL, anon_vma_chain: []',
    );
  });
});
