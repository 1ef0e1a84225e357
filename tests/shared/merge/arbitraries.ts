import fc from 'fast-check';
import type {
  Alias,
  AuditEntry,
  CheckinEvent,
  Consent,
  Erasure,
  ExportLogEntry,
  ReviewItem,
  SignUp,
  Volunteer,
} from '../../../shared/domain/model';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
import type { PartialDataset } from '../../../shared/merge';
import { encodeHlc, type HlcString } from '../../../shared/records/hlc';
import { clockedFields, type MergeableBase } from '../../../shared/records/record';
import { aSignUp, aVolunteer, anEvent } from '../domain/factories';

/**
 * Small datasets as two or three desks would hold them: the same few ids on every desk, each desk with its own
 * version of each record (field values from small pools, each field with a random clock from desks a, b and c), so
 * that merges meet concurrent edits, tombstones, undeletes, erasures and people who match under two ids.
 */

export const VOLUNTEER_IDS = ['v1', 'v2', 'v3', 'v4'] as const;
const DESKS = ['desk-a', 'desk-b', 'desk-c'] as const;

const refs = (start: number) =>
  Array.from({ length: 6 }, (_, i) => generateVolunteerRef((n) => (start + i * 5 + i * i) % n));
export const VOLUNTEER_REFS = refs(1);
export const REPLACEMENT_REFS = refs(17);

export const clockArb: fc.Arbitrary<HlcString> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1 }), fc.constantFrom(...DESKS))
  .map(([wallMs, counter, deskId]) => encodeHlc({ wallMs: 1_700_000_000_000 + wallMs, counter, deskId }));

const createdAtOf = (id: string) => `2026-01-0${(id.charCodeAt(id.length - 1) % 9) + 1}T00:00:00.000Z`;

/** A record whose chosen fields get values and clocks from the arbitraries; the others keep a creation clock. */
function versionArb<R extends MergeableBase>(
  template: R,
  fields: { [K in keyof R]?: fc.Arbitrary<R[K]> },
): fc.Arbitrary<R> {
  const entries = Object.entries(fields) as [string, fc.Arbitrary<unknown>][];
  return fc
    .tuple(fc.tuple(...entries.map(([, arb]) => fc.tuple(arb, clockArb))), clockArb)
    .map(([values, creation]) => {
      const record: Record<string, unknown> = { ...template, createdAt: createdAtOf(template.id) };
      const clocks: Record<string, HlcString> = {};
      for (const field of clockedFields(template)) clocks[field] = creation;
      entries.forEach(([field], i) => {
        const [value, clock] = values[i] as [unknown, HlcString];
        record[field] = value;
        clocks[field] = clock;
      });
      return { ...(record as R), clocks };
    });
}

/** Names are unique to a volunteer id, so a test can tell whether an erased person's name survives anywhere. */
export const nameOf = (id: string, variant: number) => `Nom-${id}-${variant}`;

const volunteerArb = (id: string) =>
  versionArb<Volunteer>(aVolunteer({ id, ref: VOLUNTEER_REFS[0] as string, guardianName: null }), {
    firstName: fc.constantFrom(`Prénom-${id}-0`, `Prénom-${id}-1`),
    lastName: fc.constantFrom(nameOf(id, 0), nameOf(id, 1)),
    email: fc.constantFrom(null, 'commune@exemple.fr', `${id}@exemple.fr`),
    phone: fc.constantFrom(null, '+33612345678', '+33698765432'),
    birthDate: fc.constantFrom(null, '1990-05-01'),
    ref: fc.constantFrom(...VOLUNTEER_REFS.slice(0, 3)),
    notes: fc.constantFrom('', `Note sur ${nameOf(id, 0)}`),
    deleted: fc.boolean(),
  });

const consentArb = (id: string) =>
  versionArb<Consent>(
    {
      id,
      createdAt: '',
      clocks: {},
      deleted: false,
      volunteerId: 'v1',
      purpose: 'newsletter',
      given: true,
      date: '2026-01-01',
      noticeVersion: '1',
      channel: 'desk',
    },
    { volunteerId: fc.constantFrom(...VOLUNTEER_IDS), given: fc.boolean(), deleted: fc.boolean() },
  );

