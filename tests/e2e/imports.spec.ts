import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';

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

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier CSV…' }).click();
    await (await chooser).setFiles(FIXTURE);
    await page.getByText('il a été lu en Windows-1252').waitFor();
    expect(await page.getByText(/31 ligne\(s\), séparateur « ; »/).count()).toBe(1);
    // The mapping is proposed from the French headers.
    await expect.poll(() => page.getByRole('button', { name: /Colonne « Prénom »/ }).textContent()).toContain('Prénom');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    const rows = page.getByRole('table', { name: 'Lignes du fichier' });
    await rows.waitFor();
    expect(await rows.getByRole('row').count()).toBe(1 + 31);
    expect(await rows.getByRole('row', { name: /BŒUF/ }).count()).toBeGreaterThan(0);
    expect(await rows.getByText('Doublon dans le fichier').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Import terminé : 29 créée(s), 0 fusionnée(s), 2 ignorée(s).' })
      .waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger les lignes non importées' }).click();
    const path = join(tmpdir(), `rejected-${Date.now()}.csv`);
    await (await download).saveAs(path);
    const rejected = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    expect(rejected.trim().split(/\r?\n/)).toHaveLength(1 + 2);

    await page.getByRole('link', { name: 'Retour aux bénévoles' }).click();
    await page.getByText('29 bénévoles').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un ou une bénévole' }).fill('boeuf');
    await expect
      .poll(() => page.getByRole('region', { name: 'Liste des bénévoles' }).getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('BŒUF')]);
    expect(foreignRequests(session)).toEqual([]);
  });
});
