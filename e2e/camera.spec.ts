// The graph's camera: when the forest does not fit the pane at the text floor, each step frames
// its subject (what it changed, what its caption names, the anon_vma columns under them) with
// each object whole where it fits: an anon_vma's whole column with its head (circle and labels),
// or at least the head when the column is taller than the pane; a VMA's whole row. On a phone and
// in an embed, a forest that fits at the floor is shown whole and centred.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

/** The margin the camera keeps around what it frames (src/view/zoom/constrain.ts). */
const PAD = 12;

interface Seen {
  /** the selector's elements not wholly in the pane (whole or, when taller, by their head) */
  outside: string[];
  /** how many elements the selector found */
  found: number;
}

/**
 * Whether each element `selector` finds is wholly inside the graph pane: the whole element when
 * it fits the pane (less the camera's margin), else its head (`[data-core]`: an anon_vma's circle
 * and labels above a column that runs down the whole forest).
 */
function framed(page: Page, selector: string): Promise<Seen> {
  return page.evaluate(
    ({ selector, pad }) => {
      const p = document.querySelector('[data-kind="graph"]')!.getBoundingClientRect();
      const inside = (r: DOMRect) =>
        r.left >= p.left - 1 &&
        r.right <= p.right + 1 &&
        r.top >= p.top - 1 &&
        r.bottom <= p.bottom + 1;
      const fits = (r: DOMRect) => r.width <= p.width - 2 * pad && r.height <= p.height - 2 * pad;
      const els = [...document.querySelectorAll(`[data-kind="graph"] ${selector}`)];
      const outside = els.flatMap((el) => {
        const whole = el.getBoundingClientRect();
        const core = el.querySelector('[data-core]');
        const r = fits(whole) || !core ? whole : core.getBoundingClientRect();
        const id = `${el.getAttribute('data-kind')}:${el.getAttribute('data-id')}`;
        return inside(r) ? [] : [`${id} ${JSON.stringify([r.left, r.top, r.right, r.bottom])}`];
      });
      return { outside, found: els.length };
    },
    { selector, pad: PAD },
  );
}

/** The smallest graph text as rendered on screen, px. */
function smallestText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="forest-graph"]')!;
    const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
    const sizes = [...svg.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return Math.min(...sizes);
  });
}

const stepOf = async (page: Page) =>
  Number(/^(\d+)/.exec((await page.getByTestId('step-count').textContent()) ?? '')?.[1]);

const av = (id: string) => `[data-kind="anon_vma"][data-id="${id}"]`;

test('phone home page: the anon_vma the caption names is wholly in the pane, text at 12 px or more', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/');
  await expect(page.getByTestId('narration')).toContainText('av0');
  await expect(page.locator(av('av0'))).toHaveCount(1);
  await expect.poll(async () => (await framed(page, av('av0'))).outside).toEqual([]);
  // its whole column fits a phone's pane: the head alone would not do
  const whole = await page.evaluate(() => {
    const p = document.querySelector('[data-kind="graph"]')!.getBoundingClientRect();
    const r = document
      .querySelector('[data-kind="anon_vma"][data-id="av0"]')!
      .getBoundingClientRect();
    return r.top >= p.top && r.bottom <= p.bottom && r.left >= p.left && r.right <= p.right;
  });
  expect(whole).toBe(true);
  expect(await smallestText(page)).toBeGreaterThanOrEqual(12 - 0.01);
  expect(errors).toEqual([]);
});

