import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * A tiny static server on 127.0.0.1: the bench page under /bench/, the seeded snapshot at /snapshot.zip and the built
 * app at /, all on one origin so that the bench page fills the IndexedDB the app then opens. Nothing is cached
 * (`no-store`), so every cold start fetches the app as a first visit would.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startServer(options: {
  benchRoot: string;
  appRoot: string | null;
  snapshotPath: string;
  /** A fixed port (a kept browser profile's IndexedDB belongs to one origin, port included); any free one if absent. */
  port?: number;
}): Promise<BenchServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file: string | null = null;
    if (path === '/snapshot.zip') file = options.snapshotPath;
    else if (path.startsWith('/bench/')) file = inside(options.benchRoot, path.slice('/bench/'.length));
    else if (options.appRoot) {
      file = inside(options.appRoot, path.slice(1));
      // The app is a single-page app: unknown paths get its index.html.
      if (!file || !existsSync(file) || statSync(file).isDirectory()) file = join(options.appRoot, 'index.html');
    }
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The file under `root` for a URL path, or null when the path would leave it. */
function inside(root: string, relative: string): string | null {
  const base = resolve(root);
  const file = resolve(base, normalize(relative || 'index.html'));
  return file === base || file.startsWith(base + sep) ? file : null;
}
