import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tableRows } from './app-database';
import { axeViolations } from './axe';
import { addShift, createMission } from './coordinator-steps';
import { dateGroup, dateValue, fillDate, shownText, timeValue } from './date-input';
import { tabTo } from './desk-seed';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';

/**
 * Issue #13: dates and times follow the app's language, not the system's. The browser runs with a French system
 * locale; the app in English still shows dd/mm/yyyy with English segment names, and a 24-hour clock in both
 * languages. The fields are typed with the keyboard alone (digits, Tab, arrows). A partly typed date is an error,
 * never a silent blank. `E2E_SCREENSHOTS=<folder>` saves the shift dialog in both languages.
 */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

describe('date and time fields in the app’s language', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('are typed by keyboard as dd/mm/yyyy and 24-hour in French, and read the same way in English on a French system', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await createMission(page, { title: 'Balade climat', postalCode: '75019' });
    const missionUrl = page.url();

    // French: the placeholders in French, the shift typed with the keyboard alone.
    await tabTo(page, page.getByRole('button', { name: 'Ajouter un créneau' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ajouter un créneau' });
    expect(await shownText(dialog, 'Date')).toBe('jj/mm/aaaa');
    expect(await dateGroup(dialog, 'Date').locator('[data-type="day"]').getAttribute('aria-label')).toMatch(/jour/i);
    await tabTo(page, dateGroup(dialog, 'Date').locator('[data-type="day"]'));
    // Day, month, year: each segment hands the focus on once it is full.
    await page.keyboard.type('14032026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0930');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1145');
    // The arrows step the segment in focus: the end's minutes, 45 → 46.
    await page.keyboard.press('ArrowUp');
    expect(await shownText(dialog, 'Date')).toBe('14/03/2026');
    expect(await dateValue(dialog, 'Date')).toBe('2026-03-14');
    expect([await timeValue(dialog, 'Début'), await timeValue(dialog, 'Fin')]).toEqual(['09:30', '11:46']);
    expect(await shownText(dialog, 'Fin')).toBe('11:46');
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'fr-shift-dialog.png') });
    }
    await tabTo(page, dialog.getByRole('button', { name: 'Créer' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const row = page
      .getByRole('table', { name: 'Créneaux de la mission' })
      .getByRole('row')
      .filter({ hasText: '2026' });
    await expect.poll(() => row.textContent()).toMatch(/14 mars 2026.*09:30.*11:46/);

    // English, on the same French system: the app's language decides, and the clock stays at 24 hours.
    await page.goto(page.url().replace(/#.*$/, '#/settings'));
    await page.getByRole('button', { name: /Langue de l’interface/ }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.goto(missionUrl);
    await page.getByRole('heading', { level: 1, name: 'Balade climat' }).waitFor();
    await page.getByRole('button', { name: 'Add a shift' }).click();
    const added = page.getByRole('dialog', { name: 'Add a shift' });
    expect(await shownText(added, 'Date')).toBe('dd/mm/yyyy');
    expect(await dateGroup(added, 'Date').locator('[data-type="day"]').getAttribute('aria-label')).toMatch(/day/i);
    expect(await dateGroup(added, 'Start').locator('[data-type="dayPeriod"]').count()).toBe(0);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'en-shift-dialog-empty.png') });
    await page.keyboard.press('Escape');
    await added.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Edit the shift of/ }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the shift' });
    expect(await shownText(edit, 'Date')).toBe('14/03/2026');
    expect([await shownText(edit, 'Start'), await shownText(edit, 'End')]).toEqual(['09:30', '11:46']);
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'en-shift-dialog.png') });
    expect(foreignRequests(session)).toEqual([]);
  }, 180_000);

  it('refuse to save a volunteer whose date of birth is partly typed, then save it once complete', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await page.getByLabel('Prénom').fill('Léo');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    // Day and month typed, the year forgotten.
    const birth = dateGroup(page, 'Date de naissance');
    await birth.locator('[data-type="day"]').focus();
    await page.keyboard.type('1403');
    expect(await shownText(page, 'Date de naissance')).toBe('14/03/aaaa');
    await page.getByRole('button', { name: 'Créer' }).click();

    // Refused: the message under the field, focus on the year, and nothing in the database.
    const message = /^Date incomplète\s: saisissez le jour, le mois et l’année\.$/;
    await page.getByText(message).waitFor();
    // Linked to the field, so a screen reader reads it with the year segment now in focus.
    const described = await birth.evaluate((group) =>
      (group.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );
    expect(described).toMatch(/Date incomplète\s: saisissez le jour, le mois et l’année/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-type')), { timeout: 10_000 })
      .toBe('year');
    expect(await page.getByRole('heading', { level: 1, name: 'Léo Martin' }).count()).toBe(0);
    expect(await tableRows(page, 'volunteers')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // The year typed where the focus already is: the minor's guardian fields appear, and the volunteer is saved.
    await page.keyboard.type('2012');
    await page.getByText('Cette personne est mineure').waitFor();
    expect(await page.getByText(message).count()).toBe(0);
    await page.getByLabel('Nom du ou de la responsable légal·e').fill('Anne Martin');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Léo Martin' }).waitFor({ timeout: 30_000 });
    const saved = await tableRows<{ firstName: string; birthDate: string | null }>(page, 'volunteers');
    expect(saved.map(({ firstName, birthDate }) => ({ firstName, birthDate }))).toEqual([
      { firstName: 'Léo', birthDate: '2012-03-14' },
    ]);
    expect(foreignRequests(session)).toEqual([]);
  }, 180_000);

  it('count a date with a part erased as no date: a filter shows what is visible, an export is refused and points at the missing part', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await createMission(page, { title: 'Balade climat' });
    await addShift(page, { date: '2026-03-14', start: '09:30', end: '11:45' });
    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    const message = page.getByText(/^Date incomplète\s: saisissez le jour, le mois et l’année\.$/);

    // Missions from 1 April 2026: the March mission is filtered out.
    await navigation.getByRole('link', { name: 'Missions', exact: true }).click();
    const mission = page.getByRole('link', { name: 'Balade climat' });
    await mission.waitFor();
    await fillDate(page, 'Créneaux à partir du', '2026-04-01');
    await page.getByText('Aucune mission pour ces critères.').waitFor();
    // The month erased (one Backspace empties 04): 01/mm/2026 is no date, and the list follows what is on screen.
    await dateGroup(page, 'Créneaux à partir du').locator('[data-type="month"]').press('Backspace');
    expect(await shownText(page, 'Créneaux à partir du')).toBe('01/mm/2026');
    await mission.waitFor();
    // Tab through the year, out of the field: it says it is incomplete.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await message.waitFor();

    // The export's period with its year erased: "Aperçu" is refused, focus goes to the year, and the field says why.
    await navigation.getByRole('link', { name: 'Exports', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    const year = dateGroup(page, 'Au').locator('[data-type="year"]');
    const shownYear = await year.getAttribute('aria-valuenow');
    for (let press = 0; press < 4; press += 1) await year.press('Backspace');
    expect(await shownText(page, 'Au')).toMatch(/^\d{2}\/\d{2}\/aaaa$/);
    await page.getByRole('button', { name: 'Aperçu', exact: true }).click();
    await message.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-type')), { timeout: 10_000 })
      .toBe('year');
    expect(await page.getByText('Préparation de l’aperçu…').count()).toBe(0);
    const preview = page.getByRole('heading', { level: 2, name: 'Aperçu' });
    expect(await preview.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The year typed where the focus already is: the message goes and the preview is made.
    await page.keyboard.type(shownYear ?? '');
    await message.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Aperçu', exact: true }).click();
    await preview.waitFor({ timeout: 60_000 });
    expect(await page.getByText(/Date incomplète/).count()).toBe(0);
    expect(foreignRequests(session)).toEqual([]);
  }, 180_000);
});
