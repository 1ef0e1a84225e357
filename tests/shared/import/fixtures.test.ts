import { describe, expect, it } from 'vitest';
import {
  analyseImport,
  AUTOMATIC_RESOLUTIONS,
  planImport,
  proposeMapping,
  readCsvFile,
  type ImportPlan,
  type ImportPreview,
} from '../../../shared/import';
import { volunteerSchema, consentSchema, type Volunteer } from '../../../shared/domain/model';
import { isValidVolunteerRef } from '../../../shared/domain/volunteer-ref';
import { fixture, planContext, TODAY } from './helpers';

/** The fixtures README's outcome table, at the reference date 2026-11-28, with the automatic mapping and mode. */
const EXPECTED = {
  'inscriptions-formulaire-cp1252.csv': {
    rows: 31,
    created: 29,
    skipped: 2,
    withoutName: 1,
    duplicates: 1,
    fieldErrors: 2,
    warnings: 6,
    minors: 5,
    refused: 9,
  },
  'inscriptions-tableur-utf8-bom.csv': {
    rows: 31,
    created: 29,
    skipped: 2,
    withoutName: 1,
    duplicates: 1,
    fieldErrors: 2,
    warnings: 6,
    minors: 5,
    refused: 9,
  },
  'inscriptions-google-forms.csv': {
    rows: 12,
    created: 12,
    skipped: 0,
    withoutName: 0,
    duplicates: 0,
    fieldErrors: 0,
    warnings: 5,
    minors: 3,
    refused: 1,
  },
  'deux-colonnes-point-virgule.csv': {
    rows: 2,
    created: 2,
    skipped: 0,
    withoutName: 0,
    duplicates: 0,
    fieldErrors: 0,
    warnings: 0,
    minors: 0,
    refused: 0,
  },
} as const;

function importFixture(name: string, existing: Volunteer[] = []): { preview: ImportPreview; plan: ImportPlan } {
  const parsed = readCsvFile(fixture(name));
  const preview = analyseImport(parsed, proposeMapping(parsed.header), existing, { today: TODAY });
  return { preview, plan: planImport(preview, AUTOMATIC_RESOLUTIONS, planContext()) };
}

function byName(plan: ImportPlan, firstName: string, lastName: string): Volunteer {
  const found = plan.volunteers.filter((v) => v.firstName === firstName && v.lastName === lastName);
  expect(found, `${firstName} ${lastName}`).toHaveLength(1);
  return found[0]!;
}

describe.each(Object.entries(EXPECTED))('fixture %s, automatic mode', (name, expected) => {
  it('gives exactly the outcome of the fixtures README', () => {
    const { plan } = importFixture(name);
    const { summary } = plan;
    expect({
      rows: summary.rows,
      created: summary.created,
      skipped: summary.skipped,
      withoutName: summary.withoutName,
      duplicates: summary.duplicates,
      fieldErrors: summary.fieldErrors,
      warnings: summary.warnings,
      minors: summary.minors,
      refused: summary.citySharingRefused,
    }).toEqual(expected);
    expect(summary.merged).toBe(0);
    expect(plan.volunteers).toHaveLength(expected.created);
    expect(plan.rows).toHaveLength(expected.rows);
  });

  it('produces records that pass the store schemas, with unique ids and valid references', () => {
    const { plan } = importFixture(name);
    for (const volunteer of plan.volunteers) {
      expect(volunteerSchema.safeParse(volunteer).success).toBe(true);
      expect(isValidVolunteerRef(volunteer.ref)).toBe(true);
      expect(volunteer.clocks.firstName).toMatch(/^\d{15}-\d{6}-desk-test$/);
    }
    for (const consent of plan.consents) expect(consentSchema.safeParse(consent).success).toBe(true);
    const ids = [...plan.volunteers, ...plan.consents].map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(plan.volunteers.map((v) => v.ref)).size).toBe(plan.volunteers.length);
  });
});

