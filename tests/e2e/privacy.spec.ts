import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportLogEntry, Mission, Shift, SignUp, Volunteer } from '../../shared/domain/model';
import { searchKeys } from '../../shared/domain/search-keys';
import { encodeHlc } from '../../shared/records/hlc';
import { createRecord } from '../../shared/records/record';
import { aMission, aShift, aSignUp, aVolunteer } from '../shared/domain/factories';
import { putRows, readTables } from './app-database';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('privacy');

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name }).click();

const clock = encodeHlc({ wallMs: Date.parse('2026-10-01T10:00:00Z'), counter: 0, deskId: 'seed' });
const seeded = <T extends { id: string; createdAt: string; clocks: Record<string, string>; deleted: boolean }>(
  record: T,
): T => {
  const { id, createdAt, clocks: _clocks, deleted: _deleted, ...fields } = record;
  return createRecord<T>(fields as never, { id, clock, createdAt });
};

/** The declared hours of every live sign-up of a mission's shifts: what the city receives for it. */
function missionHours(store: Record<string, unknown[]>, missionId: string): number {
  const shifts = new Set((store.shifts as Shift[]).filter((s) => s.missionId === missionId).map((s) => s.id));
  return (store.signUps as SignUp[])
    .filter((s) => shifts.has(s.shiftId) && !s.deleted)
    .reduce((sum, s) => sum + (s.declaredHours ?? 0), 0);
}

async function createVolunteer(page: Page, first: string, last: string, email: string, anyway = false) {
  await nav(page, 'Bénévoles');
  await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
  await page.getByLabel('Prénom').fill(first);
  await page.getByLabel('Nom', { exact: true }).fill(last);
  await page.getByLabel('Courriel').fill(email);
  await page.getByRole('button', { name: 'Créer' }).click();
  if (anyway) await page.getByRole('button', { name: 'Créer quand même' }).click();
  await page.getByRole('heading', { level: 1, name: `${first} ${last}` }).waitFor();
  return page.url().split('/volunteers/')[1] as string;
}

