import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('imports');

const FIXTURE = resolve(import.meta.dirname, '../fixtures/inscriptions-formulaire-cp1252.csv');

describe('importing a sign-up list through the screen', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('imports the Windows-1252 fixture: mapping proposed, preview with statuses, 29 created, rejected rows downloadable', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await page.getByRole('link', { name: 'Importer une liste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer une liste de bénévoles' }).waitFor();

    // Read and analysed in a Worker (the page's thread stays free on 50,000 rows).
    const worker = page.waitForEvent('worker');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier CSV…' }).click();
    await (await chooser).setFiles(FIXTURE);
    expect((await worker).url()).toMatch(/import-worker[^/]*\.js/);
    await page.getByText('il a été lu en Windows-1252').waitFor();
    expect(await page.getByText(/31 ligne\(s\), séparateur «\s;\s»/).count()).toBe(1);
    // The mapping is proposed from the French headers.
    await expect.poll(() => page.getByRole('button', { name: /Colonne « Prénom »/ }).textContent()).toContain('Prénom');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    const rows = page.getByRole('table', { name: 'Lignes du fichier' });
    await rows.waitFor();
    // Virtualised: the table tells its full size; only the rows in view are in the page.
    expect(await rows.getAttribute('aria-rowcount')).toBe(String(1 + 31));
    await page
      .getByText(
        /^28 nouvelle\(s\) personne\(s\), 0 doublon\(s\), 1 doublon\(s\) dans le fichier, 1 ligne\(s\) avec des erreurs, 1 ligne\(s\) refusée\(s\)\.$/,
      )
      .waitFor();
    expect(await rows.getByRole('row').count()).toBeLessThan(1 + 31);
    const frame = page.getByRole('region', { name: 'Lignes du fichier' });
    // Row 20 comes into the page as the frame scrolls.
    await expect
      .poll(async () => {
        await frame.evaluate((element) => element.scrollBy(0, 150));
        return rows.getByRole('row', { name: /BŒUF/ }).count();
      })
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // Fix a row in place: Élodie Durand (line 29) has an invalid e-mail and 31/02 as her date of birth.
    await frame.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByRole('button', { name: 'Corriger la ligne 29' }).click();
    let dialog = page.getByRole('dialog', { name: 'Corriger la ligne 29' });
    const email = dialog.getByRole('textbox', { name: /Courriel \(colonne « Adresse e-mail »\)/ });
    expect(await email.inputValue()).toBe('pas-une-adresse');
    await email.fill('toujours faux');
    await email.press('Enter');
    await dialog.getByText(/La valeur corrigée est encore refusée/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await email.fill('elodie.durand@exemple.fr');
    await email.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Ligne 29 corrigée : Erreurs.' }).waitFor();
    // The date is still wrong: drop that field, by keyboard.
    await frame.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByRole('button', { name: 'Corriger la ligne 29' }).click();
    dialog = page.getByRole('dialog', { name: 'Corriger la ligne 29' });
    expect(await dialog.getByRole('textbox').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Ne pas importer ce champ' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Ligne 29 corrigée : Nouveau.' }).waitFor();
    await page
      .getByText(
        /^29 nouvelle\(s\) personne\(s\), 0 doublon\(s\), 1 doublon\(s\) dans le fichier, 0 ligne\(s\) avec des erreurs/,
      )
      .waitFor();

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Import terminé : 29 créée(s), 0 fusionnée(s), 2 ignorée(s).' })
      .waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger les lignes non importées' }).click();
    const rejected = (await readFile(await files.saveDownload(download), 'utf8')).replace(/^\uFEFF/, '');
    expect(rejected.trim().split(/\r?\n/)).toHaveLength(1 + 2);

    await page.getByRole('link', { name: 'Retour aux bénévoles' }).click();
    await page.getByText('29 bénévoles').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill('boeuf');
    await expect
      .poll(() => page.getByRole('region', { name: 'Liste des bénévoles' }).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('BŒUF')]);
    // The fixed e-mail was stored, the dropped date of birth was not.
    await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill('elodie.durand@exemple.fr');
    await expect
      .poll(() => page.getByRole('region', { name: 'Liste des bénévoles' }).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('Durand')]);
    expect(foreignRequests(session)).toEqual([]);
  });
});
