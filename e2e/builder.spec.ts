// Build your own forest by clicking: the palette appends ops, the graph follows, flags replay,
// a rejected op keeps the forest, and the scenario can be saved as a file.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const obj = (page: Page, kind: string, id: string) =>
  page.locator(`[data-kind="${kind}"][data-id="${id}"]`);
const op = (page: Page, id: string) => page.getByTestId(`op-${id}`);

async function atEnd(page: Page): Promise<void> {
  await expect(page.getByTestId('step-count')).toHaveText(/^(\d+) \/ \1$/);
}

/** Downloads the scenario with the builder's button; returns the file's text. */
async function downloadText(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('builder-download').click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: await readFile(await download.path(), 'utf8'),
  };
}

/** Opens `text` as a scenario file in a fresh page. */
async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('builder-open').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('scenario-select')).toHaveValue('custom');
}

/** New scenario in 2.6.36: spawn, mmap, write, fork, then write in the child (selected in the graph). */
async function buildFork(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('era-select').selectOption('2.6.36');
  await page.getByTestId('builder-new').click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('custom');
  for (const id of ['spawn', 'mmap', 'write', 'fork']) {
    await op(page, id).click();
    await atEnd(page);
  }
  await expect(obj(page, 'process', 'P.c1')).toHaveCount(1);
  // the palette acts on what is selected in the graph
  await obj(page, 'page', 'P:0').first().click();
  await expect(page.getByTestId('builder-selection')).toContainText('selected page P:0');
  await expect(page.getByTestId('builder-pid')).toHaveValue('P');
  await expect(op(page, 'migrate')).toHaveAttribute('aria-disabled', 'false');
  await obj(page, 'vma', 'P.c1:0').first().click();
  await expect(page.getByTestId('builder-selection')).toContainText('selected vma P.c1:0');
  await expect(page.getByTestId('builder-pid')).toHaveValue('P.c1');
  await op(page, 'write').click();
  await atEnd(page);
}

test('builds a forest by clicking and follows it to the end of the trace', async ({ page }) => {
  const errors = watchErrors(page);
  await buildFork(page);
  // the child's VMA is on its own anon_vma (head) and the parent's (root, tail)
  await expect(obj(page, 'avc', 'P.c1:0/av1')).toHaveCount(1);
  await expect(obj(page, 'avc', 'P.c1:0/av0')).toHaveCount(1);
  await expect(obj(page, 'avc', 'P:0/av0')).toHaveCount(1);
  await expect(obj(page, 'anon_vma', 'av0')).toHaveCount(1);
  await expect(obj(page, 'anon_vma', 'av1')).toHaveCount(1);
  await expect(obj(page, 'page', 'P.c1:0')).toHaveCount(1);
  await expect(page.getByText('5 ops in “My forest”')).toBeVisible();

  // undo removes the last op and the child's page with it
  await page.getByTestId('builder-undo').click();
  await atEnd(page);
  await expect(page.getByText('4 ops in “My forest”')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a flag switched off replays at once and can be reset', async ({ page }) => {
  const errors = watchErrors(page);
  await buildFork(page);
  const root = obj(page, 'anon_vma', 'av0');
  // 2.6.36 (patch 5/5): the child anon_vma pins its root
  await expect(root).toContainText('ref 1');
  const row = page.getByTestId('flag-pinRoot');
  await expect(row).toContainText('in 2.6.36: on');
  await row.getByLabel(/pin the root with a refcount/).uncheck();
  await expect(row).toHaveAttribute('data-changed', 'true');
  await expect(row).toContainText('changed to off');
  await expect(root).toContainText('ref 0');
  await row.getByRole('button', { name: /Reset/ }).click();
  await expect(row).toHaveAttribute('data-changed', 'false');
  await expect(root).toContainText('ref 1');
  expect(errors).toEqual([]);
});

test('an op the model rejects shows an alert and keeps the forest', async ({ page }) => {
  const errors = watchErrors(page);
  await buildFork(page);
  await op(page, 'mprotect-r').click();
  await atEnd(page);
  const steps = await page.getByTestId('step-count').textContent();
  const avcs = await page.locator('[data-kind="avc"]').count();
  // a write to the now read-only VMA is refused by the model
  await op(page, 'write').click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not applied' });
  await expect(alert).toContainText(/read-only/);
  await expect(page.getByTestId('step-count')).toHaveText(steps ?? '');
  await expect(page.locator('[data-kind="avc"]')).toHaveCount(avcs);
  await expect(page.getByText('6 ops in “My forest”')).toBeVisible();
  // a disabled op says why and does nothing
  await page.getByTestId('builder-addr').fill('40');
  await expect(op(page, 'write')).toHaveAttribute('aria-disabled', 'true');
  await expect(op(page, 'write')).toHaveAttribute('title', /no VMA of P\.c1 covers page 40/);
  expect(errors).toEqual([]);
});

test('downloads the built scenario as a valid file', async ({ page }) => {
  const errors = watchErrors(page);
  await buildFork(page);
  await page
    .getByTestId('flag-pinRoot')
    .getByLabel(/pin the root/)
    .uncheck();
  const { name, text } = await downloadText(page);
  expect(name).toBe('my-forest.json');
  const file = JSON.parse(text) as Record<string, unknown>;
  expect(file).toMatchObject({
    format: 'anon-vma-forest/scenario@1',
    title: 'My forest',
    era: '2.6.36',
    flags: { pinRoot: false },
  });
  expect(file['ops']).toHaveLength(5);

  // opening the saved file elsewhere reopens the same forest, under its saved flags
  await openFile(page, 'my-forest.json', text);
  const max = await page.getByTestId('step-slider').getAttribute('max');
  await page.getByTestId('step-slider').fill(max ?? '0');
  await expect(obj(page, 'avc', 'P.c1:0/av1')).toHaveCount(1);
  await expect(obj(page, 'anon_vma', 'av0')).toContainText('ref 0');

  // a file that is not a scenario is refused with the reason, on the page's notices
  await page.getByTestId('builder-open').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format": "anon-vma-forest/scenario@1", "title": "x", "era": "2.6.36", "ops": [{"op": "spwan", "pid": "P"}]}',
    ),
  });
  await expect(page.getByTestId('notice').filter({ hasText: 'bad.json' })).toContainText(
    /"bad\.json" was not opened: op 0: unknown op "spwan".*did you mean spawn/,
  );
  await expect(page.getByTestId('notice').filter({ hasText: 'bad.json' })).toHaveAttribute(
    'role',
    'alert',
  );
  await expect(obj(page, 'avc', 'P.c1:0/av1')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the builder and the flags pass axe in both themes', async ({ page }) => {
  // two axe scans of the dock (the tools) with every flag group open (over 25 flags with their
  // citations): about 15 s alone, twice that beside another worker on two cores
  test.setTimeout(60_000);
  await buildFork(page);
  await op(page, 'mprotect-r').click();
  await op(page, 'write').click(); // an alert is showing
  await page
    .getByTestId('flag-pinRoot')
    .getByLabel(/pin the root/)
    .uncheck();
  await op(page, 'write').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not applied' })).toBeVisible();
  for (const summary of await page.locator('.flags-group > summary').all()) {
    if (!(await summary.locator('..').getAttribute('open'))) await summary.click();
  }
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByTestId('theme-toggle').click();
    expect(await seriousAxe(page, ['.dock']), theme).toEqual([]);
  }
});