describe('people’s rights', () => {
  const sessions: E2eSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  it('erases a volunteer everywhere, keeps the mission’s hours, and an older snapshot does not bring them back', async () => {
    const session = await openApp();
    sessions.push(session);
    const { page } = session;
    await completeFirstStart(page);
    const awaId = await createVolunteer(page, 'Awa', 'Diallo', 'awa.diallo@example.org');
    const mission = seeded<Mission>(aMission({ id: 'mission-e2e', title: 'Berges propres' }));
    const shift = seeded<Shift>(aShift({ id: 'shift-e2e', missionId: mission.id }));
    const signUp = seeded<SignUp>(
      aSignUp({ id: 'signup-e2e', shiftId: shift.id, volunteerId: awaId, attendance: 'present', declaredHours: 3 }),
    );
    const exported: ExportLogEntry = {
      id: 'export-e2e',
      at: '2026-11-02T09:00:00.000Z',
      deskId: 'seed',
      operator: 'Camille',
      kind: 'city',
      profile: 'excel-fr',
      mode: 'named',
      reason: 'Mairie du 19e',
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      fileName: 'volontaires-octobre.zip',
      volunteerIds: [awaId],
    };
    await putRows(page, { missions: [mission], shifts: [shift], signUps: [signUp], exportLog: [exported] });
    const hoursBefore = missionHours(await readTables(page), mission.id);
    expect(hoursBefore).toBe(3);

    // An older snapshot, still holding Awa, as another desk would have it.
    await nav(page, 'Paramètres');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Enregistrer une sauvegarde' }).click();
    const older = await files.saveDownload(download);

    // Erase, by keyboard: the dialog lists the export that carried her, and wants her name typed.
    await page.goto(`${session.server.origin}/index.html#/volunteers/${awaId}`);
    await page.getByRole('heading', { level: 1, name: 'Awa Diallo' }).waitFor();
    await page.getByRole('button', { name: 'Effacer cette personne…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Effacer Awa Diallo' });
    await dialog.getByRole('cell', { name: 'volontaires-octobre.zip' }).waitFor();
    await dialog.getByRole('cell', { name: 'Mairie du 19e' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.type('Awa Dupont');
    await page.keyboard.press('Enter');
    await dialog.getByText('Le nom tapé ne correspond pas. Tapez exactement : Awa Diallo').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('awa diallo');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'La personne a été effacée.' }).waitFor();
    // Her page keeps only what the participations need: no identity form, no new sign-up.
    await page
      .getByText(/^Personne effacée|La personne a été effacée/)
      .first()
      .waitFor();
    expect(await page.getByLabel('Prénom').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const check = async () => {
      const store = await readTables(page);
      const text = JSON.stringify(store).toLowerCase();
      // Her reference is random: "awa" alone could be in one by chance, so the name is looked for as whole values.
      for (const piece of ['diallo', '"awa"', 'awa diallo', 'awa.diallo']) expect(text).not.toContain(piece);
      expect(missionHours(store, mission.id)).toBe(hoursBefore);
      const erased = (store.volunteers as Volunteer[]).find((volunteer) => volunteer.id === awaId);
      expect(erased).toMatchObject({ firstName: '', lastName: '', email: null, deleted: false });
      expect((store.erasures as { volunteerId: string }[]).map((erasure) => erasure.volunteerId)).toEqual([awaId]);
      return erased?.ref;
    };
    const replacementRef = await check();

    // The older snapshot merged in: the register wins, she does not come back.
    await nav(page, 'Paramètres');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir la sauvegarde d’un autre poste…' }).click();
    await (await chooser).setFiles(older);
    await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'La fusion est faite.' }).waitFor();
    expect(await check()).toBe(replacementRef);
    expect(foreignRequests(session)).toEqual([]);
  });

  it('reviews then applies the retention policy, and merges two records of one person after review', async () => {
    const session = await openApp();
    sessions.push(session);
    const { page } = session;
    await completeFirstStart(page);
    // Someone registered in 2020 who never took part: beyond the default 24 months.
    const old = seeded<Volunteer>(
      aVolunteer({ id: 'old-e2e', firstName: 'Octave', lastName: 'Ancien', createdAt: '2020-03-01T09:00:00.000Z' }),
    );
    await putRows(page, { volunteers: [{ ...old, searchKeys: searchKeys(old) }] });
    const first = await createVolunteer(page, 'Chloé', 'Petit', 'chloe.petit@example.org');
    const second = await createVolunteer(page, 'Chloe', 'Petit', 'Chloe.Petit@example.org', true);

    await nav(page, 'Données personnelles');
    await page.getByRole('heading', { level: 1, name: 'Données personnelles' }).waitFor();
    await page.getByRole('button', { name: 'Voir ce que la règle ferait aujourd’hui' }).click();
    const row = page.getByRole('row', { name: /Octave Ancien/ });
    await row.getByRole('cell', { name: 'Anonymiser (effacement)' }).waitFor();
    await row.getByRole('cell', { name: /Aucune participation, enregistrée le/ }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Appliquer cette action' }).click();
    await page.getByRole('status').filter({ hasText: 'Fait : 1 personne(s) anonymisée(s)' }).waitFor();
    let store = await readTables(page);
    expect(JSON.stringify(store)).not.toContain('Octave');
    expect((store.auditLog as { action: string }[]).map((entry) => entry.action)).toContain('retention.apply');

    await page.getByRole('button', { name: 'Chercher les doublons sur ce poste' }).click();
    await page.getByRole('status').filter({ hasText: '1 doublon possible ajouté à la liste.' }).waitFor();
    const pair = page.getByRole('article', { name: 'Même personne ? (même e-mail)' });
    // Side by side: both records, each with its own spelling of the e-mail.
    await pair.getByText('chloe.petit@example.org', { exact: true }).waitFor();
    await pair.getByText('Chloe.Petit@example.org', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await pair.getByRole('button', { name: 'Même personne : fusionner' }).click();
    await page.getByRole('status').filter({ hasText: 'Fiches fusionnées' }).waitFor();
    await page.getByText('Aucun doublon possible à examiner.').waitFor();
    store = await readTables(page);
    const volunteers = store.volunteers as Volunteer[];
    expect(volunteers.find((v) => v.id === first)?.deleted).toBe(false);
    expect(volunteers.find((v) => v.id === second)?.deleted).toBe(true);
    expect(store.aliases).toMatchObject([{ fromVolunteerId: second, toVolunteerId: first }]);
    expect(foreignRequests(session)).toEqual([]);
  });
});
