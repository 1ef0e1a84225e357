import { formatHundredths, type Hundredths } from '../domain/hours';
import { parseLocalDate, type LocalDate } from '../domain/local-date';
import { formatParisIsoOffset, instantToParisWallTime, toEpochMs, type Instant } from '../domain/paris-time';

/**
 * The two profiles of the city export (city-export.md, "Two profiles, one set of columns"): the same columns and
 * values, written for Excel in French or for an open-data pipeline.
 */

export const PROFILES = ['excel-fr', 'open-data'] as const;
export type ExportProfile = (typeof PROFILES)[number];

export interface ProfileFormat {
  readonly profile: ExportProfile;
  /** Table Schema / Frictionless resource encoding: `utf-8-sig` is UTF-8 with a byte-order mark. */
  readonly encoding: 'utf-8-sig' | 'utf-8';
  readonly bom: boolean;
  readonly delimiter: ';' | ',';
  readonly decimalChar: ',' | '.';
  readonly trueValue: string;
  readonly falseValue: string;
  /** Table Schema `format` of `date` and `datetime` fields (Python strftime notation). */
  readonly dateFormat: string;
  readonly datetimeFormat: string;
  formatDate(date: LocalDate): string;
  formatDatetime(instant: Instant | number): string;
}

/** CRLF after every record, the last one included, in both profiles. */
export const RECORD_END = '\r\n';

export const EXCEL_FR: ProfileFormat = {
  profile: 'excel-fr',
  encoding: 'utf-8-sig',
  bom: true,
  delimiter: ';',
  decimalChar: ',',
  trueValue: 'oui',
  falseValue: 'non',
  dateFormat: '%d/%m/%Y',
  datetimeFormat: '%d/%m/%Y %H:%M',
  formatDate(date) {
    const parts = checkedDate(date);
    return `${pad2(parts.day)}/${pad2(parts.month)}/${String(parts.year).padStart(4, '0')}`;
  },
  /** Paris wall time floored to the minute: the seconds are simply not written. */
  formatDatetime(instant) {
    const wall = instantToParisWallTime(floorToSecondMs(instant));
    return `${pad2(wall.day)}/${pad2(wall.month)}/${String(wall.year).padStart(4, '0')} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
  },
};

export const OPEN_DATA: ProfileFormat = {
  profile: 'open-data',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  decimalChar: '.',
  trueValue: 'true',
  falseValue: 'false',
  dateFormat: '%Y-%m-%d',
  datetimeFormat: '%Y-%m-%dT%H:%M:%S%z',
  formatDate(date) {
    checkedDate(date);
    return date;
  },
  /** Paris wall time with the offset in force at that instant, floored to the second. */
  formatDatetime(instant) {
    return formatParisIsoOffset(floorToSecondMs(instant));
  },
};

export function profileFormat(profile: ExportProfile): ProfileFormat {
  return profile === 'excel-fr' ? EXCEL_FR : OPEN_DATA;
}

export function formatDec(value: Hundredths, format: ProfileFormat): string {
  return formatHundredths(value, format.decimalChar);
}

function floorToSecondMs(instant: Instant | number): number {
  return Math.floor(toEpochMs(instant) / 1000) * 1000;
}

function checkedDate(date: LocalDate) {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return parts;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
