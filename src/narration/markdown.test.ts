import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNarration } from './markdown';
import { narrationAt, opAt } from './narrationAt';

describe('narration markdown subset', () => {
  it('parses bold, italic, code, links and paragraphs', () => {
    const p = parseNarration(
      'A **root** and *a child*, `anon_vma`.\n\nSee [lore](https://lore.kernel.org/x/).',
    );
    expect(p).toHaveLength(2);
    expect(p[0]).toEqual([
      { t: 'text', s: 'A ' },
      { t: 'strong', s: 'root' },
      { t: 'text', s: ' and ' },
      { t: 'em', s: 'a child' },
      { t: 'text', s: ', ' },
      { t: 'code', s: 'anon_vma' },
      { t: 'text', s: '.' },
    ]);
    expect(p[1]).toContainEqual({ t: 'link', s: 'lore', href: 'https://lore.kernel.org/x/' });
  });
  it('keeps HTML and unsafe links as literal text', () => {
    const p = parseNarration(
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(2)</script>',
    );
    const text = p
      .flat()
      .map((t) => ('s' in t ? t.s : '\n'))
      .join('');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('[x](javascript:alert(1))');
    expect(p.flat().some((t) => t.t === 'link')).toBe(false);
  });
  it('never loses or invents characters (text tokens round-trip)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const flat = parseNarration(s).flat();
        for (const t of flat) if (t.t === 'link') expect(t.href).toMatch(/^https?:\/\//i);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('narrationAt', () => {
  const starts = [0, 2, 5];
  it('maps a cursor to its op', () => {
    expect(opAt(starts, 0)).toBe(-1);
    expect(opAt(starts, 1)).toBe(0);
    expect(opAt(starts, 3)).toBe(1);
    expect(opAt(starts, 6)).toBe(2);
  });
  it('holds a step entry from its step to the end of its op, or to the next step entry', () => {
    const n = [
      { op: 1, text: 'op one' },
      { step: 4, text: 'step four' },
      { op: 2, text: 'op two' },
      { step: 7, text: 'step seven' },
      { step: 9, text: 'step nine' },
    ];
    expect(narrationAt(n, starts, 3)).toBe('op one');
    expect(narrationAt(n, starts, 4)).toBe('step four');
    expect(narrationAt(n, starts, 5)).toBe('step four');
    expect(narrationAt(n, starts, 6)).toBe('op two');
    expect(narrationAt(n, starts, 7)).toBe('step seven');
    expect(narrationAt(n, starts, 8)).toBe('step seven');
    expect(narrationAt(n, starts, 12)).toBe('step nine');
    expect(narrationAt([{ step: 4, text: 'x' }], starts, 6)).toBeNull();
  });
});
