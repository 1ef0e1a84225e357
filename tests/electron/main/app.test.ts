import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/contract';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../../../shared/security/csp';

/** A stand-in for the whole `electron` module: records what the main process asks of it. */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    lock: true,
    appListeners: new Map<string, Listener[]>(),
    windows: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[],
    ready: undefined as (() => void) | undefined,
    userData: '',
  };
  const appListener = (event: string, listener: Listener) => {
    state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
  };
  const readyPromise = new Promise<void>((resolve) => {
    state.ready = resolve;
  });
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  const module = {
    app: {
      isPackaged: true,
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: vi.fn(() => state.lock),
      quit: vi.fn(),
      on: vi.fn(appListener),
      whenReady: vi.fn(() => readyPromise),
      isReady: vi.fn(() => true),
      getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : '/home/user/Documents')),
      getLocale: vi.fn(() => 'fr-FR'),
      getName: vi.fn(() => 'Desk Climat'),
      getVersion: vi.fn(() => '0.1.0'),
    },
    BrowserWindow: vi.fn(function BrowserWindow(this: Record<string, unknown>, options: Record<string, unknown>) {
      const loadURL = vi.fn(async () => undefined);
      Object.assign(this, {
        loadURL,
        on: vi.fn(),
        once: vi.fn(),
        getNormalBounds: vi.fn(),
        isMaximized: vi.fn(() => false),
      });
      state.windows.push({ options, loadURL });
    }),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
    ipcMain: { handle: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
  return { state, module, session };
});

vi.mock('electron', () => fake.module);

const { startDesktopApp } = await import('../../../electron/main/app');

const PATHS = { preloadPath: '/opt/desk/out/preload/index.cjs', rendererRoot: '/opt/desk/out/renderer' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  fake.state.userData = await mkdtemp(path.join(tmpdir(), 'desk-userdata-'));
  fake.state.appListeners.clear();
  fake.state.windows.length = 0;
  vi.clearAllMocks();
});
afterEach(async () => {
  await rm(fake.state.userData, { recursive: true, force: true });
});

describe('startDesktopApp', () => {
  it('quits at once when another instance holds the lock, before any window or handler', () => {
    fake.state.lock = false;
    startDesktopApp(PATHS);
    fake.state.lock = true;
    expect(fake.module.app.quit).toHaveBeenCalledOnce();
    expect(fake.module.app.whenReady).not.toHaveBeenCalled();
    expect(fake.module.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('wires every guard and opens one hardened window on app://bundle/', async () => {
    startDesktopApp(PATHS);
    // Before `ready`: the privileged scheme and the global sandbox.
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(fake.module.app.enableSandbox).toHaveBeenCalledOnce();
    expect(fake.state.appListeners.has('web-contents-created')).toBe(true);
    expect(fake.state.appListeners.has('second-instance')).toBe(true);

    fake.state.ready!();
    await settle();

    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fake.session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(fake.session.webRequest.onHeadersReceived).not.toHaveBeenCalled(); // packaged: no dev server
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.module.ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...IPC_CHANNELS].sort());

    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0]!;
    expect(window.options['webPreferences']).toMatchObject({
      preload: PATHS.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(window.options['show']).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html');

    // The French menu, from roles only.
    const template = fake.module.Menu.buildFromTemplate.mock.calls[0]![0] as { label: string }[];
    expect(template[0]!.label).toBe('Fichier');
  });

  it('serves the app scheme with the production CSP', async () => {
    startDesktopApp(PATHS);
    fake.state.ready!();
    await settle();
    const handler = fake.module.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://bundle/../../etc/passwd.txt'));
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it('hardens every web contents Electron creates', () => {
    startDesktopApp(PATHS);
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    for (const listener of fake.state.appListeners.get('web-contents-created')!) listener({}, contents);
    expect(contents.on.mock.calls.map(([event]) => event).sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
    ]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('in development only, loads the dev server and gives its pages the development CSP', async () => {
    fake.module.app.isPackaged = false;
    process.env['ELECTRON_RENDERER_URL'] = 'http://127.0.0.1:5173';
    try {
      startDesktopApp(PATHS);
      fake.state.ready!();
      await settle();
    } finally {
      fake.module.app.isPackaged = true;
      delete process.env['ELECTRON_RENDERER_URL'];
    }
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173');
    const [filter, listener] = fake.session.webRequest.onHeadersReceived.mock.calls[0] as [
      { urls: string[] },
      (details: unknown, callback: (response: unknown) => void) => void,
    ];
    expect(filter).toEqual({ urls: ['http://127.0.0.1:5173/*'] });
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [DEVELOPMENT_CSP] },
    });
  });

  it('ignores the dev server variable in a packaged app', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://127.0.0.1:5173';
    try {
      startDesktopApp(PATHS);
      fake.state.ready!();
      await settle();
    } finally {
      delete process.env['ELECTRON_RENDERER_URL'];
    }
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(fake.session.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  });

  it('answers app:get-info through the wrapper for the app frame only', async () => {
    startDesktopApp(PATHS);
    fake.state.ready!();
    await settle();
    const call = fake.module.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:get-info')!;
    const listener = call[1] as (event: unknown) => Promise<unknown>;
    const frame: { url: string; parent: null; top: unknown } = {
      url: 'app://bundle/index.html',
      parent: null,
      top: null,
    };
    frame.top = frame;
    await expect(listener({ senderFrame: frame, sender: {} })).resolves.toMatchObject({
      name: 'Desk Climat',
      version: '0.1.0',
      isPackaged: true,
    });
    const foreign = { url: 'https://attacker.example/', parent: null, top: null as unknown };
    foreign.top = foreign;
    await expect(listener({ senderFrame: foreign, sender: {} })).rejects.toThrow(/untrusted sender/);
  });

  it('rebuilds the application menu in the language the renderer chose', async () => {
    startDesktopApp(PATHS);
    fake.state.ready!();
    await settle();
    const menuLabels = () => {
      const calls = fake.module.Menu.buildFromTemplate.mock.calls;
      const template = calls[calls.length - 1]![0] as { label?: string }[];
      return template.map((item) => item.label);
    };
    const call = fake.module.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:set-language')!;
    const listener = call[1] as (event: unknown, input: unknown) => Promise<unknown>;
    const frame: { url: string; parent: null; top: unknown } = {
      url: 'app://bundle/index.html',
      parent: null,
      top: null,
    };
    frame.top = frame;
    await expect(listener({ senderFrame: frame, sender: {} }, { language: 'en' })).resolves.toEqual({ ok: true });
    expect(menuLabels()).toContain('Edit');
    await listener({ senderFrame: frame, sender: {} }, { language: 'fr' });
    expect(menuLabels()).toContain('Édition');
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalledTimes(3);
  });
});
