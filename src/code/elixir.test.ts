import { describe, expect, it } from 'vitest';
import { ERA_IDS } from '../kernel/flags';
import { ERA_TAGS, sourceLink } from './elixir';
import { SOURCES, V61_READ_AT } from './sources';
import { V612_READ_AT } from './sources612';
import { isAbsent } from './types';

const HREF =
  /^https:\/\/elixir\.bootlin\.com\/linux\/(v\d+\.\d+(?:\.\d+)*)\/source\/((?:[a-z0-9_]+\/)*[a-z0-9_]+\.[ch])(#L[1-9]\d*)?$/;

describe('elixir links', () => {
  it('maps every era to its release tag', () => {
    for (const era of ERA_IDS) expect(ERA_TAGS[era]).toBe(`v${era}`);
  });

  for (const fn of Object.keys(SOURCES)) {
    it(`${fn}: every era links a well-formed URL with that era's version`, () => {
      for (const era of ERA_IDS) {
        const a = sourceLink(fn, era);
        expect(a.kind).not.toBe('unknown');
        if (a.kind !== 'link') continue;
        const m = HREF.exec(a.link.href);
        expect(m, a.link.href).not.toBeNull();
        const [, tag, file, anchor] = m!;
        expect(file).toBe(a.link.file);
        // Same version: the era's tag, or a point release of it when that is where the line was read.
        expect(tag === `v${era}` || tag!.startsWith(`v${era}.`), `${tag} for ${era}`).toBe(true);
        expect(tag).toBe(a.link.tag);
        if (anchor) expect(anchor).toBe(`#L${a.link.line}`);
        else expect(a.link.line).toBeUndefined();
      }
    });
  }

  it('links 6.1 lines at the release they were read in', () => {
    const a = sourceLink('anon_vma_fork', '6.1');
    expect(a).toMatchObject({
      kind: 'link',
      link: { href: `https://elixir.bootlin.com/linux/v${V61_READ_AT}/source/mm/rmap.c#L337` },
    });
  });

  it('links 6.12 lines at the release they were read in, under 6.12’s names', () => {
    expect(sourceLink('anon_vma_fork', '6.12')).toMatchObject({
      kind: 'link',
      link: { href: `https://elixir.bootlin.com/linux/v${V612_READ_AT}/source/mm/rmap.c#L340` },
    });
    expect(sourceLink('vma_start_write', '6.12')).toMatchObject({
      kind: 'link',
      link: {
        href: `https://elixir.bootlin.com/linux/v${V612_READ_AT}/source/include/linux/mm.h#L750`,
      },
    });
    expect(sourceLink('page_move_anon_rmap', '6.12')).toMatchObject({
      kind: 'link',
      link: { name: 'folio_move_anon_rmap', line: 1216 },
    });
    expect(sourceLink('__vma_adjust', '6.12').kind).toBe('absent');
    expect(sourceLink('vma_start_write', '6.1').kind).toBe('absent');
    expect(sourceLink('mmap_sem', '6.1').kind).toBe('absent');
    expect(sourceLink('mmap_lock', '3.19').kind).toBe('absent');
  });

  it('never puts a line on a link it has not read (older eras link the file)', () => {
    for (const fn of Object.keys(SOURCES)) {
      for (const era of ERA_IDS.filter((e) => e !== '6.1' && e !== '6.12')) {
        const p = SOURCES[fn]![era];
        if (!isAbsent(p)) expect(p.line, `${fn} ${era}`).toBeUndefined();
      }
    }
    expect(sourceLink('anon_vma_clone', '2.6.34')).toMatchObject({
      kind: 'link',
      link: { href: 'https://elixir.bootlin.com/linux/v2.6.34/source/mm/rmap.c' },
    });
  });

  it('says when a function does not exist in an era', () => {
    expect(sourceLink('anon_vma_fork', '2.6.33').kind).toBe('absent');
    expect(sourceLink('__put_anon_vma', '2.6.36').kind).toBe('absent');
    expect(sourceLink('__put_anon_vma', '3.0').kind).toBe('link');
    expect(sourceLink('drop_anon_vma', '3.0').kind).toBe('absent');
    expect(sourceLink('no_such_fn', '6.1').kind).toBe('unknown');
  });

  it('gives every function present in 6.1 and in 6.12 a line', () => {
    for (const fn of Object.keys(SOURCES)) {
      for (const era of ['6.1', '6.12'] as const) {
        const p = SOURCES[fn]![era];
        if (!isAbsent(p)) expect(p.line, `${fn} in ${era}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('definition links where no line was read', () => {
  it('point at elixir’s identifier page for the era’s tag', () => {
    const a = sourceLink('__anon_vma_prepare', '2.6.34');
    expect(a.kind).toBe('link');
    if (a.kind !== 'link') return;
    expect(a.link.line).toBeUndefined();
    expect(a.link.definitionHref).toMatch(
      /^https:\/\/elixir\.bootlin\.com\/linux\/v2\.6\.34\/C\/ident\/\w+$/,
    );
  });
});
