import { describe, expect, it } from 'vitest';
import { describeOp } from './describeOp';

describe('describeOp', () => {
  it('says each op in one line', () => {
    expect(describeOp({ op: 'fork', pid: 'P', child: 'P.c1' })).toBe('fork P → P.c1');
    expect(describeOp({ op: 'touch', pid: 'P', addr: 2, write: true })).toBe('write P:2');
    expect(describeOp({ op: 'mprotect', pid: 'P', addr: 1, pages: 2, prot: 'r' })).toBe(
      'mprotect P pages 1–2 r',
    );
    expect(
      describeOp({
        op: 'parallel',
        threads: [[{ op: 'migrate', pid: 'P', addr: 0 }], [{ op: 'exit', pid: 'C' }]],
      }),
    ).toBe('parallel { cpu0: migrate P:0 | cpu1: exit C }');
  });
});
