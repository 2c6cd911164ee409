// The scenario library: every built-in opens from the picker's search and from a URL, plays to
// the end and shows what its citation claims (a race's violation under its own era and flags, a
// tour's narration and citation). Narration is text only: markup in a loaded scenario executes
// nothing and shows literally.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchErrors } from './support';

interface ScenarioFile {
  title: string;
  era: string;
  flags?: Record<string, unknown>;
  source?: { author?: string };
  narration?: ({ op: number; text: string } | { step: number; text: string })[];
  expect?: { breaks?: { era: string; flags?: Record<string, unknown>; kind: string }[] };
}

// The library as src/scenarios/index.ts lists it: id -> file (so a new scenario is tested too).
const DIR = new URL('../src/scenarios/', import.meta.url);
const INDEX = readFileSync(new URL('index.ts', DIR), 'utf8');
const FILES = new Map(
  [...INDEX.matchAll(/import (\w+) from '\.\/([^']+\.json)'/g)].map((m) => [m[1]!, m[2]!]),
);
const LIBRARY = [...INDEX.matchAll(/\['([^']+)', (\w+)\]/g)].map((m) => ({
  id: m[1]!,
  file: JSON.parse(readFileSync(new URL(FILES.get(m[2]!)!, DIR), 'utf8')) as ScenarioFile,
}));

const sortedJson = (o: Record<string, unknown> | undefined) =>
  JSON.stringify(Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b)));

/** The violation kinds the file claims under its own era and flags. */
const ownKinds = (f: ScenarioFile): string[] =>
  (f.expect?.breaks ?? [])
    .filter((b) => b.era === f.era && sortedJson(b.flags) === sortedJson(f.flags))
    .map((b) => b.kind);

// What the thread says each race shows (a check that the reading above is not vacuous).
const CLAIMS: Record<string, string[]> = {
  'race-8.1': ['migration-entry-left'],
  'race-8.1b': ['migration-entry-left'],
  'race-8.4': ['use-after-free'],
  'race-8.5': ['deadlock'],
  'race-dec-then-lock': ['double-free'],
  'race-8.7': ['use-after-free'],
  'race-2012-lockless': ['use-after-free'],
  'race-8.2': [],
  'race-8.3': ['use-after-free'],
  'race-8.9': [],
  'race-8.6': ['deadlock', 'unlocked-write'],
  'race-8.10': ['migration-entry-left'],
};

const count = (page: Page) => page.getByTestId('step-count');

/** A page-wide key, with no form control (slider, search box) holding the focus. */
async function key(page: Page, k: string) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(k);
}

async function playToEnd(page: Page): Promise<number> {
  await key(page, 'End');
  await expect(count(page)).toHaveText(/^(\d+) \/ \1$/);
  return Number(/^(\d+)/.exec((await count(page).textContent()) ?? '')?.[1]);
}

/** Distinct steps of the trace whose lock step is a failed trylock (read from the step log). */
async function failedTrylocks(page: Page, total: number): Promise<number> {
  const seen = new Set<string>();
  for (let n = Math.min(20, total); ; n = Math.min(n + 20, total)) {
    await page.getByTestId('step-slider').fill(String(n));
    await expect(count(page)).toHaveText(`${n} / ${total}`);
    // the history follows a scrub once the cursor rests
    await expect(page.locator('.step-history')).toHaveAttribute('data-step', String(n));
    const rows = page.locator('.step-history li:has(.step-lock.is-trylock-fail)');
    for (const v of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('value'))))
      if (v !== null) seen.add(v);
    if (n === total) return seen.size;
  }
}

