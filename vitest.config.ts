import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * One Vitest run, four projects mirroring the source (architecture.md, "tests/"):
 * shared and electron in Node, renderer in jsdom with fake-indexeddb, e2e in Node driving Debian's Chromium.
 * Unit budgets are generous (60 s): on a loaded 2-core machine a property test or a library's first import can take
 * far longer than Vitest's 5 s default, and a budget is not a timing assertion (timings live in `npm run bench`).
 */
const UNIT_BUDGET = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'shared', environment: 'node', include: ['tests/shared/**/*.test.ts'], ...UNIT_BUDGET },
      },
      {
        test: { name: 'electron', environment: 'node', include: ['tests/electron/**/*.test.ts'], ...UNIT_BUDGET },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          ...UNIT_BUDGET,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
