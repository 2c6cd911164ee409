import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const graph = (page: Page) => page.getByTestId('forest-graph');
const slider = (page: Page) => page.getByTestId('step-slider');

async function total(page: Page): Promise<number> {
  return Number(await slider(page).getAttribute('max'));
}

async function firstScenarioId(page: Page): Promise<string> {
  const id = await page
    .getByTestId('scenario-select')
    .locator('option')
    .first()
    .getAttribute('value');
  if (!id) throw new Error('no built-in scenario');
  return id;
}

test('draws the first built-in scenario and steps back', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(graph(page)).toBeVisible();
  // the home page opens the first tour at its first caption, a forest already drawn
  await expect(page.getByTestId('step-count')).not.toHaveText(/^0 \/ \d+$/);
  await expect(page.locator('[data-kind="anon_vma"]').first()).toBeVisible();

  const n = await total(page);
  expect(n).toBeGreaterThan(0);
  await slider(page).fill(String(n));
  await expect(page.getByTestId('step-count')).toHaveText(`${n} / ${n}`);

  // The first built-in scenario forks P: P's first VMA is chained to the family's first anon_vma.
  await expect(page.locator('[data-kind="process"][data-id="P"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="vma"][data-id="P:0"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="anon_vma"][data-id="av0"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="avc"][data-id="P:0/av0"]')).toHaveCount(1);
  expect(await page.locator('[data-kind="process"]').count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('[data-kind="page"]').count()).toBeGreaterThan(0);

  // Every AVC names a drawn VMA and a drawn anon_vma.
  const avcIds = await page
    .locator('[data-kind="avc"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  for (const id of avcIds) {
    const [vma, av] = id.split('/');
    await expect(page.locator(`[data-kind="vma"][data-id="${vma}"]`)).toHaveCount(1);
    await expect(page.locator(`[data-kind="anon_vma"][data-id="${av}"]`)).toHaveCount(1);
  }

  // one micro-step back (Shift+←), whatever it changes
  const before = await page.getByTestId('step-log').textContent();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('step-count')).toHaveText(`${n - 1} / ${n}`);
  await expect(page.getByTestId('step-log')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('step-log')).toContainText(`Step ${n - 1} of ${n}`);
  // Back goes to the drawing before the one shown: further than one step when steps changed
  // nothing drawn
  await page.getByTestId('back').click();
  const at = Number((await page.getByTestId('step-count').textContent())?.split(' / ')[0]);
  expect(at).toBeLessThan(n - 1);

  expect(errors).toEqual([]);
});

test('the history of the step log rests during a scrub and catches up with the cursor', async ({
  page,
}) => {
  await page.goto('/?scenario=race-8.1&era=2.6.34&step=5');
  const history = page.getByRole('group', { name: 'The last steps' });
  await expect(history.locator('li.is-current')).toHaveAttribute('value', '5');
  const n = await total(page);
  // a scrub: steps far faster than anyone reads twenty lines
  for (let k = 6; k <= Math.min(n, 40); k++) await slider(page).fill(String(k));
  const last = Math.min(n, 40);
  await expect(page.getByTestId('step-count')).toHaveText(`${last} / ${n}`);
  // once the cursor rests, the history ends on it, with the 19 steps before it
  await expect(history.locator('li.is-current')).toHaveAttribute('value', String(last));
  await expect(history.locator('li')).toHaveCount(20);
  await expect(history.locator('li').first()).toHaveAttribute('value', String(last - 19));
});

test('opens the scenario and step named in the URL, and keeps the URL up to date', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const id = await firstScenarioId(page);
  await page.goto(`/?scenario=${encodeURIComponent(id)}&step=2`);
  await expect(graph(page)).toBeVisible();
  const n = await total(page);
  await expect(page.getByTestId('step-count')).toHaveText(`2 / ${n}`);
  await expect(page.getByTestId('step-fn')).not.toBeEmpty();

  // Step goes to the next change in the graph: step 3 only asks whether [0,4) can merge
  await page.getByTestId('step').click();
  await expect(page.getByTestId('step-count')).toHaveText(`4 / ${n}`);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('4');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('step-count')).toHaveText(`3 / ${n}`);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('3');
  expect(new URL(page.url()).searchParams.get('scenario')).toBe(id);

  await page.goto(`/?scenario=${encodeURIComponent(id)}&step=end`);
  await expect(page.getByTestId('step-count')).toHaveText(`${n} / ${n}`);
  expect(errors).toEqual([]);
});

test('marks held and awaited locks on anon_vmas', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(graph(page)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-count')).toHaveText(/^0 \//);
  const n = Math.min(await total(page), 400);
  let lockedSeen = 0;
  // every micro-step, one by one (Shift+→)
  for (let step = 1; step <= n; step++) {
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${step} /`));
    const locks = await page
      .locator('[data-kind="anon_vma"]')
      .evaluateAll((els) =>
        els.flatMap((el) =>
          ['data-locked', 'data-waiting'].map((a) => el.getAttribute(a)).filter((v) => v !== null),
        ),
      );
    for (const value of locks) expect(value).toMatch(/^cpu\d+( cpu\d+)*$/);
    if (await page.locator('[data-kind="anon_vma"][data-locked]').count()) lockedSeen++;
  }
  // A fork takes the anon_vma lock at least once.
  expect(lockedSeen).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('switches era and replays the scenario under it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?step=end');
  await expect(graph(page)).toBeVisible();
  const era = await graph(page).getAttribute('data-era');
  const other = era === '3.0' ? '6.1' : '3.0';
  await page.getByTestId('era-select').selectOption(other);
  await expect(graph(page)).toHaveAttribute('data-era', other);
  await expect.poll(() => new URL(page.url()).searchParams.get('era')).toBe(other);
  expect(errors).toEqual([]);
});

test('embed mode shows the graph and the playback bar only', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?embed=1&step=end');
  await expect(graph(page)).toBeVisible();
  await expect(page.getByTestId('step')).toBeVisible();
  await expect(page.getByTestId('scenario-select')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'anon-vma-forest' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('has no serious accessibility problem', async ({ page }) => {
  await page.goto('/?step=end');
  await expect(graph(page)).toBeVisible();
  expect(await seriousAxe(page)).toEqual([]);
});
