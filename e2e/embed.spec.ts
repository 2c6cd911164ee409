// Embedding (issue 5): public/embed-example.html, served from a second origin, frames the app and
// drives it with postMessage; the app answers with state, resize and error messages (DESIGN.md
// Contract 4). Hostile messages change nothing and create no element.
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { watchErrors } from './support';

const SECOND = `http://localhost:${process.env.E2E_SECOND_PORT ?? 4174}/sub/path/`;

interface State {
  type: string;
  step: number;
  steps: number;
  playing: boolean;
  era: string;
  violations: number;
}

async function lastState(page: Page): Promise<State | null> {
  const text = (await page.locator('#state').textContent()) ?? '';
  return text.startsWith('{') ? (JSON.parse(text) as State) : null;
}

async function events(page: Page, type: string): Promise<string[]> {
  return page.locator(`#events li[data-type="${type}"]`).allTextContents();
}

async function openExample(page: Page, baseURL: string, src = '?scenario=fork-and-cow&embed=1') {
  const url = `${SECOND}embed-example.html?app=${encodeURIComponent(`${baseURL}/`)}&src=${encodeURIComponent(src)}`;
  await page.goto(url);
  const frame = page.frameLocator('#forest');
  await expect(frame.getByTestId('forest-graph')).toBeVisible();
  await expect.poll(() => lastState(page)).not.toBeNull();
  return frame;
}

/** The app's frame, to post into it as the host page does. */
function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no frame');
  return frame;
}

test('the host page drives the framed app with load, goto, play and pause', async ({
  page,
  baseURL,
}) => {
  const errors = watchErrors(page);
  const frame = await openExample(page, baseURL ?? '');
  expect(new URL(appFrame(page).url()).origin).not.toBe(new URL(page.url()).origin);
  // embed mode: no header, a playback bar, a link to the full view without embed=1
  await expect(frame.locator('.app-header')).toHaveCount(0);
  await expect(frame.getByTestId('step-slider')).toBeVisible();
  const full = await frame.getByTestId('open-full-view').getAttribute('href');
  expect(full).toMatch(/\?v=1&scenario=fork-and-cow&c=\w+&step=0$/);

  const first = await lastState(page);
  expect(first).toMatchObject({
    type: 'anon-vma-forest:state',
    step: 0,
    playing: false,
    era: '6.1',
    violations: 0,
  });

  // resize: the host sized the frame to the height the app reported
  await expect(page.locator('#height')).toHaveText(/^\d+$/);
  const reported = Number(await page.locator('#height').textContent());
  expect(reported).toBeGreaterThan(100);
  await expect
    .poll(() => page.locator('#forest').evaluate((el) => (el as HTMLElement).clientHeight))
    .toBe(reported);

  await page.locator('#load').click();
  await expect.poll(async () => (await lastState(page))?.steps).not.toBe(first?.steps);
  const loaded = await lastState(page);
  expect(loaded).toMatchObject({ step: 0, playing: false, era: '6.1' });
  await expect(frame.getByTestId('step-count')).toHaveText(`0 / ${loaded?.steps}`);

  await page.locator('#step').fill('3');
  await page.locator('#goto').click();
  await expect.poll(async () => (await lastState(page))?.step).toBe(3);
  await expect(frame.getByTestId('step-count')).toHaveText(`3 / ${loaded?.steps}`);

  await page.locator('#play').click();
  await expect.poll(async () => (await lastState(page))?.playing).toBe(true);
  await expect.poll(async () => (await lastState(page))?.step ?? 0).toBeGreaterThan(3);
  await page.locator('#pause').click();
  await expect.poll(async () => (await lastState(page))?.playing).toBe(false);
  const paused = (await lastState(page))?.step;
  await page.waitForTimeout(1500);
  expect((await lastState(page))?.step).toBe(paused);
  // after the load, the process forked by the loaded scenario is drawn at the end
  await page.locator('#step').fill(String(loaded?.steps));
  await page.locator('#goto').click();
  await expect(frame.locator('[data-kind="process"][data-id="C"]')).toHaveCount(1);

  expect(await events(page, 'resize')).not.toHaveLength(0);
  expect(await events(page, 'error')).toEqual([]);
  expect(errors).toEqual([]);
});

