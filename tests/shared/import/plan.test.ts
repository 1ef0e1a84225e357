import { describe, expect, it } from 'vitest';
import {
  analyseImport,
  AUTOMATIC_RESOLUTIONS,
  importAuditEntry,
  importReport,
  parseCsvText,
  planImport,
  proposeMapping,
  readCsvFile,
  rejectedRowsCsv,
  withFixedCell,
  type ImportPreview,
} from '../../../shared/import';
import { createDuplicateIndex } from '../../../shared/domain/duplicates';
import { auditEntrySchema } from '../../../shared/domain/model';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
import { aVolunteer } from '../domain/factories';
import { fixture, planContext, TODAY } from './helpers';

const RECORDED = aVolunteer({
  id: 'v-recorded',
  firstName: 'Léa',
  lastName: 'Martin',
  email: 'LEA.MARTIN@exemple.fr',
  phone: null,
  postcode: null,
  arrondissementInsee: null,
  birthDate: null,
  skills: ['Cuisine'],
  notes: 'Vue au forum',
  clocks: { email: '000000000000001-000000-desk-a' },
});

const CSV = [
  'Nom;Prénom;Mail;Portable;CP;Né(e) le;Compétences;Consentement Ville de Paris',
  'Martin;Léa;lea.martin@exemple.fr;06 12 34 56 01;75004;12/10/1950;PSC1, Cuisine;Oui',
  'Roux;Noé;pas-une-adresse;06 12 34 56 02;750;01/01/1990;;Non',
  'Blanc;Ana;ana@exemple.fr;;;;;',
  ';;vide@exemple.fr;;;;;Oui',
  'Blanc;Anne;ANA@exemple.fr;;;;;',
].join('\r\n');

function preview(text = CSV): ImportPreview {
  const parsed = parseCsvText(text);
  return analyseImport(parsed, proposeMapping(parsed.header), [RECORDED], { today: TODAY });
}

describe('preview statuses', () => {
  it('gives each row its status and its issues per field', () => {
    const rows = preview().rows;
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'duplicate_existing'],
      [3, 'field_errors'],
      [4, 'new'],
      [5, 'error'],
      [6, 'duplicate_in_file'],
    ]);
    expect(rows[0]?.duplicateOf).toMatchObject({
      kind: 'existing',
      matches: [{ volunteer: { id: 'v-recorded' }, rules: ['same_email'] }],
    });
    expect(rows[1]?.errors.map((e) => [e.field, e.column, e.code])).toEqual([
      ['email', 2, 'invalid_email'],
      ['postcode', 4, 'invalid_postcode'],
    ]);
    expect(rows[4]?.duplicateOf).toEqual({ kind: 'in_file', row: 2, line: 4, rules: ['same_email'] });
    expect(preview().counts).toEqual({
      new: 1,
      field_errors: 1,
      duplicate_existing: 1,
      duplicate_in_file: 1,
      error: 1,
    });
  });

  it('accepts a duplicate index built once instead of the volunteers', () => {
    const parsed = parseCsvText(CSV);
    const withIndex = analyseImport(parsed, proposeMapping(parsed.header), createDuplicateIndex([RECORDED]), {
      today: TODAY,
    });
    expect(withIndex.rows.map((row) => row.status)).toEqual(preview().rows.map((row) => row.status));
  });
});

