import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium';
import { cspWithSyncOrigin, PRODUCTION_CSP, withoutCspMetaTag } from '../../shared/security/csp';

/**
 * End-to-end harness: the built renderer (dist/renderer) served on 127.0.0.1, driven in Debian's Chromium by
 * playwright-core (never `npx playwright install`: browsers cannot be downloaded here). Real IndexedDB, real files.
 */

/** The built renderer; E2E_RENDERER_DIST points elsewhere (e.g. a build of one's own while others build too). */
export const RENDERER_DIST = process.env.E2E_RENDERER_DIST ?? resolve(import.meta.dirname, '../../dist/renderer');

export { CHROMIUM_ARGS, findChromium };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A static server for a folder, refusing any path outside it. With `syncOrigin` it serves like
 * `npm run web -- --sync-origin` (issue 14): the CSP as a header allowing that origin, the page without its meta tag.
 */
export async function serveFolder(root: string, options: { syncOrigin?: string } = {}): Promise<StaticServer> {
  const syncOrigin = options.syncOrigin;
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` first.`);
  }
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
        if (!syncOrigin) {
          response.writeHead(200, { 'content-type': type });
          response.end(body);
          return;
        }
        const csp = cspWithSyncOrigin(PRODUCTION_CSP, syncOrigin);
        response.writeHead(200, { 'content-type': type, 'content-security-policy': csp });
        response.end(extname(file) === '.html' ? withoutCspMetaTag(body.toString('utf8')) : body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface E2eSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly server: StaticServer;
  /** Every URL the page requested, to check that the app makes no request outside itself. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Whether the page produces animation frames. Playwright's clicks wait for an element to be "stable" over two
 * frames: a browser that starts without frames fails the first click after 30 s, with nothing pointing at it.
 * Checked on the blank page, before Playwright's clock (which fakes requestAnimationFrame) and before the app.
 */
async function producesFrames(page: Page, withinMs: number): Promise<boolean> {
  return page.evaluate(
    (ms) =>
      new Promise<boolean>((done) => {
        requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
        setTimeout(() => done(false), ms);
      }),
    withinMs,
  );
}

/** How many times a browser that starts without frames is replaced before the test fails (see producesFrames). */
const LAUNCH_ATTEMPTS = 2;

export interface OpenAppOptions {
  /** Serve like `npm run web -- --sync-origin` (see serveFolder). */
  syncOrigin?: string;
  /**
   * The page's clock starts at this instant and runs from there (Playwright's clock, in the page only: Workers and
   * Node keep the real time). For a test whose dates mean "yesterday" or "last month": it passes on any day.
   */
  now?: string;
}

/** A fresh browser with an empty profile (so an empty IndexedDB), the renderer served, one page open on it. */
export async function openApp(options: OpenAppOptions = {}): Promise<E2eSession> {
  const server = await serveFolder(RENDERER_DIST, { syncOrigin: options.syncOrigin });
  const { browser, context, page } = await launchWithFrames(server);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  if (options.now !== undefined) await context.clock.install({ time: new Date(options.now) });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/index.html`);
  await page.waitForSelector('[data-app-ready]');
  return {
    browser,
    context,
    page,
    server,
    requests,
    async close() {
      await browser.close();
      await server.close();
      if (errors.length > 0) throw new Error(`Uncaught errors in the page:\n${errors.join('\n')}`);
    },
  };
}

/** A browser whose first page produces frames, relaunched once if it does not (see producesFrames). */
async function launchWithFrames(
  server: StaticServer,
): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  for (let attempt = 1; ; attempt++) {
    // Playwright gives every launch a fresh, empty profile of its own: IndexedDB starts empty.
    const executablePath = findChromium({ preferHeadlessShell: true });
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true });
    const page = await context.newPage();
    if (await producesFrames(page, 10_000)) return { browser, context, page };
    await browser.close();
    if (attempt >= LAUNCH_ATTEMPTS) {
      await server.close();
      throw new Error(`Chromium produced no animation frame in ${LAUNCH_ATTEMPTS} launches: clicks cannot be checked.`);
    }
    console.warn('Chromium started without animation frames: launching it again.');
  }
}

/** Requests that left the app's own origin (data: and blob: URLs are the page's own memory). */
export function foreignRequests(session: E2eSession): string[] {
  return session.requests.filter(
    (url) => !url.startsWith(`${session.server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
}

/** The first start, filled as a new coordinator would (French, a valid SIRET). */
export async function completeFirstStart(page: Page, association = 'Les Amis du Climat'): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Bienvenue dans Desk Climat' }).waitFor();
  await page.getByLabel('Nom de l’association').fill(association);
  await page.getByLabel('Nom du poste').fill('Accueil principal');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
}
