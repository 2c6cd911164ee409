// Big scenarios (issue 11): the 1,000-forks scenario opens through the load worker with progress
// while the page answers input (a key moves the open scenario during the load; how long the main
// thread's tasks last depends on the machine's load, so BENCHMARKS.md measures it), and the
// 1,000-deep fork chain, over the page's bound of micro-steps, is refused with a message and the
// open scenario kept.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { forkChain, forkFan } from '../bench/bigScenarios';
import { watchErrors } from './support';

test.describe.configure({ timeout: 120_000 });

async function openFile(page: Page, name: string, text: string) {
  const menu = page.getByTestId('share-menu');
  if ((await menu.getAttribute('open')) === null) await page.getByTestId('share-toggle').click();
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('1,000 forks open by import: progress, the page answers, the forest appears', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1');
  const count = page.getByTestId('step-count');
  await expect(count).toHaveText(/^0 \//);
  await openFile(page, 'fan.json', JSON.stringify(forkFan(1000)));
  const box = page.getByTestId('big-load');
  await expect(box).toBeVisible();
  await expect(page.getByTestId('big-load-text')).toHaveText(/micro-steps|states|ops/);
  // the open scenario still answers a click while the worker replays
  await page.getByTestId('step-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^1 \//);
  await expect(box).toBeHidden({ timeout: 90_000 });
  await expect(count).toHaveText('0 / 25017');
  await expect(page.getByTestId('notice').filter({ hasText: /Opened "1000 forks/ })).toBeVisible();
  await page.keyboard.press('End');
  await expect(count).toHaveText('25017 / 25017');
  await expect(page.getByTestId('forest-canvas')).toHaveAttribute('aria-label', /1001 processes/);
  for (const to of ['12000', '3000', '300']) {
    await page.getByTestId('step-slider').fill(to);
    await expect(count).toHaveText(`${to} / 25017`);
  }
  expect(errors).toEqual([]);
});

test('the 1,000-deep chain by postMessage is refused and the open scenario kept; cancel works', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&step=6');
  const count = page.getByTestId('step-count');
  await expect(count).toHaveText(/^6 \//);
  const before = await count.textContent();
  const host = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        window.addEventListener('message', (e: MessageEvent<{ type: string; message: string }>) => {
          if (e.data?.type === 'anon-vma-forest:error') resolve(e.data.message);
        });
      }),
  );
  await page.evaluate(
    (scenario) => window.postMessage({ type: 'anon-vma-forest:load', scenario }, '*'),
    forkChain(1000),
  );
  await expect(page.getByTestId('big-load')).toBeVisible();
  expect(await host).toMatch(/load rejected: it takes more than 250,000 micro-steps/);
  await expect(page.getByTestId('big-load')).toBeHidden();
  await expect(count).toHaveText(before!);

  // a second big load, cancelled: nothing changes
  await page.evaluate(
    (scenario) => window.postMessage({ type: 'anon-vma-forest:load', scenario }, '*'),
    forkFan(1000),
  );
  await page.getByTestId('big-load-cancel').click();
  await expect(page.getByTestId('big-load')).toBeHidden();
  await expect(count).toHaveText(before!);
  expect(errors).toEqual([]);
});

test('bad input still gets a clear error and keeps the open scenario', async ({ page }) => {
  await page.goto('/?scenario=race-8.1&step=6');
  const count = page.getByTestId('step-count');
  await expect(count).toHaveText(/^6 \//);
  const sc = forkFan(200);
  sc.ops.push({ op: 'touch', pid: 'nobody', addr: 0, write: true });
  await openFile(page, 'broken.json', JSON.stringify(sc));
  await expect(
    page.getByTestId('notice').filter({ hasText: /"broken\.json" was not opened: .*nobody/ }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(count).toHaveText(/^6 \//);
});
