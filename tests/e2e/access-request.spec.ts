import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consent, ExportLogEntry } from '../../shared/domain/model';
import { encodeHlc } from '../../shared/records/hlc';
import { createRecord } from '../../shared/records/record';
import { searchKeys } from '../../shared/domain/search-keys';
import { generateVolunteerRef } from '../../shared/domain/volunteer-ref';
import { parseAccessRequest } from '../../shared/rights/access-request';
import { aMission, aShift, aSignUp, aVolunteer } from '../shared/domain/factories';
import { putRows, tableRows } from './app-database';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('access-request');

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HELENE = uuid(100);
const ZOE = uuid(101);

function aConsent(id: number, volunteerId: string, given: boolean, date: string, wallMs: number): Consent {
  return createRecord<Consent>(
    { volunteerId, purpose: 'city_sharing', given, date, noticeVersion: 'v2026', channel: 'paper' },
    { id: uuid(id), clock: encodeHlc({ wallMs, counter: 0, deskId: 'desk-e2e' }), createdAt: `${date}T10:00:00.000Z` },
  );
}

function anExport(id: number, volunteerIds: string[], fileName: string): ExportLogEntry {
  return {
    id: uuid(id),
    at: '2026-11-02T09:00:00.000Z',
    deskId: 'desk-e2e',
    operator: 'Inès',
    kind: 'city',
    profile: 'excel-fr',
    mode: 'pseudonymous',
    reason: null,
    periodFrom: '2026-10-01',
    periodTo: '2026-10-31',
    fileName,
    volunteerIds,
  };
}

/**
 * Hélène: signed up in two missions (present, hours as planned: 2.5 h and 3 h), consent given then withdrawn, in one
 * export. Zoé: in the first shift and in an export of her own. Written into IndexedDB as the app stores them.
 */
async function seed(page: Page): Promise<{ heleneRef: string; zoeRef: string }> {
  const people = [
    aVolunteer({ id: HELENE, ref: generateVolunteerRef(), firstName: 'Hélène', lastName: 'Le Fèvre' }),
    aVolunteer({
      id: ZOE,
      ref: generateVolunteerRef(),
      firstName: 'Zoé',
      lastName: 'Durand',
      email: 'zoe.durand@example.org',
      phone: '+33698765432',
    }),
  ];
  const missions = [
    aMission({ id: uuid(1), title: 'Ramassage du canal', placeName: 'Quai de Valmy' }),
    aMission({ id: uuid(2), title: 'Atelier réparation', placeName: 'Maison des associations' }),
  ];
  const shifts = [
    aShift({ id: uuid(11), missionId: uuid(1), start: '2026-10-10T08:00:00.000Z', end: '2026-10-10T10:30:00.000Z' }),
    aShift({ id: uuid(12), missionId: uuid(2), start: '2026-10-17T12:00:00.000Z', end: '2026-10-17T15:00:00.000Z' }),
  ];
  const present = { attendance: 'present', attendanceSource: 'manual' } as const;
  const signUps = [
    aSignUp({ id: uuid(21), shiftId: uuid(11), volunteerId: HELENE, ...present }),
    aSignUp({ id: uuid(22), shiftId: uuid(12), volunteerId: HELENE, ...present }),
    aSignUp({ id: uuid(23), shiftId: uuid(11), volunteerId: ZOE, ...present }),
  ];
  const consents = [
    aConsent(31, HELENE, true, '2026-01-10', Date.parse('2026-01-10T10:00:00Z')),
    aConsent(32, HELENE, false, '2026-11-20', Date.parse('2026-11-20T10:00:00Z')),
    aConsent(33, ZOE, true, '2026-02-01', Date.parse('2026-02-01T10:00:00Z')),
  ];
  const exportLog = [
    anExport(41, [HELENE, ZOE], 'volontaires-climat_octobre.zip'),
    anExport(42, [ZOE], 'volontaires-climat_zoe-seule.zip'),
  ];
  await putRows(page, {
    volunteers: people.map((person) => ({ ...person, searchKeys: searchKeys(person) })),
    missions,
    shifts,
    signUps,
    consents,
    exportLog,
  });
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  return { heleneRef: people[0]!.ref, zoeRef: people[1]!.ref };
}

async function auditEntries(page: Page) {
  type Row = { at: string; action: string; subjectId: string | null; operator: string; details: unknown };
  return (await tableRows<Row>(page, 'auditLog')).sort((a, b) => a.at.localeCompare(b.at));
}

