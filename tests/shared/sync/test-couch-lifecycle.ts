import { afterAll, beforeAll } from 'vitest';
import { startTestCouch, type TestCouch } from './couch-server';

/**
 * The test CouchDB of one test file: started before its tests, stopped after them. Returns the server as an object
 * usable from the tests (reading it before `beforeAll` ran is a mistake, and says so). Kept apart from
 * couch-server.ts, which the sync benchmark also imports outside Vitest.
 */
export function useTestCouch(): TestCouch {
  let started: TestCouch | undefined;
  beforeAll(async () => {
    started = await startTestCouch();
  }, 90_000);
  afterAll(async () => {
    await started?.stop();
  }, 30_000);
  return new Proxy({} as TestCouch, {
    get(_target, key) {
      if (!started) throw new Error('The test CouchDB is read before beforeAll started it');
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}
