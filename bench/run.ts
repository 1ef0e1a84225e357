import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/**
 * `npm run bench [-- --quick] [-- --scale small|city] [-- --runs N] [-- --no-app-build]`
 *
 * Builds the bench page (and the app), serves both on 127.0.0.1, drives Debian's Chromium with playwright-core, fills
 * IndexedDB from a seeded snapshot and runs named measurements, each the median of several runs, each beside a
 * baseline measured in the same browser on the same stores and indexes. Prints a table and writes
 * bench/results.json. Not part of `npm test`.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SCALES = { small: 1_000, city: 50_000 } as const;
const NOW = '2026-11-28T09:00:00Z';

interface Measurement {
  name: string;
  figure: number;
  baseline: number;
  ratio: number;
  unit: 'ms';
  runs: number;
  scale: string;
  baselineName: string;
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    runs: { type: 'string' },
    'no-app-build': { type: 'boolean', default: false },
  },
});
const scale = (values.scale ?? 'small') as keyof typeof SCALES;
if (!(scale in SCALES)) throw new Error(`--scale: small or city, not ${values.scale}`);
const runs = Number(values.runs ?? (values.quick ? 3 : 5));
const volunteers = SCALES[scale];
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const executablePath = findChromium();

  // Outside the repository: the seeded snapshot is rebuilt on demand, never committed.
  const cache = join(tmpdir(), 'desk-climat-bench');
  mkdirSync(cache, { recursive: true });
  const snapshotPath = join(cache, `seed-${scale}.zip`);
  if (!existsSync(snapshotPath)) {
    log(`Seeding ${volunteers} volunteers → ${snapshotPath}`);
    const dataset = generateSeed({ volunteers, now: NOW, seed: 'bench' });
    const partial = `${snapshotPath}.partial`;
    await pipeline(
      Readable.from(writeSnapshot(dataset, { deskId: dataset.deskId, createdAt: dataset.createdAt })),
      createWriteStream(partial),
    );
    const { renameSync } = await import('node:fs');
    renameSync(partial, snapshotPath);
  }

  log('Building the bench page…');
  await build({ configFile: join(here, 'vite.config.ts') });
  const skipped: string[] = [];
  let appRoot: string | null = join(root, 'dist', 'renderer');
  if (!values['no-app-build']) {
    log('Building the app (npm run build)…');
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) log(`  app build failed; using dist/renderer as it is.\n${built.stderr.slice(-800)}`);
  }
  if (!existsSync(join(appRoot, 'index.html'))) {
    skipped.push('cold-start: dist/renderer/index.html is missing (run npm run build)');
    appRoot = null;
  }

  const server = await startServer({ benchRoot: join(here, 'dist'), appRoot, snapshotPath });
  const profile = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS });
  let context: BrowserContext = await launch();
  const measurements: Measurement[] = [];
  let chromiumVersion: string;
  try {
    chromiumVersion = context.browser()?.version() ?? (await versionOf(context));
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(`${server.origin}/bench/index.html`);
    await page.waitForSelector('[data-bench-ready]');
    const prepared = await page.evaluate(() => window.bench.prepare());
    log(
      `Snapshot: ${(prepared.bytes / 1e6).toFixed(1)} MB, ${prepared.records} records (scale ${scale}); ${runs} runs each`,
    );

    log('Measuring: load a snapshot into the store…');
    const load = await page.evaluate((count) => window.bench.measureLoad(count), runs);
    measurements.push(entry('snapshot-load', load, 'raw IndexedDB put loop, one transaction'));

    await page.evaluate(() => window.bench.fillAppDatabase());
    log('Measuring: write a snapshot from the store…');
    const write = await page.evaluate((count) => window.bench.measureWrite(count), runs);
    measurements.push(entry('snapshot-write', write, 'getAll + JSON string join'));
    await page.close();

    if (appRoot) {
      log('Measuring: cold start of the built app to interactive…');
      const figures: number[] = [];
      const baselines: (number | null)[] = [];
      for (let run = 0; run < runs; run++) {
        // A fresh browser process each time: nothing warm but the disk.
        await context.close();
        context = await launch();
        baselines.push(await timeToReady(context, `${server.origin}/bench/blank.html`, 'body[data-app-ready]'));
        await context.close();
        context = await launch();
        const figure = await timeToReady(context, `${server.origin}/`, '[data-app-ready]');
        if (figure === null) break;
        figures.push(figure);
      }
      const readyBaselines = baselines.filter((value): value is number => value !== null);
      if (figures.length === 0 || readyBaselines.length === 0) {
        skipped.push('cold-start: the app never set [data-app-ready] within 30 s');
      } else {
        measurements.push(
          entry(
            'cold-start-to-interactive',
            { figure: median(figures), baseline: median(readyBaselines), runs: figures.length },
            'raw IndexedDB open + 50-row index cursor',
          ),
        );
      }
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion,
  };
  printTable(measurements, skipped);
  log(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}`,
  );
  const results = {
    date: new Date().toISOString(),
    scale,
    volunteers,
    runs,
    quick: values.quick,
    machine,
    measurements,
    skipped,
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`Written: bench/results.json`);
}

function entry(
  name: string,
  pair: { figure: number; baseline: number; runs: number },
  baselineName: string,
): Measurement {
  return {
    name,
    figure: round(pair.figure),
    baseline: round(pair.baseline),
    ratio: Math.round((pair.figure / pair.baseline) * 100) / 100,
    unit: 'ms',
    runs: pair.runs,
    scale,
    baselineName,
  };
}

/** Milliseconds from navigation start until the selector exists, or null after 30 s. */
async function timeToReady(context: BrowserContext, url: string, selector: string): Promise<number | null> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { timeout: 30_000, state: 'attached' });
    return await page.evaluate(() => performance.now());
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

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
  const rows = measurements.map((m) => [m.name, `${m.figure} ms`, `${m.baseline} ms`, `×${m.ratio}`, m.baselineName]);
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
