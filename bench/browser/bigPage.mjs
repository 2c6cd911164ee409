// The big-page probe (issue 11): a big scenario opened by a `load` message, timed from the
// message to the page showing it (step count at 0 of its total, the load box gone), with the
// longest main-thread task (a PerformanceObserver for `longtask`) and the JS heap
// (performance.memory; Chromium runs with --enable-precise-memory-info); then jumps across the
// trace with the step slider, each timed until its state has come from the load worker (no
// "Making the state…" notice left), with the longest task over all the jumps. The opening ends
// when the page is idle: step 0 shown and no long task for QUIET_MS (what the page does right
// after the hand-over, e.g. the builder's end state and the deferred charts, is the opening's).

/**
 * The main thread's tasks in a Chrome trace, with their wall and CPU time (ms), leaving out the
 * harness's own (DevTools evaluating the probe's scripts, starting the profiler). On a loaded
 * machine a task's wall time is mostly waiting for a core; its CPU time is what the page asked.
 * `thread` (pid:tid), `ts` and `wallUs` place the task in the trace (µs).
 */
export function mainTasks(trace) {
  const ev = JSON.parse(trace.toString('utf8')).traceEvents;
  const mains = new Set(
    ev
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const on = ev.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const harness = on.filter(
    (e) =>
      (e.name === 'Receive mojo message' &&
        e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession') ||
      e.name === 'CpuProfiler::StartProfiling',
  );
  return on
    .filter((e) => e.name === 'RunTask')
    .filter((t) => !harness.some((h) => h.ts >= t.ts && h.ts <= t.ts + t.dur))
    .map((t) => ({
      thread: `${t.pid}:${t.tid}`,
      ts: t.ts,
      wallUs: t.dur,
      wall: t.dur / 1000,
      cpu: (t.tdur ?? t.dur) / 1000,
    }));
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** No long task for this long after step 0 is shown: the opening is over. */
const QUIET_MS = 3000;

/** Starts collecting long tasks in the page (window.__longtasks). */
function installLongtasks() {
  window.__longtasks = [];
  window.__lastLongtask = performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longtasks.push(e.duration);
      window.__lastLongtask = performance.now();
    }
  }).observe({ type: 'longtask', buffered: false });
}

const takeLongest = (page) =>
  page.evaluate(() => {
    const all = window.__longtasks.splice(0);
    return {
      longest: Math.max(0, ...all),
      count: all.length,
      over200: all.filter((d) => d > 200).length,
    };
  });

const heapMB = (page) =>
  page.evaluate(() => Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1e6));

async function settled(page, to, total) {
  await page.waitForFunction(
    ([n, t]) =>
      document.querySelector('[data-testid="step-count"]')?.textContent === `${n} / ${t}` &&
      !document.querySelector('[data-testid="state-pending"]'),
    [to, total],
    { timeout: 120_000, polling: 50 },
  );
}

/** Opens `scenario` (of `total` micro-steps) and jumps across it; returns the figures. */
export async function bigBench(page, scenario, total, browser) {
  await page.evaluate(installLongtasks);
  // the opening traced too: each task's CPU time
  await browser?.startTracing(page, { categories: TRACE_CATEGORIES });
  const t0 = Date.now();
  await page.evaluate(
    (sc) => window.postMessage({ type: 'anon-vma-forest:load', scenario: sc }, '*'),
    scenario,
  );
  await page.getByTestId('big-load').waitFor({ timeout: 30_000 });
  await page.getByTestId('big-load').waitFor({ state: 'hidden', timeout: 300_000 });
  await settled(page, 0, total);
  const openSeconds = (Date.now() - t0) / 1000;
  await page.waitForFunction((q) => performance.now() - window.__lastLongtask > q, QUIET_MS, {
    timeout: 120_000,
    polling: 100,
  });
  const idleSeconds = (Date.now() - t0) / 1000 - QUIET_MS / 1000;
  let traced = null;
  if (browser) {
    const tasks = mainTasks(await browser.stopTracing());
    const most = (k) => Math.max(0, ...tasks.map((t) => t[k]));
    traced = {
      wall: most('wall'),
      cpu: most('cpu'),
      cpuOver100: tasks.filter((t) => t.cpu > 100).length,
      cpuOver200: tasks.filter((t) => t.cpu > 200).length,
    };
  }
  const opening = await takeLongest(page);
  const heapOpen = await heapMB(page);
  const jumps = [];
  for (const f of [1, 0.5, 0.25, 0.75, 0.1, 0.9, 0]) {
    const to = Math.round(total * f);
    const t = Date.now();
    await page.getByTestId('step-slider').fill(String(to));
    await settled(page, to, total);
    jumps.push({ to, seconds: (Date.now() - t) / 1000 });
  }
  const jumping = await takeLongest(page);
  // scrubbing: many slider events in a row, coalesced into a few states
  const t1 = Date.now();
  for (let i = 1; i <= 20; i++)
    await page.getByTestId('step-slider').fill(String(Math.round((total * i) / 20)));
  await settled(page, total, total);
  const scrubSeconds = (Date.now() - t1) / 1000;
  const scrubbing = await takeLongest(page);
  const heapEnd = await heapMB(page);
  return {
    total,
    openSeconds,
    idleSeconds,
    opening,
    traced,
    heapOpen,
    jumps,
    jumping,
    scrubSeconds,
    scrubbing,
    heapEnd,
  };
}

export function printBig(name, r) {
  const ms = (x) => `${Math.round(x)} ms`;
  console.log(`\n(d) ${name}, ${r.total.toLocaleString('en-US')} micro-steps`);
  console.log(
    `  open (message to step 0 shown): ${r.openSeconds.toFixed(1)} s, page idle after ${r.idleSeconds.toFixed(1)} s; longest main-thread task ${ms(r.opening.longest)} (${r.opening.count} over 50 ms, ${r.opening.over200} over 200 ms); JS heap ${r.heapOpen} MB`,
  );
  if (r.traced)
    console.log(
      `  opening traced: longest task ${ms(r.traced.wall)} wall, most CPU in one task ${ms(r.traced.cpu)} (${r.traced.cpuOver100} over 100 ms of CPU, ${r.traced.cpuOver200} over 200 ms)`,
    );
  console.log(
    `  jumps ${r.jumps.map((j) => `${j.to}: ${j.seconds.toFixed(1)} s`).join(', ')}; longest task ${ms(r.jumping.longest)} (${r.jumping.over200} over 200 ms)`,
  );
  console.log(
    `  20 slider moves start to end, settled in ${r.scrubSeconds.toFixed(1)} s; longest task ${ms(r.scrubbing.longest)} (${r.scrubbing.over200} over 200 ms); JS heap ${r.heapEnd} MB`,
  );
  return r.opening.longest <= 200 && r.jumping.longest <= 200 && r.scrubbing.longest <= 200;
}
