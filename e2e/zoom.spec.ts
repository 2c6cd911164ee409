// Pan and zoom of the graph pane: buttons, keys on the focused pane (which must not reach the
// playback shortcuts), wheel and drag. Asserts on the layer's data-zoom and on roles and labels.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const pane = (page: Page) => page.getByTestId('graph-pane');
const layer = (page: Page) => page.getByTestId('zoom-layer');
const zoomOf = async (page: Page) => Number((await layer(page).getAttribute('data-zoom')) ?? '1');
const transformOf = (page: Page) =>
  layer(page).evaluate((el) => (el as HTMLElement).style.transform);
const translateX = async (page: Page) =>
  Number(/translate\((-?[\d.]+)px/.exec(await transformOf(page))?.[1] ?? 'NaN');
const translateY = async (page: Page) =>
  Number(/translate\(-?[\d.]+px, (-?[\d.]+)px/.exec(await transformOf(page))?.[1] ?? 'NaN');

test('zoom buttons are labelled and zoom the graph; Fit goes back', async ({ page }) => {
  await page.goto('/?step=end');
  await expect(page.getByRole('group', { name: 'Zoom' })).toBeVisible();
  const z0 = await zoomOf(page);
  // A small forest opens at 1:1 or enlarged, never shrunk.
  expect(z0).toBeGreaterThanOrEqual(1);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(z0 * 1.25, 2);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(z0 / 1.25, 2);
  await page.getByRole('button', { name: 'Actual size 1:1' }).click();
  await expect.poll(() => zoomOf(page)).toBe(1);
  await page.getByRole('button', { name: 'Fit to the pane' }).click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(z0, 3);
  // The graph's objects are still there, inside the layer.
  await expect(layer(page).locator('[data-kind="process"]').first()).toBeVisible();
});

test('+ / - / 0 zoom the focused pane and leave the playback speed alone', async ({ page }) => {
  await page.goto('/?step=end');
  const z0 = await zoomOf(page);
  const speed = page.getByTestId('speed');
  const speedBefore = await speed.inputValue();
  await pane(page).focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => zoomOf(page)).toBeCloseTo(z0 * 1.5625, 2);
  await expect(speed).toHaveValue(speedBefore);
  await page.keyboard.press('-');
  await expect.poll(() => zoomOf(page)).toBeCloseTo(z0 * 1.25, 2);
  const x = await translateX(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => translateX(page)).toBeCloseTo(x - 60, 1);
  await page.keyboard.press('0');
  await expect.poll(() => zoomOf(page)).toBeCloseTo(z0, 3);
  // Plain arrows still step while the pane has the focus.
  const count = page.getByTestId('step-count');
  const before = await count.textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(count).not.toHaveText(before ?? '');
});

test('the wheel zooms and a drag pans', async ({ page }) => {
  await page.goto('/?step=end');
  await pane(page).scrollIntoViewIfNeeded();
  const box = (await pane(page).boundingBox())!;
  const z0 = await zoomOf(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(z0);
  await page.getByRole('button', { name: 'Fit to the pane' }).click();
  const x = await translateX(page);
  const y = await translateY(page);
  await page.mouse.move(box.x + 200, box.y + 150);
  await page.mouse.down();
  await page.mouse.move(box.x + 260, box.y + 180, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => translateX(page)).toBeCloseTo(x + 60, 1);
  await expect.poll(() => translateY(page)).toBeCloseTo(y + 30, 1);
});

test('Fit on a phone fills the pane, and pans rather than shrink the text below 12 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/?step=end');
  await page.getByRole('button', { name: 'Fit to the pane' }).click();
  const paneBox = (await pane(page).boundingBox())!;
  const graphBox = (await page.getByTestId('forest-graph').boundingBox())!;
  const zoom = Number(await layer(page).getAttribute('data-zoom'));
  // the drawing's smallest type is 10 px: at the floor the scale is 1.2
  expect(zoom).toBeGreaterThanOrEqual(1.2 - 1e-3);
  // panned to what the step changed, the drawing still covers the pane's width (no empty band)
  const left = Math.max(graphBox.x, paneBox.x);
  const right = Math.min(graphBox.x + graphBox.width, paneBox.x + paneBox.width);
  expect((right - left) / paneBox.width).toBeGreaterThan(0.85);
});

