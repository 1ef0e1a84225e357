import { isMinorAt } from '../domain/age';
import { createDuplicateIndex } from '../domain/duplicates';
import { consentSchema, volunteerSchema, type Consent, type Volunteer } from '../domain/model';
import { generateVolunteerRef } from '../domain/volunteer-ref';
import type { HlcClock } from '../records/hlc';
import { createRecord, updateRecord } from '../records/record';
import type { FieldIssue, ImportPreview, RowPreview, RowValues } from './analyse';
import type { RejectionReason } from './messages';
import { LIMITS, type ValueIssue, type ValueWarning } from './values';

/**
 * From the preview and the user's decisions to the records to write (issue #10, "Commit"). Pure: the caller writes
 * `volunteers` and `consents` in one transaction (renderer) or into a new snapshot (command line). Without a
 * decision, a row follows the automatic mode of the command line: duplicates skipped, rows with field errors
 * imported without the faulty fields.
 */

export type DuplicateResolution =
  | { readonly action: 'skip' }
  | { readonly action: 'create' }
  /** Into `volunteerId`, one of the row's matches (default: the first). */
  | { readonly action: 'merge'; readonly volunteerId?: string };

/** Field errors: import the row without the faulty fields, or leave the whole row out. (A fix is an edited cell.) */
export type FieldErrorResolution = 'drop_fields' | 'leave_out';

export interface RowResolution {
  readonly duplicate?: DuplicateResolution;
  readonly fieldErrors?: FieldErrorResolution;
}

/** By row index; rows not listed follow the automatic mode. */
export type Resolutions = Readonly<Record<number, RowResolution>>;
export const AUTOMATIC_RESOLUTIONS: Resolutions = {};

export interface PlanContext {
  /** This desk's clock: every written field carries its clock (architecture.md, rule 7). */
  readonly clock: Pick<HlcClock, 'next'>;
  readonly newId: () => string;
  /** ISO instant of the import: the records' `createdAt`. */
  readonly now: string;
  /** References already given in the store: a reference is never given twice. */
  readonly takenRefs?: ReadonlySet<string>;
  readonly newRef?: () => string;
  /** The version of the consent notice the form showed, when known. */
  readonly noticeVersion?: string;
  /** Rows planned so far, every 1,000 rows and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
}

export type RowOutcome =
  'created' | 'merged' | 'skipped_duplicate_existing' | 'skipped_duplicate_in_file' | 'left_out' | 'rejected_no_name';

export interface RowResult {
  readonly index: number;
  readonly line: number;
  readonly outcome: RowOutcome;
  /** Why the row was not imported; null when it was. */
  readonly reason: RejectionReason | null;
  /** The volunteer created or merged into. */
  readonly volunteerId: string | null;
  readonly ref: string | null;
  /** For a duplicate: the line of the earlier row, or the reference of the recorded volunteer. */
  readonly duplicateOfLine: number | null;
  readonly duplicateOfRef: string | null;
  /** Fields not imported because their value is faulty (imported rows only). */
  readonly droppedFields: readonly FieldIssue<ValueIssue>[];
  readonly warnings: readonly FieldIssue<ValueWarning>[];
}

export interface ImportSummary {
  readonly rows: number;
  readonly created: number;
  readonly merged: number;
  /** Rows not imported, whatever the reason (duplicates, no name, left out). */
  readonly skipped: number;
  readonly duplicates: number;
  readonly withoutName: number;
  readonly leftOut: number;
  /** Field errors of the imported rows (fields dropped). */
  readonly fieldErrors: number;
  /** Warnings of the imported rows. */
  readonly warnings: number;
  /** Imported people known to be minors at the preview's date. */
  readonly minors: number;
  /** Imported people whose age is unknown. */
  readonly ageUnknown: number;
  readonly citySharingGiven: number;
  readonly citySharingRefused: number;
}

export interface ImportPlan {
  /** Created volunteers, then the recorded ones updated by a merge. */
  readonly volunteers: Volunteer[];
  readonly consents: Consent[];
  readonly rows: readonly RowResult[];
  readonly summary: ImportSummary;
  /** The rows not imported, for the rejected-rows file. */
  readonly rejectedRows: readonly RowPreview[];
}

