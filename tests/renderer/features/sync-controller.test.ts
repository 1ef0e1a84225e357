import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Volunteer } from '../../../shared/domain/model';
import { updateRecord } from '../../../shared/records/record';
import { copyRecords } from '../../../shared/storage/pipeline';
import { createMemoryRecordStore } from '../../../shared/sync';
import { createDexieSyncRecordStore } from '../../../renderer/db/sync-store';
import { createSyncController, type SyncController } from '../../../renderer/features/sync';
import type { NetworkStatus } from '../../../renderer/features/sync/sync-controller';
import { loadSyncConfig } from '../../../renderer/features/sync/sync-config';
import { useTestCouch } from '../../shared/sync/test-couch-lifecycle';
import { aSignUpOf, at, baseData } from '../../shared/sync/sync-fixtures';
import { createTestDatabase } from '../db/test-database';

/** The app's sync controller over a real Dexie (fake-indexeddb) and pouchdb-server on loopback. */

const couch = useTestCouch();

const controllers: SyncController[] = [];
async function aDesk(passwordKeeper: 'main' | 'memory' = 'memory') {
  const { db, desk } = await createTestDatabase();
  const store = createDexieSyncRecordStore(db);
  const make = () => {
    const controller = createSyncController({ db, desk, fetch: (url, init) => fetch(url, init), passwordKeeper });
    controllers.push(controller);
    return controller;
  };
  return { db, desk, store, controller: make(), make };
}
afterAll(() => {
  for (const controller of controllers) controller.stop();
});

async function baseStore() {
  const base = createMemoryRecordStore();
  await baseData(base);
  return base;
}

