import { describe, expect, it } from 'vitest';
import type { AuditEntry, Erasure, ReviewItem, Volunteer } from '../../../shared/domain/model';
import {
  applyErasures,
  completeDataset,
  DERIVED_CLOCK,
  duplicatePairId,
  mergeDatasets,
  mergeDatasetsWithSummary,
  mergePeople,
} from '../../../shared/merge';
import { encodeHlc } from '../../../shared/records/hlc';
import { createRecord, deleteRecord, updateRecord } from '../../../shared/records/record';
import { aSignUp, aVolunteer, anEvent } from '../domain/factories';

const clock = (wallMs: number, deskId = 'desk-a') => encodeHlc({ wallMs, counter: 0, deskId });
const person = (id: string, fields: Partial<Volunteer>, createdAt = '2026-01-01T00:00:00.000Z'): Volunteer =>
  createRecord<Volunteer>({ ...aVolunteer(fields), ...fields }, { id, clock: clock(1_000, 'desk-a'), createdAt });

describe('merge rules', () => {
  it('keeps edits of different fields made on two desks, and the later edit of the same field', () => {
    const base = person('v1', { firstName: 'Hélène', email: 'h@exemple.fr' });
    const onA = updateRecord(base, { firstName: 'Héléna', notes: 'A' }, clock(2_000, 'desk-a'));
    const onB = updateRecord(base, { email: 'helene@exemple.fr', notes: 'B' }, clock(3_000, 'desk-b'));
    const { dataset, summary } = mergeDatasetsWithSummary({ volunteers: [onA] }, { volunteers: [onB] });
    expect(dataset.volunteers[0]).toMatchObject({ firstName: 'Héléna', email: 'helene@exemple.fr', notes: 'B' });
    expect(summary.reconciled.volunteers).toBe(1);
  });

  it('keeps an undone check-in undone, even against a later edit of another field', () => {
    const event = anEvent('check_in', '2026-10-24T20:00:00.000Z', {
      clocks: { deleted: clock(1_000), at: clock(1_000) },
    });
    const undone = deleteRecord(event, clock(2_000, 'desk-a'));
    const moved = updateRecord(event, { at: '2026-10-24T20:10:00.000Z' }, clock(3_000, 'desk-b'));
    expect(mergeDatasets({ checkinEvents: [undone] }, { checkinEvents: [moved] }).checkinEvents[0]?.deleted).toBe(true);
    const redone = updateRecord(undone, { deleted: false }, clock(4_000, 'desk-b'));
    expect(mergeDatasets({ checkinEvents: [undone] }, { checkinEvents: [redone] }).checkinEvents[0]?.deleted).toBe(
      false,
    );
  });

  it('keeps the earliest erasure of a person, with its reference', () => {
    const early: Erasure = { volunteerId: 'v1', erasedAt: '2026-03-01T10:00:00+01:00', replacementRef: 'B-7F3K9QX2R' };
    const late: Erasure = { volunteerId: 'v1', erasedAt: '2026-03-01T09:30:00.000Z', replacementRef: 'B-11111111M' };
    expect(mergeDatasets({ erasures: [late] }, { erasures: [early] }).erasures).toEqual([early]);
  });

  it('anonymises an erased volunteer that an older snapshot still names, and keeps their participations', () => {
    const named = person('v1', { firstName: 'Hélène', lastName: 'Le Fèvre', ref: 'B-7F3K9QX2R' });
    const signUp = aSignUp({ id: 'su-1', volunteerId: 'v1' });
    const audit: AuditEntry = {
      id: 'a1',
      at: '2026-02-01T10:00:00.000Z',
      deskId: 'desk-a',
      operator: 'Camille',
      action: 'signup.override',
      subjectId: 'v1',
      details: { signUpId: 'su-1', reason: 'Hélène Le Fèvre est majeure' },
    };
    const erasure: Erasure = { volunteerId: 'v1', erasedAt: '2026-03-01T00:00:00.000Z', replacementRef: 'B-11111111M' };
    const merged = mergeDatasets(
      {
        volunteers: [updateRecord(named, { notes: 'plus tard' }, clock(9_000, 'desk-b'))],
        signUps: [signUp],
        auditLog: [audit],
      },
      { erasures: [erasure] },
    );
    expect(merged.volunteers[0]).toMatchObject({ firstName: '', lastName: '', email: null, phone: null, notes: '' });
    expect(merged.volunteers[0]?.ref).toBe('B-11111111M');
    expect(merged.signUps).toHaveLength(1);
    expect(merged.auditLog[0]?.details).toEqual({ signUpId: 'su-1', reason: '' });
    expect(JSON.stringify(merged)).not.toMatch(/Hélène|Fèvre|B-7F3K9QX2R/);
  });

  it('erases every record of a person linked by an alias, each with a valid reference of its own', () => {
    const kept = person('v1', { email: 'a@exemple.fr' });
    const { dataset } = mergePeople(
      { volunteers: [kept, person('v2', { firstName: 'Ancien', ref: 'B-7F3K9QX2R' })] },
      'v1',
      'v2',
      clock(2_000),
    );
    const erased = applyErasures(
      completeDataset({
        ...dataset,
        erasures: [{ volunteerId: 'v1', erasedAt: '2026-03-01T00:00:00.000Z', replacementRef: 'B-11111111M' }],
      }),
    );
    expect(JSON.stringify(erased)).not.toMatch(/Ancien|B-7F3K9QX2R/);
    const refs = erased.volunteers.map((volunteer) => volunteer.ref);
    expect(new Set(refs).size).toBe(2);
    expect(erased.aliases[0]?.fromRef).toBe(erased.volunteers.find((volunteer) => volunteer.id === 'v2')?.ref);
  });
});