export function planImport(preview: ImportPreview, resolutions: Resolutions, context: PlanContext): ImportPlan {
  const created: Volunteer[] = [];
  const merged = new Map<string, Volunteer>();
  const consents: Consent[] = [];
  const results: RowResult[] = [];
  const rejectedRows: RowPreview[] = [];
  const usedRefs = new Set<string>();
  // A safety net for the invariant "never two created volunteers that are one person", should decisions or a
  // hand-made preview disagree with the analysis.
  const createdIndex = createDuplicateIndex<Volunteer>([]);
  const randomInt = pooledRandomInt();
  const newRef = (): string => {
    for (;;) {
      const ref = context.newRef ? context.newRef() : generateVolunteerRef(randomInt);
      if (!usedRefs.has(ref) && !context.takenRefs?.has(ref)) {
        usedRefs.add(ref);
        return ref;
      }
    }
  };

  for (const row of preview.rows) {
    if (context.onProgress && row.index > 0 && row.index % 1_000 === 0)
      context.onProgress(row.index, preview.rows.length);
    const resolution = resolutions[row.index] ?? {};
    const base = { index: row.index, line: row.line, warnings: row.warnings };
    const reject = (outcome: RowOutcome, reason: RejectionReason, extra: Partial<RowResult> = {}) => {
      rejectedRows.push(row);
      results.push({
        ...base,
        outcome,
        reason,
        volunteerId: null,
        ref: null,
        duplicateOfLine: null,
        duplicateOfRef: null,
        droppedFields: [],
        ...extra,
        warnings: [],
      });
    };
    if (row.status === 'error') {
      reject('rejected_no_name', 'no_name');
      continue;
    }
    if (row.duplicateOf?.kind === 'in_file') {
      reject('skipped_duplicate_in_file', 'duplicate_in_file', { duplicateOfLine: row.duplicateOf.line });
      continue;
    }
    if (row.errors.length > 0 && resolution.fieldErrors === 'leave_out') {
      reject('left_out', 'left_out');
      continue;
    }
    const decision = resolution.duplicate ?? { action: 'skip' };
    if (row.duplicateOf?.kind === 'existing' && decision.action !== 'create') {
      const matches = row.duplicateOf.matches;
      const target =
        (decision.action === 'merge' && decision.volunteerId
          ? matches.find((match) => match.volunteer.id === decision.volunteerId)
          : matches[0]) ?? matches[0];
      if (decision.action === 'skip' || !target) {
        reject('skipped_duplicate_existing', 'duplicate_existing', { duplicateOfRef: target?.volunteer.ref ?? null });
        continue;
      }
      const current = merged.get(target.volunteer.id) ?? target.volunteer;
      const updated = updateRecord(current, mergePatch(current, row.values, preview.today), context.clock.next());
      merged.set(updated.id, volunteerSchema.parse(updated));
      addConsent(row.values, updated.id);
      results.push({
        ...base,
        outcome: 'merged',
        reason: null,
        volunteerId: updated.id,
        ref: updated.ref,
        duplicateOfLine: null,
        duplicateOfRef: updated.ref,
        droppedFields: row.errors,
      });
      continue;
    }
    const volunteer = newVolunteer(row);
    const clash = createdIndex.find(volunteer)[0];
    if (clash) {
      const line = results.find((result) => result.volunteerId === clash.person.id)?.line ?? null;
      reject('skipped_duplicate_in_file', 'duplicate_in_file', { duplicateOfLine: line });
      continue;
    }
    createdIndex.add(volunteer);
    created.push(volunteer);
    addConsent(row.values, volunteer.id);
    results.push({
      ...base,
      outcome: 'created',
      reason: null,
      volunteerId: volunteer.id,
      ref: volunteer.ref,
      duplicateOfLine: null,
      duplicateOfRef: null,
      droppedFields: row.errors,
    });
  }

  context.onProgress?.(preview.rows.length, preview.rows.length);
  const volunteers = [...created, ...merged.values()];
  return { volunteers, consents, rows: results, summary: summarise(), rejectedRows };

  function newVolunteer(row: RowPreview): Volunteer {
    const { values } = row;
    const minor = isMinorAt({ birthDate: values.birthDate, ageBand: null }, preview.today);
    const record = createRecord<Volunteer>(
      {
        ref: newRef(),
        firstName: values.firstName,
        lastName: values.lastName,
        email: values.email,
        phone: values.phone,
        postcode: values.postcode,
        arrondissementInsee: values.arrondissementInsee,
        birthDate: values.birthDate,
        ageBand: null,
        // As the volunteer form does: a minor's authorisation is missing until received.
        parentalAuthorisation: minor ? 'missing' : null,
        guardianName: null,
        guardianPhone: null,
        skills: [...values.skills],
        languages: [],
        availability: values.availability,
        notes: values.notes,
        status: 'active',
      },
      { id: context.newId(), clock: context.clock.next(), createdAt: context.now },
    );
    return volunteerSchema.parse(record);
  }

  function addConsent(values: RowValues, volunteerId: string): void {
    if (!values.citySharing) return;
    const record = createRecord<Consent>(
      {
        volunteerId,
        purpose: 'city_sharing',
        given: values.citySharing.given,
        date: values.citySharing.date,
        noticeVersion: context.noticeVersion ?? 'unknown',
        channel: 'online_form',
      },
      { id: context.newId(), clock: context.clock.next(), createdAt: context.now },
    );
    consents.push(consentSchema.parse(record));
  }

  function summarise(): ImportSummary {
    const imported = results.filter((result) => result.outcome === 'created' || result.outcome === 'merged');
    const count = (outcome: RowOutcome) => results.filter((result) => result.outcome === outcome).length;
    return {
      rows: preview.rows.length,
      created: count('created'),
      merged: count('merged'),
      skipped: results.length - imported.length,
      duplicates: count('skipped_duplicate_existing') + count('skipped_duplicate_in_file'),
      withoutName: count('rejected_no_name'),
      leftOut: count('left_out'),
      fieldErrors: imported.reduce((sum, result) => sum + result.droppedFields.length, 0),
      warnings: imported.reduce((sum, result) => sum + result.warnings.length, 0),
      minors: volunteers.filter((volunteer) => isMinorAt(volunteer, preview.today)).length,
      ageUnknown: volunteers.filter((volunteer) => !volunteer.birthDate && !volunteer.ageBand).length,
      citySharingGiven: consents.filter((consent) => consent.given).length,
      citySharingRefused: consents.filter((consent) => !consent.given).length,
    };
  }
}

