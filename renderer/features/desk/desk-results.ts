import type { SearchQuery } from '../../../shared/domain/text-folding';
import { matchesSearch } from '../../../shared/domain/text-folding';
import type { CheckinEvent, SignUp } from '../../../shared/domain/model';
import {
  lacksAuthorisation,
  presenceFromEvents,
  type DeskData,
  type DeskPerson,
  type DeskShift,
} from '../../db/repositories/desk-repository';

/** What a result says at a glance (issue #8): each has its colour and its words. */
export type ResultStatus =
  | 'expected'
  | 'here'
  | 'left'
  | 'left_auto'
  | 'no_show'
  | 'present_default'
  | 'waiting'
  | 'cancelled'
  | 'not_signed_up';

export interface DeskResult {
  /** The sign-up's id, or `person:<volunteer id>` for someone not signed up to the chosen shifts. */
  readonly id: string;
  readonly person: DeskPerson;
  readonly signUp: SignUp | null;
  readonly deskShift: DeskShift | null;
  readonly status: ResultStatus;
  /** The time that goes with the status: arrival for "here", departure for "left". */
  readonly time: string | null;
  readonly minorWithoutAuthorisation: boolean;
}

export const RESULT_LIMIT = 12;

/** The chosen shifts' sign-ups as results, prepared once per change of the data (not per keystroke). */
export function shiftResults(data: DeskData): DeskResult[] {
  const shiftById = new Map(data.shifts.map((deskShift) => [deskShift.shift.id, deskShift]));
  const eventsBySignUp = new Map<string, CheckinEvent[]>();
  for (const event of data.events)
    eventsBySignUp.set(event.signUpId, [...(eventsBySignUp.get(event.signUpId) ?? []), event]);
  const results: DeskResult[] = [];
  for (const signUp of data.signUps) {
    const person = data.people.get(signUp.volunteerId);
    const deskShift = shiftById.get(signUp.shiftId);
    if (!person || !deskShift) continue;
    const presence = presenceFromEvents(signUp.id, eventsBySignUp.get(signUp.id) ?? []);
    let status: ResultStatus = 'expected';
    let time: string | null = null;
    if (signUp.status === 'waiting') status = 'waiting';
    else if (signUp.status === 'cancelled') status = 'cancelled';
    else if (presence.state === 'here') [status, time] = ['here', presence.since];
    else if (presence.state === 'left') [status, time] = [presence.automatic ? 'left_auto' : 'left', presence.at];
    else if (signUp.attendance === 'absent') status = 'no_show';
    else if (signUp.attendance === 'present') status = 'present_default';
    results.push({
      id: signUp.id,
      person,
      signUp,
      deskShift,
      status,
      time,
      minorWithoutAuthorisation: lacksAuthorisation(person, deskShift.mission, deskShift.shift),
    });
  }
  return results.sort(byName);
}

/** The chosen shifts' results matching the query, in name order, at most `limit`. */
export function shiftMatches(
  query: SearchQuery,
  fromShifts: readonly DeskResult[],
  limit = RESULT_LIMIT,
): DeskResult[] {
  if (query.alternatives.length === 0) return [];
  return fromShifts.filter((result) => matchesSearch(result.person.searchKeys, query)).slice(0, limit);
}

/** The people signed up to the chosen shifts (not cancelled): the search among all volunteers leaves them out. */
export function signedUpPeople(fromShifts: readonly DeskResult[]): string[] {
  return [...new Set(fromShifts.filter((r) => r.signUp?.status !== 'cancelled').map((r) => r.person.id))];
}

/**
 * The results for a query: the chosen shifts' people first, then `others` (found by the search among all
 * volunteers), marked "not signed up for this shift" (`walkInShift` is the shift they would join).
 */
export function findResults(
  query: SearchQuery,
  fromShifts: readonly DeskResult[],
  others: readonly DeskPerson[],
  walkInShift: DeskShift | null,
  limit = RESULT_LIMIT,
): DeskResult[] {
  const found = shiftMatches(query, fromShifts, limit);
  if (found.length === 0 && query.alternatives.length === 0) return [];
  // An answer computed just before a walk-in may still hold the person now signed up: shown once, with the sign-up.
  const signedUp = new Set(signedUpPeople(fromShifts));
  const rest = others
    .filter((person) => !signedUp.has(person.id))
    .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName))
    .map((person): DeskResult => ({
      id: `person:${person.id}`,
      person,
      signUp: null,
      deskShift: walkInShift,
      status: 'not_signed_up',
      time: null,
      minorWithoutAuthorisation: walkInShift
        ? lacksAuthorisation(person, walkInShift.mission, walkInShift.shift)
        : false,
    }));
  return [...found, ...rest].slice(0, limit);
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
function byName(a: DeskResult, b: DeskResult): number {
  return (
    collator.compare(a.person.lastName, b.person.lastName) || collator.compare(a.person.firstName, b.person.firstName)
  );
}
