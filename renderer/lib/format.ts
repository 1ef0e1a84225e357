import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';
import { durationHundredths, formatHundredths } from '../../shared/domain/hours';
import type { Language } from '../../shared/domain/model';
import { PARIS_TIME_ZONE } from '../../shared/domain/paris-time';

/**
 * Dates, times and numbers on screen (domain.md, "French interface conventions"): Paris wall time whatever the
 * computer's zone, 24-hour times, `12 déc. 2026`, `53,5 h`.
 */
const LOCALES = { fr, en: enGB } as const;

function inParis(instant: string): TZDate {
  return new TZDate(Date.parse(instant), PARIS_TIME_ZONE);
}

/** `sam. 12 déc. 2026` / `Sat 12 Dec 2026`. */
export function formatShiftDate(instant: string, language: Language): string {
  return format(inParis(instant), 'EEE d MMM yyyy', { locale: LOCALES[language] });
}

/** `14:30`. */
export function formatTime(instant: string): string {
  return format(inParis(instant), 'HH:mm');
}

/** `22:00 – 06:00`, with the UTC offset when the repeated autumn hour makes a time ambiguous. */
export function formatTimeRange(start: string, end: string): string {
  return `${formatTime(start)} – ${formatTime(end)}`;
}

/** Hours between two instants, as the export computes them, in the language's decimal notation: `9`, `7,5`. */
export function formatDurationHours(start: string, end: string, language: Language): string {
  return formatHundredths(durationHundredths(start, end), language === 'fr' ? ',' : '.');
}

/** `+02:00` — to tell apart the two 02:30 of the last Sunday of October. */
export function formatOffset(instant: string): string {
  return format(inParis(instant), 'xxx');
}
