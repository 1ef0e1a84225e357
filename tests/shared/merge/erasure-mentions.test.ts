import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, ExportLogEntry, Mission, ReviewItem, Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import {
  applyErasures,
  canonicalJson,
  completeDataset,
  createMergedSource,
  mergeDatasets,
  type Dataset,
  type PartialDataset,
} from '../../../shared/merge';
import { encodeHlc } from '../../../shared/records/hlc';
import { clockedFields } from '../../../shared/records/record';
import { createMemoryStore } from '../../../shared/storage/memory-store';
import { aMission, aSignUp, aVolunteer } from '../domain/factories';
import { clockArb, datasetArb, REPLACEMENT_REFS, VOLUNTEER_REFS } from './arbitraries';

/**
 * Erasure through merges, everywhere (issue 11): a person erased on one desk, then any older snapshot of the other
 * desks merged in, in any order and grouping. Every desk that knew her wrote her name, e-mail and phone as free text
 * in records NOT linked to her by id — an audit entry about something else, an export's reason and file name,
 * another volunteer's notes, a mission's referent, a review item's summary. None of it may come back.
 */

const PERSON_ID = 'p-erased';
const PERSON = {
  firstName: 'Aline',
  lastName: 'Effacée-Durand',
  email: 'aline.effacee@exemple.fr',
  phone: '+33611223344',
};
/** How the person can be written, in any case (the removal ignores case). */
const IDENTITY = [
  `${PERSON.firstName} ${PERSON.lastName}`,
  `${PERSON.lastName} ${PERSON.firstName}`,
  PERSON.email,
  PERSON.phone,
  '0611223344',
].map((text) => text.toLowerCase());

const DESKS = ['desk-a', 'desk-b', 'desk-c'] as const;

