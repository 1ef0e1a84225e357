import type { Alias, AuditEntry, Erasure, Volunteer } from '../domain/model';
import { compareKeys } from '../snapshot/format';
import type { Dataset } from './dataset';
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
 * Consents, sign-ups and check-in events are left as they are; the export log keeps its ids so that the erasure
 * screen can list earlier exports that contained the person.
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
  /** The reference an erased volunteer's record carries, or null when the id is not erased. */
  replacementRef(volunteerId: string): string | null;
  eraseVolunteer(volunteer: Volunteer): Volunteer;
  eraseAlias(alias: Alias): Alias;
  redactAuditEntry(entry: AuditEntry): AuditEntry;
}

export function createErasurePolicy(erasures: Iterable<Erasure>, aliases: Iterable<Alias>): ErasurePolicy {
  const register = new Map<string, Erasure>();
  for (const erasure of erasures) register.set(erasure.volunteerId, erasure);
  const replacement = replacementRefs(register, aliases);
  const erasedIds: ReadonlySet<string> = new Set(replacement.keys());
  return {
    erasedIds,
    replacementRef: (volunteerId) => replacement.get(volunteerId) ?? null,
    eraseVolunteer(volunteer) {
      const ref = replacement.get(volunteer.id);
      return ref === undefined
        ? volunteer
        : { ...volunteer, ...ERASED_VOLUNTEER_FIELDS, skills: [], languages: [], ref };
    },
    eraseAlias(alias) {
      const ref = replacement.get(alias.fromVolunteerId) ?? replacement.get(alias.toVolunteerId);
      return ref === undefined ? alias : { ...alias, fromRef: ref };
    },
    redactAuditEntry(entry) {
      const linked =
        (entry.subjectId !== null && erasedIds.has(entry.subjectId)) || mentionsAny(entry.details, erasedIds);
      return linked ? { ...entry, details: redactDetails(entry.details) as AuditEntry['details'] } : entry;
    },
  };
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
 * after every restore, merge and pull.
 */
export function applyErasures(dataset: Dataset): Dataset {
  const policy = createErasurePolicy(dataset.erasures, dataset.aliases);
  if (policy.erasedIds.size === 0) return dataset;
  return {
    ...dataset,
    volunteers: dataset.volunteers.map((volunteer) => policy.eraseVolunteer(volunteer)),
    aliases: dataset.aliases.map((alias) => policy.eraseAlias(alias)),
    auditLog: dataset.auditLog.map((entry) => policy.redactAuditEntry(entry)),
  };
}
