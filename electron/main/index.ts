import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesktopApp } from './app';

// Bundled to out/main/index.js; the preload and the renderer are built beside it (electron.vite.config.ts).
const mainDir = path.dirname(fileURLToPath(import.meta.url));

startDesktopApp({
  preloadPath: path.join(mainDir, '../preload/index.cjs'),
  rendererRoot: path.join(mainDir, '../renderer'),
});
