import { describe, expect, it } from 'vitest';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { canonicalJson } from '../../../shared/merge';
import { isSyncError, syncOnce, type SyncSummary } from '../../../shared/sync';
import type { FetchLike } from '../../../shared/sync/couch-client';
import { useTestCouch } from './test-couch-lifecycle';
import { aDesk, baseData, view, type TestDesk } from './sync-fixtures';

/**
 * The server killed during a push and during a pull (SIGKILL, as a crash would): the sync fails with a clear
 * error, and after a restart the next sync resumes from its checkpoint; nothing is lost or written twice.
 * The kill is triggered by the n-th request of a kind, not by a delay, so the test does not depend on timing.
 */

const couch = useTestCouch();

const BATCH = 20;

/** A fetch that kills the server once the n-th matching request has reached it, and loses the answer. */
function killingFetch(matches: (url: string, init: RequestInit) => boolean, nth: number, log: string[]): FetchLike {
  let seen = 0;
  return async (url, init) => {
    log.push(`${init.method ?? 'GET'} ${url}`);
    if (!matches(url, init)) return fetch(url, init);
    seen += 1;
    const response = await fetch(url, init);
    if (seen !== nth) return response;
    await response.text(); // the server did the work…
    couch.kill(); // …and died before the desk could read the answer
    throw new TypeError('fetch failed');
  };
}

function syncDesk(desk: TestDesk, database: string, fetchImpl: FetchLike = fetch): Promise<SyncSummary> {
  return syncOnce({
    target: { server: couch.url, database, user: couch.admin.user, password: couch.admin.password },
    fetch: fetchImpl,
    store: desk.store,
    state: desk.state,
    deskId: desk.id,
    batchSize: BATCH,
  });
}

/** The server's records, table by table, as canonical JSON. */
async function serverView(database: string): Promise<Record<string, string[]>> {
  const answer = await couch.request('GET', `/${database}/_all_docs?include_docs=true`);
  const tables: Record<string, string[]> = Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, []]));
  for (const row of answer.json.rows as { id: string; doc: { table: string; record: unknown } }[]) {
    if (!row.id.startsWith('_')) tables[row.doc.table]?.push(canonicalJson(row.doc.record));
  }
  return tables;
}

function localCount(desk: TestDesk): number {
  return SHARED_TABLE_NAMES.reduce((sum, table) => sum + desk.store.all(table).length, 0);
}

async function serverDocs(database: string): Promise<{ id: string; rev: string }[]> {
  const answer = await couch.request('GET', `/${database}/_all_docs`);
  return (answer.json.rows as { id: string; value: { rev: string } }[]).map((row) => ({
    id: row.id,
    rev: row.value.rev,
  }));
}

describe.skipIf(process.env.COUCHDB_URL)('the server killed mid-sync', { timeout: 180_000 }, () => {
  it('during a push: after a restart the push resumes, and every document is written once', async () => {
    const database = await couch.createDatabase('kill-push');
    const desk = aDesk('desk-a');
    await baseData(desk.store);
    const isBulk = (url: string) => url.endsWith('/_bulk_docs');
    const log: string[] = [];

    const failed = await syncDesk(desk, database, killingFetch(isBulk, 3, log)).catch((error: unknown) => error);
    await couch.restart();
    expect(isSyncError(failed) && failed.code).toBe('unreachable');
    const before = view(desk.store);

    const writtenBeforeKill = (await serverDocs(database)).length;
    // Batches go table by table: the first three (the third one's answer lost) were taken by the server.
    expect(writtenBeforeKill).toBeGreaterThan(0);
    expect(writtenBeforeKill).toBeLessThan(localCount(desk));
    const summary = await syncDesk(desk, database);

    // What the server had taken is not sent again, not even the batch whose answer was lost.
    expect(summary.pushed.sent).toBe(localCount(desk) - writtenBeforeKill);
    const docs = await serverDocs(database);
    expect(docs).toHaveLength(localCount(desk));
    expect(docs.filter((doc) => !doc.rev.startsWith('1-'))).toEqual([]);
    expect(view(desk.store)).toEqual(before);
    expect(await serverView(database)).toEqual(before);
  });

  it('during a pull: after a restart the pull resumes from its checkpoint, nothing lost or duplicated', async () => {
    const database = await couch.createDatabase('kill-pull');
    const a = aDesk('desk-a');
    await baseData(a.store);
    await syncDesk(a, database);
    const b = aDesk('desk-b');
    const isChanges = (url: string) => url.includes('/_changes?');
    const log: string[] = [];

    const failed = await syncDesk(b, database, killingFetch(isChanges, 3, log)).catch((error: unknown) => error);
    await couch.restart();
    expect(isSyncError(failed) && failed.code).toBe('unreachable');
    // Two batches were applied and checkpointed before the kill; the third was lost with the server.
    const applied = localCount(b);
    expect(applied).toBeGreaterThanOrEqual(2 * BATCH);
    expect(applied).toBeLessThan(localCount(a));

    const resumed: string[] = [];
    const summary = await syncDesk(b, database, async (url, init) => {
      resumed.push(url);
      return fetch(url, init);
    });
    const firstChanges = new URL(resumed.find((url) => url.includes('/_changes?')) as string);
    expect(firstChanges.searchParams.get('since')).not.toBe('0');
    expect(summary.pulled.received).toBe(localCount(a) - 2 * BATCH);
    expect(view(b.store)).toEqual(view(a.store));
    expect(await serverView(database)).toEqual(view(a.store));
    expect(summary.pushed.sent).toBe(0);
    expect((await serverDocs(database)).filter((doc) => !doc.rev.startsWith('1-'))).toEqual([]);
  });
});
