import { describe, expect, it } from 'vitest';
import { catalog } from '../../session/catalog';
import { groupOf, searchScenarios } from './scenarioSearch';

const ids = (q: string) => searchScenarios(catalog, q).flatMap((g) => g.entries.map((e) => e.id));

describe('searchScenarios', () => {
  it('lists everything in tours, thread messages, races, others', () => {
    const groups = searchScenarios(catalog, '');
    expect(groups.map((g) => g.group)).toEqual(['tours', 'thread', 'races', 'others']);
    expect(groups.flatMap((g) => g.entries).length).toBe(catalog.length);
  });
  it('groups the library', () => {
    const of = (id: string) => groupOf(catalog.find((e) => e.id === id)!);
    expect(of('fork-and-cow')).toBe('tours');
    expect(of('tour-why-the-chain')).toBe('tours');
    expect(of('race-8.2')).toBe('races');
    expect(of('race-8.4')).toBe('races');
    expect(of('growth-8.8')).toBe('others');
    // a message of the thread, even one that also breaks under some flags
    expect(of('thread-kame-questions')).toBe('thread');
    expect(of('thread-4of5-brk')).toBe('thread');
  });
  it('matches every word in id, title, description, author and subject', () => {
    expect(ids('race-8.1b')).toEqual(['race-8.1b']);
    expect(ids('DEADLOCK take_all')).toContain('race-8.5');
    expect(ids('Khlebnikov')).toEqual(['thread-2014-hierarchy', 'growth-8.8']);
    expect(ids('mel gorman')).toEqual(expect.arrayContaining(['race-8.1', 'race-8.1b']));
    expect(ids('no such words anywhere')).toEqual([]);
  });
  it('finds every scenario by its title', () => {
    for (const e of catalog) expect(ids(e.title)).toContain(e.id);
  });
});
