// `npm run web [-- --sync-origin <url>] [vite options]`: the renderer in a local browser through Vite's dev server.
//
// `--sync-origin` is ours, not Vite's (its command line refuses unknown options): it is taken out here and handed to
// the Vite config (scripts/vite-sync-origin.ts), which sends the CSP header allowing exactly that origin.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const env = { ...process.env };
const at = args.findIndex((arg) => arg === '--sync-origin' || arg.startsWith('--sync-origin='));
if (at >= 0) {
  const [flag] = args.splice(at, 1);
  const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args.splice(at, 1)[0];
  if (!value) {
    console.error('--sync-origin : une adresse est attendue. / --sync-origin: an address is expected.');
    process.exit(2);
  }
  env.DESK_SYNC_ORIGIN = value;
}
const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
const child = spawn(process.execPath, [vite, '--config', 'renderer/vite.config.ts', ...args], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
