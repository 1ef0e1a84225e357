import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium';
import { build } from 'vite';
import { generateSeed } from '../shared/seed';
import { writeSnapshot } from '../shared/snapshot';
import { startServer } from './server';
import { measureSync } from './sync';

/**
 * `npm run bench [-- --quick] [-- --scale small|city] [-- --runs N] [-- --no-app-build] [-- --only group,…]
 *   [-- --profile dir]`
 *
 * Builds the bench page (and the app), serves both on 127.0.0.1, drives Debian's Chromium with playwright-core, fills
 * IndexedDB from a seeded snapshot and runs named measurements, each the median of several runs, each beside a
 * baseline measured in the same browser on the same stores and indexes. Prints a table and writes
 * bench/results.json. Not part of `npm test`.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SCALES = { small: 1_000, city: 50_000 } as const;
/** Rows of the import measurement: the 50,000 at city scale, a tenth of it for a quick look. */
const IMPORT_ROWS = { small: 5_000, city: 50_000 } as const;
// The seed is centred on today (the desk opens on today's shifts, the planning shows this week).
const TODAY = new Date().toISOString().slice(0, 10);
const NOW = `${TODAY}T09:00:00Z`;

type Unit = 'ms' | '%' | 'MB';

interface Measurement {
  name: string;
  figure: number;
  baseline: number;
  ratio: number | null;
  unit: Unit;
  runs: number;
  scale: string;
  baselineName: string;
  detail?: string;
}

