import { unzipSync, strFromU8 } from 'fflate';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/export';
import { axeViolations } from './axe';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';
import { specFiles } from './spec-files';
import { dateValue, fillDate, fillTime } from './date-input';

const files = specFiles('exports');

describe('the export to the city, from the screen', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('previews and downloads the previous month as a zip that follows the contract, with no name in pseudonymous mode', async () => {
    // November 2026, so that the previous month is October whatever the day the test runs.
    session = await openApp({ now: '2026-11-20T10:00:00+01:00' });
    const { page } = session;
    await completeFirstStart(page, 'Les Amis du Climat — Paris 16e');

    // One volunteer, one mission in the 16th with a shift in October, the volunteer present.
    await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
    await page.getByLabel('Prénom').fill('Hélène');
    await page.getByLabel('Nom', { exact: true }).fill('Le Fèvre');
    await page.getByLabel('Courriel').fill('helene@example.org');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hélène Le Fèvre' }).waitFor();
    const ref = (await page.locator('aside p').first().textContent()) ?? '';
    await page.getByRole('link', { name: 'Missions', exact: true }).click();
    await page.getByRole('link', { name: 'Nouvelle mission' }).click();
    await page.getByLabel('Intitulé').fill('=Fresque, "climat"');
    await page.getByLabel('Code postal').fill('75116');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('heading', { level: 1, name: '=Fresque, "climat"' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un créneau' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un créneau' });
    await fillDate(dialog, 'Date', '2026-10-15');
    await fillTime(dialog, 'Début', '10:00');
    await fillTime(dialog, 'Fin', '12:30');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Créneaux de la mission' }).getByRole('link').click();
    await page.getByRole('searchbox', { name: 'Chercher la personne à inscrire' }).fill('helene');
    await page.getByRole('button', { name: 'Choisir Hélène Le Fèvre' }).click();
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await page.getByRole('button', { name: /Présence de Hélène Le Fèvre/ }).click();
    await page.getByRole('option', { name: 'Présent·e' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Hélène Le Fèvre/ }).textContent()).toContain('2,5 h');

    // The Exports screen: previous month by default; a named export needs a reason.
    await page.getByRole('link', { name: 'Exports', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    expect(await dateValue(page, 'Du')).toBe('2026-10-01');
    expect(await dateValue(page, 'Au')).toBe('2026-10-31');
    await page.getByRole('button', { name: /Données personnelles/ }).click();
    await page.getByRole('option', { name: /Nominatif/ }).click();
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await page.getByText('Indiquez le motif de l’export nominatif.').waitFor();
    await page.getByRole('button', { name: /Données personnelles/ }).click();
    await page.getByRole('option', { name: /Pseudonymisé/ }).click();
    // The export is prepared and zipped in a Worker (the rows never reach the page's thread).
    const worker = page.waitForEvent('worker');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    expect((await worker).url()).toMatch(/city-export-worker[^/]*\.js/);
    await page.getByText('participations.csv — 1 ligne(s)').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter le fichier zip' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('volontaires-climat_les-amis-du-climat-paris-16e_2026-10-01_2026-10-31.zip');
    const bytes = new Uint8Array(await readFile(await files.saveDownload(file)));
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual([
      'missions.csv',
      'creneaux.csv',
      'participations.csv',
      'agregats_mensuels.csv',
      'datapackage.json',
      'manifest.json',
    ]);
    const participations = entries['participations.csv']!;
    // excel-fr: BOM, semicolons, CRLF after every record.
    expect([...participations.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(participations);
    expect(text.endsWith('\r\n')).toBe(true);
    const { records: rows, problems } = parseCsv(text.slice(1), ';');
    expect(problems).toEqual([]);
    expect(rows[0]).toContain('benevole_ref');
    expect(rows[1]).toContain(ref);
    expect(rows[1]).toContain('2,5');
    // Pseudonymous: no name, e-mail or phone anywhere in the zip.
    for (const entry of Object.values(entries)) {
      const content = strFromU8(entry);
      expect(content).not.toContain('Hélène');
      expect(content).not.toContain('helene@example.org');
    }
    // The title starting with "=" is protected against formula injection and quoted for its comma and quotes.
    expect(strFromU8(entries['missions.csv']!)).toContain(`"'=Fresque, ""climat"""`);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { mode: string; periode: { du: string } };
    expect(manifest).toMatchObject({ mode: 'pseudonyme', periode: { du: '2026-10-01' } });

    await page.getByRole('status').filter({ hasText: 'a été enregistré' }).waitFor();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Exports récents' }).locator('..').textContent())
      .toContain('volontaires-climat_les-amis-du-climat-paris-16e_2026-10-01_2026-10-31.zip');
    expect(foreignRequests(session)).toEqual([]);
  });
});
