import { readFile, writeFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readTables } from './app-database';
import { axeViolations } from './axe';
import { createVolunteer } from './coordinator-steps';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';

const files = specFiles('backups');

/** A volunteer of the family name the backups are checked by. */
function addVolunteer(page: Page, firstName: string): Promise<void> {
  return createVolunteer(page, firstName, 'Sauvegarde');
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
  return files.saveDownload(download);
}

async function chooseRestoreFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click();
  await (await chooser).setFiles(path);
}

const SHARED_TABLES = [
  'volunteers',
  'consents',
  'missions',
  'shifts',
  'signUps',
  'checkinEvents',
  'aliases',
  'reviewItems',
  'auditLog',
  'exportLog',
  'erasures',
] as const;

/** The first start with the demo data (volunteers, missions, shifts, sign-ups): every table has something. */
async function completeFirstStartWithDemo(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Bienvenue dans Desk Climat' }).waitFor();
  await page.getByLabel('Nom de l’association').fill('Les Amis du Climat');
  await page.getByLabel('Nom du poste').fill('Accueil principal');
  await page.getByText('Charger des données de démonstration').click();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor({ timeout: 90_000 });
}

async function openRestoreWithPassphrase(page: Page, path: string, passphrase: string): Promise<void> {
  await chooseRestoreFile(page, path);
  await page.getByText('Ce fichier est une sauvegarde chiffrée.').waitFor();
  await page.getByLabel('Phrase de passe', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Ouvrir la sauvegarde' }).click();
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
    const damaged = files.path('damaged.zip');
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
    const safetyPath = await files.saveDownload(safety);
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

  it('an encrypted backup restores the same data table by table; a truncated file and a wrong passphrase change nothing', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstStartWithDemo(page);
    await openSettings(page);
    const before = await readTables(page, SHARED_TABLES);
    expect(before.volunteers!.length).toBeGreaterThan(0);
    expect(before.signUps!.length).toBeGreaterThan(0);
    const someone = (before.volunteers![0] as { lastName: string }).lastName;

    // Saved with a passphrase, entered twice: the file says it is encrypted and shows nothing of the data.
    await page.getByText('Chiffrer la sauvegarde avec une phrase de passe').click();
    await page.getByLabel('Phrase de passe', { exact: true }).fill('clé du samedi matin');
    await page.getByLabel('Confirmer la phrase de passe').fill('clé du samedi matin');
    const encryptedPath = await saveBackup(page);
    await page.getByRole('status').filter({ hasText: 'a été enregistrée' }).waitFor();
    const sealed = await readFile(encryptedPath);
    expect(sealed.subarray(0, 16).toString('latin1')).toBe('DESK-CLIMAT-ENC\n');
    expect(sealed.toString('latin1')).not.toContain(someone);
    await page.getByText('Chiffrer la sauvegarde avec une phrase de passe').click();

    await addVolunteer(page, 'Bastien');
    await openSettings(page);
    const changed = await readTables(page, SHARED_TABLES);
    expect(changed.volunteers).toHaveLength(before.volunteers!.length + 1);

    // A wrong passphrase: said at the field, nothing changes, it may be typed again.
    await openRestoreWithPassphrase(page, encryptedPath, 'pas la bonne phrase');
    await page.getByText('La phrase de passe ne correspond pas à cette sauvegarde chiffrée').waitFor();
    expect(await readTables(page, SHARED_TABLES)).toEqual(changed);
    await page.getByRole('button', { name: 'Annuler' }).click();

    // A truncated encrypted file, with the right passphrase: refused, nothing changes.
    const truncatedPath = files.path('truncated.zip.enc');
    await writeFile(truncatedPath, sealed.subarray(0, Math.floor(sealed.length * 0.7)));
    await openRestoreWithPassphrase(page, truncatedPath, 'clé du samedi matin');
    await page.getByRole('alert').filter({ hasText: 'Ce fichier ne peut pas être restauré' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Rien n’a été modifié.');
    expect(await readTables(page, SHARED_TABLES)).toEqual(changed);

    // The right passphrase: what the file holds, then the restore after a safety backup.
    await openRestoreWithPassphrase(page, encryptedPath, 'clé du samedi matin');
    await page.getByText('Il contient :').waitFor();
    await page.getByText(/^Créneaux du /).waitFor();
    await page.getByText('Ce poste garde son propre identifiant').waitFor();
    const safety = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Remplacer les données par cette sauvegarde' }).click();
    await files.saveDownload(safety);
    // Restoring the demo data (300 people, their sign-ups and check-ins) took over 30 s on a loaded 2-core machine.
    await page.getByRole('status').filter({ hasText: 'Les données ont été restaurées.' }).waitFor({ timeout: 150_000 });

    // Table by table, the data saved — plus one line in the log of sensitive actions saying it was restored.
    const after = await readTables(page, SHARED_TABLES);
    const restoreEntries = (after.auditLog as { action: string }[]).filter(
      (entry) => entry.action === 'backup.restore',
    );
    expect(restoreEntries).toHaveLength(1);
    for (const table of SHARED_TABLES) {
      const rows =
        table === 'auditLog'
          ? (after.auditLog as { action: string }[]).filter((entry) => entry.action !== 'backup.restore')
          : after[table];
      expect(rows, table).toEqual(before[table]);
    }
    expect(foreignRequests(session)).toEqual([]);
    // Demo data, two backups and a restore on a machine shared by many: a generous budget (no timing assertion).
  }, 400_000);
});
