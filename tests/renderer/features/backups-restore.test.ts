import { describe, expect, it } from 'vitest';
import { BackupError } from '../../../shared/backup';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
import { createRepositories } from '../../../renderer/db/repositories-context';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { applyMerge, restoreBackup } from '../../../renderer/features/backups/backup-actions';
import { createTestDatabase, newVolunteer } from '../db/test-database';

/** A low key-derivation cost for tests; the app uses 600,000 iterations. */
const FAST = { iterations: 1_000 };
const PASSPHRASE = 'la phrase de la coordination';

async function storeWithAline() {
  const { db, desk } = await createTestDatabase();
  const repositories = createRepositories(db, desk);
  const aline = await repositories.volunteers.create(newVolunteer({ firstName: 'Aline', lastName: 'Sauvegarde' }));
  return { db, desk, repositories, aline };
}

// Real Dexie, real snapshots and key derivation: room for a loaded machine (no timing is asserted).
describe('encrypted backups over the real store', { timeout: 30_000 }, () => {
  it('saves with a passphrase, then shows what the file holds only with the right passphrase', async () => {
    const { repositories } = await storeWithAline();
    const sealed = await repositories.backups.write({ passphrase: PASSPHRASE, encryption: FAST });
    expect(await repositories.backups.isEncrypted(sealed)).toBe(true);
    expect(new TextDecoder('latin1').decode(await sealed.arrayBuffer())).not.toContain('Aline');

    const wrong = await repositories.backups.decrypt(sealed, 'pas la bonne phrase').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(BackupError);
    expect((wrong as BackupError).code).toBe('wrong-passphrase');

    const plain = await repositories.backups.decrypt(sealed, PASSPHRASE);
    expect(await repositories.backups.isEncrypted(plain)).toBe(false);
    const contents = await repositories.backups.contents(plain);
    expect(contents.manifest.counts.volunteers).toBe(1);
    expect(contents.manifest.deskId).toBe(repositories.desk.deskId);
    expect(contents.period).toBeNull();
  });

  it('a truncated encrypted backup is refused and the store is unchanged', async () => {
    const { db, repositories } = await storeWithAline();
    const sealed = await repositories.backups.write({ passphrase: PASSPHRASE, encryption: FAST });
    const cut = sealed.slice(0, Math.floor(sealed.size * 0.6));
    await expect(repositories.backups.decrypt(cut, PASSPHRASE)).rejects.toBeInstanceOf(BackupError);
    expect((await db.volunteers.toArray()).map((volunteer) => volunteer.firstName)).toEqual(['Aline']);
  });

  it('a restore keeps this desk’s id and re-applies the erasure register to what came back', async () => {
    const { db, repositories, aline } = await storeWithAline();
    const plain = await repositories.backups.write();
    // Another desk's store, restored from the file written on the first one.
    const other = await createTestDatabase();
    const otherRepositories = createRepositories(other.db, other.desk);
    const otherDeskId = otherRepositories.desk.deskId;
    // Aline was erased on this other desk after the backup was made: the register must win over the file.
    const replacementRef = generateVolunteerRef();
    await other.db.erasures.put({ volunteerId: aline.id, erasedAt: '2026-11-28T10:00:00.000Z', replacementRef });
    const manifest = await restoreBackup(otherRepositories, plain);
    expect(manifest.deskId).toBe(repositories.desk.deskId);
    expect((await other.db.desk.get('desk'))?.deskId).toBe(otherDeskId);
    const restored = await other.db.volunteers.get(aline.id);
    expect(restored).toMatchObject({ firstName: '', lastName: '', ref: replacementRef });
    expect(JSON.stringify(await other.db.volunteers.toArray())).not.toContain('Aline');
    // The restore is in the log of sensitive actions (which also triggers the automatic backup in the desktop app).
    expect((await other.db.auditLog.toArray()).map((entry) => entry.action)).toContain('backup.restore');
    await db.close();
  });

  it('a merge of an older snapshot does not bring an erased person back', async () => {
    const { repositories, aline } = await storeWithAline();
    const plain = await repositories.backups.write();
    const other = await createTestDatabase();
    const otherRepositories = createRepositories(other.db, other.desk);
    // Both test desks draw ids from the same predictable sequence: move this one on, so Bastien is someone else.
    for (let skip = 0; skip < 10; skip++) other.desk.newId();
    await otherRepositories.volunteers.create(newVolunteer({ firstName: 'Bastien', lastName: 'Fusion' }));
    const replacementRef = generateVolunteerRef();
    await other.db.erasures.put({ volunteerId: aline.id, erasedAt: '2026-11-28T10:00:00.000Z', replacementRef });
    await applyMerge(otherRepositories, await otherRepositories.merge.preview(plain));
    const names = (await other.db.volunteers.toArray()).map((volunteer) => volunteer.firstName).sort();
    expect(names).toEqual(['', 'Bastien']);
    expect((await other.db.volunteers.get(aline.id))?.ref).toBe(replacementRef);
    expect((await other.db.auditLog.toArray()).map((entry) => entry.action)).toContain('merge.apply');
  });

  it('after an erasure, neither a merge nor a restore of an older snapshot brings back copies of her name elsewhere', async () => {
    const { db, desk } = await createTestDatabase();
    const repositories = createRepositories(db, desk);
    const aline = await repositories.volunteers.create(
      newVolunteer({ firstName: 'Aline', lastName: 'Sauvegarde', email: 'aline.sauvegarde@exemple.fr' }),
    );
    // Copies of her identity NOT linked to her by id: an entry about something else, a friend's notes.
    await repositories.audit.append('mission.update', null, { note: 'Appel de Aline Sauvegarde pour la fresque' });
    await repositories.volunteers.create(
      newVolunteer({
        firstName: 'Bruno',
        lastName: 'Ami',
        notes: 'Vient avec Aline Sauvegarde (aline.sauvegarde@exemple.fr)',
      }),
    );
    const older = await repositories.backups.write();
    await repositories.privacy.erase(aline.id);
    const identity = /aline sauvegarde|sauvegarde aline|aline\.sauvegarde@exemple\.fr/i;
    const shared = async () =>
      JSON.stringify(await Promise.all(SHARED_TABLE_NAMES.map((table) => db.table(table).toArray())));

    await applyMerge(repositories, await repositories.merge.preview(older));
    expect(await shared()).not.toMatch(identity);
    expect((await db.volunteers.toArray()).map((volunteer) => volunteer.firstName).sort()).toEqual(['', 'Bruno']);

    await restoreBackup(repositories, older);
    expect(await shared()).not.toMatch(identity);
    expect((await db.volunteers.get(aline.id))?.firstName).toBe('');
    await db.close();
  });
});
