import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { searchKeys } from '../../shared/domain/search-keys';
import { generateVolunteerRef } from '../../shared/domain/volunteer-ref';
import {
  DEFAULT_MESSAGE_TEMPLATES,
  fillTemplate,
  personPlaceholderValues,
  shiftPlaceholderValues,
  smsCsv,
} from '../../shared/messaging';
import { aMission, aShift, aSignUp, aVolunteer } from '../shared/domain/factories';
import { putRows, tableRows } from './app-database';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('contact');

/** Reaching volunteers (issue #15): mail batches from a roster, the SMS CSV, reminders marked, a convocation. */

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CONTACT = 'contact@amis-du-climat.fr';

const PEOPLE = [
  // first name, last name, e-mail, phone, SMS consent, promoted and to confirm
  ['Hélène', 'Le Fèvre', 'helene@example.org', '+33612345678', true, false],
  ['Zoé', 'Durand', 'zoe@example.org', '+33698765432', false, false],
  ['François', 'Müller', null, '+447700900123', true, false],
  ['Awa', 'N’Diaye', 'awa@example.org', null, true, true],
] as const;

async function seed(page: Page) {
  // Tomorrow at 09:30 UTC: within the default 48-hour reminder window.
  const start = new Date(Date.now() + 24 * 3_600_000);
  start.setUTCHours(9, 30, 0, 0);
  const mission = aMission({
    id: uuid(1),
    title: 'Ramassage du canal',
    placeName: 'Quai de Valmy',
    address: '10 quai de Valmy',
    postcode: '75010',
    whatToBring: 'Gants',
    referentName: 'Camille',
  });
  const shift = aShift({
    id: uuid(2),
    missionId: mission.id,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    capacity: 20,
  });
  const volunteers = PEOPLE.map(([firstName, lastName, email, phone], index) => {
    const volunteer = aVolunteer({
      id: uuid(100 + index),
      ref: generateVolunteerRef(),
      firstName,
      lastName,
      email,
      phone,
    });
    return { ...volunteer, searchKeys: searchKeys(volunteer) };
  });
  const signUps = PEOPLE.map((person, index) =>
    aSignUp({ id: uuid(200 + index), shiftId: shift.id, volunteerId: uuid(100 + index), toConfirm: person[5] }),
  );
  const consents = PEOPLE.map((person, index) => ({
    id: uuid(300 + index),
    createdAt: '2026-01-01T00:00:00.000Z',
    clocks: {},
    deleted: false,
    volunteerId: uuid(100 + index),
    purpose: 'sms',
    given: person[4],
    date: '2026-01-01',
    noticeVersion: 'v1',
    channel: 'desk',
  }));
  await page.evaluate(
    async ({ tables, contactEmail }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('desk-climat');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction([...Object.keys(tables), 'settings'], 'readwrite');
      for (const [name, rows] of Object.entries(tables)) for (const row of rows) tx.objectStore(name).put(row);
      const settings = tx.objectStore('settings');
      const request = settings.get('settings');
      request.onsuccess = () => settings.put({ ...request.result, contactEmail });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      tables: { missions: [mission], shifts: [shift], volunteers, signUps, consents } as Record<string, unknown[]>,
      contactEmail: CONTACT,
    },
  );
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  return { mission, shift, volunteers };
}

/** The browser fallback opens `mailto:` with window.open: record the URLs instead of leaving the page. */
async function recordOpenedUrls(page: Page) {
  await page.evaluate(() => {
    const opened: string[] = [];
    (window as unknown as { openedUrls: string[] }).openedUrls = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
}
const openedUrls = (page: Page) => page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls);

async function auditActions(
  page: Page,
): Promise<{ at: string; action: string; subjectId: string | null; details: unknown }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('desk-climat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ at: string; action: string; subjectId: string | null; details: unknown }[]>(
      (resolve) => {
        const request = db.transaction('auditLog').objectStore('auditLog').getAll();
        request.onsuccess = () => resolve(request.result);
      },
    );
    db.close();
    // In the order they were written (ids are random).
    return rows.filter((row) => row.action.startsWith('contact.')).sort((a, b) => a.at.localeCompare(b.at));
  });
}

