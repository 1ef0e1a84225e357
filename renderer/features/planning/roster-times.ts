import { addDaysToLocalDate } from '../../../shared/domain/local-date';
import type { WallTimeError } from '../../../shared/domain/paris-time';
import { parisDateAndTimeToInstant } from '../../../shared/domain/paris-time';

/**
 * Corrected arrival and departure typed as wall times on the shift's date; a departure at or before the arrival is
 * the next day (a night shift). In the repeated autumn hour the earlier instant is taken: a coordinator correcting a
 * roster afterwards types what the sign-in sheet says, and the sheet cannot tell the two hours apart either.
 */
export function shiftTimesToInstantsOnDate(
  date: string,
  arrival: string,
  departure: string,
):
  | { ok: true; arrival: string | null; departure: string | null }
  | { ok: false; field: 'arrival' | 'departure'; error: WallTimeError | 'order' } {
  const start = arrival ? parisDateAndTimeToInstant(date, arrival, { fold: 'earlier' }) : null;
  if (start && !start.ok) return { ok: false, field: 'arrival', error: start.error };
  const endDate = arrival && departure && departure <= arrival ? addDaysToLocalDate(date, 1) : date;
  const end = departure ? parisDateAndTimeToInstant(endDate, departure, { fold: 'earlier' }) : null;
  if (end && !end.ok) return { ok: false, field: 'departure', error: end.error };
  const arrivalInstant = start?.ok ? start.instant : null;
  const departureInstant = end?.ok ? end.instant : null;
  if (arrivalInstant && departureInstant && Date.parse(departureInstant) <= Date.parse(arrivalInstant)) {
    return { ok: false, field: 'departure', error: 'order' };
  }
  return { ok: true, arrival: arrivalInstant, departure: departureInstant };
}
