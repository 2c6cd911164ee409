import { describe, expect, it } from 'vitest';
import { forkedForest } from '../graph/testForest';
import { cameraSubject } from './cameraSubject';

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
