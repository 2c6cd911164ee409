// Links for every mode: a compare view and lecture mode reopen from their link in a fresh
// browser context, links written before modes existed still open, and every value a link
// carries that means nothing where it stands is named in a notice while the rest opens.
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { watchErrors } from './support';

const pane = (page: Page, side: 'left' | 'right') => page.locator(`[data-pane="${side}"]`);
const stepCount = (page: Page) => page.getByTestId('step-count');

/** Opens `url` in a new context (no storage, no history) and returns its page. */
async function fresh(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('a compare link reopens both sides and the cursor in a fresh context', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=2.6.34');
  await page.getByRole('button', { name: 'Compare' }).click();
  await pane(page, 'right').getByTestId('compare-era').selectOption('3.0');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(stepCount(page)).toHaveText(/^2 \//);
  await expect(page).toHaveURL(/mode=compare/);
  await expect(page).toHaveURL(/era2=3\.0/);
  await expect(page).toHaveURL(/step=2/);

  const again = await fresh(browser, page.url());
  await expect(again.getByTestId('compare-view')).toBeVisible();
  await expect(again.getByRole('button', { name: 'Compare' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(pane(again, 'left')).toContainText('2.6.34');
  await expect(pane(again, 'right').getByTestId('compare-era')).toHaveValue('3.0');
  await expect(stepCount(again)).toHaveText(/^2 \//);
  await expect(again.getByTestId('notices')).toHaveCount(0);
  await again.context().close();
  expect(errors).toEqual([]);
});

test('a lecture link reopens lecture mode in a fresh context', async ({ page, browser }) => {
  await page.goto('/?scenario=tour-what-is-an-anon-vma');
  await page.getByRole('button', { name: 'Lecture' }).click();
  await expect(page).toHaveURL(/mode=lecture/);
  const again = await fresh(browser, page.url());
  await expect(again.locator('[data-lecture="true"]').first()).toBeVisible();
  await expect(again.getByTestId('lecture-caption')).toBeVisible();
  await again.context().close();
  // and a hand-written one
  const typed = await fresh(browser, '/?scenario=tour-what-is-an-anon-vma&mode=lecture');
  await expect(typed.locator('[data-lecture="true"]').first()).toBeVisible();
  await typed.context().close();
});

test('links of the older forms still open', async ({ page }) => {
  // v0: plain and hand-written
  await page.goto('/?scenario=race-8.1&era=2.6.36&step=5');
  await expect(stepCount(page)).toHaveText(/^5 \//);
  await expect(page.getByTestId('era-select')).toHaveValue('2.6.36');
  // v1 as generated before compare and lecture links existed (its checksum is unchanged)
  await page.goto('/?v=1&scenario=race-8.1&era=3.0&flags=pinRoot%3A0&c=13ry4tm&step=12');
  await expect(stepCount(page)).toHaveText(/^12 \//);
  await expect(page.getByTestId('era-select')).toHaveValue('3.0');
  await expect(page.getByTestId('notices')).toHaveCount(0);
});

const IGNORED: { name: string; query: string; notice: RegExp }[] = [
  {
    name: 'embed-only parameters without embed=1',
    query: 'speed=Infinity&controls=javascript:alert(1)&autoplay=999&loop=0x10&loop=-1',
    notice: /^Ignored (speed|controls|autoplay|loop)=.*embeds only \(embed=1\)/,
  },
  {
    name: 'v1-only parameters in a plain link',
    query: 'j=N4IgdghgtgpiBcIBKBT&flags=pinRoot:0',
    notice: /^Ignored (j|flags)=.*generates \(v=1\)/,
  },
  {
    name: 'a second side outside compare mode',
    query: 'era2=2.6.36',
    notice: /second side.*mode=compare/,
  },
  { name: 'an unknown mode', query: 'mode=slides', notice: /^Ignored mode="slides"/ },
];

for (const { name, query, notice } of IGNORED) {
  test(`names ${name} and opens the rest of the link`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/?scenario=race-8.1&era=2.6.36&step=4&${query}`);
    await expect(stepCount(page)).toHaveText(/^4 \//);
    await expect(page.getByTestId('era-select')).toHaveValue('2.6.36');
    await expect(page.getByTestId('notice').filter({ hasText: notice }).first()).toBeVisible();
    for (const text of await page.getByTestId('notice').allTextContents())
      expect(text).not.toMatch(/Error:/);
    expect(errors).toEqual([]);
  });
}

test('a hand-typed path starting with // opens and keeps its link up to date', async ({ page }) => {
  // the page writes its state back into the URL: `//…` as a path once read as another host there
  // and replaceState threw
  const errors = watchErrors(page);
  await page.goto('/');
  const base = new URL(page.url()).origin;
  await page.goto(`${base}//scenario=race-8.1?scenario=race-8.1&step=3`);
  await expect(stepCount(page)).toHaveText(/^3 \//);
  await page.getByTestId('step').click();
  await expect(stepCount(page)).not.toHaveText(/^3 \//);
  await expect(page).toHaveURL(/[?&]step=(?!3\b)\d+/);
  expect(new URL(page.url()).origin).toBe(base);
  expect(errors).toEqual([]);
});