/**
 * A merge fills what the recorded volunteer lacks and never overwrites what they have: the desk's data was checked
 * by a person, the file's was not. Skills are added; the file's notes are appended when new.
 */
export function mergePatch(current: Volunteer, values: RowValues, today: string): Partial<Volunteer> {
  const patch: Partial<Volunteer> = {};
  if (!current.firstName && values.firstName) patch.firstName = values.firstName;
  if (!current.lastName && values.lastName) patch.lastName = values.lastName;
  if (!current.email && values.email) patch.email = values.email;
  if (!current.phone && values.phone) patch.phone = values.phone;
  if (!current.postcode && values.postcode) {
    patch.postcode = values.postcode;
    patch.arrondissementInsee = values.arrondissementInsee;
  }
  if (!current.birthDate && !current.ageBand && values.birthDate) {
    patch.birthDate = values.birthDate;
    if (isMinorAt({ birthDate: values.birthDate, ageBand: null }, today) && !current.parentalAuthorisation) {
      patch.parentalAuthorisation = 'missing';
    }
  }
  const skills = [...new Set([...current.skills, ...values.skills])];
  if (skills.length > current.skills.length && skills.length <= LIMITS.skills) patch.skills = skills;
  if (!current.availability && values.availability) patch.availability = values.availability;
  if (values.notes && !current.notes.includes(values.notes)) {
    const notes = current.notes ? `${current.notes}\n${values.notes}` : values.notes;
    if (notes.length <= LIMITS.notes) patch.notes = notes;
  }
  return patch;
}

/**
 * Uniform integers below `n` (a power of two up to 256, as the references' 32) from random bytes fetched 4 KB at a
 * time: one `getRandomValues` call per character made reference generation the slowest step of a 50,000-row import.
 */
function pooledRandomInt(): (n: number) => number {
  const pool = new Uint8Array(4096);
  let next = pool.length;
  return (n) => {
    if (next >= pool.length) {
      globalThis.crypto.getRandomValues(pool);
      next = 0;
    }
    return (pool[next++] ?? 0) % n;
  };
}
