import { DATABASE_NAME, DeskDatabase, SCHEMA_V1 } from '../../renderer/db/database';
import { loadSnapshotIntoStore, writeSnapshotFromStore } from '../../renderer/db/snapshot-io';
import { DEFAULT_SETTINGS, type Volunteer } from '../../shared/domain/model';
import { SHARED_TABLE_NAMES, type SharedTableName } from '../../shared/domain/tables';
import { searchKeys } from '../../shared/domain/text-folding';
import { readSnapshot } from '../../shared/snapshot';
import { blobChunks } from '../../renderer/db/snapshot-streams';

/**
 * Measurements run inside Chromium, each beside a raw-IndexedDB baseline measured in this page on the same stores
 * and indexes (the schema of renderer/db/database.ts). bench/run.ts calls the functions on `window.bench`.
 */

export interface Pair {
  readonly figure: number;
  readonly baseline: number;
  readonly runs: number;
}

type Rows = Map<SharedTableName, unknown[]>;

let snapshot: Blob | null = null;
let rows: Rows | null = null;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

let serial = 0;
const scratchName = () => `bench-scratch-${Date.now()}-${++serial}`;

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** A database with the app's stores and indexes, created by Dexie, then opened with the raw API. */
async function rawDatabase(name: string): Promise<IDBDatabase> {
  const schema = new DeskDatabase(name);
  await schema.open();
  schema.close();
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Fetch the seeded snapshot once, and parse it once into plain rows for the baselines (not timed). */
async function prepare(): Promise<{ bytes: number; records: number }> {
  const response = await fetch('/snapshot.zip');
  snapshot = await response.blob();
  rows = new Map(SHARED_TABLE_NAMES.map((table) => [table, []]));
  let records = 0;
  for await (const event of readSnapshot(blobChunks(snapshot))) {
    if (event.type !== 'records') continue;
    const target = rows.get(event.table) as unknown[];
    for (const record of event.records) {
      target.push(event.table === 'volunteers' ? { ...record, searchKeys: searchKeys(record as Volunteer) } : record);
    }
    records += event.records.length;
  }
  return { bytes: snapshot.size, records };
}

/** Baseline: every row put with the raw API, one transaction over all tables, no validation, no zip. */
async function rawPutLoop(): Promise<number> {
  const name = scratchName();
  const db = await rawDatabase(name);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(SHARED_TABLE_NAMES, 'readwrite');
    for (const table of SHARED_TABLE_NAMES) {
      const store = transaction.objectStore(table);
      for (const row of rows?.get(table) ?? []) store.put(row);
    }
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const elapsed = performance.now() - started;
  db.close();
  await deleteDatabase(name);
  return elapsed;
}

/** Figure: the app's load (Worker: unzip, zod-validate every record, read again; main: batched bulkPut). */
async function appLoad(): Promise<number> {
  const name = scratchName();
  const db = new DeskDatabase(name);
  await db.open();
  const started = performance.now();
  await loadSnapshotIntoStore(db, snapshot as Blob);
  const elapsed = performance.now() - started;
  db.close();
  await deleteDatabase(name);
  return elapsed;
}

async function measureLoad(runs: number): Promise<Pair> {
  const figures: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < runs; run++) {
    baselines.push(await rawPutLoop());
    figures.push(await appLoad());
  }
  return { figure: median(figures), baseline: median(baselines), runs };
}

/** Fill the app's own database (the one the built app opens) for the write and cold-start measurements. */
async function fillAppDatabase(): Promise<number> {
  await deleteDatabase(DATABASE_NAME);
  const db = new DeskDatabase(DATABASE_NAME);
  await db.open();
  await loadSnapshotIntoStore(db, snapshot as Blob);
  await db.settings.put({
    key: 'settings',
    ...DEFAULT_SETTINGS,
    associationName: 'Bench',
    deskName: 'Bench',
    firstStartCompletedAt: new Date().toISOString(),
  });
  const count = await db.volunteers.count();
  db.close();
  return count;
}

/** Baseline: getAll of every table, then each table serialised with a plain join (per 10,000 rows: no string can
 * hold a city's table). */
async function rawGetAllJoin(): Promise<number> {
  const request = indexedDB.open(DATABASE_NAME);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  let characters = 0;
  for (const table of SHARED_TABLE_NAMES) {
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const get = db.transaction(table).objectStore(table).getAll();
      get.onsuccess = () => resolve(get.result as unknown[]);
      get.onerror = () => reject(get.error);
    });
    for (let start = 0; start < all.length; start += 10_000) {
      characters += all
        .slice(start, start + 10_000)
        .map((row) => JSON.stringify(row))
        .join('\n').length;
    }
  }
  const elapsed = performance.now() - started;
  db.close();
  if (characters === 0 && rows && rows.size > 0) throw new Error('nothing serialised');
  return elapsed;
}

async function appWrite(): Promise<number> {
  const db = new DeskDatabase(DATABASE_NAME);
  await db.open();
  const started = performance.now();
  const blob = await writeSnapshotFromStore(db);
  const elapsed = performance.now() - started;
  db.close();
  if (blob.size === 0) throw new Error('empty snapshot');
  return elapsed;
}

async function measureWrite(runs: number): Promise<Pair> {
  const figures: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < runs; run++) {
    baselines.push(await rawGetAllJoin());
    figures.push(await appWrite());
  }
  return { figure: median(figures), baseline: median(baselines), runs };
}

declare global {
  interface Window {
    bench: {
      prepare: typeof prepare;
      measureLoad: typeof measureLoad;
      fillAppDatabase: typeof fillAppDatabase;
      measureWrite: typeof measureWrite;
      schemaTables: string[];
    };
  }
}

window.bench = { prepare, measureLoad, fillAppDatabase, measureWrite, schemaTables: Object.keys(SCHEMA_V1) };
document.body.setAttribute('data-bench-ready', 'true');
