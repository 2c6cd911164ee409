// Accessibility: axe-core on the main states (no serious or critical violation), landmarks and
// headings, the skip link, and a keyboard-only walk through the page in a sensible order.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const STATES: { name: string; url: string; dark?: boolean; width?: number }[] = [
  { name: 'start', url: '/' },
  { name: 'mid race', url: '/?scenario=race-8.1&step=40' },
  { name: 'end of a race', url: '/?scenario=race-8.1&era=2.6.34&step=end' },
  { name: 'dark theme', url: '/?scenario=race-8.1&step=40', dark: true },
  { name: '375 px', url: '/?step=end', width: 375 },
  { name: '375 px dark', url: '/?scenario=race-8.1&step=40', width: 375, dark: true },
];

for (const state of STATES) {
  test(`axe: no serious or critical violation (${state.name})`, async ({ page }) => {
    const errors = watchErrors(page);
    if (state.width) await page.setViewportSize({ width: state.width, height: 740 });
    await page.emulateMedia({ colorScheme: state.dark ? 'dark' : 'light' });
    await page.goto(state.url);
    await expect(page.getByTestId('graph-pane')).toBeVisible();
    await expect(page.locator('.app')).toHaveAttribute('data-theme', state.dark ? 'dark' : 'light');
    expect(await seriousAxe(page, [], true)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('landmarks and headings', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'anon_vma forest graph' })).toBeVisible();
});

test('the skip link is the first stop and moves focus to the graph', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('graph-pane')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the graph' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('graph-pane')).toBeFocused();
  // No #fragment is written into the page's URL state.
  expect(new URL(page.url()).hash).toBe('');
});

/** What has the focus: its test id, else its id, else its tag and accessible name. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const side = el.closest('.side-panel') ? 'side:' : '';
    return (
      side +
      (el.dataset['testid'] ??
        (el.id ||
          `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent ?? ''}`))
    );
  });
}

test('Tab reaches the header, the playback controls, the graph and the side panels in order', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?step=end');
  await expect(page.getByTestId('graph-pane')).toBeVisible();
  const order: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const name = await focusedName(page);
    if (order.includes(name)) break; // wrapped around
    order.push(name);
  }
  const at = (name: string) => order.indexOf(name);
  expect(at('theme-toggle')).toBeGreaterThan(0);
  expect(at('play')).toBeGreaterThan(at('theme-toggle'));
  expect(at('step-slider')).toBeGreaterThan(at('play'));
  // the zoom buttons sit in the graph's toolbar, above the pane they act on
  expect(at('zoom-in')).toBeGreaterThan(at('step-slider'));
  expect(at('graph-pane')).toBeGreaterThan(at('zoom-in'));
  const side = order.findIndex((n) => n.startsWith('side:'));
  if (side >= 0) expect(side).toBeGreaterThan(at('graph-pane'));

  // Every stop shows where the focus is.
  await page.getByTestId('graph-pane').focus();
  const outline = await page
    .getByTestId('graph-pane')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  expect(errors).toEqual([]);
});

test('keyboard only: step with the arrows, zoom the focused graph', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('graph-pane')).toBeVisible();
  const count = page.getByTestId('step-count');
  // the home page opens at the tour's first caption: Home goes back to the first step
  await expect(count).not.toHaveText(/^0 \/ \d+$/);
  await page.keyboard.press('Home');
  await expect(count).toHaveText(/^0 \/ \d+$/);
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^1 \/ \d+$/);
  await page.getByTestId('graph-pane').focus();
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^2 \/ \d+$/);
  const layer = page.getByTestId('zoom-layer');
  const z0 = Number(await layer.getAttribute('data-zoom'));
  await page.keyboard.press('+');
  await expect
    .poll(async () => Number(await layer.getAttribute('data-zoom')))
    .toBeCloseTo(z0 * 1.25, 2);
});
