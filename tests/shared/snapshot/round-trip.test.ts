import { describe, expect, it } from 'vitest';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { createMemoryStore } from '../../../shared/storage/memory-store';
import {
  chunksOf,
  createSnapshotSource,
  loadSnapshot,
  readSnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  validateSnapshot,
} from '../../../shared/snapshot';
import { copyRecords } from '../../../shared/storage/pipeline';
import { NOW, seededStore, snapshotBytes } from './helpers';

describe('snapshot round trip', { timeout: 60_000 }, () => {
  it('reads back every table exactly as written, in id order', async () => {
    const store = await seededStore();
    const bytes = await snapshotBytes(store);
    const restored = createMemoryStore();
    const manifest = await loadSnapshot(() => chunksOf(bytes, 4096), restored);

    expect(manifest).toMatchObject({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, deskId: 'desk-test' });
    expect(manifest.createdAt).toBe(NOW);
    for (const table of SHARED_TABLE_NAMES) {
      const original = store.all(table);
      expect(original.length, table).toBeGreaterThan(0);
      expect(manifest.counts[table], table).toBe(original.length);
      expect(restored.all(table), table).toEqual(original);
    }
  });

  it('holds the manifest first, then one NDJSON file per table, one sorted record per line', async () => {
    const store = await seededStore(30);
    const bytes = await snapshotBytes(store);
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['manifest.json', ...SHARED_TABLE_NAMES.map((table) => `${table}.ndjson`)]);
    const lines = strFromU8(files['volunteers.ndjson']!).split('\n');
    expect(lines.at(-1)).toBe('');
    const ids = lines.slice(0, -1).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(store.all('volunteers').map((volunteer) => volunteer.id));
  });

  it('gives the same records whatever the chunk sizes of the byte stream', async () => {
    const store = await seededStore(3);
    const bytes = await snapshotBytes(store);
    for (const size of [1, 7, 65_536, bytes.length]) {
      const copy = createMemoryStore();
      await loadSnapshot(() => chunksOf(bytes, size), copy);
      expect(copy.all('signUps')).toEqual(store.all('signUps'));
    }
  });

  it('serves a snapshot file as a record source, one table at a time', async () => {
    const store = await seededStore(40);
    const bytes = await snapshotBytes(store);
    const source = createSnapshotSource(() => chunksOf(bytes));
    expect(await source.count('shifts')).toBe(store.all('shifts').length);
    const copy = createMemoryStore();
    await copyRecords(source, copy, { tables: ['shifts', 'erasures'] });
    expect(copy.all('shifts')).toEqual(store.all('shifts'));
    expect(copy.all('erasures')).toEqual(store.all('erasures'));
    expect(copy.all('volunteers')).toEqual([]);
  });

  it('yields records in batches, with the line of the first record of each batch', async () => {
    const store = await seededStore(40);
    const bytes = await snapshotBytes(store);
    const batches: { table: string; size: number; firstLine: number }[] = [];
    for await (const event of readSnapshot(chunksOf(bytes), { batchSize: 100 })) {
      if (event.type === 'records') {
        batches.push({ table: event.table, size: event.records.length, firstLine: event.firstLine });
      }
    }
    const signUps = batches.filter((batch) => batch.table === 'signUps');
    expect(signUps.length).toBeGreaterThan(1);
    expect(signUps.map((batch) => batch.firstLine).slice(0, 3)).toEqual([1, 101, 201]);
    expect(signUps.reduce((sum, batch) => sum + batch.size, 0)).toBe(store.all('signUps').length);
  });

  it('writes an empty store as a valid snapshot', async () => {
    const manifest = await validateSnapshot(chunksOf(await snapshotBytes(createMemoryStore())));
    expect(Object.values(manifest.counts).every((count) => count === 0)).toBe(true);
  });
});
