import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';
import { fillTime } from './date-input';
import { addShift, createMission, createVolunteer } from './coordinator-steps';

const files = specFiles('sign-ups');

async function readDownload(download: Download): Promise<string> {
  return readFile(await files.saveDownload(download), 'utf8');
}

/** Presses Tab until the focused element's accessible name (aria-label, else text) is `name`. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function chooseVolunteer(page: Page, query: string, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Chercher la personne à inscrire' }).fill(query);
  await page.getByRole('button', { name: `Choisir ${name}` }).click();
}

describe('sign-ups, waiting list and the roster after the event', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('fills a shift, queues the next person, overrides an overlap, promotes on cancellation, and corrects hours', async () => {
    // Saturday 28 November 2026, the day after the clean-up, whatever the day the test runs.
    session = await openApp({ now: '2026-11-28T10:00:00+01:00' });
    const { page } = session;
    await completeFirstStart(page);
    for (const [first, last] of [
      ['Awa', 'Diallo'],
      ['Bruno', 'Martin'],
      ['Chloé', 'Bernard'],
    ] as const) {
      await createVolunteer(page, first, last);
    }

    // A clean-up with two overlapping shifts, yesterday afternoon.
    await createMission(page, { title: 'Ramassage des berges' });
    await addShift(page, { date: '2026-11-27', start: '14:00', end: '17:00', capacity: '2' });
    await addShift(page, { date: '2026-11-27', start: '15:00', end: '18:00', capacity: '5' });
    const shifts = page.getByRole('table', { name: 'Créneaux de la mission' });
    await expect.poll(() => shifts.getByRole('row').count()).toBe(3);

    // Shift A (capacity 2): Awa and Bruno fit; Chloé is refused because it is full, and goes to the waiting list.
    await shifts.getByRole('row').nth(1).getByRole('link').click();
    await page
      .getByRole('heading', { level: 1, name: /Ramassage des berges — ven\. 27 nov\. 2026 14:00 – 17:00/ })
      .waitFor();
    await chooseVolunteer(page, 'awa', 'Awa Diallo');
    await page.getByText('L’inscription est possible.').waitFor();
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Awa Diallo est inscrit·e.' }).waitFor();
    // The same by keyboard alone: type in the search box, Tab to the person, Enter, Tab to "Inscrire", Enter.
    await page.getByRole('searchbox', { name: 'Chercher la personne à inscrire' }).focus();
    await page.keyboard.type('bruno');
    await tabTo(page, 'Choisir Bruno Martin');
    await page.keyboard.press('Enter');
    await page.getByText('L’inscription est possible.').waitFor();
    await tabTo(page, 'Inscrire');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Bruno Martin est inscrit·e.' }).waitFor();
    await chooseVolunteer(page, 'chloe', 'Chloé Bernard');
    await page.getByText('Ce créneau est complet. Vous pouvez proposer la liste d’attente.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mettre en liste d’attente' }).click();
    await page.getByRole('status').filter({ hasText: 'Chloé Bernard est en liste d’attente (position 1).' }).waitFor();
    const roster = page.getByRole('table', { name: 'Inscriptions du créneau' });
    await expect
      .poll(() => roster.getByRole('row', { name: /Chloé Bernard/ }).textContent())
      .toContain('Liste d’attente (1)');
    const shiftAUrl = page.url();

    // Shift B overlaps A: Awa is refused with the reason, then signed up with an override.
    await page.getByRole('link', { name: 'Retour à la mission' }).click();
    await shifts.getByRole('row').nth(2).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /15:00 – 18:00/ }).waitFor();
    await chooseVolunteer(page, 'diallo', 'Awa Diallo');
    await page.getByText('Cette personne est déjà inscrite sur un autre créneau au même moment.').waitFor();
    const override = page.getByRole('form', { name: 'Passer outre (coordination)' });
    await override.getByRole('button', { name: 'Inscrire malgré tout' }).click();
    await override.getByText('Indiquez un motif.').waitFor();
    await override.getByLabel('Votre nom').fill('Camille');
    await override.getByLabel('Motif').fill('Relais entre les deux équipes');
    await override.getByRole('button', { name: 'Inscrire malgré tout' }).click();
    await page.getByRole('status').filter({ hasText: 'Awa Diallo est inscrit·e.' }).waitFor();

    // Back on A: Bruno cancels; Chloé is promoted and marked "to confirm".
    await page.goto(shiftAUrl);
    await roster.waitFor();
    await page.getByRole('button', { name: 'Annuler l’inscription de Bruno Martin' }).click();
    const cancel = page.getByRole('dialog', { name: 'Annuler l’inscription de Bruno Martin' });
    await cancel.getByLabel('Motif de l’annulation').fill('Malade');
    await cancel.getByRole('button', { name: 'Annuler l’inscription' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Chloé Bernard passe(nt) de la liste d’attente aux inscrit·es (à confirmer).' })
      .waitFor();
    await expect.poll(() => roster.getByRole('row', { name: /Chloé Bernard/ }).textContent()).toContain('À confirmer');
    // Cancelled after the start: a late cancellation.
    expect(await roster.getByRole('row', { name: /Bruno Martin/ }).textContent()).toContain('Annulée tardivement');

    // After the shift: Awa's departure corrected (14:00–16:30 → 2,5 h), Chloé's hours declared (1,5 h).
    const summary = page.getByText(/inscrit·es sur 2 places/);
    expect(await summary.textContent()).toContain('0 h de bénévolat');
    await page.getByRole('button', { name: 'Corriger les heures de Awa Diallo' }).click();
    const hours = page.getByRole('dialog', { name: 'Heures de Awa Diallo' });
    await fillTime(hours, 'Arrivée', '14:00');
    await fillTime(hours, 'Départ', '16:30');
    await hours.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => roster.getByRole('row', { name: /Awa Diallo/ }).textContent())
      .toContain('2,5 h (pointage)');
    await expect.poll(() => summary.textContent()).toContain('2,5 h de bénévolat');

    await page.getByRole('button', { name: 'Corriger les heures de Chloé Bernard' }).click();
    const declared = page.getByRole('dialog', { name: 'Heures de Chloé Bernard' });
    await declared.getByLabel('Ou heures déclarées').fill('1,5');
    await declared.getByRole('button', { name: 'Enregistrer' }).click();
    await declared.getByText('Indiquez un motif.').waitFor();
    await declared.getByLabel('Motif de la déclaration').fill('Feuille papier : arrivée tardive');
    await declared.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => roster.getByRole('row', { name: /Chloé Bernard/ }).textContent())
      .toContain('1,5 h (déclarée)');
    await expect.poll(() => summary.textContent()).toContain('4 h de bénévolat');
    expect(await axeViolations(page)).toEqual([]);

    // The planning shows both shifts in the week of 27 November, linked to their rosters.
    await page.getByRole('link', { name: 'Planning', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Semaine 48/ }).waitFor();
    const friday = page.getByRole('region', { name: 'ven. 27 nov. 2026' });
    await expect.poll(() => friday.getByRole('link').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('combobox', { name: /Affichage/ })
      .or(page.getByRole('button', { name: /Affichage/ }))
      .first()
      .click();
    await page.getByRole('option', { name: 'Agenda' }).click();
    await page.getByRole('link', { name: /14:00 Ramassage des berges/ }).click();
    await page.getByRole('table', { name: 'Inscriptions du créneau' }).waitFor();

    // The roster as the city's CSV (references, no names) and the shift as an iCalendar event.
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter la liste (CSV)' }).click();
    const csvText = await readDownload(await csv);
    expect(csvText.startsWith('\uFEFFparticipation_id;')).toBe(true);
    expect(csvText.match(/B-[0-9A-HJKMNP-TV-Z]{9}/g)).toHaveLength(3);
    expect(csvText).not.toContain('Diallo');
    const ics = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ajouter au calendrier (.ics)' }).click();
    const icsText = await readDownload(await ics);
    expect(icsText).toContain('BEGIN:VCALENDAR\r\n');
    expect(icsText).toContain('DTSTART;TZID=Europe/Paris:20261127T140000');

    // Back from the roster: the planning as it was left, the agenda of week 48 (only the days with shifts).
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: /Semaine 48/ }).waitFor();
    await page.getByRole('region', { name: 'ven. 27 nov. 2026' }).waitFor();
    expect(await page.getByRole('region', { name: 'lun. 23 nov. 2026' }).count()).toBe(0);
    // The week and the view are in the address: the next week survives a reload, and Back leaves the planning.
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    await page.getByRole('heading', { level: 2, name: /Semaine 49/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /Semaine 49/ }).waitFor();
    await page.getByText('Aucun créneau.').waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /^Ramassage des berges — ven\. 27 nov\. 2026/ }).waitFor();
    expect(foreignRequests(session)).toEqual([]);
  });
});
