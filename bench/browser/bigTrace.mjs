// Where the big-page probe's long tasks come from (issue 11): opens a big scenario by a `load`
// message with Chrome tracing on (timeline and the sampling profiler), then prints each
// main-thread task over LIMIT ms with its CPU time (the trace's thread time: on a loaded machine a
// task's wall time is mostly waiting for a core) and what it held (the message, timer or frame,
// GC, layout, paint, with PROFILE=1 the functions sampled in it).
//   node bench/browser/bigTrace.mjs BASEURL SCENARIO.json [TRACE.json] [LIMIT_MS]
// The page must be served already (`npx vite preview --port N`; an unminified build,
// `npx vite build --minify false --outDir DIR`, names the functions). CPU=1 picks tasks by CPU
// time instead of wall time; ANALYZE=1 reads TRACE.json again without a browser; CONSOLE=1
// prints the page's console.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const [base, file, out = '/tmp/chainpage/trace.json', LIMIT = '100'] = process.argv.slice(2);
if (!process.env.ANALYZE) {
  const scenario = JSON.parse(readFileSync(file, 'utf8'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  if (process.env.CONSOLE) page.on('console', (m) => console.log('console', m.text()));
  await page.goto(`${base}?scenario=race-8.1`);
  await page.getByTestId('step-slider').waitFor();
  await browser.startTracing(page, {
    path: out,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'toplevel',
      'blink.user_timing',
      'disabled-by-default-v8.cpu_profiler',
    ],
  });
  const t0 = Date.now();
  await page.evaluate(
    (sc) => window.postMessage({ type: 'anon-vma-forest:load', scenario: sc }, '*'),
    scenario,
  );
  await page.getByTestId('big-load').waitFor({ timeout: 30_000 });
  await page.getByTestId('big-load').waitFor({ state: 'hidden', timeout: 600_000 });
  const tShown = Date.now();
  await page.waitForTimeout(6000);
  await browser.stopTracing();
  console.log(`open ${(tShown - t0) / 1000} s`);
  console.log(
    'heap MB',
    await page.evaluate(() => Math.round(performance.memory.usedJSHeapSize / 1e6)),
  );
  await browser.close();
}
const ev = JSON.parse(readFileSync(out, 'utf8')).traceEvents;
// renderer main thread
const names = ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mains = new Set(names.map((e) => `${e.pid}:${e.tid}`));
const onMain = ev.filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
const tasks = onMain.filter(
  (e) => e.name === 'RunTask' && (process.env.CPU ? e.tdur : e.dur) > Number(LIMIT) * 1000,
);
tasks.sort((a, b) => a.ts - b.ts);
// the sampling profile in the trace: each sample's time and stack (leaf first)
const nodes = new Map();
const samples = [];
// the chunks come from the profiler's thread, tied by id to the main thread's Profile
const profiles = new Set(
  ev
    .filter((e) => e.name === 'Profile' && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => `${e.pid}:${e.id}`),
);
const ours = (e) => e.name === 'ProfileChunk' && profiles.has(`${e.pid}:${e.id}`);
for (const e of ev) {
  if (!ours(e)) continue;
  const prof = e.args?.data?.cpuProfile;
  for (const n of prof?.nodes ?? []) nodes.set(n.id, n);
}
const parentOf = new Map();
for (const n of nodes.values()) for (const c of n.children ?? []) parentOf.set(c, n.id);
for (const n of nodes.values()) if (n.parent) parentOf.set(n.id, n.parent);
let clock = null;
for (const e of ev) {
  if (e.name === 'Profile' && mains.has(`${e.pid}:${e.tid}`)) clock = e.args.data.startTime;
  if (!ours(e)) continue;
  const prof = e.args?.data?.cpuProfile;
  const deltas = e.args?.data?.timeDeltas ?? [];
  (prof?.samples ?? []).forEach((id, i) => {
    clock += deltas[i] ?? 0;
    samples.push({ ts: clock, id });
  });
}
const nameOf = (n) =>
  `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber + 1}`;
function profileOf(t) {
  const self = {};
  const incl = {};
  for (const smp of samples) {
    if (smp.ts < t.ts || smp.ts > t.ts + t.dur) continue;
    let n = nodes.get(smp.id);
    if (!n) continue;
    self[nameOf(n)] = (self[nameOf(n)] ?? 0) + 1;
    const seen = new Set();
    while (n) {
      const k = nameOf(n);
      if (!seen.has(k) && n.callFrame.url && n.callFrame.codeType !== 'other')
        incl[k] = (incl[k] ?? 0) + 1;
      seen.add(k);
      n = nodes.get(parentOf.get(n.id));
    }
  }
  const top = (o, k) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([a, b]) => `${a} ×${b}`)
      .join(', ');
  return `\n    self: ${top(self, 6)}\n    incl: ${top(incl, 10)}`;
}
let prevEnd = 0;
for (const t of tasks) {
  if (t.ts < prevEnd) continue;
  prevEnd = t.ts + t.dur;
  const inside = onMain.filter(
    (e) =>
      e !== t &&
      e.pid === t.pid &&
      e.tid === t.tid &&
      e.ts >= t.ts &&
      e.ts + (e.dur ?? 0) <= t.ts + t.dur,
  );
  const sum = {};
  for (const e of inside) {
    let k = e.name;
    if (e.name === 'FunctionCall')
      k = `FunctionCall ${e.args?.data?.functionName || '?'} ${String(e.args?.data?.url ?? '')
        .split('/')
        .pop()}:${e.args?.data?.lineNumber}`;
    if (e.name === 'EventDispatch') k = `EventDispatch ${e.args?.data?.type}`;
    if (
      !/GC|FunctionCall|EventDispatch|TimerFire|Layout|Paint|ParseHTML|UpdateLayoutTree|RunMicrotasks|V8.Execute|FireAnimationFrame|Commit|PrePaint|HitTest|v8.callFunction/.test(
        k,
      )
    )
      continue;
    sum[k] = (sum[k] ?? 0) + (e.dur ?? 0);
  }
  const top = Object.entries(sum)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 7)
    .map(([k, v]) => `${k} ${Math.round(v / 1000)}`)
    .join('; ');
  console.log(
    `${Math.round((t.ts - tasks[0].ts) / 1000)} ms: task ${Math.round(t.dur / 1000)} ms (cpu ${Math.round((t.tdur ?? 0) / 1000)} ms) — ${top}${process.env.PROFILE ? profileOf(t) : ''}`,
  );
}
