// End-to-end tests: Debian chromium, a fresh production build, then Playwright.
// Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- --grep fork`).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

function step(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureChromium();
step('npx', ['vite', 'build', '--logLevel', 'warn']);
step('npx', ['playwright', 'test', ...process.argv.slice(2)]);
