import type { DesktopBridge, IpcInput, IpcOutput } from '../../shared/ipc/contract';
import { isAllowedExternalUrl } from '../../shared/security/external-url';

/**
 * The desktop API (architecture.md, rule 10): the Electron bridge (`window.desktop`, exposed by the preload) when
 * present, otherwise a browser fallback — downloads for saving, a file input for opening, `window.print` for PDFs —
 * so that the same renderer runs, and is tested, in any Chromium.
 */
export type DesktopApi = DesktopBridge & { readonly kind: 'electron' | 'browser' };

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

export function getDesktopApi(win: Window = window): DesktopApi {
  const bridge = win.desktop;
  if (bridge) return { ...bridge, kind: 'electron' };
  return createBrowserFallback(win);
}

export function createBrowserFallback(win: Window): DesktopApi {
  return {
    kind: 'browser',
    async getInfo() {
      return {
        name: 'Desk Climat',
        version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
        platform: 'web',
        electronVersion: '',
        isPackaged: false,
      };
    },
    async setLanguage() {
      // A browser has no application menu to translate.
      return { ok: true as const };
    },
    async save(input: IpcInput<'file:save'>): Promise<IpcOutput<'file:save'>> {
      // A browser cannot write where it wants: it downloads, and the user's browser settings decide the folder.
      const blob = new Blob([input.data as BlobPart]);
      const url = URL.createObjectURL(blob);
      try {
        const link = win.document.createElement('a');
        link.href = url;
        link.download = input.suggestedName;
        link.rel = 'noopener';
        win.document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // Revoke later: revoking at once can cancel the download in Chromium.
        win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
      return { status: 'saved', fileName: input.suggestedName };
    },
    open(input: IpcInput<'file:open'>): Promise<IpcOutput<'file:open'>> {
      return openWithFileInput(win, input);
    },
    async savePdf(): Promise<IpcOutput<'print:save-pdf'>> {
      // The browser's print dialog offers "Save as PDF".
      win.print();
      return { status: 'saved', fileName: '' };
    },
    async openExternal(input: IpcInput<'shell:open-external'>): Promise<IpcOutput<'shell:open-external'>> {
      if (!isAllowedExternalUrl(input.url)) return { opened: false };
      win.open(input.url, '_blank', 'noopener,noreferrer');
      return { opened: true };
    },
    // Automatic backups live in the desktop app's main process; a browser has no folder to write into unasked (it
    // reminds the user to save a backup instead, renderer/features/backups).
    async getStatus(): Promise<IpcOutput<'backup:get-status'>> {
      return {
        folder: '',
        isDefaultFolder: true,
        encrypted: false,
        passphraseRemembered: true,
        lastAutomaticAt: null,
        lastOffLaptopAt: null,
      };
    },
    async writeAutomatic(): Promise<IpcOutput<'backup:write-automatic'>> {
      return {
        status: 'failed',
        message:
          'Les sauvegardes automatiques existent dans l’application de bureau seulement. / ' +
          'Automatic backups exist in the desktop app only.',
      };
    },
    async chooseFolder(): Promise<IpcOutput<'backup:choose-folder'>> {
      return { status: 'cancelled' };
    },
    async setPassphrase(): Promise<IpcOutput<'backup:set-passphrase'>> {
      return { encrypted: false, passphraseRemembered: true };
    },
    // CouchDB sync in a browser talks to the server with window.fetch (the web server's CSP allows that origin
    // alone) and keeps the password in memory only: there is no main process to keep a target.
    async getTarget(): Promise<IpcOutput<'sync:get-target'>> {
      return { origin: null, user: '', hasPassword: false, keyringSecure: false };
    },
    async setTarget(input: IpcInput<'sync:set-target'>): Promise<IpcOutput<'sync:set-target'>> {
      return { origin: input.server, user: input.user, hasPassword: false, keyringSecure: false };
    },
    async sendRequest(): Promise<IpcOutput<'sync:send-request'>> {
      return { status: 'refused', message: 'Browser: window.fetch is used instead.' };
    },
  };
}

function openWithFileInput(win: Window, input: IpcInput<'file:open'>): Promise<IpcOutput<'file:open'>> {
  return new Promise((resolve) => {
    const picker = win.document.createElement('input');
    picker.type = 'file';
    picker.accept = input.filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
    picker.addEventListener('cancel', () => resolve({ status: 'cancelled' }));
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      if (!file) return resolve({ status: 'cancelled' });
      if (file.size > input.maxBytes) {
        return resolve({ status: 'too-large', fileName: file.name, size: file.size, maxBytes: input.maxBytes });
      }
      file.arrayBuffer().then(
        (buffer) => resolve({ status: 'opened', fileName: file.name, data: new Uint8Array(buffer) }),
        (error: unknown) => resolve({ status: 'failed', message: String(error) }),
      );
    });
    picker.click();
  });
}