describe('same person under two ids', () => {
  const a = person('id-a', { firstName: 'Léa', email: 'lea@exemple.fr' }, '2026-01-01T00:00:00.000Z');
  const b = person(
    'id-b',
    { firstName: 'Lea', email: 'LEA@exemple.fr', phone: '+33698765432', birthDate: null, ref: 'B-11111111M' },
    '2026-02-01T00:00:00.000Z',
  );

  it('is put on the review list, never merged, with the same item whatever the order', () => {
    const one = mergeDatasetsWithSummary({ volunteers: [a] }, { volunteers: [b] });
    const other = mergeDatasets({ volunteers: [b] }, { volunteers: [a] });
    expect(one.dataset.volunteers).toHaveLength(2);
    expect(one.summary.reviewItemsAdded).toBe(1);
    const [item] = one.dataset.reviewItems;
    expect(item).toMatchObject({ id: duplicatePairId('id-b', 'id-a'), kind: 'possible_duplicate', state: 'open' });
    expect(item?.recordIds).toEqual(['id-a', 'id-b']);
    expect(item?.summary).not.toMatch(/Léa|lea@/i);
    expect(other.reviewItems).toEqual(one.dataset.reviewItems);
  });

  it('is not suggested again once resolved, nor when another item names both ids', () => {
    const [item] = mergeDatasets({ volunteers: [a] }, { volunteers: [b] }).reviewItems as ReviewItem[];
    const resolved = updateRecord(item as ReviewItem, { state: 'resolved' }, clock(5_000));
    const again = mergeDatasets({ volunteers: [a, b], reviewItems: [resolved] }, { volunteers: [b] });
    expect(again.reviewItems).toEqual([resolved]);
    const manual = createRecord<ReviewItem>(
      { kind: 'possible_duplicate', recordIds: ['id-b', 'id-a'], summary: 'import', state: 'open' },
      { id: 'r-import', clock: clock(1_500), createdAt: '2026-02-01T00:00:00.000Z' },
    );
    expect(mergeDatasets({ volunteers: [a, b], reviewItems: [manual] }, {}).reviewItems).toEqual([manual]);
  });

  it('drops an untouched suggestion once the two records no longer match', () => {
    const merged = mergeDatasets({ volunteers: [a] }, { volunteers: [b] });
    expect(merged.reviewItems[0]?.clocks.state).toBe(DERIVED_CLOCK);
    const corrected = updateRecord(b, { email: 'autre@exemple.fr' }, clock(6_000, 'desk-c'));
    expect(mergeDatasets(merged, { volunteers: [corrected] }).reviewItems).toEqual([]);
  });
});

describe('mergePeople', () => {
  const older = person(
    'id-old',
    { firstName: 'Léa', email: 'lea@exemple.fr', phone: null, ref: 'B-7F3K9QX2R' },
    '2026-01-01T00:00:00.000Z',
  );
  const newer = person(
    'id-new',
    { firstName: 'Lea', email: 'lea@exemple.fr', phone: '+33698765432', ref: 'B-11111111M' },
    '2026-02-01T00:00:00.000Z',
  );
  const signUp = aSignUp({ id: 'su-1', volunteerId: 'id-new', clocks: { volunteerId: clock(1_000) } });
  const input = { volunteers: [older, newer], signUps: [signUp] };

  it('keeps the older reference whatever the order, records an alias, moves sign-ups, tombstones the other', () => {
    const forward = mergePeople(input, 'id-new', 'id-old', clock(7_000));
    const backward = mergePeople(input, 'id-old', 'id-new', clock(7_000));
    expect(forward.dataset).toEqual(backward.dataset);
    expect(forward.keptId).toBe('id-old');
    const { dataset, alias } = forward;
    expect(alias).toMatchObject({ fromVolunteerId: 'id-new', toVolunteerId: 'id-old', fromRef: 'B-11111111M' });
    expect(dataset.volunteers.find((v) => v.id === 'id-old')).toMatchObject({ deleted: false, phone: '+33698765432' });
    expect(dataset.volunteers.find((v) => v.id === 'id-new')?.deleted).toBe(true);
    expect(dataset.signUps[0]?.volunteerId).toBe('id-old');
  });

  it('resolves the review item about the pair and is not suggested again after a merge with an older snapshot', () => {
    const suggested = mergeDatasets(input, {});
    const { dataset } = mergePeople(suggested, 'id-old', 'id-new', clock(7_000));
    expect(dataset.reviewItems[0]?.state).toBe('resolved');
    const later = mergeDatasets(dataset, suggested);
    expect(later.reviewItems.map((item) => item.state)).toEqual(['resolved']);
    expect(later.volunteers.find((v) => v.id === 'id-new')?.deleted).toBe(true);
    expect(later.signUps[0]?.volunteerId).toBe('id-old');
  });

  it('refuses unknown, identical or erased volunteers', () => {
    expect(() => mergePeople(input, 'id-old', 'id-old', clock(7_000))).toThrow();
    expect(() => mergePeople(input, 'id-old', 'nobody', clock(7_000))).toThrow();
    const erasures: Erasure[] = [
      { volunteerId: 'id-new', erasedAt: '2026-03-01T00:00:00.000Z', replacementRef: 'B-HHHHHHHHG' },
    ];
    expect(() => mergePeople({ ...input, erasures }, 'id-old', 'id-new', clock(7_000))).toThrow();
  });
});
