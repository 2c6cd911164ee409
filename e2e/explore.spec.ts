import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const panel = (page: Page) => page.getByTestId('explore-panel');
const stepCount = (page: Page) => page.getByTestId('step-count');

async function counts(page: Page): Promise<{ cursor: number; total: number }> {
  const text = (await stepCount(page).textContent()) ?? '';
  const m = /^(\d+) \/ (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`step count reads "${text}"`);
  return { cursor: Number(m[1]), total: Number(m[2]) };
}

test('8.1 under 2.6.34: the explorer finds the race and loads it into the timeline', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=2.6.34');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  const before = await counts(page);

  const start = panel(page).getByRole('button', { name: 'Explore interleavings' });
  await expect(start).toBeEnabled();
  await start.click();

  await expect(panel(page).getByRole('progressbar')).toBeVisible();
  const found = panel(page).getByTestId('explore-violation');
  await expect(found).toBeVisible({ timeout: 20_000 });
  await expect(found.locator('[data-violation-kind]').first()).toHaveAttribute(
    'data-violation-kind',
    /^(rmap-miss|migration-entry-left)$/,
  );
  await expect(found).toContainText('Schedule of op 5');

  await found.getByRole('button', { name: 'Load this interleaving' }).click();
  await expect(found.getByTestId('explore-loaded')).toBeVisible();
  // The timeline replays the counterexample: another trace, with the cursor on the violation.
  await expect.poll(async () => (await counts(page)).total).not.toBe(before.total);
  const banner = page.getByTestId('violation-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-violation-kind', /^(rmap-miss|migration-entry-left)$/);
  const step = Number(await banner.getAttribute('data-step'));
  await expect.poll(async () => (await counts(page)).cursor).toBe(step);
  expect(errors).toEqual([]);
});

test('8.1 under 2.6.36: no violation, said with the number of states', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=2.6.36');
  await panel(page).getByRole('button', { name: 'Explore interleavings' }).click();
  const none = panel(page).getByTestId('explore-none');
  await expect(none).toBeVisible({ timeout: 20_000 });
  await expect(none).toContainText(
    /^No violation in [\d,]+ states \([\d,]+ class(es)? of interleavings, [\d.]+ s\) under 2\.6\.36: every interleaving of the parallel blocks was covered/,
  );
  expect(Number(await none.getAttribute('data-explored'))).toBeGreaterThan(0);
  await expect(none).toHaveAttribute('data-complete', 'true');
  expect(errors).toEqual([]);
});

test('a longer search can be cancelled (or says what it found when it ends first)', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.2');
  await panel(page).getByRole('button', { name: 'Explore interleavings' }).click();
  const cancel = panel(page).getByRole('button', { name: 'Cancel' });
  // The search may end before the click lands: then the honest final sentence is there instead.
  await cancel.click({ timeout: 2_000 }).catch(() => undefined);
  const outcome = panel(page).getByTestId(/^explore-(cancelled|none)$/);
  await expect(outcome).toBeVisible({ timeout: 20_000 });
  const text = (await outcome.textContent()) ?? '';
  test.info().annotations.push({ type: 'outcome', description: text });
  if ((await outcome.getAttribute('data-testid')) === 'explore-cancelled')
    expect(text).toMatch(/^Explore cancelled after [\d,]+ states?\.$/);
  else expect(text).toMatch(/^No violation in [\d,]+ states .* under 2\.6\.34 with /);
  await expect(cancel).toHaveCount(0);
  // Another search starts afresh.
  await expect(panel(page).getByRole('button', { name: 'Explore interleavings' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a search too big for its time limit stops there and says how far it got', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=6.1');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  const before = await counts(page);
  const big = JSON.parse(readFileSync('bench/explore/4cpu-4ops.json', 'utf8')) as unknown;
  await page.evaluate(
    (scenario) => window.postMessage({ type: 'anon-vma-forest:load', scenario }, '*'),
    big,
  );
  await expect.poll(async () => (await counts(page)).total).not.toBe(before.total);
  await panel(page).getByTestId('explore-time-limit').selectOption('10');
  await panel(page).getByRole('button', { name: 'Explore interleavings' }).click();
  // while it runs: states, interleavings and time, and the input still answers
  const text = panel(page).getByTestId('explore-progress-text');
  await expect(text).toContainText(
    /[\d,]+ states · [\d,]+ interleavings? · [\d,]+ states\/s · [\d.]+ s/,
  );
  await expect(panel(page).getByTestId('explore-time-limit')).toBeDisabled();
  const none = panel(page).getByTestId('explore-none');
  await expect(none).toBeVisible({ timeout: 40_000 });
  await expect(none).toHaveAttribute('data-complete', 'false');
  await expect(none).toHaveAttribute('data-stopped-by', 'max-seconds');
  await expect(none).toContainText(
    /^No violation in the first [\d,]+ states \([\d,]+ class(es)? of interleavings, [\d.]+ s\) under 6\.1, but the search stopped at its time limit of 10 s: interleavings past it were not tried\.$/,
  );
  await expect(panel(page).getByTestId('explore-progress')).toHaveAttribute(
    'data-phase',
    'stopped',
  );
  expect(errors).toEqual([]);
});

test('a scenario without a parallel block cannot be explored, and says why', async ({ page }) => {
  await page.goto('/?scenario=growth-8.8');
  await expect(panel(page).getByRole('button', { name: 'Explore interleavings' })).toBeDisabled();
  await expect(panel(page)).toContainText('no parallel block');
});

test('the explore panel fits a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?scenario=race-8.1&era=2.6.34');
  await panel(page).getByRole('button', { name: 'Explore interleavings' }).click();
  await expect(panel(page).getByTestId('explore-violation')).toBeVisible({ timeout: 20_000 });
  const box = await panel(page).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
});

