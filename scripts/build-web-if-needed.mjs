/* global console */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` builds the web app only when dist/web is missing or older than a source
 * file, so a fresh clone works with one command and a restart costs nothing. Plain JavaScript,
 * run by node itself: starting tsx for it would cost `npm start` a second or two each time.
 */
const built = join('dist', 'web', 'index.html');

/** @param {string} directory */
function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const hasSources = existsSync(join('src', 'web', 'index.html')) && existsSync('vite.config.ts');
// The web app also bundles the shared contracts and the pure domain (money, dates as written).
const sources = ['src/web', 'src/contracts', 'src/domain'].filter((directory) => existsSync(directory));
const stale =
  hasSources && (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestSource), statSync('vite.config.ts').mtimeMs));
if (stale) {
  console.log('Building the web app (once; later starts reuse dist/web)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
