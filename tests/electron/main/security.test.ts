import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../electron/main/security';

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void;

/** A web contents that records its listeners, so the test can fire the events Electron would. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    }),
  };
  const fire = (event: string, ...args: unknown[]): boolean => {
    const preventDefault = vi.fn();
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault }, ...args);
    return preventDefault.mock.calls.length > 0;
  };
  const openWindow = (url: string) => windowOpenHandler!({ url });
  return { contents, fire, openWindow };
}

describe('hardenWebContents', () => {
  it.each([
    'https://attacker.example/',
    'app://bundle/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5173/',
  ])('cancels navigation to %s, in the main frame and in any frame', (url) => {
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents as never, vi.fn());
    expect(fire('will-navigate', url)).toBe(true);
    expect(fire('will-frame-navigate', url)).toBe(true);
  });

  it('cancels every webview attach', () => {
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents as never, vi.fn());
    expect(fire('will-attach-webview', {}, { src: 'https://attacker.example/' })).toBe(true);
  });

  it.each([
    ['https://www.paris.fr/', true],
    ['mailto:contact@exemple.fr', true],
    ['http://www.paris.fr/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://bundle/index.html', false],
    ['about:blank', false],
  ])('denies every new window (%s) and only hands allow-listed links to the system', async (url, handedOver) => {
    const openExternal = vi.fn(async () => undefined);
    const { contents, openWindow } = fakeWebContents();
    hardenWebContents(contents as never, openExternal);
    expect(openWindow(url)).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalledTimes(handedOver ? 1 : 0);
  });
});

describe('hardenSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal', 'fullscreen'])(
    'refuses the %s permission, both as a request and as a check',
    (permission) => {
      const session = {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      };
      hardenSession(session);
      const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
      ) => void;
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
      expect(check({}, permission, 'app://bundle', {})).toBe(false);
      const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
      expect(device({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false);
    },
  );
});
