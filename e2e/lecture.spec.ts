// Lecture mode: projector type, no side panels, the narration as a caption, presenter keys.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

const root = (page: Page) => page.locator('.app');
const caption = (page: Page) => page.getByTestId('lecture-caption');
const stepOf = async (page: Page) =>
  Number(/^(\d+)/.exec((await page.getByTestId('step-count').textContent()) ?? '')?.[1]);

test('lecture mode: captions, presenter keys, no side panels', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=tour-what-is-an-anon-vma');
  await expect(root(page)).not.toHaveAttribute('data-lecture', 'true');
  await expect(page.getByRole('complementary', { name: 'Tools' })).toBeVisible();

  const toggle = page.getByRole('button', { name: 'Lecture' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(root(page)).toHaveAttribute('data-lecture', 'true');
  await expect(page.getByRole('complementary', { name: 'Tools' })).toBeHidden();
  await expect(caption(page)).toBeVisible();

  // clicker keys: PageDown goes to the first narrated op, its narration in the caption
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('PageDown');
  await expect.poll(() => stepOf(page)).toBeGreaterThan(0);
  const first = await stepOf(page);
  const text1 = (await caption(page).locator('p').first().textContent()) ?? '';
  expect(text1.length).toBeGreaterThan(10);
  await page.keyboard.press('.');
  await expect.poll(() => stepOf(page)).toBeGreaterThan(first);
  await expect(caption(page).locator('p').first()).not.toHaveText(text1);
  await page.keyboard.press(',');
  await expect.poll(() => stepOf(page)).toBe(first);
  await expect(caption(page).locator('p').first()).toHaveText(text1);

  // the help lists the presenter keys
  await page.getByTestId('shortcuts-button').click();
  await expect(page.getByTestId('shortcuts')).toContainText('Next narrated operation');
  await page.keyboard.press('Escape');

  // p turns it off again
  await page.keyboard.press('p');
  await expect(root(page)).not.toHaveAttribute('data-lecture', 'true');
  await expect(caption(page)).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Tools' })).toBeVisible();
  expect(errors).toEqual([]);
});
