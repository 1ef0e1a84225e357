import { DeskDatabase } from '../../renderer/db/database';
import { createDexieSyncRecordStore } from '../../renderer/db/sync-store';
import { runSync } from '../../renderer/db/sync-worker-io';
import type { Volunteer } from '../../shared/domain/model';
import { createHlcClock } from '../../shared/records/hlc';
import { updateRecord } from '../../shared/records/record';
import type { CouchTarget } from '../../shared/sync/couch-client';

/**
 * The sync measurements (issue 14), run in Chromium by bench/sync.ts: the app's own sync runner (the replicator in
 * its Worker, HTTP sent by this page with window.fetch) against pouchdb-server on loopback, each beside the same
 * number of raw IndexedDB puts in this page.
 */

export interface SyncPair {
  readonly figure: number;
  readonly baseline: number;
  readonly detail: string;
}

let serial = 0;
const databaseName = (label: string) => `bench-sync-${label}-${Date.now()}-${++serial}`;

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

function syncDesk(db: DeskDatabase, deskId: string, target: CouchTarget) {
  return runSync(db, { target, deskId }, { fetch: (url, init) => window.fetch(url, init) });
}

/** Baseline: `rows` put with the raw API in one transaction, in a database with the app's stores and indexes. */
async function rawPuts(rows: readonly unknown[]): Promise<number> {
  const name = databaseName('raw');
  const schema = new DeskDatabase(name);
  await schema.open();
  schema.close();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction('volunteers', 'readwrite');
    const store = transaction.objectStore('volunteers');
    for (const row of rows) store.put(row);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const elapsed = performance.now() - started;
  db.close();
  await deleteDatabase(name);
  return elapsed;
}

/**
 * Two desks that both hold the server's database; desk A changes `changes` volunteers, then A syncs (its push) and
 * B syncs (its pull). Figure: both syncs, as a coordinator would see them one after the other. Baseline: the same
 * number of raw puts on each side.
 */
async function roundTrip(target: CouchTarget, changes: number, runs: number): Promise<SyncPair> {
  const a = new DeskDatabase(databaseName('a'));
  const b = new DeskDatabase(databaseName('b'));
  try {
    await syncDesk(a, 'bench-desk-a', target);
    await syncDesk(b, 'bench-desk-b', target);
    const clock = createHlcClock('bench-desk-a');
    const figures: number[] = [];
    const baselines: number[] = [];
    let detail = '';
    for (let run = 0; run < runs; run++) {
      const note = `bench run ${run} ${Date.now()}`;
      const people = (await a.volunteers.limit(changes).toArray()).map(({ searchKeys: _derived, ...volunteer }) =>
        updateRecord(volunteer as Volunteer, { notes: note }, clock.next()),
      );
      await createDexieSyncRecordStore(a).writeBatch('volunteers', people);
      const started = performance.now();
      const pushed = await syncDesk(a, 'bench-desk-a', target);
      const pulled = await syncDesk(b, 'bench-desk-b', target);
      figures.push(performance.now() - started);
      const arrived = await b.volunteers.filter((volunteer) => volunteer.notes === note).count();
      if (pushed.pushed.sent !== changes || arrived !== changes) {
        throw new Error(`round trip: ${pushed.pushed.sent} sent, ${arrived} arrived, ${changes} expected`);
      }
      baselines.push((await rawPuts(people)) + (await rawPuts(people)));
      detail = `${pushed.pushed.sent} sent by A, ${pulled.pulled.received} received by B (databases of ${await a.volunteers.count()} volunteers)`;
    }
    return { figure: median(figures), baseline: median(baselines), detail };
  } finally {
    for (const db of [a, b]) {
      db.close();
      await deleteDatabase(db.name);
    }
  }
}

/**
 * A desk's first download of the whole database, in the app's Worker, while a PerformanceObserver watches this
 * page's main thread for long tasks (over 50 ms, as Chromium reports them). Baseline: the same rows put raw.
 */
async function firstPull(target: CouchTarget, expected: number): Promise<SyncPair & { longestTask: number }> {
  const db = new DeskDatabase(databaseName('first'));
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
    const started = performance.now();
    const summary = await syncDesk(db, 'bench-desk-first', target);
    const figure = performance.now() - started;
    // Long tasks are reported after they end: one more turn so the last one is in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    const count = await db.volunteers.count();
    if (count !== expected) throw new Error(`first pull: ${count} volunteers, ${expected} expected`);
    const rows = await db.volunteers.toArray();
    const baseline = await rawPuts(rows);
    const longestTask = tasks.length === 0 ? 0 : Math.max(...tasks);
    const over200 = tasks.filter((duration) => duration > 200).length;
    return {
      figure,
      baseline,
      longestTask,
      detail:
        `${summary.pulled.received} documents received in the sync Worker; main thread: ${tasks.length} long tasks, ` +
        `longest ${Math.round(longestTask)} ms, ${over200} over 200 ms`,
    };
  } finally {
    observer.disconnect();
    db.close();
    await deleteDatabase(db.name);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

declare global {
  interface Window {
    benchSync: { roundTrip: typeof roundTrip; firstPull: typeof firstPull };
  }
}

window.benchSync = { roundTrip, firstPull };
document.body.setAttribute('data-bench-ready', 'true');
