import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The bench page's own build (the app's renderer/vite.config.ts is left alone): a plain page that imports the
 * renderer's database code and shared/ pipelines, served under /bench/ beside the built app so that both share one
 * origin, hence one IndexedDB.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: '/bench/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./page/index.html', import.meta.url)),
        blank: fileURLToPath(new URL('./page/blank.html', import.meta.url)),
        // Imported by bench/run.ts inside the built app's page, under a name it can know.
        probes: fileURLToPath(new URL('./page/probes.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'probes' ? 'probes.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  worker: { format: 'es' },
});
