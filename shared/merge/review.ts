import { createDuplicateIndex, samePersonRules, type DuplicateRule, type PersonIdentity } from '../domain/duplicates';
import type { ReviewItem, Volunteer } from '../domain/model';
import { encodeHlc } from '../records/hlc';
import { createRecord } from '../records/record';
import { compareKeys } from '../snapshot/format';
import { stableUuid } from './stable-id';
import { inSchemaOrder } from './versions';

/**
 * The same person under two ids (the one rule of architecture.md, rule 7: e-mail, phone, or folded name and birth
 * date) is never merged automatically: the merge puts the pair on the review list, and a person decides.
 *
 * A suggestion is derived data: its id comes from the sorted pair and every field carries `DERIVED_CLOCK`, the
 * earliest clock there is. So:
 * - merging in any order derives the same item (same id, same fields);
 * - any real action on it (resolving it, deleting it) carries a later clock and wins, and the pair is then never
 *   suggested again — nor when any other possible-duplicate item already names both ids;
 * - a suggestion nobody touched is recomputed from the merged people at every merge: dropped if the two records no
 *   longer match (an e-mail corrected on a third desk), so the list never depends on the order in which desks met.
 */

export const DERIVED_CLOCK = encodeHlc({ wallMs: 0, counter: 0, deskId: 'merge' });
const PAIR_NAMESPACE = 'desk-climat/possible-duplicate';

export type PersonRecord = PersonIdentity & Pick<Volunteer, 'id' | 'createdAt' | 'deleted'>;

/** The id of the review item about two volunteer ids, whatever their order. */
export function duplicatePairId(idA: string, idB: string): string {
  const [low, high] = sortedPair(idA, idB);
  return stableUuid(PAIR_NAMESPACE, `${low}\u0000${high}`);
}

/** A suggestion made by a merge that no one has acted on yet. */
export function isUntouchedSuggestion(item: ReviewItem): boolean {
  return (
    item.kind === 'possible_duplicate' &&
    item.recordIds.length === 2 &&
    item.id === duplicatePairId(item.recordIds[0] as string, item.recordIds[1] as string) &&
    Object.values(item.clocks).every((clock) => clock === DERIVED_CLOCK)
  );
}

const RULE_TEXT: Record<DuplicateRule, readonly [string, string]> = {
  same_email: ['même e-mail', 'same e-mail'],
  same_phone: ['même téléphone', 'same phone'],
  same_name_and_birth_date: ['même nom et date de naissance', 'same name and date of birth'],
};

/** No name in the summary: a review item must not keep the identity of a person who is later erased. */
function summaryOf(rules: readonly DuplicateRule[]): string {
  const fr = rules.map((rule) => RULE_TEXT[rule][0]).join(', ');
  const en = rules.map((rule) => RULE_TEXT[rule][1]).join(', ');
  return `Même personne ? (${fr}) / Same person? (${en})`;
}

export function suggestionFor(a: PersonRecord, b: PersonRecord): ReviewItem {
  const [low, high] = sortedPair(a.id, b.id);
  const createdAt = a.createdAt >= b.createdAt ? a.createdAt : b.createdAt;
  const item = createRecord<ReviewItem>(
    { kind: 'possible_duplicate', recordIds: [low, high], summary: summaryOf(samePersonRules(a, b)), state: 'open' },
    { id: duplicatePairId(low, high), clock: DERIVED_CLOCK, createdAt },
  );
  return inSchemaOrder('reviewItems', item);
}

/**
 * Collects the merged volunteers (only what the rule needs), then settles the review list: existing items minus
 * untouched suggestions, plus a suggestion for each matching pair no item covers. Streams volunteers one by one.
 */
export function createDuplicateCollector() {
  const people: PersonRecord[] = [];
  return {
    add(volunteer: PersonRecord): void {
      // Deleted records (tombstones of merged people included) and erased ones (blank identity) never match.
      if (volunteer.deleted) return;
      const { id, createdAt, deleted, firstName, lastName, email, phone, birthDate } = volunteer;
      people.push({ id, createdAt, deleted, firstName, lastName, email, phone, birthDate });
    },
    settle(reviewItems: readonly ReviewItem[]): { items: ReviewItem[]; added: ReviewItem[] } {
      const kept = reviewItems.filter((item) => !isUntouchedSuggestion(item));
      const covered = new Set<string>();
      for (const item of kept) {
        if (item.kind !== 'possible_duplicate') continue;
        for (const a of item.recordIds) for (const b of item.recordIds) if (a < b) covered.add(`${a}\u0000${b}`);
      }
      const keptIds = new Set(kept.map((item) => item.id));
      const index = createDuplicateIndex(people);
      const suggestions = new Map<string, ReviewItem>();
      for (const person of people) {
        for (const { person: other } of index.find(person)) {
          const [low, high] = sortedPair(person.id, other.id);
          const id = duplicatePairId(low, high);
          if (covered.has(`${low}\u0000${high}`) || keptIds.has(id)) continue;
          if (!suggestions.has(id)) suggestions.set(id, suggestionFor(person, other));
        }
      }
      const previous = new Set(reviewItems.map((item) => item.id));
      const added = [...suggestions.values()].filter((item) => !previous.has(item.id));
      const items = [...kept, ...suggestions.values()].sort((x, y) => compareKeys(x.id, y.id));
      return { items, added };
    },
  };
}

function sortedPair(a: string, b: string): [string, string] {
  return compareKeys(a, b) <= 0 ? [a, b] : [b, a];
}
