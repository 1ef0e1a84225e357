import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` where Electron cannot run (this machine): it must say so in French then English and serve the renderer
 * for a local browser. The Electron binary is hidden on purpose (ELECTRON_OVERRIDE_DIST_PATH to a missing folder, no
 * download attempt), so the test takes the same path on a machine where Electron is installed.
 */
const root = path.resolve(import.meta.dirname, '../../..');
let child: ChildProcess | undefined;

afterAll(() => {
  // The script runs in its own process group (detached): end that group, i.e. the script and the Vite it started.
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
});

describe('npm start without Electron', () => {
  it('explains the fallback in French then English and serves the renderer', async () => {
    child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'no-such-electron-dist'),
        DESK_START_SKIP_DOWNLOAD: '1',
        NO_COLOR: '1',
      },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 60 s:\n${output}`)), 60_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Ouvrez \/ Open: (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`start.mjs exited (${code}):\n${output}`)));
    });

    const french = output.indexOf('Electron n’est pas disponible sur cette machine');
    const english = output.indexOf('Electron is not available on this machine');
    expect(french).toBeGreaterThanOrEqual(0);
    expect(english).toBeGreaterThan(french);
    expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/$/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 90_000);
});
