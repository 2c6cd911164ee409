// npm run bench (browser section): the built page in Debian's chromium.
// (a) frame times while scrubbing a trace of over 1,000 micro-steps, (b) latency from an
// ArrowRight key press to the painted step, (c) pan/zoom frame rate on a 1,000-process fork tree,
// (d) issue 11's big scenarios opened in the load worker and jumped across (bigPage.mjs).
// Builds dist/ when it is missing; serves it with `vite preview` on a free localhost port.
// Scenarios reach the page through Contract 4's `anon-vma-forest:load` message.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { installLatencyProbe, panZoomProbe, scrubProbe } from './pageProbes.mjs';
import { bigBench, printBig } from './bigPage.mjs';
import { deepChain, forkChain, forkFan, forkTree } from './scenarios.mjs';
import { CHROMIUM, CHROMIUM_ARGS, servePreview } from './serve.mjs';
import { HEADER, row, summary } from './stats.mjs';

const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
// `--only scrub,latency,tree,big` runs some of the four; `--dist DIR` serves another build;
// `--port N` serves it on that port.
// Not strict: `npm run bench -- --replay` hands the model bench's flags to this script too.
const { values: opts } = parseArgs({
  strict: false,
  options: {
    only: { type: 'string', default: 'scrub,latency,tree,big' },
    dist: { type: 'string', default: 'dist' },
    // a fixed port for `vite preview` (a shared machine hands out port ranges); else a free one
    port: { type: 'string' },
  },
});
const ONLY = new Set(String(opts.only).split(','));
const KEY_PRESSES = Number(process.env.BENCH_KEY_PRESSES ?? 100);
const GESTURE_MS = Number(process.env.BENCH_GESTURE_MS ?? 3000);

/** Loads `scenario` into the page and waits until its trace has at least `minSteps` steps. */
async function load(page, scenario, minSteps) {
  await page.evaluate(
    (sc) => window.postMessage({ type: 'anon-vma-forest:load', scenario: sc }, '*'),
    scenario,
  );
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="step-slider"]')?.getAttribute('max')) >= n,
    minSteps,
    { timeout: 120_000 },
  );
  return Number(await page.getByTestId('step-slider').getAttribute('max'));
}

async function seek(page, to) {
  await page.getByTestId('step-slider').fill(String(to));
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="step-count"]')?.textContent?.startsWith(`${n} /`),
    to,
  );
}

async function scrubBench(page) {
  const total = await load(page, forkChain(40), 1000);
  await seek(page, 0);
  const r = await page.evaluate(scrubProbe);
  return { total, intervals: r.intervals, interval: summary(r.intervals), cost: summary(r.costs) };
}

async function latencyBench(page) {
  const total = Number(await page.getByTestId('step-slider').getAttribute('max'));
  const from = Math.max(0, Math.floor(total / 2) - Math.floor(KEY_PRESSES / 2));
  await seek(page, from);
  await page.evaluate(installLatencyProbe);
  // Keys go to the page, not to the slider (which handles arrows itself).
  await page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  for (let i = 1; i <= KEY_PRESSES; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => window.__latency.length >= n, i);
  }
  return summary(await page.evaluate(() => window.__latency));
}

async function treeBench(page) {
  const t0 = Date.now();
  const total = await load(page, forkTree(1000), 10_000);
  await seek(page, total);
  await page.getByTestId('graph-pane').waitFor();
  // the canvas level of detail is a chunk of its own: wait for it where the forest is huge
  await page
    .getByTestId('forest-canvas')
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  const loadSeconds = (Date.now() - t0) / 1000;
  const lod = await page.evaluate(() =>
    document.querySelector('[data-testid="forest-canvas"]') ? 'canvas' : 'svg',
  );
  await page.getByTestId('zoom-fit').click();
  const r = await page.evaluate(panZoomProbe, GESTURE_MS);
  const fps = (g) => (g.frames - 1) / g.seconds;
  return {
    total,
    lod,
    loadSeconds,
    wheel: {
      fps: fps(r.wheel),
      interval: summary(r.wheel.intervals),
      cost: summary(r.wheel.costs),
    },
    drag: { fps: fps(r.drag), interval: summary(r.drag.intervals), cost: summary(r.drag.costs) },
  };
}

