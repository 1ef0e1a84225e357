import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll } from 'vitest';

export interface SpecFiles {
  /** A new path in the spec's folder for a file it writes itself (numbered: two files may want the same name). */
  path(name: string): string;
  /** Saves a download under the name the app suggested, in the spec's folder, and returns its path. */
  saveDownload(download: Download | Promise<Download>): Promise<string>;
}

/**
 * The folder for the files one spec downloads or writes (snapshots, exports, CSV and JSON files): made in the system's
 * temporary folder on first use and removed when the spec's tests are over, so that runs do not leave files behind
 * (CI and the developers' machines run the suite many times a day). Call once, at the top of a spec file.
 */
export function specFiles(name: string): SpecFiles {
  let folder: string | null = null;
  let written = 0;
  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = null;
  });
  function path(fileName: string): string {
    folder ??= mkdtempSync(join(tmpdir(), `e2e-${name}-`));
    written += 1;
    return join(folder, `${written}-${fileName}`);
  }
  return {
    path,
    async saveDownload(download) {
      const file = await download;
      const target = path(file.suggestedFilename());
      await file.saveAs(target);
      return target;
    },
  };
}
