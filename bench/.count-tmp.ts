import { replay } from '../src/kernel';
import { forkChain } from './bigScenarios';
import { timelineMarkers } from '../src/view/timeline/timelineMarkers';
for (const d of [100, 200]) {
  const sc = forkChain(d);
  const r = replay(sc);
  const m = timelineMarkers(r, sc.ops);
  const strings = new Set<string>();
  for (const s of r.steps) { strings.add(s.fn); strings.add(s.line); for (const t of s.touched) strings.add(t); if (s.lock) strings.add(s.lock.owner); }
  console.log(d, 'steps', r.steps.length, 'locks', r.steps.filter((s) => s.lock).length, 'lockmarks', m.locks.length, 'ops', m.ops.length, 'strings', strings.size, 'text chars', r.steps.reduce((a, s) => a + s.text.length, 0));
}
