import { describe, expect, it } from 'vitest';
import { DeskDatabase } from '../../../renderer/db/database';
import { createDexieRecordSink, createDexieRecordSource } from '../../../renderer/db/dexie-store';
import { loadDemoSeed, loadSnapshotIntoStore, writeSnapshotFromStore } from '../../../renderer/db/snapshot-io';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { seedInto } from '../../../shared/seed';
import { collectBytes, SnapshotError, writeSnapshot } from '../../../shared/snapshot';
import { copyRecords } from '../../../shared/storage/pipeline';
import { createMemoryStore } from '../../../shared/storage/memory-store';

const SEED = { volunteers: 40, now: '2026-11-28T09:00:00Z', seed: 'dexie' };
let counter = 0;

async function freshDatabase(): Promise<DeskDatabase> {
  const db = new DeskDatabase(`dexie-store-${++counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

async function counts(db: DeskDatabase): Promise<number[]> {
  return Promise.all(SHARED_TABLE_NAMES.map((table) => db.table(table).count()));
}

describe('Dexie store adapter', { timeout: 60_000 }, () => {
  it('writes seeded records in batches with search keys, and reads them back in key order without them', async () => {
    const db = await freshDatabase();
    const expected = createMemoryStore();
    await seedInto(expected, SEED);
    await seedInto(createDexieRecordSink(db, { batchSize: 7 }), SEED);

    const stored = await db.volunteers.toArray();
    expect(stored.length).toBe(SEED.volunteers);
    expect(stored.every((volunteer) => volunteer.searchKeys.length > 0)).toBe(true);
    expect(await db.volunteers.where('searchKeys').startsWith(stored[0]!.ref.toLowerCase()).count()).toBe(1);

    const source = createDexieRecordSource(db, { batchSize: 5 });
    const copy = createMemoryStore();
    await copyRecords(source, copy);
    for (const table of SHARED_TABLE_NAMES) expect(copy.all(table), table).toEqual(expected.all(table));
    expect(Object.keys(copy.all('volunteers')[0]!)).not.toContain('searchKeys');
  });

  it('lets the derived search keys be supplied by the caller', async () => {
    const db = await freshDatabase();
    await seedInto(createDexieRecordSink(db, { deriveSearchKeys: (volunteer) => [`k-${volunteer.lastName}`] }), SEED);
    const first = await db.volunteers.toCollection().first();
    expect(first?.searchKeys).toEqual([`k-${first?.lastName}`]);
  });

  it('reads the records that existed at count(), even if rows are added meanwhile', async () => {
    const db = await freshDatabase();
    await seedInto(createDexieRecordSink(db), SEED);
    const source = createDexieRecordSource(db, { batchSize: 3 });
    const announced = await source.count('missions');
    const [model] = await db.missions.limit(1).toArray();
    await db.missions.put({ ...model!, id: '00000000-0000-4000-8000-000000000000' });
    let seen = 0;
    for await (const mission of source.records('missions')) {
      expect(mission.id).not.toBe('00000000-0000-4000-8000-000000000000');
      seen++;
    }
    expect(seen).toBe(announced);
  });

  it('round-trips the store through a snapshot Blob into another database', async () => {
    const db = await freshDatabase();
    await loadDemoSeed(db, SEED);
    await db.desk.put({ key: 'desk', deskId: 'desk-a', createdAt: SEED.now, lastClock: null });
    const progress: number[] = [];
    const blob = await writeSnapshotFromStore(db, (step) => progress.push(step.records), {
      inline: true,
      now: () => new Date(SEED.now),
    });
    expect(blob.size).toBeGreaterThan(1000);
    expect(progress.at(-1)).toBeGreaterThan(0);

    const other = await freshDatabase();
    const manifest = await loadSnapshotIntoStore(other, blob, () => undefined, { inline: true });
    expect(manifest.deskId).toBe('desk-a');
    for (const table of SHARED_TABLE_NAMES) {
      expect(await other.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    }
  });

  it('changes nothing when the snapshot is damaged, even if its first tables are fine', async () => {
    const db = await freshDatabase();
    await seedInto(createDexieRecordSink(db), SEED);
    const before = await counts(db);
    const source = createMemoryStore();
    await seedInto(source, { ...SEED, seed: 'other' });
    const erasures = source.all('erasures');
    const broken = {
      ...source,
      count: source.count,
      records: (table: Parameters<typeof source.records>[0]) =>
        table === 'erasures'
          ? (async function* () {
              yield* erasures.map((erasure) => ({ ...erasure, erasedAt: 'not a date' }));
            })()
          : source.records(table),
    } as typeof source;
    const bytes = await collectBytes(writeSnapshot(broken, { deskId: 'desk-b', createdAt: SEED.now }));
    const phases = new Set<string>();
    const loading = loadSnapshotIntoStore(
      db,
      new Blob([bytes as Uint8Array<ArrayBuffer>]),
      (step) => phases.add(step.phase),
      { inline: true },
    );
    await expect(loading).rejects.toBeInstanceOf(SnapshotError);
    await expect(loading).rejects.toMatchObject({ table: 'erasures', line: 1, field: 'erasedAt' });
    expect(phases).toEqual(new Set(['validate']));
    expect(await counts(db)).toEqual(before);
  });
});