describe('reaching volunteers', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('prepares mail batches from a roster, saves the SMS CSV, marks reminders and prints a convocation', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    const { mission, shift } = await seed(page);

    // The roster: "Contacter" with the four people coming.
    await page.goto(`${session.server.origin}/index.html#/shifts/${shift.id}`);
    const contact = page.getByRole('region', { name: 'Contacter' });
    await contact.getByText('3 personne(s) avec une adresse e-mail, 1 sans\u00a0; 2 accepte(nt) les SMS.').waitFor();
    await recordOpenedUrls(page);
    await contact.getByRole('button', { name: 'Préparer les e-mails' }).click();
    await contact.getByRole('button', { name: 'Ouvrir le lot 1 (3 adresse(s))' }).click();
    await contact.getByText('Lot 1 ouvert dans la messagerie.').waitFor();
    const [url] = await openedUrls(page);
    expect(url).toMatch(
      /^mailto:contact@amis-du-climat\.fr\?bcc=helene@example\.org,zoe@example\.org,awa@example\.org&subject=/,
    );
    const parsed = new URL(url!);
    expect(parsed.searchParams.get('subject')).toBe(`Rappel : ${mission.title} le ${shiftValues(mission, shift).date}`);
    expect(parsed.searchParams.get('body')).toContain('\r\nLieu : Quai de Valmy, 10 quai de Valmy 75010\r\n');
    expect(await axeViolations(page)).toEqual([]);

    // The SMS CSV with the SMS template: Hélène and François (consent and phone); not Zoé (no consent), not Awa (no phone).
    await contact.getByRole('button', { name: /Modèle de message/ }).click();
    await page.getByRole('option', { name: 'Rappel SMS (FR)' }).click();
    const download = page.waitForEvent('download');
    await contact.getByRole('button', { name: 'Télécharger le CSV pour SMS' }).click();
    const file = await download;
    const bytes = await readFile(await files.saveDownload(file));
    const template = DEFAULT_MESSAGE_TEMPLATES.find((candidate) => candidate.id === 'sms-fr')!;
    const expected = smsCsv(
      PEOPLE.map(([firstName, lastName, , phone, sms], index) => {
        const filled = fillTemplate(template.body, {
          ...shiftValues(mission, shift),
          ...personPlaceholderValues({ firstName, lastName }),
        });
        if (!filled.ok) throw new Error('template');
        return { volunteerId: uuid(100 + index), phone, smsConsent: sms, message: filled.text };
      }),
    );
    expect(bytes.equals(Buffer.from(expected.text, 'utf8'))).toBe(true);
    expect(expected.text.split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'telephone',
      '+33612345678',
      '+447700900123',
      '',
    ]);

    // Reminders: four people, Awa promoted and to confirm stands out; prepare, mark, and only Awa stays.
    await contact.getByRole('link', { name: 'Rappels à envoyer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rappels' }).waitFor();
    const people = page.getByRole('table', { name: 'Personnes à rappeler' });
    await expect.poll(() => people.getByRole('row').count()).toBe(5);
    expect(await people.getByRole('row').nth(1).textContent()).toContain(
      'Promu·e depuis la liste d’attente, à confirmer',
    );
    await recordOpenedUrls(page);
    await page.getByRole('button', { name: 'Préparer les e-mails' }).click();
    await page.getByRole('button', { name: 'Ouvrir le lot 1 (3 adresse(s))' }).click();
    await expect.poll(async () => (await openedUrls(page)).length).toBe(1);
    await page.getByRole('button', { name: 'Marquer ces 4 personne(s) comme rappelées' }).click();
    await expect.poll(() => people.getByRole('row').count()).toBe(2);
    expect(await people.getByRole('row').nth(1).textContent()).toMatch(/Awa N’Diaye.*Rappelé·e le .* par /);
    const log = await auditActions(page);
    expect(
      log
        .filter((entry) => entry.action === 'contact.reminded')
        .map((entry) => entry.subjectId)
        .sort(),
    ).toEqual([uuid(200), uuid(201), uuid(202), uuid(203)]);
    expect(log.filter((entry) => entry.action === 'contact.prepare').map((entry) => entry.details)).toEqual([
      { list: 'shift', listId: shift.id, kind: 'mailto', count: 3, template: 'rappel-fr' },
      { list: 'shift', listId: shift.id, kind: 'sms_csv', count: 2, template: 'sms-fr' },
      { list: 'reminders', listId: shift.id, kind: 'mailto', count: 3, template: 'rappel-fr' },
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // The convocation of Hélène renders to one A4 PDF page, with her reference as a barcode.
    await page.goto(`${session.server.origin}/index.html#/convocation/${uuid(200)}`);
    await page.getByRole('heading', { level: 1, name: 'Convocation — Hélène Le Fèvre' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);

    // The volunteers list as filtered: "Contacter" takes every match (here all four).
    await page.goto(`${session.server.origin}/index.html#/volunteers`);
    await page.getByRole('button', { name: 'Contacter les personnes de cette liste' }).click();
    await page
      .getByRole('region', { name: 'Contacter' })
      .getByText('3 personne(s) avec une adresse e-mail, 1 sans\u00a0; 2 accepte(nt) les SMS.')
      .waitFor();

    expect(foreignRequests(session)).toEqual([]);
  });
});

