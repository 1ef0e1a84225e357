import type { DBCore, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { SignUp } from '../../shared/domain/model';

/**
 * The sign-ups that are tombstones (`deleted`), by shift, in a desk-local table kept by this middleware (issue #12).
 *
 * The planning's week shows each shift's fill. Counting a shift's confirmed people by the `[shiftId+status]` index
 * takes a tenth of the time of reading them (a city's week: 7,164 sign-ups read in 1.5–2.2 s, counted in 0.2–0.3 s),
 * but a tombstone keeps its status, so the count includes it; IndexedDB cannot index the boolean `deleted` to leave
 * it out. Tombstones are rare (a walk-in undone at the desk, a merge), so the fill is the count minus this table's
 * few rows for the shift.
 *
 * Every write of a sign-up, whoever makes it (a screen, an import, a restore, a merge, the sync Worker), also updates
 * this table in the same IndexedDB transaction (the middleware adds the table to every read-write transaction on
 * sign-ups, as the sync journal does), so the two never disagree. It is never merged nor in a snapshot: a restore or a
 * sync rebuilds it through the same writes. Writes made outside Dexie (the raw IndexedDB of a test) are not seen.
 */

export const TOMBSTONES_TABLE = 'signUpTombstones';
const SIGN_UPS = 'signUps';

export interface SignUpTombstoneRow {
  /** The sign-up's id. */
  id: string;
  shiftId: string;
  /** Its status when it was deleted (the `[shiftId+status]` count it must be taken from). */
  status: SignUp['status'];
}

const RANGE = 2 as DBCoreRangeType;

export const signUpTombstonesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'signUpTombstones',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.includes(SIGN_UPS) || stores.includes(TOMBSTONES_TABLE)) {
          return down.transaction(stores, mode, options);
        }
        return down.transaction([...stores, TOMBSTONES_TABLE], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== SIGN_UPS) return table;
        return {
          ...table,
          // Promise chains, not async/await: Dexie's middlewares below this one (hooks, cache) find the transaction
          // in Dexie's zone, which its own promises carry into their callbacks and a native await would lose.
          mutate(request) {
            return table.mutate(request).then((response) => {
              const { trans } = request;
              // Looked up here, not when the table is: a database being upgraded from before version 4 has no such table.
              const tombstones = down.table(TOMBSTONES_TABLE);
              let done: PromiseLike<unknown> | null = null;
              if (request.type === 'put' || request.type === 'add') {
                const failed = response.failures ?? {};
                // The last value written for each id is what the store holds (a batch may name an id twice).
                const last = new Map<string, SignUp>();
                request.values.forEach((value: SignUp, index) => {
                  if (!failed[index]) last.set(value.id, value);
                });
                const dead: SignUpTombstoneRow[] = [];
                const live: string[] = [];
                for (const value of last.values()) {
                  if (value.deleted) dead.push({ id: value.id, shiftId: value.shiftId, status: value.status });
                  else live.push(value.id);
                }
                const noted = dead.length > 0 ? tombstones.mutate({ type: 'put', trans, values: dead }) : null;
                const forgotten = forget(tombstones, trans, live);
                done = noted && forgotten ? noted.then(() => forgotten) : (noted ?? forgotten);
              } else if (request.type === 'delete') {
                done = forget(tombstones, trans, request.keys as string[]);
              } else if (request.type === 'deleteRange') {
                // The primary keys are the same ids: a range of sign-ups cleared is the same range of tombstones.
                done = tombstones.mutate({ type: 'deleteRange', trans, range: request.range });
              }
              return done ? done.then(() => response) : response;
            });
          },
        };
      },
    };
  },
};

/**
 * Removes the rows of these sign-ups, if any. Deleting every written id blindly would be one more request per
 * sign-up (a city's restore writes 500,000 of them); tombstones are few, so the ones between the lowest and highest id
 * are read in one request and only those among the ids are deleted.
 */
function forget(tombstones: DBCoreTable, trans: DBCoreTransaction, ids: string[]): PromiseLike<unknown> | null {
  if (ids.length === 0) return null;
  let lower = ids[0] as string;
  let upper = lower;
  for (const id of ids) {
    if (id < lower) lower = id;
    if (id > upper) upper = id;
  }
  const range = { type: RANGE, lower, upper, lowerOpen: false, upperOpen: false };
  return tombstones
    .query({ trans, values: false, query: { index: tombstones.schema.primaryKey, range } })
    .then(({ result }) => {
      const wanted = new Set(ids);
      const keys = (result as string[]).filter((key) => wanted.has(key));
      return keys.length > 0 ? tombstones.mutate({ type: 'delete', trans, keys }) : null;
    });
}
