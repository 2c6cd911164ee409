import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parseScenario, replay } from '../src/kernel';
import { seriousAxe, watchErrors } from './support';

// The oracle is the model itself: which function and line each step of the tour runs.
const tour = parseScenario(
  readFileSync(new URL('../src/scenarios/tour-fork-and-cow.json', import.meta.url), 'utf8'),
);

function stepOf(era: '6.1' | '2.6.34', fn: string): { n: number; fn: string; line: string } {
  const steps = replay(tour, { era }).steps;
  const i = steps.findIndex((s) => s.fn === fn);
  if (i < 0) throw new Error(`${fn} never runs in the tour under ${era}`);
  return { n: i + 1, fn, line: steps[i]!.line };
}

const panel = (page: Page) => page.getByTestId('code-panel');

async function expectStep(page: Page, s: { fn: string; line: string }, version: RegExp) {
  await expect(panel(page).getByTestId('code-fn')).toHaveText(`${s.fn}()`);
  const current = panel(page).locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('data-line', s.line);
  const link = panel(page).getByTestId('code-source-link');
  await expect(link).toHaveAttribute('href', version);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
}

test('the code panel follows the cursor with the 6.1 source', async ({ page }) => {
  const errors = watchErrors(page);
  for (const fn of ['dup_mmap', 'anon_vma_fork', 'anon_vma_clone', '__anon_vma_prepare']) {
    const s = stepOf('6.1', fn);
    await page.goto(`/?scenario=fork-and-cow&step=${s.n}`);
    await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${s.n} / \\d+$`));
    // 6.1 lines were read in a 6.1.y point release: the link carries that release's tag.
    await expectStep(
      page,
      s,
      /^https:\/\/elixir\.bootlin\.com\/linux\/v6\.1(\.\d+)?\/source\/\S+#L\d+$/,
    );
  }
  // The step log and the panel agree on the function.
  await expect(page.getByTestId('step-fn')).toContainText('__anon_vma_prepare');
  await expect(panel(page)).toContainText('op ');
  expect(errors).toEqual([]);
});

test('the panel moves with a keyboard step', async ({ page }) => {
  const errors = watchErrors(page);
  const s = stepOf('6.1', 'anon_vma_fork');
  await page.goto(`/?scenario=fork-and-cow&step=${s.n - 1}`);
  await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${s.n - 1} / \\d+$`));
  // one micro-step (Shift+→): anon_vma_fork's first step only reads, so → would pass it
  await page.locator('body').press('Shift+ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${s.n} / \\d+$`));
  await expect(panel(page).locator('[aria-current="step"]')).toHaveAttribute('data-line', s.line);
  expect(errors).toEqual([]);
});

test('switching the era to 2.6.34 links the 2.6.34 source', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=fork-and-cow');
  await page.getByTestId('era-select').selectOption('2.6.34');
  const s = stepOf('2.6.34', 'anon_vma_chain_link');
  await page.getByTestId('step-slider').fill(String(s.n));
  await expect(page.getByTestId('step-count')).toHaveText(new RegExp(`^${s.n} / \\d+$`));
  await expectStep(
    page,
    s,
    /^https:\/\/elixir\.bootlin\.com\/linux\/v2\.6\.34\/source\/mm\/rmap\.c$/,
  );
  await expect(panel(page)).toContainText('source at 2.6.34');
  await expect(page.getByTestId('code-definition-link')).toHaveAttribute(
    'href',
    'https://elixir.bootlin.com/linux/v2.6.34/C/ident/anon_vma_chain_link',
  );
  expect(errors).toEqual([]);
});

test('the code panel has no serious accessibility issue, light or dark', async ({ page }) => {
  const errors = watchErrors(page);
  const s = stepOf('6.1', 'anon_vma_fork');
  for (const theme of ['light', 'dark']) {
    await page.goto(`/?scenario=fork-and-cow&step=${s.n}&theme=${theme}`);
    await expect(panel(page).locator('[aria-current="step"]')).toHaveCount(1);
    expect(await seriousAxe(page, ['[data-testid="code-panel"]']), theme).toEqual([]);
  }
  expect(errors).toEqual([]);
});
