import type { Alias, ReviewItem, Volunteer } from '../domain/model';
import { decodeHlc, type HlcString } from '../records/hlc';
import { createRecord, deleteRecord, updateRecord, type MergeableBase } from '../records/record';
import { compareKeys } from '../snapshot/format';
import { completeDataset, type Dataset, type PartialDataset } from './dataset';
import { createErasurePolicy } from './erasure';
import { stableUuid } from './stable-id';
import { inSchemaOrder } from './versions';

/**
 * Two volunteer records found by a person to be one (the review screen; architecture.md, rule 7). The older record
 * (earlier `createdAt`, then the smaller reference) is kept, so the reference a person already carries on badges and
 * in earlier exports stays theirs; the other becomes an alias and a tombstone. A pure function: the caller writes the
 * result and its audit entry.
 */

export interface MergePeopleResult {
  readonly dataset: Dataset;
  readonly keptId: string;
  readonly mergedId: string;
  readonly alias: Alias;
}

/** Identity and contact fields that the kept record takes from the other one when it has none itself. */
const FILLABLE_FIELDS = [
  'email',
  'phone',
  'postcode',
  'arrondissementInsee',
  'birthDate',
  'ageBand',
  'parentalAuthorisation',
  'guardianName',
  'guardianPhone',
] as const satisfies readonly (keyof Volunteer)[];

const ALIAS_NAMESPACE = 'desk-climat/alias';

/** Which of two volunteer records a merge keeps: the older (by `createdAt`, then reference, then id). */
export function olderVolunteer(a: Volunteer, b: Volunteer): Volunteer {
  const order =
    Date.parse(a.createdAt) - Date.parse(b.createdAt) || compareKeys(a.ref, b.ref) || compareKeys(a.id, b.id);
  return order <= 0 ? a : b;
}

/**
 * Merge the volunteers `idA` and `idB` (in either order) with the local clock `clock`: the older is kept and takes
 * the contact fields it lacks; the other's sign-ups, consents and check-in events move to it; earlier aliases to the
 * other are redirected; an alias {from: other, to: kept, fromRef} is recorded with an id derived from the pair (two
 * desks merging the same pair make one alias); the other record is deleted; an open review item about the pair is
 * resolved. Refuses unknown, identical, deleted or erased ids.
 */
export function mergePeople(input: PartialDataset, idA: string, idB: string, clock: HlcString): MergePeopleResult {
  const dataset = completeDataset(input);
  if (idA === idB) throw new Error(`Cannot merge volunteer ${idA} with itself`);
  const a = dataset.volunteers.find((volunteer) => volunteer.id === idA);
  const b = dataset.volunteers.find((volunteer) => volunteer.id === idB);
  if (!a || !b) throw new Error(`Unknown volunteer: ${!a ? idA : idB}`);
  if (a.deleted || b.deleted) throw new Error('Cannot merge a deleted volunteer');
  const erased = createErasurePolicy(dataset.erasures, dataset.aliases).erasedIds;
  if (erased.has(a.id) || erased.has(b.id)) throw new Error('Cannot merge an erased volunteer');

  const kept = olderVolunteer(a, b);
  const merged = kept === a ? b : a;
  const fill: Partial<Volunteer> = {};
  for (const field of FILLABLE_FIELDS) {
    if (isEmpty(kept[field]) && !isEmpty(merged[field])) Object.assign(fill, { [field]: merged[field] });
  }
  const moveTo = <R extends MergeableBase & { volunteerId: string }>(record: R): R =>
    record.volunteerId === merged.id
      ? updateRecord(record, { volunteerId: kept.id } as Parameters<typeof updateRecord<R>>[1], clock)
      : record;

  const alias = inSchemaOrder(
    'aliases',
    createRecord<Alias>(
      { fromVolunteerId: merged.id, toVolunteerId: kept.id, fromRef: merged.ref },
      { id: stableUuid(ALIAS_NAMESPACE, `${merged.id}\u0000${kept.id}`), clock, createdAt: instantOf(clock) },
    ),
  );
  const aliases = dataset.aliases
    .map((existing) =>
      existing.toVolunteerId === merged.id ? updateRecord(existing, { toVolunteerId: kept.id }, clock) : existing,
    )
    .filter((existing) => existing.id !== alias.id);

  const result: Dataset = completeDataset({
    ...dataset,
    volunteers: dataset.volunteers.map((volunteer) =>
      volunteer.id === kept.id
        ? updateRecord(volunteer, fill, clock)
        : volunteer.id === merged.id
          ? deleteRecord(volunteer, clock)
          : volunteer,
    ),
    consents: dataset.consents.map(moveTo),
    signUps: dataset.signUps.map(moveTo),
    checkinEvents: dataset.checkinEvents.map(moveTo),
    aliases: [...aliases, alias],
    reviewItems: dataset.reviewItems.map((item) => resolveIfAbout(item, kept.id, merged.id, clock)),
  });
  return { dataset: result, keptId: kept.id, mergedId: merged.id, alias };
}

function resolveIfAbout(item: ReviewItem, idA: string, idB: string, clock: HlcString): ReviewItem {
  const about = item.kind === 'possible_duplicate' && item.recordIds.includes(idA) && item.recordIds.includes(idB);
  return about && item.state === 'open' ? updateRecord(item, { state: 'resolved' }, clock) : item;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function instantOf(clock: HlcString): string {
  return new Date(decodeHlc(clock).wallMs).toISOString();
}
