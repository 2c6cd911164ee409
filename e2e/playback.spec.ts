import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline of micro-steps' });
const count = (page: Page) => page.getByTestId('step-count');

async function cursorAndTotal(page: Page): Promise<[number, number]> {
  const text = (await count(page).textContent()) ?? '';
  const m = /^(\d+) \/ (\d+)$/.exec(text);
  if (!m) throw new Error(`step count reads "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

async function open(page: Page, query: string) {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  await expect(timeline(page)).toBeVisible();
}

test('the keyboard steps, jumps and plays', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '?scenario=race-8.1');
  const [, n] = await cursorAndTotal(page);
  await expect(count(page)).toHaveText(`0 / ${n}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(count(page)).toHaveText(`2 / ${n}`);
  await expect(timeline(page)).toHaveAttribute('aria-valuenow', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(count(page)).toHaveText(`1 / ${n}`);
  await page.keyboard.press('End');
  await expect(count(page)).toHaveText(`${n} / ${n}`);
  await page.keyboard.press('Home');
  await expect(count(page)).toHaveText(`0 / ${n}`);

  // Keys typed into a form control are left alone.
  await page.getByTestId('speed').focus();
  await page.keyboard.press('End');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await expect(count(page)).toHaveText(`0 / ${n}`);

  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.getByTestId('speed')).toHaveValue('8');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await cursorAndTotal(page))[0]).toBeGreaterThan(1);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await expect(page.getByTestId('shortcuts')).toContainText('Next violation');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toBeHidden();
  expect(errors).toEqual([]);
});

test('clicking and dragging on the timeline scrubs', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '?scenario=race-8.1');
  const [, n] = await cursorAndTotal(page);
  // The mouse does not scroll by itself: bring the timeline into view first.
  await timeline(page).scrollIntoViewIfNeeded();
  const box = await timeline(page).boundingBox();
  if (!box) throw new Error('no timeline box');
  const y = box.y + box.height / 2;
  await page.mouse.click(box.x + box.width / 2, y);
  await expect(count(page)).not.toHaveText(`0 / ${n}`);
  const [mid] = await cursorAndTotal(page);
  expect(mid).toBeGreaterThan(n / 4);
  expect(mid).toBeLessThan((3 * n) / 4);
  await expect(timeline(page)).toHaveAttribute('aria-valuenow', String(mid));

  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  await expect.poll(async () => (await cursorAndTotal(page))[0]).toBeLessThan(n / 4);
  // While the pointer is down the machine is scrubbing: Space does not start playing.
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.9, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await cursorAndTotal(page))[0]).toBeGreaterThan((3 * n) / 4);
  await expect(timeline(page)).toBeFocused();
  expect(errors).toEqual([]);
});

test('next violation jumps to the race in race-8.1 and the banner explains it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page, '?scenario=race-8.1');
  const marker = page.locator('[data-kind="violation-marker"]').first();
  await expect(marker).toHaveAttribute('data-violation-kind', 'rmap-miss');
  const at = Number(await marker.getAttribute('data-step'));
  await expect(page.locator('[data-kind="violation-banner"]')).toHaveCount(0);

  await page.getByTestId('next-violation').click();
  await expect(count(page)).toHaveText(new RegExp(`^${at} / `));
  const banner = page.locator('[data-kind="violation-banner"]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toHaveAttribute('data-violation-kind', 'rmap-miss');
  await expect(banner).toContainText('Reverse map missed a mapping');

  // Back before it: gone; the key `v` jumps again.
  await page.keyboard.press('Home');
  await expect(banner).toHaveCount(0);
  await page.keyboard.press('v');
  await expect(count(page)).toHaveText(new RegExp(`^${at} / `));
  await page.getByTestId('violation-dismiss').click();
  await expect(banner).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('next operation jumps to an op start; speed changes', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '?scenario=race-8.1');
  const starts = await page
    .locator('[data-kind="op-marker"]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-step'))));
  expect(starts.length).toBeGreaterThan(2);
  await page.getByTestId('next-op').click();
  await expect(count(page)).toHaveText(new RegExp(`^${starts[0]} / `));
  await page.keyboard.press(']');
  await expect(count(page)).toHaveText(new RegExp(`^${starts[1]} / `));
  await page.getByTestId('prev-op').click();
  await expect(count(page)).toHaveText(new RegExp(`^${starts[0]} / `));
  await expect(page.getByTestId('prev-op')).toBeDisabled();

  await page.getByTestId('speed').selectOption('4');
  await expect(page.getByTestId('speed')).toHaveValue('4');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed')).toHaveValue('2');
  expect(errors).toEqual([]);
});

test('CPU lanes show the parallel block of race-8.1', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '?scenario=race-8.1&step=end');
  const lanes = page.getByTestId('cpu-lanes');
  await expect(lanes).toBeVisible();
  await expect(lanes.locator('[data-kind="cpu-lane"]')).toHaveCount(2);
  await expect(lanes.locator('[data-kind="cpu-lane"][data-cpu="cpu1"]')).toContainText('cpu1');
  // The step at the cursor is outlined in every lane.
  const [n] = await cursorAndTotal(page);
  await expect(lanes.locator(`.lane-current[data-step="${n}"]`)).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('interactive mode: choose the next CPU until one waits for the root lock', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page, '?scenario=race-8.1&era=2.6.36');
  // Just before the parallel block's first step.
  const block = page.locator('[data-kind="op-marker"]').last();
  const first = Number(await block.getAttribute('data-step'));
  await timeline(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('[');
  await page.keyboard.press('ArrowLeft');
  await expect(count(page)).toHaveText(new RegExp(`^${first - 1} / `));

  await page.getByTestId('interactive-toggle').check();
  const choose = (cpu: number) => page.locator(`[data-testid="choose-cpu"][data-cpu="cpu${cpu}"]`);
  await expect(choose(0)).toBeEnabled();
  let expected = first - 1;
  for (const cpu of [0, 0, 0, 0, 1, 1]) {
    await choose(cpu).click();
    expected += 1;
    await expect(count(page)).toHaveText(`${expected} / ${expected}`);
  }
  // cpu1's vma_adjust now needs the root lock that cpu0's migration holds.
  await expect(choose(1)).toBeDisabled();
  await expect(choose(1)).toContainText('waits for av0');
  await expect(page.locator('[data-kind="cpu-lane"][data-cpu="cpu1"]')).toHaveAttribute(
    'data-waiting',
    'av0',
  );
  await expect(page.locator('[data-kind="anon_vma"][data-id="av0"]')).toHaveAttribute(
    'data-waiting',
    'cpu1',
  );
  await choose(0).click();
  await expect(count(page)).toHaveText(`${expected + 1} / ${expected + 1}`);
  expect(errors).toEqual([]);
});
