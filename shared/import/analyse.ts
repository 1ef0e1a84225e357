import { isMinorAt } from '../domain/age';
import { createDuplicateIndex, type DuplicateRule, type PersonIdentity } from '../domain/duplicates';
import type { LocalDate } from '../domain/local-date';
import type { Volunteer } from '../domain/model';
import { isCommentHeader, mappingKey, type ImportMapping, type PersonField } from './mapping';
import type { Delimiter } from './delimiter';
import type { TextEncodingName } from './decode';
import type { ParsedCsv, ParsedRow } from './parse';
import {
  birthDateValue,
  emailValue,
  LIMITS,
  nameValue,
  phoneValue,
  postcodeValue,
  skillsValue,
  textValue,
  timestampValue,
  yesNoValue,
  type ValueIssue,
  type ValueResult,
  type ValueWarning,
} from './values';

/**
 * The preview (issue #10, "Preview"): every row with its values through the domain's rules, its field errors and
 * warnings, and its status. Pure and plain data (it can be posted from a Worker); nothing is written. The same-person
 * rule is the domain's one (`createDuplicateIndex`): against the volunteers already recorded, and within the file,
 * where a later row that is the same person as an earlier one is a duplicate and skipped.
 */

export type FieldName = PersonField | 'notes';

export interface FieldIssue<C extends string = ValueIssue | ValueWarning> {
  readonly field: FieldName;
  /** 0-based column of the cell. */
  readonly column: number;
  readonly code: C;
  /** The cell as typed, for the screen to show and fix. */
  readonly text: string;
}

/** What a row gives, faulty fields left empty (their issue says why). */
export interface RowValues {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly postcode: string | null;
  readonly arrondissementInsee: string | null;
  readonly birthDate: LocalDate | null;
  readonly skills: readonly string[];
  readonly availability: string;
  readonly notes: string;
  /** The answer to the city-sharing consent question, dated; null when the file does not say. */
  readonly citySharing: { readonly given: boolean; readonly date: LocalDate } | null;
}

export type RowStatus = 'new' | 'field_errors' | 'duplicate_existing' | 'duplicate_in_file' | 'error';

export interface ExistingMatch {
  readonly volunteer: Volunteer;
  readonly rules: readonly DuplicateRule[];
}

export type DuplicateOf =
  | { readonly kind: 'existing'; readonly matches: readonly ExistingMatch[] }
  | { readonly kind: 'in_file'; readonly row: number; readonly line: number; readonly rules: readonly DuplicateRule[] };

export interface RowPreview {
  readonly index: number;
  readonly line: number;
  readonly cells: readonly string[];
  /** The worst thing about the row: error > duplicate in file > duplicate of a volunteer > field errors > new. */
  readonly status: RowStatus;
  readonly values: RowValues;
  readonly errors: readonly FieldIssue<ValueIssue>[];
  readonly warnings: readonly FieldIssue<ValueWarning>[];
  /** Known to be under 18 on `today` (an unknown age is not known to be a minor). */
  readonly minor: boolean;
  readonly duplicateOf: DuplicateOf | null;
}

