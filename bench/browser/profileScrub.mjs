// Where a scrub step's time goes: the browser benchmark's scrub (bench/browser/run.mjs, (a)) run
// under a Chrome trace, the main thread's work split by kind and divided by the steps taken.
// Thread time (the trace's `tdur`: CPU time on the renderer's main thread) is reported beside
// wall time, since it hardly depends on what else the machine runs.
//   node bench/browser/profileScrub.mjs [--dist DIR] [--steps N] [--cpu] [--shot FILE]
//     [--reduced-motion] [--hide SELECTOR] [--css RULES]
// `--cpu` adds a V8 CPU profile of the same scrub: self time by function (top 25).
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { scrubProbe } from './pageProbes.mjs';
import { CHROMIUM, CHROMIUM_ARGS, servePreview } from './serve.mjs';
import { forkChain } from './scenarios.mjs';
import { summary } from './stats.mjs';

const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    steps: { type: 'string', default: '0' },
    cpu: { type: 'boolean', default: false },
    shot: { type: 'string' },
    'reduced-motion': { type: 'boolean', default: false },
    hide: { type: 'string' },
    css: { type: 'string' },
  },
});

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink',
  'toplevel',
  'disabled-by-default-v8.gc',
].join(',');

/** Trace event names by the kind of work they are (self time; anything else is "other"). */
const KINDS = {
  script: [
    'FunctionCall',
    'EvaluateScript',
    'v8.execute',
    'V8.Execute',
    'EventDispatch',
    'FireAnimationFrame',
    'TimerFire',
    'RunMicrotasks',
    'v8.callFunction',
    'v8.run',
    'V8.ScriptCompiler',
    'v8.compile',
    'V8.CompileCode',
    'v8.compileModule',
    'FunctionCallback',
    'HandlePostMessage',
  ],
  style: [
    'UpdateLayoutTree',
    'RecalculateStyles',
    'ScheduleStyleRecalculation',
    'ParseAuthorStyleSheet',
  ],
  layout: ['Layout', 'InvalidateLayout', 'LocalFrameView::layout', 'LayoutView'],
  'pre-paint': ['PrePaint', 'UpdateLayerTree', 'Document::updateStyleAndLayout'],
  paint: [
    'Paint',
    'PaintImage',
    'PaintArtifactCompositor::Update',
    'Layerize',
    'PaintArtifactCompositor::Layerize',
  ],
  composite: [
    'UpdateLayer',
    'CompositeLayers',
    'Commit',
    'ProxyMain::BeginMainFrame::commit',
    'LayerTreeHost::UpdateLayers',
  ],
  gc: [
    'MinorGC',
    'MajorGC',
    'V8.GC_SCAVENGER',
    'V8.GCScavenger',
    'V8.GCFinalizeMC',
    'V8.GC_MC_BACKGROUND_MARKING',
    'BlinkGC.AtomicPhase',
    'V8.GCIncrementalMarking',
    'V8.GC_MARK_COMPACTOR',
    'V8.GCCompactor',
    'MinorMS',
    'V8.GC_MINOR_MARK_SWEEPER',
    'V8.GC_SCAVENGER_SCAVENGE',
    'BlinkGC.IncrementalMarkingStep',
    'BlinkGC.CompleteSweep',
    'BlinkGC.LazySweepInIdle',
    'CppGC.IncrementalSweep',
    'V8.GCMinorMS',
  ],
};
const KIND_OF = new Map(Object.entries(KINDS).flatMap(([k, names]) => names.map((n) => [n, k])));
/** Blink's lifecycle phases by name (their own self time, beside the events named above). */
const PHASES = [
  [/performLayout|ShapeText|LayoutNG|Layout$|UpdateLayout/, 'layout'],
  [/PrePaint/, 'pre-paint'],
  [/CompositingInputs|Compositing|Commit|UpdateLayers/, 'composite'],
  [/Paint/, 'paint'],
  [/Style|UpdateLayoutTree/, 'style'],
];
const kindOf = (e) => {
  const known = KIND_OF.get(e.name);
  if (known) return known;
  for (const [re, k] of PHASES) if (re.test(e.name)) return k;
  if (/GC|Sweep|Marking|Scaveng/.test(e.name)) return 'gc';
  if (e.cat?.includes('v8') && !e.cat.includes('gc')) return 'script';
  return 'other';
};

/**
 * Self time of each complete event of the main thread `tid` by kind: wall (`dur`) and thread
 * (`tdur`) milliseconds, children's time taken off their parent's.
 */
