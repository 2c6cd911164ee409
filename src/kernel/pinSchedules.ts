// A scenario that replays exactly a given trace: each parallel block's schedule becomes the
// CPUs that trace actually ran (so a file saved under another era than its own stays valid).
import type { Scenario } from './scenarioTypes';

export function pinSchedules(sc: Scenario, schedules: readonly number[][]): Scenario {
  let block = 0;
  return {
    ...sc,
    ops: sc.ops.map((op) => {
      if (op.op !== 'parallel') return op;
      const taken = schedules[block++];
      return taken ? { ...op, schedule: [...taken] } : op;
    }),
  };
}