export interface ImportOptions {
  /** The local date the ages are computed at (Paris), injected so tests and the command line are deterministic. */
  readonly today: LocalDate;
  /** The consent date for rows without a timestamp: the file's date (default: `today`). */
  readonly fileDate?: LocalDate;
  /** Turn names written all in capitals into capitalised words (off by default: names are stored as typed). */
  readonly fixAllCaps?: boolean;
  /** Rows analysed so far, every 1,000 rows and at the end (about 0.1–0.2 ms a row: run it in a Worker). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ImportPreview {
  readonly file: {
    readonly encoding: TextEncodingName;
    readonly hadBom: boolean;
    readonly fellBackToWindows1252: boolean;
    readonly delimiter: Delimiter;
  };
  readonly header: readonly string[];
  readonly mapping: ImportMapping;
  readonly mappingKey: string;
  readonly today: LocalDate;
  readonly rows: readonly RowPreview[];
  readonly counts: Readonly<Record<RowStatus, number>>;
}

const PROGRESS_EVERY = 1_000;

/** Something that finds the recorded volunteers a person may be (the domain's duplicate index). */
export interface ExistingVolunteers {
  find(person: PersonIdentity): readonly { readonly person: Volunteer; readonly rules: readonly DuplicateRule[] }[];
}

/**
 * `existing`: the recorded volunteers, or an index built once over them (`createDuplicateIndex`) when the screen
 * analyses the same file several times (after each fix). The mapping must pass `checkMapping`.
 */
export function analyseImport(
  parsed: ParsedCsv,
  mapping: ImportMapping,
  existing: Iterable<Volunteer> | ExistingVolunteers,
  options: ImportOptions,
): ImportPreview {
  const index: ExistingVolunteers = isIndex(existing) ? existing : createDuplicateIndex(existing);
  const inFile = createDuplicateIndex<PersonIdentity & { id: string; line: number }>([]);
  const rows: RowPreview[] = [];
  const counts: Record<RowStatus, number> = {
    new: 0,
    field_errors: 0,
    duplicate_existing: 0,
    duplicate_in_file: 0,
    error: 0,
  };
  for (const row of parsed.rows) {
    const read = readRow(row, parsed.header, mapping, options);
    const identity = { ...read.values, id: String(row.index), line: row.line };
    let duplicateOf: DuplicateOf | null = null;
    if (!read.noName) {
      const earlier = inFile.find(identity)[0];
      if (earlier) {
        duplicateOf = {
          kind: 'in_file',
          row: Number(earlier.person.id),
          line: earlier.person.line,
          rules: earlier.rules,
        };
      } else {
        inFile.add(identity);
        const matches = index.find(identity).map((match) => ({ volunteer: match.person, rules: match.rules }));
        if (matches.length > 0) duplicateOf = { kind: 'existing', matches };
      }
    }
    const status: RowStatus = read.noName
      ? 'error'
      : duplicateOf?.kind === 'in_file'
        ? 'duplicate_in_file'
        : duplicateOf
          ? 'duplicate_existing'
          : read.errors.length > 0
            ? 'field_errors'
            : 'new';
    counts[status]++;
    if (options.onProgress && (row.index + 1) % PROGRESS_EVERY === 0)
      options.onProgress(row.index + 1, parsed.rows.length);
    rows.push({
      index: row.index,
      line: row.line,
      cells: row.cells,
      status,
      values: read.values,
      errors: read.errors,
      warnings: read.warnings,
      minor: isMinorAt({ birthDate: read.values.birthDate, ageBand: null }, options.today),
      duplicateOf,
    });
  }
  options.onProgress?.(parsed.rows.length, parsed.rows.length);
  return {
    file: {
      encoding: parsed.encoding,
      hadBom: parsed.hadBom,
      fellBackToWindows1252: parsed.fellBackToWindows1252,
      delimiter: parsed.delimiter,
    },
    header: parsed.header,
    mapping,
    mappingKey: mappingKey(parsed.header),
    today: options.today,
    rows,
    counts,
  };
}

function isIndex(existing: Iterable<Volunteer> | ExistingVolunteers): existing is ExistingVolunteers {
  return typeof (existing as Partial<ExistingVolunteers>).find === 'function' && !(Symbol.iterator in existing);
}

interface ReadRow {
  readonly values: RowValues;
  readonly errors: FieldIssue<ValueIssue>[];
  readonly warnings: FieldIssue<ValueWarning>[];
  readonly noName: boolean;
}

/** One row's cells through the value rules, column by column as the mapping says. */
export function readRow(
  row: ParsedRow,
  header: readonly string[],
  mapping: ImportMapping,
  options: ImportOptions,
): ReadRow {
  const errors: FieldIssue<ValueIssue>[] = [];
  const warnings: FieldIssue<ValueWarning>[] = [];
  const cellOf = new Map<PersonField, { column: number; text: string }>();
  const notes: string[] = [];
  mapping.columns.forEach((target, column) => {
    const text = row.cells[column] ?? '';
    if (target === 'ignore') return;
    if (target === 'notes') {
      const note = text.trim();
      if (note !== '')
        notes.push(isCommentHeader(header[column] ?? '') ? note : `${(header[column] ?? '').trim()} : ${note}`);
      return;
    }
    cellOf.set(target, { column, text });
  });
  if (row.cells.slice(header.length).some((cell) => cell.trim() !== '')) {
    warnings.push({
      field: 'notes',
      column: header.length,
      code: 'extra_cells',
      text: row.cells.slice(header.length).join(' '),
    });
  }
  if (row.malformedQuotes) warnings.push({ field: 'notes', column: 0, code: 'malformed_quotes', text: '' });

  /** The value of a field, its error or warning recorded; `empty` when the column is not mapped or the value faulty. */
  function take<T>(
    field: FieldName,
    rule: (text: string) => ValueResult<T>,
    empty: T,
    cell = cellOf.get(field as PersonField),
  ): T {
    if (!cell) return empty;
    const result = rule(cell.text);
    if (!result.ok) {
      errors.push({ field, column: cell.column, code: result.error, text: cell.text });
      return empty;
    }
    if (result.warning) warnings.push({ field, column: cell.column, code: result.warning, text: cell.text });
    return result.value;
  }

  const fixAllCaps = options.fixAllCaps ?? false;
  const firstName = take('firstName', (text) => nameValue(text, fixAllCaps), '');
  const lastName = take('lastName', (text) => nameValue(text, fixAllCaps), '');
  const place = take('postcode', postcodeValue, null);
  const given = take('citySharing', yesNoValue, null);
  const submittedOn = take('submittedAt', (text) => timestampValue(text, options.today), null);
  const notesText = notes.join('\n');
  const notesCell = { column: mapping.columns.indexOf('notes'), text: notesText };
  const values: RowValues = {
    firstName,
    lastName,
    email: take('email', emailValue, null),
    phone: take('phone', phoneValue, null),
    postcode: place?.postcode ?? null,
    arrondissementInsee: place?.arrondissementInsee ?? null,
    birthDate: take('birthDate', (text) => birthDateValue(text, options.today), null),
    skills: take('skills', skillsValue, []),
    availability: take('availability', (text) => textValue(text, LIMITS.availability), ''),
    notes: notesText === '' ? '' : take('notes', (text) => textValue(text, LIMITS.notes), '', notesCell),
    citySharing: given === null ? null : { given, date: submittedOn ?? options.fileDate ?? options.today },
  };
  // In the order of the columns, as the screen shows them.
  errors.sort((a, b) => a.column - b.column);
  warnings.sort((a, b) => a.column - b.column);
  return { values, errors, warnings, noName: firstName === '' && lastName === '' };
}
