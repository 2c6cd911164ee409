import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenarios';
import type { Scenario } from '../kernel/scenarioTypes';
import { checksum } from './checksum';
import { formatFlags, parseFlags } from './flagsCodec';
import type { LinkState } from './linkState';
import { compressScenario, decodeLink, encodeLink, MAX_LINK_CHARS } from './urlCodec';

const builtinIds = builtinScenarios.map((b) => b.id);
const decode = (search: string) => decodeLink(search, { builtinIds });
const first = builtinScenarios[0]!;
const race = builtinScenarios.find((b) => b.id === 'race-8.1')!;

describe('link codec v1', () => {
  it('round-trips a built-in scenario with era, flags, step, view, theme and embed options', () => {
    const state: LinkState = {
      scenario: { kind: 'builtin', id: 'race-8.1' },
      era: '2.6.34',
      flags: { pinRoot: false, adjustLock: 'always', chainLimit: 1 },
      step: 12,
      view: 'matrix',
      theme: 'dark',
      embed: { start: 2, end: 20, loop: true, autoplay: true, speed: 2, controls: false },
    };
    const search = encodeLink(state);
    expect(search).toMatch(/^\?v=1&scenario=race-8\.1&era=2\.6\.34&flags=/);
    expect(decode(search)).toEqual({ state, version: 1, notices: [] });
  });

  it('round-trips a custom scenario as compressed JSON', () => {
    const scenario: Scenario = { ...race.scenario, title: 'Mine <b>&</b> "quoted"' };
    const search = encodeLink({ scenario: { kind: 'custom', scenario }, step: 'end' });
    expect(search).toContain('&j=');
    const out = decode(search);
    expect(out.notices).toEqual([]);
    expect(out.state.scenario).toEqual({ kind: 'custom', scenario });
    expect(out.state.step).toBe('end');
  });

  it('round-trips a custom scenario of format @2 (with a reclaim walk)', () => {
    const stale = builtinScenarios.find((b) => b.id === 'race-8.6')!.scenario;
    const scenario: Scenario = { ...stale, title: 'My stale root' };
    expect(scenario.format).toBe('anon-vma-forest/scenario@2');
    const out = decode(encodeLink({ scenario: { kind: 'custom', scenario }, step: 104 }));
    expect(out.notices).toEqual([]);
    expect(out.state.scenario).toEqual({ kind: 'custom', scenario });
  });

  it('opens the default with a clear message when the checksum does not match', () => {
    const search = encodeLink({
      scenario: { kind: 'builtin', id: 'race-8.1' },
      era: '3.0',
      step: 4,
    });
    const out = decode(search.replace('era=3.0', 'era=3.8'));
    expect(out.state).toEqual({});
    expect(out.notices).toEqual([
      expect.stringMatching(/damaged.*checksum does not match.*default/),
    ]);
    expect(decode(search.replace(/&c=[^&]*/, '')).notices[0]).toMatch(/checksum is missing/);
  });

  it('rejects a truncated compressed scenario, naming the problem', () => {
    const j = compressScenario(race.scenario);
    const cut = j.slice(0, j.length / 2);
    const search = `?v=1&j=${cut}&c=${checksum(`1|j:${cut}||`)}`;
    const out = decode(search);
    expect(out.state.scenario).toBeUndefined();
    expect(out.notices[0]).toMatch(
      /^The scenario in this link cannot be opened \(.+\): the default/,
    );
  });

  it('names what is wrong with a scenario that decompresses but is invalid', () => {
    const j = compressScenario({ ...first.scenario, ops: [{ op: 'fly' }] } as unknown as Scenario);
    const out = decode(`?v=1&j=${j}&c=${checksum(`1|j:${j}||`)}`);
    expect(out.notices[0]).toMatch(/unknown op/);
  });

  it('says that a newer format cannot be opened', () => {
    expect(decode('?v=2&scenario=x&embed=1').notices[0]).toMatch(/newer version .*v2/);
    expect(decode('?v=2&scenario=x&embed=1').state).toEqual({ embed: {} });
    expect(decode('?v=zz').notices[0]).toMatch(/unknown format version/);
  });

  it('ignores bad hand-edited presentation parameters one by one', () => {
    const out = decode(
      `${encodeLink({ scenario: { kind: 'builtin', id: first.id } })}&embed=1&speed=fast&start=3&loop=maybe`,
    );
    expect(out.state.scenario).toEqual({ kind: 'builtin', id: first.id });
    expect(out.state.embed).toEqual({ start: 3 });
    expect(out.notices).toHaveLength(2);
    expect(decode('?embed=1&start=9&end=3').notices[0]).toMatch(/start comes after end/);
  });

  it('says when the link is too long to paste safely', () => {
    expect(MAX_LINK_CHARS).toBe(8000);
  });
});

