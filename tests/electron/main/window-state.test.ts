import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: vi.fn() }));

const { placeWindow, readWindowState, writeWindowState, DEFAULT_WINDOW_SIZE } =
  await import('../../../electron/main/window-state');
const { trackWindowState } = await import('../../../electron/main/window');

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 };
const SECOND = { x: 1920, y: 0, width: 2560, height: 1400 };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('window state file', () => {
  it('round-trips through an atomic write', async () => {
    const file = path.join(dir, 'window-state.json');
    const state = { x: 10, y: 20, width: 1300, height: 900, isMaximized: true };
    await writeWindowState(file, state);
    expect(await readWindowState(file)).toEqual(state);
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
  });

  it.each([
    ['missing', null],
    ['truncated JSON', '{"x": 1, "y"'],
    ['a wrong shape', '{"x": "left", "y": 0, "width": 800, "height": 600, "isMaximized": false}'],
    ['absurd numbers', '{"x": 1e12, "y": 0, "width": 800, "height": 600, "isMaximized": false}'],
    ['an array', '[1, 2, 3]'],
  ])('gives null for a %s file', async (_label, content) => {
    const file = path.join(dir, 'window-state.json');
    if (content !== null) await writeFile(file, content);
    expect(await readWindowState(file)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(null, [SCREEN])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, isMaximized: false });
  });

  it('restores the saved size and position', () => {
    const state = { x: 100, y: 50, width: 1400, height: 900, isMaximized: false };
    expect(placeWindow(state, [SCREEN])).toEqual({
      bounds: { x: 100, y: 50, width: 1400, height: 900 },
      isMaximized: false,
    });
  });

  it('restores a window on a second screen while it is connected, not after', () => {
    const state = { x: 2200, y: 100, width: 1600, height: 1000, isMaximized: true };
    expect(placeWindow(state, [SCREEN, SECOND]).bounds).toMatchObject({ x: 2200, y: 100 });
    expect(placeWindow(state, [SCREEN])).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, isMaximized: true });
  });

  it('caps the size to the screen and never below the minimum', () => {
    expect(placeWindow({ x: 0, y: 0, width: 5000, height: 4000, isMaximized: false }, [SCREEN]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
    expect(placeWindow({ x: 0, y: 0, width: 300, height: 200, isMaximized: false }, [SCREEN]).bounds).toMatchObject({
      width: 960,
      height: 600,
    });
  });
});

describe('trackWindowState', () => {
  it('saves the normal bounds when the window closes, and flush waits for the write', async () => {
    let onClose: (() => void) | undefined;
    const window = {
      on: vi.fn((event: string, listener: () => void) => {
        if (event === 'close') onClose = listener;
      }),
      getNormalBounds: () => ({ x: 10.4, y: 20, width: 1200, height: 800 }),
      isMaximized: () => true,
    };
    const file = path.join(dir, 'window-state.json');
    const tracker = trackWindowState(window as never, file);
    onClose!();
    await tracker.flush();
    expect(await readWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, isMaximized: true });
  });

  it('swallows a failed write: a lost position is no reason to stop quitting', async () => {
    let onClose: (() => void) | undefined;
    const window = {
      on: (_event: string, listener: () => void) => void (onClose = listener),
      getNormalBounds: () => ({ x: 0, y: 0, width: 1000, height: 700 }),
      isMaximized: () => false,
    };
    const write = vi.fn(async () => {
      throw new Error('read-only');
    });
    const tracker = trackWindowState(window as never, path.join(dir, 'x.json'), write);
    onClose!();
    await expect(tracker.flush()).resolves.toBeUndefined();
    expect(write).toHaveBeenCalledOnce();
  });
});
