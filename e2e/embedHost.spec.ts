// Blog-ready embeds (issue 12): the copied snippet pasted alone into a page of another origin
// (a 700 px column, a 375 px phone page) never widens the host, and the frame shows its story
// (title, caption, step text, playback bar, "Open full view") without scrolling inside; the host
// script sizes the frame to its content; compare and lecture links open in an embed and reopen
// in the full view; axe is clean in the embed and in the compare embed; the tab title names the
// scenario and the era.
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { seriousAxe, watchErrors } from './support';

const SECOND = `http://localhost:${process.env.E2E_SECOND_PORT ?? 4174}`;

/** A blog post of another origin holding `snippet` alone, in a column of `column` px or none
 * (scripts/serve-static.mjs --host-page). */
async function openHost(page: Page, snippet: string, column: number | null): Promise<Frame> {
  const query = new URLSearchParams({ snippet, ...(column ? { column: String(column) } : {}) });
  await page.goto(`${SECOND}/host-page?${query.toString()}`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('forest-graph')).toBeVisible();
  const app = page.frames().find((f) => f !== page.mainFrame());
  if (!app) throw new Error('no frame');
  return app;
}

/** The embed code the share menu gives for `url` (with the host script when asked). */
async function copiedSnippet(page: Page, url: string, hostScript = false): Promise<string> {
  await page.goto(url);
  await page.getByTestId('share-toggle').click();
  if (hostScript) await page.getByTestId('embed-host-script').check();
  await page.getByTestId('copy-embed').click();
  return page.getByTestId('embed-code').inputValue();
}

const hostOverflow = (page: Page) =>
  page.evaluate(() => {
    const s = document.scrollingElement!;
    return { scroll: s.scrollWidth, client: s.clientWidth };
  });

/** Inside the frame: does the document scroll, and does each part lie within the frame? */
const frameLayout = (frame: Frame) =>
  frame.evaluate(() => {
    const s = document.scrollingElement!;
    const ids = ['embed-title', 'embed-caption', 'embed-step-text', 'play', 'step-slider'];
    const inside = (el: Element | null) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth;
    };
    const parts: Record<string, boolean> = {};
    for (const id of ids) parts[id] = inside(document.querySelector(`[data-testid="${id}"]`));
    parts['open-full-view'] = inside(document.querySelector('[data-testid="open-full-view"]'));
    const pane = document.querySelector('[data-testid="graph-pane"]')!.getBoundingClientRect();
    return {
      scrollH: s.scrollHeight,
      clientH: s.clientHeight,
      scrollW: s.scrollWidth,
      clientW: s.clientWidth,
      parts,
      pane: { width: pane.width, height: pane.height },
    };
  });

const ALL_SHOWN = {
  'embed-title': true,
  'embed-caption': true,
  'embed-step-text': true,
  play: true,
  'step-slider': true,
  'open-full-view': true,
};

test('the snippet pasted alone fits a 700 px column and a 375 px page, and shows its story', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const snippet = await copiedSnippet(page, '/?scenario=race-8.1&era=2.6.34&step=40');
  expect(snippet).toMatch(
    /^<iframe src="[^"]+" title="anon-vma-forest: [^"]+" style="[^"]*width:100%/,
  );
  expect(snippet).toContain('frameborder="0"');

  await page.setViewportSize({ width: 1280, height: 900 });
  let frame = await openHost(page, snippet, 700);
  const box = await page.locator('iframe').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(700);
  expect(box!.width).toBeGreaterThan(690);
  let host = await hostOverflow(page);
  expect(host.scroll).toBeLessThanOrEqual(host.client);
  const at700 = await frameLayout(frame);
  expect(at700.parts).toEqual(ALL_SHOWN);
  expect(at700.scrollH).toBeLessThanOrEqual(at700.clientH);
  expect(at700.scrollW).toBeLessThanOrEqual(at700.clientW);
  // the drawing has most of the frame, not a strip
  expect(at700.pane.height).toBeGreaterThan(200);
  const inFrame = page.frameLocator('iframe');
  await expect(inFrame.getByTestId('embed-title')).toHaveText(
    'vma_adjust vs migration: a migration entry left behind',
  );
  await expect(inFrame.getByTestId('embed-era')).toHaveText('Linux 2.6.34');
  await expect(inFrame.getByTestId('embed-step-text')).toContainText(/^Step 40 \/ \d+ · cpu\d/);
  await expect(inFrame.getByTestId('embed-caption')).not.toBeEmpty();
  expect(await frame.title()).toBe(
    'vma_adjust vs migration: a migration entry left behind — 2.6.34 — anon-vma-forest',
  );

  await page.setViewportSize({ width: 375, height: 812 });
  frame = await openHost(page, snippet, null);
  host = await hostOverflow(page);
  expect(host.scroll).toBeLessThanOrEqual(host.client);
  const at375 = await frameLayout(frame);
  expect(at375.parts).toEqual(ALL_SHOWN);
  expect(at375.scrollW).toBeLessThanOrEqual(at375.clientW);
  expect(errors).toEqual([]);
});

