// Installs what `npm test` and `npm start` need when it is missing: node_modules and Chromium.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './run.mjs';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// No tool may fetch a browser of its own; the Debian package is the only browser.
const noBrowserDownloads = {
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  PUPPETEER_SKIP_DOWNLOAD: '1',
};

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** Runs `npm ci` (or `npm install` without a lockfile) when node_modules is missing or stale. */
export async function ensureDependencies() {
  const lockfile = join(root, 'package-lock.json');
  const modules = join(root, 'node_modules');
  // npm rewrites node_modules/.package-lock.json on every install, so it dates the last install.
  const installedAt = mtime(join(modules, '.package-lock.json')) || mtime(modules);
  const hasLock = existsSync(lockfile);
  if (existsSync(modules) && (!hasLock || installedAt >= mtime(lockfile))) return true;

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`\n> node_modules is ${existsSync(modules) ? 'older than package-lock.json' : 'missing'}: npm ${args[0]}`);
  const { code } = await run(npm, args, { env: noBrowserDownloads });
  if (code !== 0) {
    console.error(`npm ${args[0]} failed with exit code ${code}`);
    return false;
  }
  return true;
}

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * Makes sure a Chromium binary exists and sets CHROMIUM_PATH for child processes.
 * As root it installs Debian's `chromium` package; otherwise it says what to install.
 * Resolves to the binary path, or null when there is none.
 */
export async function ensureChromium() {
  const requested = process.env.CHROMIUM_PATH;
  if (requested && isExecutable(requested)) return requested;
  if (requested) console.warn(`CHROMIUM_PATH=${requested} is not an executable file; trying ${DEFAULT_CHROMIUM}`);
  if (isExecutable(DEFAULT_CHROMIUM)) {
    process.env.CHROMIUM_PATH = DEFAULT_CHROMIUM;
    return DEFAULT_CHROMIUM;
  }

  if (process.getuid?.() !== 0) {
    console.error(
      [
        '',
        `Chromium was not found at ${requested ?? DEFAULT_CHROMIUM}. The browser tests need it. Install it with:`,
        '',
        '    sudo apt-get update && sudo apt-get install -y chromium',
        '',
        'or point CHROMIUM_PATH at an existing Chromium or Chrome binary, e.g.',
        '',
        '    CHROMIUM_PATH=/path/to/chrome npm test',
        '',
      ].join('\n'),
    );
    return null;
  }

  console.log('\n> Chromium is missing: installing Debian package `chromium` with apt-get');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const update = await run('apt-get', ['update'], { env });
  const install = update.code === 0 ? await run('apt-get', ['install', '-y', 'chromium'], { env }) : update;
  if (install.code !== 0 || !isExecutable(DEFAULT_CHROMIUM)) {
    console.error('Installing chromium with apt-get failed; see the output above.');
    return null;
  }
  process.env.CHROMIUM_PATH = DEFAULT_CHROMIUM;
  return DEFAULT_CHROMIUM;
}
