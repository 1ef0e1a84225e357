import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { parisLocalDate } from '../../shared/domain/paris-time';
import { presetPeriod } from '../../shared/reports';
import { axeViolations } from './axe';
import { foreignRequests, openApp, type E2eSession } from './harness';

/**
 * Shifts of a period and the done missions among theirs, counted straight from IndexedDB (not through the app's
 * code): a shift is in the period when its Paris local start date is (city-export.md).
 */
async function countInDatabase(page: Page, from: string, to: string): Promise<{ shifts: number; done: number }> {
  return page.evaluate(
    async ({ from, to }) => {
      const names = (await indexedDB.databases()).map((database) => database.name ?? '');
      const open = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const all = (db: IDBDatabase, store: string) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          request.onerror = () => reject(request.error);
        });
      for (const name of names) {
        const db = await open(name);
        if (!db.objectStoreNames.contains('shifts')) {
          db.close();
          continue;
        }
        const missions = new Map((await all(db, 'missions')).filter((m) => !m.deleted).map((m) => [m.id, m]));
        const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
        const shifts = (await all(db, 'shifts')).filter((shift) => {
          if (shift.deleted || !missions.has(shift.missionId)) return false;
          const date = parisDate.format(new Date(String(shift.start)));
          return date >= from && date <= to;
        });
        const done = new Set(
          shifts.map((shift) => shift.missionId).filter((id) => missions.get(id)?.status === 'done'),
        );
        db.close();
        return { shifts: shifts.length, done: done.size };
      }
      throw new Error('no database');
    },
    { from, to },
  );
}

/** The value of the tile whose label is `label`. */
async function tile(page: Page, label: string): Promise<string> {
  const term = page.locator('dt', { hasText: new RegExp(`^${label}$`) });
  return (await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}

describe('the Reports screen', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('shows demo data’s figures as the database holds them, switches period, has table views, is axe-clean in French and English', async () => {
    session = await openApp();
    const { page } = session;
    const violations: string[] = [];
    let phase = 'start';
    // Only what happens from the Reports screen on is this spec's concern (the charts must not need inline styles).
    page.on('console', (message) => {
      if (phase !== 'start' && /Content Security Policy/i.test(message.text())) {
        violations.push(`${phase}: ${message.location().url} ${message.text()}`);
      }
    });
    await page.getByLabel('Nom de l’association').fill('Démo Climat');
    await page.getByLabel('Nom du poste').fill('Accueil');
    await page.getByText('Charger des données de démonstration').click();
    await page.getByRole('button', { name: 'Commencer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bénévoles' }).waitFor({ timeout: 90_000 });
    // Recharts is not part of start-up: its chunk is fetched only once Reports shows a report.
    expect(session.requests.filter((url) => /report-charts/.test(url))).toEqual([]);

    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    phase = 'reports';
    await navigation.getByRole('link', { name: 'Bilans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bilans' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'En bref' }).waitFor({ timeout: 60_000 });

    const today = parisLocalDate(Date.now());
    const year = presetPeriod('last12Months', today);
    const format = new Intl.NumberFormat('fr-FR');
    const counted = await countInDatabase(page, year.from, year.to);
    expect(counted.shifts).toBeGreaterThan(0);
    expect(await tile(page, 'Créneaux')).toBe(format.format(counted.shifts));
    expect(await tile(page, 'Missions réalisées')).toBe(format.format(counted.done));

    // Four charts, drawn as SVG, each a picture named by its summary.
    await expect
      .poll(() => page.locator('[role="img"]:has(svg.recharts-surface)').count(), { timeout: 30_000 })
      .toBe(4);
    expect(session.requests.some((url) => /report-charts/.test(url))).toBe(true);
    const hoursByMonth = page.getByRole('region', { name: 'Heures de bénévolat par mois' });
    const summary = (await hoursByMonth.locator('p').first().textContent()) ?? '';
    expect(summary).toMatch(/ h de bénévolat du /);
    expect(await hoursByMonth.locator('div[role="img"]').getAttribute('aria-label')).toBe(summary);

    // The table view: one row per month of the period, French month names and numbers.
    await hoursByMonth.getByText('Tableau des données').click();
    const table = hoursByMonth.getByRole('table', { name: 'Heures de bénévolat par mois' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(13);
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Mois',
      'Heures',
      'Participations',
      'Présences',
      'Bénévoles distinct·es',
      'Nouveaux',
      'Taux d’absence',
    ]);
    const months = await table.getByRole('rowheader').allTextContents();
    expect(months).toHaveLength(12);
    expect(months.every((month) => /^[a-zéû]+ \d{4}$/.test(month))).toBe(true);
    if (process.env.REPORTS_SCREENSHOT)
      await page.screenshot({ path: `${process.env.REPORTS_SCREENSHOT}-fr.png`, fullPage: true });
    phase = 'axe-fr';
    expect(await axeViolations(page)).toEqual([]);
    phase = 'period';

    // Another period: this year to date.
    await page.getByRole('button', { name: /Période/ }).click();
    await page.getByRole('option', { name: 'Année en cours' }).click();
    const thisYear = presetPeriod('currentYear', today);
    await page.getByText(/^Du 1 janv\. \d{4} au /).waitFor();
    await page.getByRole('heading', { level: 2, name: 'En bref' }).waitFor({ timeout: 60_000 });
    const countedThisYear = await countInDatabase(page, thisYear.from, thisYear.to);
    await expect.poll(() => tile(page, 'Créneaux')).toBe(format.format(countedThisYear.shifts));

    phase = 'english';
    // English: same screen, English words and numbers, still axe-clean.
    await navigation.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    const english = page.getByRole('navigation', { name: 'Main navigation' });
    await english.waitFor();
    await english.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 2, name: 'At a glance' }).waitFor({ timeout: 60_000 });
    expect(await tile(page, 'Shifts')).toBe(new Intl.NumberFormat('en-GB').format(counted.shifts));
    const attendance = page.getByRole('region', { name: 'Attendances and volunteers by month' });
    await attendance.getByText('Data table').click();
    await attendance.getByRole('table').waitFor();
    await expect
      .poll(() => page.locator('[role="img"]:has(svg.recharts-surface)').count(), { timeout: 30_000 })
      .toBe(4);
    if (process.env.REPORTS_SCREENSHOT)
      await page.screenshot({ path: `${process.env.REPORTS_SCREENSHOT}-en.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    expect(violations).toEqual([]);
    expect(foreignRequests(session)).toEqual([]);
  }, 240_000);
});