const signUpArb = (id: string) =>
  versionArb<SignUp>(aSignUp({ id }), {
    volunteerId: fc.constantFrom(...VOLUNTEER_IDS),
    attendance: fc.constantFrom('unmarked', 'present', 'absent'),
    status: fc.constantFrom('signed_up', 'cancelled'),
    deleted: fc.boolean(),
  });

const checkinArb = (id: string) =>
  versionArb<CheckinEvent>(anEvent('check_in', '2026-10-24T20:00:00.000Z', { id, signUpId: 's1' }), {
    volunteerId: fc.constantFrom(...VOLUNTEER_IDS),
    at: fc.constantFrom('2026-10-24T20:00:00.000Z', '2026-10-24T20:05:00.000Z'),
    deleted: fc.boolean(),
  });

const aliasArb = (id: string) =>
  versionArb<Alias>(
    { id, createdAt: '', clocks: {}, deleted: false, fromVolunteerId: 'v4', toVolunteerId: 'v3', fromRef: 'B-' },
    { fromRef: fc.constantFrom(...VOLUNTEER_REFS.slice(3)), deleted: fc.boolean() },
  );

const reviewArb = (id: string, recordIds: string[]) =>
  versionArb<ReviewItem>(
    {
      id,
      createdAt: '',
      clocks: {},
      deleted: false,
      kind: 'possible_duplicate',
      recordIds,
      summary: '',
      state: 'open',
    },
    { state: fc.constantFrom('open', 'resolved'), summary: fc.constantFrom('', 'vu') },
  );

/** Log entries are written once: the same id has the same content on every desk. */
export const AUDIT_ENTRIES: readonly AuditEntry[] = [
  entry('a1', 'v1', { note: `Appel de ${nameOf('v1', 0)}`, volunteerId: 'v1' }),
  entry('a2', 's1', { reason: 'Dérogation accordée', signUpId: 's1' }),
  entry('a3', null, { volunteerIds: ['v2'], label: `Liste avec ${nameOf('v2', 0)}` }),
  entry('a4', 'm1', { title: 'Fresque' }),
];
function entry(id: string, subjectId: string | null, details: Record<string, unknown>): AuditEntry {
  return {
    id,
    at: '2026-02-01T10:00:00.000Z',
    deskId: 'desk-a',
    operator: 'Camille',
    action: 'test',
    subjectId,
    details,
  };
}
const EXPORT_ENTRIES: readonly ExportLogEntry[] = ['x1', 'x2'].map((id) => ({
  id,
  at: '2026-02-01T10:00:00.000Z',
  deskId: 'desk-b',
  operator: 'Camille',
  kind: 'city',
  profile: 'excel-fr',
  mode: 'named',
  reason: 'bilan',
  periodFrom: null,
  periodTo: null,
  fileName: `${id}.zip`,
  volunteerIds: ['v1', 'v2'],
}));

const erasureArb = (volunteerId: string) =>
  fc
    .record({
      erasedAt: fc.constantFrom('2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'),
      replacementRef: fc.constantFrom(...REPLACEMENT_REFS),
    })
    .map((fields): Erasure => ({ volunteerId, ...fields }));

/** Present on a desk or not; `rare` for what should seldom happen (an erasure). */
const maybe = <T>(arb: fc.Arbitrary<T>, rare = false) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: rare ? 5 : 1 }, { arbitrary: arb, weight: rare ? 1 : 2 });
const some = <T>(arbs: fc.Arbitrary<T>[], rare = false) =>
  fc
    .tuple(...arbs.map((arb) => maybe(arb, rare)))
    .map((items) => items.filter((item): item is T => item !== undefined));
const subsetOf = <T>(items: readonly T[]) => fc.subarray([...items]);

export const datasetArb: fc.Arbitrary<PartialDataset> = fc.record({
  volunteers: some(VOLUNTEER_IDS.map(volunteerArb)),
  consents: some(['c1', 'c2'].map(consentArb)),
  signUps: some(['s1', 's2'].map(signUpArb)),
  checkinEvents: some(['e1', 'e2'].map(checkinArb)),
  aliases: some([aliasArb('al1')], true),
  reviewItems: some([reviewArb('r1', ['v1', 'v2'])]),
  auditLog: subsetOf(AUDIT_ENTRIES),
  exportLog: subsetOf(EXPORT_ENTRIES),
  erasures: some(VOLUNTEER_IDS.map(erasureArb), true),
});
