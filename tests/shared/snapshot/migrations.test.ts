import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { createMemoryStore } from '../../../shared/storage/memory-store';
import {
  chunksOf,
  loadSnapshot,
  readSnapshot,
  SNAPSHOT_MIGRATIONS,
  SNAPSHOT_VERSION,
  type SnapshotMigrations,
} from '../../../shared/snapshot';
import { seededStore } from './helpers';

/**
 * A made-up version 0, to exercise the migration mechanism before a real version 2 exists: its manifest said `desk`
 * and `tables`, the volunteers' file was `people.ndjson`, and volunteers had no `languages` field.
 */
const fakeVersion0: SnapshotMigrations = {
  0: {
    manifest: ({ desk, tables, ...rest }) => {
      const counts = { ...(tables as Record<string, number>) };
      counts.volunteers = counts.people ?? 0;
      delete counts.people;
      return { ...rest, deskId: desk, counts, version: 1 };
    },
    table: (name) => (name === 'people' ? 'volunteers' : name),
    record: (table, raw) => {
      if (table !== 'people') return raw;
      const person = raw as { clocks: Record<string, string> };
      return { ...person, languages: [], clocks: { ...person.clocks, languages: person.clocks.firstName } };
    },
  },
};

describe('snapshot migrations', () => {
  it('has version 1 as the current version and no migration registered yet', () => {
    expect(SNAPSHOT_VERSION).toBe(1);
    expect(Object.keys(SNAPSHOT_MIGRATIONS)).toEqual([]);
  });

  it('reads an older version through the migration chain, record by record', async () => {
    const store = await seededStore(10);
    const files: Record<string, Uint8Array> = {};
    const tables: Record<string, number> = {};
    for (const table of SHARED_TABLE_NAMES) {
      const records = store.all(table).map((record): unknown => {
        if (table !== 'volunteers') return record;
        const { languages: _languages, clocks, ...rest } = record as Volunteer;
        const { languages: _clock, ...otherClocks } = clocks;
        return { ...rest, clocks: otherClocks };
      });
      const name = table === 'volunteers' ? 'people' : table;
      tables[name] = records.length;
      files[`${name}.ndjson`] = strToU8(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    }
    const manifest = {
      format: 'desk-climat-snapshot',
      version: 0,
      desk: 'desk-old',
      createdAt: '2025-06-01T08:00:00Z',
      tables,
    };
    const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), ...files });

    await expect(loadSnapshot(() => chunksOf(zip), createMemoryStore())).rejects.toMatchObject({
      code: 'older-version',
    });

    const events = readSnapshot(chunksOf(zip), { migrations: fakeVersion0 });
    const first = await events.next();
    expect(first.value).toMatchObject({
      type: 'manifest',
      migratedFrom: 0,
      manifest: { version: 1, deskId: 'desk-old' },
    });
    await events.return(undefined as never);

    const restored = createMemoryStore();
    await loadSnapshot(() => chunksOf(zip), restored, { migrations: fakeVersion0 });
    const volunteers = store.all('volunteers');
    expect(restored.all('volunteers')).toEqual(
      volunteers.map((volunteer) => ({
        ...volunteer,
        languages: [],
        clocks: { ...volunteer.clocks, languages: volunteer.clocks.firstName },
      })),
    );
    expect(restored.all('signUps')).toEqual(store.all('signUps'));
  });
});
