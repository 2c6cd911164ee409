// Themes and the page at phone width: data-theme on the root, the choice persisted across a
// reload, the system preference as the default, and no horizontal overflow at 375 px.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

const appRoot = (page: Page) => page.locator('.app');
const toggle = (page: Page) => page.getByTestId('theme-toggle');

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('switches to dark, and the choice survives a reload', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await expect(appRoot(page)).toHaveAttribute('data-theme', 'light');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');

    await toggle(page).click();
    await expect(appRoot(page)).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    // The tokens really change: the page background is dark.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 23, 42)');

    await page.reload();
    await expect(appRoot(page)).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

    await toggle(page).click();
    await page.reload();
    await expect(appRoot(page)).toHaveAttribute('data-theme', 'light');
    expect(errors).toEqual([]);
  });

  test('defines the CPU patterns once at the root', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('pattern[id^="cpu-pattern-"]')).toHaveCount(8);
    await expect(page.locator('#cpu-pattern-1')).toHaveAttribute('data-pattern', 'stripes');
  });
});

test.describe('system dark preference', () => {
  test.use({ colorScheme: 'dark' });

  test('is the default until the user picks', async ({ page }) => {
    await page.goto('/');
    await expect(appRoot(page)).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('375 px wide', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const theme of ['light', 'dark'] as const) {
    test(`no horizontal page overflow, controls reachable (${theme})`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/?step=end');
      await expect(appRoot(page)).toHaveAttribute('data-theme', theme);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

      // Every control is inside the viewport's width (wrapped, not cut off) and can be used.
      for (const id of [
        'theme-toggle',
        'play',
        'step-slider',
        'zoom-in',
        'zoom-fit',
        'graph-pane',
      ]) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x, id).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, id).toBeLessThanOrEqual(375 + 0.5);
      }
      await page.getByTestId('back').click();
      await expect(page.getByTestId('step-count')).not.toHaveText(/^(\d+) \/ \1$/);
      await toggleAndCheck(page, theme === 'light' ? 'dark' : 'light');
      expect(errors).toEqual([]);
    });
  }
});

async function toggleAndCheck(page: Page, to: 'light' | 'dark') {
  await toggle(page).click();
  await expect(appRoot(page)).toHaveAttribute('data-theme', to);
}