describe('the sync controller', { timeout: 120_000 }, () => {
  it('syncs on demand, counts pending changes, and a wrong password leaves local data untouched', async () => {
    const database = await couch.createDatabase('app');
    const a = await aDesk();
    const base = createMemoryRecordStore();
    await baseData(base);
    await copyRecords(base, a.store);
    const volunteersBefore = await a.db.volunteers.toArray();

    await a.controller.configure(
      { server: couch.url, database, user: couch.admin.user, enabled: true },
      'pas le bon mot de passe',
    );
    expect(a.controller.getStatus().pending).toBeGreaterThan(0);
    expect(await a.controller.syncNow()).toBeNull();
    expect(a.controller.getStatus()).toMatchObject({ error: 'wrong_password', running: false, lastSyncAt: null });
    expect(await a.db.volunteers.toArray()).toEqual(volunteersBefore);
    expect(await a.db.syncDocs.count()).toBe(0);

    await a.controller.configure(
      { server: couch.url, database, user: couch.admin.user, enabled: true },
      couch.admin.password,
    );
    const summary = await a.controller.syncNow();
    expect(summary?.pushed.sent).toBeGreaterThan(0);
    expect(a.controller.getStatus()).toMatchObject({ error: null, pending: 0 });
    expect(a.controller.getStatus().lastSyncAt).not.toBeNull();

    const [person] = (await a.store.get('volunteers', ['p-2'])) as Volunteer[];
    await a.store.writeBatch('volunteers', [updateRecord(person as Volunteer, { notes: 'à rappeler' }, at('x', 9))]);
    await a.controller.refreshPending();
    expect(a.controller.getStatus().pending).toBe(1);

    // A second desk receives it; turning sync off afterwards deletes nothing.
    const b = await aDesk();
    await b.controller.configure(
      { server: couch.url, database, user: couch.admin.user, enabled: true },
      couch.admin.password,
    );
    await a.controller.syncNow();
    await b.controller.syncNow();
    const [received] = (await b.store.get('volunteers', ['p-2'])) as Volunteer[];
    expect(received?.notes).toBe('à rappeler');
    const countBefore = await b.db.volunteers.count();
    await b.controller.configure({ server: couch.url, database, user: couch.admin.user, enabled: false }, null);
    expect(await b.controller.syncNow()).toBeNull();
    expect(await b.db.volunteers.count()).toBe(countBefore);
    expect(b.controller.getStatus().config.enabled).toBe(false);
  });

  it('keeps the configuration desk-local, never the password; a browser asks for it again after a restart', async () => {
    const database = await couch.createDatabase('restart');
    const a = await aDesk('memory');
    await a.controller.configure(
      { server: couch.url, database, user: couch.admin.user, enabled: true },
      couch.admin.password,
    );
    await a.controller.syncNow();
    const saved = await a.db.syncState.toArray();
    expect(JSON.stringify(saved)).not.toContain(couch.admin.password);
    expect(await loadSyncConfig(a.db)).toEqual({ server: couch.url, database, user: couch.admin.user, enabled: true });
    a.controller.stop();

    const restarted = a.make();
    await restarted.start();
    expect(restarted.getStatus()).toMatchObject({ needsPassword: true, config: { enabled: true } });
    expect(restarted.getStatus().lastSyncAt).not.toBeNull();
    expect(await restarted.syncNow()).toBeNull();
    restarted.setSessionPassword(couch.admin.password);
    expect(restarted.getStatus().needsPassword).toBe(false);
    expect(await restarted.syncNow()).not.toBeNull();
    restarted.stop();
  });

  it('lists the shift two desks overbooked offline, for review', async () => {
    const database = await couch.createDatabase('overbooked');
    const config = { server: couch.url, database, user: couch.admin.user, enabled: true };
    const a = await aDesk();
    const base = createMemoryRecordStore();
    await baseData(base);
    await copyRecords(base, a.store);
    await a.controller.configure(config, couch.admin.password);
    await a.controller.syncNow();
    const b = await aDesk();
    await b.controller.configure(config, couch.admin.password);
    await b.controller.syncNow();
    // The last place of s-last (capacity 2, one taken), given on each desk while neither syncs.
    await a.store.writeBatch('signUps', [aSignUpOf('su-a', 'p-3', at('desk-a', 3))]);
    await b.store.writeBatch('signUps', [aSignUpOf('su-b', 'p-4', at('desk-b', 3))]);
    expect(a.controller.getStatus().overbookedShiftIds).not.toContain('s-last');
    await b.controller.syncNow();
    await a.controller.syncNow();
    await b.controller.syncNow();
    expect(a.controller.getStatus().overbookedShiftIds).toContain('s-last');
    expect(b.controller.getStatus().overbookedShiftIds).toEqual(a.controller.getStatus().overbookedShiftIds);
  });

  it('offline by the system: "hors ligne" at once, no request while offline, a sync as soon as the network is back', async () => {
    const database = await couch.createDatabase('offline');
    const { db, desk } = await createTestDatabase();
    await copyRecords(await baseStore(), createDexieSyncRecordStore(db));
    let online = false;
    const events = new EventTarget();
    const network: NetworkStatus = {
      isOnline: () => online,
      subscribe(onChange) {
        events.addEventListener('change', onChange);
        return () => events.removeEventListener('change', onChange);
      },
    };
    const requests: string[] = [];
    const controller = createSyncController({
      db,
      desk,
      passwordKeeper: 'memory',
      network,
      fetch: (url, init) => {
        requests.push(url);
        return fetch(url, init);
      },
    });
    controllers.push(controller);
    await controller.start();
    expect(controller.getStatus().offline).toBe(true);
    await controller.configure(
      { server: couch.url, database, user: couch.admin.user, enabled: true },
      couch.admin.password,
    );
    expect(await controller.syncNow()).toBeNull();
    expect(controller.getStatus()).toMatchObject({ offline: true, running: false, error: null, lastSyncAt: null });
    expect(requests).toEqual([]);

    online = true;
    events.dispatchEvent(new Event('change'));
    expect(controller.getStatus().offline).toBe(false);
    // The pending count is refreshed just after the sync ends: wait for both.
    await vi.waitFor(() => expect(controller.getStatus()).toMatchObject({ running: false, error: null, pending: 0 }), {
      timeout: 30_000,
    });
    expect(controller.getStatus().lastSyncAt).not.toBeNull();
    expect(requests.length).toBeGreaterThan(0);

    online = false;
    events.dispatchEvent(new Event('change'));
    expect(controller.getStatus().offline).toBe(true);
    controller.stop();
  });

  it('reports an unreachable server as offline, with local data untouched', async () => {
    const a = await aDesk('main');
    await a.controller.configure(
      { server: 'http://127.0.0.1:9', database: 'nulle-part', user: '', enabled: true },
      null,
    );
    expect(await a.controller.syncNow()).toBeNull();
    expect(a.controller.getStatus().error).toBe('unreachable');
  });
});
