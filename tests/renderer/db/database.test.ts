import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { DeskDatabase, SCHEMA_V1 } from '../../../renderer/db/database';
import { loadDeskContext } from '../../../renderer/db/desk-context';
import { compareHlc } from '../../../shared/records/hlc';
import { createTestDatabase, newVolunteer } from './test-database';

describe('the Dexie store, schema versions 1 to 4', () => {
  it('has every shared table plus the desk-local ones, and nothing else', async () => {
    const { db } = await createTestDatabase();
    const names = db.tables.map((table) => table.name).sort();
    expect(names).toEqual(
      [
        ...SHARED_TABLE_NAMES,
        'settings',
        'desk',
        'syncState',
        'uiPreferences',
        'syncDocs',
        'syncJournal',
        'signUpTombstones',
      ].sort(),
    );
    expect(db.verno).toBe(4);
  });

  it('indexes what the product queries: reference (unique), search keys (multi-entry), shift+status', async () => {
    const { db } = await createTestDatabase();
    const volunteers = db.table('volunteers').schema;
    const ref = volunteers.idxByName.ref;
    expect(ref?.unique).toBe(true);
    expect(volunteers.idxByName.searchKeys?.multi).toBe(true);
    expect(volunteers.idxByName.skills?.multi).toBe(true);
    expect(db.table('signUps').schema.idxByName['[shiftId+status]']).toBeDefined();
    expect(db.table('shifts').schema.idxByName.start).toBeDefined();
    expect(db.table('checkinEvents').schema.idxByName.signUpId).toBeDefined();
  });

  it('the published schema is what SCHEMA_V1 says (versions are append-only)', async () => {
    const { db } = await createTestDatabase();
    db.close();
    // Open the same database with no declared schema: Dexie reads what IndexedDB really holds.
    const raw = new Dexie(db.name);
    await raw.open();
    for (const [table, spec] of Object.entries(SCHEMA_V1)) {
      const indexes = raw
        .table(table)
        .schema.indexes.map((index) => index.src)
        .sort();
      const declared = spec
        .split(',')
        .map((part) => part.trim())
        .slice(1)
        .sort();
      expect(indexes, table).toEqual(declared);
    }
    raw.close();
  });

  it('refuses a second volunteer with the same reference', async () => {
    const { db } = await createTestDatabase();
    const row = { id: 'a', ref: 'B-7F3K9QX2R', searchKeys: [] } as never;
    await db.volunteers.add(row);
    await expect(db.volunteers.add({ ...(row as object), id: 'b' } as never)).rejects.toThrow();
  });
});

describe('the desk identity', () => {
  it('is created once per installation and kept across restarts', async () => {
    const name = `desk-${Math.random()}`;
    const first = new DeskDatabase(name);
    const a = await loadDeskContext(first);
    first.close();
    const second = new DeskDatabase(name);
    const b = await loadDeskContext(second);
    expect(b.deskId).toBe(a.deskId);
    expect(a.deskId).toMatch(/^[0-9a-f-]{36}$/);
    second.close();
  });

  it('keeps its clock increasing across a restart even when the computer clock went back', async () => {
    const name = `clock-${Math.random()}`;
    const db = new DeskDatabase(name);
    const late = await loadDeskContext(db, { now: () => new Date('2026-11-28T12:00:00Z') });
    const { createVolunteersRepository } = await import('../../../renderer/db/repositories/volunteers-repository');
    const created = await createVolunteersRepository(db, late).create(
      newVolunteer({ firstName: 'Awa', lastName: 'Diallo' }),
    );
    db.close();

    const reopened = new DeskDatabase(name);
    const early = await loadDeskContext(reopened, { now: () => new Date('2026-11-28T08:00:00Z') });
    const next = early.clock.next();
    expect(compareHlc(next, created.clocks.firstName!)).toBeGreaterThan(0);
    reopened.close();
  });
});
