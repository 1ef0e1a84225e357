import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { nodeAtomicWriteFs, writeFileAtomic, type AtomicWriteFs } from './atomic-write';

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** How much of the window must stay on a screen for the saved position to be reused. */
const MIN_VISIBLE = { width: 200, height: 100 } as const;

/** The saved file is data from disk (it may be edited or truncated): parsed with zod, like any untrusted input. */
const windowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface InitialWindowPlacement {
  readonly bounds: { x?: number; y?: number; width: number; height: number };
  readonly isMaximized: boolean;
}

/** The saved state, or null when there is none or it is unreadable (the window then opens at the default size). */
export async function readWindowState(filePath: string): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeWindowState(
  filePath: string,
  state: WindowState,
  fsApi: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  await writeFileAtomic(filePath, new TextEncoder().encode(`${JSON.stringify(state)}\n`), fsApi);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where the window opens: the saved bounds when enough of them is on a screen still connected (a laptop unplugged
 * from its second monitor must not open off-screen), the size capped to that screen; else the default size, centred.
 */
export function placeWindow(state: WindowState | null, workAreas: readonly Rect[]): InitialWindowPlacement {
  const fallback: InitialWindowPlacement = {
    bounds: { width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height },
    isMaximized: state?.isMaximized ?? false,
  };
  if (state === null) return fallback;
  const area = workAreas.find((candidate) => {
    const visible = overlap(state, candidate);
    return visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height;
  });
  if (area === undefined) return fallback;
  return {
    bounds: {
      x: state.x,
      y: state.y,
      width: Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, area.width)),
      height: Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, area.height)),
    },
    isMaximized: state.isMaximized,
  };
}
