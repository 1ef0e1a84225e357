import { emailComparisonKey } from './email';
import type { Volunteer } from './model';
import { normalisePhone } from './phone';
import { compactFold } from './text-folding';

/**
 * The one "same person" rule used everywhere (architecture.md, rule 7; imports, merges, the create form): same
 * e-mail (case ignored), same phone (normalised to E.164), or same folded name AND same date of birth.
 */

export const DUPLICATE_RULES = ['same_email', 'same_phone', 'same_name_and_birth_date'] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

export type PersonIdentity = Pick<Volunteer, 'firstName' | 'lastName' | 'email' | 'phone' | 'birthDate'> & {
  readonly id?: string;
  readonly deleted?: boolean;
};

export interface DuplicateCandidate<P extends PersonIdentity> {
  readonly person: P;
  /** Every rule that matched, in the order of DUPLICATE_RULES. */
  readonly rules: readonly DuplicateRule[];
}

/** The comparison keys of a person under each rule, or null where the person lacks the fields. */
export function duplicateKeys(person: PersonIdentity): Record<DuplicateRule, string | null> {
  const email = person.email ? emailComparisonKey(person.email) : '';
  const phone = person.phone ? normalisePhone(person.phone) : null;
  const first = compactFold(person.firstName);
  const last = compactFold(person.lastName);
  return {
    same_email: email === '' ? null : email,
    // A number that does not parse is compared by its digits, so two identical typos still match.
    same_phone: phone === null ? null : phone.ok ? phone.e164 : person.phone?.replace(/\D/g, '') || null,
    // First and last names stay apart ("|") so that "Marie Anne" + "Dupont" is not "Marie" + "Anne Dupont".
    same_name_and_birth_date:
      person.birthDate && (first !== '' || last !== '') ? `${first}|${last}|${person.birthDate}` : null,
  };
}

/** Which rules say that `a` and `b` are the same person (empty when none). */
export function samePersonRules(a: PersonIdentity, b: PersonIdentity): DuplicateRule[] {
  const keysA = duplicateKeys(a);
  const keysB = duplicateKeys(b);
  return DUPLICATE_RULES.filter((rule) => keysA[rule] !== null && keysA[rule] === keysB[rule]);
}

/** The candidate duplicates of `person` among `others` (itself, by id, and deleted records excluded). */
export function findDuplicateCandidates<P extends PersonIdentity>(
  person: PersonIdentity,
  others: Iterable<P>,
): DuplicateCandidate<P>[] {
  const candidates: DuplicateCandidate<P>[] = [];
  for (const other of others) {
    if (other.deleted || (person.id !== undefined && other.id === person.id)) continue;
    const rules = samePersonRules(person, other);
    if (rules.length > 0) candidates.push({ person: other, rules });
  }
  return candidates;
}

/**
 * The same search over an index built once, for imports of tens of thousands of rows: one map lookup per rule
 * instead of a scan of every volunteer per row.
 */
export function createDuplicateIndex<P extends PersonIdentity>(people: Iterable<P>) {
  const byKey = new Map<string, P[]>();
  const add = (person: P) => {
    if (person.deleted) return;
    const keys = duplicateKeys(person);
    for (const rule of DUPLICATE_RULES) {
      const key = keys[rule];
      if (key === null) continue;
      const indexKey = `${rule}\u0000${key}`;
      byKey.set(indexKey, [...(byKey.get(indexKey) ?? []), person]);
    }
  };
  for (const person of people) add(person);
  return {
    add,
    find(person: PersonIdentity): DuplicateCandidate<P>[] {
      const keys = duplicateKeys(person);
      const found = new Map<P, DuplicateRule[]>();
      for (const rule of DUPLICATE_RULES) {
        const key = keys[rule];
        if (key === null) continue;
        for (const other of byKey.get(`${rule}\u0000${key}`) ?? []) {
          if (person.id !== undefined && other.id === person.id) continue;
          found.set(other, [...(found.get(other) ?? []), rule]);
        }
      }
      return [...found].map(([other, rules]) => ({ person: other, rules }));
    },
  };
}
