// How many CPUs a trace's steps run on (the CPU strip and the legend show that many): read from
// every step once per trace, or primed where a big trace's steps arrived a chunk at a time.
interface CpuSteps {
  steps: readonly { cpu: number }[];
}

const counts = new WeakMap<CpuSteps, number>();

/** The count taken as a big trace's steps arrived from the load worker. */
export function primeCpuCount(trace: CpuSteps, cpus: number): void {
  counts.set(trace, cpus);
}

export function cpuCount(trace: CpuSteps): number {
  const hit = counts.get(trace);
  if (hit !== undefined) return hit;
  // a loop, not Math.max(...steps): a million arguments overflow the stack
  let most = 0;
  for (const st of trace.steps) if (st.cpu > most) most = st.cpu;
  counts.set(trace, 1 + most);
  return 1 + most;
}