for (const dark of [false, true])
  test(`a found violation and the metrics tables pass axe (${dark ? 'dark' : 'light'})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.goto('/?scenario=race-8.1&era=2.6.34');
    await panel(page).getByRole('button', { name: 'Explore interleavings' }).click();
    await expect(panel(page).getByTestId('explore-violation')).toBeVisible({ timeout: 20_000 });
    for (const summary of await page.locator('[data-testid="metrics"] .metric-table summary').all())
      await summary.click();
    const include = ['[data-testid="explore-panel"]', '[data-testid="metrics"]'];
    expect(await seriousAxe(page, include, true)).toEqual([]);
  });

// The two races added from the 2010 series' follow-ups, explored in the page: switching the one
// patch in the Patches panel turns a breaking search into a clean one, and back.
const FOLLOW_UPS = [
  {
    id: 'race-8.6',
    url: '/?scenario=race-8.6',
    flag: 'lockRecheck',
    kinds: /^(unlocked-write|deadlock)$/,
  },
  {
    id: 'race-8.10',
    url: '/?scenario=race-8.10&era=2.6.36',
    flag: 'tailInsert',
    kinds: /^(rmap-miss|migration-entry-left)$/,
  },
];
for (const { id, url, flag, kinds } of FOLLOW_UPS) {
  test(`${id}: the explorer breaks it without its fix and finds nothing with it`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(url);
    const box = page.getByTestId(`flag-${flag}`).getByRole('checkbox');
    const explore = async () => {
      await expect(
        panel(page).getByRole('button', { name: 'Explore interleavings' }),
      ).toBeEnabled();
      await panel(page).getByRole('button', { name: 'Explore interleavings' }).click();
    };
    // 8.6 opens with its fix off (the file's flags), 8.10 with it on (2.6.36)
    if (await box.isChecked()) {
      await explore();
      await expect(panel(page).getByTestId('explore-none')).toHaveAttribute(
        'data-complete',
        'true',
        {
          timeout: 20_000,
        },
      );
      await box.uncheck();
    } else {
      await explore();
      await expect(panel(page).getByTestId('explore-violation')).toBeVisible({ timeout: 20_000 });
      await box.check();
    }
    await explore();
    const outcome = panel(page).getByTestId(/^explore-(none|violation)$/);
    await expect(outcome).toBeVisible({ timeout: 20_000 });
    if (await box.isChecked()) await expect(outcome).toHaveAttribute('data-complete', 'true');
    else
      await expect(outcome.locator('[data-violation-kind]').first()).toHaveAttribute(
        'data-violation-kind',
        kinds,
      );
    expect(errors).toEqual([]);
  });
}