test('on a phone a big forest opens on what the step changed, follows the steps, and "Whole forest" shows all of it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/?scenario=tour-interval-tree&step=60');
  const changedInPane = () =>
    page.evaluate(() => {
      const p = document.querySelector('[data-kind="graph"]')!.getBoundingClientRect();
      const marked = [...document.querySelectorAll('[data-changed="true"], [data-visiting]')];
      if (marked.length === 0) return null;
      // the box around what the step changed overlaps the pane
      const rs = marked.map((el) => el.getBoundingClientRect());
      const [l, t] = [Math.min(...rs.map((r) => r.left)), Math.min(...rs.map((r) => r.top))];
      const [r, b] = [Math.max(...rs.map((q) => q.right)), Math.max(...rs.map((q) => q.bottom))];
      return r > p.left && l < p.right && b > p.top && t < p.bottom;
    });
  const whole = page.getByRole('button', { name: 'Whole forest' });
  await expect(whole).toBeVisible();
  const floorZoom = await zoomOf(page);
  expect(floorZoom).toBeGreaterThanOrEqual(1.2 - 1e-3);
  let seen = 0;
  await pane(page).focus();
  for (let i = 0; i < 12; i++) {
    const inPane = await changedInPane();
    if (inPane !== null) {
      seen++;
      expect(inPane, `step ${await page.getByTestId('step-count').textContent()}`).toBe(true);
    }
    await page.keyboard.press('ArrowRight');
  }
  expect(seen).toBeGreaterThan(3);
  // the whole forest: every anon_vma in the pane, the text under the floor (said on the button)
  await whole.click();
  expect(await zoomOf(page)).toBeLessThan(floorZoom);
  const outside = await page.evaluate(() => {
    const p = document.querySelector('[data-kind="graph"]')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-kind="anon_vma"] .anon-vma-node')].filter((n) => {
      const r = n.getBoundingClientRect();
      return r.left < p.left || r.right > p.right || r.top < p.top || r.bottom > p.bottom;
    }).length;
  });
  expect(outside).toBe(0);
  // Fit goes back to the legible scale
  await page.getByRole('button', { name: 'Fit to the pane' }).click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(floorZoom, 3);
});

// Every tour at 1280×720 and 1920×1080, light and dark, default and lecture: e2e/geometry.spec.ts.

/** A binary fork tree of `n` processes (Contract 1), as bench/browser/scenarios.mjs makes. */
function forkTree(n: number) {
  const ops: object[] = [
    { op: 'spawn', pid: 'P0' },
    { op: 'mmap', pid: 'P0', addr: 0, pages: 1 },
    { op: 'touch', pid: 'P0', addr: 0, write: true },
  ];
  for (let i = 1; i < n; i++) ops.push({ op: 'fork', pid: `P${(i - 1) >> 1}`, child: `P${i}` });
  return { format: 'anon-vma-forest/scenario@1', title: `fork tree of ${n}`, era: '6.1', ops };
}

test('a huge forest is drawn at a lower level of detail on a canvas, and still pans', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(pane(page)).toBeVisible();
  await page.evaluate(
    (scenario) => window.postMessage({ type: 'anon-vma-forest:load', scenario }, '*'),
    forkTree(300),
  );
  await expect(page.getByTestId('step-count')).toHaveText(/^0 \/ \d{4,}$/, { timeout: 20_000 });
  await page.keyboard.press('End');
  const canvas = page.getByTestId('forest-canvas');
  await expect(canvas).toBeVisible({ timeout: 20_000 });
  await expect(canvas).toHaveAttribute('role', 'img');
  await expect(canvas).toHaveAttribute('aria-label', /300 processes/);
  // No SVG objects in this mode: the canvas replaces them.
  await expect(page.locator('[data-kind="avc"]')).toHaveCount(0);
  // It opens as an overview and zooms like the SVG graph.
  const z0 = await zoomOf(page);
  expect(z0).toBeLessThan(1);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  // data-zoom has 3 decimals: compare the ratio
  await expect.poll(async () => (await zoomOf(page)) / z0).toBeCloseTo(1.25, 1);
  expect(errors).toEqual([]);
});
