import { TZDate } from '@date-fns/tz';
import { MISSION_CATEGORIES, type MissionCategory } from '../domain/categories';
import { createRandom, sortedUuids } from './random';

/**
 * The structure of a seeded dataset, decided once and held compactly in typed arrays: how many of everything, which
 * volunteer signs up to which shift, who came. The tables' generators (./seed.ts) dress it with names and texts.
 * Ids are drawn first, sorted, and handed out in generation order, so that every table comes out sorted by id (the
 * snapshot's order) without ever sorting records.
 */

export const PARIS_ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

/** Volunteer kinds that the rules of minors care about (domain.md, "People and the law"). */
export const VolunteerKind = {
  Adult: 0,
  MinorAuthorised: 1,
  MinorWithoutAuthorisation: 2,
  UnderFifteenAuthorised: 3,
} as const;
export type VolunteerKind = (typeof VolunteerKind)[keyof typeof VolunteerKind];

export const SignUpState = {
  SignedUp: 0,
  Waiting: 1,
  Cancelled: 2,
  /** Promoted from the waiting list, still to confirm. */
  Promoted: 3,
} as const;
export type SignUpState = (typeof SignUpState)[keyof typeof SignUpState];

export const Attendance = {
  Unmarked: 0,
  Present: 1,
  Absent: 2,
  Excused: 3,
} as const;
export type Attendance = (typeof Attendance)[keyof typeof Attendance];

/** How a past shift's presence was recorded; `desk` shifts have check-in events. */
export const ATTENDANCE_MODES = ['desk', 'desk_presence_default', 'manual', 'paper'] as const;

export const CheckinPattern = {
  None: 0,
  InOut: 1,
  InAuto: 2,
  InOnly: 3,
  /** A check-in undone (a deleted event), then the real check-in and check-out. */
  UndoneInOut: 4,
} as const;
export type CheckinPattern = (typeof CheckinPattern)[keyof typeof CheckinPattern];
/** Events per pattern, in the order they are generated. */
export const CHECKIN_EVENTS: Record<
  CheckinPattern,
  readonly ('check_in' | 'check_out' | 'auto_check_out' | 'undone')[]
> = {
  [CheckinPattern.None]: [],
  [CheckinPattern.InOut]: ['check_in', 'check_out'],
  [CheckinPattern.InAuto]: ['check_in', 'auto_check_out'],
  [CheckinPattern.InOnly]: ['check_in'],
  [CheckinPattern.UndoneInOut]: ['undone', 'check_in', 'check_out'],
};

export interface SeedOptions {
  /** Number of volunteers; everything else scales from it (50,000 → ~2,000 missions, ~20,000 shifts, ~500,000 sign-ups). */
  readonly volunteers: number;
  /** The dataset's "today": shifts before it happened, shifts after it are planned. ISO instant. */
  readonly now: string;
  /** Any text: the same seed and `now` give the same dataset. */
  readonly seed: string;
}

export interface SeedPlan {
  readonly options: SeedOptions;
  readonly nowMs: number;
  readonly deskId: string;
  readonly otherDeskIds: readonly string[];
  readonly ids: {
    readonly volunteers: readonly string[];
    readonly consents: readonly string[];
    readonly missions: readonly string[];
    readonly shifts: readonly string[];
    readonly signUps: readonly string[];
    readonly checkinEvents: readonly string[];
    readonly aliases: readonly string[];
    readonly reviewItems: readonly string[];
    readonly auditLog: readonly string[];
    readonly exportLog: readonly string[];
    readonly erasures: readonly string[];
  };
  readonly volunteerKind: Uint8Array;
  /** When each volunteer joined (ms), which their consents are dated from. */
  readonly volunteerJoined: Float64Array;
  /** Bit 2k: purpose k recorded; bit 2k+1: given. Purposes in CONSENT_PURPOSES order. */
  readonly consentBits: Uint8Array;
  readonly missionCategory: readonly MissionCategory[];
  readonly missionMinimumAge: Int8Array;
  readonly missionNeedsAuthorisation: Uint8Array;
  readonly missionCancelled: Uint8Array;
  readonly missionFirstShift: Int32Array;
  readonly missionShiftCount: Int32Array;
  readonly shiftMission: Int32Array;
  readonly shiftStart: Float64Array;
  readonly shiftEnd: Float64Array;
  readonly shiftCapacity: Int32Array;
  /** Index in `seriesIds`, or -1 for a one-off shift. */
  readonly shiftSeries: Int32Array;
  readonly seriesIds: readonly string[];
  /** Index in ATTENDANCE_MODES for past shifts, -1 for future ones. */
  readonly shiftMode: Int8Array;
  readonly shiftFirstSignUp: Int32Array;
  readonly signUpShift: Int32Array;
  readonly signUpVolunteer: Int32Array;
  readonly signUpState: Uint8Array;
  readonly signUpAttendance: Uint8Array;
  readonly signUpCheckins: Uint8Array;
  /** A coordinator's override (minor without authorisation admitted). */
  readonly signUpOverride: Uint8Array;
  readonly signUpFirstEvent: Int32Array;
}

