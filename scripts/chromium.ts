import { existsSync } from 'node:fs';

/**
 * The Chromium that the end-to-end tests and the benchmarks drive through playwright-core: $CHROMIUM_PATH, else
 * Debian's package. Browsers are never downloaded (`npx playwright install` cannot reach its servers here).
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (path): path is string => Boolean(path),
  );
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
