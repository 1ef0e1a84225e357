import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAttendance } from '../../../shared/domain/attendance';
import { DEFAULT_SETTINGS, type ExportLogEntry } from '../../../shared/domain/model';
import { accessRequestJson, parseAccessRequest } from '../../../shared/rights/access-request';
import { ACCESS_REQUEST_ACTION } from '../../../renderer/db/repositories/access-request-repository';
import { EMPTY_MISSION_DRAFT, validateMissionDraft } from '../../../renderer/features/missions/validate-mission';
import type { DeskDatabase } from '../../../renderer/db/database';
import type { DeskContext } from '../../../renderer/db/desk-context';
import { createStoreWithShift, newVolunteer } from './test-database';

type Store = Awaited<ReturnType<typeof createStoreWithShift>>;

/** A second mission with a shift on 5 Dec 2026, 09:00–11:00 UTC. */
async function secondShift({ repositories }: Store) {
  const fields = validateMissionDraft({ ...EMPTY_MISSION_DRAFT, title: 'Repair café', category: 'NETTOYAGE' });
  if (!fields.ok) throw new Error('mission');
  const mission = await repositories.missions.create(fields.fields);
  const shift = await repositories.shifts.create({
    missionId: mission.id,
    start: '2026-12-05T09:00:00.000Z',
    end: '2026-12-05T11:00:00.000Z',
    capacity: 10,
    roleNeeds: [],
    requiredSkill: null,
    seriesId: null,
  });
  return { mission, shift };
}

function exportEntry(desk: DeskContext, volunteerIds: string[], fileName: string): ExportLogEntry {
  return {
    id: desk.newId(),
    at: desk.now().toISOString(),
    deskId: desk.deskId,
    operator: 'Inès',
    kind: 'city',
    profile: 'excel-fr',
    mode: 'pseudonymous',
    reason: null,
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    fileName,
    volunteerIds,
  };
}

async function signUpTo(store: Store, volunteerId: string, shiftId: string) {
  const result = await store.repositories.signUps.signUp(volunteerId, shiftId, 'volunteer', { kind: 'sign-up' });
  if (!result.ok) throw new Error('sign-up refused');
  return result.signUp;
}

