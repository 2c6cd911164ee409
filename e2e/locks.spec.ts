import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * The lock check: during a fork the anon_vma lock sits on the root in 2.6.36 (patch 4/5)
 * and on each anon_vma itself in 2.6.34. The tour forks C from P, then G from C: linking G's VMA
 * to C's anon_vma av1 locks av1 in 2.6.34, but av0 (their root) in 2.6.36.
 */
async function lockedDuringRun(page: Page, era: string): Promise<Set<string>> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`/?scenario=tour-why-the-root-lock&era=${era}&step=0`);
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  const total = Number(
    /\/ (\d+)/.exec((await page.getByTestId('step-count').textContent()) ?? '')?.[1],
  );
  expect(total).toBeGreaterThan(10);
  const seen = new Set<string>();
  // every micro-step, one by one (→ would pass those that change nothing drawn)
  for (let i = 1; i <= total; i++) {
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${i} /`));
    const locked = await page
      .locator('[data-kind="anon_vma"][data-locked]')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-id')}=${e.getAttribute('data-locked')}`),
      );
    locked.forEach((l) => seen.add(l));
  }
  expect(errors).toEqual([]);
  return seen;
}

test('2.6.36 takes the root lock during fork', async ({ page }) => {
  const seen = await lockedDuringRun(page, '2.6.36');
  expect([...seen]).toEqual(['av0=cpu0']);
});

test('2.6.34 takes each anon_vma’s own lock during fork', async ({ page }) => {
  const seen = await lockedDuringRun(page, '2.6.34');
  expect(seen.has('av0=cpu0')).toBe(true);
  expect(seen.has('av1=cpu0')).toBe(true);
});
