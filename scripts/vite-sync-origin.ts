import type { Plugin } from 'vite';
import { cspWithSyncOrigin, DEVELOPMENT_CSP, parseSyncOrigin, withoutCspMetaTag } from '../shared/security/csp';

/** Set by scripts/web.mjs from `npm run web -- --sync-origin <url>`. */
export const SYNC_ORIGIN_ENV = 'DESK_SYNC_ORIGIN';

/**
 * CouchDB sync in a browser (issue 14): with a sync origin, the dev server sends the CSP as an HTTP header whose
 * `connect-src` adds exactly that origin, and drops the meta tag (a browser enforces every policy it is given, and the
 * meta tag's `connect-src` would still block the server). Without one, nothing changes: the meta tag alone.
 */
export function syncOriginCsp(value: string | undefined = process.env[SYNC_ORIGIN_ENV]): Plugin {
  const origin = value ? parseSyncOrigin(value) : null;
  return {
    name: 'desk-climat-sync-origin-csp',
    apply: 'serve',
    configureServer(server) {
      if (!origin) return;
      const policy = cspWithSyncOrigin(DEVELOPMENT_CSP, origin);
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy);
        next();
      });
      server.config.logger.info(`  Sync origin allowed by the CSP header: ${origin}`);
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => (origin ? withoutCspMetaTag(html) : html),
    },
  };
}