describe('values stored from the Windows-1252 and UTF-8 form exports', () => {
  it.each(['inscriptions-formulaire-cp1252.csv', 'inscriptions-tableur-utf8-bom.csv'])(
    '%s: names as typed, phones in E.164, postcodes as text, the minor, the faulty fields dropped',
    (name) => {
      const { plan, preview } = importFixture(name);
      const dupont = byName(plan, 'Hélène', 'DUPONT');
      expect(dupont).toMatchObject({
        email: 'helene.dupont@exemple.fr',
        phone: '+33612345600',
        postcode: '75001',
        arrondissementInsee: '75101',
        birthDate: '1950-07-05',
        skills: ['Animateur·rice Fresque du Climat'],
        notes: '',
        status: 'active',
        parentalAuthorisation: null,
      });
      expect(byName(plan, 'Gaëtan', 'BŒUF').email).toBe('gaetan.boeuf@exemple.fr');
      expect(byName(plan, 'Aïcha', "N'DIAYE")).toMatchObject({ postcode: '93200', arrondissementInsee: null });
      expect(byName(plan, 'Maëlle', 'DE LA TOUR')).toMatchObject({
        phone: '+33612345006',
        postcode: '75116',
        arrondissementInsee: '75116',
      });
      expect(byName(plan, 'Élodie', 'Saint-Exupéry').postcode).toBe('75116');
      expect(byName(plan, 'Léa', 'Martin').phone).toBe('+33612345601');
      expect(byName(plan, 'François', 'ROUX')).toMatchObject({
        phone: '+33612345603',
        email: 'françois.roux@exemple.fr',
        skills: ['Vélo'],
      });
      expect(byName(plan, 'Inès', 'LEFÈVRE').phone).toBe('+33612345612');
      expect(byName(plan, 'Jean-Baptiste', 'Fournier').birthDate).toBe('1962-03-12');

      // The minor born in 2012: 14 on 2026-11-28, authorisation missing until received.
      const coelia = byName(plan, 'Cœlia', 'Œuvray');
      expect(coelia).toMatchObject({
        birthDate: '2012-06-15',
        parentalAuthorisation: 'missing',
        phone: '+33798765432',
        notes: 'mineure',
      });

      // The formula-like name: stored as typed, flagged.
      const formula = byName(plan, 'Test', '=HYPERLINK("http://exemple.invalid";"clic")');
      const formulaRow = plan.rows.find((row) => row.volunteerId === formula.id)!;
      expect(formulaRow.warnings.map((w) => w.code)).toEqual(['formula_like_name']);

      // Invalid e-mail and 31/02: imported without those fields; the quoted comment keeps its `;` and line break.
      const durand = byName(plan, 'Élodie', 'Durand');
      expect(durand).toMatchObject({
        email: null,
        birthDate: null,
        phone: '+33600000002',
        notes: 'Disponible le week-end;\npas en semaine',
      });
      const durandRow = plan.rows.find((row) => row.volunteerId === durand.id)!;
      expect(durandRow.line).toBe(29);
      expect(durandRow.droppedFields.map((f) => [f.field, f.code, f.text])).toEqual([
        ['email', 'invalid_email', 'pas-une-adresse'],
        ['birthDate', 'impossible_date', '31/02/1990'],
      ]);

      // The row without a name (line 31, after the two-line cell) and the duplicate of row 1 (line 32).
      expect(plan.rows.filter((row) => row.outcome !== 'created').map((row) => [row.line, row.outcome])).toEqual([
        [31, 'rejected_no_name'],
        [32, 'skipped_duplicate_in_file'],
      ]);
      expect(plan.rows.find((row) => row.line === 32)?.duplicateOfLine).toBe(2);
      expect(preview.rows.find((row) => row.line === 32)?.duplicateOf).toMatchObject({
        kind: 'in_file',
        line: 2,
        rules: ['same_email', 'same_phone', 'same_name_and_birth_date'],
      });

      // The city-sharing answers: channel online form, dated with the file's date (no timestamp column).
      const dupontConsent = plan.consents.filter((consent) => consent.volunteerId === dupont.id);
      expect(dupontConsent).toMatchObject([
        { purpose: 'city_sharing', given: true, date: TODAY, channel: 'online_form' },
      ]);
      const blanc = byName(plan, 'Noël', 'Blanc');
      expect(plan.consents.find((consent) => consent.volunteerId === blanc.id)?.given).toBe(false);
    },
  );

  it('keeps Nguyễn in the UTF-8 file and Nguyen in the Windows-1252 one', () => {
    expect(byName(importFixture('inscriptions-tableur-utf8-bom.csv').plan, 'Sofiane', 'Nguyễn').email).toBe(
      'sofiane.nguyen@exemple.fr',
    );
    expect(byName(importFixture('inscriptions-formulaire-cp1252.csv').plan, 'Sofiane', 'Nguyen').email).toBe(
      'sofiane.nguyen@exemple.fr',
    );
  });

  it('fixes names written in capitals only when asked', () => {
    const parsed = readCsvFile(fixture('inscriptions-formulaire-cp1252.csv'));
    const preview = analyseImport(parsed, proposeMapping(parsed.header), [], { today: TODAY, fixAllCaps: true });
    const plan = planImport(preview, AUTOMATIC_RESOLUTIONS, planContext());
    const lastNames = plan.volunteers.map((v) => v.lastName);
    expect(lastNames).toEqual(expect.arrayContaining(['Bœuf', "N'Diaye", 'De La Tour', 'Lefèvre', 'Guérin', 'Dupont']));
    expect(lastNames).not.toContain('BŒUF');
    // Mixed-case names are left alone.
    expect(lastNames).toEqual(expect.arrayContaining(['Le Fèvre', 'Da Silva', 'Saint-Exupéry']));
  });
});

