import Dexie, { type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import { createDexieRecordSink } from '../../../renderer/db/dexie-store';
import { openDatabase } from '../../../renderer/db/open-database';
import { loadSnapshotIntoStore } from '../../../renderer/db/snapshot-io';
import {
  RESTORE_NOTICE_KEY,
  RESTORE_STATE_KEY,
  RestoreError,
  safetyDatabaseName,
} from '../../../renderer/db/snapshot-restore';
import { isQuotaError } from '../../../renderer/features/backups/backup-actions';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { seedInto } from '../../../shared/seed';
import { collectBytes, SnapshotError, writeSnapshot } from '../../../shared/snapshot';
import { createMemoryStore } from '../../../shared/storage/memory-store';

const SEED = { volunteers: 20, now: '2026-11-28T09:00:00Z', seed: 'restore-here' };
/** Small batches: the snapshot is written in many transactions, as a city's is. */
const BATCH = 7;
let counter = 0;

/**
 * The storage edge that fails: a Dexie middleware under every table that refuses the `n`th write (bulkPut) to one
 * table with the browser's QuotaExceededError, once or from then on. Everything above it is the real code.
 */
function diskFullAt() {
  const control = { table: '', nth: 0, seen: 0, persistent: false };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'disk-full',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (control.nth > 0 && name === control.table && request.type === 'put') {
              control.seen += 1;
              if (control.seen === control.nth || (control.persistent && control.seen > control.nth)) {
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              }
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
  return {
    middleware,
    arm(table: string, nth: number, persistent = false) {
      Object.assign(control, { table, nth, seen: 0, persistent });
    },
  };
}

/** A store with seeded data, an erasure, settings and desk-local preferences; writes fail only once armed. */
async function storeWithData() {
  const name = `restore-${++counter}-${Math.random().toString(36).slice(2)}`;
  const failure = diskFullAt();
  const db = new DeskDatabase(name);
  db.use(failure.middleware);
  await db.open();
  await seedInto(createDexieRecordSink(db), SEED);
  await db.erasures.put({
    volunteerId: 'erased-here',
    erasedAt: '2026-11-01T10:00:00.000Z',
    replacementRef: 'VC-ERASED1',
  });
  await db.settings.put({ key: 'settings', value: { associationName: 'Ici' } } as never);
  await db.desk.put({ key: 'desk', deskId: 'desk-here', createdAt: '2026-01-01T00:00:00.000Z' } as never);
  await db.uiPreferences.put({ key: 'lastBackupAt', value: '2026-11-27T18:00:00.000Z' });
  return { db, name, failure };
}

/** Another desk's snapshot: different people, more than a few batches in every big table. */
async function otherSnapshot(): Promise<Blob> {
  const source = createMemoryStore();
  await seedInto(source, { ...SEED, volunteers: 30, seed: 'restore-other' });
  const bytes = await collectBytes(writeSnapshot(source, { deskId: 'desk-other', createdAt: SEED.now }));
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/**
 * A log of writes (the sync's journal of changed records, if the schema has one) records the restore's writes by
 * design: it says what to push, not what the data is.
 */
const WRITE_LOGS = new Set(['syncJournal']);

/** Every table of the database, desk-local ones included, row for row (write logs aside). */
async function dump(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) if (!WRITE_LOGS.has(table.name)) tables[table.name] = await table.toArray();
  return tables;
}

const load = (db: DeskDatabase, blob: Blob, beforeCommit?: () => Promise<void>) =>
  loadSnapshotIntoStore(db, blob, () => undefined, {
    inline: true,
    batchSize: BATCH,
    ...(beforeCommit ? { beforeCommit } : {}),
  });

// Real Dexie over fake-indexeddb and real snapshots: room for a loaded machine (no timing is asserted).
describe('a restore is all or nothing', { timeout: 120_000 }, () => {
  it('a full disk on the 3rd batch of sign-ups puts the store back exactly as it was, table by table', async () => {
    const { db, failure } = await storeWithData();
    const blob = await otherSnapshot();
    const before = await dump(db);
    expect(before.signUps!.length).toBeGreaterThan(3 * BATCH);

    failure.arm('signUps', 3);
    const error = await load(db, blob).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RestoreError);
    expect((error as RestoreError).outcome).toBe('rolled-back');
    expect(isQuotaError((error as RestoreError).cause)).toBe(true);

    const after = await dump(db);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(await Dexie.exists(safetyDatabaseName(db))).toBe(false);
    db.close();
  });

  it('a failure once every record is written (the erasure pass) puts the store back too', async () => {
    const { db } = await storeWithData();
    const before = await dump(db);
    const error = await load(db, await otherSnapshot(), () => Promise.reject(new Error('erasure pass failed'))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ outcome: 'rolled-back' });
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('a marker that cannot be written refuses the restore before anything is touched', async () => {
    const { db, failure } = await storeWithData();
    const before = await dump(db);
    failure.arm('uiPreferences', 1);
    const error = await load(db, await otherSnapshot()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ outcome: 'unchanged' });
    expect(isQuotaError((error as RestoreError).cause)).toBe(true);
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('a damaged file is refused with its own message: the store untouched, the copy made meanwhile dropped', async () => {
    const { db } = await storeWithData();
    const before = await dump(db);
    const bytes = new Uint8Array(await (await otherSnapshot()).arrayBuffer());
    // Cut near the end: the whole check runs (and the copy aside beside it) before the file is refused.
    const damaged = new Blob([bytes.subarray(0, bytes.length - 30)]);
    const error = await load(db, damaged).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error).toMatchObject({ code: 'truncated' });
    expect(await dump(db)).toEqual(before);
    expect(await db.uiPreferences.get(RESTORE_STATE_KEY)).toBeUndefined();
    expect(await Dexie.exists(safetyDatabaseName(db))).toBe(false);
    db.close();
  });

  it('a restore that succeeds leaves neither marker nor copy, and keeps the erasure register', async () => {
    const { db } = await storeWithData();
    const blob = await otherSnapshot();
    const manifest = await load(db, blob);
    expect(await db.volunteers.count()).toBe(manifest.counts.volunteers);
    expect(await db.erasures.get('erased-here')).toBeDefined();
    expect(await db.uiPreferences.get(RESTORE_STATE_KEY)).toBeUndefined();
    expect(await Dexie.exists(safetyDatabaseName(db))).toBe(false);
    expect((await db.desk.get('desk'))?.deskId).toBe('desk-here');
    db.close();
  });
});

describe('an interrupted restore is undone at the next start', { timeout: 120_000 }, () => {
  it('when putting the data back failed too, the next start puts it back before anything reads the store', async () => {
    const { db, name, failure } = await storeWithData();
    const before = await dump(db);
    // The disk stays full: the replace stops at the 2nd batch of volunteers and the copy cannot be put back either.
    failure.arm('volunteers', 2, true);
    const error = await load(db, await otherSnapshot()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ outcome: 'rollback-failed' });
    expect((await db.uiPreferences.get(RESTORE_STATE_KEY))?.value).toMatchObject({ phase: 'replacing' });
    expect(await db.volunteers.count()).not.toBe(before.volunteers!.length);
    // The app is closed; it starts again (with room on the disk).
    db.close();

    const { db: reopened } = await openDatabase(name);
    const after = await dump(reopened);
    const notice = after.uiPreferences!.find((row) => (row as { key: string }).key === RESTORE_NOTICE_KEY);
    expect(notice).toMatchObject({ value: { outcome: 'rolled-back' } });
    after.uiPreferences = after.uiPreferences!.filter((row) => row !== notice);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(await Dexie.exists(safetyDatabaseName(reopened))).toBe(false);
    reopened.close();
  });

  it('closed while the data was being copied aside: the store is untouched and the partial copy is dropped', async () => {
    const { db, name } = await storeWithData();
    const before = await dump(db);
    // As the app leaves things when closed in the middle of the copy: the marker, and a copy with some rows.
    await db.uiPreferences.put({ key: RESTORE_STATE_KEY, value: { phase: 'copying', startedAt: SEED.now } });
    const partial = new DeskDatabase(safetyDatabaseName(db));
    await partial.volunteers.bulkPut((before.volunteers as never[]).slice(0, 5));
    partial.close();
    db.close();

    const { db: reopened } = await openDatabase(name);
    expect(await reopened.uiPreferences.get(RESTORE_NOTICE_KEY)).toMatchObject({ value: { outcome: 'not-started' } });
    await reopened.uiPreferences.delete(RESTORE_NOTICE_KEY);
    expect(await dump(reopened)).toEqual(before);
    expect(await Dexie.exists(safetyDatabaseName(reopened))).toBe(false);
    reopened.close();
  });

  it('closed after the new data was complete: the restore stands, only the leftover copy is dropped', async () => {
    const { db, name } = await storeWithData();
    await load(db, await otherSnapshot());
    const restored = await dump(db);
    await db.uiPreferences.put({ key: RESTORE_STATE_KEY, value: { phase: 'finishing', startedAt: SEED.now } });
    const leftover = new DeskDatabase(safetyDatabaseName(db));
    await leftover.volunteers.put({ id: 'old' } as never);
    leftover.close();
    db.close();

    const { db: reopened } = await openDatabase(name);
    expect(await dump(reopened)).toEqual(restored);
    expect(await Dexie.exists(safetyDatabaseName(reopened))).toBe(false);
    reopened.close();
  });

  it('a store with no interrupted restore opens as it is', async () => {
    const { db, name } = await storeWithData();
    const before = await dump(db);
    db.close();
    const { db: reopened } = await openDatabase(name);
    expect(await dump(reopened)).toEqual(before);
    expect(SHARED_TABLE_NAMES.every((table) => before[table] !== undefined)).toBe(true);
    reopened.close();
  });
});