/** The person's record as one desk holds it: her identity everywhere, other fields and every clock varying. */
const personArb = fc
  .tuple(clockArb, clockArb, fc.constantFrom('', 'Le samedi matin'), fc.boolean())
  .map(([identityClock, otherClock, availability, withGuardian]): Volunteer => {
    const volunteer = aVolunteer({
      id: PERSON_ID,
      ref: VOLUNTEER_REFS[4] as string,
      ...PERSON,
      guardianName: null,
      guardianPhone: withGuardian ? '+33799887766' : null,
      availability,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const clocks: Record<string, string> = {};
    for (const field of clockedFields(volunteer)) clocks[field] = otherClock;
    for (const field of ['firstName', 'lastName', 'email', 'phone'] as const) clocks[field] = identityClock;
    return { ...volunteer, clocks } as Volunteer;
  });

/** What a desk that knew her wrote about her elsewhere, under ids of its own. */
function mentionsOn(desk: string, variant: number): PartialDataset {
  const name = variant === 0 ? `${PERSON.firstName} ${PERSON.lastName}` : `${PERSON.lastName} ${PERSON.firstName}`;
  const creation = encodeHlc({ wallMs: 1_700_000_000_001, counter: 0, deskId: desk });
  const clocksOf = (record: object) =>
    Object.fromEntries(clockedFields(record as never).map((field) => [field, creation]));
  const audit: AuditEntry = {
    id: `audit-${desk}`,
    at: '2026-02-01T10:00:00.000Z',
    deskId: desk,
    operator: 'Camille',
    action: 'mission.update',
    subjectId: 'mission-1',
    details: { note: `Appel de ${name.toUpperCase()} au ${'06 11 22 33 44'.replace(/ /g, '')}`, title: 'Fresque' },
  };
  const exportEntry: ExportLogEntry = {
    id: `export-${desk}`,
    at: '2026-02-01T10:00:00.000Z',
    deskId: desk,
    operator: 'Camille',
    kind: 'city',
    profile: 'excel-fr',
    mode: 'named',
    reason: `Liste demandée par ${name} (${PERSON.email})`,
    periodFrom: null,
    periodTo: null,
    fileName: `liste ${name}.csv`,
    volunteerIds: [],
  };
  const friend = aVolunteer({
    id: `friend-${desk}`,
    ref: VOLUNTEER_REFS[5] as string,
    firstName: 'Bruno',
    lastName: `Ami-${desk}`,
    email: null,
    phone: null,
    notes: `Vient avec ${name}, joignable au ${PERSON.phone}`,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const mission: Mission = aMission({ id: `mission-${desk}`, referentName: name, referentPhone: PERSON.phone });
  const review: ReviewItem = {
    id: `review-${desk}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    clocks: {},
    deleted: false,
    kind: 'possible_duplicate',
    recordIds: [`friend-${desk}`, 'v2'],
    summary: `Signalé par ${name}`,
    state: 'resolved',
  };
  const signUp = aSignUp({ id: `signup-${desk}`, volunteerId: PERSON_ID });
  return {
    volunteers: [{ ...friend, clocks: clocksOf(friend) } as Volunteer],
    missions: [{ ...mission, clocks: clocksOf(mission) } as Mission],
    reviewItems: [{ ...review, clocks: clocksOf(review) } as ReviewItem],
    signUps: [{ ...signUp, clocks: clocksOf(signUp) }],
    auditLog: [audit],
    exportLog: [exportEntry],
  };
}

function union(...parts: PartialDataset[]): Dataset {
  const tables = Object.fromEntries(
    SHARED_TABLE_NAMES.map((table) => [table, parts.flatMap((part) => (part[table] ?? []) as unknown[])]),
  );
  return completeDataset(tables as PartialDataset);
}

/**
 * Three desks' older snapshots (each with or without the person; the erasing desk always has her), the erasing desk
 * after the erasure — its own rule, applied as the app does, with or without a fresh clock on the blanked fields —
 * and an order and grouping of the merges.
 */
const scenarioArb = fc
  .record({
    bases: fc.tuple(datasetArb, datasetArb, datasetArb),
    people: fc.tuple(personArb, personArb, personArb),
    knows: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    variants: fc.tuple(fc.nat(1), fc.nat(1), fc.nat(1)),
    eraser: fc.nat(2),
    freshClock: fc.boolean(),
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    grouping: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  })
  .map((scenario) => {
    const snapshots = DESKS.map((desk, index) => {
      const knows = scenario.knows[index] || index === scenario.eraser;
      return knows
        ? union(
            scenario.bases[index]!,
            { volunteers: [scenario.people[index]!] },
            mentionsOn(desk, scenario.variants[index]!),
          )
        : union(scenario.bases[index]!);
    });
    const before = snapshots[scenario.eraser]!;
    const erasedAt = encodeHlc({ wallMs: 1_800_000_000_000, counter: 0, deskId: DESKS[scenario.eraser]! });
    const withEntry = union(before, {
      erasures: [
        { volunteerId: PERSON_ID, erasedAt: '2026-03-05T00:00:00.000Z', replacementRef: REPLACEMENT_REFS[5]! },
      ],
      volunteers: [],
    });
    const reclocked: Dataset = scenario.freshClock
      ? {
          ...withEntry,
          volunteers: withEntry.volunteers.map((volunteer) =>
            volunteer.id === PERSON_ID
              ? { ...volunteer, clocks: { ...volunteer.clocks, firstName: erasedAt, lastName: erasedAt } }
              : volunteer,
          ),
        }
      : withEntry;
    const erased = applyErasures(dedupe(reclocked));
    // The erasing desk after the erasure, and every desk's older snapshot (its own included).
    return { erased, snapshots, order: scenario.order, grouping: scenario.grouping };
  });

/** `union` may hold the same register entry twice; the register is keyed by volunteer id. */
function dedupe(dataset: Dataset): Dataset {
  const erasures = new Map(dataset.erasures.map((erasure) => [erasure.volunteerId, erasure]));
  return { ...dataset, erasures: [...erasures.values()] };
}

/** Merge the datasets in the given order, grouping by the picks: a random binary tree of merges. */
function mergeInTree(datasets: readonly PartialDataset[], picks: readonly number[]): Dataset {
  const queue: PartialDataset[] = [...datasets];
  let pick = 0;
  while (queue.length > 1) {
    const at = (picks[pick++] ?? 0) % (queue.length - 1);
    queue.splice(at, 2, mergeDatasets(queue[at]!, queue[at + 1]!));
  }
  return completeDataset(queue[0]!);
}

function leftovers(dataset: Dataset): string[] {
  const text = canonicalJson(dataset).toLowerCase();
  return IDENTITY.filter((identity) => text.includes(identity));
}

describe('erasure through merges, in every table', () => {
  it('the erasing desk itself keeps no copy of her identity, and nobody else loses theirs', () => {
    fc.assert(
      fc.property(scenarioArb, ({ erased }) => {
        expect(leftovers(erased)).toEqual([]);
        for (const friend of erased.volunteers.filter((volunteer) => volunteer.id.startsWith('friend-'))) {
          expect(friend.firstName).toBe('Bruno');
          expect(friend.notes).toBe('Vient avec , joignable au ');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('merging any older snapshots of any desks, in any order and grouping, never brings her name, e-mail or phone back', () => {
    fc.assert(
      fc.property(scenarioArb, ({ erased, snapshots, order, grouping }) => {
        const inputs = [erased, ...snapshots];
        const result = mergeInTree(
          order.map((index) => inputs[index]!),
          grouping,
        );
        expect(leftovers(result)).toEqual([]);
        const person = result.volunteers.find((volunteer) => volunteer.id === PERSON_ID);
        expect(person).toMatchObject({ firstName: '', lastName: '', email: null, phone: null });
        // Her participations stay, under the new reference.
        expect(result.signUps.some((signUp) => signUp.volunteerId === PERSON_ID)).toBe(true);
        expect(person?.ref).toBe(REPLACEMENT_REFS[5]);
      }),
      { numRuns: 150 },
    );
  });

  it('the streamed merge removes the same copies as the in-memory one', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(2), async ({ erased, snapshots }, which) => {
        const other = snapshots[which]!;
        const source = createMergedSource(await store(other), await store(erased));
        const streamed: Record<string, unknown[]> = {};
        for (const table of SHARED_TABLE_NAMES) {
          streamed[table] = [];
          for await (const record of source.records(table)) streamed[table].push(record);
        }
        expect(canonicalJson(streamed)).toBe(canonicalJson(mergeDatasets(other, erased)));
        expect(leftovers(streamed as unknown as Dataset)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

async function store(dataset: PartialDataset) {
  const memory = createMemoryStore();
  const complete = completeDataset(dataset);
  for (const table of SHARED_TABLE_NAMES) await memory.writeBatch(table, complete[table]);
  return memory;
}
