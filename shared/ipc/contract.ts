import { z } from 'zod';

/**
 * The one typed IPC contract (architecture.md, rule 2): channel → zod input and output. Main's handlers, the preload
 * object and the renderer's `window.desktop` type all derive from it. Channel names are `domain:verb-noun`.
 */

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .min(1)
    .max(10),
});

/** A file name suggested to the save dialog: a plain name, never a path. */
const plainFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\]|^\.\.?$|\0/.test(name), { message: 'A file name, not a path' });

export const MAX_OPEN_FILE_BYTES = 512 * 1024 * 1024;

/** A `_bulk_docs` or `_changes` batch of a few hundred records stays far below this. */
export const MAX_SYNC_BODY_CHARS = 64 * 1024 * 1024;

const syncTargetStatusSchema = z.object({
  /** The configured origin (`https://couch.example.org`), null when sync is off. */
  origin: z.string().nullable(),
  user: z.string(),
  hasPassword: z.boolean(),
  /** False when the system offers no real keyring: the password is then kept with a plain key (warned). */
  keyringSecure: z.boolean(),
});

export const ipcContract = {
  'app:get-info': {
    input: z.undefined(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      electronVersion: z.string(),
      isPackaged: z.boolean(),
    }),
  },
  /** The UI language chosen in Settings, so that the application menu and dialogs speak it too. */
  'app:set-language': {
    input: z.object({ language: z.enum(['fr', 'en']) }),
    output: z.object({ ok: z.literal(true) }),
  },
  'file:save': {
    input: z.object({
      suggestedName: plainFileNameSchema,
      filters: z.array(fileFilterSchema).max(10),
      data: z.instanceof(Uint8Array),
    }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), fileName: z.string() }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  'file:open': {
    input: z.object({
      filters: z.array(fileFilterSchema).max(10),
      maxBytes: z.number().int().positive().max(MAX_OPEN_FILE_BYTES),
    }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('opened'), fileName: z.string(), data: z.instanceof(Uint8Array) }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('too-large'), fileName: z.string(), size: z.number(), maxBytes: z.number() }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  'print:save-pdf': {
    input: z.object({ suggestedName: plainFileNameSchema, landscape: z.boolean() }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), fileName: z.string() }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  'shell:open-external': {
    input: z.object({ url: z.string().max(4096) }),
    output: z.object({ opened: z.boolean() }),
  },
  /**
   * Automatic backups (issue 11): main keeps the folder, the optional passphrase and the rotation; the renderer never
   * names a path. `lastOffLaptopAt`: the last automatic backup written to a folder other than the app's data folder.
   */
  'backup:get-status': {
    input: z.undefined(),
    output: z.object({
      folder: z.string(),
      isDefaultFolder: z.boolean(),
      encrypted: z.boolean(),
      /** False when the passphrase could not be kept by the system's keychain: it must be entered again next time. */
      passphraseRemembered: z.boolean(),
      lastAutomaticAt: z.string().nullable(),
      lastOffLaptopAt: z.string().nullable(),
    }),
  },
  /** The renderer's snapshot bytes (it owns the data); main encrypts if asked, writes atomically, re-reads, rotates. */
  'backup:write-automatic': {
    input: z.object({
      data: z.instanceof(Uint8Array),
      createdAt: z.iso.datetime(),
      reason: z.enum(['start-up', 'import', 'merge', 'restore', 'before-restore', 'manual']),
    }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('written'), fileName: z.string(), encrypted: z.boolean(), removed: z.number() }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  /** Choose the folder of automatic backups (a dialog in main), or go back to the app's data folder. */
  'backup:choose-folder': {
    input: z.object({ useDefault: z.boolean() }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), folder: z.string() }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
  /** Encrypt automatic backups with this passphrase from now on (null: stop encrypting them). */
  'backup:set-passphrase': {
    input: z.object({ passphrase: z.string().min(8).max(1000).nullable() }),
    output: z.object({ encrypted: z.boolean(), passphraseRemembered: z.boolean() }),
  },
  /**
   * CouchDB sync (issue 14): main keeps the target's origin, the user and the password (safeStorage) and sends the
   * replicator's HTTP requests itself, to that origin only; the renderer never needs a network permission.
   */
  'sync:get-target': {
    input: z.undefined(),
    output: syncTargetStatusSchema,
  },
  /** Point main at a server (null: sync is off, nothing allowed); `password` null keeps the one already kept. */
  'sync:set-target': {
    input: z.object({
      server: z.string().max(2048).nullable(),
      user: z.string().max(200),
      password: z.string().max(1000).nullable(),
    }),
    output: syncTargetStatusSchema,
  },
  /** One request of the replicator; refused unless its URL is on the configured origin. */
  'sync:send-request': {
    input: z.object({
      url: z.string().max(8192),
      method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
      headers: z.record(z.string().max(100), z.string().max(8192)),
      body: z.string().max(MAX_SYNC_BODY_CHARS).nullable(),
    }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('response'), code: z.number().int(), body: z.string() }),
      z.object({ status: z.literal('refused'), message: z.string() }),
      z.object({ status: z.literal('failed'), message: z.string() }),
    ]),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type IpcChannel = keyof typeof ipcContract;
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];
export type IpcInput<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['input']>;
export type IpcOutput<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['output']>;

/** `domain:verb-noun` → `verbNoun`: the preload's method names, derived so that they cannot drift. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type MethodName<C extends string> = C extends `${string}:${infer Action}` ? CamelCase<Action> : never;

export function methodNameOf(channel: IpcChannel): string {
  const action = channel.slice(channel.indexOf(':') + 1);
  return action.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The API exposed as `window.desktop`: one function per channel. */
export type DesktopBridge = {
  [C in IpcChannel as MethodName<C>]: IpcInput<C> extends undefined
    ? () => Promise<IpcOutput<C>>
    : (input: IpcInput<C>) => Promise<IpcOutput<C>>;
};
