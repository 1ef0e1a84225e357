import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../shared/sync/couch-client';
import { isSyncError, syncOnce, type SyncProgress } from '../../../shared/sync';
import { answerRelayedRequest, createRelayedFetch } from '../../../renderer/db/sync-worker-fetch';
import type { RelayedRequest, RelayedResponse } from '../../../renderer/db/sync-worker-protocol';
import { useTestCouch } from '../../shared/sync/test-couch-lifecycle';
import { aDesk, baseData, view } from '../../shared/sync/sync-fixtures';

/**
 * The sync Worker's HTTP relayed through the page (renderer/db/sync-worker-fetch.ts): the replicator over the
 * relayed fetch, each message structured-cloned as postMessage would, against pouchdb-server on loopback.
 */

const couch = useTestCouch();

/** The Worker's fetch wired to a page that answers with `pageFetch` (or never, for a timeout). */
function relayed(pageFetch: FetchLike | null): { fetch: FetchLike; requests: RelayedRequest[] } {
  const requests: RelayedRequest[] = [];
  const relay = createRelayedFetch((request) => {
    requests.push(request);
    if (!pageFetch) return;
    void answerRelayedRequest(pageFetch, structuredClone(request)).then((response: RelayedResponse) =>
      relay.receive(structuredClone(response)),
    );
  });
  return { fetch: relay.fetch, requests };
}

const nodeFetch: FetchLike = (url, init) => fetch(url, init);

describe('the sync Worker’s requests, sent by the page', { timeout: 120_000 }, () => {
  it('carries a whole sync both ways: what one desk pushes, another pulls, with the first download’s total', async () => {
    const database = await couch.createDatabase('relay');
    const target = { server: couch.url, database, user: couch.admin.user, password: couch.admin.password };
    const a = aDesk('desk-a');
    await baseData(a.store);
    const toA = relayed(nodeFetch);
    const pushed = await syncOnce({ target, fetch: toA.fetch, store: a.store, state: a.state, deskId: a.id });
    expect(pushed.pushed.sent).toBeGreaterThan(0);
    expect(toA.requests.some((request) => request.method === 'POST' && request.url.endsWith('/_bulk_docs'))).toBe(true);

    const b = aDesk('desk-b');
    const progress: SyncProgress[] = [];
    const toB = relayed(nodeFetch);
    const pulled = await syncOnce({
      target,
      fetch: toB.fetch,
      store: b.store,
      state: b.state,
      deskId: b.id,
      batchSize: 50,
      onProgress: (value) => progress.push(value),
    });
    expect(pulled.pulled.received).toBe(pushed.pushed.sent);
    expect(view(b.store)).toEqual(view(a.store));
    const pulling = progress.filter((value) => value.phase === 'pulling' && value.count > 0);
    expect(pulling.length).toBeGreaterThan(1);
    expect(pulling.at(-1)).toEqual({ phase: 'pulling', count: pushed.pushed.sent, total: pushed.pushed.sent });

    // A second sync resumes from the checkpoint: no total (CouchDB's sequences are opaque), nothing received.
    progress.length = 0;
    const again = await syncOnce({
      target,
      fetch: relayed(nodeFetch).fetch,
      store: b.store,
      state: b.state,
      deskId: b.id,
      onProgress: (value) => progress.push(value),
    });
    expect(again.pulled.received).toBe(0);
    expect(progress.filter((value) => value.phase === 'pulling' && typeof value.total === 'number')).toEqual([]);
  });

  it('keeps the plain errors: a wrong password, a page whose fetch fails, a page that never answers', async () => {
    const database = await couch.createDatabase('relay-errors');
    const desk = aDesk('desk-e');
    await baseData(desk.store);
    const before = view(desk.store);
    const attempt = (fetch: FetchLike, password = couch.admin.password) =>
      syncOnce({
        target: { server: couch.url, database, user: couch.admin.user, password },
        fetch,
        store: desk.store,
        state: desk.state,
        deskId: desk.id,
        timeoutMs: 300,
      }).then(
        () => 'synced',
        (error: unknown) => (isSyncError(error) ? error.code : String(error)),
      );
    expect(await attempt(relayed(nodeFetch).fetch, 'pas le bon')).toBe('wrong_password');
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await attempt(relayed(failing).fetch)).toBe('unreachable');
    const silent = relayed(null);
    expect(await attempt(silent.fetch)).toBe('timeout');
    expect(silent.requests).toHaveLength(1);
    expect(view(desk.store)).toEqual(before);
    expect(desk.state.size).toBe(0);
  });
});
