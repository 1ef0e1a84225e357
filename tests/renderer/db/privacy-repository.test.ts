import { describe, expect, it } from 'vitest';
import { createDexieRecordSource } from '../../../renderer/db/dexie-store';
import { ERASE_ACTION, RETENTION_ACTION } from '../../../renderer/db/repositories/privacy-repository';
import { DEFAULT_SETTINGS, type ExportLogEntry } from '../../../shared/domain/model';
import { cityExportCsv, prepareCityExport } from '../../../shared/export';
import { createStoreWithShift, newVolunteer } from './test-database';

/** A past shift (28 Nov 2026, 08:00–11:00 UTC) with two people, one a minor with a guardian, and hours declared. */
async function setUp() {
  const store = await createStoreWithShift({ now: '2026-11-28T12:00:00Z', operator: 'Camille', capacity: 5 });
  const { repositories, shift } = store;
  const awa = await repositories.volunteers.create(
    newVolunteer({
      firstName: 'Awa',
      lastName: 'Diallo',
      email: 'awa.diallo@example.org',
      phone: '+33611223344',
      notes: 'Allergique aux guêpes',
      guardianName: 'Mariam Diallo',
      guardianPhone: '+33699887766',
      parentalAuthorisation: 'received',
    }),
  );
  // Another volunteer's notes that quote her, not linked to her by id.
  const bruno = await repositories.volunteers.create(
    newVolunteer({
      firstName: 'Bruno',
      lastName: 'Martin',
      notes: 'Covoiturage avec Awa Diallo (awa.diallo@example.org)',
    }),
  );
  await repositories.consents.record(awa.id, {
    purpose: 'city_sharing',
    given: true,
    date: '2026-11-01',
    noticeVersion: '1',
    channel: 'desk',
  });
  const signed = await repositories.signUps.signUp(awa.id, shift.id, 'volunteer', { kind: 'sign-up' });
  await repositories.signUps.signUp(bruno.id, shift.id, 'volunteer', { kind: 'sign-up' });
  if (!signed.ok) throw new Error('sign-up');
  await repositories.signUps.declareHours(signed.signUp.id, 2.5, 'Partie plus tôt, prévenue par Awa Diallo');
  // An audit entry about something else that copied her name, and an earlier export that carried her.
  await repositories.audit.append('note', null, { text: 'Appel de awa diallo pour le planning' });
  const earlier: ExportLogEntry = {
    id: '00000000-0000-4000-8000-00000000e001',
    at: '2026-11-20T10:00:00.000Z',
    deskId: repositories.desk.deskId,
    operator: 'Camille',
    kind: 'city',
    profile: 'excel-fr',
    mode: 'named',
    reason: 'Demande de la mairie du 19e',
    periodFrom: '2026-10-01',
    periodTo: '2026-10-31',
    fileName: 'export-octobre.zip',
    volunteerIds: [awa.id, bruno.id],
  };
  await store.db.exportLog.add(earlier);
  return { ...store, awa, bruno, signUpId: signed.signUp.id, earlier };
}

/** Every row of every table as text, to look for a name anywhere. */
async function wholeStore(db: Awaited<ReturnType<typeof setUp>>['db']): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => JSON.stringify(await table.toArray())));
  return tables.join('\n');
}

async function participationsCsv(db: Awaited<ReturnType<typeof setUp>>['db']): Promise<string> {
  const prepared = await prepareCityExport(createDexieRecordSource(db), {
    from: '2026-11-01',
    to: '2026-11-30',
    profile: 'open-data',
    mode: 'pseudonymous',
    settings: { associationName: 'A', rna: null, siret: null, cancellationCutoffHours: 24 },
  });
  return [...cityExportCsv(prepared, 'participations')].join('');
}

