import {
  DEFAULT_SETTINGS,
  type CheckinEvent,
  type Mission,
  type Shift,
  type SignUp,
  type Volunteer,
} from '../../../shared/domain/model';

/** Small builders of valid domain records for the tests: only what a test cares about is spelled out. */

const base = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', clocks: {}, deleted: false });

export function aVolunteer(fields: Partial<Volunteer> = {}): Volunteer {
  return {
    ...base('v-1'),
    ref: 'B-7F3K9QX2R',
    firstName: 'Hélène',
    lastName: 'Le Fèvre',
    email: 'helene@example.org',
    phone: '+33612345678',
    postcode: '75116',
    arrondissementInsee: '75116',
    birthDate: '1990-05-01',
    ageBand: null,
    parentalAuthorisation: null,
    guardianName: null,
    guardianPhone: null,
    skills: [],
    languages: [],
    availability: '',
    notes: '',
    status: 'active',
    ...fields,
  };
}

export function aMission(fields: Partial<Mission> = {}): Mission {
  return {
    ...base('m-1'),
    title: 'Nuit de la solidarité',
    description: '',
    category: 'CANICULE',
    partner: '',
    placeName: '',
    address: '',
    atPrivateHomes: false,
    postcode: '75116',
    arrondissementInsee: '75116',
    online: false,
    audience: 'everyone',
    minimumAge: null,
    minorsNeedAuthorisation: false,
    stepFreeAccess: null,
    referentName: '',
    referentPhone: null,
    whatToBring: '',
    status: 'planned',
    cancellationReason: null,
    impact: { kgWaste: null, m2Greened: null, peopleReached: null, objectsRepaired: null, peopleContacted: null },
    ...fields,
  };
}

/** By default the night of 24–25 October 2026, 22:00–06:00 Paris time (9 h). */
export function aShift(fields: Partial<Shift> = {}): Shift {
  return {
    ...base('s-1'),
    missionId: 'm-1',
    start: '2026-10-24T20:00:00.000Z',
    end: '2026-10-25T05:00:00.000Z',
    capacity: 10,
    roleNeeds: [],
    requiredSkill: null,
    seriesId: null,
    ...fields,
  };
}

export function aSignUp(fields: Partial<SignUp> = {}): SignUp {
  return {
    ...base('su-1'),
    shiftId: 's-1',
    volunteerId: 'v-1',
    role: 'volunteer',
    status: 'signed_up',
    toConfirm: false,
    waitingSince: null,
    cancelledAt: null,
    cancellationReason: null,
    cancellationCutoffHours: null,
    attendance: 'unmarked',
    attendanceSource: null,
    correctedArrival: null,
    correctedDeparture: null,
    declaredHours: null,
    declaredReason: null,
    override: null,
    ...fields,
  };
}

let eventCounter = 0;
export function anEvent(kind: CheckinEvent['kind'], at: string, fields: Partial<CheckinEvent> = {}): CheckinEvent {
  eventCounter++;
  return {
    ...base(`e-${eventCounter}`),
    signUpId: 'su-1',
    shiftId: 's-1',
    volunteerId: 'v-1',
    kind,
    at,
    operator: 'Camille',
    deskId: 'desk-a',
    ...fields,
  };
}

export const SETTINGS = DEFAULT_SETTINGS;
