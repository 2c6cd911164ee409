import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { parseScenario } from './scenario';
import { StepColumns, StepEncoder } from './stepColumns';
import type { Step } from './trace';

const race = (name: string) =>
  parseScenario(JSON.parse(readFileSync(new URL(`../scenarios/${name}`, import.meta.url), 'utf8')));

const NAMES = ['race-8.2-lock-dance.json', 'race-8.1-vma-adjust-vs-migration.json'];

/** The steps through the encoder, in chunks of `size`, into columns. */
function columnsOf(steps: readonly Step[], size: number): StepColumns {
  const enc = new StepEncoder();
  const cols = new StepColumns();
  for (let i = 0; i < steps.length; i += size) cols.add(enc.encode(steps.slice(i, i + size)));
  return cols;
}

describe('step records in columns', () => {
  it('read back as the same steps, across chunks (locks, parallel threads, touched ids)', () => {
    for (const name of NAMES) {
      const steps = replay(race(name)).steps;
      expect(steps.some((s) => s.lock)).toBe(true);
      expect(steps.some((s) => s.threadOp)).toBe(true);
      expect(steps.some((s) => s.touched.length === 0)).toBe(true);
      for (const size of [1, 7, steps.length]) {
        const cols = columnsOf(steps, size);
        expect(cols.length).toBe(steps.length);
        // out of order, so a chunk is found by its index and not by the last one read
        for (let i = steps.length - 1; i >= 0; i -= 3) expect(cols.read(i)).toEqual(steps[i]);
        for (let i = 0; i < steps.length; i++) expect(cols.read(i)).toEqual(steps[i]);
      }
    }
  });

  it('send each string of the table once', () => {
    const steps = replay(race('race-8.2-lock-dance.json')).steps;
    const enc = new StepEncoder();
    const first = enc.encode(steps);
    const again = enc.encode(steps);
    expect(first.strings.length).toBeGreaterThan(0);
    expect(again.strings).toEqual([]);
  });

  it('peek gives a step without its text and touched ids, in one reused record', () => {
    const steps = replay(race('race-8.1-vma-adjust-vs-migration.json')).steps;
    const cols = columnsOf(steps, 5);
    const first = cols.peek(0);
    steps.forEach((s, i) => {
      const p = cols.peek(i);
      expect(p).toBe(first);
      const { text: _t, touched: _u, ...rest } = s;
      expect({ ...p, text: undefined, touched: undefined }).toEqual({
        ...rest,
        text: undefined,
        touched: undefined,
      });
      expect(p.lock).toEqual(s.lock);
      expect(p.threadOp).toEqual(s.threadOp);
    });
  });
});

describe('the steps as a list read on demand', () => {
  const steps = replay(race('race-8.2-lock-dance.json')).steps;
  const list = columnsOf(steps, 11).list();

  it('is an array equal to the steps: index, length, iteration, the array methods', () => {
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(steps.length);
    expect(list).toEqual(steps);
    expect(list[3]).toEqual(steps[3]);
    expect(list[steps.length]).toBeUndefined();
    expect(list[-1]).toBeUndefined();
    expect(list.at(-1)).toEqual(steps.at(-1));
    expect([...list]).toEqual(steps);
    expect(list.slice(5, 9)).toEqual(steps.slice(5, 9));
    expect(list.filter((s) => s.lock).length).toBe(steps.filter((s) => s.lock).length);
    expect(list.findIndex((s) => s.threadOp)).toBe(steps.findIndex((s) => s.threadOp));
    expect(list.map((s) => s.cpu)).toEqual(steps.map((s) => s.cpu));
    expect(0 in list && !(steps.length in list)).toBe(true);
    expect(Object.keys(list)).toEqual(Object.keys(steps));
    expect(JSON.parse(JSON.stringify(list))).toEqual(JSON.parse(JSON.stringify(steps)));
  });

  it('gives the same object for a step read again (a view may compare steps by identity)', () => {
    expect(list[4]).toBe(list[4]);
    const again = list[4];
    list.forEach(() => {});
    expect(list[4]).toBe(again);
  });

  it('refuses writes (it is a record of what was replayed)', () => {
    expect(() => {
      'use strict';
      list[0] = steps[1]!;
    }).toThrow(TypeError);
    expect(() => list.push(steps[0]!)).toThrow(TypeError);
    expect(list[0]).toEqual(steps[0]);
    expect(list.length).toBe(steps.length);
  });
});
