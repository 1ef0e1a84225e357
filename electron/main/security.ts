import { type Session, type WebContents } from 'electron';
import { openExternalIfAllowed } from './external-url';

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
