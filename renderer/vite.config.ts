import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../shared/security/csp';

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

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build is served from app://bundle/ in Electron and from http://127.0.0.1 in tests.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
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
