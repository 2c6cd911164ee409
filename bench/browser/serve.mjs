// What the browser benchmarks share: a build of the page when there is none, served by `vite
// preview` on a localhost port until stopped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { CHROMIUM } from '../../scripts/ensure-chromium.mjs';

/** A port nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, 'localhost', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200 (20 s at most). */
export async function waitForServer(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${url}`);
}

/** Builds the page into `dist` unless it holds a build; exits the process when the build fails. */
export function ensureBuilt(dist) {
  if (existsSync(`${dist}/index.html`)) return;
  const built = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Debian's Chromium (scripts/ensure-chromium.mjs) and the flags every benchmark runs it with. */
export { CHROMIUM };
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `command args` spawned, resolved once `url` answers: `{ stop }` (it is stopped on failure). */
async function serve(command, args, url, options) {
  const server = spawn(command, args, options);
  const stop = () => {
    try {
      // a detached server is its own process group (npx and what it starts)
      if (options.detached) process.kill(-server.pid);
      else server.kill();
    } catch {
      // already gone
    }
  };
  try {
    await waitForServer(url);
  } catch (e) {
    stop();
    throw e;
  }
  return { stop };
}

/**
 * `dist` built if needed and served by `vite preview` on `port` (a free one when absent):
 * `{ base, stop }`, once it answers.
 */
export async function servePreview(dist, port) {
  ensureBuilt(dist);
  const at = port ?? (await freePort());
  const base = `http://localhost:${at}/`;
  const args = ['vite', 'preview', '--outDir', dist, '--port', String(at), '--strictPort'];
  const { stop } = await serve('npx', args, base, {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return { base, stop };
}

/**
 * `dist` built if needed and served gzipped under `prefix` by scripts/serve-static.mjs (a static
 * host as the first-screen figures assume) on `port` (a free one when absent): `{ url, stop }`.
 */
export async function serveStatic(dist, prefix, port) {
  ensureBuilt(dist);
  const at = port ?? (await freePort());
  const url = `http://localhost:${at}${prefix}`;
  const args = ['scripts/serve-static.mjs', '--root', dist, '--prefix', prefix];
  const { stop } = await serve('node', [...args, '--port', String(at), '--gzip'], url, {
    stdio: 'ignore',
  });
  return { url, stop };
}