describe('access request', () => {
  it('holds the profile, every consent answer, sign-ups in two missions with the export’s hours, events and exports', async () => {
    const store = await createStoreWithShift({ now: '2026-11-28T09:00:00Z', operator: 'Inès', capacity: 10 });
    const { db, desk, repositories, mission, shift } = store;
    const second = await secondShift(store);
    const awa = await repositories.volunteers.create(
      newVolunteer({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@example.org', phone: '+33612345678' }),
    );
    const bruno = await repositories.volunteers.create(
      newVolunteer({ firstName: 'Bruno', lastName: 'Lefèvre', email: 'bruno@example.org' }),
    );
    const consentBase = { purpose: 'city_sharing', noticeVersion: 'v1', channel: 'desk' } as const;
    await repositories.consents.record(awa.id, { ...consentBase, given: true, date: '2026-01-10' });
    await repositories.consents.record(awa.id, { ...consentBase, given: false, date: '2026-11-20' });
    await repositories.consents.record(bruno.id, { ...consentBase, given: true, date: '2026-02-01' });

    const onFirst = await signUpTo(store, awa.id, shift.id);
    const onSecond = await signUpTo(store, awa.id, second.shift.id);
    const brunos = await signUpTo(store, bruno.id, shift.id);
    await repositories.checkins.checkIn(onFirst.id);
    await repositories.checkins.checkIn(brunos.id);
    await db.signUps.update(onFirst.id, { correctedDeparture: '2026-11-28T11:00:00.000Z' });
    await db.signUps.update(onSecond.id, { attendance: 'present', attendanceSource: 'manual', declaredHours: 1.5 });
    const withBoth = exportEntry(desk, [awa.id, bruno.id], 'export-novembre.zip');
    const brunoOnly = exportEntry(desk, [bruno.id], 'export-bruno-seul.zip');
    await db.exportLog.bulkAdd([withBoth, brunoOnly]);

    const document = await repositories.accessRequests.build(awa.id);
    expect(document).not.toBeNull();
    if (!document) return;
    // What a recipient reads back is what was built: the JSON text parses against the schema, version 1.
    const parsed = parseAccessRequest(accessRequestJson(document));
    expect(parsed).toEqual(document);
    expect(parsed.version).toBe(1);

    expect(parsed.volunteer).toMatchObject({ id: awa.id, ref: awa.ref, firstName: 'Awa', email: 'awa@example.org' });
    expect(parsed.volunteer).not.toHaveProperty('searchKeys');
    expect(parsed.controller.name).toBe('A');

    // The consent history: given, then withdrawn; the withdrawal is the answer in force.
    expect(parsed.consents.map((c) => [c.given, c.date, c.current])).toEqual([
      [true, '2026-01-10', false],
      [false, '2026-11-20', true],
    ]);

    expect(parsed.signUps.map((s) => s.missionTitle)).toEqual([mission.title, 'Repair café']);
    const events = await db.checkinEvents.where('signUpId').equals(onFirst.id).toArray();
    const stored = (await db.signUps.get(onFirst.id))!;
    const expected = exportAttendance(stored, events, shift, DEFAULT_SETTINGS).duree_effective_h;
    expect(expected).toBeGreaterThan(190);
    expect(parsed.signUps[0]!.hoursHundredths).toBe(expected);
    expect(parsed.signUps[1]).toMatchObject({ hoursHundredths: 150, hours: '1.5' });
    expect(parsed.totalHoursHundredths).toBe(expected! + 150);

    expect(parsed.checkinEvents.map((e) => e.signUpId)).toEqual([onFirst.id]);
    expect(parsed.exports.map((e) => e.fileName)).toEqual(['export-novembre.zip']);

    const text = JSON.stringify(parsed);
    for (const foreign of [bruno.id, bruno.ref, 'Bruno', 'bruno@example.org', brunos.id, brunoOnly.id]) {
      expect(text).not.toContain(foreign);
    }
  });

  it('records the delivery in the audit log with the person’s id and nothing personal', async () => {
    const store = await createStoreWithShift({ now: '2026-11-28T09:00:00Z', operator: '', capacity: 10 });
    const awa = await store.repositories.volunteers.create(
      newVolunteer({ firstName: 'Awa', lastName: 'Diallo', email: 'awa@example.org' }),
    );
    await store.repositories.accessRequests.recordDelivery(awa.id, 'json');
    const entries = await store.db.auditLog.where('action').equals(ACCESS_REQUEST_ACTION).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subjectId: awa.id, details: { delivery: 'json' }, operator: 'coordination' });
    const text = JSON.stringify(entries[0]);
    for (const personal of ['Awa', 'Diallo', 'awa@example.org', awa.ref]) expect(text).not.toContain(personal);
  });

  it('gives null for an unknown volunteer', async () => {
    const store = await createStoreWithShift({ now: '2026-11-28T09:00:00Z', operator: 'Inès', capacity: 10 });
    expect(await store.repositories.accessRequests.build('00000000-0000-4000-8000-999999999999')).toBeNull();
  });

  // Each run builds a real store: room for a loaded two-core machine (no timing is asserted).
  it('never carries anything of another person (fast-check over random stores)', { timeout: 120_000 }, async () => {
    const person = fc.record({
      shifts: fc.subarray([0, 1]),
      consents: fc.array(fc.boolean(), { maxLength: 3 }),
      checkIn: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 2, maxLength: 4 }),
        fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { maxLength: 3 }),
        async (people, exportsMembership) => {
          const store = await createStoreWithShift({ now: '2026-11-28T09:00:00Z', operator: 'Inès', capacity: 10 });
          const shifts = [store.shift, (await secondShift(store)).shift];
          const created = [];
          for (const [index, spec] of people.entries()) {
            // Unique markers per person, so that any leak shows as a substring of the other person's document.
            const volunteer = await store.repositories.volunteers.create(
              newVolunteer({ firstName: `Prenom${index}q`, lastName: `Nom${index}z`, email: `p${index}x@example.org` }),
            );
            const signUpIds: string[] = [];
            const consentIds: string[] = [];
            for (const [answer, given] of spec.consents.entries()) {
              const consent = await store.repositories.consents.record(volunteer.id, {
                purpose: 'newsletter',
                given,
                date: `2026-0${answer + 1}-01`,
                noticeVersion: `notice-${index}`,
                channel: 'paper',
              });
              consentIds.push(consent.id);
            }
            for (const shiftIndex of spec.shifts) {
              const signUp = await signUpTo(store, volunteer.id, shifts[shiftIndex]!.id);
              signUpIds.push(signUp.id);
              if (spec.checkIn && shiftIndex === 0) await store.repositories.checkins.checkIn(signUp.id);
            }
            created.push({ volunteer, signUpIds, consentIds });
          }
          const exportIds = await addExports(
            store.db,
            store.desk,
            exportsMembership,
            created.map((c) => c.volunteer.id),
          );

          for (const [index, own] of created.entries()) {
            const document = await store.repositories.accessRequests.build(own.volunteer.id);
            if (!document) throw new Error('missing');
            const text = accessRequestJson(document);
            // Everything of the person is there…
            expect(document.signUps.map((s) => s.id).sort()).toEqual([...own.signUpIds].sort());
            expect(document.consents.map((c) => c.id).sort()).toEqual([...own.consentIds].sort());
            const expectedExports = exportIds.filter((_, e) => exportsMembership[e]![index]);
            expect(document.exports.map((e) => e.id).sort()).toEqual(expectedExports.sort());
            // …and nothing of anyone else.
            for (const other of created) {
              if (other === own) continue;
              const { volunteer } = other;
              for (const foreign of [
                volunteer.id,
                volunteer.ref,
                volunteer.firstName,
                volunteer.lastName,
                volunteer.email!,
                `notice-${created.indexOf(other)}`,
                ...other.signUpIds,
                ...other.consentIds,
              ]) {
                expect(text).not.toContain(foreign);
              }
            }
          }
          store.db.close();
        },
      ),
      { numRuns: 12 },
    );
  });
});

async function addExports(
  db: DeskDatabase,
  desk: DeskContext,
  membership: boolean[][],
  volunteerIds: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, members] of membership.entries()) {
    const entry = exportEntry(
      desk,
      volunteerIds.filter((_, person) => members[person]),
      `export-${index}.zip`,
    );
    await db.exportLog.add(entry);
    ids.push(entry.id);
  }
  return ids;
}
