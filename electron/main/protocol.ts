import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type CustomScheme, type Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin';

/**
 * `app://` is registered as a standard, secure scheme (Electron security checklist, item 18: prefer a custom protocol
 * over `file://`). Standard gives it real origins (so IndexedDB and relative URLs work), secure makes it a secure
 * context, supportFetchAPI lets the renderer `fetch` its own assets, stream serves large files without buffering.
 * Nothing bypasses the CSP and no service worker is allowed.
 */
export const PRIVILEGED_SCHEMES: readonly CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
];

/** The content types of what Vite emits; anything else is served as opaque bytes, never sniffed. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/** True when `candidate` is `root` itself or lies below it. */
export function isWithin(root: string, candidate: string, pathApi: PathApi = path): boolean {
  const relative = pathApi.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !pathApi.isAbsolute(relative));
}

/**
 * Maps an `app://bundle/…` URL to a file of the renderer's build folder, or null when the URL must be refused.
 *
 * The URL parser already folds `..` and `%2e%2e` segments, but the path is decoded afterwards, which can bring
 * back separators (`..%2f`, `%5c`) and drive letters; so every decoded segment is checked, then the resolved path is
 * checked to stay inside the root. Both checks are kept on purpose (defence in depth): either alone would do today.
 * A path without an extension is a client-side route and gets the entry page.
 */
export function resolveBundlePath(root: string, requestUrl: string, pathApi: PathApi = path): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return null;
  // Backslashes are separators on Windows, ':' names drives and NTFS streams, '%' would mean a second encoding.
  if (/[\\:%]|\p{Cc}/u.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  if (
    segments.some(
      (segment, index) => segment === '.' || segment === '..' || (segment === '' && index < segments.length - 1),
    )
  ) {
    return null;
  }
  const last = segments[segments.length - 1] ?? '';
  const relativePath = last === '' || !last.includes('.') ? 'index.html' : segments.join('/');
  const resolved = pathApi.resolve(root, relativePath);
  return isWithin(pathApi.resolve(root), resolved, pathApi) ? resolved : null;
}

export interface BundleServerOptions {
  /** The renderer's build folder. */
  readonly root: string;
  /** The Content-Security-Policy header sent with every response (security checklist, item 7). */
  readonly csp: string;
}

function textResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Serves one request of the `app://` scheme from the renderer's build folder. Symbolic links are resolved and checked
 * again, so a link inside the folder cannot expose a file outside it.
 */
export async function serveBundleRequest(
  request: Pick<Request, 'url' | 'method'>,
  options: BundleServerOptions,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return textResponse(405, 'Method Not Allowed', options.csp);
  const filePath = resolveBundlePath(options.root, request.url);
  if (filePath === null) return textResponse(403, 'Forbidden', options.csp);
  let realFile: string;
  let size: number;
  try {
    const realRoot = await realpath(options.root);
    realFile = await realpath(filePath);
    if (!isWithin(realRoot, realFile)) return textResponse(403, 'Forbidden', options.csp);
    const info = await stat(realFile);
    if (!info.isFile()) return textResponse(404, 'Not Found', options.csp);
    size = info.size;
  } catch {
    return textResponse(404, 'Not Found', options.csp);
  }
  const headers = {
    'Content-Type': contentTypeOf(realFile),
    'Content-Length': String(size),
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  // Node's web stream and the DOM's ReadableStream are the same object at run time, typed apart.
  const body = Readable.toWeb(createReadStream(realFile)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

/** Installs the `app://` handler; call once the app is ready. */
export function registerAppProtocol(protocolApi: Pick<Protocol, 'handle'>, options: BundleServerOptions): void {
  protocolApi.handle(APP_SCHEME, (request) => serveBundleRequest(request, options));
}
