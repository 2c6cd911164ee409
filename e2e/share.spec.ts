// Links, export, import and saved scenarios (issue 5), on the page contract: data-kind/data-id,
// test ids and roles. Every test also checks that the page logged no error.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const SUB_ORIGIN = `http://localhost:${process.env.E2E_SECOND_PORT ?? 4174}`;
const SUB_PATH = '/sub/path/';

const stepCount = (page: Page) => page.getByTestId('step-count');
const graph = (page: Page) => page.getByTestId('forest-graph');

async function openShare(page: Page) {
  const menu = page.getByTestId('share-menu');
  if ((await menu.getAttribute('open')) === null) await page.getByTestId('share-toggle').click();
  await expect(page.getByTestId('share-url').or(page.getByTestId('link-too-long'))).toBeVisible();
}

async function total(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-slider').getAttribute('max'));
}

const BAD_SCENARIO = JSON.stringify({
  format: 'anon-vma-forest/scenario@1',
  title: 'bad',
  era: '6.1',
  ops: [
    { op: 'spawn', pid: 'P' },
    { op: 'fly', pid: 'P' },
  ],
});

const GOOD_SCENARIO = JSON.stringify({
  format: 'anon-vma-forest/scenario@1',
  title: 'Imported <b>forest</b>',
  era: '6.1',
  ops: [
    { op: 'spawn', pid: 'Q' },
    { op: 'mmap', pid: 'Q', addr: 0, pages: 2 },
    { op: 'touch', pid: 'Q', addr: 0, write: true },
    { op: 'fork', pid: 'Q', child: 'R' },
  ],
});

test('a copied link reopens the same scenario, era, flags and step in a fresh browser context', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=3.0');
  await expect(graph(page)).toBeVisible();
  const pinRoot = page.getByTestId('flag-pinRoot');
  await pinRoot.locator('input[type="checkbox"]').click();
  await expect(pinRoot).toHaveAttribute('data-changed', 'true');
  await page.getByTestId('step-slider').fill('5');
  const n = await total(page);
  await expect(stepCount(page)).toHaveText(`5 / ${n}`);

  await openShare(page);
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(
    /^http:\/\/localhost:\d+\/\?v=1&scenario=race-8\.1&era=3\.0&flags=pinRoot%3A[01]&c=\w+&step=5/,
  );
  await page.getByTestId('copy-link').click();
  await expect(
    page.getByRole('status').filter({ hasText: /Link copied|Copy failed/ }),
  ).toBeVisible();
  expect(errors).toEqual([]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(url);
  await expect(graph(other)).toBeVisible();
  await expect(stepCount(other)).toHaveText(`5 / ${n}`);
  await expect(other.getByTestId('scenario-select')).toHaveValue('race-8.1');
  await expect(other.getByTestId('era-select')).toHaveValue('3.0');
  await expect(other.getByTestId('flag-pinRoot')).toHaveAttribute('data-changed', 'true');
  await expect(other.getByTestId('notices')).toHaveCount(0);
  expect(otherErrors).toEqual([]);
  await fresh.close();
});

test('a corrupted link says so and opens the default scenario', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=3.0&step=4');
  await openShare(page);
  const url = await page.getByTestId('share-url').inputValue();
  const defaultId = await page
    .getByTestId('scenario-select')
    .locator('option')
    .first()
    .getAttribute('value');
  // the default scenario opens as the home page does (at its first caption)
  await page.goto('/');
  await expect(graph(page)).toBeVisible();
  const homeStep = (await stepCount(page).textContent()) ?? '';
  expect(homeStep).toMatch(/^\d+ \/ \d+$/);

  for (const bad of [
    url.replace('era=3.0', 'era=3.8'), // checksum no longer matches
    url.replace(/&c=\w+/, ''), // checksum cut off
    '/?v=1&j=N4IgdghgtgpiBcIBKBTAzgVwE4BsAEAygBYD2AJihAC5IC&c=abc', // a truncated scenario
    '/?v=9&scenario=race-8.1', // a newer format
    '/?scenario=no-such-scenario&step=3', // a plain link to a scenario that does not exist
  ]) {
    await page.goto(bad);
    await expect(graph(page)).toBeVisible();
    await expect(page.getByTestId('notice').first()).toHaveText(
      /damaged|cannot be opened|newer version|does not exist/,
    );
    await expect(page.getByTestId('scenario-select')).toHaveValue(defaultId ?? '');
    await expect(stepCount(page)).toHaveText(homeStep);
  }
  expect(errors).toEqual([]);
});