test('with the host script the frame takes the height its content asks for, and only ours', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const code = await copiedSnippet(page, '/?scenario=fork-and-cow&step=9', true);
  expect(code).toMatch(/\n<script src="http:\/\/localhost:\d+\/embed\.js" async><\/script>$/);
  await page.setViewportSize({ width: 1280, height: 900 });
  const frame = await openHost(page, code, 700);
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('data-anon-vma-forest-height', /^\d+$/);
  const height = Number(await iframe.getAttribute('data-anon-vma-forest-height'));
  await expect.poll(async () => (await iframe.boundingBox())!.height).toBeCloseTo(height, 0);
  const layout = await frameLayout(frame);
  expect(layout.scrollH).toBeLessThanOrEqual(layout.clientH);
  expect(layout.parts['open-full-view']).toBe(true);
  // a resize message from anything but our frame (here the host page itself) changes nothing
  await page.evaluate(() =>
    window.postMessage({ type: 'anon-vma-forest:resize', height: 3000 }, '*'),
  );
  await page.waitForTimeout(300);
  expect(Number(await iframe.getAttribute('data-anon-vma-forest-height'))).toBe(height);
  expect((await hostOverflow(page)).scroll).toBeLessThanOrEqual((await hostOverflow(page)).client);
  expect(errors).toEqual([]);
});

test('title=0, caption=0 and text=0 leave the drawing more room', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 525 });
  await page.goto('/?scenario=race-8.1&step=40&embed=1');
  const full = await page.getByTestId('graph-pane').boundingBox();
  await page.goto('/?scenario=race-8.1&step=40&embed=1&title=0&caption=0&text=0');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  await expect(page.getByTestId('embed-title')).toHaveCount(0);
  await expect(page.getByTestId('embed-caption')).toHaveCount(0);
  await expect(page.getByTestId('embed-step-text')).toHaveCount(0);
  await expect(page.getByTestId('open-full-view')).toBeInViewport();
  const bare = await page.getByTestId('graph-pane').boundingBox();
  expect(bare!.height).toBeGreaterThan(full!.height + 60);
});

test('a compare link and a lecture link open in an embed and reopen in the full view', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/?scenario=race-8.1&era=2.6.34&mode=compare&era2=2.6.36&step=50&embed=1');
  await expect(page.getByTestId('embed-page')).toHaveAttribute('data-mode', 'compare');
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('compare-era')).toHaveValue('2.6.36');
  await expect(page.getByTestId('step-count').first()).toHaveText(/^50 \//);
  await expect(page.getByTestId('open-full-view')).toBeVisible();
  expect(await seriousAxe(page, [], true)).toEqual([]);
  const compareFull = await page.getByTestId('open-full-view').getAttribute('href');
  expect(compareFull).toMatch(/mode=compare/);
  expect(compareFull).not.toMatch(/embed=1/);

  await page.goto('/?scenario=fork-and-cow&mode=lecture&step=5&embed=1');
  await expect(page.getByTestId('embed-page')).toHaveAttribute('data-mode', 'lecture');
  await expect(page.getByTestId('lecture-caption')).not.toBeEmpty();
  const lectureFull = await page.getByTestId('open-full-view').getAttribute('href');
  expect(lectureFull).toMatch(/mode=lecture/);
  expect(errors).toEqual([]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(compareFull!);
  await expect(other.getByTestId('compare-view')).toBeVisible();
  await expect(other.getByTestId('compare-era')).toHaveValue('2.6.36');
  await expect(other.getByTestId('era-select')).toHaveValue('2.6.34');
  await expect(other.getByTestId('step-count').first()).toHaveText(/^50 \//);
  await other.goto(lectureFull!);
  await expect(other.getByTestId('lecture-caption')).toBeVisible();
  await expect(other.getByTestId('step-count')).toHaveText(/^5 \//);
  await fresh.close();
});

test('axe: the embed has no serious or critical violation, light and dark', async ({ page }) => {
  for (const dark of [false, true]) {
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.setViewportSize({ width: 700, height: 525 });
    await page.goto('/?scenario=race-8.1&step=40&embed=1');
    await expect(page.getByTestId('graph-pane')).toBeVisible();
    expect(await seriousAxe(page, [], true)).toEqual([]);
  }
});

test('the tab title names the scenario and the era', async ({ page }) => {
  await page.goto('/?scenario=race-8.1&era=3.0');
  await expect(page).toHaveTitle(
    'vma_adjust vs migration: a migration entry left behind — 3.0 — anon-vma-forest',
  );
  await page.getByTestId('era-select').selectOption('2.6.34');
  await expect(page).toHaveTitle(/ — 2\.6\.34 — anon-vma-forest$/);
});
