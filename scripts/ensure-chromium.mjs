// Makes sure Debian's chromium is at /usr/bin/chromium (test tools may not download browsers).
// Installs it with apt-get when missing, through sudo only when not running as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd, args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [bin, argv] = isRoot ? [cmd, args] : ['sudo', ['-n', cmd, ...args]];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const result = spawnSync(bin, argv, { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`${bin} ${argv.join(' ')} failed with status ${result.status}`);
  }
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(CHROMIUM)) throw new Error(`chromium still missing at ${CHROMIUM}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureChromium();