describe('legacy v0 links', () => {
  it('migrates ?scenario=&era=&step=&embed=', () => {
    expect(decode(`?scenario=${first.id}&era=3.0&step=12&embed=1`)).toEqual({
      state: { scenario: { kind: 'builtin', id: first.id }, era: '3.0', step: 12, embed: {} },
      version: 0,
      notices: [],
    });
    expect(decode('?step=end').state).toEqual({ step: 'end' });
    expect(decode('').version).toBeNull();
  });

  it('drops an unknown scenario and its step, with a message', () => {
    const out = decode('?scenario=nope&step=3&era=9.9');
    expect(out.state).toEqual({});
    expect(out.notices).toHaveLength(2);
    expect(out.notices[0]).toMatch(/does not exist here \("nope"\)/);
  });
});

describe('flags codec', () => {
  it('writes booleans as 1/0 and reads them back', () => {
    expect(formatFlags({ pinRoot: true, lockKind: 'mutex' })).toBe('pinRoot:1,lockKind:mutex');
    expect(parseFlags('pinRoot:1,lockKind:mutex')).toEqual({
      ok: true,
      flags: { pinRoot: true, lockKind: 'mutex' },
    });
    expect(parseFlags('chainLimit:1')).toEqual({ ok: true, flags: { chainLimit: 1 } });
  });

  it('names the bad flag', () => {
    expect(parseFlags('nope:1')).toEqual({ ok: false, error: 'unknown flag "nope"' });
    expect(parseFlags('pinRoot:2')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/pinRoot/),
    });
    expect(parseFlags('pinRoot:1,pinRoot:0')).toMatchObject({ ok: false });
  });
});

describe('link codec: modes and the compare view', () => {
  it('round-trips lecture mode and a compare view with its second side', () => {
    const lecture: LinkState = { scenario: { kind: 'builtin', id: 'race-8.1' }, mode: 'lecture' };
    expect(decode(encodeLink(lecture))).toEqual({ state: lecture, version: 1, notices: [] });
    const compare: LinkState = {
      scenario: { kind: 'builtin', id: 'race-8.1' },
      era: '2.6.34',
      step: 50,
      mode: 'compare',
      compare: { era: '2.6.36', flags: { pinRoot: false } },
    };
    const search = encodeLink(compare);
    expect(search).toContain('era2=2.6.36');
    expect(search).toContain('flags2=pinRoot%3A0');
    expect(decode(search)).toEqual({ state: compare, version: 1, notices: [] });
  });

  it('signs the second side, and keeps the checksum of links without one', () => {
    const plain = encodeLink({ scenario: { kind: 'builtin', id: 'race-8.1' }, era: '3.0' });
    expect(plain).toContain(`c=${checksum('1|s:race-8.1|3.0|')}`);
    const search = encodeLink({
      scenario: { kind: 'builtin', id: 'race-8.1' },
      mode: 'compare',
      compare: { era: '2.6.36' },
    });
    const out = decode(search.replace('era2=2.6.36', 'era2=3.0'));
    expect(out.state).toEqual({ mode: 'compare' });
    expect(out.notices).toEqual([expect.stringMatching(/checksum does not match/)]);
  });

  it('opens a hand-written compare link (v0) with its second era', () => {
    const out = decode('?scenario=race-8.1&era=2.6.34&era2=2.6.36&mode=compare&step=50');
    expect(out).toEqual({
      state: {
        scenario: { kind: 'builtin', id: 'race-8.1' },
        era: '2.6.34',
        step: 50,
        mode: 'compare',
        compare: { era: '2.6.36' },
      },
      version: 0,
      notices: [],
    });
  });

  it('drops a second side outside compare mode, and a bad mode, saying so', () => {
    const out = decode('?scenario=race-8.1&era2=2.6.36&step=3');
    expect(out.state).toEqual({ scenario: { kind: 'builtin', id: 'race-8.1' }, step: 3 });
    expect(out.notices).toEqual([expect.stringMatching(/second side.*mode=compare/)]);
    const bad = decode('?scenario=race-8.1&mode=slides&era2=4.0');
    expect(bad.state).toEqual({ scenario: { kind: 'builtin', id: 'race-8.1' } });
    expect(bad.notices).toEqual([
      expect.stringMatching(/^Ignored mode="slides".*lecture or compare/),
      expect.stringMatching(/era2.*"4\.0" is not a known era/),
    ]);
  });
});

