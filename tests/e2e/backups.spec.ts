import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';

async function addVolunteer(page: Page, firstName: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Bénévoles' })
    .click();
  await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
  await page.getByLabel('Prénom').fill(firstName);
  await page.getByLabel('Nom', { exact: true }).fill('Sauvegarde');
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { level: 1, name: `${firstName} Sauvegarde` }).waitFor();
}

async function openSettings(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Paramètres' })
    .click();
  await page.getByRole('heading', { level: 2, name: 'Sauvegardes' }).waitFor();
}

async function saveBackup(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer une sauvegarde' }).click();
  const path = join(tmpdir(), `backup-${Date.now()}-${Math.random()}.zip`);
  await (await download).saveAs(path);
  return path;
}

async function chooseRestoreFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click();
  await (await chooser).setFiles(path);
}

describe('backups and restore', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('saves a snapshot file, refuses a damaged one without change, and restores a good one after a safety backup', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStart(page);
    await openSettings(page);
    await page.getByText('Aucune sauvegarde n’a encore été faite sur ce poste.').waitFor();
    await addVolunteer(page, 'Aline');

    // The backup is a real snapshot: a zip with its manifest and one NDJSON file per table.
    await openSettings(page);
    const backupPath = await saveBackup(page);
    await page.getByRole('status').filter({ hasText: 'a été enregistrée' }).waitFor();
    const entries = unzipSync(new Uint8Array(await readFile(backupPath)));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as {
      format: string;
      counts: Record<string, number>;
    };
    expect(manifest.format).toBe('desk-climat-snapshot');
    expect(manifest.counts.volunteers).toBe(1);
    expect(strFromU8(entries['volunteers.ndjson']!)).toContain('"firstName":"Aline"');
    expect(await axeViolations(page)).toEqual([]);

    await addVolunteer(page, 'Bastien');

    // A truncated copy is refused before anything is touched.
    const damaged = join(tmpdir(), `damaged-${Date.now()}.zip`);
    const bytes = await readFile(backupPath);
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await openSettings(page);
    await chooseRestoreFile(page, damaged);
    await page.getByRole('alert').filter({ hasText: 'Ce fichier ne peut pas être restauré' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Rien n’a été modifié.');

    // The good file: preview, then replace — a safety backup of the current data is downloaded first.
    await chooseRestoreFile(page, backupPath);
    await page.getByText('Il contient :').waitFor();
    expect(await page.getByText('1 bénévoles, 0 missions').count()).toBe(1);
    const safety = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Remplacer les données par cette sauvegarde' }).click();
    const safetyPath = join(tmpdir(), `safety-${Date.now()}.zip`);
    await (await safety).saveAs(safetyPath);
    const safetyManifest = JSON.parse(
      strFromU8(unzipSync(new Uint8Array(await readFile(safetyPath)))['manifest.json']!),
    ) as {
      counts: Record<string, number>;
    };
    expect(safetyManifest.counts.volunteers).toBe(2);
    await page.getByRole('status').filter({ hasText: 'Les données ont été restaurées.' }).waitFor();

    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Bénévoles' })
      .click();
    await page.getByText('1 bénévole', { exact: true }).waitFor();
    const list = page.getByRole('region', { name: 'Liste des bénévoles' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Sauvegarde Aline')]);
    expect(foreignRequests(session)).toEqual([]);
  });
});
