/**
 * The renderer's permanent origin. IndexedDB (all of the desk's data) is tied to it, so the scheme and the host must
 * never change once a release has shipped (architecture.md, rule 4).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_BASE_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_BASE_URL}index.html`;

/** Parses a URL without throwing: untrusted strings come from the renderer and from the web. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL of the bundled renderer. Protocol and host are compared one by one: `origin` is the string "null"
 * for custom schemes, so comparing origins would accept any of them.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * True for a page of the Vite dev server, and only in an unpackaged app: a packaged build must never trust an
 * http://localhost page (another local process could be listening there).
 */
export function isDevServerUrl(url: string, devServerUrl: string | undefined, isPackaged: boolean): boolean {
  if (isPackaged || devServerUrl === undefined || devServerUrl === '') return false;
  const expected = parseUrl(devServerUrl);
  const parsed = parseUrl(url);
  if (expected === null || parsed === null) return false;
  if (expected.protocol !== 'http:' && expected.protocol !== 'https:') return false;
  return parsed.protocol === expected.protocol && parsed.host === expected.host;
}

/** The renderer's own pages: the app:// bundle, or the dev server during development. */
export function isTrustedRendererUrl(url: string, devServerUrl: string | undefined, isPackaged: boolean): boolean {
  return isAppUrl(url) || isDevServerUrl(url, devServerUrl, isPackaged);
}
