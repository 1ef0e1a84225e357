import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { completeFirstStart, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('merge');

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name }).click();

async function saveBackup(page: Page): Promise<string> {
  await nav(page, 'Paramètres');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer une sauvegarde' }).click();
  return files.saveDownload(download);
}

async function openVolunteer(page: Page, query: string, name: string): Promise<void> {
  await nav(page, 'Bénévoles');
  await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill(query);
  await page.getByRole('region', { name: 'Liste des bénévoles' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 2, name: 'Consentements' }).waitFor();
}

async function editField(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
  await page.getByRole('status').filter({ hasText: 'La fiche a été enregistrée.' }).waitFor();
}

describe('two desks, one truth', () => {
  const sessions: E2eSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  it('merges another desk’s backup: edits of different fields of one person are both kept, new people arrive', async () => {
    const a = await openApp();
    sessions.push(a);
    await completeFirstStart(a.page, 'Climat 19');
    await a.page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await a.page.getByLabel('Prénom').fill('Awa');
    await a.page.getByLabel('Nom', { exact: true }).fill('Diallo');
    await a.page.getByRole('button', { name: 'Créer' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Awa Diallo' }).waitFor();
    const first = await saveBackup(a.page);

    // Desk B starts from desk A's backup, then both desks change Awa offline: B her phone, A her postcode.
    const b = await openApp();
    sessions.push(b);
    await completeFirstStart(b.page, 'Climat 19');
    await nav(b.page, 'Paramètres');
    const chooser = b.page.waitForEvent('filechooser');
    await b.page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click();
    await (await chooser).setFiles(first);
    const safety = b.page.waitForEvent('download');
    await b.page.getByRole('button', { name: 'Remplacer les données par cette sauvegarde' }).click();
    await safety;
    await b.page.getByRole('status').filter({ hasText: 'Les données ont été restaurées.' }).waitFor();
    await openVolunteer(b.page, 'awa', 'Diallo Awa');
    await editField(b.page, 'Téléphone', '06 12 34 56 78');
    await nav(b.page, 'Bénévoles');
    await b.page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await b.page.getByLabel('Prénom').fill('Bruno');
    await b.page.getByLabel('Nom', { exact: true }).fill('Martin');
    await b.page.getByRole('button', { name: 'Créer' }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Bruno Martin' }).waitFor();
    const fromB = await saveBackup(b.page);

    await openVolunteer(a.page, 'awa', 'Diallo Awa');
    await editField(a.page, 'Code postal', '75019');

    // Desk A merges desk B's backup.
    await nav(a.page, 'Paramètres');
    const merge = a.page.waitForEvent('filechooser');
    await a.page.getByRole('button', { name: 'Choisir la sauvegarde d’un autre poste…' }).click();
    await (await merge).setFiles(fromB);
    await a.page.getByText(/Après la fusion\s: 2 bénévoles/).waitFor();
    await a.page.getByText('1 fiche(s) modifiée(s) des deux côtés, réconciliée(s) champ par champ.').waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await a.page.getByRole('status').filter({ hasText: 'La fusion est faite.' }).waitFor();

    await openVolunteer(a.page, 'awa', 'Diallo Awa');
    expect(await a.page.getByLabel('Téléphone', { exact: true }).inputValue()).toBe('06 12 34 56 78');
    expect(await a.page.getByLabel('Code postal').inputValue()).toBe('75019');
    await nav(a.page, 'Bénévoles');
    await a.page.getByText('2 bénévoles').waitFor();
  });
});
