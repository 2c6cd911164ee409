import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parseScenario, replay } from '../src/kernel';
import { seriousAxe, watchErrors } from './support';

// Era 6.12 on the page: the per-VMA lock of a first write fault marks its VMA (Contract 4
// data-locked), its fallback to mmap_lock marks the process, the step log names both, the code
// panel links each step to its 6.12.118 line, and the era menu and compare offer 6.12.

const tour = parseScenario(
  readFileSync(new URL('../src/scenarios/tour-since-2010.json', import.meta.url), 'utf8'),
);
/** The oracle is the model: the first write fault of the tour, op 2, in its own era 6.12. */
const steps = replay(tour).steps;
const faultSteps = steps.map((s, i) => ({ ...s, n: i + 1 })).filter((s) => s.op === 2);
const nth = (fn: string) => faultSteps.find((s) => s.fn === fn)!.n;

const graph = (page: Page) => page.getByTestId('forest-graph');
const obj = (page: Page, kind: string, id: string) =>
  graph(page).locator(`[data-kind="${kind}"][data-id="${id}"]`);
const count = (page: Page) => page.getByTestId('step-count');

async function goto(page: Page, n: number) {
  await page.goto(`/?scenario=tour-since-2010&step=${n}`);
  await expect(count(page)).toHaveText(new RegExp(`^${n} / \\d+$`));
  await expect(graph(page)).toHaveAttribute('data-era', '6.12');
}

test('the era menu offers 6.12 and the page replays under it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=fork-and-cow&step=end');
  const select = page.getByTestId('era-select');
  await expect(select.locator('option[value="6.12"]')).toHaveCount(1);
  await select.selectOption('6.12');
  await expect(graph(page)).toHaveAttribute('data-era', '6.12');
  await expect.poll(() => new URL(page.url()).searchParams.get('era')).toBe('6.12');
  expect(errors).toEqual([]);
});

test('a first write fault holds the VMA’s per-VMA lock, then mmap_lock for the prepare', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const read = nth('vma_start_read');
  const trylock = nth('vmf_anon_prepare');
  const endRead = nth('vma_end_read');
  // before the fault: nothing locked
  await goto(page, read - 1);
  await expect(obj(page, 'vma', 'P:0')).not.toHaveAttribute('data-locked', /.+/);
  // vma_start_read: P:0 read-locked by cpu0, P's mmap_lock untouched
  await goto(page, read);
  await expect(obj(page, 'vma', 'P:0')).toHaveAttribute('data-locked', 'cpu0');
  await expect(obj(page, 'process', 'P')).not.toHaveAttribute('data-locked', /.+/);
  await expect(page.getByTestId('step-text')).toContainText('down_read_trylock(vm_lock:P:0)');
  await expect(page.getByTestId('step-lock').first()).toContainText("P:0's per-VMA lock");
  // vmf_anon_prepare: mmap_lock for read as well, by trylock
  await goto(page, trylock);
  await expect(obj(page, 'vma', 'P:0')).toHaveAttribute('data-locked', 'cpu0');
  await expect(obj(page, 'process', 'P')).toHaveAttribute('data-locked', 'cpu0');
  await expect(page.getByTestId('step-text')).toContainText('mmap_read_trylock(P)');
  await expect(page.getByTestId('step-lock').first()).toContainText("P's mmap_lock");
  // the VMA stays locked until vma_end_read, the process only for the prepare
  await goto(page, endRead - 1);
  await expect(obj(page, 'vma', 'P:0')).toHaveAttribute('data-locked', 'cpu0');
  await expect(obj(page, 'process', 'P')).not.toHaveAttribute('data-locked', /.+/);
  await goto(page, endRead);
  await expect(obj(page, 'vma', 'P:0')).not.toHaveAttribute('data-locked', /.+/);
  expect(errors).toEqual([]);
});

test('each step of the fault links to its 6.12.118 source line', async ({ page }) => {
  const errors = watchErrors(page);
  const panel = page.getByTestId('code-panel');
  for (const fn of ['lock_vma_under_rcu', 'vma_start_read', 'vmf_anon_prepare', 'vma_end_read']) {
    await goto(page, nth(fn));
    await expect(panel.getByTestId('code-fn')).toHaveText(`${fn}()`);
    await expect(panel.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(panel.getByTestId('code-source-link')).toHaveAttribute(
      'href',
      /^https:\/\/elixir\.bootlin\.com\/linux\/v6\.12\.118\/source\/\S+#L\d+$/,
    );
  }
  expect(errors).toEqual([]);
});

test('the fallback: VM_FAULT_RETRY while a writer holds mmap_lock, the writer waiting for a reader', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const all = steps.map((s, i) => ({ ...s, n: i + 1 }));
  const retry = all.find((s) => s.fn === 'vmf_anon_prepare' && s.line === 'retry')!.n;
  await goto(page, retry - 1);
  // cpu0 read-locked P:8 while cpu1 holds P's mmap_lock for write
  await expect(obj(page, 'vma', 'P:8')).toHaveAttribute('data-locked', 'cpu0');
  await expect(obj(page, 'process', 'P')).toHaveAttribute('data-locked', 'cpu1');
  await goto(page, retry);
  await expect(page.getByTestId('step-text')).toContainText('VM_FAULT_RETRY');
  await expect(obj(page, 'vma', 'P:8')).not.toHaveAttribute('data-locked', /.+/);
  // race 2: cpu1's vma_start_write waits while cpu0 reads P:8
  const lastOp = tour.ops.length - 1;
  const waitAt = all.find((s) => s.op === lastOp && s.fn === 'do_anonymous_page')!.n;
  await goto(page, waitAt);
  await expect(obj(page, 'vma', 'P:8')).toHaveAttribute('data-locked', 'cpu0');
  await expect(obj(page, 'vma', 'P:8')).toHaveAttribute('data-waiting', 'cpu1');
  await expect(page.locator('[data-kind="cpu-lane"][data-cpu="cpu1"]')).toHaveAttribute(
    'data-waiting',
    'vm_lock:P:8',
  );
  expect(errors).toEqual([]);
});

test('3.19 names the semaphore mmap_sem and locks no VMA', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=tour-since-2010&era=3.19&step=6');
  await expect(graph(page)).toHaveAttribute('data-era', '3.19');
  await expect(page.getByTestId('step-text')).toContainText('mmap_sem:P');
  await expect(obj(page, 'process', 'P')).toHaveAttribute('data-locked', 'cpu0');
  await expect(graph(page).locator('[data-kind="vma"][data-locked]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('compare opens the tour with 2.6.36 beside 6.12', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=tour-since-2010&step=9');
  await page.getByRole('button', { name: 'Compare' }).click();
  const right = page.getByTestId('compare-era');
  await expect(right).toHaveValue('2.6.36');
  await expect(right.locator('option[value="6.12"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a locked VMA has no serious accessibility problem', async ({ page }) => {
  await goto(page, nth('vmf_anon_prepare'));
  expect(await seriousAxe(page, ['[data-testid="forest-graph"]'])).toEqual([]);
});