describe('planImport', () => {
  it('in automatic mode skips duplicates and imports rows without their faulty fields', () => {
    const plan = planImport(preview(), AUTOMATIC_RESOLUTIONS, planContext());
    expect(plan.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, 'skipped_duplicate_existing'],
      [3, 'created'],
      [4, 'created'],
      [5, 'rejected_no_name'],
      [6, 'skipped_duplicate_in_file'],
    ]);
    expect(plan.volunteers.map((v) => [v.firstName, v.email, v.postcode, v.phone])).toEqual([
      ['Noé', null, null, '+33612345602'],
      ['Ana', 'ana@exemple.fr', null, null],
    ]);
    expect(plan.summary).toMatchObject({
      rows: 5,
      created: 2,
      merged: 0,
      skipped: 3,
      duplicates: 2,
      withoutName: 1,
      fieldErrors: 2,
    });
    expect(plan.consents.map((c) => [c.volunteerId, c.given])).toEqual([[plan.volunteers[0]?.id, false]]);
  });

  it('merges into the recorded volunteer: fills what is missing, never overwrites, with new clocks', () => {
    const plan = planImport(preview(), { 0: { duplicate: { action: 'merge' } } }, planContext());
    const merged = plan.volunteers.find((v) => v.id === 'v-recorded')!;
    expect(merged).toMatchObject({
      firstName: 'Léa',
      email: 'LEA.MARTIN@exemple.fr',
      phone: '+33612345601',
      postcode: '75004',
      arrondissementInsee: '75104',
      birthDate: '1950-10-12',
      skills: ['Cuisine', 'PSC1'],
      notes: 'Vue au forum',
      ref: RECORDED.ref,
    });
    expect(merged.clocks.email).toBe('000000000000001-000000-desk-a');
    expect(merged.clocks.phone).toMatch(/-desk-test$/);
    expect(plan.rows[0]).toMatchObject({ outcome: 'merged', volunteerId: 'v-recorded' });
    expect(plan.summary).toMatchObject({ created: 2, merged: 1, skipped: 2 });
    expect(plan.consents.find((c) => c.volunteerId === 'v-recorded')).toMatchObject({ given: true, date: TODAY });
  });

  it('creates a second person when the user says so, and leaves out a row with field errors on request', () => {
    const plan = planImport(
      preview(),
      { 0: { duplicate: { action: 'create' } }, 1: { fieldErrors: 'leave_out' } },
      planContext(),
    );
    expect(plan.rows.map((row) => row.outcome)).toEqual([
      'created',
      'left_out',
      'created',
      'rejected_no_name',
      'skipped_duplicate_in_file',
    ]);
    expect(plan.volunteers.map((v) => v.firstName)).toEqual(['Léa', 'Ana']);
    expect(plan.volunteers[0]?.id).not.toBe('v-recorded');
  });

  it('a fixed cell goes through the rules again', () => {
    const parsed = parseCsvText(CSV);
    const fixed = withFixedCell(parsed, 1, 2, 'noe.roux@exemple.fr');
    expect(parsed.rows[1]?.cells[2]).toBe('pas-une-adresse');
    const again = analyseImport(fixed, proposeMapping(fixed.header), [RECORDED], { today: TODAY });
    expect(again.rows[1]?.errors.map((e) => e.code)).toEqual(['invalid_postcode']);
    expect(again.rows[1]?.values.email).toBe('noe.roux@exemple.fr');
    // A fix that makes the row someone already recorded shows it as a duplicate.
    const clash = analyseImport(
      withFixedCell(parsed, 2, 2, 'lea.martin@EXEMPLE.fr'),
      proposeMapping(parsed.header),
      [],
      {
        today: TODAY,
      },
    );
    expect(clash.rows[2]?.duplicateOf).toMatchObject({ kind: 'in_file', line: 2 });
  });

  it('reports progress of the analysis and the plan up to every row', () => {
    const lines = ['Nom;Prénom', ...Array.from({ length: 2_345 }, (_unused, i) => `Nom${i};Prénom${i}`)];
    const parsed = parseCsvText(lines.join('\n'));
    const analysed: number[] = [];
    const planned: number[] = [];
    const p = analyseImport(parsed, proposeMapping(parsed.header), [], {
      today: TODAY,
      onProgress: (done, total) => analysed.push(done / total),
    });
    const plan = planImport(p, AUTOMATIC_RESOLUTIONS, planContext({ onProgress: (done) => planned.push(done) }));
    expect(analysed.map((share) => share.toFixed(2))).toEqual(['0.43', '0.85', '1.00']);
    expect(planned).toEqual([1_000, 2_000, 2_345]);
    expect(plan.summary.created).toBe(2_345);
    expect(new Set(plan.volunteers.map((v) => v.ref)).size).toBe(2_345);
  });

  it('never gives a reference already taken', () => {
    const zeros = generateVolunteerRef(() => 0);
    const refs = ['B-7F3K9QX2R', 'B-7F3K9QX2R', 'B-2M8D1XQ7J', 'B-2M8D1XQ7J', zeros];
    let next = 0;
    const plan = planImport(
      preview(),
      AUTOMATIC_RESOLUTIONS,
      planContext({ newRef: () => refs[next++]!, takenRefs: new Set(['B-7F3K9QX2R']) }),
    );
    expect(plan.volunteers.map((v) => v.ref)).toEqual(['B-2M8D1XQ7J', zeros]);
  });
});

