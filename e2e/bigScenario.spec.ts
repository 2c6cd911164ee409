// Big scenarios (issue 11): the 1,000-forks scenario and a fork chain of over 250,000 micro-steps
// open through the load worker with progress while the page answers input (a key moves the open
// scenario during the load, and no main-thread task takes 200 ms of CPU until the page is idle
// with the new one open; how long the tasks last in wall time depends on the machine's load,
// so BENCHMARKS.md measures it: `npm run bench:browser -- --only big`, the full 1,000-deep chain
// too), their states served by the worker as the cursor jumps; a scenario over the page's bound
// of ops is refused before any work with the open scenario kept; a `j=` link to a big scenario
// opens at its `step=`.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { forkChain, forkFan } from '../bench/bigScenarios';
import { execFileSync } from 'node:child_process';
import { watchErrors } from './support';

test.describe.configure({ timeout: 180_000 });

/** Waits until the step count reads `n / total` with the state at n drawn (not still coming). */
async function settledAt(page: Page, n: number, total: number) {
  await expect(page.getByTestId('step-count')).toHaveText(`${n} / ${total}`);
  await expect(page.getByTestId('state-pending')).toHaveCount(0, { timeout: 60_000 });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; chrome_mojo_event_info?: { mojo_interface_tag?: string } };
}

/**
 * The CPU time (ms) of each of the page's main-thread tasks in a Chrome trace, leaving out the
 * test's own (DevTools running Playwright's scripts). CPU time, not wall time: on this shared
 * machine a task's wall time is mostly waiting for a core.
 */
function taskCpu(trace: Buffer): number[] {
  const ev = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    ev
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const on = ev.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const harness = on.filter(
    (e) =>
      e.name === 'Receive mojo message' &&
      e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
  );
  return on
    .filter((t) => t.name === 'RunTask')
    .filter((t) => !harness.some((h) => h.ts >= t.ts && h.ts <= t.ts + (t.dur ?? 0)))
    .map((t) => (t.tdur ?? t.dur ?? 0) / 1000);
}

/** Resolves once the page has had no long task (over 50 ms) for `quietMs`. */
async function idle(page: Page, quietMs: number) {
  await page.evaluate(() => {
    const w = window as unknown as { __lastLong: number };
    w.__lastLong = performance.now();
    new PerformanceObserver(() => {
      w.__lastLong = performance.now();
    }).observe({ type: 'longtask' });
  });
  await page.waitForFunction(
    (q) => performance.now() - (window as unknown as { __lastLong: number }).__lastLong > q,
    quietMs,
    { timeout: 60_000, polling: 100 },
  );
}

/** race-8.1 open at step 0: the small scenario a big one replaces. Returns the step count. */
async function openSmall(page: Page) {
  await page.goto('/?scenario=race-8.1');
  const count = page.getByTestId('step-count');
  await expect(count).toHaveText(/^0 \//);
  return count;
}

/** Hands `scenario` to the page as an embedding page would (Contract 4's `load`). */
async function postLoad(page: Page, scenario: unknown) {
  await page.evaluate(
    (sc) => window.postMessage({ type: 'anon-vma-forest:load', scenario: sc }, '*'),
    scenario,
  );
}

/** Starts a Chrome trace of the page; the returned function stops it and gives taskCpu's list. */
async function traceTasks(page: Page): Promise<() => Promise<number[]>> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, {
    categories: ['toplevel', 'disabled-by-default-devtools.timeline'],
  });
  return async () => taskCpu(await browser.stopTracing());
}

