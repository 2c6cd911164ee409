// Screenshots of the built page in Debian's chromium, for a person to look at.
// Usage: node scripts/shots.mjs [--out shots] [--dist dist] [--port 4180]
// Builds nothing: run `npx vite build` first. Shoots every built-in scenario at step 0, halfway
// and the end, plus the end in embed mode.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, waitForServer } from '../bench/browser/serve.mjs';
import { CHROMIUM, ensureChromium } from './ensure-chromium.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'shots' },
    dist: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4180' },
  },
});
const base = `http://localhost:${values.port}/`;

ensureChromium();
mkdirSync(values.out, { recursive: true });
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', values.dist, '--port', values.port, '--strictPort'],
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, '--disable-quic', '--no-first-run'],
});
try {
  await waitForServer(base);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
  page.on('pageerror', (e) => console.error(`pageerror: ${e.message}`));
  await page.goto(base);
  await page.waitForSelector('[data-testid="forest-graph"]');
  const ids = await page.$$eval('[data-testid="scenario-select"] option', (os) =>
    os.map((o) => o.value),
  );
  for (const id of ids) {
    await page.goto(`${base}?scenario=${encodeURIComponent(id)}&step=end`);
    await page.waitForSelector('[data-testid="forest-graph"]');
    const total = Number(await page.getAttribute('[data-testid="step-slider"]', 'max'));
    for (const [name, step] of [
      ['0', 0],
      ['mid', Math.floor(total / 2)],
      ['end', total],
    ]) {
      await page.goto(`${base}?scenario=${encodeURIComponent(id)}&step=${step}`);
      await page.waitForSelector('[data-testid="forest-graph"]');
      const file = join(values.out, `${id}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.goto(`${base}?scenario=${encodeURIComponent(id)}&step=end&embed=1`);
    await page.waitForSelector('[data-testid="forest-graph"]');
    const file = join(values.out, `${id}-embed.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
