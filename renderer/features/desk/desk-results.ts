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
import { searchPeople, type PeopleIndex } from './search-index';

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

/**
 * The results for a query: the chosen shifts' people first, then anyone else from the whole index, marked "not signed
 * up for this shift" (`walkInShift` is the shift they would join).
 */
export function findResults(
  query: SearchQuery,
  fromShifts: readonly DeskResult[],
  index: PeopleIndex | undefined,
  walkInShift: DeskShift | null,
  limit = RESULT_LIMIT,
): DeskResult[] {
  if (query.alternatives.length === 0) return [];
  const found = fromShifts.filter((result) => matchesSearch(result.person.searchKeys, query)).slice(0, limit);
  if (!index || found.length >= limit) return found;
  const signedUp = new Set(fromShifts.filter((r) => r.signUp?.status !== 'cancelled').map((r) => r.person.id));
  const others = searchPeople(index, query, limit - found.length, signedUp)
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
  return [...found, ...others];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
function byName(a: DeskResult, b: DeskResult): number {
  return (
    collator.compare(a.person.lastName, b.person.lastName) || collator.compare(a.person.firstName, b.person.firstName)
  );
}
