// Installs the project's npm dependencies from the lockfile when they are missing or stale.
// Plain Node (no dependencies), so it runs on a fresh clone before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
// npm writes this file at the end of every install; its mtime marks the last install.
const marker = join(root, 'node_modules', '.package-lock.json');

function needsInstall() {
  if (!existsSync(marker)) return 'node_modules is missing';
  if (statSync(marker).mtimeMs < statSync(lock).mtimeMs) return 'package-lock.json is newer';
  return null;
}

const reason = needsInstall();
if (reason) {
  console.log(`ensure-deps: ${reason}; running npm ci`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
