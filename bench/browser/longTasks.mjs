// The main thread's long tasks of a cold load of the home page, as Lighthouse's mobile preset
// counts them: it observes the page's tasks and multiplies their time by 4, and every task after
// the first contentful paint that then lasts over 50 ms blocks for the rest (Total Blocking
// Time). Serves a build gzipped (scripts/serve-static.mjs --gzip, as firstScreen.mjs does), opens
// it in Debian's Chromium at Lighthouse's 412×823, records a Chrome trace with V8's sampling
// profiler until the load ends as Lighthouse ends it (1 s without a long task or a fetch), and
// prints each
// task whose CPU time × 4 exceeds 50 ms, with what ran in it (the functions with the most samples,
// layout and style), and the sum of the blocking. CPU time (the thread's, not the wall clock) is
// what the page asked of the machine: a loaded machine stretches wall times, not CPU times.
// Lighthouse's default (simulated) throttling observes an unthrottled load, as this does by
// default; `--throttle 4` slows the CPU by CDP's Emulation.setCPUThrottlingRate instead, so the
// tasks interleave as on a slow phone (their CPU time is still the unthrottled one).
//   node bench/browser/longTasks.mjs [--dist DIR] [--runs N] [--port N] [--throttle N] [--top N]
//     [--over MS]
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { mainTasks } from './bigPage.mjs';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from './serve.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4327' },
    throttle: { type: 'string', default: '1' },
    top: { type: 'string', default: '5' },
    // list the tasks whose CPU time × 4 exceeds this (the blocking sum always counts over 50 ms)
    over: { type: 'string', default: '50' },
  },
});
const PREFIX = '/app/';
/** Lighthouse's mobile preset: observed task time × 4; a task blocks for what exceeds 50 ms. */
const SLOWDOWN = 4;
const BLOCKING_MS = 50;
/** The load is over (as Lighthouse ends it) after this long without a long task or a fetch. */
const QUIET_MS = 1000;
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/** Self time (ms of samples) per function in [from, to] (µs), from the trace's profile chunks. */
function profileOf(events) {
  const nodes = new Map();
  const samples = [];
  for (const e of events.filter((x) => x.name === 'ProfileChunk')) {
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let t = samples.length ? samples[samples.length - 1].ts : null;
    for (let i = 0; i < ids.length; i++) {
      t = (t ?? 0) + deltas[i];
      samples.push({ ts: t, id: ids[i] });
    }
  }
  const start = events.find((x) => x.name === 'Profile')?.args?.data?.startTime ?? 0;
  // the first chunk's first delta counts from the profile's start time
  if (samples.length) for (const s of samples) s.ts += start;
  const name = (id) => {
    const f = nodes.get(id)?.callFrame;
    if (!f) return '?';
    const file = f.url ? f.url.slice(f.url.lastIndexOf('/') + 1) : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  return (from, to) => {
    const self = new Map();
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      if (s.ts < from || s.ts > to) continue;
      const next = samples[i + 1]?.ts ?? s.ts;
      const key = name(s.id);
      self.set(key, (self.get(key) ?? 0) + Math.min(next - s.ts, 10_000) / 1000);
    }
    return [...self].sort((a, b) => b[1] - a[1]);
  };
}

/** The main thread's `X` events of a given name inside [from, to], their CPU time summed. */
function within(events, main, names, from, to) {
  let sum = 0;
  for (const e of events)
    if (
      e.ph === 'X' &&
      names.includes(e.name) &&
      `${e.pid}:${e.tid}` === main &&
      e.ts >= from &&
      e.ts <= to
    )
      sum += (e.tdur ?? e.dur) / 1000;
  return sum;
}

/** Layouts and style recalculations that script forced (they carry a stack), by function. */
function forced(events, main, from, to) {
  const out = [];
  for (const e of events)
    if (
      (e.name === 'Layout' || e.name === 'UpdateLayoutTree') &&
      `${e.pid}:${e.tid}` === main &&
      e.ts >= from &&
      e.ts <= to
    ) {
      const f = (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace)?.[0];
      if (f)
        out.push(
          `${e.name} ${((e.tdur ?? e.dur) / 1000).toFixed(1)} ms forced by ${f.functionName || '(anonymous)'} ${f.url.slice(f.url.lastIndexOf('/') + 1)}:${f.lineNumber + 1}`,
        );
    }
  return out;
}

