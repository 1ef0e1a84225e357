import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as { options: Record<string, unknown>; once: Map<string, () => void> }[]);

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function BrowserWindow(this: Record<string, unknown>, options: Record<string, unknown>) {
    const once = new Map<string, () => void>();
    Object.assign(this, {
      once: vi.fn((event: string, listener: () => void) => once.set(event, listener)),
      show: vi.fn(),
      maximize: vi.fn(),
    });
    created.push({ options, once });
  }),
}));

const { createMainWindow } = await import('../../../electron/main/window');

function createWindow(isMaximized = false) {
  created.length = 0;
  const window = createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    placement: { bounds: { x: 10, y: 20, width: 1200, height: 800 }, isMaximized },
  }) as unknown as { show: ReturnType<typeof vi.fn>; maximize: ReturnType<typeof vi.fn> };
  return { window, ...created[0]! };
}

describe('createMainWindow: web preferences (Electron security checklist)', () => {
  const preferences = createWindow().options['webPreferences'] as Record<string, unknown>;

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('sets %s to %s', (key, value) => {
    expect(preferences[key]).toBe(value);
  });

  it('loads the preload and switches on no Blink feature', () => {
    expect(preferences['preload']).toBe('/app/out/preload/index.cjs');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('additionalArguments');
  });
});

describe('createMainWindow: placement', () => {
  it('opens at the restored bounds, hidden until ready', () => {
    const { options, window, once } = createWindow();
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, minWidth: 960 });
    expect(window.show).not.toHaveBeenCalled();
    once.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('comes back maximised when it was', () => {
    const { window, once } = createWindow(true);
    once.get('ready-to-show')!();
    expect(window.maximize).toHaveBeenCalledOnce();
  });
});
