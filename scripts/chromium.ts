import { existsSync } from 'node:fs';

/** Debian's two builds of Chromium: the browser, and the headless shell built for automation (same version). */
const BROWSER_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const HEADLESS_SHELL_PATHS = ['/usr/bin/chromium-headless-shell'];

/**
 * The Chromium that the end-to-end tests and the benchmarks drive through playwright-core: $CHROMIUM_PATH, else
 * Debian's package. Browsers are never downloaded (`npx playwright install` cannot reach its servers here).
 *
 * `preferHeadlessShell` (the end-to-end tests): Debian's `chromium-headless-shell` when installed, the build
 * Playwright itself drives by default in headless mode. The full browser's headless mode sometimes stopped
 * producing frames in CI (two runs in four, each time one click waiting 30 s for "stable", which Playwright checks
 * over animation frames; never reproduced on demand, 80 starts under load). The benchmarks keep the full browser,
 * closer to Electron's renderer and to the figures measured so far.
 */
export function findChromium(options: { preferHeadlessShell?: boolean } = {}): string {
  const debian = options.preferHeadlessShell ? [...HEADLESS_SHELL_PATHS, ...BROWSER_PATHS] : BROWSER_PATHS;
  const candidates = [process.env.CHROMIUM_PATH, ...debian].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium est introuvable : installez-le (Debian : `apt-get install -y chromium`) ou indiquez son chemin dans CHROMIUM_PATH.\n' +
        'Chromium not found: install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.',
    );
  }
  return found;
}

/** Flags for a closed network: no background requests, no component updates, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