describe('privacy repository: erasure', () => {
  it('lists the earlier exports that carried the person', async () => {
    const { repositories, awa, earlier } = await setUp();
    expect(await repositories.privacy.exportsContaining(awa.id)).toEqual([earlier]);
  });

  it('removes identity and contacts everywhere, keeps participations and hours under a new reference', async () => {
    const { db, repositories, awa, bruno, signUpId } = await setUp();
    const before = await participationsCsv(db);
    expect(before).toContain(awa.ref);
    const hoursBefore = (await db.signUps.get(signUpId))?.declaredHours;

    const { replacementRef } = await repositories.privacy.erase(awa.id);

    const store = await wholeStore(db);
    for (const text of ['Awa', 'Diallo', 'awa.diallo', '33611223344', '0611223344', 'Mariam', 'guêpes', awa.ref]) {
      expect(store.toLowerCase()).not.toContain(text.toLowerCase());
    }
    expect(store).toContain('Bruno');
    const erased = await db.volunteers.get(awa.id);
    expect(erased).toMatchObject({ firstName: '', lastName: '', email: null, ref: replacementRef });
    expect(erased?.deleted).toBe(false);
    const signUp = await db.signUps.get(signUpId);
    expect(signUp).toMatchObject({ volunteerId: awa.id, declaredHours: hoursBefore, declaredReason: '' });
    expect((await db.consents.where('volunteerId').equals(awa.id).toArray()).every((c) => c.deleted)).toBe(true);
    expect(await db.erasures.get(awa.id)).toMatchObject({ replacementRef });
    const entry = (await db.auditLog.where('action').equals(ERASE_ACTION).toArray())[0];
    expect(entry).toMatchObject({ subjectId: awa.id, operator: 'Camille' });
    expect(entry?.details).toMatchObject({ earlierExports: 1 });
    const brunoAfter = await db.volunteers.get(bruno.id);
    expect(brunoAfter).toMatchObject({ firstName: 'Bruno', lastName: 'Martin' });
    expect(brunoAfter?.notes).toMatch(/^Covoiturage avec/);
    // Cleaned with a fresh clock, so that the other desks receive the cleaned note.
    expect(brunoAfter?.clocks.notes).not.toBe(bruno.clocks.notes);

    // The export shows the erased person as the contract says: the new reference, no age band, still counted.
    const after = await participationsCsv(db);
    expect(after).toContain(replacementRef);
    expect(after).not.toContain(awa.ref);
    expect(after.split('\n').filter((line) => line.trim()).length).toBe(
      before.split('\n').filter((line) => line.trim()).length,
    );
    await expect(repositories.privacy.erase(awa.id)).rejects.toThrow(/already_erased/);
  });

  it('is all or nothing: a failure at the last write leaves every table as it was', async () => {
    const { db, repositories, awa } = await setUp();
    const before = await wholeStore(db);
    // A real Dexie hook that fails like a full disk on the last write of the erasure (its audit entry).
    const fail = () => {
      throw new Error('QuotaExceededError');
    };
    db.auditLog.hook('creating', fail);
    await expect(repositories.privacy.erase(awa.id)).rejects.toThrow('QuotaExceededError');
    db.auditLog.hook('creating').unsubscribe(fail);
    expect(await wholeStore(db)).toBe(before);
  });
});

describe('privacy repository: retention', () => {
  it('plans, then applies exactly what was shown, in one transaction with one audit entry', async () => {
    // Two years and a month after the shift, Awa (a minor with a guardian) and Bruno have been inactive long enough.
    const { db, desk, repositories, awa, bruno } = await setUp();
    await repositories.settings.save({ ...DEFAULT_SETTINGS, retentionMonths: 1 });
    await db.volunteers.update(awa.id, { createdAt: '2026-01-01T00:00:00.000Z' });
    await db.volunteers.update(bruno.id, { createdAt: '2026-01-01T00:00:00.000Z' });
    // One month and a day later, Bruno is inactive; Awa took part in a shift yesterday: guardian data only.
    const plan = await repositories.privacy.retentionPlan();
    expect(plan).toEqual([]);
    const later = Date.parse('2026-12-29T12:00:00Z');
    const laterDesk = { ...desk, now: () => new Date(later) };
    const { createRepositories } = await import('../../../renderer/db/repositories-context');
    const repositoriesLater = createRepositories(db, laterDesk);
    const shown = await repositoriesLater.privacy.retentionPlan();
    expect(shown.map(({ action }) => [action.kind, action.volunteerId]).sort()).toEqual(
      [
        ['anonymise', awa.id],
        ['anonymise', bruno.id],
      ].sort(),
    );
    // Switch off anonymisation: only the guardian purge remains for Awa.
    await repositoriesLater.settings.save({
      ...DEFAULT_SETTINGS,
      retentionMonths: 1,
      retentionAnonymiseInactive: false,
    });
    const purgeOnly = await repositoriesLater.privacy.retentionPlan();
    expect(purgeOnly.map(({ action }) => [action.kind, action.volunteerId])).toEqual([['purge_guardian', awa.id]]);
    const result = await repositoriesLater.privacy.applyRetention(purgeOnly.map(({ action }) => action));
    expect(result).toEqual({ anonymised: 0, purged: 1 });
    expect(await db.volunteers.get(awa.id)).toMatchObject({
      firstName: 'Awa',
      guardianName: null,
      guardianPhone: null,
      parentalAuthorisation: null,
    });
    expect(await db.auditLog.where('action').equals(RETENTION_ACTION).count()).toBe(1);
    // Idempotent: nothing left to do.
    expect(await repositoriesLater.privacy.retentionPlan()).toEqual([]);

    // Anonymisation back on: both, in one pass, each under a new reference of their own; hours kept.
    await repositoriesLater.settings.save({ ...DEFAULT_SETTINGS, retentionMonths: 1 });
    const both = await repositoriesLater.privacy.retentionPlan();
    expect(await repositoriesLater.privacy.applyRetention(both.map(({ action }) => action))).toEqual({
      anonymised: 2,
      purged: 0,
    });
    const register = await db.erasures.toArray();
    expect(register.map((erasure) => erasure.volunteerId).sort()).toEqual([awa.id, bruno.id].sort());
    expect(new Set(register.map((erasure) => erasure.replacementRef)).size).toBe(2);
    expect(JSON.stringify(await db.volunteers.toArray())).not.toMatch(/Awa|Bruno/);
    expect((await db.signUps.toArray()).find((signUp) => signUp.volunteerId === awa.id)?.declaredHours).toBe(2.5);
    expect(await db.auditLog.where('action').equals(RETENTION_ACTION).count()).toBe(2);
    expect(await repositoriesLater.privacy.retentionPlan()).toEqual([]);
  });
});

