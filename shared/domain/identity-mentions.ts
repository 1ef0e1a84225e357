import type { Volunteer } from './model';

/**
 * Copies of a person's identity kept as free text outside their own record (an audit entry's details, an export's
 * reason). An erasure removes them where it can see them (docs/merge.md, "Known limits": text not linked to the
 * person's id is found only by its content). Only whole identifiers are looked for — the full name in either order,
 * the e-mail, the phones, the guardian's name — never a first name alone, which would blank other people's texts.
 */

export type IdentityFields = Pick<
  Volunteer,
  'firstName' | 'lastName' | 'email' | 'phone' | 'guardianName' | 'guardianPhone'
>;

/** Shorter than this, a text is too common to be an identifier. */
const MIN_LENGTH = 5;

export function identityNeedles(person: IdentityFields): string[] {
  const first = person.firstName.trim();
  const last = person.lastName.trim();
  const candidates = [
    first && last ? `${first} ${last}` : '',
    first && last ? `${last} ${first}` : '',
    person.email ?? '',
    person.phone ?? '',
    // A phone is often written the French way in free text: 06 12 34 56 78 or 0612345678.
    person.phone?.startsWith('+33') ? `0${person.phone.slice(3)}` : '',
    person.guardianName ?? '',
    person.guardianPhone ?? '',
  ];
  return [...new Set(candidates.map((text) => text.trim()).filter((text) => text.length >= MIN_LENGTH))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `value` with every mention of a needle (case ignored) removed, at any depth; the same value when none is found. */
export function removeMentions<T>(value: T, needles: readonly string[]): T {
  if (needles.length === 0) return value;
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'giu');
  const visit = (inner: unknown): unknown => {
    if (typeof inner === 'string') {
      const replaced = inner.replace(pattern, '');
      return replaced === inner ? inner : replaced;
    }
    if (Array.isArray(inner)) {
      const next = inner.map(visit);
      return next.some((item, i) => item !== inner[i]) ? next : inner;
    }
    if (inner !== null && typeof inner === 'object') {
      const entries = Object.entries(inner);
      const next = entries.map(([key, item]) => [key, visit(item)] as const);
      return next.some(([, item], i) => item !== entries[i]?.[1]) ? Object.fromEntries(next) : inner;
    }
    return inner;
  };
  return visit(value) as T;
}