/** `pid:N` in a caption: the VMA row starting at N, or the one before it (N inside it). */
async function vmaSelector(page: Page, name: string): Promise<string | null> {
  const [pid, n] = [name.slice(0, name.lastIndexOf(':')), Number(name.split(':').pop())];
  const ids = await page
    .locator(`[data-kind="graph"] [data-kind="vma"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const starts = ids
    .filter((id) => id.slice(0, id.lastIndexOf(':')) === pid)
    .map((id) => Number(id.split(':').pop()))
    .filter((s) => s <= n);
  return starts.length ? `[data-kind="vma"][data-id="${pid}:${Math.max(...starts)}"]` : null;
}

test('lecture at 1280x720: at each caption stop what the caption names is in the pane, at 18 px', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?scenario=fork-and-cow&mode=lecture');
  await expect(page.getByTestId('lecture-caption')).toBeVisible();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const caption = page.getByTestId('lecture-caption').locator('p').first();
  let named = 0;
  for (let stop = 0, last = -1; stop < 20; stop++) {
    await page.keyboard.press('.');
    await expect.poll(() => stepOf(page)).not.toBe(last);
    const step = await stepOf(page);
    if (step === last) break;
    last = step;
    const text = (await caption.textContent()) ?? '';
    const selectors = [...new Set(text.match(/(?<![\w.:])av\d+\b/g) ?? [])].map(av);
    for (const name of new Set(text.match(/\b[A-Z]\w*:\d+\b/g) ?? [])) {
      const s = await vmaSelector(page, name);
      if (s) selectors.push(s);
    }
    for (const s of selectors) {
      const seen = await framed(page, s);
      if (seen.found === 0) continue;
      named++;
      expect(seen.outside, `step ${step}: ${text}`).toEqual([]);
    }
    expect(await smallestText(page), `step ${step}`).toBeGreaterThanOrEqual(18 - 0.01);
    if (
      / \/ (\d+)$/.exec((await page.getByTestId('step-count').textContent()) ?? '')?.[1] ===
      String(step)
    )
      break;
  }
  // fork-and-cow names av0 at three stops
  expect(named).toBeGreaterThanOrEqual(3);
  expect(errors).toEqual([]);
});

/** What the step changed, as drawn (rows, AVCs, pages, anon_vmas; a process box may not fit). */
const CHANGED = '[data-changed="true"]:not([data-kind="process"]), [data-visiting]';

for (const { size, query, columns } of [
  { size: { width: 375, height: 812 }, query: 'scenario=tour-why-the-chain&step=60', columns: [] },
  { size: { width: 375, height: 812 }, query: 'scenario=race-8.1&step=50', columns: ['av0'] },
  { size: { width: 700, height: 500 }, query: 'scenario=race-8.1&step=50', columns: ['av0'] },
]) {
  test(`embed ${size.width}x${size.height} ${query}: the step's subject is in the pane, text at 11 px or more`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await page.goto(`/?embed=1&${query}`);
    await expect(page.getByTestId('forest-graph')).toBeVisible();
    await expect.poll(async () => (await framed(page, CHANGED)).found).toBeGreaterThan(0);
    // Each wholly in the pane; a row wider than a phone's pane is in it from top to bottom. A
    // changed anon_vma's head goes with them when it fits beside them (else its name at least).
    const cut = await page.evaluate(
      ({ sel, pad }) => {
        const p = document.querySelector('[data-kind="graph"]')!.getBoundingClientRect();
        const els = [...document.querySelectorAll(`[data-kind="graph"] ${sel}`)];
        const heads = els.filter((el) => el.querySelector('[data-core]'));
        const rest = els
          .filter((el) => !heads.includes(el))
          .map((el) => el.getBoundingClientRect());
        const down = (r: DOMRect) => r.top >= p.top - 1 && r.bottom <= p.bottom + 1;
        const across = (r: DOMRect) =>
          r.width > p.width - 2 * pad || (r.left >= p.left - 1 && r.right <= p.right + 1);
        const name = (el: Element) =>
          `${el.getAttribute('data-kind')}:${el.getAttribute('data-id')}`;
        const out = els
          .filter((el) => !heads.includes(el))
          .filter((el) => !(across(el.getBoundingClientRect()) && down(el.getBoundingClientRect())))
          .map(name);
        for (const el of heads) {
          const head = el.querySelector('[data-core]')!.getBoundingClientRect();
          const top = Math.min(head.top, ...rest.map((r) => r.top));
          const bottom = Math.max(head.bottom, ...rest.map((r) => r.bottom));
          const fits = bottom - top <= p.height - 2 * pad;
          const shown = fits ? head : el.querySelector('.anon-vma-label')!.getBoundingClientRect();
          if (!(down(shown) && shown.left >= p.left - 1 && shown.right <= p.right + 1))
            out.push(`${name(el)}${fits ? '' : ' (its name)'}`);
        }
        return out;
      },
      { sel: CHANGED, pad: PAD },
    );
    expect(cut).toEqual([]);
    for (const id of columns) expect((await framed(page, av(id))).outside, id).toEqual([]);
    expect(await smallestText(page)).toBeGreaterThanOrEqual(11 - 0.01);
    expect(errors).toEqual([]);
  });
}

test('an embed whose forest fits at the floor shows it whole and centred', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto('/?embed=1&scenario=fork-and-cow&step=17');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  const m = await page.evaluate(() => {
    const p = document.querySelector('[data-kind="graph"]')!.getBoundingClientRect();
    const g = document.querySelector('[data-testid="forest-graph"]')!.getBoundingClientRect();
    return {
      left: g.left - p.left,
      right: p.right - g.right,
      top: g.top - p.top,
      bottom: p.bottom - g.bottom,
    };
  });
  expect(Math.min(m.left, m.right, m.top, m.bottom)).toBeGreaterThanOrEqual(0);
  expect(Math.abs(m.left - m.right)).toBeLessThan(2);
  expect(Math.abs(m.top - m.bottom)).toBeLessThan(2);
  // and it fills the pane one way (Fit's margin aside)
  expect(Math.min(m.left + m.right, m.top + m.bottom)).toBeLessThanOrEqual(2 * PAD + 2);
  expect(await smallestText(page)).toBeGreaterThanOrEqual(11 - 0.01);
  expect(errors).toEqual([]);
});
