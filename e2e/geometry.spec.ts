// The graph is the page (issue 10, "Done when"): for every tour, at 1280×720 and 1920×1080, light
// and dark, default and lecture mode, Fit fills the pane, nothing covers the drawing, and its text
// renders at or above the floor (12 px at a desk, 18 px in lecture mode). A tour too big for the pane at the floor fills the pane while
// panned (on each axis it overflows; wholly in view on the other), and "Whole forest" then shows
// all of it. One page per combination, the tours
// switched in it. The pointer view is held to the same at 1280×720, and embeds to their own floor.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

/** The tours' ids, from the scenario index (the files named tour-*.json). */
function tourIds(): string[] {
  const index = readFileSync(new URL('../src/scenarios/index.ts', import.meta.url), 'utf8');
  const tourVars = new Set(
    [...index.matchAll(/^import (\w+) from '\.\/tour-[\w-]+\.json';$/gm)].map((m) => m[1]),
  );
  return [...index.matchAll(/\['([\w.-]+)', (\w+)\]/g)]
    .filter((m) => tourVars.has(m[2]))
    .map((m) => m[1]!);
}
const TOURS = tourIds();
/** The margin Fit leaves around the drawing (src/view/zoom/constrain.ts). */
const FIT_PADDING = 12;

type Drawing = 'forest-graph' | 'pointer-graph';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Measure {
  pane: Box;
  graph: Box;
  /** the smallest graph text as rendered on screen, px */
  smallest: number;
  /** anon_vmas whose centre is in the pane but not on top there */
  covered: string[];
  /** anon_vmas whose centre is outside the pane */
  outside: number;
  anonVmas: number;
  /** points inside the pane (centre, corners) where something else is on top */
  paneCovered: string[];
  /** zoom buttons that overlap the pane */
  buttonsOver: string[];
}

function measure(page: Page, drawing: Drawing): Promise<Measure> {
  return page.evaluate((testId) => {
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const pane = document.querySelector('[data-kind="graph"]')!;
    const p = pane.getBoundingClientRect();
    const svg = document.querySelector<SVGSVGElement>(`[data-testid="${testId}"]`)!;
    const g = svg.getBoundingClientRect();
    // on-screen px per content px: the pane's zoom and any scaling of the SVG itself
    const scale = g.width / svg.width.baseVal.value;
    const sizes = [...svg.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const inPane = (x: number, y: number) =>
      x >= p.left && x <= p.right && y >= p.top && y <= p.bottom;
    const onTop = (el: Element, x: number, y: number) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && el.contains(hit);
    };
    const avs = [...svg.querySelectorAll('[data-kind="anon_vma"]')];
    let outside = 0;
    const covered = avs.flatMap((el) => {
      // the anon_vma's own shape (in the matrix its column runs under the VMA rows it lists)
      const r = (el.querySelector('.anon-vma-node') ?? el).getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (!inPane(x, y)) {
        outside++;
        return [];
      }
      return onTop(el, x, y) ? [] : [el.getAttribute('data-id') ?? '?'];
    });
    const inset = 6;
    const points: [string, number, number][] = [
      ['centre', p.x + p.width / 2, p.y + p.height / 2],
      ['top left', p.left + inset, p.top + inset],
      ['top right', p.right - inset, p.top + inset],
      ['bottom left', p.left + inset, p.bottom - inset],
      ['bottom right', p.right - inset, p.bottom - inset],
    ];
    const paneCovered = points
      .filter(([, x, y]) => !onTop(pane, x, y))
      .map(([name, x, y]) => `${name}: ${document.elementFromPoint(x, y)?.outerHTML.slice(0, 80)}`);
    const overlaps = (r: DOMRect) =>
      r.right > p.left && r.left < p.right && r.bottom > p.top && r.top < p.bottom;
    const buttonsOver = [...document.querySelectorAll('.zoom-controls button')]
      .filter((b) => overlaps(b.getBoundingClientRect()))
      .map((b) => b.textContent ?? '');
    return {
      pane: box(p),
      graph: box(g),
      smallest: Math.min(...sizes),
      covered,
      outside,
      anonVmas: avs.length,
      paneCovered,
      buttonsOver,
    };
  }, drawing);
}

/** The share of the pane's width and height the drawing covers. */
function cover(m: Measure): { x: number; y: number } {
  const { pane: p, graph: g } = m;
  const w = Math.min(p.x + p.width, g.x + g.width) - Math.max(p.x, g.x);
  const h = Math.min(p.y + p.height, g.y + g.height) - Math.max(p.y, g.y);
  return { x: Math.max(0, w) / p.width, y: Math.max(0, h) / p.height };
}

/** Opens `tour` at its last step in the page (through the picker: no reload). */
async function openTour(page: Page, tour: string) {
  await page.getByTestId('scenario-select').selectOption(tour);
  await page.getByTestId('graph-pane').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-count')).toHaveText(/^(\d+) \/ \1$/);
}