function shiftValues(mission: ReturnType<typeof aMission>, shift: ReturnType<typeof aShift>) {
  return shiftPlaceholderValues(mission, shift, { language: 'fr', contact: CONTACT });
}

describe('contacting one volunteer from their page', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('writes to them from a template, saves their invitation, then the cancellation once their sign-up is cancelled', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    const { mission, shift } = await seed(page);
    await page.goto(`${session.server.origin}/index.html#/volunteers/${uuid(100)}`);
    const contact = page.getByRole('region', { name: 'Contacter' });
    await recordOpenedUrls(page);
    await contact.getByRole('button', { name: 'Écrire à helene@example.org' }).click();
    await contact.getByText('Message à Hélène Le Fèvre ouvert dans la messagerie.').waitFor();
    const [url] = await openedUrls(page);
    const written = new URL(url!);
    expect(written.pathname).toBe('helene@example.org');
    expect(written.searchParams.get('subject')).toBe(
      `Rappel : ${mission.title} le ${shiftValues(mission, shift).date}`,
    );
    expect(await axeViolations(page)).toEqual([]);

    // Her invitation, then her sign-up cancelled (as another desk's merge would bring it): the cancellation is due.
    const shiftLabel = new RegExp(`^Invitation \\.ics — ${mission.title}, `);
    const invitation = await readFile(
      await files.saveDownload(
        Promise.all([page.waitForEvent('download'), contact.getByRole('button', { name: shiftLabel }).click()]).then(
          ([download]) => download,
        ),
      ),
      'utf8',
    );
    await contact.getByText(/invitation envoyée le .*, à jour/).waitFor();
    const [signUp] = (await tableRows<{ id: string; status: string }>(page, 'signUps')).filter(
      (row) => row.id === uuid(200),
    );
    await putRows(page, { signUps: [{ ...signUp, status: 'cancelled' }] });
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await contact.getByText(/annulé depuis l’invitation du .*\s: envoyez l’annulation/).waitFor();
    const cancellation = await readFile(
      await files.saveDownload(
        Promise.all([
          page.waitForEvent('download'),
          contact.getByRole('button', { name: new RegExp(`^Annulation \\.ics — ${mission.title}, `) }).click(),
        ]).then(([download]) => download),
      ),
      'utf8',
    );
    const sent = calendarEvent(invitation);
    const cancelled = calendarEvent(cancellation);
    expect(sent).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED' });
    expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: sent.uid, start: sent.start });
    expect(cancelled.sequence).toBeGreaterThan(sent.sequence);
    expect(
      (await auditActions(page))
        .filter((entry) => entry.action === 'contact.invitation')
        .map((entry) => [entry.subjectId, (entry.details as { method: string }).method]),
    ).toEqual([
      [uuid(200), 'REQUEST'],
      [uuid(200), 'CANCEL'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(foreignRequests(session)).toEqual([]);
  });
});

function calendarEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    status: vevent.getFirstPropertyValue('status'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
  };
}

describe('message templates in Settings', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('refuses an unknown placeholder by its name, keeps the old text, then saves a corrected one', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await page.getByRole('link', { name: 'Paramètres' }).click();
    const section = page.getByRole('region', { name: 'Modèles de messages et rappels' });
    await section.getByLabel('Texte').fill('Bonjour, rendez-vous {lieux} à {heure_debut}.');
    await section.getByRole('button', { name: 'Enregistrer le modèle' }).click();
    await section.getByText('Le champ lieux n’existe pas.').waitFor();
    await section.getByText('Le modèle n’a pas été enregistré\u00a0: corrigez les champs signalés.').waitFor();
    expect(await storedTemplates(page)).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);

    await section.getByLabel('Texte').fill('Bonjour, rendez-vous {lieu} à {heure_debut}.');
    await section.getByRole('button', { name: 'Enregistrer le modèle' }).click();
    await section.getByText('Modèle enregistré.').waitFor();
    const saved = await storedTemplates(page);
    expect(saved?.find((template) => template.id === 'rappel-fr')?.body).toBe(
      'Bonjour, rendez-vous {lieu} à {heure_debut}.',
    );
    // The other defaults are kept alongside.
    expect(saved?.map((template) => template.id)).toEqual(DEFAULT_MESSAGE_TEMPLATES.map((template) => template.id));
    expect(foreignRequests(session)).toEqual([]);
  });
});

async function storedTemplates(page: Page): Promise<{ id: string; body: string }[] | undefined> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('desk-climat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ messageTemplates?: { id: string; body: string }[] }>((resolve) => {
      const request = db.transaction('settings').objectStore('settings').get('settings');
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return row.messageTemplates;
  });
}