/** A wall time in Paris as an instant, correct across daylight-saving changes (@date-fns/tz). */
export function parisInstant(year: number, month: number, day: number, hour: number, minute = 0): number {
  return new TZDate(year, month - 1, day, hour, minute, 0, PARIS_ZONE).getTime();
}

/** The Paris calendar date of an instant, as [year, month (1–12), day]. */
export function parisDate(ms: number): [number, number, number] {
  const date = new TZDate(ms, PARIS_ZONE);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

const RECURRING_CATEGORIES: readonly MissionCategory[] = ['JARDIN_ARROSAGE', 'COMPOST', 'MOBILITE', 'REPARATION'];

export function planSeed(options: SeedOptions): SeedPlan {
  if (!Number.isInteger(options.volunteers) || options.volunteers < 0 || options.volunteers > 1_000_000) {
    throw new RangeError('volunteers: an integer from 0 to 1,000,000');
  }
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now: not an ISO instant: ${options.now}`);
  const random = createRandom(options.seed, 'plan');
  const volunteers = options.volunteers;

  const volunteerKind = new Uint8Array(volunteers);
  const consentBits = new Uint8Array(volunteers);
  const volunteerJoined = new Float64Array(volunteers);
  const joinedFrom = Date.UTC(2019, 0, 1);
  let consents = 0;
  for (let v = 0; v < volunteers; v++) {
    volunteerJoined[v] = joinedFrom + Math.floor(random.float() * Math.max(0, nowMs - DAY_MS - joinedFrom));
    const roll = random.float();
    volunteerKind[v] =
      roll < 0.9
        ? VolunteerKind.Adult
        : roll < 0.95
          ? VolunteerKind.MinorAuthorised
          : roll < 0.98
            ? VolunteerKind.MinorWithoutAuthorisation
            : VolunteerKind.UnderFifteenAuthorised;
    // City sharing is always asked; the other purposes sometimes; each given or refused.
    const asked = [true, random.chance(0.6), random.chance(0.5), random.chance(0.3)];
    const givenRate = [0.85, 0.7, 0.6, 0.5];
    let bits = 0;
    asked.forEach((isAsked, purpose) => {
      if (!isAsked) return;
      bits |= 1 << (2 * purpose);
      if (random.chance(givenRate[purpose] as number)) bits |= 1 << (2 * purpose + 1);
      consents++;
    });
    consentBits[v] = bits;
  }

  const missions = Math.max(MISSION_CATEGORIES.length, Math.round(volunteers / 25));
  const missionCategory: MissionCategory[] = [];
  const missionMinimumAge = new Int8Array(missions);
  const missionNeedsAuthorisation = new Uint8Array(missions);
  const missionCancelled = new Uint8Array(missions);
  const missionFirstShift = new Int32Array(missions);
  const missionShiftCount = new Int32Array(missions);
  const shiftMission: number[] = [];
  const shiftStart: number[] = [];
  const shiftEnd: number[] = [];
  const shiftSeries: number[] = [];
  let seriesCount = 0;
  const addShift = (mission: number, start: number, end: number, series: number) => {
    shiftMission.push(mission);
    shiftStart.push(start);
    shiftEnd.push(end);
    shiftSeries.push(series);
  };
  // Missions from early January 2026 to two or three months after `now`.
  const firstDay = parisInstant(2026, 1, 5, 12);
  const lastDay = Math.max(firstDay + 30 * DAY_MS, nowMs + 75 * DAY_MS);
  for (let m = 0; m < missions; m++) {
    // The first missions cover every category; then categories by rough frequency.
    const category =
      m < MISSION_CATEGORIES.length ? (MISSION_CATEGORIES[m] as MissionCategory) : random.pick(MISSION_CATEGORIES);
    missionCategory.push(category);
    missionMinimumAge[m] = random.chance(0.6) ? -1 : random.pick([12, 15, 16, 18]);
    missionNeedsAuthorisation[m] = random.chance(0.7) ? 1 : 0;
    missionCancelled[m] = random.chance(0.04) ? 1 : 0;
    missionFirstShift[m] = shiftMission.length;
    const hour = category === 'RUES_AUX_ECOLES' ? 8 : random.pick([9, 10, 14, 15, 18, 19]);
    const minute = random.pick([0, 0, 30]);
    const hours = category === 'EVENEMENT_LOGISTIQUE' ? random.between(3, 8) : random.between(2, 4);
    let dayMs = firstDay + random.int(Math.floor((lastDay - firstDay) / DAY_MS)) * DAY_MS;
    if (category === 'CANICULE') dayMs = parisInstant(2026, 6, 1, 12) + random.int(90) * DAY_MS;
    if (m === 0) {
      // A weekly Sunday series across both 2026 daylight-saving changes (29 March and 25 October).
      const series = seriesCount++;
      for (let week = 0; week < 36; week++) {
        const [y, mo, d] = parisDate(parisInstant(2026, 3, 1, 12) + week * 7 * DAY_MS);
        addShift(m, parisInstant(y, mo, d, 10), parisInstant(y, mo, d, 13), series);
      }
    } else if (category === 'EVENEMENT_LOGISTIQUE' && m < MISSION_CATEGORIES.length) {
      // Night shifts over the changes: 22:00 → 06:00 lasts 7 h on 28–29 March and 9 h on 24–25 October.
      addShift(m, parisInstant(2026, 3, 28, 22), parisInstant(2026, 3, 29, 6), -1);
      addShift(m, parisInstant(2026, 10, 24, 22), parisInstant(2026, 10, 25, 6), -1);
    } else if (RECURRING_CATEGORIES.includes(category) || random.chance(0.15)) {
      // Recurring: one or two weekdays, the same wall time, for several weeks (product.md, "Shifts").
      const series = seriesCount++;
      const weeks = random.between(9, 17);
      const twice = random.chance(0.5);
      for (let week = 0; week < weeks; week++) {
        for (const offset of twice ? [0, 2] : [0]) {
          const [y, mo, d] = parisDate(dayMs + (week * 7 + offset) * DAY_MS);
          const start = parisInstant(y, mo, d, hour, minute);
          addShift(m, start, start + hours * 3_600_000, series);
        }
      }
    } else {
      const count = random.between(2, 9);
      for (let k = 0; k < count; k++) {
        const [y, mo, d] = parisDate(dayMs + random.int(45) * DAY_MS);
        const start = parisInstant(y, mo, d, hour, minute);
        addShift(m, start, start + hours * 3_600_000, -1);
      }
    }
    missionShiftCount[m] = shiftMission.length - (missionFirstShift[m] as number);
  }

  const shifts = shiftMission.length;
  // Below 450 volunteers the 18 missions would fill each volunteer's agenda: shrink the shifts instead.
  const capacityScale = Math.min(1, volunteers / 450);
  const shiftCapacity = new Int32Array(shifts);
  const shiftMode = new Int8Array(shifts);
  const shiftFirstSignUp = new Int32Array(shifts + 1);
  const signUpShift: number[] = [];
  const signUpVolunteer: number[] = [];
  const signUpState: number[] = [];
  const signUpAttendance: number[] = [];
  const signUpCheckins: number[] = [];
  const signUpOverride: number[] = [];
  let events = 0;
  const chosen = new Set<number>();
  for (let s = 0; s < shifts; s++) {
    const mission = shiftMission[s] as number;
    const capacity = Math.max(2, Math.round((10 + random.int(35)) * capacityScale));
    shiftCapacity[s] = capacity;
    const past = (shiftEnd[s] as number) <= nowMs;
    const mode = past ? pickMode(random.float()) : -1;
    shiftMode[s] = mode;
    shiftFirstSignUp[s] = signUpShift.length;
    const full = random.chance(0.3);
    const signedUp = Math.min(volunteers, full ? capacity : Math.round(capacity * (0.6 + 0.4 * random.float())));
    const waiting = full ? Math.min(volunteers - signedUp, random.int(6)) : 0;
    const cancelled = Math.min(volunteers - signedUp - waiting, random.chance(0.6) ? random.int(5) : 0);
    chosen.clear();
    const total = signedUp + waiting + cancelled;
    for (let k = 0; k < total; k++) {
      let volunteer = pickVolunteer(random, volunteers, chosen);
      let override = 0;
      const kind = volunteerKind[volunteer] as VolunteerKind;
      if (kind === VolunteerKind.MinorWithoutAuthorisation && missionNeedsAuthorisation[mission]) {
        // Most such sign-ups are refused (another volunteer is chosen); a few were admitted by a coordinator.
        if (random.chance(0.2)) override = 1;
        else {
          volunteer = pickVolunteer(random, volunteers, chosen);
          if (volunteerKind[volunteer] === VolunteerKind.MinorWithoutAuthorisation) override = 1;
        }
      }
      chosen.add(volunteer);
      const state =
        missionCancelled[mission] || k >= signedUp + waiting
          ? SignUpState.Cancelled
          : k >= signedUp
            ? SignUpState.Waiting
            : !past && k === signedUp - 1 && full && random.chance(0.3)
              ? SignUpState.Promoted
              : SignUpState.SignedUp;
      let attendance: Attendance = Attendance.Unmarked;
      let checkins: CheckinPattern = CheckinPattern.None;
      if (past && state === SignUpState.SignedUp) {
        const roll = random.float();
        attendance = roll < 0.85 ? Attendance.Present : roll < 0.95 ? Attendance.Absent : Attendance.Excused;
        if (attendance === Attendance.Present && ATTENDANCE_MODES[mode] === 'desk') {
          const pattern = random.float();
          checkins =
            pattern < 0.03
              ? CheckinPattern.UndoneInOut
              : pattern < 0.8
                ? CheckinPattern.InOut
                : pattern < 0.95
                  ? CheckinPattern.InAuto
                  : CheckinPattern.InOnly;
        }
      }
      signUpShift.push(s);
      signUpVolunteer.push(volunteer);
      signUpState.push(state);
      signUpAttendance.push(attendance);
      signUpCheckins.push(checkins);
      signUpOverride.push(override);
      events += CHECKIN_EVENTS[checkins].length;
    }
  }
  shiftFirstSignUp[shifts] = signUpShift.length;
  const signUps = signUpShift.length;
  const signUpFirstEvent = new Int32Array(signUps + 1);
  for (let u = 0, e = 0; u <= signUps; u++) {
    signUpFirstEvent[u] = e;
    if (u < signUps) e += CHECKIN_EVENTS[signUpCheckins[u] as CheckinPattern].length;
  }

  const idRandom = createRandom(options.seed, 'ids');
  const small = (per: number, minimum: number) => Math.max(minimum, Math.round(volunteers / per));
  const ids = {
    volunteers: sortedUuids(idRandom, volunteers),
    consents: sortedUuids(idRandom, consents),
    missions: sortedUuids(idRandom, missions),
    shifts: sortedUuids(idRandom, shifts),
    signUps: sortedUuids(idRandom, signUps),
    checkinEvents: sortedUuids(idRandom, events),
    aliases: sortedUuids(idRandom, volunteers === 0 ? 0 : small(2_000, 1)),
    reviewItems: sortedUuids(idRandom, volunteers === 0 ? 0 : small(5_000, 2)),
    auditLog: sortedUuids(idRandom, small(500, 5)),
    exportLog: sortedUuids(idRandom, small(10_000, 2)),
    erasures: sortedUuids(idRandom, small(2_000, 1)),
  };
  return {
    options,
    nowMs,
    deskId: `desk-${idRandom.uuid()}`,
    otherDeskIds: [`desk-${idRandom.uuid()}`, `desk-${idRandom.uuid()}`],
    ids,
    volunteerKind,
    volunteerJoined,
    consentBits,
    missionCategory,
    missionMinimumAge,
    missionNeedsAuthorisation,
    missionCancelled,
    missionFirstShift,
    missionShiftCount,
    shiftMission: Int32Array.from(shiftMission),
    shiftStart: Float64Array.from(shiftStart),
    shiftEnd: Float64Array.from(shiftEnd),
    shiftCapacity,
    shiftSeries: Int32Array.from(shiftSeries),
    seriesIds: Array.from({ length: seriesCount }, () => idRandom.uuid()),
    shiftMode,
    shiftFirstSignUp,
    signUpShift: Int32Array.from(signUpShift),
    signUpVolunteer: Int32Array.from(signUpVolunteer),
    signUpState: Uint8Array.from(signUpState),
    signUpAttendance: Uint8Array.from(signUpAttendance),
    signUpCheckins: Uint8Array.from(signUpCheckins),
    signUpOverride: Uint8Array.from(signUpOverride),
    signUpFirstEvent,
  };
}

function pickMode(roll: number): number {
  return roll < 0.6 ? 0 : roll < 0.75 ? 1 : roll < 0.9 ? 2 : 3;
}

/** A volunteer not yet on this shift; the most active volunteers come up more often (a square law). */
function pickVolunteer(random: ReturnType<typeof createRandom>, volunteers: number, taken: Set<number>): number {
  for (;;) {
    const u = random.float();
    const candidate = Math.floor(volunteers * u * u);
    if (!taken.has(candidate)) return candidate;
    // Past a few collisions the shift is nearly full of the active few: take the next free one in order.
    if (random.chance(0.5)) {
      for (let v = 0; v < volunteers; v++) {
        const next = (candidate + v) % volunteers;
        if (!taken.has(next)) return next;
      }
    }
  }
}
