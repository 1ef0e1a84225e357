import type { Settings, Shift, SignUp, Volunteer } from './model';
import { parisLocalDate } from './paris-time';

/**
 * The retention policy (product.md, "Privacy"; CNIL, "Les durées de conservation"): personal data is kept no longer
 * than its purpose needs. Two rules, both off-switchable in Settings:
 *
 * 1. **Inactive volunteers are anonymised** when their last activity is older than `retentionMonths` (24 by default).
 *    A volunteer's last activity is the latest of: the day their record was created, and the end of every shift they
 *    have a live sign-up to — whatever its status, so a recent cancellation or a place on a waiting list counts as
 *    contact. Anonymising is the erasure (identity and contacts removed, participations kept under a new random
 *    reference, an entry in the erasure register), so no merge or restore brings the person back.
 * 2. **Parental authorisations and guardian contacts are purged after the minor's last mission**: from the day after
 *    the end of the last shift the person is signed up to (or waiting for), in Paris time. Someone with no such sign-up
 *    yet (registered, not yet placed) is left alone: their authorisation is about to be needed. Their next sign-up will
 *    ask for an authorisation again, which is the point: each one is given for a mission.
 *
 * Pure functions: the review screen shows `planRetention`'s list before anything is written, and the repository then
 * applies exactly that list. Never touches someone with a future or recent participation, and applying a plan then
 * planning again gives nothing (property-tested).
 */

export interface RetentionPolicy {
  readonly anonymiseInactive: boolean;
  readonly inactiveMonths: number;
  readonly purgeGuardianAfterLastMission: boolean;
}

export function retentionPolicyOf(
  settings: Pick<Settings, 'retentionMonths' | 'retentionAnonymiseInactive' | 'retentionPurgeGuardian'>,
): RetentionPolicy {
  return {
    anonymiseInactive: settings.retentionAnonymiseInactive,
    inactiveMonths: settings.retentionMonths,
    purgeGuardianAfterLastMission: settings.retentionPurgeGuardian,
  };
}

export type RetentionVolunteer = Pick<
  Volunteer,
  'id' | 'createdAt' | 'deleted' | 'parentalAuthorisation' | 'guardianName' | 'guardianPhone'
>;
export type RetentionSignUp = Pick<SignUp, 'volunteerId' | 'shiftId' | 'status' | 'deleted'>;
export type RetentionShift = Pick<Shift, 'id' | 'end'>;

export interface RetentionInput {
  readonly volunteers: readonly RetentionVolunteer[];
  readonly signUps: readonly RetentionSignUp[];
  readonly shifts: readonly RetentionShift[];
  /** Volunteers already erased: nothing left to anonymise or purge. */
  readonly erasedIds: ReadonlySet<string>;
  /** The instant the plan is made for. */
  readonly now: string;
}

export type RetentionAction =
  | {
      readonly kind: 'anonymise';
      readonly volunteerId: string;
      /** The instant of the last activity (creation or the end of the last shift), older than the cut-off. */
      readonly lastActivity: string;
      /** Whether the person ever had a sign-up (the screen says "never took part" otherwise). */
      readonly everSignedUp: boolean;
    }
  | {
      readonly kind: 'purge_guardian';
      readonly volunteerId: string;
      /** The end of the last shift the person was signed up to or waiting for. */
      readonly lastShiftEnd: string;
    };

/** `now` minus whole calendar months (UTC calendar; a 31st becomes the month's last day). */
export function monthsBefore(now: string, months: number): string {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  ).toISOString();
}

export function planRetention(input: RetentionInput, policy: RetentionPolicy): RetentionAction[] {
  const shiftEnd = new Map(input.shifts.map((shift) => [shift.id, Date.parse(shift.end)]));
  /** Per volunteer: latest end of any live sign-up, latest end of a live non-cancelled one, and any unknown shift. */
  const activity = new Map<string, { any: number; placed: number; unknown: boolean }>();
  for (const signUp of input.signUps) {
    if (signUp.deleted) continue;
    const current = activity.get(signUp.volunteerId) ?? { any: -Infinity, placed: -Infinity, unknown: false };
    const end = shiftEnd.get(signUp.shiftId);
    if (end === undefined || Number.isNaN(end)) current.unknown = true;
    else {
      current.any = Math.max(current.any, end);
      if (signUp.status !== 'cancelled') current.placed = Math.max(current.placed, end);
    }
    activity.set(signUp.volunteerId, current);
  }

  const nowMs = Date.parse(input.now);
  const cutoff = Date.parse(monthsBefore(input.now, policy.inactiveMonths));
  const today = parisLocalDate(nowMs);
  const actions: RetentionAction[] = [];
  for (const volunteer of input.volunteers) {
    if (volunteer.deleted || input.erasedIds.has(volunteer.id)) continue;
    const own = activity.get(volunteer.id);
    // A sign-up to a shift this store does not hold could be anything, a future mission included: hands off.
    if (own?.unknown) continue;
    const created = Date.parse(volunteer.createdAt);
    const lastActivity = Math.max(created, own?.any ?? -Infinity);
    if (policy.anonymiseInactive && lastActivity < cutoff && lastActivity <= nowMs) {
      actions.push({
        kind: 'anonymise',
        volunteerId: volunteer.id,
        lastActivity: new Date(lastActivity).toISOString(),
        everSignedUp: own !== undefined,
      });
      continue;
    }
    const hasGuardianData =
      volunteer.parentalAuthorisation !== null || volunteer.guardianName !== null || volunteer.guardianPhone !== null;
    if (!policy.purgeGuardianAfterLastMission || !hasGuardianData || !own || own.placed === -Infinity) continue;
    // "After the last mission": the day after the last shift ended, in Paris time.
    if (own.placed <= nowMs && parisLocalDate(own.placed) < today) {
      actions.push({
        kind: 'purge_guardian',
        volunteerId: volunteer.id,
        lastShiftEnd: new Date(own.placed).toISOString(),
      });
    }
  }
  return actions;
}

/** What a guardian purge writes on the volunteer record. */
export const PURGED_GUARDIAN_FIELDS = {
  parentalAuthorisation: null,
  guardianName: null,
  guardianPhone: null,
} as const satisfies Partial<Volunteer>;
