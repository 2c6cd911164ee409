// The first minute: the home page shows a forest and what to do with it at once, and → goes from
// one change in the graph to the next while every micro-step stays reachable.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const count = (page: Page) => page.getByTestId('step-count');
const graph = (page: Page) => page.locator('[data-kind="graph"]');

async function cursor(page: Page): Promise<number> {
  return Number(((await count(page).textContent()) ?? '').split(' / ')[0]);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 375, height: 812 },
]) {
  test(`the home page opens on a drawn forest with an invitation beside it (${size.width}×${size.height})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(graph(page)).toBeVisible();
    expect(await cursor(page)).toBeGreaterThan(0);
    // the first tour at its first caption: a process, its VMA and an anon_vma are drawn
    await expect(page.locator('[data-kind="process"]').first()).toBeVisible();
    await expect(page.locator('[data-kind="anon_vma"]').first()).toBeAttached();
    await expect(page.getByTestId('narration')).toContainText('av0');
    const invitation = page.getByTestId('invitation');
    await expect(invitation).toBeVisible();
    await expect(invitation).toContainText('Play');
    // on screen, and not over the graph
    const inv = (await invitation.boundingBox())!;
    const pane = (await graph(page).boundingBox())!;
    expect(inv.y + inv.height).toBeLessThanOrEqual(pane.y + 1);
    expect(inv.y).toBeGreaterThanOrEqual(0);
    expect(inv.y + inv.height).toBeLessThanOrEqual(size.height);
    // the link now names the tour and the step shown, so a reload reopens it
    await expect
      .poll(() => new URL(page.url()).searchParams.get('step'))
      .toBe(String(await cursor(page)));
    expect(errors).toEqual([]);
  });
}

test('the invitation leaves at the first step, or when dismissed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('invitation')).toBeVisible();
  expect(await seriousAxe(page, ['[data-testid="invitation"]'])).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('invitation')).toHaveCount(0);
  await page.goto('/');
  await page.getByTestId('invitation').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('invitation')).toHaveCount(0);
});

test('a link with a step, even step 0, opens there and invites nobody', async ({ page }) => {
  await page.goto('/?scenario=fork-and-cow&step=0');
  await expect(count(page)).toHaveText(/^0 \//);
  await expect(page.getByTestId('invitation')).toHaveCount(0);
  await page.goto('/?scenario=race-8.1');
  await expect(count(page)).toHaveText(/^0 \//);
  await expect(page.getByTestId('invitation')).toHaveCount(0);
});

test('→ passes the steps that change nothing drawn; Shift+→ and the toggle reach each one', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // fork-and-cow: step 3 asks whether [0,4) can merge with a neighbour (no), which draws nothing
  await page.goto('/?scenario=fork-and-cow&step=2');
  await expect(count(page)).toHaveText(/^2 \//);
  const vmas = () => page.locator('[data-kind="vma"]').count();
  expect(await vmas()).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect(count(page)).toHaveText(/^4 \//);
  // step 4 allocated the VMA: the graph changed
  await expect(page.locator('[data-kind="vma"][data-id="P:0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(count(page)).toHaveText(/^2 \//);
  // one micro-step at a time
  await page.keyboard.press('Shift+ArrowRight');
  await expect(count(page)).toHaveText(/^3 \//);
  await expect(page.getByTestId('step-log')).toContainText('join an adjacent');
  expect(await vmas()).toBe(0);
  // the toggle: → by every micro-step, remembered across a reload
  const toggle = page.getByTestId('every-micro-step');
  await toggle.check();
  await page.keyboard.press('ArrowRight');
  await expect(count(page)).toHaveText(/^4 \//);
  await page.keyboard.press('ArrowLeft');
  await expect(count(page)).toHaveText(/^3 \//);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('3');
  await page.reload();
  await expect(count(page)).toHaveText(/^3 \//);
  await expect(page.getByTestId('every-micro-step')).toBeChecked();
  await page.getByTestId('every-micro-step').uncheck();
  await page.keyboard.press('ArrowRight');
  await expect(count(page)).toHaveText(/^4 \//);
  expect(errors).toEqual([]);
});

test('the toggle is keyboard-operable and plainly named', async ({ page }) => {
  await page.goto('/?scenario=fork-and-cow&step=2');
  const toggle = page.getByRole('checkbox', { name: /every micro-step/i });
  await toggle.focus();
  await page.keyboard.press(' ');
  await expect(toggle).toBeChecked();
  await page.keyboard.press(' ');
  await expect(toggle).not.toBeChecked();
});
