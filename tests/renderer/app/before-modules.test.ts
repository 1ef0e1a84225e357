import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, DeskDatabase } from '../../../renderer/db/database';

/**
 * renderer/public/before-modules.js opens the database while the modules load (issue #12). It must never create the
 * database itself, never hold a connection the app's own open (or an upgrade) would wait for, and never touch data.
 */
const SCRIPT = readFileSync(join(import.meta.dirname, '../../../renderer/public/before-modules.js'), 'utf8');

// The in-memory IndexedDB of tests/renderer/setup.ts, which Dexie also uses.
const factory = globalThis.indexedDB;

beforeEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

/** Runs the script as index.html does and returns the open request it made, once it has settled. */
async function runScript(): Promise<IDBOpenDBRequest> {
  const requests: IDBOpenDBRequest[] = [];
  const open = factory.open.bind(factory);
  // Observes the request the script makes (the factory itself stays the real in-memory IndexedDB).
  factory.open = (name: string, version?: number) => {
    const request = open(name, version);
    requests.push(request);
    return request;
  };
  try {
    new Function(SCRIPT)();
  } finally {
    delete (factory as Partial<IDBFactory>).open;
  }
  expect(requests).toHaveLength(1);
  const request = requests[0] as IDBOpenDBRequest;
  await new Promise<void>((settled) => {
    request.addEventListener('success', () => settled());
    request.addEventListener('error', () => settled());
  });
  return request;
}

function deleteWithoutBlock(name: string): Promise<'deleted' | 'blocked'> {
  return new Promise((done) => {
    const request = factory.deleteDatabase(name);
    request.onblocked = () => done('blocked');
    request.onsuccess = () => done('deleted');
  });
}

describe('before-modules.js: the early open of the database', () => {
  it('on a first start, leaves no database behind: the app creates it with its schema', async () => {
    const request = await runScript();
    expect(request.error?.name).toBe('AbortError');
    expect((await factory.databases()).map((database) => database.name)).not.toContain(DATABASE_NAME);

    const db = new DeskDatabase();
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((table) => table.name)).toContain('volunteers');
    db.close();
  });

  it('on a later start, opens the existing database and closes it at once, data untouched', async () => {
    const before = new DeskDatabase();
    await before.open();
    await before.uiPreferences.put({ key: 'probe', value: 'kept' });
    before.close();

    const request = await runScript();
    expect(request.error).toBeNull();
    expect(request.result.name).toBe(DATABASE_NAME);
    // A connection left open would block the deletion (and the app's version upgrades).
    const after = new DeskDatabase();
    await after.open();
    expect(await after.uiPreferences.get('probe')).toEqual({ key: 'probe', value: 'kept' });
    after.close();
    expect(await deleteWithoutBlock(DATABASE_NAME)).toBe('deleted');
  });
});
