import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../../../shared/security/csp';
import { APP_BASE_URL, APP_ENTRY_URL, isAppUrl } from '../../../electron/main/app-origin';
import {
  contentTypeOf,
  isWithin,
  PRIVILEGED_SCHEMES,
  registerAppProtocol,
  resolveBundlePath,
  serveBundleRequest,
} from '../../../electron/main/protocol';

const ROOT = path.resolve('/srv/desk/out/renderer');

describe('the app:// scheme', () => {
  it('is registered as standard, secure, fetchable and streamable, and bypasses nothing', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('has a permanent origin: app://bundle/ (IndexedDB lives there)', () => {
    expect(APP_BASE_URL).toBe('app://bundle/');
    expect(APP_ENTRY_URL).toBe('app://bundle/index.html');
  });

  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/assets/x.js', true],
    ['app://other/index.html', false],
    ['app://bundle.evil.example/index.html', false],
    ['app://bundle:8080/index.html', false],
    ['https://bundle/index.html', false],
    ['file:///bundle/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('isAppUrl(%s) is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('resolveBundlePath', () => {
  it.each([
    ['app://bundle/', 'index.html'],
    ['app://bundle', 'index.html'],
    ['app://bundle/index.html', 'index.html'],
    ['app://bundle/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://bundle/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://bundle/volunteers', 'index.html'],
    ['app://bundle/missions/42/', 'index.html'],
  ])('maps %s inside the renderer folder', (url, relative) => {
    expect(resolveBundlePath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  // Every hostile URL is either refused (null) or lands inside the root: never outside.
  const HOSTILE = [
    'app://bundle/../../etc/passwd',
    'app://bundle/../../etc/hosts.conf',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd.txt',
    'app://bundle/%2E%2E/%2E%2E/etc/shadow.txt',
    'app://bundle/.%2e/.%2e/etc/x.txt',
    'app://bundle/..%2f..%2fetc%2fpasswd.txt',
    'app://bundle/assets/..%2f..%2f..%2fetc/passwd.js',
    'app://bundle/..%5c..%5cwindows%5cwin.ini',
    'app://bundle/..\\..\\windows\\win.ini',
    'app://bundle/%252e%252e/%252e%252e/etc/passwd.txt',
    'app://bundle//etc/passwd.txt',
    'app://bundle/%2fetc%2fpasswd.txt',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/C%3a/Windows/win.ini',
    'app://bundle/index.html%00.js',
    'app://bundle/index.html::$DATA',
    'app://bundle/%E0%A4%A.js',
    'app://bundle/a/%0a/b.js',
  ];
  it.each(HOSTILE)('never resolves %s outside the renderer folder', (url) => {
    const resolved = resolveBundlePath(ROOT, url);
    if (resolved !== null) expect(isWithin(ROOT, resolved)).toBe(true);
  });

  it.each([
    'app://bundle/..%2f..%2fetc%2fpasswd.txt',
    'app://bundle/..%5c..%5cwindows%5cwin.ini',
    'app://bundle/..\\..\\windows\\win.ini',
    'app://bundle/%252e%252e/%252e%252e/etc/passwd.txt',
    'app://bundle//etc/passwd.txt',
    'app://bundle/%2fetc%2fpasswd.txt',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A.js',
  ])('refuses %s outright', (url) => {
    expect(resolveBundlePath(ROOT, url)).toBeNull();
  });

  it.each([
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://user:pass@bundle/index.html',
    'https://bundle/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app:/index.html',
    '::::',
  ])('refuses a URL of another scheme, host or shape: %s', (url) => {
    expect(resolveBundlePath(ROOT, url)).toBeNull();
  });

  it('keeps Windows paths inside the root too', () => {
    const winRoot = 'C:\\Program Files\\Desk Climat\\resources\\app.asar\\out\\renderer';
    expect(resolveBundlePath(winRoot, 'app://bundle/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    for (const url of ['app://bundle/..%5c..%5cx.js', 'app://bundle/C:/x.js', 'app://bundle/..%2f..%2fx.js']) {
      expect(resolveBundlePath(winRoot, url, path.win32)).toBeNull();
    }
  });

  it('isWithin distinguishes a sibling folder that shares a prefix', () => {
    expect(isWithin('/a/renderer', '/a/renderer/x.js')).toBe(true);
    expect(isWithin('/a/renderer', '/a/renderer')).toBe(true);
    expect(isWithin('/a/renderer', '/a/renderer-evil/x.js')).toBe(false);
    expect(isWithin('/a/renderer', '/etc/passwd')).toBe(false);
  });
});

describe('serveBundleRequest (a real folder on disk)', () => {
  let base: string;
  let root: string;
  const get = (url: string, method = 'GET'): Promise<Response> =>
    serveBundleRequest({ url, method }, { root, csp: PRODUCTION_CSP });

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'desk-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Desk Climat</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'SECRET');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves the entry page with the production CSP as a header', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Desk Climat');
  });

  it('streams an asset with its type and length', async () => {
    const response = await get('app://bundle/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('14');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://bundle/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://bundle/assets/app.js', 'POST')).status).toBe(405);
  });

  it('gives the entry page to a client-side route and 404 to a missing asset', async () => {
    expect(await (await get('app://bundle/volunteers')).text()).toContain('Desk Climat');
    expect((await get('app://bundle/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://other/secret.txt',
  ])('never serves a file outside the folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('refuses a symbolic link that leads outside the folder', async () => {
    const response = await get('app://bundle/assets/link.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('registers the handler on the app scheme', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    registerAppProtocol(
      { handle: (scheme, handler) => void handlers.set(scheme, handler as (r: Request) => Promise<Response>) },
      { root, csp: PRODUCTION_CSP },
    );
    expect([...handlers.keys()]).toEqual(['app']);
    const response = await handlers.get('app')!(new Request('app://bundle/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('never lets the browser sniff an unknown type', () => {
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
    expect(contentTypeOf('x.WOFF2')).toBe('font/woff2');
  });
});
