import { ageRangeAt, isKnownUnderAgeAt, isMinorAt } from './age';
import { confirmedCount } from './capacity';
import type { Mission, Shift, SignUp, Volunteer } from './model';
import { parisLocalDate, toEpochMs } from './paris-time';

/**
 * Deciding a sign-up (product.md, "Sign-ups"): accepted, or refused with every reason that applies, each named so the
 * screen can say it (messages.ts) and offer the way out (the waiting list when the shift is full). A coordinator's
 * override, with who, when and a reason, turns a refusal into an acceptance and is recorded in the result.
 */

/** Reasons in the fixed order in which they are reported. */
export const REFUSAL_REASONS = [
  'shift_full',
  'overlap',
  'under_minimum_age',
  'minor_without_authorisation',
  'volunteer_inactive',
] as const;
export type RefusalCode = (typeof REFUSAL_REASONS)[number];

export type Refusal =
  /** The shift has no free place: offer the waiting list instead. */
  | { readonly code: 'shift_full'; readonly offerWaitingList: true }
  /** Overlaps the volunteer's other non-cancelled shifts (all of them, sorted by start then id). */
  | { readonly code: 'overlap'; readonly conflictingShiftIds: readonly string[] }
  | { readonly code: 'under_minimum_age'; readonly minimumAge: number }
  | { readonly code: 'minor_without_authorisation' }
  | { readonly code: 'volunteer_inactive'; readonly status: 'inactive' | 'archived' };

export interface Override {
  readonly operator: string;
  readonly at: string;
  readonly reason: string;
}

export const OVERRIDE_ERRORS = ['override_reason_required', 'override_operator_required'] as const;
export type OverrideError = (typeof OVERRIDE_ERRORS)[number];

export type SignUpDecision =
  | { readonly accepted: true; readonly refusals: readonly []; readonly override: null }
  /** Refused, then overridden: the refusals stay visible and the override is to be stored on the sign-up. */
  | { readonly accepted: true; readonly refusals: readonly Refusal[]; readonly override: Override }
  | {
      readonly accepted: false;
      readonly refusals: readonly Refusal[];
      /** Set when an override was given but is not valid (no reason, no operator). */
      readonly overrideError: OverrideError | null;
    };

export interface SignUpRequest {
  readonly volunteer: Pick<Volunteer, 'id' | 'status' | 'birthDate' | 'ageBand' | 'parentalAuthorisation'>;
  readonly shift: Pick<Shift, 'id' | 'start' | 'end' | 'capacity'>;
  readonly mission: Pick<Mission, 'minimumAge' | 'minorsNeedAuthorisation'>;
  /** All the sign-ups of this shift (any status; the live confirmed ones take the places). */
  readonly shiftSignUps: readonly Pick<SignUp, 'status' | 'deleted'>[];
  /** The volunteer's other sign-ups, each with its shift. */
  readonly volunteerBookings: readonly {
    readonly signUp: Pick<SignUp, 'status' | 'deleted'>;
    readonly shift: Pick<Shift, 'id' | 'start' | 'end' | 'deleted'>;
  }[];
  /** Two shifts that share at most this many minutes do not overlap (a 14:00–16:00 then 15:55–18:00 with 5). */
  readonly overlapToleranceMinutes?: number;
  readonly override?: Override | null;
}

const MINUTE_MS = 60_000;

export function decideSignUp(request: SignUpRequest): SignUpDecision {
  const refusals = findRefusals(request);
  if (refusals.length === 0) return { accepted: true, refusals: [], override: null };
  const override = request.override ?? null;
  if (override === null) return { accepted: false, refusals, overrideError: null };
  const overrideError = checkOverride(override);
  if (overrideError) return { accepted: false, refusals, overrideError };
  return { accepted: true, refusals, override: { ...override, reason: override.reason.trim() } };
}

/** Every reason to refuse, in the order of REFUSAL_REASONS. */
export function findRefusals(request: SignUpRequest): Refusal[] {
  const { volunteer, shift, mission } = request;
  const refusals: Refusal[] = [];
  if (confirmedCount(request.shiftSignUps) >= shift.capacity)
    refusals.push({ code: 'shift_full', offerWaitingList: true });
  const conflicts = overlappingShiftIds(shift, request.volunteerBookings, request.overlapToleranceMinutes ?? 0);
  if (conflicts.length > 0) refusals.push({ code: 'overlap', conflictingShiftIds: conflicts });
  // Ages are taken at the shift's date in Paris: a minor on the day of the mission is a minor for that mission.
  const shiftDate = parisLocalDate(shift.start);
  if (mission.minimumAge !== null && isKnownUnderAgeAt(volunteer, shiftDate, mission.minimumAge)) {
    refusals.push({ code: 'under_minimum_age', minimumAge: mission.minimumAge });
  }
  if (
    mission.minorsNeedAuthorisation &&
    isMinorAt(volunteer, shiftDate) &&
    volunteer.parentalAuthorisation !== 'received'
  ) {
    refusals.push({ code: 'minor_without_authorisation' });
  }
  if (volunteer.status !== 'active') refusals.push({ code: 'volunteer_inactive', status: volunteer.status });
  return refusals;
}

/**
 * The shifts among the volunteer's live, non-cancelled bookings (signed up or waiting) that share more than
 * `toleranceMinutes` with `shift`. The same shift counts too: a second sign-up to it would be a double booking.
 */
export function overlappingShiftIds(
  shift: Pick<Shift, 'start' | 'end'>,
  bookings: SignUpRequest['volunteerBookings'],
  toleranceMinutes: number,
): string[] {
  const start = toEpochMs(shift.start);
  const end = toEpochMs(shift.end);
  const conflicts = bookings
    .filter(({ signUp, shift: other }) => !signUp.deleted && !other.deleted && signUp.status !== 'cancelled')
    .filter(({ shift: other }) => {
      const shared = Math.min(end, toEpochMs(other.end)) - Math.max(start, toEpochMs(other.start));
      return shared > toleranceMinutes * MINUTE_MS;
    })
    .map(({ shift: other }) => other)
    .sort((a, b) => toEpochMs(a.start) - toEpochMs(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...new Set(conflicts.map((other) => other.id))];
}

export function checkOverride(override: Override): OverrideError | null {
  if (override.reason.trim() === '') return 'override_reason_required';
  if (override.operator.trim() === '') return 'override_operator_required';
  return null;
}

/** Exposed for screens that explain an age refusal: the ages the person can have on the shift's date. */
export function volunteerAgeRangeOnShift(
  volunteer: Pick<Volunteer, 'birthDate' | 'ageBand'>,
  shift: Pick<Shift, 'start'>,
): { min: number; max: number } | null {
  return ageRangeAt(volunteer, parisLocalDate(shift.start));
}