/** The document title Chromium writes into the PDF's Info dictionary (UTF-16BE hex), decoded. */
function pdfTitle(pdf: Buffer): string | null {
  const match = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(pdf.toString('latin1'));
  if (!match?.[1]) return null;
  const bytes = Buffer.from(match[1], 'hex');
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2) text += String.fromCharCode(bytes.readUInt16BE(index));
  return text;
}

describe('access request (right of access)', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('shows one person’s data on a printable page, saves it as JSON read back byte for byte, and audits the hand-over', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    const { heleneRef, zoeRef } = await seed(page);

    await page.goto(page.url().replace(/#.*$/, `#/volunteers/${HELENE}`));
    await page.getByRole('heading', { level: 1, name: 'Hélène Le Fèvre' }).waitFor();
    await page.getByRole('link', { name: 'Accès aux données de Hélène Le Fèvre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Données personnelles de Hélène Le Fèvre' }).waitFor();

    const article = page.locator('[data-access-request]');
    const signUps = page.getByRole('table', { name: 'Inscriptions et heures' });
    await expect.poll(() => signUps.getByRole('row').count()).toBe(3);
    expect(await signUps.textContent()).toContain('Ramassage du canal');
    expect(await signUps.textContent()).toContain('Atelier réparation');
    expect(await signUps.textContent()).toContain('2,5 h');
    await page.getByText('Total : 5,5 h de bénévolat').waitFor();
    const consents = page.getByRole('table', { name: 'Consentements (historique complet)' });
    await expect.poll(() => consents.getByRole('row').count()).toBe(3);
    expect(await consents.textContent()).toContain('refusé');
    const exportsText = await page.getByRole('table', { name: 'Exports qui contenaient vos données' }).textContent();
    expect(exportsText).toContain('volontaires-climat_octobre.zip');
    expect(exportsText).not.toContain('zoe-seule');
    const pageText = (await article.textContent()) ?? '';
    for (const foreign of ['Zoé', 'Durand', zoeRef, 'zoe.durand@example.org']) expect(pageText).not.toContain(foreign);
    expect(await axeViolations(page)).toEqual([]);

    // The JSON file, as downloaded: UTF-8 bytes that parse against the documented schema.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Enregistrer le fichier JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`acces-donnees-${heleneRef}.json`);
    const bytes = await readFile(await files.saveDownload(file));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const document = parseAccessRequest(text);
    expect(document).toMatchObject({ format: 'desk-climat/access-request', version: 1 });
    expect(document.volunteer).toMatchObject({ id: HELENE, ref: heleneRef, firstName: 'Hélène' });
    expect(document.signUps.map((s) => [s.missionTitle, s.hoursHundredths])).toEqual([
      ['Ramassage du canal', 250],
      ['Atelier réparation', 300],
    ]);
    expect(document.totalHoursHundredths).toBe(550);
    expect(document.consents.map((c) => [c.given, c.current])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(document.exports.map((e) => e.fileName)).toEqual(['volontaires-climat_octobre.zip']);
    for (const foreign of ['Zoé', 'Durand', zoeRef, ZOE, 'zoe.durand@example.org', uuid(23), uuid(33)]) {
      expect(text).not.toContain(foreign);
    }
    await page.getByRole('status').filter({ hasText: 'Fichier enregistré' }).waitFor();

    // The printable page, as Chromium prints it to A4: a PDF titled with the person's name, the app's frame hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Enregistrer le fichier JSON' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(pdf)).toBe('Données personnelles de Hélène Le Fèvre');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);

    // The print button (the browser's print dialog here, the shell's PDF in Electron) is a hand-over too.
    await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).click();
    await page.getByRole('status').filter({ hasText: 'L’impression est notée' }).waitFor();

    // Audited, with the person's id and nothing that names her.
    const entries = (await auditEntries(page)).filter((entry) => entry.action === 'access.request');
    expect(entries.map((entry) => entry.details)).toEqual([{ delivery: 'json' }, { delivery: 'print' }]);
    for (const entry of entries) {
      expect(entry.subjectId).toBe(HELENE);
      for (const personal of ['Hélène', 'Le Fèvre', heleneRef]) expect(JSON.stringify(entry)).not.toContain(personal);
    }
    expect(foreignRequests(session)).toEqual([]);
  });
});
