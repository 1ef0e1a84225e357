import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { IpcInput, IpcOutput } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomic-write';
import type { SecretStore } from './backups';

/**
 * The desktop side of CouchDB sync (issue 14): main keeps the sync target (origin, user, password kept with
 * safeStorage) in userData and sends the replicator's requests itself. Anything not on the configured origin is
 * refused here, so the renderer's CSP allows no network at all, and the password never goes back to the renderer:
 * main puts the `Authorization` header on every request it sends.
 */

export interface SyncServiceDeps {
  /** userData/sync.json: the origin, the user and the protected password, never the password in clear. */
  readonly stateFile: string;
  readonly secrets: SecretStore;
  /** False when safeStorage only has a plain key (Linux without a keyring: `basic_text`). */
  readonly keyringSecure: () => boolean;
  readonly fetch?: typeof globalThis.fetch;
  /** Per request (the renderer's own timeout cannot cross the IPC); default 60 s. */
  readonly timeoutMs?: number;
}

const stateSchema = z.object({
  origin: z.string().nullable(),
  /** Turning sync off keeps the origin, the user and the password for when it is turned on again. */
  enabled: z.boolean(),
  user: z.string(),
  /** base64 of safeStorage's bytes. */
  password: z.string().optional(),
});
type SyncState = z.infer<typeof stateSchema>;

const REFUSED = {
  origin:
    'Requête de synchronisation refusée : cette adresse n’est pas celle du serveur configuré. / ' +
    'Sync request refused: this address is not the configured server.',
  off: 'Requête refusée : la synchronisation est désactivée. / Request refused: sync is turned off.',
} as const;

/** `https://couch.example.org` from a server URL; null when it is not plain http(s) without credentials. */
export function syncOriginOf(server: string): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.origin;
}

export function createSyncService(deps: SyncServiceDeps) {
  const send = deps.fetch ?? globalThis.fetch;
  const timeoutMs = deps.timeoutMs ?? 60_000;
  let cached: SyncState | null = null;

  async function load(): Promise<SyncState> {
    if (cached) return cached;
    try {
      cached = stateSchema.parse(JSON.parse(await readFile(deps.stateFile, 'utf8')));
    } catch {
      // No file yet, or one we cannot read: sync is off until the user configures it again.
      cached = { origin: null, enabled: false, user: '' };
    }
    return cached;
  }

  async function save(next: SyncState): Promise<void> {
    await writeFileAtomic(deps.stateFile, new TextEncoder().encode(JSON.stringify(next)));
    cached = next;
  }

  function statusOf(state: SyncState): IpcOutput<'sync:get-target'> {
    return {
      origin: state.enabled ? state.origin : null,
      user: state.user,
      hasPassword: state.password !== undefined,
      keyringSecure: deps.secrets.isAvailable() && deps.keyringSecure(),
    };
  }

  function passwordOf(state: SyncState): string {
    if (state.password === undefined) return '';
    try {
      return deps.secrets.reveal(Buffer.from(state.password, 'base64'));
    } catch {
      // The keyring changed (another session, another machine): the server will say the password is wrong.
      return '';
    }
  }

  return {
    async getTarget(): Promise<IpcOutput<'sync:get-target'>> {
      return statusOf(await load());
    },

    async setTarget(input: IpcInput<'sync:set-target'>): Promise<IpcOutput<'sync:get-target'>> {
      const current = await load();
      const origin = input.server === null ? current.origin : syncOriginOf(input.server);
      if (input.server !== null && origin === null) throw new Error(`Invalid sync server: ${input.server}`);
      let password = current.password;
      // Another origin or another user never inherits the password kept for the previous one.
      if (origin !== current.origin || input.user !== current.user) password = undefined;
      if (input.password !== null) {
        password =
          input.password === '' || !deps.secrets.isAvailable()
            ? undefined
            : deps.secrets.protect(input.password).toString('base64');
      }
      const next: SyncState = {
        origin,
        enabled: input.server !== null,
        user: input.user,
        ...(password === undefined ? {} : { password }),
      };
      await save(next);
      return statusOf(next);
    },

    async sendRequest(input: IpcInput<'sync:send-request'>): Promise<IpcOutput<'sync:send-request'>> {
      const state = await load();
      if (state.origin === null || !state.enabled) return { status: 'refused', message: REFUSED.off };
      let url: URL;
      try {
        url = new URL(input.url);
      } catch {
        return { status: 'refused', message: REFUSED.origin };
      }
      if (url.origin !== state.origin || url.username || url.password) {
        return { status: 'refused', message: REFUSED.origin };
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(input.headers)) {
        // Main decides the credentials; cookies and hop-by-hop headers are not the renderer's to set.
        if (['authorization', 'cookie', 'host', 'connection'].includes(name.toLowerCase())) continue;
        headers[name] = value;
      }
      if (state.user !== '') {
        headers.authorization = `Basic ${Buffer.from(`${state.user}:${passwordOf(state)}`, 'utf8').toString('base64')}`;
      }
      try {
        const response = await send(url.href, {
          method: input.method,
          headers,
          body: input.body ?? undefined,
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { status: 'response', code: response.status, body: await response.text() };
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