async function main() {
  const server = await servePreview(opts.dist, opts.port ? Number(opts.port) : undefined);
  const { base } = server;
  const errors = [];
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.getByTestId('step-slider').waitFor();

    // The latency run steps through the trace that the scrub run loads.
    const scrub = ONLY.has('scrub') || ONLY.has('latency') ? await scrubBench(page) : null;
    const latency = ONLY.has('latency') ? await latencyBench(page) : null;
    const tree = ONLY.has('tree') ? await treeBench(page) : null;
    // each big scenario in a fresh page: its heap is its own
    const big = [];
    if (ONLY.has('big')) {
      for (const [name, sc, total] of [
        ['1,000 forks of one parent', forkFan(1000), 25_017],
        ['a fork chain 1,000 deep', deepChain(1000), 1_024_017],
      ]) {
        const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        p.on('pageerror', (e) => errors.push(e.message));
        await p.goto(`${base}?scenario=race-8.1`);
        await p.getByTestId('step-slider').waitFor();
        big.push([name, await bigBench(p, sc, total, browser)]);
        await p.close();
      }
    }

    // Frame times depend on what else the machine runs: say how busy it was.
    const load = loadavg()[0].toFixed(1);
    console.log(`\n## browser (chromium ${browser.version()}, 1280×800, headless, no GPU)\n`);
    console.log(`${cpus().length} cores, load average ${load} at the end of the run\n`);
    console.log(HEADER.join('\n'));
    if (scrub) printScrub(scrub);
    if (latency) {
      console.log(row('(b) ArrowRight to painted step', latency, 'p95 ≤ 50', latency.p95 <= 50));
    }
    if (tree) printTree(tree);
    for (const [name, r] of big) {
      const met = printBig(name, r);
      console.log(`  no main-thread task over 200 ms: ${met ? 'met' : 'NOT met'}`);
    }
    if (errors.length > 0) {
      console.log(`\n${errors.length} console error(s) in the page, first: ${errors[0]}`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    server.stop();
  }
}

/** One 60 Hz frame; rAF timestamps jitter by a few tenths of a millisecond around it. */
const VSYNC = 1000 / 60;
const JITTER = 0.5;
/** Frames that missed their vsync (more than 1.5 periods apart), in percent. */
const late = (intervals) =>
  (100 * intervals.filter((d) => d > 1.5 * VSYNC).length) / Math.max(1, intervals.length);

function printScrub(scrub) {
  const what = `(a) scrub ${scrub.total.toLocaleString('en-US')} steps`;
  const pct = late(scrub.intervals).toFixed(1);
  console.log(
    row(
      `${what}: frame interval (${pct}% of frames late)`,
      scrub.interval,
      'p95 ≤ 16.7 (+0.5 jitter)',
      scrub.interval.p95 <= VSYNC + JITTER,
    ),
  );
  console.log(row(`${what}: frame cost`, scrub.cost, 'p95 ≤ 16.7', scrub.cost.p95 <= VSYNC));
}

function printTree(tree) {
  for (const g of ['wheel', 'drag']) {
    const s = tree[g];
    const what = `(c) 1,000-process tree, ${g}`;
    console.log(
      row(`${what}: frame interval (${s.fps.toFixed(0)} fps)`, s.interval, '≥ 30 fps', s.fps >= 30),
    );
    console.log(row(`${what}: frame cost`, s.cost, '—', true));
  }
  const steps = tree.total.toLocaleString('en-US');
  console.log(
    `\n(c) ${steps} micro-steps, drawn as ${tree.lod}; loading it (replay, layout, first paint) took ${tree.loadSeconds.toFixed(1)} s`,
  );
}

await main();
