import path from 'node:path';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../../shared/security/csp';
import { APP_ENTRY_URL, parseUrl } from './app-origin';
import { createBackupService } from './backups';
import { createSyncService } from './sync';
import { type FileDialogs } from './file-dialogs';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers, type SenderPolicy } from './ipc';
import { buildMenuTemplate } from './menu';
import { uiLanguageFor, type UiLanguage } from './messages';
import { PRIVILEGED_SCHEMES, registerAppProtocol } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow, trackWindowState } from './window';
import { placeWindow, readWindowState } from './window-state';

export interface DesktopAppPaths {
  /** The bundled preload script (out/preload/index.cjs). */
  readonly preloadPath: string;
  /** The renderer's build folder (out/renderer), served as app://bundle/. */
  readonly rendererRoot: string;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const BACKUP_STATE_FILE = 'backups.json';
export const SYNC_STATE_FILE = 'sync.json';

/**
 * The main process: one instance, one window, the renderer from app://bundle/, every guard installed before the first
 * page loads. Everything Electron-specific is wired here; the pieces are tested on their own.
 */
export function startDesktopApp(paths: DesktopAppPaths): void {
  // Must happen before `ready`: the scheme's privileges are fixed at start-up.
  protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
  // Security checklist, item 4: sandbox every renderer, including any created by mistake without the preference.
  app.enableSandbox();

  // A second launch focuses the running desk instead of opening a second database connection on the same files.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const senderPolicy: SenderPolicy = { isPackaged: app.isPackaged, devServerUrl };
  let mainWindow: BrowserWindow | null = null;
  let language: UiLanguage = 'fr';
  let windowState: { flush(): Promise<void> } = { flush: async () => undefined };
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  const dialogs: FileDialogs = {
    async chooseSavePath(options) {
      const dialogOptions: SaveDialogOptions = {
        ...options,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(options) {
      const dialogOptions: OpenDialogOptions = { ...options, properties: ['openFile'] };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };

  const openMainWindow = async (): Promise<void> => {
    const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
    const placement = placeWindow(
      await readWindowState(stateFile),
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = createMainWindow({ preloadPath: paths.preloadPath, placement });
    mainWindow = window;
    windowState = trackWindowState(window, stateFile);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  };

  app.on('window-all-closed', () => {
    void windowState.flush().then(() => {
      if (process.platform !== 'darwin') app.quit();
    });
  });

  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) void openMainWindow();
  });

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    registerAppProtocol(protocol, { root: paths.rendererRoot, csp: PRODUCTION_CSP });
    const devOrigin = devServerUrl === undefined ? undefined : parseUrl(devServerUrl)?.origin;
    if (devOrigin !== undefined) {
      // Only the unpackaged app talks to the dev server; its pages get the dev CSP, relaxed for hot reload alone.
      session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DEVELOPMENT_CSP] } });
      });
    }
    // The system's language until the renderer tells which language its settings chose (app:set-language).
    const applyLanguage = (next: UiLanguage): void => {
      language = next;
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate(language, { isMac: process.platform === 'darwin', isPackaged: app.isPackaged }),
        ),
      );
    };
    applyLanguage(uiLanguageFor(app.getLocale()));
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        dialogs,
        defaultDirectory: () => app.getPath('documents'),
        language: () => language,
        setLanguage: applyLanguage,
        openExternal,
        backups: createBackupService({
          defaultFolder: path.join(app.getPath('userData'), 'backups'),
          stateFile: path.join(app.getPath('userData'), BACKUP_STATE_FILE),
          language: () => language,
          async chooseFolder({ title }) {
            const options: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
            const result = mainWindow
              ? await dialog.showOpenDialog(mainWindow, options)
              : await dialog.showOpenDialog(options);
            return result.canceled ? null : (result.filePaths[0] ?? null);
          },
          secrets: {
            isAvailable: () => safeStorage.isEncryptionAvailable(),
            protect: (text) => safeStorage.encryptString(text),
            reveal: (data) => safeStorage.decryptString(data),
          },
        }),
        sync: createSyncService({
          stateFile: path.join(app.getPath('userData'), SYNC_STATE_FILE),
          secrets: {
            isAvailable: () => safeStorage.isEncryptionAvailable(),
            protect: (text) => safeStorage.encryptString(text),
            reveal: (data) => safeStorage.decryptString(data),
          },
          // Linux without a keyring: safeStorage falls back to a key written in clear; the settings warn about it.
          keyringSecure: () => process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text',
        }),
        appInfo: () => ({
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          electronVersion: process.versions.electron ?? 'unknown',
          isPackaged: app.isPackaged,
        }),
      }),
      senderPolicy,
    );
    await openMainWindow();
  });
}
