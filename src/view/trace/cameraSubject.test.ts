import { describe, expect, it } from 'vitest';
import { forkedForest } from '../graph/testForest';
import { cameraSubject, drawsId } from './cameraSubject';

const none = { anonVmas: [], vmas: [], processes: [] };

describe('cameraSubject', () => {
  it("puts the step's own changes first, whole processes after what the caption names", () => {
    const s = cameraSubject({
      view: forkedForest,
      touched: new Set(['C']),
      named: { anonVmas: ['av0'], vmas: ['P:2'], processes: ['P'] },
    });
    expect(s.slice(0, 5)).toEqual([
      '[data-visiting]',
      '[data-changed="true"][data-kind="vma"]',
      '[data-changed="true"][data-kind="avc"]',
      '[data-changed="true"][data-kind="page"]',
      '[data-changed="true"]:not([data-kind="process"])',
    ]);
    const rest = s.slice(5);
    // "P:2" is an address inside P's VMA [0,4): the row framed is P:0
    expect(rest).toEqual([
      '[data-kind="anon_vma"][data-id="av0"]',
      '[data-kind="vma"][data-id="P:0"]',
      '[data-kind="process"][data-changed="true"]',
      // C changed: the columns its VMA sits on, vma->anon_vma first
      '[data-kind="anon_vma"][data-id="av1"]',
      '[data-kind="anon_vma"][data-id="av0"]',
      '[data-kind="process"][data-id="P"]',
      // under what the caption names: P's VMA sits on av0
      '[data-kind="anon_vma"][data-id="av0"]',
    ]);
  });

  it('frames the anon_vma under a changed AVC or page, and skips a name the state does not draw', () => {
    const s = cameraSubject({
      view: forkedForest,
      touched: new Set(['P:0/av0', 'C:2']),
      named: { ...none, vmas: ['Q:0', 'P:9'] },
    });
    expect(s).toContain('[data-kind="anon_vma"][data-id="av0"]');
    expect(s.some((x) => x.includes('Q:0') || x.includes('P:9'))).toBe(false);
  });

  it('looks back to an earlier change only when given one', () => {
    const s = cameraSubject({
      view: forkedForest,
      touched: new Set(),
      named: null,
      earlier: ['C:0'],
    });
    expect(s).toContain('[data-id="C:0"]');
    expect(cameraSubject({ view: forkedForest, touched: new Set(), named: null })).not.toContain(
      '[data-id="C:0"]',
    );
  });
});

describe('drawsId', () => {
  it('knows the objects a state draws, and not the rest', () => {
    for (const id of ['P', 'C:0', 'av1', 'C:2', 'C:0/av0'])
      expect(drawsId(forkedForest, id)).toBe(true);
    for (const id of ['G', 'C:9', 'av7', 'C:0/av7', 'mmap_sem:P'])
      expect(drawsId(forkedForest, id)).toBe(false);
  });
});
