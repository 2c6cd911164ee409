import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { watchErrors } from './support';

const chart = (page: Page, key: string) =>
  page.locator(`[data-testid="metrics"] [data-chart="${key}"]`);

/** The values of one series' points or bars, in order. */
async function values(items: Locator): Promise<number[]> {
  return items.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
}

test('growth-8.8: the largest family climbs to 7 under 3.8 and stays at 3 or less under 6.1', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=growth-8.8');
  const families = chart(page, 'families');
  await expect(families).toBeVisible();
  const under38 = await values(families.locator('[data-series="3.8"] circle'));
  const under61 = await values(families.locator('[data-series="6.1"] circle'));
  expect(under38.at(-1)).toBe(7);
  expect(under61.length).toBe(under38.length);
  expect(Math.max(...under61)).toBeLessThanOrEqual(3);
  // The text alternative names the same numbers.
  await expect(families.locator('desc')).toContainText('3.8 (on screen): 7 at the end');

  // Under 6.1 on screen, the replay itself stays small.
  await page.goto('/?scenario=growth-8.8&era=6.1');
  // the charts are a chunk of their own, loaded once the page is up
  await expect(chart(page, 'families')).toBeVisible();
  const onScreen = await values(chart(page, 'families').locator('[data-series="6.1"] circle'));
  expect(onScreen.length).toBeGreaterThan(0);
  expect(Math.max(...onScreen)).toBeLessThanOrEqual(3);
  await expect(chart(page, 'families').locator('li[data-series="6.1"]')).toHaveText(
    '6.1 (on screen)',
  );
  expect(errors).toEqual([]);
});

test('why the chain: migrating C4’s private page visits 5 VMAs in 2.6.33 and 1 in 2.6.34', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=tour-why-the-chain');
  const walks = chart(page, 'walks');
  await expect(walks).toBeVisible();
  // op 12 migrates C4's page: its first walk (try_to_unmap) under each era
  const first = walks.locator('[data-group="12:try_to_unmap_anon:0"]');
  await expect(first.locator('[data-series="2.6.33"]')).toHaveAttribute('data-value', '5');
  await expect(first.locator('[data-series="2.6.34"]')).toHaveAttribute('data-value', '1');
  await expect(first.locator('[data-series="3.8"]')).toHaveAttribute('data-value', '1');
  // The table lists the same walk for screen readers.
  await walks.getByText('VMAs visited per rmap walk: the numbers').click();
  await expect(walks.getByRole('row', { name: /12: migrate C4: try_to_unmap_anon/ })).toContainText(
    '5',
  );
  expect(errors).toEqual([]);
});

test('the locks chart has one bar per operation, and the chains chart follows the cursor', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=growth-8.8');
  const locks = chart(page, 'locks');
  await expect(locks).toBeVisible();
  const bars = locks.locator('[data-group]');
  const ops = await page.locator('[data-kind="op-marker"]').count();
  expect(ops).toBeGreaterThan(0);
  await expect(bars).toHaveCount(ops);
  const groups = await bars.evaluateAll((els) => els.map((el) => el.getAttribute('data-group')));
  expect(groups).toEqual(groups.map((_, i) => String(i)));
  // Each bar stacks anon_vma locks on mmap_sem/page locks, and its total is their sum.
  for (const bar of await bars.all()) {
    const parts = await values(bar.locator('[data-series]'));
    expect(Number(await bar.getAttribute('data-value'))).toBe(parts.reduce((a, b) => a + b, 0));
  }

  // At step 0 there is no VMA; at the end every live VMA has a bar with its chain length.
  const chains = chart(page, 'chains');
  await expect(chains.locator('[data-group]')).toHaveCount(0);
  const slider = page.getByTestId('step-slider');
  await slider.fill(String(await slider.getAttribute('max')));
  await expect(chains.locator('[data-group]').first()).toBeVisible();
  const lengths = await values(chains.locator('[data-group]'));
  expect(Math.min(...lengths)).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('the metrics fit a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?scenario=tour-why-the-chain');
  await expect(chart(page, 'walks')).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
});
