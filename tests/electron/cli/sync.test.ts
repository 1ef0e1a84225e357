import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDesk } from '../../../electron/cli/desk';
import { parseSyncArgs } from '../../../electron/cli/commands/sync';
import type { ReviewItem, Volunteer } from '../../../shared/domain/model';
import { updateRecord } from '../../../shared/records/record';
import { collectBytes, loadSnapshot, writeSnapshot } from '../../../shared/snapshot';
import { createMemoryRecordStore, overbookedItemId, type MemoryRecordStore } from '../../../shared/sync';
import { useTestCouch } from '../../shared/sync/test-couch-lifecycle';
import { aCheckIn, aSignUpOf, at, baseData, NOW, view } from '../../shared/sync/sync-fixtures';

/** `desk sync` against pouchdb-server on loopback (or COUCHDB_URL): two snapshots edited apart, synced in turn. */

const folder = mkdtempSync(join(tmpdir(), 'sync-cli-'));
const couch = useTestCouch();
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
}, 30_000);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function save(store: MemoryRecordStore, name: string, deskId: string): Promise<string> {
  const path = join(folder, name);
  writeFileSync(path, await collectBytes(writeSnapshot(store, { deskId, createdAt: NOW })));
  return path;
}

async function read(path: string): Promise<MemoryRecordStore> {
  const store = createMemoryRecordStore();
  await loadSnapshot(() => createReadStream(path), store);
  return store;
}

async function deskSync(snapshot: string, database: string, out: string, password = couch.admin.password) {
  const run = capture();
  const code = await runDesk(
    [
      'sync',
      snapshot,
      '--server',
      couch.url,
      '--db',
      database,
      '--user',
      couch.admin.user,
      '--password',
      password,
      '--out',
      out,
    ],
    run.io,
  );
  return { code, ...run };
}

describe('desk sync', { timeout: 180_000 }, () => {
  it('two snapshots edited offline converge through the server, the overbooking on the review list', async () => {
    const database = await couch.createDatabase('cli');
    const a = createMemoryRecordStore();
    const b = createMemoryRecordStore();
    await baseData(a);
    await baseData(b);
    const [person] = (await a.get('volunteers', ['p-2'])) as Volunteer[];
    await a.writeBatch('volunteers', [updateRecord(person as Volunteer, { phone: '+33612345678' }, at('desk-a', 1))]);
    await b.writeBatch('volunteers', [updateRecord(person as Volunteer, { notes: 'Allergie' }, at('desk-b', 2))]);
    await a.writeBatch('checkinEvents', [aCheckIn('ev-a', 'desk-a', at('desk-a', 3))]);
    await b.writeBatch('checkinEvents', [aCheckIn('ev-b', 'desk-b', at('desk-b', 3))]);
    await a.writeBatch('signUps', [aSignUpOf('su-a', 'p-3', at('desk-a', 4))]);
    await b.writeBatch('signUps', [aSignUpOf('su-b', 'p-4', at('desk-b', 4))]);
    const aZip = await save(a, 'a.zip', 'desk-a');
    const bZip = await save(b, 'b.zip', 'desk-b');

    const first = await deskSync(aZip, database, join(folder, 'a-1.zip'));
    expect(first.err.join('\n')).toBe('');
    expect(first.code).toBe(0);
    expect(first.out[0]).toMatch(/^Synchronisé/);
    expect(first.out[1]).toMatch(/^Synced/);
    const second = await deskSync(bZip, database, join(folder, 'b-1.zip'));
    expect(second.code).toBe(0);
    const third = await deskSync(join(folder, 'a-1.zip'), database, join(folder, 'a-2.zip'));
    expect(third.code).toBe(0);

    const finalA = await read(join(folder, 'a-2.zip'));
    const finalB = await read(join(folder, 'b-1.zip'));
    expect(view(finalA)).toEqual(view(finalB));
    const [merged] = (await finalA.get('volunteers', ['p-2'])) as Volunteer[];
    expect(merged).toMatchObject({ phone: '+33612345678', notes: 'Allergie' });
    expect(finalA.all('checkinEvents').filter((event) => event.signUpId === 'su-1')).toHaveLength(2);
    const [item] = (await finalA.get('reviewItems', [overbookedItemId('s-last')])) as ReviewItem[];
    expect(item).toMatchObject({ kind: 'overbooked_shift', state: 'open', recordIds: ['s-last'] });
  });

  it('a wrong password: exit 3, a message in French then English, nothing written', async () => {
    const database = await couch.createDatabase('cli-refused');
    const store = createMemoryRecordStore();
    await baseData(store);
    const input = await save(store, 'refused.zip', 'desk-a');
    const out = join(folder, 'refused-out.zip');
    const run = await deskSync(input, database, out, 'pas-le-bon');
    expect(run.code).toBe(3);
    expect(run.err[0]).toMatch(/^Synchronisation impossible : Nom d’utilisateur ou mot de passe refusé/);
    expect(run.err[1]).toMatch(/^Sync failed: The sync server refused the user name or password/);
    expect(existsSync(out)).toBe(false);
    expect(view(await read(input))).toEqual(view(store));
  });

  it('reads the password from DESK_SYNC_PASSWORD, and asks for the missing options', () => {
    const parsed = parseSyncArgs(['x.zip', '--server', 'http://h', '--db', 'd', '--user', 'u', '--out', 'y.zip'], {
      DESK_SYNC_PASSWORD: 'secret',
    });
    expect(parsed).toMatchObject({ user: 'u', password: 'secret', database: 'd' });
    expect(parseSyncArgs(['x.zip', '--server', 'http://h'], {})).toHaveProperty('fr');
  });
});
