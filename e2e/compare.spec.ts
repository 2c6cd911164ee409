// Compare view: 8.1 under 2.6.34 (left, the session) beside 2.6.36 (right). One cursor drives
// both panes; the first difference is marked on both timelines.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

const pane = (page: Page, side: 'left' | 'right') => page.locator(`[data-pane="${side}"]`);
const paneCursor = async (page: Page, side: 'left' | 'right') =>
  Number(await pane(page, side).getByTestId('pane-timeline').getAttribute('aria-valuenow'));

test('8.1: 2.6.34 leaves a migration entry, 2.6.36 does not; both timelines mark the divergence', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1');
  const toggle = page.getByRole('button', { name: 'Compare' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('compare-view')).toBeVisible();
  // two forests need the width: the tools move below the panes
  const view = await page.getByTestId('compare-view').boundingBox();
  const tools = await page.getByRole('complementary', { name: 'Tools' }).boundingBox();
  expect(tools!.y).toBeGreaterThanOrEqual(view!.y + view!.height);
  await pane(page, 'right').getByTestId('compare-era').selectOption('2.6.36');
  await expect(pane(page, 'left')).toContainText('2.6.34');

  // both panes draw the forest with the page contract's objects
  for (const side of ['left', 'right'] as const) {
    await expect(pane(page, side).getByTestId('forest-graph')).toBeVisible();
    await expect(pane(page, side).locator('[data-kind="divergence-marker"]')).toHaveCount(1);
  }
  await expect(page.getByTestId('divergence-note')).toHaveText(/^First difference at step \d+\.$/);
  const note = (await page.getByTestId('divergence-note').textContent()) ?? '';
  const at = Number(/step (\d+)/.exec(note)?.[1]);
  for (const side of ['left', 'right'] as const)
    await expect(pane(page, side).locator('[data-kind="divergence-marker"]')).toHaveAttribute(
      'data-step',
      String(at),
    );

  // stepping moves both cursors
  await expect(page.getByTestId('step-count')).toHaveText(/^0 \//);
  expect(await paneCursor(page, 'left')).toBe(0);
  expect(await paneCursor(page, 'right')).toBe(0);
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText(/^2 \//);
  await expect.poll(() => paneCursor(page, 'left')).toBe(2);
  await expect.poll(() => paneCursor(page, 'right')).toBe(2);
  await expect(pane(page, 'left').locator('[data-kind="process"][data-id="P"]')).toHaveCount(1);
  await expect(pane(page, 'right').locator('[data-kind="process"][data-id="P"]')).toHaveCount(1);

  // scrubbing the right pane's timeline moves the one cursor, and the left pane with it
  await pane(page, 'right').getByTestId('pane-timeline').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText(/^3 \//);
  await expect.poll(() => paneCursor(page, 'left')).toBe(3);

  // at the end: the left pane shows 2.6.34's violation, the right pane none
  await page.getByTestId('end').click();
  await expect(page.getByTestId('step-count')).toHaveText(/^(\d+) \/ \1$/);
  const left = pane(page, 'left').getByTestId('pane-violations');
  await expect(
    left.locator('[data-kind-violation="migration-entry-left"], [data-kind-violation="rmap-miss"]'),
  ).not.toHaveCount(0);
  await expect(pane(page, 'right').getByTestId('pane-violations')).toContainText(
    'No violation so far',
  );
  await expect(pane(page, 'right').locator('[data-kind-violation]')).toHaveCount(0);
  const rightMax = await pane(page, 'right')
    .getByTestId('pane-timeline')
    .getAttribute('aria-valuemax');
  expect(await paneCursor(page, 'right')).toBe(Number(rightMax));

  // off again: the single view is back
  await toggle.click();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  await expect(page.getByTestId('forest-graph')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('compare view stacks its panes at 375px', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?scenario=race-8.1');
  await page.getByRole('button', { name: 'Compare' }).click();
  // both panes there (the compare view's chunk and both replays), then measured
  for (const side of ['left', 'right'] as const)
    await expect(pane(page, side).getByTestId('pane-timeline')).toBeVisible();
  // one frame's layout: the boxes read at the same scroll position
  const [l, r] = await page.evaluate(() =>
    ['left', 'right'].map((side) => {
      const b = document.querySelector(`[data-pane="${side}"]`)!.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }),
  );
  expect(l && r).toBeTruthy();
  if (l && r) {
    expect(r.y).toBeGreaterThanOrEqual(l.y + l.height - 1);
    expect(l.x + l.width).toBeLessThanOrEqual(376);
  }
  const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollW).toBeLessThanOrEqual(375);
  expect(errors).toEqual([]);
});
