import { type IpcOutput } from '../../shared/ipc/contract';
import { type BackupService } from './backups';
import { openExternalIfAllowed } from './external-url';
import { openFile, saveFile, type FileServiceDeps } from './files';
import { type IpcHandlers } from './ipc';
import { savePageAsPdf } from './print';
import { type SyncService } from './sync';

export interface HandlerDeps extends FileServiceDeps {
  readonly appInfo: () => IpcOutput<'app:get-info'>;
  readonly openExternal: (url: string) => Promise<void>;
  /** Rebuilds the menu in the UI's language. */
  readonly setLanguage: (language: 'fr' | 'en') => void;
  /** Automatic rotating backups (electron/main/backups.ts). */
  readonly backups: BackupService;
  /** CouchDB sync's requests, limited to the configured origin (electron/main/sync.ts). */
  readonly sync: SyncService;
}

/** One handler per channel of the contract; `registerIpcHandlers` wraps each of them with the checks. */
export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'app:get-info': async () => deps.appInfo(),
    'app:set-language': async ({ language }) => {
      deps.setLanguage(language);
      return { ok: true };
    },
    'file:save': (input) => saveFile(input, deps),
    'file:open': (input) => openFile(input, deps),
    'print:save-pdf': (input, { sender }) => savePageAsPdf(input, sender, deps),
    'shell:open-external': async ({ url }) => ({ opened: await openExternalIfAllowed(deps.openExternal, url) }),
    'backup:get-status': () => deps.backups.status(),
    'backup:write-automatic': (input) => deps.backups.writeAutomatic(input),
    'backup:choose-folder': (input) => deps.backups.chooseFolder(input),
    'backup:set-passphrase': (input) => deps.backups.setPassphrase(input),
    'sync:get-target': () => deps.sync.getTarget(),
    'sync:set-target': (input) => deps.sync.setTarget(input),
    'sync:send-request': (input) => deps.sync.sendRequest(input),
  };
}
