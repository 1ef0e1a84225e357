// `npm start`: the desktop app when Electron can run here, otherwise the same renderer for a local browser.
//
// The Electron binary is downloaded from GitHub the first time `electron` is required; on a closed network that
// download fails. Rather than a stack trace, `npm start` then says so plainly (French, then English) and serves the
// renderer with Vite (`npm run web`), printing the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const isWindows = process.platform === 'win32';

/** Where the Electron binary would be, without triggering its download (mirrors node_modules/electron/index.js). */
function findElectronBinary() {
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative || 'electron')
    : relative && path.join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}

/**
 * Requiring `electron` downloads the binary when it is missing, and throws when the download is impossible. Its output
 * is kept back: on a closed network it is a long stack trace, of which only the reason is worth showing.
 */
function tryToObtainElectron() {
  if (process.env.DESK_START_SKIP_DOWNLOAD === '1') return false;
  console.log('Recherche du binaire Electron… / Looking for the Electron binary…');
  const result = spawnSync(process.execPath, ['-e', "require('electron')"], { encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0 && findElectronBinary() !== null) return true;
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  const reason = /^(?:\w*Error): .+$/m.exec(output)?.[0] ?? result.error?.message ?? `exit ${result.status}`;
  console.log(`Téléchargement impossible / Download failed: ${reason}`);
  return false;
}

/** Runs a command, forwards Ctrl+C to it and exits with its code. */
function run(command, args, { onOutput } = {}) {
  const child = spawn(command, args, {
    stdio: onOutput ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    shell: isWindows, // npm and npx are .cmd files on Windows
  });
  if (onOutput) {
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      onOutput(chunk.toString());
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function serveInBrowser() {
  console.log(
    [
      '',
      'Electron n’est pas disponible sur cette machine (son binaire n’a pas pu être téléchargé : réseau fermé ?).',
      'Desk Climat est servi pour un navigateur local à la place : ouvrez l’adresse affichée ci-dessous.',
      'Les données restent dans ce navigateur (IndexedDB), distinctes de celles de l’application de bureau.',
      '',
      'Electron is not available on this machine (its binary could not be downloaded: closed network?).',
      'Desk Climat is served for a local browser instead: open the address shown below.',
      'Data stays in that browser (IndexedDB), separate from the desktop app’s.',
      '',
    ].join('\n'),
  );
  let announced = false;
  run(isWindows ? 'npm.cmd' : 'npm', ['run', 'web'], {
    onOutput(text) {
      // eslint-disable-next-line no-control-regex -- strips the terminal colours around Vite's "Local:" line
      const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
      const url = /Local:\s+(https?:\/\/\S+)/.exec(plain)?.[1];
      if (url && !announced) {
        announced = true;
        console.log(`\nOuvrez / Open: ${url}\n`);
      }
    },
  });
}

if (findElectronBinary() !== null || tryToObtainElectron()) {
  run(isWindows ? 'npx.cmd' : 'npx', ['electron-vite', 'dev']);
} else {
  serveInBrowser();
}
