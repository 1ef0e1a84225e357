import type { Settings, Shift, SignUp } from './model';
import { toEpochMs, type Instant } from './paris-time';

/**
 * Cancellations (product.md; city-export.md mapping): a cancellation made later than the cut-off (default 24 h
 * before the shift's start) is a late one, exported as `excuse`; an earlier one is not a presence question at all.
 * The cut-off in force at cancellation time is stored on the sign-up, so changing the setting later does not
 * rewrite history.
 */

export const DEFAULT_CANCELLATION_CUTOFF_HOURS = 24;
const HOUR_MS = 3_600_000;

/** The fields to write when a sign-up is cancelled now. */
export function cancellationPatch(
  settings: Pick<Settings, 'cancellationCutoffHours'>,
  at: Instant,
  reason: string | null,
): Pick<SignUp, 'status' | 'cancelledAt' | 'cancellationReason' | 'cancellationCutoffHours' | 'toConfirm'> {
  return {
    status: 'cancelled',
    cancelledAt: at,
    cancellationReason: reason,
    cancellationCutoffHours: settings.cancellationCutoffHours,
    toConfirm: false,
  };
}

/**
 * True for a cancelled sign-up cancelled strictly after the cut-off (exactly at the cut-off is still in time). The
 * cut-off is the one stored on the sign-up, else `fallbackCutoffHours` (older records). Unknown cancellation time:
 * not known to be late.
 */
export function isLateCancellation(
  signUp: Pick<SignUp, 'status' | 'cancelledAt' | 'cancellationCutoffHours'>,
  shift: Pick<Shift, 'start'>,
  fallbackCutoffHours: number = DEFAULT_CANCELLATION_CUTOFF_HOURS,
): boolean {
  if (signUp.status !== 'cancelled' || signUp.cancelledAt === null) return false;
  const cutoffHours = signUp.cancellationCutoffHours ?? fallbackCutoffHours;
  const deadline = toEpochMs(shift.start) - cutoffHours * HOUR_MS;
  return toEpochMs(signUp.cancelledAt) > deadline;
}
