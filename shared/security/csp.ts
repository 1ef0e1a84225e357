/**
 * The renderer's Content Security Policy (Electron security checklist, item 7). Production is strict: only the app's
 * own origin, no inline script, no eval, no remote content. The development relaxation exists only for Vite's hot
 * reload and is never served by a packaged app. Pinned by a test.
 */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Vite's dev server injects inline styles and talks to its own websocket for hot reload. */
export const DEVELOPMENT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* http://localhost:*",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * CouchDB sync in a browser (issue 14, `npm run web -- --sync-origin <url>`): the policy with exactly one more origin
 * in `connect-src`, sent by the local web server as an HTTP header. Electron's policy never changes: main sends the
 * sync requests itself (electron/main/sync.ts), so the renderer there allows no network at all.
 */
export function cspWithSyncOrigin(policy: string, syncOrigin: string): string {
  return policy
    .split('; ')
    .map((directive) => (directive.startsWith('connect-src ') ? `${directive} ${syncOrigin}` : directive))
    .join('; ');
}

/** `http(s)://host[:port]` from what was given on the command line; throws on anything else (a path is dropped). */
export function parseSyncOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--sync-origin: not a URL: ${value}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new Error(`--sync-origin: an http(s) origin without credentials is expected: ${value}`);
  }
  return url.origin;
}

/**
 * The built page carries the policy in a meta tag with `connect-src 'self'`; a browser enforces every policy it is
 * given, so the meta tag would still block the sync origin. A server that sends the header drops the meta tag.
 */
export function withoutCspMetaTag(html: string): string {
  return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
}
