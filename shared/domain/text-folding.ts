import type { Volunteer } from './model';

/**
 * Folding for search and for the "same name" rule (product.md: "helene" finds "Hélène", "lefevre" finds "Le Fèvre").
 * Hand-written because it is a few lines of standard Unicode normalisation plus French-specific choices (ligatures,
 * particles) that no search library makes for us. Every function here is idempotent: folding a folded text gives it
 * back, so keys stored in an index and queries folded at each keystroke always agree.
 *
 * Nothing here loads libphonenumber (issue #12: start-up code imports this module): a volunteer's keys take the
 * phone's digits as given, from ./phone-quick.ts or, for unusual shapes, from ./search-keys.ts fetched on demand.
 */

/** Name particles dropped as separate tokens, so that "Le Fèvre", "de la Fontaine" match on the name itself. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  'd',
  'le',
  'la',
  'les',
  'l',
  'van',
  'von',
  'der',
  'da',
  'di',
]);

const LIGATURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/œ/g, 'oe'],
  [/æ/g, 'ae'],
  [/ß/g, 'ss'],
];

/**
 * Lower case, accents removed, œ → oe, æ → ae, ß → ss, every run of other characters (hyphens, apostrophes,
 * punctuation, spaces) → one space, trimmed. NFKD (not only NFD) also splits compatibility forms such as "ﬁ".
 * Case and decomposition are applied twice because each can reveal work for the other (Ⓗ lower-cases, ℌ decomposes
 * to an upper-case H), which keeps the function idempotent.
 */
export function foldText(text: string): string {
  let folded = text;
  for (let pass = 0; pass < 2; pass++) {
    folded = folded
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    for (const [pattern, replacement] of LIGATURES) folded = folded.replace(pattern, replacement);
  }
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The folded tokens of a name, particles dropped (unless the name is nothing but particles: "Da" stays "da"). */
export function foldNameTokens(name: string): string[] {
  const tokens = foldText(name)
    .split(' ')
    .filter((token) => token !== '');
  const meaningful = tokens.filter((token) => !NAME_PARTICLES.has(token));
  return meaningful.length > 0 ? meaningful : tokens;
}

/** A name folded with its particles dropped: "Jean-Pierre Le Fèvre" → "jean pierre fevre". */
export function foldName(name: string): string {
  return foldNameTokens(name).join(' ');
}

/** A name folded with no spaces, particles kept: "Le Fèvre" → "lefevre", "N'Diaye" → "ndiaye". */
export function compactFold(text: string): string {
  return foldText(text).replace(/ /g, '');
}

export type SearchableVolunteer = Pick<Volunteer, 'firstName' | 'lastName' | 'email' | 'phone' | 'ref'>;

/**
 * The keys of a volunteer in a multi-entry search index: folded name tokens, compact names (alone and first+last,
 * last+first), the e-mail in lower case, the phone's digits (international and French national forms), and the
 * reference (folded, with and without its dash). A query matches when every query token is a prefix of a key.
 * The phone's digits are given: ./search-keys.ts computes them with libphonenumber, ./phone-quick.ts without.
 */
export function volunteerSearchKeys(volunteer: SearchableVolunteer, phoneDigits: readonly string[]): string[] {
  const keys = new Set<string>();
  const first = compactFold(volunteer.firstName);
  const last = compactFold(volunteer.lastName);
  for (const token of [...foldNameTokens(volunteer.firstName), ...foldNameTokens(volunteer.lastName)]) keys.add(token);
  for (const compact of [first, last, first + last, last + first]) if (compact !== '') keys.add(compact);
  if (volunteer.email) keys.add(volunteer.email.trim().toLowerCase());
  for (const digits of phoneDigits) keys.add(digits);
  const ref = volunteer.ref.toLowerCase();
  keys.add(ref);
  keys.add(ref.replace(/-/g, ''));
  return [...keys].sort();
}

/**
 * What to look up for a query: alternatives, any of which may match. Each alternative is a list of prefixes that
 * must all start some key: the folded name tokens; the whole query compacted ("le fevre" also looks for
 * "lefevre…"); the digits of a phone-like query; the lower-cased text of a query with an "@".
 */
export interface SearchQuery {
  readonly alternatives: readonly (readonly string[])[];
}

const PHONE_LIKE = /^[\d\s.\-+()/]+$/;

export function parseSearchQuery(query: string): SearchQuery {
  const trimmed = query.trim();
  const tokens = foldNameTokens(trimmed);
  if (tokens.length === 0) return { alternatives: [] };
  const alternatives: string[][] = [tokens, [compactFold(trimmed)]];
  if (PHONE_LIKE.test(trimmed)) alternatives.push([trimmed.replace(/\D/g, '')]);
  if (trimmed.includes('@')) alternatives.push([trimmed.toLowerCase()]);
  return { alternatives };
}

/** True when, for one of the query's alternatives, every prefix starts a key. An empty query matches everyone. */
export function matchesSearch(keys: readonly string[], query: string | SearchQuery): boolean {
  const parsed = typeof query === 'string' ? parseSearchQuery(query) : query;
  if (parsed.alternatives.length === 0) return true;
  return parsed.alternatives.some((prefixes) =>
    prefixes.every((prefix) => prefix !== '' && keys.some((key) => key.startsWith(prefix))),
  );
}
