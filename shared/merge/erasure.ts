import { identityNeedles, removeMentions } from '../domain/identity-mentions';
import type { Alias, AuditEntry, Erasure, Volunteer } from '../domain/model';
import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { compareKeys } from '../snapshot/format';
import type { Dataset, PartialDataset } from './dataset';
import { derivedVolunteerRef } from './stable-id';

/**
 * The erasure register always wins (architecture.md, rule 7; product.md, "Privacy"): after every merge, restore and
 * pull, the register is applied again, so no other desk's older copy can bring an erased person back.
 *
 * What erasure does to the data:
 * - The volunteer record stays, as an anonymous record: identity, contact and free-text fields are blanked and its
 *   reference becomes the register's `replacementRef`. Sign-ups, check-ins and consents keep pointing to the same id,
 *   so participations still count (hours, figures) and exports show the replacement reference (city-export.md,
 *   "Erased volunteers"). Removing the record instead would leave sign-ups pointing at nothing.
 * - The blanking keeps each field's clock: only the value goes. Whatever clock another desk's copy carries, the
 *   register is applied after the join, so the value is blank again — and the result does not depend on the order.
 * - A person is one person across aliases: records linked by an alias (either direction, deleted or not) to an erased
 *   id are erased too; one without its own register entry gets a reference derived from the register's.
 * - Aliases involving an erased person lose the old reference they kept (`fromRef`).
 * - Audit-log entries about an erased person (their id as `subjectId` or anywhere in `details`, which is how the
 *   repositories write them) keep their ids but lose every other text of `details` (names, reasons). Entries are
 *   linked by the person's id only, not through a sign-up's `volunteerId`: that field can change (a merge of two
 *   people moves sign-ups), and a link that can disappear would make the redaction depend on the order of merges.
 * - Copies of the person's identity NOT linked to them by id — their full name (either order), e-mail, phones and
 *   guardian's name written as free text in another record: an audit entry about something else, an export-log
 *   entry's reason or file name, a review item's summary, another volunteer's notes, a mission's referent — are
 *   removed wherever they appear, in every shared table (shared/domain/identity-mentions.ts: whole identifiers only).
 *   Other volunteers' own identity and contact fields are never touched: a brother's guardian phone or a shared
 *   family e-mail is theirs too.
 *
 * Where the identity comes from: the register stores no identity (only the id, the date and the new reference:
 * keeping even a salted hash of a name would let anyone holding a snapshot test whether a given person was erased).
 * The texts to remove are read from the erased person's records themselves — every copy the operation sees, before
 * it is blanked: the store's own, and, in a merge, each side's version as well as the joined one (`applyErasures`'
 * `inputs`). Another desk's older snapshot carries its own copy of the person with the texts it wrote about them, so
 * merging it brings in the very identity to remove. Known limit (docs/merge.md): text naming the person on a desk
 * that never held their record, or under a name none of the merged copies still carries, is not recognised.
 *
 * Consents, sign-ups and check-in events keep their links; the export log keeps its ids so that the erasure screen
 * can list earlier exports that contained the person.
 */

/** What an erased volunteer's fields become. */
export const ERASED_VOLUNTEER_FIELDS = {
  firstName: '',
  lastName: '',
  email: null,
  phone: null,
  postcode: null,
  arrondissementInsee: null,
  birthDate: null,
  ageBand: null,
  parentalAuthorisation: null,
  guardianName: null,
  guardianPhone: null,
  skills: [],
  languages: [],
  availability: '',
  notes: '',
} as const satisfies Partial<Volunteer>;

export interface ErasurePolicy {
  /** Every erased volunteer id: those of the register and those linked to one by aliases. */
  readonly erasedIds: ReadonlySet<string>;
  /** The erased people's identity texts found in the volunteer copies given (longest first). */
  readonly needles: readonly string[];
  /** The reference an erased volunteer's record carries, or null when the id is not erased. */
  replacementRef(volunteerId: string): string | null;
  eraseVolunteer(volunteer: Volunteer): Volunteer;
  eraseAlias(alias: Alias): Alias;
  redactAuditEntry(entry: AuditEntry): AuditEntry;
  /** Any record of any shared table with the rules above applied (the same record when nothing applies). */
  applyTo<T extends SharedTableName>(table: T, record: SharedRecord<T>): SharedRecord<T>;
}

/**
 * `identities`: copies of volunteer records (any version, any desk) in which to read the erased people's identity
 * texts; those of people not erased are ignored.
 */
export function createErasurePolicy(
  erasures: Iterable<Erasure>,
  aliases: Iterable<Alias>,
  identities: Iterable<Volunteer> = [],
): ErasurePolicy {
  const register = new Map<string, Erasure>();
  for (const erasure of erasures) register.set(erasure.volunteerId, erasure);
  const replacement = replacementRefs(register, aliases);
  const erasedIds: ReadonlySet<string> = new Set(replacement.keys());
  const needles = erasedNeedles(erasedIds, identities);
  const scrub = <V>(value: V): V => removeMentions(value, needles);

  const eraseVolunteer = (volunteer: Volunteer): Volunteer => {
    const ref = replacement.get(volunteer.id);
    return ref === undefined ? volunteer : { ...volunteer, ...ERASED_VOLUNTEER_FIELDS, skills: [], languages: [], ref };
  };
  const eraseAlias = (alias: Alias): Alias => {
    const ref = replacement.get(alias.fromVolunteerId) ?? replacement.get(alias.toVolunteerId);
    return ref === undefined ? alias : { ...alias, fromRef: ref };
  };
  const redactAuditEntry = (entry: AuditEntry): AuditEntry => {
    const linked =
      (entry.subjectId !== null && erasedIds.has(entry.subjectId)) || mentionsAny(entry.details, erasedIds);
    return linked ? { ...entry, details: redactDetails(entry.details) as AuditEntry['details'] } : entry;
  };

  function applyTo<T extends SharedTableName>(table: T, record: SharedRecord<T>): SharedRecord<T> {
    if (table === 'erasures') return record;
    if (table === 'volunteers') {
      const volunteer = record as Volunteer;
      if (erasedIds.has(volunteer.id)) return eraseVolunteer(volunteer) as SharedRecord<T>;
      // Someone else: only their free texts may quote the erased person.
      return scrubFields(volunteer, VOLUNTEER_FREE_TEXT, scrub) as SharedRecord<T>;
    }
    if (table === 'aliases') return scrubFields(eraseAlias(record as Alias), null, scrub) as SharedRecord<T>;
    if (table === 'auditLog')
      return scrubFields(redactAuditEntry(record as AuditEntry), null, scrub) as SharedRecord<T>;
    return scrubFields(record, null, scrub);
  }

  return {
    erasedIds,
    needles,
    replacementRef: (volunteerId) => replacement.get(volunteerId) ?? null,
    eraseVolunteer,
    eraseAlias,
    redactAuditEntry,
    applyTo,
  };
}

