import { expect, test } from '@playwright/test';

test('applying the 2010 series removes the 8.1 race; removing it brings it back', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto('/?scenario=race-8.1&step=end');
  const list = page.getByTestId('violations');
  await expect(list).toContainText('migration-entry-left');

  const series = page.getByTestId('series-list');
  await expect(series.locator('[data-patch="4/5 v2"]')).toHaveAttribute('data-applied', 'false');
  await series.getByRole('button', { name: 'Apply the whole series' }).click();
  await expect(series.locator('[data-patch="4/5 v2"]')).toHaveAttribute('data-applied', 'true');
  await page.locator('body').press('End');
  await expect(list.locator('h2')).toHaveText(/^Violations: 0 so far$/);

  // Patch by patch: without 4/5 the walk and the adjust are not excluded again.
  await series.getByRole('button', { name: 'Remove 4/5 v2' }).click();
  await page.locator('body').press('End');
  await expect(list).toContainText(/rmap-miss|migration-entry-left/);
  expect(errors).toEqual([]);
});
