// Which dependences make explore's classes: `npx tsx bench/exploreRaces.ts FILE.json [SECONDS]`
// runs the search (bounded, 20 s by default) and counts each race it reverses by the locations
// the two steps conflict on (object shape or the field holding it, and field; r/w: the earlier
// step read what the later wrote, a: appended), then by the pair of steps (function:line).
import { readFileSync } from 'node:fs';
import { explore } from '../src/kernel/explore';
import { Dpor } from '../src/kernel/exploreDpor';
import type { Ev } from '../src/kernel/exploreEvents';
import { raceHook } from '../src/kernel/exploreRaces';
import { ANY, debugLabels, describeLoc } from '../src/kernel/exploreTrack';
import { parseScenario } from '../src/kernel/scenario';

const [file, secs = '20'] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx bench/exploreRaces.ts FILE.json [SECONDS]');
debugLabels(true);
Dpor.debug = true;

const byLoc = new Map<string, number>();
const byPair = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const label = (l: number) => describeLoc(l).replace(/^o\d+/, '');
let races = 0;

raceHook.on = (ex: Ev, ey: Ev) => {
  races++;
  const x = ex.fp;
  const y = ey.fp;
  const on = new Set<string>();
  for (const [l, v] of x.w) {
    if (y.r.has(l)) on.add(`w/r ${label(l)}`);
    if (y.a.has(l)) on.add(`w/a ${label(l)}`);
    if (y.w.has(l) && (y.w.get(l) !== v || v === ANY)) on.add(`w/w ${label(l)}`);
  }
  for (const l of x.r) {
    if (y.w.has(l)) on.add(`r/w ${label(l)}`);
    if (y.a.has(l)) on.add(`r/a ${label(l)}`);
  }
  for (const l of x.a) {
    if (y.r.has(l)) on.add(`a/r ${label(l)}`);
    if (y.w.has(l)) on.add(`a/w ${label(l)}`);
  }
  for (const k of on) bump(byLoc, k);
  const what = (e: Ev) => (e as Ev & { what?: string }).what ?? '?';
  bump(byPair, `${[...on].sort().join(' | ')}  [${what(ex)} ~ ${what(ey)}]`);
};

const text = readFileSync(file, 'utf8');
const sc = parseScenario(JSON.parse(text));
const res = explore(sc, { maxSeconds: Number(secs) });
console.log(
  `${file}: ${res.runs} classes, ${res.explored} states, ${res.steps} micro-steps, ` +
    `${res.complete ? 'complete' : `cut (${res.stoppedBy})`}, ${races} races reversed`,
);
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log('\nraces per conflicting location (a race may count under several)');
for (const [k, n] of top(byLoc, 30)) console.log(String(n).padStart(7), k);
console.log('\nraces per pair of steps');
for (const [k, n] of top(byPair, 30)) console.log(String(n).padStart(7), k);
