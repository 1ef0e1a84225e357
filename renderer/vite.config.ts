import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../shared/security/csp';
import { syncOriginCsp } from '../scripts/vite-sync-origin';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/**
 * The CSP as a meta tag (Electron security checklist, item 7). Electron main also sends it as a header; the meta tag
 * protects the same renderer when it is served to a plain browser (`npm run web`, end-to-end tests).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'desk-climat-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, context) {
        const policy = context.server ? DEVELOPMENT_CSP : PRODUCTION_CSP;
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/** The screen the app lands on (routes.tsx, preloadLandingScreen): a lazy chunk, but needed for the first paint. */
const LANDING_SCREEN = 'features/volunteers/volunteers-screen.tsx';

/**
 * Modulepreload links for the landing screen's chunk and the chunks it imports (issue #12, cold start): the browser
 * fetches and compiles them while the entry chunk runs, instead of discovering them one after the other once the entry
 * has run and bootstrap asks for the screen. Only links that index.html does not already hold are added.
 */
function preloadLandingScreen(): Plugin {
  return {
    name: 'desk-climat-preload-landing-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
        const landing = chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(LANDING_SCREEN));
        if (!landing) throw new Error(`preload-landing-screen: no chunk for ${LANDING_SCREEN}`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(landing.fileName);
        return [...files]
          .filter((fileName) => !html.includes(fileName))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build is served from app://bundle/ in Electron and from http://127.0.0.1 in tests.
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadLandingScreen(), syncOriginCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Inline assets as data: URLs would be allowed by the CSP, but files keep the bundle cacheable and inspectable.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
});
