import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { parseAvcId, parseScenario, replay } from '../src/kernel';
import type { Replay } from '../src/kernel';
import { watchErrors } from './support';

// Where execution is, drawn on the graph (Contract 4 additions): the VMA an rmap walk visits
// carries data-visiting and a walker sits on it, a process is data-locked while its mmap_sem is
// held, a locked page is data-locked, and each CPU's element (data-kind="cpu") lists what it
// holds and waits for. The oracle is the model, replayed here.

const scenario = (file: string) =>
  parseScenario(readFileSync(new URL(`../src/scenarios/${file}`, import.meta.url), 'utf8'));
const race81 = replay(scenario('race-8.1-vma-adjust-vs-migration.json'), { era: '2.6.34' });
const chain = scenario('tour-why-the-chain.json');

const WALKS = new Set(['rmap_walk_anon', 'try_to_unmap_anon']);
/** 1-based steps that visit a VMA, with the CPU and the VMA the step names. */
function visits(t: Replay): { n: number; cpu: string; vma: string }[] {
  return t.steps.flatMap((st, i) => {
    if (!WALKS.has(st.fn) || st.line !== 'visit') return [];
    const avc = parseAvcId(/^visit (\S+)/.exec(st.text)?.[1] ?? '');
    return avc ? [{ n: i + 1, cpu: `cpu${st.cpu}`, vma: avc.vma }] : [];
  });
}

const drawing = (page: Page, view: 'matrix' | 'pointers') =>
  page.getByTestId(view === 'matrix' ? 'forest-graph' : 'pointer-graph');

async function open(page: Page, query: string, n: number) {
  await page.goto(`/?${query}&step=${n}`);
  await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${n} / \\d+$`));
}

const visitingIn = (g: Locator) =>
  g
    .locator('[data-kind="vma"][data-visiting]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-visiting')}@${e.getAttribute('data-id')}`).sort(),
    );

/** What the model says is visited at cursor n: `cpu0@P:10`. */
const modelVisiting = (t: Replay, n: number) =>
  t
    .stateAt(n)
    .cpus.flatMap((c) => (c.visiting ? [`cpu${c.cpu}@${c.visiting.vma}`] : []))
    .sort();

async function checkVisits(page: Page, query: string, t: Replay, view: 'matrix' | 'pointers') {
  const steps = visits(t);
  expect(steps.length).toBeGreaterThan(0);
  for (const v of steps) {
    await open(page, query, v.n);
    const g = drawing(page, view);
    await expect(g).toBeVisible();
    const row = g.locator(`[data-kind="vma"][data-id="${v.vma}"]`);
    await expect(row, `step ${v.n}`).toHaveAttribute('data-visiting', new RegExp(`\\b${v.cpu}\\b`));
    expect(await visitingIn(g), `step ${v.n}`).toEqual(modelVisiting(t, v.n));
    // the walker mark sits on that VMA's row
    const walker = g.locator(`.walker[data-walker="${v.cpu}"]`);
    await expect(walker).toHaveAttribute('data-vma', v.vma);
    const [wb, rb] = [await walker.boundingBox(), await row.boundingBox()];
    expect(wb && rb).toBeTruthy();
    const mid = wb!.y + wb!.height / 2;
    expect(mid, `step ${v.n}: walker on ${v.vma}'s row`).toBeGreaterThanOrEqual(rb!.y - 2);
    expect(mid).toBeLessThanOrEqual(rb!.y + rb!.height + 2);
  }
}

