import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openNewMission, submitNewMission } from './coordinator-steps';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { fillDate, fillTime, timeValue } from './date-input';

describe('missions and shifts, as a coordinator', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('creates a mission, refuses 02:30 on 29 March 2026, asks which 02:30 on 25 October, and creates a recurring series from its preview', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await openNewMission(page);
    expect(await axeViolations(page)).toEqual([]);

    await submitNewMission(page, {
      title: 'Fresque du Climat — Mairie du 16e',
      place: 'Mairie du 16e',
      postalCode: '75116',
      minimumAge: '15',
    });
    await page.getByRole('status').filter({ hasText: 'a été créée' }).waitFor();

    // One shift at 02:30 on the spring-forward night: refused with the domain's message.
    await page.getByRole('button', { name: 'Ajouter un créneau' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un créneau' });
    await fillDate(dialog, 'Date', '2026-03-29');
    await fillTime(dialog, 'Début', '02:30');
    await fillTime(dialog, 'Fin', '05:00');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.getByText('Cette heure n’existe pas à Paris ce jour-là').waitFor();

    // 02:30 on 25 October happens twice: the user chooses the second one (winter time, +01:00).
    await fillDate(dialog, 'Date', '2026-10-25');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.getByText('Cette heure existe deux fois').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // React Aria keeps the native input visually hidden: a person clicks the label.
    await dialog.getByText('La seconde (heure d’hiver, +01:00)').click();
    expect(await dialog.getByRole('radio', { name: /La seconde/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: 'Créneaux de la mission' });
    const row = table.getByRole('row').filter({ hasText: '25 oct. 2026' });
    await row.waitFor();
    // 02:30 (+01:00) → 05:00 (+01:00) is 2.5 hours.
    expect(await row.textContent()).toContain('2,5 h');

    // Edit it: two facilitators needed; the fill column shows the need.
    await row.getByRole('button', { name: 'Modifier le créneau du dim. 25 oct. 2026' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier le créneau' });
    expect(await timeValue(edit, 'Début')).toBe('02:30');
    await edit.getByLabel('Animateurs et animatrices').fill('2');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await row.textContent())?.replace(/\s/g, ' '))
      .toContain('besoins : Animateurs et animatrices 0/2');
    // The winter-time 02:30 was kept: still 2.5 hours.
    expect(await row.textContent()).toContain('2,5 h');

    // A recurring series: Tuesdays and Thursdays 18:00–20:00 over two weeks, one date left out.
    await page.getByRole('button', { name: 'Créneaux récurrents' }).click();
    const recurring = page.getByRole('dialog', { name: 'Créneaux récurrents' });
    await recurring.getByText('Mardi', { exact: true }).click();
    await recurring.getByText('Jeudi', { exact: true }).click();
    await fillTime(recurring, 'Début', '18:00');
    await fillTime(recurring, 'Fin', '20:00');
    await fillDate(recurring, 'Du', '2026-12-01');
    await fillDate(recurring, 'Au', '2026-12-14');
    await recurring.getByLabel(/Dates exclues/).fill('2026-12-08');
    await recurring.getByText('3 créneaux seront créés.').waitFor();
    expect(await recurring.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('2026-12-08 — ')]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await recurring.getByRole('button', { name: 'Créer 3 créneaux' }).click();
    await page.getByRole('status').filter({ hasText: '3 créneaux ont été créés.' }).waitFor();
    // The status comes with the write; the table follows with its live query, a moment later.
    await expect.poll(() => table.getByRole('row').count()).toBe(1 + 4);

    // Delete the whole series, then undo.
    await table
      .getByRole('row')
      .filter({ hasText: '1 déc. 2026' })
      .getByRole('button', { name: 'Supprimer toute la série' })
      .click();
    await page.getByRole('status').filter({ hasText: '3 créneau(x) supprimé(s).' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(1 + 1);
    await page.getByRole('button', { name: 'Annuler la suppression' }).click();
    await page.getByRole('status').filter({ hasText: 'La suppression a été annulée.' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(1 + 4);

    // The mission is in the list, found by its category filter.
    await page.getByRole('link', { name: 'Retour aux missions' }).click();
    await page.getByRole('link', { name: 'Fresque du Climat — Mairie du 16e' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(foreignRequests(session)).toEqual([]);
  });
});