function selfTimes(events, pid, tid, from, to) {
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byKind = {};
  const byName = {};
  const countByName = {};
  const stack = [];
  const add = (e) => {
    const wall = e.dur - e.childDur;
    const cpu = (e.tdur ?? e.dur) - e.childTdur;
    const k = kindOf(e);
    byKind[k] ??= { wall: 0, cpu: 0 };
    byKind[k].wall += wall / 1000;
    byKind[k].cpu += cpu / 1000;
    byName[`${k}:${e.name}`] = (byName[`${k}:${e.name}`] ?? 0) + cpu / 1000;
    countByName[`${k}:${e.name}`] = (countByName[`${k}:${e.name}`] ?? 0) + 1;
  };
  for (const raw of xs) {
    const e = { ...raw, childDur: 0, childTdur: 0 };
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) add(stack.pop());
    const parent = stack.at(-1);
    if (parent) {
      parent.childDur += e.dur;
      parent.childTdur += e.tdur ?? e.dur;
    }
    stack.push(e);
  }
  while (stack.length) add(stack.pop());
  return { byKind, byName, countByName };
}

/**
 * Maps a profile's call frame to its source file and line through the build's source maps (when
 * the build has them and @jridgewell/trace-mapping, a dependency of the build tools, is there).
 */
async function sourceMapper(dist) {
  let lib = null;
  try {
    lib = await import('@jridgewell/trace-mapping');
  } catch {
    // no source maps: the built file's names
  }
  const maps = new Map();
  return (f) => {
    const file = f.url.split('/').at(-1) || '(native)';
    const fallback = { file, line: f.lineNumber + 1 };
    if (!lib || !f.url.includes('/assets/')) return fallback;
    if (!maps.has(file)) {
      const path = `${dist}/assets/${file}.map`;
      maps.set(file, existsSync(path) ? new lib.TraceMap(readFileSync(path, 'utf8')) : null);
    }
    const map = maps.get(file);
    if (!map) return fallback;
    const pos = lib.originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
    if (!pos.source) return fallback;
    return { file: pos.source.replace(/^(\.\.\/)+/, ''), line: pos.line };
  };
}