describe('link codec: what an embed shows', () => {
  it('round-trips title=0, caption=0 and text=0, and names a bad value', () => {
    const state: LinkState = {
      scenario: { kind: 'builtin', id: 'race-8.1' },
      step: 3,
      embed: { title: false, caption: false, text: false },
    };
    const search = encodeLink(state);
    expect(search).toMatch(/&embed=1&title=0&caption=0&text=0$/);
    expect(decode(search)).toEqual({ state, version: 1, notices: [] });
    const bad = decode('?scenario=race-8.1&embed=1&title=no&caption=1');
    expect(bad.state.embed).toEqual({ caption: true });
    expect(bad.notices).toEqual([expect.stringMatching(/^Ignored title="no".*title is 1 or 0/)]);
  });
});

describe('link codec: every ignored value is named', () => {
  it('names embed-only parameters outside embed mode and opens the rest', () => {
    const out = decode(
      '?scenario=race-8.1&step=4&speed=Infinity&controls=javascript:alert(1)&autoplay=999&loop=0x10&loop=-1&start=1&end=9',
    );
    expect(out.state).toEqual({ scenario: { kind: 'builtin', id: 'race-8.1' }, step: 4 });
    for (const name of ['start', 'end', 'loop', 'autoplay', 'speed', 'controls'])
      expect(out.notices).toContainEqual(
        expect.stringMatching(new RegExp(`^Ignored ${name}=.*embeds only \\(embed=1\\)`)),
      );
    expect(out.notices).toHaveLength(6);
    const story = decode('?scenario=race-8.1&title=0&caption=0&text=1');
    expect(story.state).toEqual({ scenario: { kind: 'builtin', id: 'race-8.1' } });
    for (const name of ['title', 'caption', 'text'])
      expect(story.notices).toContainEqual(
        expect.stringMatching(new RegExp(`^Ignored ${name}=.*embeds only \\(embed=1\\)`)),
      );
    const zero = decode('?scenario=race-8.1&embed=0&autoplay=1');
    expect(zero.notices).toEqual([expect.stringMatching(/^Ignored autoplay="1".*embeds only/)]);
  });

  it('names v1-only parameters in a plain (v0) link and opens the rest', () => {
    const j = compressScenario(race.scenario);
    const out = decode(`?scenario=race-8.1&era=3.0&flags=pinRoot:0&j=${j}&c=abc&flags2=x:1`);
    expect(out.state).toEqual({ scenario: { kind: 'builtin', id: 'race-8.1' }, era: '3.0' });
    expect(out.notices).toHaveLength(4);
    for (const name of ['j', 'flags', 'flags2', 'c'])
      expect(out.notices).toContainEqual(
        expect.stringMatching(new RegExp(`^Ignored ${name}=.*generates \\(v=1\\)`)),
      );
  });
});
