// npm run bench:first-screen: what the first screen costs on a static host that serves gzip.
// Serves a build (dist/ by default, built when missing) with scripts/serve-static.mjs --gzip,
// opens it in Debian's chromium and counts every script, style sheet and document the page
// fetches until the network is quiet (transferred bytes, gzipped), split into the entry (what
// index.html names: the page's shell and a small loader) and what the page loads after it (the
// app, once the shell is painted, and D3's pan/zoom); then runs Lighthouse's performance category (mobile preset: simulated slow 4G and 4×
// CPU slowdown) when Lighthouse can be imported. Lighthouse is not a dependency of the project:
// `npm i --no-save -E lighthouse@12.2.3` (12.2.3 runs on Node 20), or LIGHTHOUSE_DIR pointing at
// a folder where it is installed.
//   node bench/browser/firstScreen.mjs [--dist DIR] [--runs N] [--lhr PREFIX] [--port N]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from './serve.mjs';

const { values: opts } = parseArgs({
  strict: false,
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    // write each Lighthouse report (JSON) as PREFIX-N.json
    lhr: { type: 'string' },
    // the static server's port (default: any free one)
    port: { type: 'string' },
  },
});
const PREFIX = '/app/';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Every document, script and style sheet fetched until the network is quiet. */
async function transfers(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const sizes = new Map();
    const urls = new Map();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByTestId('graph-pane').waitFor();
    // the entry: what index.html itself names (the page adds the feature chunks' links later)
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
      (m) => new URL(m[1], url).href,
    );
    const rows = [...urls].map(([id, u]) => ({ url: u, bytes: sizes.get(id) ?? 0 }));
    const mine = rows.filter((r) => r.url.includes(PREFIX) && !r.url.endsWith('.map'));
    const critical = mine.filter((r) => r.url.endsWith(PREFIX) || entry.includes(r.url));
    const later = mine.filter((r) => !critical.includes(r));
    return { critical, later };
  } finally {
    await browser.close();
  }
}

async function lighthouse(url, runs) {
  const dir = process.env.LIGHTHOUSE_DIR;
  let lh;
  try {
    lh = dir
      ? await import(
          pathToFileURL(join(resolve(dir), 'node_modules/lighthouse/core/index.js')).href
        )
      : await import('lighthouse');
  } catch {
    console.log('\nLighthouse is not installed: npm i --no-save -E lighthouse@12.2.3');
    return null;
  }
  const chromeLauncher = await import(
    dir
      ? pathToFileURL(join(resolve(dir), 'node_modules/chrome-launcher/dist/index.js')).href
      : 'chrome-launcher'
  );
  const results = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const out = await lh.default(url, {
        port: chrome.port,
        onlyCategories: ['performance'],
        output: 'json',
        logLevel: 'error',
      });
      if (opts.lhr) writeFileSync(`${opts.lhr}-${i}.json`, JSON.stringify(out.lhr));
      const a = out.lhr.audits;
      results.push({
        score: Math.round(out.lhr.categories.performance.score * 100),
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        si: a['speed-index'].numericValue,
        // Lighthouse's CPU benchmark (higher: a faster, less loaded machine) and the load average
        // at the end of the run: TBT follows both on a shared machine
        index: Math.round(out.lhr.environment.benchmarkIndex),
        load: loadavg()[0],
      });
    } finally {
      await chrome.kill();
    }
  }
  return results;
}

const dist = resolve(String(opts.dist));
const server = await serveStatic(dist, PREFIX, opts.port ? Number(opts.port) : undefined);
try {
  const { url } = server;
  const { critical, later } = await transfers(url);
  const sum = (rows) => rows.reduce((a, r) => a + r.bytes, 0);
  console.log(`first screen of ${dist}, served gzipped (transferred bytes, headers included)`);
  for (const r of critical)
    console.log(`  entry   ${kb(r.bytes).padStart(9)}  ${r.url.slice(r.url.indexOf(PREFIX))}`);
  console.log(`  entry total ${kb(sum(critical))}`);
  for (const r of later)
    console.log(`  later   ${kb(r.bytes).padStart(9)}  ${r.url.slice(r.url.indexOf(PREFIX))}`);
  console.log(`  everything the first screen fetched: ${kb(sum(critical) + sum(later))}`);
  const runs = await lighthouse(url, Number(opts.runs));
  if (runs) {
    console.log('\nLighthouse performance (mobile preset):');
    for (const r of runs)
      console.log(
        `  score ${r.score}  FCP ${Math.round(r.fcp)} ms  LCP ${Math.round(r.lcp)} ms  TBT ${Math.round(r.tbt)} ms  CLS ${r.cls.toFixed(3)}  SI ${Math.round(r.si)} ms  (benchmark index ${r.index}, load ${r.load.toFixed(1)})`,
      );
  }
  console.log(
    `\nload average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  server.stop();
}
