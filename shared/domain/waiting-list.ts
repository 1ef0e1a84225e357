import { freePlaces, isWaiting } from './capacity';
import type { Shift, SignUp } from './model';

/**
 * The waiting list of a shift (product.md): first come, first served, by the instant the person joined it
 * (`waitingSince`), then by id so that two desks that put two people on the list at the same instant agree on the
 * order. A freed place promotes the first person, marked "to confirm".
 */

type WaitingEntry = Pick<SignUp, 'id' | 'status' | 'deleted' | 'waitingSince' | 'createdAt'>;

/** The live waiting sign-ups of a shift in order. One without `waitingSince` ranks by its creation time. */
export function orderWaitingList<S extends WaitingEntry>(signUps: Iterable<S>): S[] {
  return [...signUps].filter(isWaiting).sort(compareWaiting);
}

/** 1-based position on the waiting list, or null when not on it. */
export function waitingListPosition(signUps: Iterable<WaitingEntry>, signUpId: string): number | null {
  const index = orderWaitingList(signUps).findIndex((signUp) => signUp.id === signUpId);
  return index < 0 ? null : index + 1;
}

/** The change that promotes a waiting sign-up: confirmed, but still to confirm by the volunteer. */
export const PROMOTION_PATCH = {
  status: 'signed_up',
  toConfirm: true,
  waitingSince: null,
} as const satisfies Partial<SignUp>;

export interface Promotion {
  readonly signUpId: string;
  readonly patch: typeof PROMOTION_PATCH;
}

/**
 * The promotions owed after a place frees up: as many people as there are free places, from the head of the list.
 * `signUps`: all the sign-ups of this shift. Applying the patches is the caller's (a repository, in a transaction).
 */
export function promotionsAfterChange(
  shift: Pick<Shift, 'capacity'>,
  signUps: readonly (WaitingEntry & Pick<SignUp, 'status'>)[],
): Promotion[] {
  const places = freePlaces(shift, signUps);
  return orderWaitingList(signUps)
    .slice(0, places)
    .map((signUp) => ({ signUpId: signUp.id, patch: PROMOTION_PATCH }));
}

function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  const sinceA = Date.parse(a.waitingSince ?? a.createdAt);
  const sinceB = Date.parse(b.waitingSince ?? b.createdAt);
  if (sinceA !== sinceB) return sinceA - sinceB;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
