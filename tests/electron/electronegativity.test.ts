import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * @doyensec/electronegativity over electron/, gated on its output: it always exits 0, so the test reads the CSV it
 * writes and fails on any HIGH finding. A planted insecure window is scanned alongside, to prove the gate can fail.
 * The Electron version is given (-e): without it the tool assumes 0.1.0 and judges against ancient defaults.
 */
const run = promisify(execFile);
const require = createRequire(import.meta.url);
const CLI = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

interface Finding {
  readonly issue: string;
  readonly severity: string;
  readonly file: string;
  readonly location: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/**
 * The tool writes its CSV with two unordered asynchronous writes (the header with flag 'w', the rows with 'a'), so
 * the header sometimes lands over the start of the rows or truncates them. A report is complete when it has the
 * exact header and at least one row of eight fields (both inputs scanned here always give findings); a torn one is
 * scanned again, a few times at most, and a report that is never complete fails the test.
 */
function readReport(text: string): Finding[] | undefined {
  const [header, ...rows] = parseCsv(text);
  if (header?.map((name) => name.trim()).join() !== HEADER.join()) return undefined;
  const complete = rows.filter((row) => row.length > 1);
  if (complete.length === 0 || complete.some((row) => row.length !== HEADER.length)) return undefined;
  return complete.map(([issue, severity, _confidence, file, location]) => ({
    issue: issue!.trim(),
    severity: severity!.trim(),
    file: file!.trim(),
    location: location!.trim(),
  }));
}

const ATTEMPTS = 4;

async function scan(input: string, output: string): Promise<Finding[]> {
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    await rm(output, { force: true });
    try {
      await run(process.execPath, [CLI, '-i', input, '-o', output, '-r', '-e', ELECTRON_VERSION], {
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`electronegativity failed on ${input}: ${String(error)}\n${stdout ?? ''}\n${stderr ?? ''}`, {
        cause: error,
      });
    }
    last = await readFile(output, 'utf8');
    const findings = readReport(last);
    if (findings) return findings;
  }
  throw new Error(`electronegativity never wrote a complete report for ${input} in ${ATTEMPTS} runs; last:\n${last}`);
}

let work: string;
let ours: Finding[];
let planted: Finding[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'desk-electronegativity-'));
  const plantedDir = path.join(work, 'planted');
  await mkdir(plantedDir);
  await writeFile(
    path.join(plantedDir, 'insecure.ts'),
    "import { BrowserWindow } from 'electron';\n" +
      'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
  );
  [ours, planted] = await Promise.all([
    scan(path.resolve('electron'), path.join(work, 'electron.csv')),
    scan(plantedDir, path.join(work, 'planted.csv')),
  ]);
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('electronegativity', () => {
  it('actually analyses the main window (it reports on electron/main/window.ts)', () => {
    expect(ours.some((finding) => finding.file.endsWith('window.ts'))).toBe(true);
  });

  it('finds no HIGH issue in electron/', () => {
    expect(ours.filter((finding) => finding.severity === 'HIGH')).toEqual([]);
  });

  it('would catch one: a planted insecure window yields HIGH findings', () => {
    expect(planted.filter((finding) => finding.severity === 'HIGH').map((finding) => finding.issue)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
    );
  });
});
