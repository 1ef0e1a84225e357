import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { isSyncError, syncOnce, type SyncErrorCode } from '../../../shared/sync';
import type { CouchTarget } from '../../../shared/sync/couch-client';
import { useTestCouch } from './test-couch-lifecycle';
import { aDesk, baseData, view } from './sync-fixtures';

/**
 * Each way a sync can be refused gives its own plain message (French and English), and leaves the desk's data and
 * sync state as they were. The "not CouchDB" and "no answer" servers are real HTTP servers on loopback.
 */

const couch = useTestCouch();
const extra: Server[] = [];
afterAll(async () => {
  for (const server of extra) server.closeAllConnections();
  await Promise.all(extra.map((server) => new Promise((resolve) => server.close(resolve))));
}, 30_000);

async function listen(server: Server): Promise<string> {
  extra.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function expectRefused(target: CouchTarget, code: SyncErrorCode, timeoutMs?: number): Promise<void> {
  const desk = aDesk('desk-a');
  await baseData(desk.store);
  const before = view(desk.store);
  const error = await syncOnce({
    target,
    fetch: (url, init) => fetch(url, init),
    store: desk.store,
    state: desk.state,
    deskId: desk.id,
    timeoutMs,
  }).catch((caught: unknown) => caught);
  expect(isSyncError(error) && error.code).toBe(code);
  if (!isSyncError(error)) return;
  expect(error.fr).not.toBe('');
  expect(error.en).not.toBe('');
  expect(error.fr).not.toBe(error.en);
  expect(view(desk.store)).toEqual(before);
  expect(desk.state.size).toBe(0);
  expect(await desk.state.checkpoint()).toBeNull();
}

describe('sync errors: a clear message, local data untouched', { timeout: 60_000 }, () => {
  it('wrong password', async () => {
    const database = await couch.createDatabase('errors');
    await expectRefused(
      { server: couch.url, database, user: couch.admin.user, password: 'pas-le-bon' },
      'wrong_password',
    );
  });

  it('unknown database', async () => {
    await expectRefused(
      { server: couch.url, database: 'nobody-made-this-one', user: couch.admin.user, password: couch.admin.password },
      'unknown_database',
    );
  });

  it("a database the user may not read (another association's)", async () => {
    const database = await couch.createDatabase('other-asso');
    const user = `desk-user-${Date.now().toString(36)}`;
    const created = await couch.request('PUT', `/_users/org.couchdb.user:${user}`, {
      name: user,
      password: 'secret-bénévole',
      roles: [],
      type: 'user',
    });
    expect([201, 202]).toContain(created.status);
    const secured = await couch.request('PUT', `/${database}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: ['someone-else'], roles: [] },
    });
    expect(secured.status).toBeLessThan(300);
    await expectRefused({ server: couch.url, database, user, password: 'secret-bénévole' }, 'forbidden');
  });

  it('a server that is not CouchDB', async () => {
    const url = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><title>Une page web</title>');
      }),
    );
    await expectRefused({ server: url, database: 'asso' }, 'not_couchdb');
  });

  it('a server that does not answer (timeout)', async () => {
    // Accepts the connection and never answers; the test's own short timeout stands for the 30 s default.
    const url = await listen(createServer(() => {}));
    await expectRefused({ server: url, database: 'asso' }, 'timeout', 300);
  });

  it('no server at all (offline)', async () => {
    const url = await listen(createServer(() => {}));
    const closed = extra.pop() as Server;
    await new Promise((resolve) => closed.close(resolve));
    await expectRefused({ server: url, database: 'asso' }, 'unreachable');
  });

  it('an address that is not http(s)', async () => {
    await expectRefused({ server: 'ftp://example.org', database: 'asso' }, 'invalid_url');
  });
});
