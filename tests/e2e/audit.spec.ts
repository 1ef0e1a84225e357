import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/model';
import { parseCsv } from '../../shared/export';
import { axeViolations } from './axe';
import { dateGroup, fillDate } from './date-input';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('audit');

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OTHER_DESK = 'bbbbbbbb-0000-4000-8000-000000000001';
const EXPORTS = 250;

async function openDatabase<T>(page: Page, work: string, argument?: unknown): Promise<T> {
  return page.evaluate(
    async ({ work, argument }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('desk-climat');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = (name: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      const put = async (name: string, rows: unknown[]) => {
        const tx = db.transaction(name, 'readwrite');
        for (const row of rows) tx.objectStore(name).put(row);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      };
      try {
        if (work === 'desk') return ((await all('desk'))[0] as { deskId: string }).deskId;
        if (work === 'audit') return await all('auditLog');
        await put('auditLog', argument as unknown[]);
        return null;
      } finally {
        db.close();
      }
    },
    { work, argument },
  ) as Promise<T>;
}

/**
 * 250 city exports in October from this desk, a restore with no operator name from another desk, an override, a PIN
 * exit by an operator whose name is a spreadsheet formula, and five routine consent entries.
 */
function seedEntries(deskId: string): AuditEntry[] {
  const entry = (n: number, fields: Partial<AuditEntry>): AuditEntry => ({
    id: uuid(n),
    at: '2026-10-01T09:00:00.000Z',
    deskId,
    operator: 'Inès',
    action: 'export.city',
    subjectId: null,
    details: {},
    ...fields,
  });
  return [
    ...Array.from({ length: EXPORTS }, (_, index) =>
      entry(1000 + index, { at: new Date(Date.parse('2026-10-01T08:00:00Z') + index * 3_600_000).toISOString() }),
    ),
    entry(1, { action: 'backup.restore', operator: '', deskId: OTHER_DESK, at: '2026-11-20T10:00:00.000Z' }),
    entry(2, { action: 'signup.override', operator: 'Marc', at: '2026-11-25T10:00:00.000Z', subjectId: uuid(50) }),
    entry(3, { action: 'desk.pin-exit', operator: '=HYPERLINK("x")', at: '2026-11-26T10:00:00.000Z' }),
    ...Array.from({ length: 5 }, (_, index) =>
      entry(10 + index, { action: 'consent.record', at: '2026-11-21T10:00:00.000Z' }),
    ),
  ];
}

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const count = (page: Page) => page.locator('[data-audit-count]').getAttribute('data-audit-count');

describe('the log of sensitive actions', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('lists, filters by kind, period, operator and desk, and exports the shown entries as protected CSV', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    const deskId = await openDatabase<string>(page, 'desk');
    await openDatabase(page, 'put', seedEntries(deskId));
    await page.reload();
    await page.waitForSelector('[data-app-ready]');

    await page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await page.getByRole('link', { name: 'Journal des actions sensibles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal des actions sensibles' }).waitFor();

    // Sensitive actions by default (the routine consent entries left out), in a virtualised list.
    await expect.poll(() => count(page)).toBe(String(EXPORTS + 3));
    const rows = page.getByRole('region', { name: 'Actions, la plus récente en premier' }).getByRole('listitem');
    expect(await rows.count()).toBeLessThan(60);
    expect(await rows.first().getAttribute('data-audit-action')).toBe('desk.pin-exit');
    expect(await axeViolations(page)).toEqual([]);

    await choose(page, /Type d’action/, 'Toutes les actions');
    await expect.poll(() => count(page)).toBe(String(EXPORTS + 8));

    await choose(page, /Type d’action/, 'Restaurations');
    await expect.poll(() => count(page)).toBe('1');
    // No operator name was given: the entry says who, as far as the desk knows.
    expect(await rows.first().textContent()).toContain('Coordination (sans nom)');
    expect(await rows.first().textContent()).toContain('Poste bbbbbbbb');

    await choose(page, /Type d’action/, 'Toutes les actions sensibles');
    await fillDate(page, 'Du', '2026-11-20');
    await fillDate(page, 'Au', '2026-11-25');
    await expect.poll(() => count(page)).toBe('2');
    await choose(page, /Opérateur/, 'Marc');
    await expect.poll(() => count(page)).toBe('1');
    expect(await rows.first().getAttribute('data-audit-action')).toBe('signup.override');
    await choose(page, /Opérateur/, 'Tous les opérateurs');
    await choose(page, /Poste/, 'Poste bbbbbbbb');
    await expect.poll(() => count(page)).toBe('1');
    expect(await rows.first().getAttribute('data-audit-action')).toBe('backup.restore');
    await choose(page, /Poste/, 'Tous les postes');
    // Both dates emptied: no period. Then a start typed as day and month only: said to be incomplete once left,
    // and no filter from it.
    await fillDate(page, 'Du', '');
    await fillDate(page, 'Au', '');
    await expect.poll(() => count(page)).toBe(String(EXPORTS + 3));
    await dateGroup(page, 'Du').locator('[data-type="day"]').focus();
    await page.keyboard.type('2011');
    await page.keyboard.press('Tab');
    const incomplete = page.getByText(/^Date incomplète\s: saisissez le jour, le mois et l’année\.$/);
    await incomplete.waitFor();
    expect(await count(page)).toBe(String(EXPORTS + 3));
    expect(await axeViolations(page)).toEqual([]);
    await fillDate(page, 'Du', '');
    await incomplete.waitFor({ state: 'detached' });

    // The CSV of what is shown: the operator's formula is written as text.
    await choose(page, /Type d’action/, 'Code et sortie du mode accueil');
    await expect.poll(() => count(page)).toBe('1');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^journal-actions-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await readFile(await files.saveDownload(file)));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const { records, problems } = parseCsv(text, ';');
    expect(problems).toEqual([]);
    expect(records[0]).toEqual([
      'Date et heure (UTC)',
      'Poste',
      'Identifiant du poste',
      'Opérateur',
      'Type',
      'Action',
      'Identifiant concerné',
      'Détails',
    ]);
    expect(records).toHaveLength(2);
    expect(records[1]).toEqual([
      '2026-11-26T10:00:00.000Z',
      'Accueil principal (ce poste)',
      deskId,
      `'=HYPERLINK("x")`,
      'Code et sortie du mode accueil',
      'desk.pin-exit',
      '',
      '',
    ]);

    // Taking the log out of the app is an export of its own, in the log.
    await page.getByRole('status').filter({ hasText: 'Fichier enregistré' }).waitFor();
    const logged = (await openDatabase<AuditEntry[]>(page, 'audit')).filter((e) => e.action === 'export.audit-log');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ operator: 'coordination', deskId, details: { entries: 1 } });
    await choose(page, /Type d’action/, 'Exports');
    await expect.poll(() => count(page)).toBe(String(EXPORTS + 1));
    expect(foreignRequests(session)).toEqual([]);
  });
});
