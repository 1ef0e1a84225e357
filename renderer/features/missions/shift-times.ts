import { parisDateAndTimeToInstant, type Fold } from '../../../shared/domain/paris-time';
import { addDaysToLocalDate } from '../../../shared/domain/local-date';
import type { MessageCode } from '../../../shared/domain/messages';

export interface ShiftTimesDraft {
  date: string;
  start: string;
  end: string;
  startFold: Fold | null;
  endFold: Fold | null;
}

export type ShiftTimesResult =
  | { ok: true; start: string; end: string; endsNextDay: boolean }
  | {
      ok: false;
      field: 'start' | 'end';
      error: MessageCode;
      ambiguous?: { earlier: string; later: string; date: string };
    };

/**
 * A shift typed as a local date and two wall times → two instants (domain.md, "Time"). An end at or before the start
 * is the next day (22:00–06:00). A time in the spring-forward gap is refused; in the repeated autumn hour the user
 * must choose which one (`startFold` / `endFold`).
 */
export function shiftTimesToInstants(draft: ShiftTimesDraft): ShiftTimesResult {
  const endsNextDay = draft.end !== '' && draft.start !== '' && draft.end <= draft.start;
  const start = parisDateAndTimeToInstant(draft.date, draft.start, draft.startFold ? { fold: draft.startFold } : {});
  if (!start.ok) {
    return start.error === 'ambiguous_local_time'
      ? {
          ok: false,
          field: 'start',
          error: start.error,
          ambiguous: { earlier: start.earlier, later: start.later, date: draft.date },
        }
      : { ok: false, field: 'start', error: start.error };
  }
  const endDate = endsNextDay ? addDaysToLocalDate(draft.date, 1) : draft.date;
  const end = parisDateAndTimeToInstant(endDate, draft.end, draft.endFold ? { fold: draft.endFold } : {});
  if (!end.ok) {
    return end.error === 'ambiguous_local_time'
      ? {
          ok: false,
          field: 'end',
          error: end.error,
          ambiguous: { earlier: end.earlier, later: end.later, date: endDate },
        }
      : { ok: false, field: 'end', error: end.error };
  }
  return { ok: true, start: start.instant, end: end.instant, endsNextDay };
}