test('race-8.1 (2.6.34): the walker is on the VMA each visit step names, in the matrix', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await checkVisits(page, 'scenario=race-8.1&era=2.6.34', race81, 'matrix');
  // between the walk's steps it stays put; after the unlock it is gone
  await open(page, 'scenario=race-8.1&era=2.6.34', 50);
  expect(await visitingIn(drawing(page, 'matrix'))).toEqual(['cpu0@P:10']);
  await open(page, 'scenario=race-8.1&era=2.6.34', 55);
  expect(await visitingIn(drawing(page, 'matrix'))).toEqual([]);
  await expect(page.locator('.walker')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('race-8.1 (2.6.34): the walker in the pointer view', async ({ page }) => {
  const errors = watchErrors(page);
  await checkVisits(page, 'scenario=race-8.1&era=2.6.34&view=pointers', race81, 'pointers');
  expect(errors).toEqual([]);
});

for (const era of ['2.6.33', '2.6.34'] as const) {
  test(`why the chain (${era}): every visit step marks its VMA`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    const t = replay(chain, { era });
    await checkVisits(page, `scenario=tour-why-the-chain&era=${era}`, t, 'matrix');
    expect(errors).toEqual([]);
  });
}

test("race-8.1: P is data-locked while cpu1's mprotect holds its mmap_sem (steps 47–53)", async ({
  page,
}) => {
  for (const view of ['matrix', 'pointers'] as const) {
    for (const n of [46, 47, 50, 53, 54]) {
      await open(page, `scenario=race-8.1&era=2.6.34&view=${view}`, n);
      const p = drawing(page, view).locator('[data-kind="process"][data-id="P"]');
      const held = race81.stateAt(n).processes.find((x) => x.pid === 'P')?.lockedBy;
      if (held) await expect(p, `${view} step ${n}`).toHaveAttribute('data-locked', 'cpu1');
      else await expect(p, `${view} step ${n}`).not.toHaveAttribute('data-locked', /.*/);
      expect(held !== undefined).toBe(n >= 47 && n <= 53);
    }
  }
});

test('race-8.1: the page under migration is data-locked in both views', async ({ page }) => {
  for (const view of ['matrix', 'pointers'] as const) {
    await open(page, `scenario=race-8.1&era=2.6.34&view=${view}`, 46);
    const pte = drawing(page, view).locator('[data-kind="page"][data-pfn="2"]');
    await expect(pte).toHaveCount(1);
    await expect(pte).toHaveAttribute('data-locked', 'cpu0');
    await open(page, `scenario=race-8.1&era=2.6.34&view=${view}`, 57);
    await expect(drawing(page, view).locator('[data-kind="page"][data-locked]')).toHaveCount(0);
  }
});

test("each CPU's strip says what the model's CPU holds and waits for", async ({ page }) => {
  const errors = watchErrors(page);
  for (const n of [0, 36, 38, 46, 47, 50, 53, 54, 55, 57]) {
    await open(page, 'scenario=race-8.1&era=2.6.34', n);
    const v = race81.stateAt(n);
    const cards = page.locator('[data-kind="cpu"]');
    await expect(cards).toHaveCount(2);
    for (const cpu of [0, 1]) {
      const card = page.locator(`[data-kind="cpu"][data-id="cpu${cpu}"]`);
      const c = v.cpus.find((x) => x.cpu === cpu);
      const shown = await card
        .locator('.cpu-holds [data-lock]')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-lock')}=${e.getAttribute('data-mode')}`),
        );
      expect(shown, `step ${n} cpu${cpu}`).toEqual(
        (c?.holds ?? []).map((h) => `${h.owner}=${h.mode}`),
      );
      const waits = card.locator('.cpu-waits [data-lock]');
      if (c?.waitingFor) await expect(waits).toHaveAttribute('data-lock', c.waitingFor);
      else await expect(waits).toHaveCount(0);
      if (c?.visiting) await expect(card).toContainText(`at VMA ${c.visiting.vma}`);
    }
  }
  // in words: the mode and whose lock
  await open(page, 'scenario=race-8.1&era=2.6.34', 50);
  await expect(page.locator('[data-kind="cpu"][data-id="cpu1"]')).toContainText("W P's mmap_sem");
  await expect(page.locator('[data-kind="cpu"][data-id="cpu0"]')).toContainText("W av0's lock");
  expect(errors).toEqual([]);
});

test('the CPU strip is beside the graph, never over it, and readable', async ({ page }) => {
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
    [375, 812],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await open(page, 'scenario=race-8.1&era=2.6.34', 50);
    const pane = await page.locator('#graph').boundingBox();
    const strip = page.locator('.cpu-strip');
    const sb = await strip.boundingBox();
    expect(pane && sb).toBeTruthy();
    const overlap =
      Math.min(pane!.x + pane!.width, sb!.x + sb!.width) - Math.max(pane!.x, sb!.x) > 1 &&
      Math.min(pane!.y + pane!.height, sb!.y + sb!.height) - Math.max(pane!.y, sb!.y) > 1;
    expect(overlap, `${w}x${h}`).toBe(false);
    const sizes = await strip
      .locator('.cpu-lock, .cpu-doing, strong')
      .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes), `${w}x${h}`).toBeGreaterThanOrEqual(12);
  }
});

test('pointer view: each same_anon_vma list runs in lanes of its own', async ({ page }) => {
  await page.goto('/?scenario=tour-interval-tree&step=end&view=pointers');
  await expect(page.getByTestId('pointer-graph')).toBeVisible();
  const hops = await page.locator('[data-list="same_anon_vma"]').evaluateAll((els) =>
    els.flatMap((e) =>
      [...e.querySelectorAll('path')].map((p) => ({
        owner: e.getAttribute('data-owner') ?? '',
        d: p.getAttribute('d') ?? '',
      })),
    ),
  );
  expect(new Set(hops.map((h) => h.owner)).size).toBeGreaterThan(3);
  // the vertical channel (x) and the horizontal run (y) of a hop belong to one list only
  const owners = new Map<string, string>();
  for (const h of hops) {
    const m = /V([\d.]+) H([\d.]+) V/.exec(h.d);
    expect(m, h.d).toBeTruthy();
    for (const key of [`x${m![2]}`, `y${m![1]}`]) {
      const seen = owners.get(key);
      if (seen !== undefined) expect(seen, `${key} shared`).toBe(h.owner);
      owners.set(key, h.owner);
    }
  }
});
