import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
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

/** Libraries of the start-up chunks, by chunk (first match wins): the framework, React Aria's widgets, the rest. */
const START_UP_LIBRARIES: ReadonlyArray<readonly [name: string, test: RegExp]> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|use-sync-external-store)[\\/]/],
  [
    'aria',
    /[\\/]node_modules[\\/](react-aria|react-aria-components|react-stately|@internationalized|@react-aria)[\\/]/,
  ],
  ['vendor', /[\\/]node_modules[\\/]/],
];

/**
 * The entry's modules in four chunks instead of some twenty small files (issue #12, cold start): Chromium opens six
 * connections per host (the bench and the e2e serve the app over HTTP) and Electron's app:// handler reads one file
 * per request, so dozens of small files cost round trips before the first screen can run. '$initial' is rolldown's own
 * tag for the modules the entry reaches statically, as its tree-shaking sees them (a barrel's unused re-exports do not
 * count), so what only lazy screens need keeps its chunks. The landing screen (the volunteers list) is imported
 * statically by routes.tsx, so it is in these chunks too: as a lazy chunk of its own, preloaded, its first render still
 * suspended once before the list showed (alternated cold starts: no slower grouped with the entry).
 */
function startUpChunks(): Rolldown.CodeSplittingOptions {
  const initial = ['$initial' as const];
  const count = START_UP_LIBRARIES.length;
  return {
    groups: [
      ...START_UP_LIBRARIES.map(([name, test], index) => ({ name, test, tags: initial, priority: count - index })),
      { name: 'app', tags: initial, priority: 0 },
    ],
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build is served from app://bundle/ in Electron and from http://127.0.0.1 in tests.
  base: './',
  plugins: [react(), contentSecurityPolicy(), syncOriginCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // Vite's default, said out loud for electron-vite, whose renderer default is unminified (its build spreads this
    // config): the desktop app would parse 2.4 MB of start-up JavaScript instead of 1.1 MB (issue #12, cold start).
    minify: true,
    // Inline assets as data: URLs would be allowed by the CSP, but files keep the bundle cacheable and inspectable.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: `${rendererRoot}index.html`,
      output: { codeSplitting: startUpChunks() },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
});