async function openFile(page: Page, name: string, text: string) {
  const menu = page.getByTestId('share-menu');
  if ((await menu.getAttribute('open')) === null) await page.getByTestId('share-toggle').click();
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('1,000 forks open by import: progress, the page answers, the forest appears', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const count = await openSmall(page);
  await openFile(page, 'fan.json', JSON.stringify(forkFan(1000)));
  const box = page.getByTestId('big-load');
  await expect(box).toBeVisible();
  await expect(page.getByTestId('big-load-text')).toHaveText(/micro-steps|states|ops/);
  // the open scenario still answers a click while the worker replays
  await page.getByTestId('step-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^1 \//);
  await expect(box).toBeHidden({ timeout: 90_000 });
  await expect(count).toHaveText('0 / 25017');
  await expect(page.getByTestId('notice').filter({ hasText: /Opened "1000 forks/ })).toBeVisible();
  await page.keyboard.press('End');
  await settledAt(page, 25017, 25017);
  await expect(page.getByTestId('forest-canvas')).toHaveAttribute('aria-label', /1001 processes/);
  for (const to of [12000, 3000, 300]) {
    await page.getByTestId('step-slider').fill(String(to));
    await settledAt(page, to, 25017);
  }
  expect(errors).toEqual([]);
});

test('a 520-deep fork chain (over 250,000 micro-steps) opens by postMessage while a key moves the open scenario', async ({
  page,
}) => {
  // the full 1,000-deep chain (1,024,017 micro-steps) opens the same way in about a minute on a
  // loaded machine: the benchmark opens it; this smaller chain is past the old 250,000 bound
  const errors = watchErrors(page);
  const count = await openSmall(page);
  const stopTrace = await traceTasks(page);
  await postLoad(page, forkChain(520));
  const box = page.getByTestId('big-load');
  await expect(box).toBeVisible();
  await page.getByTestId('step-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^1 \//);
  await expect(box).toBeHidden({ timeout: 150_000 });
  await expect(count).toHaveText(/^0 \/ \d+$/);
  await idle(page, 2000);
  // from the message until the page is idle with the new scenario open, no task of the page's
  // main thread took 200 ms of CPU (the steps stay in columns, each part of the hand-over and
  // each state after it is read in a task of its own; BENCHMARKS.md has the wall times)
  const cpu = await stopTrace();
  expect(cpu.length).toBeGreaterThan(100);
  const most = Math.max(...cpu);
  test
    .info()
    .annotations.push({ type: 'most CPU in one task', description: `${Math.round(most)} ms` });
  expect(most).toBeLessThan(200);
  const total = Number((await count.textContent())!.split(' / ')[1]);
  expect(total).toBeGreaterThan(250_000);
  // the page holds the steps in columns, not a Step object each (those took ~195 bytes a step:
  // 55 MB for this chain; the columns and the rest of the page ~115)
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  test
    .info()
    .annotations.push({ type: 'JS heap', description: `${Math.round(usedSize / 1e6)} MB` });
  expect(usedSize / total).toBeLessThan(160);
  // far jumps: each state comes from the worker, the last one drawn meanwhile
  await page.keyboard.press('End');
  await settledAt(page, total, total);
  await expect(page.getByTestId('forest-canvas')).toHaveAttribute(
    'aria-label',
    /521 processes and 521 anon_vmas/,
  );
  await page.getByTestId('step-slider').fill(String(Math.floor(total / 2)));
  await settledAt(page, Math.floor(total / 2), total);
  await expect(page.getByTestId('forest-canvas')).toHaveAttribute('aria-label', /processes/);
  // a step from there moves one step, with its text in the step log
  await page.getByTestId('step-slider').focus();
  await page.keyboard.press('ArrowRight');
  await settledAt(page, Math.floor(total / 2) + 1, total);
  // the step's record, read from the page's step columns when the log asked for it
  await expect(page.getByTestId('step-fn')).toHaveText(/^\w+:[\w-]+$/);
  await expect(page.getByTestId('step-text')).toHaveText(/\w/);
  expect(errors).toEqual([]);
});

test('a scenario over the page bound of ops is refused before any work; cancel keeps the open scenario', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&step=6');
  const count = page.getByTestId('step-count');
  await expect(count).toHaveText(/^6 \//);
  const before = await count.textContent();
  const host = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        window.addEventListener('message', (e: MessageEvent<{ type: string; message: string }>) => {
          if (e.data?.type === 'anon-vma-forest:error') resolve(e.data.message);
        });
      }),
  );
  // 8,003 ops: over MAX_PAGE_OPS (8,000)
  await postLoad(page, forkFan(4000));
  expect(await host).toMatch(/load rejected: it has 8,003 ops, more than the 8,000/);
  await expect(page.getByTestId('big-load')).toBeHidden();
  await expect(count).toHaveText(before!);

  // a big load, cancelled: nothing changes
  await postLoad(page, forkFan(1000));
  await page.getByTestId('big-load-cancel').click();
  await expect(page.getByTestId('big-load')).toBeHidden();
  await expect(count).toHaveText(before!);
  expect(errors).toEqual([]);
});

test('a j= link to a big scenario opens at its step= once loaded', async ({ page }) => {
  const errors = watchErrors(page);
  // the page's own link codec (lz-string's module does not load in the spec runner: tsx does)
  const query = execFileSync(
    'npx',
    [
      'tsx',
      '-e',
      "import { encodeLink } from './src/codecs/urlCodec'; import { forkFan } from './bench/bigScenarios'; process.stdout.write(encodeLink({ scenario: { kind: 'custom', scenario: forkFan(200) }, step: 3000 }));",
    ],
    { encoding: 'utf8' },
  );
  expect(query).toMatch(/^\?v=.*&j=.*&step=3000/);
  await page.goto(`/${query}`);
  await expect(page.getByTestId('big-load')).toBeHidden({ timeout: 90_000 });
  await expect(page.getByTestId('step-count')).toHaveText(/^3000 \/ 5017$/);
  await expect(page.getByTestId('state-pending')).toHaveCount(0, { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('bad input still gets a clear error and keeps the open scenario', async ({ page }) => {
  await page.goto('/?scenario=race-8.1&step=6');
  const count = page.getByTestId('step-count');
  await expect(count).toHaveText(/^6 \//);
  const sc = forkFan(200);
  sc.ops.push({ op: 'touch', pid: 'nobody', addr: 0, write: true });
  await openFile(page, 'broken.json', JSON.stringify(sc));
  await expect(
    page.getByTestId('notice').filter({ hasText: /"broken\.json" was not opened: .*nobody/ }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(count).toHaveText(/^6 \//);
});

test('another era and the compare view of a big scenario never replay it on the main thread', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const count = await openSmall(page);
  await postLoad(page, forkChain(200));
  await expect(count).toHaveText(/^0 \/ \d{5,}$/, { timeout: 120_000 });
  const total = (await count.textContent())!.split(' / ')[1]!;
  await page.getByTestId('step-slider').fill('500');
  await settledAt(page, 500, Number(total));
  await idle(page, 1000);
  const stopTrace = await traceTasks(page);
  // another era: replayed in the load worker, with the box saying so, the cursor kept
  await page.getByTestId('era-select').selectOption('2.6.36');
  await expect(page.getByTestId('big-load')).toContainText(/Replaying .*with the change/);
  await expect(page.getByTestId('big-load')).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('era-select')).toHaveValue('2.6.36');
  await expect(count).toHaveText(/^500 \/ \d{5,}$/);
  // compare: the right pane says why it stays empty instead of replaying it a second time here
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('[data-pane="right"]')).toContainText(/replays one that big only once/);
  await idle(page, 1000);
  const most = Math.max(...(await stopTrace()));
  test
    .info()
    .annotations.push({ type: 'most CPU in one task', description: `${Math.round(most)} ms` });
  expect(most).toBeLessThan(200);
  expect(errors).toEqual([]);
});