async function oneLoad(browser, url) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(opts.throttle) });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  await page.getByTestId('graph-pane').waitFor();
  // Lighthouse's end of a load: 1 s without a fetch ending and 1 s without a long task
  await page.evaluate(
    (quiet) =>
      new Promise((done) => {
        let last = performance.now();
        for (const type of ['longtask', 'resource'])
          new PerformanceObserver((l) => {
            for (const e of l.getEntries())
              last = Math.max(last, e.responseEnd ?? e.startTime + e.duration);
          }).observe({ type, buffered: true });
        const check = () =>
          performance.now() - last >= quiet ? done() : setTimeout(check, quiet / 4);
        setTimeout(check, quiet / 4);
      }),
    QUIET_MS,
  );
  const trace = await browser.stopTracing();
  await page.close();
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  // the page's renderer: the process whose navigation went to `url` (not Chrome's own pages)
  const nav = events.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url,
  );
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === nav.pid,
  );
  const mainKey = `${main.pid}:${main.tid}`;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid)?.ts;
  const tasks = mainTasks(trace)
    .filter((t) => t.thread === mainKey && (fcp === undefined || t.ts >= fcp))
    .map((t) => ({ ...t, lh: t.cpu * SLOWDOWN }));
  const long = tasks.filter((t) => t.lh > BLOCKING_MS);
  const shown = tasks.filter((t) => t.lh > Number(opts.over));
  const profile = profileOf(events.filter((e) => e.pid === nav.pid));
  return {
    fcp,
    start: nav.ts,
    long: shown.map((t) => ({
      ...t,
      layout: within(events, mainKey, ['Layout'], t.ts, t.ts + t.wallUs),
      style: within(events, mainKey, ['UpdateLayoutTree'], t.ts, t.ts + t.wallUs),
      top: profile(t.ts, t.ts + t.wallUs).slice(0, Number(opts.top)),
      forced: forced(events, mainKey, t.ts, t.ts + t.wallUs),
    })),
    count: long.length,
    blocking: long.reduce((a, t) => a + t.lh - BLOCKING_MS, 0),
    cpu: tasks.reduce((a, t) => a + t.cpu, 0),
  };
}

const server = await serveStatic(
  resolve(String(opts.dist)),
  PREFIX,
  opts.port ? Number(opts.port) : undefined,
);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const { url } = server;
  console.log(
    `${resolve(String(opts.dist))}: tasks after the first contentful paint whose CPU time × ${SLOWDOWN} exceeds ${BLOCKING_MS} ms (CPU throttled ${opts.throttle}× while recording)`,
  );
  const totals = [];
  for (let run = 0; run < Number(opts.runs); run++) {
    const r = await oneLoad(browser, url);
    const at = (ts) => `${((ts - r.start) / 1000).toFixed(0)} ms`;
    console.log(`\nrun ${run + 1}: FCP at ${r.fcp ? at(r.fcp) : '?'}`);
    for (const t of r.long) {
      console.log(
        `  at ${at(t.ts).padStart(8)}  CPU ${t.cpu.toFixed(1).padStart(6)} ms  ×${SLOWDOWN} ${t.lh.toFixed(0).padStart(5)} ms  (wall ${t.wall.toFixed(0)} ms; layout ${t.layout.toFixed(1)}, style ${t.style.toFixed(1)} ms)`,
      );
      for (const [f, ms] of t.top) console.log(`        ${ms.toFixed(1).padStart(6)} ms  ${f}`);
      for (const f of t.forced) console.log(`        ${f}`);
    }
    console.log(
      `  blocking (Σ CPU×${SLOWDOWN} − ${BLOCKING_MS} ms): ${r.blocking.toFixed(0)} ms in ${r.count} tasks; CPU of all tasks after FCP ${r.cpu.toFixed(0)} ms; load ${loadavg()[0].toFixed(1)}`,
    );
    totals.push(r.blocking);
  }
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(
    `\nblocking per run: ${totals.map((t) => t.toFixed(0)).join(', ')} ms (median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  server.stop();
}