interface Pair {
  figure: number;
  baseline: number;
  runs: number;
  detail?: string;
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    runs: { type: 'string' },
    'no-app-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    profile: { type: 'string' },
  },
});
/** `--only desk,volunteers`: a subset of the groups, while working on one of them. */
const GROUPS = ['snapshot', 'import', 'export', 'cold-start', 'volunteers', 'planning', 'desk', 'sync'] as const;
const only = values.only?.split(',').map((group) => group.trim());
for (const group of only ?? []) {
  if (!(GROUPS as readonly string[]).includes(group)) throw new Error(`--only: ${GROUPS.join(', ')}; not ${group}`);
}
const wanted = (group: (typeof GROUPS)[number]) => !only || only.includes(group);
const scale = (values.scale ?? 'small') as keyof typeof SCALES;
if (!(scale in SCALES)) throw new Error(`--scale: small or city, not ${values.scale}`);
const runs = Number(values.runs ?? (values.quick ? 3 : 5));
/** The long pipelines (import, export, snapshot) run fewer times: once when quick, at most twice at city scale. */
const heavyRuns = values.quick ? 1 : scale === 'city' ? Math.min(runs, 2) : runs;
const volunteers = SCALES[scale];
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const executablePath = findChromium();

  // Outside the repository: the seeded snapshot is rebuilt on demand (once a day: it is centred on today).
  const cache = join(tmpdir(), 'desk-climat-bench');
  mkdirSync(cache, { recursive: true });
  const snapshotPath = join(cache, `seed-${scale}-${TODAY}.zip`);
  if (!existsSync(snapshotPath)) {
    log(`Seeding ${volunteers} volunteers → ${snapshotPath}`);
    const dataset = generateSeed({ volunteers, now: NOW, seed: 'bench' });
    const partial = `${snapshotPath}.partial`;
    await pipeline(
      Readable.from(writeSnapshot(dataset, { deskId: dataset.deskId, createdAt: dataset.createdAt })),
      createWriteStream(partial),
    );
    renameSync(partial, snapshotPath);
  }

  log('Building the bench page…');
  await build({ configFile: join(here, 'vite.config.ts') });
  const skipped: string[] = [];
  // The app is built into the OS temp dir: dist/renderer belongs to `npm run build` and to whoever else runs it.
  const appRoot = join(cache, 'app');
  if (!values['no-app-build'] || !existsSync(join(appRoot, 'index.html'))) {
    log(`Building the app → ${appRoot}…`);
    await build({
      configFile: join(root, 'renderer', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: appRoot, emptyOutDir: true },
    });
  }
  const chunks = chunkSizes(appRoot);
  log(
    `App JavaScript: ${kB(chunks.startup)} kB loaded at start-up (${chunks.startupFiles} files), ` +
      `${kB(chunks.total)} kB in all (${chunks.files} files; largest ${chunks.largest.name} ${kB(chunks.largest.bytes)} kB)`,
  );

  // `--profile dir`: a browser profile kept between runs. Filling the app's database from a city snapshot takes longer
  // than measuring it, so a kept profile already filled from the same snapshot file is used as it is (the desk's
  // check-ins of a previous run stay in it: a few rows among 500,000). IndexedDB belongs to an origin, port included:
  // the server listens again on the port the profile was filled through.
  const keptProfile = values.profile ? resolve(values.profile) : null;
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const filledMarker = join(profile, 'desk-bench-filled.json');
  mkdirSync(profile, { recursive: true });
  const filled = keptProfile !== null && existsSync(filledMarker) ? filledFrom(filledMarker) : null;
  const alreadyFilled = filled?.snapshot === snapshotPath;
  const server = await startServer({
    benchRoot: join(here, 'dist'),
    appRoot,
    snapshotPath,
    ...(alreadyFilled ? { port: filled.port } : {}),
  });
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
  let context: BrowserContext = await launch();
  const measurements: Measurement[] = [];
  const record = (name: string, pair: Pair, baselineName: string, unit: Unit = 'ms') => {
    const measurement = entry(name, pair, baselineName, unit);
    measurements.push(measurement);
    log(
      `  ${name}: ${measurement.figure} ${unit} (baseline ${measurement.baseline} ${unit}, ×${measurement.ratio ?? '—'})` +
        (pair.detail ? ` — ${pair.detail}` : ''),
    );
  };
  const attempt = async (name: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      skipped.push(`${name}: ${message}`);
      log(`  ${name} failed: ${message}`);
    }
  };
  let chromiumVersion: string;
  try {
    chromiumVersion = context.browser()?.version() ?? (await versionOf(context));
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(`${server.origin}/bench/index.html`);
    await page.waitForSelector('[data-bench-ready]');
    const prepared = await page.evaluate(() => window.bench.prepare());
    log(
      `Snapshot: ${(prepared.bytes / 1e6).toFixed(1)} MB, ${prepared.records} records (scale ${scale}); ${runs} runs each (${heavyRuns} for the long pipelines)`,
    );

    // The measured load's last run fills the app's database, unless a kept profile already holds it: one city load
    // fewer (each takes most of an hour here).
    let filledByLoad = false;
    if (wanted('snapshot')) log('Measuring: snapshot read (load into the store)…');
    await attempt('snapshot-read', async () => {
      if (!wanted('snapshot')) return;
      const load = await page.evaluate(([count, fill]) => window.bench.measureLoad(count, fill), [
        heavyRuns,
        !alreadyFilled,
      ] as const);
      record('snapshot-read', load, 'raw IndexedDB put loop, 10,000 rows per transaction');
      filledByLoad = !alreadyFilled;
    });

    // The import and sync measure their own databases: a run of those alone skips the fill (most of an hour at city scale).
    const needsFill = GROUPS.some((group) => group !== 'import' && group !== 'sync' && wanted(group));
    if (alreadyFilled) log(`The app's database in ${profile} is already filled from this snapshot: kept.`);
    else if (!needsFill) log("The app's database is not needed by the groups asked for: not filled.");
    else {
      if (!filledByLoad) {
        log("Filling the app's database from the snapshot…");
        const started = Date.now();
        await page.evaluate(() => window.bench.fillAppDatabase());
        log(`  filled in ${Math.round((Date.now() - started) / 1000)} s (the app's snapshot load)`);
      }
      if (keptProfile) {
        const marker: FilledProfile = { snapshot: snapshotPath, port: Number(new URL(server.origin).port) };
        writeFileSync(filledMarker, JSON.stringify(marker));
      }
    }
    await attempt('snapshot-write', async () => {
      if (!wanted('snapshot')) return;
      log('Measuring: snapshot write (from the store)…');
      const write = await page.evaluate((count) => window.bench.measureWrite(count), heavyRuns);
      record('snapshot-write', write, 'getAll + JSON string join');
    });

    await attempt('import', async () => {
      if (!wanted('import')) return;
      log(`Measuring: ${IMPORT_ROWS[scale]}-row import…`);
      const pair = await page.evaluate(([count, rows]) => window.bench.measureImport(count, rows), [
        heavyRuns,
        IMPORT_ROWS[scale],
      ] as const);
      record(`import-${IMPORT_ROWS[scale]}-rows`, pair, 'raw IndexedDB puts of the same rows, one transaction');
    });

    for (const exportProfile of ['excel-fr', 'open-data'] as const) {
      await attempt(`export-${exportProfile}`, async () => {
        if (!wanted('export')) return;
        log(`Measuring: full city export (${exportProfile})…`);
        const pair = await page.evaluate(([count, which]) => window.bench.measureExport(count, which), [
          heavyRuns,
          exportProfile,
        ] as const);
        record(`export-${exportProfile}`, pair, 'getAll of every table + JSON join (plain serialisation)');
      });
    }
    await page.close();

    await attempt('cold-start', async () => {
      if (!wanted('cold-start')) return;
      log('Measuring: cold start of the built app (first paint, interactive) and the JS heap after load…');
      const app = { paint: [] as number[], ready: [] as number[], heap: [] as number[] };
      const blank = { paint: [] as number[], ready: [] as number[], heap: [] as number[] };
      for (let run = 0; run < runs; run++) {
        // A fresh browser process each time: nothing warm but the disk.
        await context.close();
        context = await launch();
        push(blank, await coldStart(context, `${server.origin}/bench/blank.html`, 'body[data-app-ready]'));
        await context.close();
        context = await launch();
        push(app, await coldStart(context, `${server.origin}/`, 'main li[aria-posinset="1"]'));
      }
      const pair = (figures: number[], baselines: number[]) => ({
        figure: median(figures),
        baseline: median(baselines),
        runs: figures.length,
      });
      record('cold-start-first-paint', pair(app.paint, blank.paint), 'raw IndexedDB page: first contentful paint');
      record(
        'cold-start-interactive',
        { ...pair(app.ready, blank.ready), detail: 'the volunteers list’s first row painted' },
        'raw IndexedDB open + 50-row index cursor rendered',
      );
      record('js-heap-after-load', pair(app.heap, blank.heap), 'the raw IndexedDB page’s heap', 'MB');
    });

    await attempt('sync', async () => {
      if (!wanted('sync')) return;
      log('Measuring: sync through pouchdb-server on loopback (bench/sync.ts)…');
      for (const result of await measureSync(context, { quick: values.quick ?? false, runs, log })) {
        record(result.name, result.pair, result.baselineName);
      }
    });

    // The in-app measurements read the filled database through the built app.
    if (wanted('volunteers') || wanted('planning') || wanted('desk')) {
      const appPage = await context.newPage();
      appPage.on('pageerror', (error) => log(`  app page error: ${error.message}`));
      const benchPage = await context.newPage();
      await benchPage.goto(`${server.origin}/bench/index.html`);
      await benchPage.waitForSelector('[data-bench-ready]');
      const desk = await benchPage.evaluate(() => window.bench.closeDesk().then(() => window.bench.openDesk()));
      await benchPage.evaluate(() => window.bench.closeDesk());
      // The measured page is the one in front: a background tab gets no animation frames.
      await appPage.bringToFront();
      await appPage.goto(`${server.origin}/#/volunteers`);
      await appPage.waitForSelector('main li[aria-posinset="1"]', { timeout: 120_000 });
      await appPage.evaluate(
        (url) => import(/* @vite-ignore */ url).then(() => undefined),
        `${server.origin}/bench/probes.js`,
      );

      if (wanted('volunteers')) log('Measuring: volunteers list (open, filter, scroll)…');
      await attempt('volunteers-open', async () => {
        if (!wanted('volunteers')) return;
        record(
          'volunteers-open',
          await repeat(() => appPage.evaluate(() => window.benchProbes!.volunteersOpen('#/missions'))),
          'raw IndexedDB 20-row cursor rendered as plain rows',
        );
      });
      await attempt('volunteers-filter', async () => {
        if (!wanted('volunteers')) return;
        record(
          'volunteers-filter',
          await repeat(() => appPage.evaluate((ref) => window.benchProbes!.volunteersFilter(ref, 1), desk.listRef)),
          'plain scan of every volunteer’s folded text + rows rendered',
        );
      });
      await attempt('volunteers-scroll', async () => {
        if (!wanted('volunteers')) return;
        record(
          'volunteers-scroll-frames-over-16ms',
          await repeat(() => appPage.evaluate(() => window.benchProbes!.volunteersScroll(180))),
          'the same number of plain rows scrolled the same way',
          '%',
        );
      });

      await attempt('planning-week', async () => {
        if (!wanted('planning')) return;
        log('Measuring: planning week…');
        record(
          'planning-week',
          await repeat(() =>
            appPage.evaluate((week) => window.benchProbes!.planningWeek(week.monday, week.start, week.end), desk.week),
          ),
          'raw IndexedDB start-index range of the week rendered as plain rows',
        );
      });

      if (wanted('desk')) await measureDesk();
      await benchPage.close();
      await appPage.close();

      async function measureDesk(): Promise<void> {
        log('Measuring: desk search keystrokes and check-ins…');
        await benchPage.evaluate(() => window.bench.openDesk());
        await appPage.bringToFront();
        await appPage.goto(`${server.origin}/#/desk`);
        await appPage.reload();
        await appPage.waitForSelector('#desk-search', { timeout: 120_000 });
        await appPage.evaluate(
          (url) => import(/* @vite-ignore */ url).then(() => undefined),
          `${server.origin}/bench/probes.js`,
        );
        for (const { kind, query } of desk.queries) {
          await attempt(`desk-search ${kind}`, async () => {
            record(
              `desk-search-${kind.replace(/\s+/g, '-')}`,
              await repeat(() => appPage.evaluate((text) => window.benchProbes!.deskSearch(text), query)),
              'plain scan of every volunteer’s folded text + 20 rows rendered',
            );
          });
        }
        await attempt('desk-check-in', async () => {
          const queue = [...desk.checkIns];
          record(
            'desk-check-in',
            await repeat(() =>
              appPage.evaluate((ref) => window.benchProbes!.deskCheckIn(ref), queue.shift() ?? desk.checkIns[0] ?? ''),
            ),
            'raw IndexedDB put of one event + a line of text painted',
          );
        });
        await benchPage.evaluate(() => window.bench.closeDesk());
      }
    }
  } finally {
    await context.close();
    await server.close();
    if (!keptProfile) rmSync(profile, { recursive: true, force: true });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    load: loadavg().map((value) => Math.round(value * 10) / 10),
    node: process.version,
    chromium: chromiumVersion,
  };
  printTable(measurements, skipped);
  log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.load.join(' ')}, Node ${machine.node}, Chromium ${machine.chromium}`,
  );
  const results = {
    date: new Date().toISOString(),
    scale,
    volunteers,
    runs,
    quick: values.quick,
    machine,
    javascript: chunks,
    measurements,
    skipped,
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`Written: bench/results.json`);
  if (skipped.length > 0) process.exitCode = 1;
}

/** What a kept profile's database was filled from, and through which port (its origin). */
interface FilledProfile {
  snapshot: string;
  port: number;
}

function filledFrom(file: string): FilledProfile | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<FilledProfile>;
    return typeof parsed.snapshot === 'string' && typeof parsed.port === 'number'
      ? { snapshot: parsed.snapshot, port: parsed.port }
      : null;
  } catch {
    return null;
  }
}

/** `runs` runs of one in-page probe: the medians of figure and baseline, and the last run's detail. */
async function repeat(probe: () => Promise<{ figure: number; baseline: number; detail?: string }>): Promise<Pair> {
  const figures: number[] = [];
  const baselines: number[] = [];
  let detail: string | undefined;
  for (let run = 0; run < runs; run++) {
    const timing = await probe();
    figures.push(timing.figure);
    baselines.push(timing.baseline);
    detail = timing.detail;
  }
  return { figure: median(figures), baseline: median(baselines), runs, detail };
}

function entry(name: string, pair: Pair, baselineName: string, unit: Unit): Measurement {
  return {
    name,
    figure: round(pair.figure),
    baseline: round(pair.baseline),
    // Both zero (no frame over budget on either side): as good as the baseline. A zero baseline alone has no ratio.
    ratio: pair.baseline > 0 ? Math.round((pair.figure / pair.baseline) * 100) / 100 : pair.figure === 0 ? 1 : null,
    unit,
    runs: pair.runs,
    scale,
    baselineName,
    ...(pair.detail ? { detail: pair.detail } : {}),
  };
}

interface Figures {
  paint: number[];
  ready: number[];
  heap: number[];
}

function push(into: Figures, run: { paint: number; ready: number; heap: number }): void {
  into.paint.push(run.paint);
  into.ready.push(run.ready);
  into.heap.push(run.heap);
}

/**
 * One cold start: milliseconds from navigation start to the first contentful paint and until the selector exists
 * (then painted), and the JS heap in use after a garbage collection (MB, through the DevTools protocol).
 */
async function coldStart(
  context: BrowserContext,
  url: string,
  selector: string,
): Promise<{ paint: number; ready: number; heap: number }> {
  const page = await context.newPage();
  try {
    // Seen from inside the page, from its first script on: a selector polled from here answered 350 to 450 ms after
    // the row was painted (the round trips queue behind the page's own work), on the app and the baseline alike.
    await page.addInitScript((wanted) => {
      const marked = window as unknown as { benchReadyAt?: number };
      const observer = new MutationObserver(() => {
        if (!document.querySelector(wanted)) return;
        observer.disconnect();
        // Painted: one animation frame and one task after the DOM change, as every other probe counts it.
        requestAnimationFrame(() => setTimeout(() => (marked.benchReadyAt = performance.now())));
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    }, selector);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as { benchReadyAt?: number }).benchReadyAt !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    const ready = await page.evaluate(() => (window as unknown as { benchReadyAt: number }).benchReadyAt);
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return { paint, ready, heap: usedSize / 1e6 };
  } finally {
    await page.close();
  }
}

/** The built app's JavaScript: everything, and what index.html loads before the first screen. */
function chunkSizes(appRoot: string) {
  const assets = join(appRoot, 'assets');
  const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const size = (file: string) => statSync(join(assets, file)).size;
  const html = readFileSync(join(appRoot, 'index.html'), 'utf8');
  const startupFiles = files.filter((file) => html.includes(`assets/${file}`));
  const largest = files.map((name) => ({ name, bytes: size(name) })).sort((a, b) => b.bytes - a.bytes)[0] ?? {
    name: '-',
    bytes: 0,
  };
  return {
    files: files.length,
    total: files.reduce((sum, file) => sum + size(file), 0),
    startupFiles: startupFiles.length,
    startup: startupFiles.reduce((sum, file) => sum + size(file), 0),
    largest,
  };
}

const kB = (bytes: number) => Math.round(bytes / 1000);

async function versionOf(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const agent = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? 'unknown';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (value: number) => Math.round(value * 10) / 10;

function printTable(measurements: Measurement[], skipped: string[]): void {
  const header = ['measurement', 'figure', 'baseline', 'ratio', 'baseline is'];
  const rows = measurements.map((m) => [
    m.name,
    `${m.figure} ${m.unit}`,
    `${m.baseline} ${m.unit}`,
    m.ratio === null ? '—' : `×${m.ratio}`,
    m.baselineName,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  log('');
  log(line(header));
  log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) log(line(row));
  for (const reason of skipped) log(`skipped — ${reason}`);
  log('');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