describe('privacy repository: possible duplicates', () => {
  it('finds the same person under two ids, merges on request keeping the older, and remembers a dismissal', async () => {
    const { db, repositories, awa } = await setUp();
    const twin = await repositories.volunteers.create(
      newVolunteer({ firstName: 'Awa', lastName: 'DIALLO', email: 'Awa.Diallo@example.org' }),
    );
    const other = await repositories.volunteers.create(
      newVolunteer({ firstName: 'Chloé', lastName: 'Petit', phone: '+33600000001' }),
    );
    const otherTwin = await repositories.volunteers.create(
      newVolunteer({ firstName: 'Chloe', lastName: 'Petit-Roux', phone: '+33600000001' }),
    );
    expect(await repositories.privacy.findDuplicates()).toBe(2);
    const pending = await repositories.privacy.pendingDuplicates();
    expect(pending).toHaveLength(2);
    // Nothing merged automatically.
    expect((await db.volunteers.get(twin.id))?.deleted).toBe(false);

    const awaPair = pending.find((review) => review.item.recordIds.includes(awa.id));
    expect(awaPair?.rules).toEqual(['same_email']);
    const merged = await repositories.privacy.mergeDuplicate(awaPair!.item.id);
    expect(merged).toEqual({ keptId: awa.id, mergedId: twin.id });
    expect((await db.volunteers.get(twin.id))?.deleted).toBe(true);
    expect(await db.aliases.where('fromVolunteerId').equals(twin.id).first()).toMatchObject({
      toVolunteerId: awa.id,
      fromRef: twin.ref,
    });

    const chloePair = pending.find((review) => review.item.recordIds.includes(other.id));
    expect(chloePair?.item.recordIds).toContain(otherTwin.id);
    await repositories.privacy.dismissDuplicate(chloePair!.item.id);
    expect(await repositories.privacy.pendingDuplicates()).toEqual([]);
    expect(await repositories.privacy.findDuplicates()).toBe(0);
    expect((await db.volunteers.get(other.id))?.deleted).toBe(false);

    // Erasing the kept record erases the person under both ids: the merged-in record and the alias lose her too.
    const { replacementRef } = await repositories.privacy.erase(awa.id);
    const twinAfter = await db.volunteers.get(twin.id);
    expect(twinAfter).toMatchObject({ firstName: '', email: null, deleted: true });
    expect(twinAfter?.ref).not.toBe(twin.ref);
    expect((await db.aliases.where('fromVolunteerId').equals(twin.id).first())?.fromRef).not.toBe(twin.ref);
    expect(await repositories.privacy.erasedReference(twin.id)).not.toBeNull();
    expect(await repositories.privacy.erasedReference(awa.id)).toBe(replacementRef);
    await expect(repositories.privacy.erase(twin.id)).rejects.toThrow(/unknown/);
    expect(JSON.stringify(await db.volunteers.toArray())).not.toMatch(/diallo/i);
  });
});