test('a bad file, picked or dropped, is rejected with the problem named and the graph kept', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&step=6');
  await expect(stepCount(page)).toHaveText(/^6 \//);
  const before = await graph(page)
    .locator('[data-kind]')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-kind')}:${el.getAttribute('data-id')}`),
    );

  await openShare(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(BAD_SCENARIO),
  });
  await expect(
    page.getByTestId('notice').filter({ hasText: /"bad\.json" was not opened: .*unknown op/ }),
  ).toBeVisible();

  // drag and drop onto the page
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  }, '{"format": "anon-vma-forest/scenario@1", "title": ');
  await expect(
    page
      .getByTestId('notice')
      .filter({ hasText: /"dropped\.json" was not opened: malformed JSON/ }),
  ).toBeVisible();

  await expect(page.getByTestId('scenario-select')).toHaveValue('race-8.1');
  await expect(stepCount(page)).toHaveText(/^6 \//);
  const after = await graph(page)
    .locator('[data-kind]')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-kind')}:${el.getAttribute('data-id')}`),
    );
  expect(after).toEqual(before);

  // a good file opens, and its HTML-looking title stays text
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'good.json', { type: 'application/json' }));
    window.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
  }, GOOD_SCENARIO);
  await expect(
    page.getByTestId('notice').filter({ hasText: 'Opened "Imported <b>forest</b>"' }),
  ).toBeVisible();
  await page.getByTestId('step-slider').fill(String(await total(page)));
  await expect(page.locator('[data-kind="process"][data-id="R"]')).toHaveCount(1);
  await expect(page.locator('.notices b')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a state too long for a link is offered as a JSON file instead', async ({ page }) => {
  const errors = watchErrors(page);
  // a scenario with a lot of text that does not compress: its link would pass 8,000 characters
  let seed = 7;
  const noise = () =>
    Array.from({ length: 4000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz0123456789 '[seed % 37];
    }).join('');
  const big = JSON.parse(GOOD_SCENARIO) as Record<string, unknown>;
  big.narration = [0, 1, 2, 3].map((op) => ({ op, text: noise() }));
  await page.goto('/?scenario=race-8.1');
  await openShare(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(big)),
  });
  await expect(page.getByTestId('notice').filter({ hasText: /Opened/ })).toBeVisible();
  await expect(page.getByTestId('link-too-long')).toHaveText(/too large for a link/);
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  await expect(page.getByTestId('embed-too-long')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-link-json').click(),
  ]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    narration: unknown[];
  };
  expect(saved.narration).toHaveLength(4);
  expect(errors).toEqual([]);
});

test('a saved scenario survives a reload; a damaged entry is skipped with a notice', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=3.0');
  await openShare(page);
  await page.getByTestId('save-name').fill('My race, saved');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('saved-entry')).toHaveAttribute('data-name', 'My race, saved');
  await page.evaluate(() => localStorage.setItem('anon-vma-forest:saved:broken', '{oops'));

  await page.goto('/?scenario=fork-and-cow');
  await openShare(page);
  await expect(page.getByTestId('saved-entry')).toHaveAttribute('data-name', 'My race, saved');
  await expect(page.getByTestId('saved-skipped')).toHaveText(
    /Skipped a saved scenario .*"broken".*not JSON/,
  );
  await page
    .getByTestId('saved-entry')
    .getByRole('button', { name: 'My race, saved', exact: true })
    .click();
  // the saved file has the era written in
  await expect(page.getByTestId('era-select')).toHaveValue('3.0');
  await expect(graph(page)).toBeVisible();

  await page.getByRole('button', { name: 'Delete My race, saved' }).click();
  await expect(page.getByTestId('saved-entry')).toHaveCount(0);
  await page.reload();
  await openShare(page);
  await expect(page.getByTestId('saved-entry')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('exports the graph as SVG and PNG, and the scenario and forest as JSON', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=fork-and-cow&step=end');
  await expect(graph(page)).toBeVisible();
  await openShare(page);

  const save = async (testId: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), data: await readFile(path) };
  };
  const svg = await save('export-svg');
  expect(svg.name).toMatch(/\.svg$/);
  const text = svg.data.toString('utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('data-kind="anon_vma"');
  expect(text).toMatch(/style="[^"]*fill: /);

  const png = await save('export-png');
  expect(png.name).toMatch(/\.png$/);
  expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');

  const scenario = JSON.parse((await save('export-scenario')).data.toString('utf8')) as {
    format: string;
  };
  expect(scenario.format).toBe('anon-vma-forest/scenario@1');
  const forest = JSON.parse((await save('export-forest')).data.toString('utf8')) as {
    format: string;
  };
  expect(forest.format).toBe('anon-vma-forest/forest@1');
  const at = JSON.parse((await save('export-step')).data.toString('utf8')) as { format: string };
  expect(at.format).toBe('anon-vma-forest/step-state@1');
  expect(errors).toEqual([]);
});

test('the built site loads from a sub-path with its CSP in force and no console errors', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${SUB_ORIGIN}${SUB_PATH}?scenario=race-8.1&step=3`);
  await expect(graph(page)).toBeVisible();
  await expect(stepCount(page)).toHaveText(/^3 \//);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self'(;|$)/,
  );
  // base-uri and form-action do not fall back to default-src: both are closed explicitly
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("form-action 'none'");
  // every asset came from under the sub-path
  const scripts = await page
    .locator('script[src]')
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  for (const src of scripts) expect(src.startsWith(`${SUB_ORIGIN}${SUB_PATH}`)).toBe(true);
  // the URL stays under the sub-path as the state changes
  await page.getByTestId('step-slider').fill('4');
  await expect(page).toHaveURL(
    new RegExp(`^${SUB_ORIGIN}${SUB_PATH}\\?v=1&scenario=race-8\\.1&c=\\w+&step=4`),
  );
  expect(failed).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
  expect(errors).toEqual([]);
});

for (const dark of [false, true]) {
  test(`axe: the open share menu and a notice have no serious violation (${dark ? 'dark' : 'light'})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.goto('/?scenario=no-such-scenario');
    await expect(page.getByTestId('notice')).toBeVisible();
    await openShare(page);
    expect(await seriousAxe(page, ['.share-popover', '.notices'], true)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