/** The only fields of another volunteer's record that can quote someone: free texts, never identity or contacts. */
const VOLUNTEER_FREE_TEXT: readonly string[] = ['notes', 'availability'];

/**
 * Sorted longest first, then by text: one alternation that tries the longer identifier first ("Aline Dupont-Martin"
 * before "Aline Dupont"), and the same pattern whatever the order the copies came in.
 */
function erasedNeedles(erasedIds: ReadonlySet<string>, identities: Iterable<Volunteer>): string[] {
  if (erasedIds.size === 0) return [];
  const found = new Set<string>();
  for (const volunteer of identities) {
    if (!erasedIds.has(volunteer.id)) continue;
    for (const needle of identityNeedles(volunteer)) found.add(needle);
  }
  return [...found].sort((a, b) => b.length - a.length || compareKeys(a, b));
}

/**
 * The record with `scrub` applied to its fields (`only`, or all), never to its keys, ids and clocks: those are never
 * free text, and a clock must keep its value for the merge to stay a join.
 */
function scrubFields<R>(record: R, only: readonly string[] | null, scrub: <V>(value: V) => V): R {
  let changed: Record<string, unknown> | null = null;
  for (const [field, value] of Object.entries(record as Record<string, unknown>)) {
    if (only ? !only.includes(field) : field === 'clocks' || ID_KEY.test(field)) continue;
    if (typeof value !== 'string' && (value === null || typeof value !== 'object')) continue;
    const next = scrub(value);
    if (next === value) continue;
    changed ??= { ...(record as Record<string, unknown>) };
    changed[field] = next;
  }
  return (changed as R | null) ?? record;
}

/**
 * Each erased id and the reference its record takes. Alias links are followed both ways (a merge of two records of
 * one person, then an erasure of either id, erases the person); within one group the earliest erasure (then the
 * smallest id) gives the derived references, so every desk computes the same.
 */
function replacementRefs(register: ReadonlyMap<string, Erasure>, aliases: Iterable<Alias>): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const alias of aliases) {
    const from = find(alias.fromVolunteerId);
    const to = find(alias.toVolunteerId);
    if (from !== to) parent.set(compareKeys(from, to) < 0 ? to : from, compareKeys(from, to) < 0 ? from : to);
  }
  const groupErasure = new Map<string, Erasure>();
  for (const erasure of register.values()) {
    const group = find(erasure.volunteerId);
    const current = groupErasure.get(group);
    if (!current || earlier(erasure, current)) groupErasure.set(group, erasure);
  }
  const result = new Map<string, string>();
  for (const [id, erasure] of register) result.set(id, erasure.replacementRef);
  for (const id of [...parent.keys()]) {
    if (result.has(id)) continue;
    const erasure = groupErasure.get(find(id));
    if (erasure) result.set(id, derivedVolunteerRef(erasure.replacementRef, id));
  }
  return result;
}

function earlier(a: Erasure, b: Erasure): boolean {
  return (Date.parse(a.erasedAt) - Date.parse(b.erasedAt) || compareKeys(a.volunteerId, b.volunteerId)) < 0;
}

/** Keys whose values are ids of records, kept when an entry is redacted so it still says what it was about. */
const ID_KEY = /(^id$|Id$|Ids$)/;

function redactDetails(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return ID_KEY.test(key) ? value : '';
  if (Array.isArray(value)) return value.map((item) => redactDetails(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([inner, item]) => [inner, redactDetails(item, inner)]));
  }
  return value;
}

function mentionsAny(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return ids.has(value);
  if (Array.isArray(value)) return value.some((item) => mentionsAny(item, ids));
  if (value !== null && typeof value === 'object') return Object.values(value).some((item) => mentionsAny(item, ids));
  return false;
}

/**
 * Apply the erasure register to a dataset. Idempotent, and only values change (never keys or clocks), so it can run
 * after every restore, merge and pull. `inputs`: the datasets a merge joined into this one, whose copies of an erased
 * person may still carry an identity that the joined copy no longer shows.
 */
export function applyErasures(dataset: Dataset, inputs: readonly PartialDataset[] = []): Dataset {
  const identities = [dataset, ...inputs].flatMap((source) => source.volunteers ?? []);
  const policy = createErasurePolicy(dataset.erasures, dataset.aliases, identities);
  if (policy.erasedIds.size === 0) return dataset;
  return Object.fromEntries(
    SHARED_TABLE_NAMES.map((table) => [
      table,
      (dataset[table] as readonly SharedRecord<typeof table>[]).map((record) => policy.applyTo(table, record)),
    ]),
  ) as unknown as Dataset;
}