async function showsItsClaim(page: Page, id: string, file: ScenarioFile) {
  await expect(page.getByTestId('scenario-select')).toHaveValue(id);
  if (file.source?.author)
    await expect(page.getByTestId('citation')).toContainText(file.source.author);
  const total = await playToEnd(page);
  const kinds = ownKinds(file);
  const violations = page.getByTestId('violations');
  for (const kind of kinds)
    await expect(violations.locator(`[data-kind-violation="${kind}"]`)).not.toHaveCount(0);
  if (id.startsWith('race-') && kinds.length === 0) {
    await expect(violations.locator('[data-kind-violation]')).toHaveCount(0);
    // 8.2: no violation, but the walker's restarts (failed trylocks) are there to count
    if (id === 'race-8.2') expect(await failedTrylocks(page, total)).toBeGreaterThanOrEqual(3);
  }
  // a narrated scenario shows its first narration at that op (presenter key `.` from the start)
  const first = file.narration?.[0];
  if (first) {
    await key(page, 'Home');
    await key(page, '.');
    await expect(count(page)).not.toHaveText(/^0 \//);
    const plain = first.text.replace(/[*`]/g, '').split('\n')[0]!.slice(0, 40);
    await expect(page.getByTestId('narration')).toContainText(plain);
  }
}

test('the library lists what the thread claims', () => {
  expect(LIBRARY.length).toBeGreaterThanOrEqual(15);
  for (const [id, kinds] of Object.entries(CLAIMS)) {
    const entry = LIBRARY.find((e) => e.id === id);
    expect(entry, id).toBeDefined();
    expect(ownKinds(entry!.file), id).toEqual(kinds);
  }
});

for (const { id, file } of LIBRARY) {
  test(`${id} opens from a URL and from the picker's search, and plays to its claim`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`/?scenario=${encodeURIComponent(id)}`);
    await showsItsClaim(page, id, file);

    // from the picker: start elsewhere, search the title, pick it
    const other = LIBRARY.find((e) => e.id !== id)!;
    await page.goto(`/?scenario=${encodeURIComponent(other.id)}`);
    await expect(page.getByTestId('scenario-select')).toHaveValue(other.id);
    const search = page.getByRole('combobox', { name: 'Find a scenario' });
    await search.fill(file.title);
    const results = page.getByRole('listbox', { name: 'Scenarios' });
    const option = results.getByRole('option', { name: new RegExp(`^${escape(file.title)}`) });
    await expect(option.first()).toBeVisible();
    await results.locator(`[role="option"][data-id="${id}"]`).click();
    await expect(page.getByTestId('scenario-results')).toBeHidden();
    await expect(count(page)).toHaveText(/^0 \//);
    await showsItsClaim(page, id, file);
    expect(errors).toEqual([]);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the picker search is a keyboard combobox grouped into tours, races and others', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Find a scenario' });
  await search.focus();
  const list = page.getByRole('listbox', { name: 'Scenarios' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('group')).toHaveText([
    /^Teaching tours/,
    /^Messages of the thread/,
    /^Races/,
    /^Others/,
  ]);
  await search.fill('deadlock');
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-select')).toHaveValue('race-8.5');
  await expect(list).toBeHidden();
  await search.fill('no scenario has these words');
  await expect(list).toContainText('No scenario matches.');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  expect(errors).toEqual([]);
});

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const HOSTILE = {
  format: 'anon-vma-forest/scenario@1',
  title: `Hostile ${IMG} ${SCRIPT}`,
  description: `Before: ${IMG}`,
  era: '6.1',
  ops: [
    { op: 'spawn', pid: 'P' },
    { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
  ],
  narration: [
    { op: 0, text: `Spawn ${IMG} and ${SCRIPT} **bold** [x](javascript:alert(1))` },
    { op: 1, text: SCRIPT },
  ],
};

async function expectInert(page: Page) {
  await expect(page.getByTestId('scenario-select')).toHaveValue('custom');
  const narration = page.getByTestId('narration');
  await expect(narration).toContainText(`Before: ${IMG}`);
  await key(page, '.');
  await expect(narration).toContainText(`Spawn ${IMG} and ${SCRIPT}`);
  await expect(narration.locator('strong')).toHaveText('bold');
  await expect(narration).toContainText('[x](javascript:alert(1))');
  await expect(narration.locator('img, script, a[href^="javascript"]')).toHaveCount(0);
  await key(page, '.');
  await expect(narration).toHaveText(SCRIPT);
  // the title shows literally too (the picker's entry for the user's own scenario)
  await expect(page.getByTestId('scenario-select').locator('option[value="custom"]')).toHaveText(
    `${HOSTILE.title} (your own)`,
  );
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], body script:not([src])').count()).toBe(0);
}

test('narration is text only: a scenario loaded by postMessage runs no markup', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.evaluate(
    (scenario) => window.postMessage({ type: 'anon-vma-forest:load', scenario }, '*'),
    HOSTILE,
  );
  await expectInert(page);
  // lecture captions are text as well
  await page.getByRole('button', { name: 'Lecture' }).click();
  await expect(page.getByTestId('lecture-caption')).toContainText(SCRIPT);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('narration is text only: a scenario imported from a file runs no markup', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByTestId('share-toggle').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(HOSTILE)),
  });
  await page.getByTestId('share-toggle').click();
  await key(page, 'Home');
  await expectInert(page);
  expect(errors).toEqual([]);
});

test('the scenario select and the search list the same labelled groups, saved scenarios last', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=3.0');
  const select = page.getByTestId('scenario-select');
  const groups = () =>
    select.locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
  // the app replaces the page's shell once it has started
  await expect(select.locator('optgroup')).not.toHaveCount(0);
  expect(await groups()).toEqual(['Teaching tours', 'Messages of the thread', 'Races', 'Others']);
  await expect(select.locator('optgroup[label="Races"] option[value="race-8.1"]')).toHaveCount(1);

  // save the scenario shown: it joins the picker at once, in its own group
  await page.getByTestId('share-toggle').click();
  await page.getByTestId('save-name').fill('My race, saved');
  await page.getByTestId('save-scenario').click();
  await page.getByTestId('share-toggle').click();
  await expect
    .poll(groups)
    .toEqual([
      'Teaching tours',
      'Messages of the thread',
      'Races',
      'Others',
      'Your saved scenarios',
    ]);
  const search = page.getByRole('combobox', { name: 'Find a scenario' });
  await search.fill('my race');
  const list = page.getByRole('listbox', { name: 'Scenarios' });
  await expect(list.getByRole('group')).toHaveText([/^Your saved scenarios/]);

  // picked from the select (after a reload: read from storage), it opens with its era
  await page.goto('/?scenario=fork-and-cow');
  const mine = select.locator('optgroup[label="Your saved scenarios"] option');
  await expect(mine).toHaveText(['My race, saved']);
  await select.selectOption({ label: 'My race, saved' });
  await expect(select).toHaveValue('custom');
  await expect(page.getByTestId('era-select')).toHaveValue('3.0');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  expect(errors).toEqual([]);
});
