import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A CouchDB for the sync tests. By default `pouchdb-server` (a devDependency, test use only) started on 127.0.0.1,
 * on a free port, with its databases and config in a temporary folder, so a test can kill it and start it again
 * with its data. When `COUCHDB_URL` names a real CouchDB (`http://admin:password@127.0.0.1:5984`), the same suite
 * runs against it; kill and restart are then not possible and those tests are skipped.
 */
export interface TestCouch {
  /** Without credentials, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly admin: { readonly user: string; readonly password: string };
  /** Whether `kill` and `restart` are available (pouchdb-server started by the tests). */
  readonly restartable: boolean;
  /** A fresh database; its name is unique to the run. */
  createDatabase(prefix: string): Promise<string>;
  /** Admin request to the server (JSON in, JSON out). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: CouchDB answers are read loosely
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** SIGKILL: the server dies mid-request, as a crash or a power cut would. */
  kill(): void;
  /** Start again on the same port and folder, and wait until it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const ADMIN = { user: 'desk-admin', password: 'mot-de-passe-été' };
let counter = 0;

export async function startTestCouch(): Promise<TestCouch> {
  const external = process.env.COUCHDB_URL;
  if (external) return externalCouch(external);
  const folder = mkdtempSync(join(tmpdir(), 'sync-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('pouchdb-server/package.json')),
    'bin/pouchdb-server',
  );
  let child: ChildProcess | null = null;
  const start = async () => {
    // cwd and --config in the folder: pouchdb-server writes its config.json and log.txt there, not in the project.
    child = spawn(
      process.execPath,
      [
        bin,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--dir',
        folder,
        '--config',
        join(folder, 'config.json'),
        '-n',
      ],
      { cwd: folder, stdio: 'ignore' },
    );
    await waitUntilUp(url);
  };
  await start();
  const couch = makeCouch(url, true, {
    kill: () => {
      child?.kill('SIGKILL');
      child = null;
    },
    restart: start,
    stop: async () => {
      const running = child;
      child = null;
      if (running && running.exitCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  });
  // The server starts in "admin party"; an admin makes authentication real (wrong password, forbidden database).
  const answer = await fetch(`${url}/_config/admins/${ADMIN.user}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  if (!answer.ok) throw new Error(`pouchdb-server: cannot create the admin (${answer.status})`);
  return couch;
}

function externalCouch(raw: string): TestCouch {
  const parsed = new URL(raw);
  const admin = { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/+$/, '');
  const unavailable = () => {
    throw new Error('A real CouchDB cannot be killed by the tests');
  };
  return makeCouch(url, false, { kill: unavailable, restart: async () => unavailable(), stop: async () => {} }, admin);
}

function makeCouch(
  url: string,
  restartable: boolean,
  life: Pick<TestCouch, 'kill' | 'restart' | 'stop'>,
  admin = ADMIN,
): TestCouch {
  const authorization = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  const request: TestCouch['request'] = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  return {
    url,
    admin,
    restartable,
    request,
    async createDatabase(prefix) {
      counter += 1;
      const name = `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
      const answer = await request('PUT', `/${name}`);
      if (answer.status !== 201 && answer.status !== 202) throw new Error(`create ${name}: ${answer.status}`);
      return name;
    },
    ...life,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port'))));
    });
  });
}

/** Poll the root until it answers: start-up time depends on the machine's load, so no fixed delay. */
async function waitUntilUp(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not start on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