test('hostile messages change nothing and create no element', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const frame = await openExample(page, baseURL ?? '');
  await page.locator('#step').fill('4');
  await page.locator('#goto').click();
  await expect.poll(async () => (await lastState(page))?.step).toBe(4);
  const before = await lastState(page);
  const stateCount = (await events(page, 'state')).length;
  const drawn = () =>
    frame
      .locator('[data-kind]')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-id')}`),
      );
  const drawnBefore = await drawn();

  const sent = await page.evaluate(() => {
    const win = (document.getElementById('forest') as HTMLIFrameElement).contentWindow!;
    const P = 'anon-vma-forest:';
    const html = '<img src=x onerror="window.parent.pwned=1"><b class="hostile">x</b>';
    const cyclic: Record<string, unknown> = { format: 'anon-vma-forest/scenario@1' };
    cyclic.self = cyclic;
    const messages: unknown[] = [
      html,
      { type: html },
      { type: P + html },
      { type: P + 'goto', step: html },
      { type: P + 'goto', step: '7' },
      { type: P + 'goto', step: -1 },
      { type: P + 'goto', step: 2.5 },
      { type: P + 'goto', step: 1, note: html },
      { type: P + 'play', now: html },
      { type: P + 'state', step: 0, steps: 1, playing: true, era: html, violations: 0 },
      [P + 'play'],
      new Map([['type', P + 'play']]),
      {
        type: P + 'load',
        scenario: {
          format: 'anon-vma-forest/scenario@1',
          title: html,
          era: '6.1',
          ops: [{ op: 'spawn', pid: html }, { op: html }],
        },
      },
      {
        type: P + 'load',
        scenario: {
          format: 'anon-vma-forest/scenario@1',
          title: 'huge',
          era: '6.1',
          description: 'x'.repeat(3_000_000),
          ops: [{ op: 'spawn', pid: 'P' }],
        },
      },
      { type: P + 'load', scenario: cyclic },
      { type: P + 'load', scenario: html },
      {
        type: P + 'load',
        scenario: {
          format: 'anon-vma-forest/scenario@1',
          title: 't',
          era: '6.1',
          ops: [{ op: 'touch', pid: 'nobody', addr: 0 }],
        },
      },
    ];
    let n = 0;
    for (const m of messages) {
      try {
        win.postMessage(m, '*');
        n++;
      } catch {
        // not cloneable: never reaches the app
      }
    }
    return n;
  });
  expect(sent).toBeGreaterThan(15);
  // five loads were refused, each with a message naming the problem
  await expect.poll(async () => (await events(page, 'error')).length).toBe(5);
  const errorsFromApp = (await events(page, 'error')).map(
    (t) => (JSON.parse(t) as { message: string }).message,
  );
  expect(errorsFromApp.join('\n')).toMatch(/field "pid" must be/);
  expect(errorsFromApp.join('\n')).toMatch(/larger than 2 MB/);
  expect(errorsFromApp.join('\n')).toMatch(/refers to itself/);
  expect(errorsFromApp.join('\n')).toMatch(/nobody/);
  for (const message of errorsFromApp) expect(message).toMatch(/^load rejected: /);

  await page.waitForTimeout(500);
  expect(await lastState(page)).toEqual(before);
  expect((await events(page, 'state')).length).toBe(stateCount);
  expect(await drawn()).toEqual(drawnBefore);
  await expect(frame.locator('img')).toHaveCount(0);
  await expect(frame.locator('.hostile')).toHaveCount(0);
  await expect(frame.getByTestId('notice')).toHaveCount(0);
  await expect(frame.getByTestId('action-error')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
  ).toBeUndefined();
  expect(errors).toEqual([]);
});

test('embed options: start, end, loop, autoplay, speed and controls=0', async ({ page }) => {
  const errors = watchErrors(page);
  // not framed: the page posts its state messages to itself
  await page.addInitScript(() => {
    const w = window as unknown as { states: { step: number; playing: boolean }[] };
    w.states = [];
    window.addEventListener('message', (e) => {
      const d = e.data as { type?: string; step: number; playing: boolean };
      if (d && d.type === 'anon-vma-forest:state')
        w.states.push({ step: d.step, playing: d.playing });
    });
  });
  await page.goto('/?scenario=race-8.1&embed=1&start=3&end=6&loop=1&autoplay=1&speed=8&controls=0');
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  await expect(page.getByTestId('step-slider')).toHaveCount(0);
  await expect(page.locator('.app-header')).toHaveCount(0);
  const states = () =>
    page.evaluate(
      () => (window as unknown as { states: { step: number; playing: boolean }[] }).states,
    );
  // it plays from 3 to 6, pauses there, and starts again from 3
  await expect
    .poll(async () => (await states()).filter((s) => s.step === 6).length, { timeout: 10_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const list = await states();
        const end = list.findIndex((s) => s.step === 6);
        return list.slice(end + 1).some((s) => s.step === 3);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  for (const s of await states()) {
    expect(s.step).toBeGreaterThanOrEqual(3);
    expect(s.step).toBeLessThanOrEqual(6);
  }
  // the page asks to go outside the range: it stays inside
  await page.evaluate(() => window.postMessage({ type: 'anon-vma-forest:pause' }, '*'));
  await page.evaluate(() => window.postMessage({ type: 'anon-vma-forest:goto', step: 50 }, '*'));
  await expect.poll(async () => (await states()).at(-1)).toEqual({ step: 6, playing: false });
  expect(errors).toEqual([]);
});

test('"Copy embed code" gives an iframe with a title whose src opens the same state embedded', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?scenario=race-8.1&era=3.0&step=7');
  await page.getByTestId('share-toggle').click();
  await page.getByTestId('copy-embed').click();
  await expect(
    page.getByRole('status').filter({ hasText: /Embed code copied|Copy failed/ }),
  ).toBeVisible();
  const code = await page.getByTestId('embed-code').inputValue();
  expect(code).toMatch(
    /^<iframe src="[^"]+" title="anon-vma-forest: vma_adjust vs migration[^"]*" style="[^"]*width:100%[^"]*" width="100%" height="\d+" frameborder="0" loading="lazy"/,
  );
  const src = (/src="([^"]+)"/.exec(code)?.[1] ?? '').replaceAll('&amp;', '&');
  expect(src).toContain('embed=1');
  await page.goto(src);
  await expect(page.getByTestId('forest-graph')).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.getByTestId('step-count')).toHaveText(/^7 \//);
  expect(errors).toEqual([]);
});
