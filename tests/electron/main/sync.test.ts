import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../electron/main/backups';
import { createSyncService, syncOriginOf, type SyncServiceDeps } from '../../../electron/main/sync';

/** Electron is not loaded: safeStorage is a plain object; the server is a real HTTP server on loopback. */

let root: string;
let server: Server;
let origin: string;
const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.writeHead(201, { 'content-type': 'application/json', connection: 'close' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sync-main-'));
  seen.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const keychain: SecretStore = {
  isAvailable: () => true,
  protect: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((byte) => byte ^ 0x5a)),
  reveal: (data) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString('utf8'),
};

function service(overrides: Partial<SyncServiceDeps> = {}) {
  return createSyncService({
    stateFile: path.join(root, 'sync.json'),
    secrets: keychain,
    keyringSecure: () => true,
    ...overrides,
  });
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('sync requests through the main process', { timeout: 30_000 }, () => {
  it('refuses everything while sync is not configured', async () => {
    const result = await service().sendRequest({ url: `${origin}/`, method: 'GET', headers: {}, body: null });
    expect(result.status).toBe('refused');
    expect(seen).toEqual([]);
  });

  it('sends to the configured origin only, with the credentials main keeps (never the renderer’s)', async () => {
    const sync = service();
    const status = await sync.setTarget({ server: `${origin}/couch/`, user: 'bureau', password: 'mot-de-passe-été' });
    expect(status).toEqual({ origin, user: 'bureau', hasPassword: true, keyringSecure: true });
    const answer = await sync.sendRequest({
      url: `${origin}/couch/asso/_bulk_docs`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic('intrus', 'x'), cookie: 'a=b' },
      body: '{"docs":[]}',
    });
    expect(answer).toEqual({ status: 'response', code: 201, body: '{"ok":true}' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/couch/asso/_bulk_docs', body: '{"docs":[]}' });
    expect(seen[0]?.headers.authorization).toBe(basic('bureau', 'mot-de-passe-été'));
    expect(seen[0]?.headers.cookie).toBeUndefined();

    for (const url of [
      'http://localhost:1/asso',
      `${origin.replace('127.0.0.1', 'localhost')}/asso`,
      `https://127.0.0.1:${new URL(origin).port}/asso`,
      `http://bureau:x@${new URL(origin).host}/asso`,
      'file:///etc/passwd',
      'pas une adresse',
    ]) {
      expect((await sync.sendRequest({ url, method: 'GET', headers: {}, body: null })).status).toBe('refused');
    }
    expect(seen).toHaveLength(1);
  });

  it('keeps the password protected on disk, across a restart, and turning sync off keeps it for later', async () => {
    await service().setTarget({ server: origin, user: 'bureau', password: 'mot-de-passe-été' });
    const file = await readFile(path.join(root, 'sync.json'), 'utf8');
    expect(file).not.toContain('mot-de-passe-été');

    const restarted = service();
    await restarted.setTarget({ server: null, user: 'bureau', password: null });
    expect(await restarted.getTarget()).toMatchObject({ origin: null, hasPassword: true });
    expect((await restarted.sendRequest({ url: `${origin}/`, method: 'GET', headers: {}, body: null })).status).toBe(
      'refused',
    );
    await restarted.setTarget({ server: origin, user: 'bureau', password: null });
    await restarted.sendRequest({ url: `${origin}/`, method: 'GET', headers: {}, body: null });
    expect(seen[0]?.headers.authorization).toBe(basic('bureau', 'mot-de-passe-été'));

    // Another user does not inherit the password.
    expect(await restarted.setTarget({ server: origin, user: 'autre', password: null })).toMatchObject({
      hasPassword: false,
    });
  });

  it('reports a keyring that is only a plain key, and keeps no password without safeStorage', async () => {
    expect(
      await service({ keyringSecure: () => false }).setTarget({ server: origin, user: 'bureau', password: 'secret' }),
    ).toMatchObject({ hasPassword: true, keyringSecure: false });
    const noKeychain = service({ secrets: { ...keychain, isAvailable: () => false } });
    expect(await noKeychain.setTarget({ server: origin, user: 'bureau', password: 'secret' })).toMatchObject({
      hasPassword: false,
      keyringSecure: false,
    });
  });

  it('says a connection failure, and refuses a server address that is not http(s)', async () => {
    const sync = service();
    await sync.setTarget({ server: 'http://127.0.0.1:9', user: '', password: null });
    expect(
      (await sync.sendRequest({ url: 'http://127.0.0.1:9/', method: 'GET', headers: {}, body: null })).status,
    ).toBe('failed');
    await expect(sync.setTarget({ server: 'ftp://example.org', user: '', password: null })).rejects.toThrow();
    expect(syncOriginOf('https://couch.example.org/prefix/')).toBe('https://couch.example.org');
    expect(syncOriginOf('https://u:p@couch.example.org')).toBeNull();
  });
});
