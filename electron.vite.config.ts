import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

const here = import.meta.dirname;

/**
 * Build of the desktop app into out/ (the only build output electron-builder packages):
 * - main and preload are bundled with their dependencies (zod, shared/), so the packaged app has no runtime
 *   dependencies to ship; only `electron` and Node built-ins stay external;
 * - the preload is CommonJS in one file: a sandboxed preload can neither load an ES module nor require another file;
 * - the renderer is the very config of `npm run web` (renderer/vite.config.ts: root renderer/, CSP meta tag, relative
 *   base), only its output moves to out/renderer, served as app://bundle/ by the main process.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: resolve(here, 'out/main'),
      lib: { entry: resolve(here, 'electron/main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: resolve(here, 'out/preload'),
      lib: { entry: resolve(here, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve(here, 'out/renderer'),
      emptyOutDir: true,
      // Its input (index.html, absolute) and its start-up chunks (renderer/vite.config.ts), as they are.
      rolldownOptions: rendererConfig.build?.rolldownOptions,
    },
  },
});
