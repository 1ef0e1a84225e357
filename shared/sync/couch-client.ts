import { SyncError } from './errors';

/**
 * The few CouchDB HTTP calls the replicator makes, over an injected `fetch` (window.fetch in a browser, the main
 * process's in Electron, Node's in the command line and tests). Every call has a timeout; HTTP failures become
 * `SyncError`s with plain messages.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface CouchTarget {
  /** The server, e.g. `https://couch.example.org` (a path prefix is kept, for a server behind a proxy). */
  readonly server: string;
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
}

export interface CouchClientOptions {
  readonly fetch: FetchLike;
  /** Per request; a pull of a big batch must still fit (default 30 s). */
  readonly timeoutMs?: number;
}

export interface CouchClient {
  /** `server/database`, the key under which a desk keeps what it knows of this target. */
  readonly targetKey: string;
  /**
   * Check the server is CouchDB, the credentials and the database, in that order, for a precise message. Gives the
   * database's document count (the total of a first download's progress), null when the server does not say.
   */
  checkAccess(): Promise<{ readonly docCount: number | null }>;
  /** A request to the database: `path` is relative to it (`_changes`, `_bulk_docs`, `_local/x`). */
  db<T>(method: string, path: string, options?: { query?: Record<string, string>; body?: unknown }): Promise<T>;
  /** The same, but a 404 gives null instead of an error (a missing `_local` checkpoint). */
  dbOrNull<T>(path: string): Promise<T | null>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const RETRIES = 2;
const RETRY_DELAY_MS = 200;

export function createCouchClient(target: CouchTarget, options: CouchClientOptions): CouchClient {
  const server = normaliseServer(target.server);
  const dbUrl = `${server}/${encodeURIComponent(target.database)}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasCredentials = target.user !== undefined && target.user !== '';
  if (hasCredentials) headers.authorization = `Basic ${base64Utf8(`${target.user}:${target.password ?? ''}`)}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /**
   * One request, sent again (twice at most) when the connection drops before an answer: a keep-alive connection
   * the server closed just then, or a flaky Wi-Fi. Re-sending is safe in this protocol: a `_bulk_docs` the server
   * had already applied comes back as conflicts whose merge changes nothing, and reads change nothing.
   */
  async function send(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendOnce(method, url, body);
      } catch (error) {
        if (!(error instanceof SyncError) || error.code !== 'unreachable' || attempt >= RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * (attempt + 1)));
      }
    }
  }

  async function sendOnce(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await options.fetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text === '' ? null : JSON.parse(text);
      } catch {
        json = undefined; // not JSON: not CouchDB (a web page, a proxy's error page)
      }
      return { status: response.status, json };
    } catch (error) {
      if (timedOut) throw new SyncError('timeout', `${method} ${redact(url)}`);
      throw new SyncError('unreachable', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** A non-2xx answer from the database, as the message a coordinator can act on. */
  function failure(status: number, json: unknown, what: string): SyncError {
    if (json === undefined) return new SyncError('not_couchdb', `${status} ${what}`);
    if (status === 401) return new SyncError(hasCredentials ? 'forbidden' : 'login_required', what);
    if (status === 403) return new SyncError('forbidden', what);
    if (status === 404) return new SyncError('unknown_database', what);
    return new SyncError('server_error', `${status} ${what} ${JSON.stringify(json)?.slice(0, 200) ?? ''}`, status);
  }

  function urlOf(path: string, query?: Record<string, string>): string {
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    return `${dbUrl}/${path}${search}`;
  }

  return {
    targetKey: syncTargetKey(target),
    async checkAccess() {
      const welcome = await send('GET', `${server}/`);
      if (!isCouchWelcome(welcome.json)) {
        // CouchDB answers its root with a welcome even to a wrong password; anything else is not CouchDB.
        if (welcome.status === 401 && isJsonObject(welcome.json)) throw new SyncError('wrong_password');
        throw new SyncError('not_couchdb', `${welcome.status}`);
      }
      if (hasCredentials) {
        // The session tells a wrong password (401) apart from a right one without access to the database.
        const session = await send('GET', `${server}/_session`);
        if (session.status === 401) throw new SyncError('wrong_password');
        if (session.status >= 400) throw failure(session.status, session.json, '_session');
      }
      const info = await send('GET', `${dbUrl}/`);
      if (info.status >= 400 || !isJsonObject(info.json)) throw failure(info.status, info.json, 'database');
      const docCount = info.json.doc_count;
      return { docCount: typeof docCount === 'number' && docCount >= 0 ? docCount : null };
    },
    async db<T>(method: string, path: string, request: { query?: Record<string, string>; body?: unknown } = {}) {
      const answer = await send(method, urlOf(path, request.query), request.body);
      if (answer.status >= 400 || answer.json === undefined) throw failure(answer.status, answer.json, path);
      return answer.json as T;
    },
    async dbOrNull<T>(path: string) {
      const answer = await send('GET', urlOf(path));
      if (answer.status === 404 && answer.json !== undefined) return null;
      if (answer.status >= 400 || answer.json === undefined) throw failure(answer.status, answer.json, path);
      return answer.json as T;
    },
  };
}

/** `server/database`, normalised: the key under which a desk keeps its sync state for this target. */
export function syncTargetKey(target: Pick<CouchTarget, 'server' | 'database'>): string {
  return `${normaliseServer(target.server)}/${target.database}`;
}

/**
 * CouchDB greets with `{"couchdb": "Welcome"}`. pouchdb-server (the CouchDB-compatible server of the tests, which
 * speaks the same replication protocol) greets with `{"express-pouchdb": "Welcome!"}`.
 */
function isCouchWelcome(json: unknown): boolean {
  return isJsonObject(json) && ('couchdb' in json || 'express-pouchdb' in json);
}

function isJsonObject(json: unknown): json is Record<string, unknown> {
  return json !== null && typeof json === 'object' && !Array.isArray(json);
}

function normaliseServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new SyncError('invalid_url', server);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError('invalid_url', server);
  if (url.username || url.password) throw new SyncError('invalid_url', 'credentials belong in --user/--password');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Basic authentication for any password, accents included (btoa alone takes Latin-1 only). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function redact(url: string): string {
  return url.split('?')[0] ?? url;
}
