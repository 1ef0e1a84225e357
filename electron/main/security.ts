import { type Session, type WebContents, type WebPreferences } from 'electron';
import { openExternalIfAllowed } from './external-url';

/**
 * The renderer's web preferences, one constant per item of Electron's security checklist:
 * - item 2, no Node.js integration for remote or local content (also in workers and subframes);
 * - item 3, context isolation, so the preload's world and the page's world never share objects;
 * - item 4, the process sandbox;
 * - item 6, web security stays on, and item 8, no insecure content;
 * - item 9, no experimental features; item 10, no Blink features switched on;
 * - item 12, no `<webview>` tag at all.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * Guards every web contents the app creates:
 * - item 13, no navigation: the renderer is a single page and changes routes with the History API, so any
 *   `will-navigate` / `will-frame-navigate` is foreign (a dropped file, an injected link) and is cancelled;
 * - item 14, no new windows: `window.open` and `target=_blank` are denied; an allow-listed https/mailto link is handed
 *   to the operating system instead (item 15);
 * - item 12, no `<webview>`: an attach attempt is cancelled even though the tag is already disabled.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(openExternal, url);
    return { action: 'deny' };
  });
}

/**
 * Item 5: the desk never needs the camera, the microphone, notifications, geolocation, USB, HID or serial devices, so
 * every permission request and every permission check is refused.
 */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
