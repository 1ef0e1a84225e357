import { describe, expect, it } from 'vitest';
import { ImportCancelled, startImport, type ImportProgress } from '../../../renderer/db/import-io';
import { recheckCell } from '../../../renderer/features/imports/recheck-cell';
import { isImportFileError, proposeMapping } from '../../../shared/import';
import { createImportTestStore, fixtureBytes } from './test-database';

describe('the import session (what the Worker runs), over a Dexie store', () => {
  it('reads the Windows-1252 fixture with progress, analyses it against the store, fixes a cell and writes it', async () => {
    const { db, repositories } = await createImportTestStore();
    const progress: ImportProgress[] = [];
    const session = await repositories.imports.start(fixtureBytes('inscriptions-formulaire-cp1252.csv'), {
      inline: true,
      onProgress: (value) => progress.push(value),
    });
    const file = await session.file;
    expect(file).toMatchObject({ encoding: 'windows-1252', fellBackToWindows1252: true, delimiter: ';', rowCount: 31 });
    expect(progress.at(-1)).toMatchObject({ phase: 'read', fraction: 1 });

    const mapping = proposeMapping(file.header);
    const preview = await session.analyse({ mapping, today: repositories.imports.today(), fixAllCaps: false });
    expect(preview.counts).toEqual({ new: 28, field_errors: 1, duplicate_existing: 0, duplicate_in_file: 1, error: 1 });
    expect(progress.at(-1)).toEqual({ phase: 'analyse', done: 31, total: 31, fraction: 1 });
    const durand = preview.rows.find((row) => row.line === 29)!;
    expect(durand.errors.map((issue) => issue.field)).toEqual(['email', 'birthDate']);
    const email = durand.errors[0]!.column;
    const birthDate = durand.errors[1]!.column;

    // Checked at once with the import's rules: a still-invalid value is refused, a valid one or an empty cell is not.
    expect(recheckCell(durand, preview, email, 'toujours faux', false)).toBe('invalid_email');
    expect(recheckCell(durand, preview, email, 'elodie.durand@exemple.fr', false)).toBeNull();
    expect(recheckCell(durand, preview, birthDate, '30/02/1990', false)).toBe('impossible_date');
    expect(recheckCell(durand, preview, birthDate, '', false)).toBeNull();

    // Fixed, then the date dropped: the whole file is analysed again and the row is new.
    const fixed = await session.fix(durand.index, email, 'elodie.durand@exemple.fr');
    expect(fixed.rows[durand.index]!.errors.map((issue) => issue.field)).toEqual(['birthDate']);
    expect(fixed.rows[durand.index]!.values.email).toBe('elodie.durand@exemple.fr');
    const dropped = await session.fix(durand.index, birthDate, '');
    expect(dropped.rows[durand.index]).toMatchObject({ status: 'new', errors: [] });
    expect(dropped.counts).toMatchObject({ new: 29, field_errors: 0 });
    // The first analysis is not changed by the fixes (the screen may still hold it).
    expect(preview.rows[durand.index]!.status).toBe('field_errors');

    const plan = await repositories.imports.commit(dropped, {}, 'inscriptions-formulaire-cp1252.csv');
    expect(plan.summary).toMatchObject({ rows: 31, created: 29, skipped: 2 });
    const stored = (await db.volunteers.toArray()).find(
      (volunteer) => volunteer.firstName === 'Élodie' && volunteer.lastName === 'Durand',
    );
    expect(stored).toMatchObject({ firstName: 'Élodie', email: 'elodie.durand@exemple.fr', birthDate: null });
  });

  it('stores the UTF-8 fixture as the README says, field by field, through the session and one transaction', async () => {
    const { db, repositories } = await createImportTestStore();
    const session = await repositories.imports.start(fixtureBytes('inscriptions-tableur-utf8-bom.csv'), {
      inline: true,
    });
    const file = await session.file;
    expect(file).toMatchObject({ encoding: 'utf-8', hadBom: true, fellBackToWindows1252: false, rowCount: 31 });
    const preview = await session.analyse({
      mapping: proposeMapping(file.header),
      today: repositories.imports.today(),
      fixAllCaps: false,
    });
    const plan = await repositories.imports.commit(preview, {}, 'inscriptions-tableur-utf8-bom.csv');
    expect(plan.summary).toMatchObject({ rows: 31, created: 29, skipped: 2 });
    const stored = await db.volunteers.toArray();
    const byEmail = (email: string) => stored.find((volunteer) => volunteer.email === email);
    // Names as typed (fixing all-caps is off by default).
    expect(byEmail('sofiane.nguyen@exemple.fr')).toMatchObject({ lastName: 'Nguyễn', firstName: 'Sofiane' });
    expect(byEmail('aicha.ndiaye@exemple.fr')).toMatchObject({ lastName: "N'DIAYE", firstName: 'Aïcha' });
    expect(stored.find((volunteer) => volunteer.lastName === 'BŒUF')).toBeDefined();
    // 75116 kept as text, its arrondissement the 16th.
    expect(byEmail('maelle.delatour@exemple.fr')).toMatchObject({
      postcode: '75116',
      arrondissementInsee: '75116',
      birthDate: '1962-09-05',
      phone: '+33612345006',
    });
    // The minor born in 2012.
    expect(byEmail('coelia.oeuvray@exemple.fr')).toMatchObject({ birthDate: '2012-06-15', lastName: 'Œuvray' });
    // The invalid e-mail and 31/02 not stored, the rest of the row is.
    expect(
      stored.find((volunteer) => volunteer.lastName === 'Durand' && volunteer.firstName === 'Élodie'),
    ).toMatchObject({ email: null, birthDate: null, phone: '+33600000002', postcode: '75011' });
    // The name starting with "=" stored as typed; the row without a name and the duplicate of row 1 are not stored.
    expect(byEmail('injection@exemple.fr')?.lastName).toBe('=HYPERLINK("http://exemple.invalid";"clic")');
    expect(byEmail('sans.nom@exemple.fr')).toBeUndefined();
    expect(stored.filter((volunteer) => volunteer.email === 'helene.dupont@exemple.fr')).toHaveLength(1);
  });

  it('a fixed e-mail that makes the row a duplicate of an earlier one is seen as such', async () => {
    const { repositories } = await createImportTestStore();
    const session = await repositories.imports.start(fixtureBytes('inscriptions-formulaire-cp1252.csv'), {
      inline: true,
    });
    const mapping = proposeMapping((await session.file).header);
    const preview = await session.analyse({ mapping, today: '2026-11-28', fixAllCaps: false });
    const durand = preview.rows.find((row) => row.line === 29)!;
    const fixed = await session.fix(durand.index, durand.errors[0]!.column, 'helene.dupont@exemple.fr');
    expect(fixed.rows[durand.index]).toMatchObject({ status: 'duplicate_in_file', duplicateOf: { line: 2 } });
  });

  it('a file that cannot be read rejects with the French and English reason and its line', async () => {
    const { db } = await createImportTestStore();
    const error = await startImport(db, new TextEncoder().encode('Nom;Prénom\n"Dupont;Jean\n'), {
      inline: true,
    }).file.catch((caught: unknown) => caught);
    expect(isImportFileError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unterminated_quote', line: 2 });
    expect((error as { fr: string }).fr).toContain('2');
  });

  it('a cancelled session rejects what is pending with ImportCancelled', async () => {
    const { db } = await createImportTestStore();
    const session = startImport(db, fixtureBytes('inscriptions-google-forms.csv'), { inline: true });
    const file = await session.file;
    session.cancel();
    await expect(
      session.analyse({ mapping: proposeMapping(file.header), today: '2026-11-28', fixAllCaps: false }),
    ).rejects.toBeInstanceOf(ImportCancelled);
  });
});