describe('rejected rows and the report', () => {
  it('writes the rows not imported as CSV with the same delimiter and a French reason', () => {
    const p = preview();
    const plan = planImport(p, AUTOMATIC_RESOLUTIONS, planContext());
    const csv = rejectedRowsCsv(p, plan);
    const back = parseCsvText(csv, { delimiter: ';' });
    expect(back.header).toEqual([...p.header, 'Motif du rejet']);
    expect(back.rows.map((row) => row.cells)).toEqual([
      [...CSV.split('\r\n')[1]!.split(';'), `Personne déjà enregistrée (${RECORDED.ref}) : ligne ignorée.`],
      [...CSV.split('\r\n')[4]!.split(';'), 'Ni prénom ni nom : ligne non importée.'],
      [
        ...CSV.split('\r\n')[5]!.split(';'),
        'Même personne qu’une ligne précédente du fichier (ligne 4) : ligne ignorée.',
      ],
    ]);
    expect(csv).toContain('\r\n');
  });

  it('keeps the quoted multi-line comment of the fixture intact in the rejected file', () => {
    const parsed = readCsvFile(fixture('inscriptions-formulaire-cp1252.csv'));
    const p = analyseImport(parsed, proposeMapping(parsed.header), [], { today: TODAY });
    const plan = planImport(p, { 27: { fieldErrors: 'leave_out' } }, planContext());
    const back = parseCsvText(rejectedRowsCsv(p, plan));
    expect(back.delimiter).toBe(';');
    expect(back.rows.map((row) => row.cells[8])).toEqual([
      'Disponible le week-end;\npas en semaine',
      'ligne sans nom',
      'doublon de la première ligne',
    ]);
    expect(back.rows.map((row) => row.cells[9])).toEqual([
      'Ligne écartée à l’import à cause d’une valeur invalide.',
      'Ni prénom ni nom : ligne non importée.',
      'Même personne qu’une ligne précédente du fichier (ligne 2) : ligne ignorée.',
    ]);
  });

  it('reports every row by line and code, without names, e-mails or phones', () => {
    const p = preview();
    const plan = planImport(p, AUTOMATIC_RESOLUTIONS, planContext());
    const report = importReport('liste.csv', p, plan);
    expect(report.rows).toHaveLength(5);
    expect(report.rows[1]).toMatchObject({
      line: 3,
      outcome: 'created',
      droppedFields: [
        { field: 'email', code: 'invalid_email', en: 'This e-mail address is not valid.' },
        { field: 'postcode', code: 'invalid_postcode' },
      ],
    });
    const text = JSON.stringify(report);
    for (const personal of ['Roux', 'Noé', 'pas-une-adresse', '06 12 34 56 02', 'ana@exemple.fr']) {
      expect(text).not.toContain(personal);
    }
  });

  it('gives an audit-log entry with counts only', () => {
    const plan = planImport(preview(), AUTOMATIC_RESOLUTIONS, planContext());
    const entry = importAuditEntry(plan, {
      id: 'a-1',
      at: '2026-11-28T09:00:00.000Z',
      deskId: 'desk-test',
      operator: 'Camille',
      fileName: 'liste.csv',
    });
    expect(auditEntrySchema.parse(entry)).toMatchObject({
      action: 'volunteer.import',
      details: { created: 2, skipped: 3 },
    });
  });
});
