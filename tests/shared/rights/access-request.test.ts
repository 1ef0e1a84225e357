import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type Alias,
  type AuditEntry,
  type Consent,
  type Volunteer,
} from '../../../shared/domain/model';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
import {
  accessRequestJson,
  buildAccessRequest,
  parseAccessRequest,
  type AccessRequestSources,
} from '../../../shared/rights/access-request';
import { aMission, anEvent, aShift, aSignUp, aVolunteer } from '../domain/factories';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', clocks: {}, deleted: false });

/** The builder's sources, writable while a test fills them. */
type Tables = {
  -readonly [K in keyof Omit<AccessRequestSources, 'volunteer' | 'settings'>]: AccessRequestSources[K][number][];
} & {
  settings: AccessRequestSources['settings'];
  volunteers: Volunteer[];
};

const personSpec = fc.record({
  shifts: fc.subarray([0, 1]),
  consents: fc.array(fc.boolean(), { maxLength: 3 }),
  checkedIn: fc.boolean(),
  audited: fc.boolean(),
  /** Another record of the same person, merged into this one: its sign-ups belong to the person too. */
  mergedRecordSignsUp: fc.option(fc.constantFrom(0, 1), { nil: null }),
});

/**
 * The builder, given whole tables (everyone's records), keeps only the person's: the selection does not depend on the
 * caller's query. The repository test checks the same on a real Dexie store.
 */
describe('access-request builder', () => {
  it(
    'keeps all of the person’s records and none of anyone else’s, even when given whole tables',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(personSpec, { minLength: 2, maxLength: 4 }),
          fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { maxLength: 3 }),
          (people, exportMembership) => {
            const missions = [aMission({ ...base(uuid(1)), title: 'Mission A' }), aMission({ ...base(uuid(2)) })];
            const shifts = [
              aShift({ ...base(uuid(11)), missionId: uuid(1) }),
              aShift({ ...base(uuid(12)), missionId: uuid(2) }),
            ];
            const sources: Tables = {
              volunteers: [],
              aliases: [],
              consents: [],
              signUps: [],
              shifts,
              missions,
              checkinEvents: [],
              exportLog: [],
              auditLog: [],
              settings: DEFAULT_SETTINGS,
            };
            const owned = people.map((spec, index) => {
              const id = uuid(100 + index);
              const mergedId = uuid(900 + index);
              const ids: string[] = [];
              const volunteer = aVolunteer({
                ...base(id),
                ref: generateVolunteerRef(),
                firstName: `Prenom${index}q`,
                lastName: `Nom${index}z`,
                email: `p${index}x@example.org`,
                phone: null,
              });
              sources.volunteers.push(volunteer);
              spec.shifts.forEach((shiftIndex, n) => {
                const signUpId = uuid(1000 + index * 10 + n);
                ids.push(signUpId);
                sources.signUps.push(
                  aSignUp({
                    ...base(signUpId),
                    shiftId: shifts[shiftIndex]!.id,
                    volunteerId: id,
                    attendance: 'present',
                  }),
                );
                if (spec.checkedIn) {
                  const eventId = uuid(2000 + index * 10 + n);
                  ids.push(eventId);
                  sources.checkinEvents.push(
                    anEvent('check_in', shifts[shiftIndex]!.start, {
                      ...base(eventId),
                      signUpId,
                      shiftId: shifts[shiftIndex]!.id,
                      volunteerId: id,
                    }),
                  );
                }
              });
              spec.consents.forEach((given, n) => {
                const consent: Consent = {
                  ...base(uuid(3000 + index * 10 + n)),
                  volunteerId: id,
                  purpose: 'sms',
                  given,
                  date: '2026-02-01',
                  noticeVersion: `notice-${index}`,
                  channel: 'desk',
                };
                ids.push(consent.id);
                sources.consents.push(consent);
              });
              if (spec.audited) {
                const entry: AuditEntry = {
                  id: uuid(4000 + index),
                  at: '2026-03-01T10:00:00.000Z',
                  deskId: 'desk',
                  operator: 'Inès',
                  action: 'consent.record',
                  subjectId: id,
                  details: {},
                };
                ids.push(entry.id);
                sources.auditLog.push(entry);
              }
              if (spec.mergedRecordSignsUp !== null) {
                const alias: Alias = {
                  ...base(uuid(5000 + index)),
                  fromVolunteerId: mergedId,
                  toVolunteerId: id,
                  fromRef: generateVolunteerRef(),
                };
                sources.aliases.push(alias);
                const signUpId = uuid(6000 + index);
                sources.signUps.push(
                  aSignUp({ ...base(signUpId), shiftId: shifts[spec.mergedRecordSignsUp]!.id, volunteerId: mergedId }),
                );
                ids.push(alias.id, alias.fromRef, signUpId);
              }
              return { volunteer, ids };
            });
            exportMembership.forEach((members, n) => {
              sources.exportLog.push({
                id: uuid(7000 + n),
                at: '2026-04-01T10:00:00.000Z',
                deskId: 'desk',
                operator: 'Inès',
                kind: 'city',
                profile: 'excel-fr',
                mode: 'pseudonymous',
                reason: null,
                periodFrom: null,
                periodTo: null,
                fileName: `export-${n}.zip`,
                volunteerIds: owned.filter((_, person) => members[person]).map((person) => person.volunteer.id),
              });
            });

            for (const [index, own] of owned.entries()) {
              const document = buildAccessRequest(
                { ...sources, volunteer: own.volunteer },
                { generatedAt: '2026-11-28T09:00:00.000Z', deskId: 'desk' },
              );
              const text = accessRequestJson(document);
              expect(parseAccessRequest(text)).toEqual(document);
              for (const id of own.ids) expect(text).toContain(id);
              const exportIds = sources.exportLog
                .filter((_, n) => exportMembership[n]![index])
                .map((entry) => entry.id);
              expect(document.exports.map((entry) => entry.id)).toEqual(exportIds);
              for (const other of owned) {
                if (other === own) continue;
                const { volunteer } = other;
                const foreign = [
                  volunteer.id,
                  volunteer.ref,
                  volunteer.firstName,
                  volunteer.lastName,
                  volunteer.email!,
                ];
                for (const value of [...foreign, ...other.ids]) expect(text).not.toContain(value);
              }
            }
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
