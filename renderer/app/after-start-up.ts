import { useEffect, useState } from 'react';

/**
 * The frame's side work (the backup watch, the sync status line) waits until the first screen has had the page to
 * itself (issue #12, interactive in under 1.5 s; README, Performance): their live queries and renders used to run in
 * the same commits as the landing screen's, before its first rows. Once the page has been idle after the frame first
 * mounted, they start, and from then on mount at once (a later remount, another screen).
 */
let startedUp = false;
let waiting: Promise<void> | null = null;

/** Budget for the wait: on a busy machine the side work starts anyway, a little later. */
const IDLE_TIMEOUT_MS = 1500;

function whenStartedUp(): Promise<void> {
  waiting ??= new Promise<void>((resolve) => {
    const done = () => {
      startedUp = true;
      resolve();
    };
    // After the next frame (the landing screen's first paint is in it), then at the first idle moment.
    requestAnimationFrame(() => {
      if (typeof window.requestIdleCallback === 'function')
        window.requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
      else window.setTimeout(done, 0);
    });
  });
  return waiting;
}

/** False while the app starts, then true for good. */
export function useAfterStartUp(): boolean {
  const [ready, setReady] = useState(startedUp);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    void whenStartedUp().then(() => {
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, [ready]);
  return ready;
}
