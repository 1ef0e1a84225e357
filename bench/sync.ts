import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { startTestCouch, type TestCouch } from '../tests/shared/sync/couch-server';
import type { Volunteer } from '../shared/domain/model';
import { CROCKFORD_ALPHABET, luhnCheckCharacter } from '../shared/domain/volunteer-ref';
import { encodeHlc } from '../shared/records/hlc';
import { createRecord } from '../shared/records/record';
import { toDoc } from '../shared/sync/documents';
import { startServer } from './server';

/**
 * The `sync` group of `npm run bench` (issue 14), beside the raw IndexedDB puts of the same rows in the same page:
 * - 100 local changes on one desk, pushed, then pulled by a second desk (target: under 2 s), both desks holding a
 *   database of 1,000 volunteers;
 * - a desk's first download of a 50,000-volunteer database (5,000 with `--quick`), with the longest task of the
 *   page's main thread meanwhile (a PerformanceObserver for 'longtask'; "stays responsive" = none over 200 ms).
 * The server is pouchdb-server on loopback (the tests' CouchDB-compatible server, in a temporary folder), filled
 * from Node before the measurements; the page runs the app's sync runner (renderer/db/sync-worker-io.ts: the
 * replicator in its Worker). Its own small page, built here into a temporary folder, so bench/page stays as it is.
 */

const here = dirname(fileURLToPath(import.meta.url));
const CHANGES = 100;
const ROUND_TRIP_VOLUNTEERS = 1_000;
export const FIRST_PULL_VOLUNTEERS = { quick: 5_000, full: 50_000 } as const;
const RESPONSIVE_BUDGET_MS = 200;

export interface SyncMeasurement {
  readonly name: string;
  readonly pair: { figure: number; baseline: number; runs: number; detail?: string };
  readonly baselineName: string;
}

export async function measureSync(
  context: BrowserContext,
  options: { quick: boolean; runs: number; log: (line: string) => void },
): Promise<SyncMeasurement[]> {
  const firstPullVolunteers = options.quick ? FIRST_PULL_VOLUNTEERS.quick : FIRST_PULL_VOLUNTEERS.full;
  const pageRoot = mkdtempSync(join(tmpdir(), 'desk-bench-sync-'));
  let couch: TestCouch | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await build({
      configFile: false,
      root: join(here, 'sync-page'),
      base: '/bench/',
      logLevel: 'warn',
      build: { outDir: pageRoot, emptyOutDir: true, target: 'es2023' },
      worker: { format: 'es' },
    });
    couch = await startTestCouch();
    server = await startServer({ benchRoot: pageRoot, appRoot: null, snapshotPath: join(pageRoot, 'none') });
    const small = await filledDatabase(couch, 'bench-changes', ROUND_TRIP_VOLUNTEERS);
    options.log(
      `  filling pouchdb-server with ${firstPullVolunteers} volunteers` +
        (options.quick ? ' (--quick: a smaller database than the 50,000 of the issue)…' : '…'),
    );
    const big = await filledDatabase(couch, 'bench-first', firstPullVolunteers);
    const target = (database: string) => ({
      server: (couch as TestCouch).url,
      database,
      user: (couch as TestCouch).admin.user,
      password: (couch as TestCouch).admin.password,
    });

    const page = await context.newPage();
    page.on('pageerror', (error) => options.log(`  sync page error: ${error.message}`));
    await page.bringToFront();
    await page.goto(`${server.origin}/bench/index.html`);
    await page.waitForSelector('[data-bench-ready]');
    const results: SyncMeasurement[] = [];
    options.log(`  ${CHANGES} changes pushed by one desk and pulled by another…`);
    const round = await page.evaluate(([t, changes, runs]) => window.benchSync.roundTrip(t, changes, runs), [
      target(small),
      CHANGES,
      options.runs,
    ] as const);
    results.push({
      name: `sync-${CHANGES}-changes`,
      pair: { ...round, runs: options.runs },
      baselineName: `${CHANGES} raw IndexedDB puts on each desk, one transaction each`,
    });
    options.log(`  first download of ${firstPullVolunteers} volunteers…`);
    const first = await page.evaluate(([t, expected]) => window.benchSync.firstPull(t, expected), [
      target(big),
      firstPullVolunteers,
    ] as const);
    results.push({
      name: `sync-first-pull-${firstPullVolunteers}`,
      pair: { figure: first.figure, baseline: first.baseline, runs: 1, detail: first.detail },
      baselineName: `${firstPullVolunteers} raw IndexedDB puts of the same rows, one transaction`,
    });
    results.push({
      name: `sync-first-pull-${firstPullVolunteers}-longest-task`,
      pair: { figure: first.longestTask, baseline: RESPONSIVE_BUDGET_MS, runs: 1 },
      baselineName: `the budget: no main-thread task over ${RESPONSIVE_BUDGET_MS} ms`,
    });
    await page.close();
    return results;
  } finally {
    await server?.close();
    await couch?.stop();
    rmSync(pageRoot, { recursive: true, force: true });
  }
}

/** A database holding `count` volunteers as the app's documents, written with `_bulk_docs` (not timed). */
async function filledDatabase(couch: TestCouch, prefix: string, count: number): Promise<string> {
  const database = await couch.createDatabase(prefix);
  const BATCH = 2_000;
  for (let start = 0; start < count; start += BATCH) {
    const docs = [];
    for (let index = start; index < Math.min(count, start + BATCH); index++) {
      docs.push(toDoc('volunteers', benchVolunteer(index)));
    }
    const answer = await couch.request('POST', `/${database}/_bulk_docs`, { docs });
    if (answer.status !== 201) throw new Error(`filling ${database}: ${answer.status}`);
  }
  return database;
}

const CLOCK = encodeHlc({ wallMs: Date.parse('2026-11-01T09:00:00Z'), counter: 0, deskId: 'bench-origin' });
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'];

/** A valid, distinct volunteer per index (distinct names, e-mails and phones: no duplicate suggestions). */
function benchVolunteer(index: number): Volunteer {
  let body = '';
  for (let rest = index, digit = 0; digit < 8; digit++, rest = Math.floor(rest / 32)) {
    body = (CROCKFORD_ALPHABET[rest % 32] as string) + body;
  }
  const arrondissement = (index % 20) + 1;
  return createRecord<Volunteer>(
    {
      ref: `B-${body}${luhnCheckCharacter(body)}`,
      firstName: `Prénom${index}`,
      lastName: `${LAST_NAMES[index % LAST_NAMES.length]} ${index}`,
      email: `benevole${index}@exemple.org`,
      phone: `+336${String(10_000_000 + index).padStart(8, '0')}`,
      postcode: `750${String(arrondissement).padStart(2, '0')}`,
      arrondissementInsee: `751${String(arrondissement).padStart(2, '0')}`,
      birthDate: `19${60 + (index % 40)}-0${(index % 9) + 1}-1${index % 10}`,
      ageBand: null,
      parentalAuthorisation: null,
      guardianName: null,
      guardianPhone: null,
      skills: [],
      languages: [],
      availability: '',
      notes: '',
      status: 'active',
    },
    { id: `bench-volunteer-${String(index).padStart(6, '0')}`, clock: CLOCK, createdAt: '2026-11-01T09:00:00.000Z' },
  );
}