async function checkTours(page: Page, drawing: Drawing, floor: number) {
  for (const tour of TOURS) {
    await openTour(page, tour);
    await page.getByTestId('zoom-fit').click();
    const whole = page.getByTestId('zoom-whole');
    const m = await measure(page, drawing);
    const at = `${tour}: ${JSON.stringify({ pane: m.pane, graph: m.graph })}`;
    // the graph pane is the largest thing on screen
    const vp = page.viewportSize()!;
    expect(m.pane.width * m.pane.height, at).toBeGreaterThan(vp.width * vp.height * 0.2);
    expect(m.smallest, at).toBeGreaterThanOrEqual(floor - 0.01);
    expect(m.covered, at).toEqual([]);
    expect(m.paneCovered, at).toEqual([]);
    expect(m.buttonsOver, at).toEqual([]);
    const c = cover(m);
    if ((await whole.count()) === 0) {
      // Fit shows the whole drawing, filling the pane in one dimension
      expect(Math.max(c.x, c.y), at).toBeGreaterThanOrEqual(0.85);
      expect(m.graph.width, at).toBeLessThanOrEqual(m.pane.width + 1);
      expect(m.graph.height, at).toBeLessThanOrEqual(m.pane.height + 1);
      expect(m.outside, at).toBe(0);
    } else {
      // Too big at the floor: panned, it fills the pane on each axis where it overflows (no
      // empty band), and is wholly in view on the other...
      // (Fit keeps a 12 px margin: a drawing that does not fit inside it counts as overflowing)
      const over = {
        x: m.graph.width > m.pane.width - 2 * FIT_PADDING,
        y: m.graph.height > m.pane.height - 2 * FIT_PADDING,
      };
      expect(over.x || over.y, at).toBe(true);
      if (over.x) expect(c.x, at).toBeGreaterThanOrEqual(0.85);
      else expect(c.x * m.pane.width, at).toBeGreaterThanOrEqual(m.graph.width - 1);
      if (over.y) expect(c.y, at).toBeGreaterThanOrEqual(0.85);
      else expect(c.y * m.pane.height, at).toBeGreaterThanOrEqual(m.graph.height - 1);
      // ...and "Whole forest" shows all of it, uncovered, filling the pane in one dimension.
      await whole.click();
      const w = await measure(page, drawing);
      const cw = cover(w);
      expect(Math.max(cw.x, cw.y), tour).toBeGreaterThanOrEqual(0.85);
      expect(w.outside, tour).toBe(0);
      expect(w.covered, tour).toEqual([]);
      expect(w.anonVmas, tour).toBeGreaterThan(0);
    }
  }
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const lecture of [false, true]) {
      const name = `${size.width}x${size.height} ${scheme}${lecture ? ' lecture' : ''}`;
      test(`${name}: every tour fills the pane after Fit, uncovered, its text at the floor or above`, async ({
        page,
      }) => {
        test.setTimeout(120_000);
        const errors = watchErrors(page);
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/?scenario=${TOURS[0]}${lecture ? '&mode=lecture' : ''}`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        if (lecture) await expect(page.getByTestId('lecture-caption')).toBeVisible();
        const floor = lecture ? 18 : 12;
        await checkTours(page, 'forest-graph', floor);
        expect(errors).toEqual([]);
      });
    }
  }
}

test('the pointer view: every tour at 1280x720 fits like the matrix, and a resize refits it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.setViewportSize(SIZES[0]!);
  await page.goto(`/?scenario=${TOURS[0]}&view=pointers`);
  await expect(page.getByTestId('graph-frame')).toHaveAttribute('data-view', 'pointers');
  await checkTours(page, 'pointer-graph', 12);
  // A window resize refits a view the user has not moved: back at Fit, then larger.
  await page.getByTestId('zoom-fit').click();
  const before = await measure(page, 'pointer-graph');
  await page.setViewportSize(SIZES[1]!);
  await expect
    .poll(async () => (await measure(page, 'pointer-graph')).pane.width)
    .toBeGreaterThan(before.pane.width);
  const after = await measure(page, 'pointer-graph');
  expect(after.smallest).toBeGreaterThanOrEqual(12 - 0.01);
  const c = cover(after);
  expect(Math.max(c.x, c.y)).toBeGreaterThanOrEqual(0.85);
  expect(errors).toEqual([]);
});

/** The embed's text floor (TEXT_FLOOR_PX.embed in src/view/trace/TracePane.tsx). */
const EMBED_FLOOR = 11;

test('in an embed the zoom buttons never cover the drawing: whole when it fits at the floor, else filling the pane', async ({
  page,
}) => {
  const errors = watchErrors(page);
  for (const size of [
    { width: 800, height: 500 },
    { width: 375, height: 600 },
  ]) {
    await page.setViewportSize(size);
    for (const tour of [TOURS[0]!, 'tour-interval-tree']) {
      await page.goto(`/?scenario=${tour}&embed=1&step=end`);
      await expect(page.getByTestId('step-count')).toHaveText(/^(\d+) \/ \1$/);
      const m = await measure(page, 'forest-graph');
      const at = `${tour} at ${size.width}x${size.height}`;
      expect(m.buttonsOver, at).toEqual([]);
      expect(m.paneCovered, at).toEqual([]);
      expect(m.covered, at).toEqual([]);
      expect(m.smallest, at).toBeGreaterThanOrEqual(EMBED_FLOOR - 0.01);
      const c = cover(m);
      const whole = page.getByTestId('zoom-whole');
      if ((await whole.count()) === 0) {
        // fitted whole, filling the pane in one dimension
        expect(m.outside, at).toBe(0);
        expect(Math.max(c.x, c.y), at).toBeGreaterThanOrEqual(0.85);
        continue;
      }
      // too big at the floor: it fills the pane on each axis it overflows...
      if (m.graph.width > m.pane.width - 2 * FIT_PADDING)
        expect(c.x, at).toBeGreaterThanOrEqual(0.85);
      if (m.graph.height > m.pane.height - 2 * FIT_PADDING)
        expect(c.y, at).toBeGreaterThanOrEqual(0.85);
      // ...and "Whole forest" shows all of it
      await whole.click();
      const w = await measure(page, 'forest-graph');
      expect(w.outside, at).toBe(0);
      expect(w.covered, at).toEqual([]);
      expect(w.buttonsOver, at).toEqual([]);
    }
  }
  expect(errors).toEqual([]);
});
