import { defineConfig } from '@playwright/test';

// Debian's chromium; test tools never download a browser here (see scripts/ensure-chromium.mjs).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

// E2E_PORT / E2E_SECOND_PORT move the servers when another run holds the default ports, and
// E2E_DIST serves another build folder than dist/ (both help when several runs share a checkout).
const DIST = process.env.E2E_DIST ?? 'dist';
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** A second origin serving dist/ under a sub-path (e2e/embed.spec.ts, e2e/share.spec.ts). */
export const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? 4174);
export const SUB_PATH = '/sub/path/';

export default defineConfig({
  testDir: 'e2e',
  retries: 0,
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: 'list',
  // generous: axe over the whole page takes 10–20 s when the machine is busy
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  projects: [{ name: 'chromium' }],
  // scripts/e2e.mjs builds dist/ first; the preview server only serves it.
  webServer: [
    {
      command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    // The same dist/ under a sub-path on another port: static hosting from a sub-path, and a
    // second origin for the embedding page of e2e/embed.spec.ts.
    {
      command: `node scripts/serve-static.mjs --root ${DIST} --prefix ${SUB_PATH} --port ${SECOND_PORT} --host-page`,
      url: `http://localhost:${SECOND_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
