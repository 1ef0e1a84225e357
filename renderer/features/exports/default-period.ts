import { addDaysToLocalDate } from '../../../shared/domain/local-date';

/** The previous calendar month (city-export.md: "default: the previous calendar month"), from a local date. */
export function previousMonth(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const from = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  const to = addDaysToLocalDate(`${today.slice(0, 7)}-01`, -1);
  return { from, to };
}
