import type { TFunction } from 'i18next';
import type { Hundredths } from '../../../shared/domain/hours';
import type { Language } from '../../../shared/domain/model';
import { arrondissementFromInsee } from '../../../shared/domain/paris';

/**
 * Numbers and dates of the Reports screen, in the interface's language through Intl (domain.md, "French interface
 * conventions": `53,5 h`, `12 déc. 2026`). Unlike the export's CSV, the screen may and should group thousands.
 */
const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export interface ReportFormat {
  readonly integer: (value: number) => string;
  /** Hundredths of an hour (or of a kg, of a m²) as a decimal number: `1 234,5`. */
  readonly hundredths: (value: Hundredths) => string;
  readonly percent: (fraction: number) => string;
  /** `yyyy-MM` → `déc. 2025` (axis) */
  readonly monthShort: (month: string) => string;
  /** `yyyy-MM` → `décembre 2025` (sentences and tables) */
  readonly monthLong: (month: string) => string;
  /** `yyyy-MM-dd` → `1 déc. 2025` */
  readonly date: (date: string) => string;
}

export function reportFormat(language: Language): ReportFormat {
  const locale = LOCALE[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  // Calendar months and days, not instants: formatted in UTC so that no time zone can move them.
  const short = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthDate = (month: string) => {
    const [year, index] = month.split('-').map(Number) as [number, number];
    return Date.UTC(year, index - 1, 1);
  };
  return {
    integer: (value) => integer.format(value),
    hundredths: (value) => decimal.format(value / 100),
    percent: (fraction) => percent.format(fraction),
    monthShort: (month) => short.format(monthDate(month)),
    monthLong: (month) => long.format(monthDate(month)),
    date: (date) => {
      const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
      return day.format(Date.UTC(year, month - 1, dayOfMonth));
    },
  };
}

/** An INSEE code as a place: `1er arrondissement`, `Hors Paris (commune 93066)`, or unknown/online for ''. */
export function placeLabel(insee: string, t: TFunction): string {
  if (insee === '') return t('reports.places.unknown');
  const arrondissement = arrondissementFromInsee(insee);
  if (!arrondissement) return t('reports.places.other', { code: insee });
  return arrondissement.number === 1
    ? t('reports.places.first')
    : t('reports.places.paris', { number: arrondissement.number });
}
