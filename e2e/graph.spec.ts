// The graph: the AVC matrix and its family tree, the pointer view with the same data-ids, the
// inspector, hover highlighting of both lists, locks on the right anon_vma, and what a step changed.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

const obj = (page: Page, kind: string, id: string) =>
  page.locator(`[data-kind="${kind}"][data-id="${id}"]`);

/** data-id of every drawn object of `kind`, sorted. */
async function idsOf(page: Page, kind: string): Promise<string[]> {
  const ids = await page
    .locator(`[data-kind="${kind}"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  return ids.sort();
}

const KINDS = ['process', 'vma', 'anon_vma', 'avc', 'page'];

test('matrix with its family tree, then the pointer view with the same objects', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=fork-and-cow&step=end');
  const frame = page.getByTestId('graph-frame');
  await expect(frame).toHaveAttribute('data-view', 'matrix');
  await expect(page.getByTestId('forest-graph')).toBeVisible();

  // P forked C: C's VMA is chained to its own anon_vma av1 (head) and to the root av0 (tail).
  await expect(obj(page, 'vma', 'C:0')).toHaveCount(1);
  await expect(obj(page, 'avc', 'C:0/av1')).toHaveCount(1);
  await expect(obj(page, 'avc', 'C:0/av0')).toHaveCount(1);
  await expect(obj(page, 'anon_vma', 'av0')).toHaveCount(1);
  // The family tree: av1's parent pointer to av0; the lists along the row and down the column.
  await expect(page.locator('[data-edge="av1->av0"]')).toHaveCount(1);
  await expect(page.locator('[data-list="same_vma"][data-owner="C:0"]')).toHaveCount(1);
  await expect(page.locator('[data-list="same_anon_vma"][data-owner="av0"]')).toHaveCount(1);
  // A row reads head to root left to right: av1's column is left of av0's.
  const x = async (id: string) => (await obj(page, 'avc', id).boundingBox())?.x ?? NaN;
  expect(await x('C:0/av1')).toBeLessThan(await x('C:0/av0'));
  // Pages: one shelf mark per physical page, linked to the entries that map it.
  expect(await page.locator('.pfn[data-pfn]').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-kind="page"]').count()).toBeGreaterThan(0);

  const matrix = Object.fromEntries(
    await Promise.all(KINDS.map(async (k) => [k, await idsOf(page, k)] as const)),
  );
  await page.getByRole('button', { name: 'Pointers' }).click();
  await expect(frame).toHaveAttribute('data-view', 'pointers');
  await expect(page.getByTestId('pointer-graph')).toBeVisible();
  await expect(page.getByTestId('forest-graph')).toHaveCount(0);
  for (const kind of KINDS) expect(await idsOf(page, kind)).toEqual(matrix[kind]);

  await page.getByRole('button', { name: 'Matrix' }).click();
  await expect(frame).toHaveAttribute('data-view', 'matrix');
  expect(errors).toEqual([]);
});

test('the inspector prints a clicked object and follows its links', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=fork-and-cow&step=end');
  const inspector = page.getByTestId('inspector');
  await obj(page, 'anon_vma', 'av1').locator('.anon-vma-node').click();
  await expect(obj(page, 'anon_vma', 'av1')).toHaveAttribute('data-selected', 'true');
  await expect(inspector).toContainText('struct anon_vma av1');
  await expect(inspector).toContainText('root');
  await expect(inspector).toContainText('parent');
  await expect(inspector).toContainText('num_children');
  await expect(inspector).toContainText('rb_root');

  // A related object is a button that selects it.
  await inspector.getByRole('button', { name: 'select anon_vma av0' }).first().click();
  await expect(inspector).toContainText('struct anon_vma av0');
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-selected', 'true');

  // Keyboard: focus an AVC and press Enter.
  await obj(page, 'avc', 'C:0/av0').focus();
  await page.keyboard.press('Enter');
  await expect(inspector).toContainText('struct anon_vma_chain C:0/av0');
  await expect(inspector).toContainText('same_vma');
  expect(errors).toEqual([]);
});

test('hovering an AVC lights both lists it is on, in both views', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=fork-and-cow&step=end');
  await obj(page, 'avc', 'C:0/av0').hover();
  await expect(obj(page, 'vma', 'C:0')).toHaveAttribute('data-highlight', 'true');
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-highlight', 'true');
  await expect(obj(page, 'vma', 'P:0')).not.toHaveAttribute('data-highlight', 'true');
  await expect(obj(page, 'anon_vma', 'av1')).not.toHaveAttribute('data-highlight', 'true');
  await expect(
    page.locator('[data-list="same_vma"][data-owner="C:0"][data-highlight="true"]'),
  ).toHaveCount(1);
  await expect(
    page.locator('[data-list="same_anon_vma"][data-owner="av0"][data-highlight="true"]'),
  ).toHaveCount(1);

  await page.getByRole('button', { name: 'Pointers' }).click();
  await obj(page, 'avc', 'C:0/av1').hover();
  await expect(obj(page, 'vma', 'C:0')).toHaveAttribute('data-highlight', 'true');
  await expect(obj(page, 'anon_vma', 'av1')).toHaveAttribute('data-highlight', 'true');
  await expect(obj(page, 'anon_vma', 'av0')).not.toHaveAttribute('data-highlight', 'true');
  await expect(
    page.locator('[data-list="same_anon_vma"][data-owner="av1"][data-highlight="true"]'),
  ).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a held lock sits on its anon_vma; what the step touched is marked', async ({ page }) => {
  const errors = watchErrors(page);
  // race-8.1 (2.6.34): cpu0's rmap walk holds av0 while cpu1's vma_adjust moves P:10's end.
  await page.goto('/?scenario=race-8.1&step=50');
  await expect(page.getByTestId('step-count')).toHaveText(/^50 \//);
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-locked', 'cpu0');
  await expect(obj(page, 'anon_vma', 'av0')).not.toHaveAttribute('data-waiting', /.+/);
  await expect(obj(page, 'anon_vma', 'av0').locator('.lock-badge')).toContainText('cpu0');
  await expect(obj(page, 'vma', 'P:10')).toHaveAttribute('data-changed', 'true');
  await expect(page.locator('[data-changed="true"]')).toHaveCount(1);

  // Step 14 released av0's lock: the attribute goes with it; av0 itself was touched.
  await page.goto('/?scenario=race-8.1&step=14');
  await expect(page.getByTestId('step-count')).toHaveText(/^14 \//);
  await expect(obj(page, 'anon_vma', 'av0')).not.toHaveAttribute('data-locked', /.+/);
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-changed', 'true');

  // Same lock in the pointer view.
  await page.goto('/?scenario=race-8.1&step=50');
  await page.getByRole('button', { name: 'Pointers' }).click();
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-locked', 'cpu0');
  expect(errors).toEqual([]);
});

test('objects named by a violation are marked from its step on', async ({ page }) => {
  const errors = watchErrors(page);
  // race-8.1: at step 55 the walk of page 2 missed P:22 (rmap-miss on P:22, P:10, av0).
  await page.goto('/?scenario=race-8.1&step=54');
  await expect(page.getByTestId('step-count')).toHaveText(/^54 \//);
  await expect(page.locator('[data-violation="true"]')).toHaveCount(0);
  await page.goto('/?scenario=race-8.1&step=55');
  await expect(page.getByTestId('step-count')).toHaveText(/^55 \//);
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-violation', 'true');
  await expect(obj(page, 'page', 'P:22')).toHaveAttribute('data-violation', 'true');
  expect(errors).toEqual([]);
});

test('reads on a 375 px phone: the graph scrolls inside its pane', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/?scenario=fork-and-cow&step=end');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await expect(page.getByRole('button', { name: 'Pointers' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('8.6: the anon_vma whose memory is reused says so, and the lock left held stays on av0', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // before the reuse: av1 is C's, not marked; at the end it is D's, marked reused
  await page.goto('/?scenario=race-8.6&step=63');
  await expect(obj(page, 'anon_vma', 'av1')).toHaveCount(1);
  await expect(obj(page, 'anon_vma', 'av1')).not.toHaveAttribute('data-reused', /.*/);
  await page.goto('/?scenario=race-8.6&step=end');
  await expect(obj(page, 'anon_vma', 'av1')).toHaveAttribute('data-reused', '1');
  await expect(obj(page, 'anon_vma', 'av1')).toContainText('reused');
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-locked', 'cpu1');
  await expect(obj(page, 'anon_vma', 'av0')).toHaveAttribute('data-waiting', 'cpu0');
  expect(errors).toEqual([]);
});