describe('the Google Forms export', () => {
  it('maps the timestamp column and dates each consent with its row timestamp', () => {
    const { plan, preview } = importFixture('inscriptions-google-forms.csv');
    expect(preview.mapping.columns[0]).toBe('submittedAt');
    const dupont = byName(plan, 'Hélène', 'DUPONT');
    const roux = byName(plan, 'François', 'ROUX');
    const rousseau = byName(plan, 'Benoît', 'Rousseau');
    const consentOf = (volunteer: Volunteer) => plan.consents.find((c) => c.volunteerId === volunteer.id);
    expect(consentOf(dupont)).toMatchObject({ date: '2026-10-01', given: true, channel: 'online_form' });
    expect(consentOf(roux)?.date).toBe('2026-10-04');
    expect(consentOf(rousseau)?.date).toBe('2026-10-12');
    expect(consentOf(byName(plan, 'Noël', 'Blanc'))).toMatchObject({ date: '2026-10-05', given: false });
    // The timestamp is not a person field: nothing of it in the notes.
    expect(plan.volunteers.every((v) => v.notes === '')).toBe(true);
    expect(
      plan.volunteers
        .filter((v) => v.parentalAuthorisation === 'missing')
        .map((v) => v.firstName)
        .sort(),
    ).toEqual(['Chloé', 'Cédric', 'François']);
  });
});

describe('the two-column file', () => {
  it('creates two people with no consent recorded and an unknown age', () => {
    const { plan, preview } = importFixture('deux-colonnes-point-virgule.csv');
    expect(preview.file.delimiter).toBe(';');
    expect(preview.mapping.columns).toEqual(['firstName', 'lastName']);
    expect(plan.volunteers.map((v) => [v.firstName, v.lastName, v.birthDate, v.email])).toEqual([
      ['Hélène', 'Dupont', null, null],
      ['Loïc', 'Le Fèvre', null, null],
    ]);
    expect(plan.consents).toEqual([]);
    expect(plan.summary.ageUnknown).toBe(2);
  });
});

describe('against volunteers already recorded', () => {
  it('skips a row that is a recorded volunteer, by the one same-person rule', () => {
    const first = importFixture('inscriptions-google-forms.csv');
    // Importing the UTF-8 list after the Google Forms one: its 12 people are already recorded.
    const second = importFixture('inscriptions-tableur-utf8-bom.csv', first.plan.volunteers);
    expect(second.plan.summary).toMatchObject({ rows: 31, created: 17, duplicates: 13, withoutName: 1 });
    const skipped = second.plan.rows.filter((row) => row.outcome === 'skipped_duplicate_existing');
    expect(skipped).toHaveLength(12);
    expect(skipped.every((row) => first.plan.volunteers.some((v) => v.ref === row.duplicateOfRef))).toBe(true);
  });
});