async function main() {
  const server = await servePreview(opts.dist);
  const { base } = server;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (opts['reduced-motion']) await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(base);
    await page.getByTestId('step-slider').waitFor();
    await page.evaluate(
      (sc) => window.postMessage({ type: 'anon-vma-forest:load', scenario: sc }, '*'),
      forkChain(40),
    );
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="step-slider"]')?.getAttribute('max')) >= 1000,
      null,
      { timeout: 120_000 },
    );
    // what a part of the page costs: the same scrub with it taken out (display: none)
    if (opts.css) await page.addStyleTag({ content: opts.css });
    if (opts.hide)
      await page.addStyleTag({ content: `${opts.hide} { display: none !important; }` });
    await page.getByTestId('step-slider').fill('0');
    await page.waitForTimeout(500);
    const limit = Number(opts.steps);
    // the probe scrubs to the slider's max: a shorter run lowers it for the probe only
    const probe = async () => {
      if (limit > 0) {
        await page.evaluate((n) => {
          const s = document.querySelector('[data-testid="step-slider"]');
          s.dataset.benchMax = s.max;
          Object.defineProperty(s, 'max', { value: String(n), configurable: true });
        }, limit);
      }
      const r = await page.evaluate(scrubProbe);
      if (limit > 0) {
        await page.evaluate(() => {
          delete document.querySelector('[data-testid="step-slider"]').max;
        });
      }
      return r;
    };

    await browser.startTracing(page, { categories: CATEGORIES.split(',') });
    const t0 = Date.now();
    const r = await probe();
    const seconds = (Date.now() - t0) / 1000;
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    const steps = r.costs.length;
    // the page's renderer main thread: the one that ran the probe's animation frames
    const frames = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
    const counts = new Map();
    for (const e of frames)
      counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
    const [main] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [pid, tid] = main[0].split(':').map(Number);
    const mine = frames.filter((e) => e.pid === pid && e.tid === tid);
    const from = mine[0].ts;
    const to = mine.at(-1).ts + mine.at(-1).dur;
    const { byKind, byName, countByName } = selfTimes(events, pid, tid, from, to);
    const cost = summary(r.costs);
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    console.log(
      `dist ${opts.dist}: ${steps} steps in ${seconds.toFixed(1)} s, load average ${load}`,
    );
    console.log(`frame cost p50 ${cost.p50.toFixed(1)} p95 ${cost.p95.toFixed(1)} ms`);
    console.log('\nmain thread per step (ms): kind, thread time, wall time');
    let cpuSum = 0;
    let wallSum = 0;
    for (const [k, v] of Object.entries(byKind).sort((a, b) => b[1].cpu - a[1].cpu)) {
      cpuSum += v.cpu;
      wallSum += v.wall;
      console.log(
        `  ${k.padEnd(10)} ${(v.cpu / steps).toFixed(2).padStart(6)} ${(v.wall / steps).toFixed(2).padStart(6)}`,
      );
    }
    console.log(
      `  ${'total'.padEnd(10)} ${(cpuSum / steps).toFixed(2).padStart(6)} ${(wallSum / steps).toFixed(2).padStart(6)}`,
    );
    // other threads of the renderer (raster, compositor): their thread time per step
    const others = new Map();
    for (const e of events) {
      if (e.pid !== pid || e.tid === tid || e.ph !== 'X' || e.ts < from || e.ts > to) continue;
      if (!['RasterTask', 'TaskGraphRunner::RunTask'].includes(e.name)) continue;
      others.set(e.name, (others.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
    }
    for (const [n, v] of others) console.log(`  (off main) ${n} ${(v / steps).toFixed(2)}`);
    // what was painted: Paint events by the element they painted (its DOM node id), with the
    // clip's area; a step that repaints the whole pane shows here
    const paints = new Map();
    for (const e of events) {
      if (e.pid !== pid || e.tid !== tid || e.name !== 'Paint' || e.ts < from || e.ts > to)
        continue;
      const d = e.args?.data ?? {};
      const c = d.clip ?? [];
      const area = c.length >= 8 ? Math.round(Math.abs((c[2] - c[0]) * (c[5] - c[3]))) : 0;
      const key = `node ${d.nodeId ?? '?'} layer ${d.layerId ?? '?'}`;
      const p = paints.get(key) ?? { n: 0, ms: 0, area: 0 };
      p.n += 1;
      p.ms += (e.tdur ?? e.dur) / 1000;
      p.area = Math.max(p.area, area);
      paints.set(key, p);
    }
    console.log('\nPaint events by element (count, thread ms per step, largest clip px²):');
    for (const [k, v] of [...paints.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
      console.log(`  ${k}: ${v.n} × , ${(v.ms / steps).toFixed(2)} ms, ${v.area}`);
    }
    console.log('\ntop events by thread time per step (ms, and how many per step):');
    for (const [n, v] of Object.entries(byName)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 18)) {
      const each = (countByName[n] / steps).toFixed(2);
      console.log(`  ${(v / steps).toFixed(3).padStart(7)}  ${each.padStart(6)}×  ${n}`);
    }

    if (opts.cpu) {
      await page.getByTestId('step-slider').fill('0');
      await page.waitForTimeout(300);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await probe();
      const { profile } = await cdp.send('Profiler.stop');
      const dt = new Map();
      for (let i = 0; i < profile.samples.length; i++) {
        dt.set(
          profile.samples[i],
          (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0),
        );
      }
      const where = await sourceMapper(opts.dist);
      const self = new Map();
      const bySource = new Map();
      for (const n of profile.nodes) {
        const f = n.callFrame;
        const at = where(f);
        const key = `${f.functionName || '(anonymous)'} ${at.file}:${at.line}`;
        const ms = (dt.get(n.id) ?? 0) / 1000;
        self.set(key, (self.get(key) ?? 0) + ms);
        bySource.set(at.file, (bySource.get(at.file) ?? 0) + ms);
      }
      console.log('\nV8 self time per step (ms), top 30 functions:');
      for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
        console.log(`  ${(v / steps).toFixed(3).padStart(7)}  ${k}`);
      }
      // Time under each of the app's view files (its functions anywhere on the stack): which
      // components' renders and effects a step pays for, React's own work beneath them included.
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const under = new Map();
      for (const n of profile.nodes) {
        const ms = (dt.get(n.id) ?? 0) / 1000;
        if (ms === 0) continue;
        const files = new Set();
        for (let id = n.id; id !== undefined; id = parent.get(id)) {
          const file = where(byId.get(id).callFrame).file;
          if (/src\/view\/.*\.tsx?$/.test(file)) files.add(file.replace(/.*src\/view\//, ''));
        }
        for (const file of files) under.set(file, (under.get(file) ?? 0) + ms);
      }
      console.log('\nV8 time per step (ms) with a view file on the stack, top 20:');
      for (const [k, v] of [...under.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
        console.log(`  ${(v / steps).toFixed(3).padStart(7)}  ${k}`);
      }
      console.log('\nV8 self time per step (ms) by source file, top 25:');
      for (const [k, v] of [...bySource.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
        console.log(`  ${(v / steps).toFixed(3).padStart(7)}  ${k}`);
      }
    }
    if (opts.shot) await page.screenshot({ path: opts.shot });
  } finally {
    await browser?.close();
    server.stop();
  }
}

await main();