test('an op on a built-in scenario edits a copy and shows its end', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // the home page opens the first tour at its first caption, before its end
  await expect(page.getByTestId('step-count')).not.toHaveText(/^(\d+) \/ \1$/);
  const builtin = await page.getByTestId('scenario-select').inputValue();
  await op(page, 'spawn').click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('custom');
  await atEnd(page);
  // the spawned process is named after the ones the scenario already has
  const pids = await page
    .locator('[data-kind="process"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
  expect(pids.length).toBeGreaterThan(1);
  // going back to the built-in leaves the copy
  await page.getByTestId('scenario-select').selectOption(builtin);
  await expect(page.getByTestId('step-count')).toHaveText(/^0 \//);
  expect(errors).toEqual([]);
});

test('a reclaim walk makes the built scenario format @2, and it reopens', async ({ page }) => {
  const errors = watchErrors(page);
  await buildFork(page);
  await obj(page, 'page', 'P.c1:0').first().click();
  await expect(op(page, 'reclaim')).toHaveAttribute('aria-disabled', 'false');
  await op(page, 'reclaim').click();
  await atEnd(page);
  await expect(page.getByText('6 ops in “My forest”')).toBeVisible();
  await expect(page.getByTestId('violations').locator('[data-kind-violation]')).toHaveCount(0);
  const { text } = await downloadText(page);
  const file = JSON.parse(text) as { format: string; ops: { op: string }[] };
  expect(file.format).toBe('anon-vma-forest/scenario@2');
  expect(file.ops.at(-1)).toEqual({ op: 'reclaim', pid: 'P.c1', addr: 0 });
  await openFile(page, 'reclaim.json', text);
  await expect(page.getByText('6 ops in “My forest”')).toBeVisible();
  expect(errors).toEqual([]);
});

test('two clicked ops become a race: run in parallel, CPU lanes, explore', async ({ page }) => {
  const errors = watchErrors(page);
  await buildFork(page);
  const parallel = page.getByTestId('builder-parallel');
  await expect(parallel).toHaveAttribute('aria-disabled', 'false');
  await obj(page, 'page', 'P:0').first().click();
  await op(page, 'migrate').click();
  await atEnd(page);
  await obj(page, 'vma', 'P.c1:0').first().click();
  await op(page, 'exit').click();
  await atEnd(page);
  await expect(page.getByText('7 ops in “My forest”')).toBeVisible();
  await parallel.click();
  await atEnd(page);
  await expect(page.getByText('6 ops in “My forest”')).toBeVisible();
  await page.getByTestId('builder-ops').locator('summary').click();
  await expect(page.getByTestId('builder-ops')).toContainText(
    'parallel { cpu0: migrate P:0 | cpu1: exit P.c1 }',
  );
  await expect(page.getByTestId('cpu-lanes').getByTestId('lane-status')).toHaveCount(2);
  await expect(parallel).toHaveAttribute('aria-disabled', 'true');
  // every interleaving of the new block, honestly counted
  const panel = page.getByTestId('explore-panel');
  await panel.getByRole('button', { name: 'Explore interleavings' }).click();
  await expect(panel.getByTestId('explore-none')).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});
