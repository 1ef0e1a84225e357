import type { AuditEntry } from '../domain/model';
import { protectText, quoteField } from '../export/csv-writer';

/**
 * The audit log as a coordinator reads it (product.md, "Privacy": "a log of sensitive actions … with the desk that
 * did them"): entries sorted into kinds of action, filtered, and written as CSV. Pure, so the screen, its tests and
 * any command line share one rule.
 */

/** The kinds of action the screen filters on; `other` is every routine action (consents, desk pointage, …). */
export const AUDIT_CATEGORIES = [
  'export',
  'import',
  'merge',
  'restore',
  'backup',
  'erasure',
  'override',
  'pin',
  'retention',
  'access',
  'other',
] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/** Every kind but `other`: what the screen shows first. */
export const SENSITIVE_CATEGORIES: readonly AuditCategory[] = AUDIT_CATEGORIES.filter((c) => c !== 'other');

/**
 * The operator recorded when nobody gave a name: coordinator actions away from the desk (Settings, merges, exports
 * before anyone opened the desk or the sign-up panel). An honest, stable label rather than an empty cell; the screen
 * translates it. Older entries written with an empty operator read the same way (see `operatorOf`).
 */
export const COORDINATION_OPERATOR = 'coordination';

export function operatorOf(entry: Pick<AuditEntry, 'operator'>): string {
  return entry.operator.trim() === '' ? COORDINATION_OPERATOR : entry.operator;
}

/**
 * An action's kind, by its name (`<area>.<verb>`). Names from other parts of the app are matched by their words, so
 * that an action added later with a sensible name (e.g. `volunteer.erase`, `privacy.retention-run`) is classified.
 */
export function auditCategory(action: string): AuditCategory {
  const name = action.toLowerCase();
  if (name.startsWith('access')) return 'access';
  if (name.includes('erase') || name.includes('erasure')) return 'erasure';
  if (name.includes('retention')) return 'retention';
  if (name.includes('restore')) return 'restore';
  if (name.includes('merge')) return 'merge';
  if (name.startsWith('export') || name.endsWith('.export')) return 'export';
  if (name.includes('import')) return 'import';
  if (name.includes('override')) return 'override';
  if (name.includes('pin')) return 'pin';
  if (name.startsWith('backup')) return 'backup';
  return 'other';
}

export interface AuditFilter {
  /** `sensitive` = every kind but `other`; `all` = everything. */
  readonly category: AuditCategory | 'sensitive' | 'all';
  /** Inclusive ISO dates (Paris days are approximated by the entry's UTC date: a log, not an invoice). */
  readonly from: string | null;
  readonly to: string | null;
  readonly operator: string | null;
  readonly deskId: string | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = {
  category: 'sensitive',
  from: null,
  to: null,
  operator: null,
  deskId: null,
};

export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter, dayOf: (at: string) => string): boolean {
  const category = auditCategory(entry.action);
  if (filter.category === 'sensitive' && category === 'other') return false;
  if (filter.category !== 'sensitive' && filter.category !== 'all' && filter.category !== category) return false;
  const day = dayOf(entry.at);
  if (filter.from !== null && day < filter.from) return false;
  if (filter.to !== null && day > filter.to) return false;
  if (filter.operator !== null && operatorOf(entry) !== filter.operator) return false;
  if (filter.deskId !== null && entry.deskId !== filter.deskId) return false;
  return true;
}

/** Latest first, the entries that pass the filter. `dayOf` gives an instant's calendar day (Paris time in the app). */
export function filterAuditEntries(
  entries: readonly AuditEntry[],
  filter: AuditFilter,
  dayOf: (at: string) => string,
): AuditEntry[] {
  return entries
    .filter((entry) => matchesAuditFilter(entry, filter, dayOf))
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** The operators and desks that appear in the log, for the filters' choices. */
export function auditFacets(entries: readonly AuditEntry[]): { operators: string[]; deskIds: string[] } {
  const operators = new Set<string>();
  const deskIds = new Set<string>();
  for (const entry of entries) {
    operators.add(operatorOf(entry));
    deskIds.add(entry.deskId);
  }
  const order = (a: string, b: string) => a.localeCompare(b, 'fr');
  return { operators: [...operators].sort(order), deskIds: [...deskIds].sort(order) };
}

export interface AuditCsvLabels {
  readonly headers: readonly [string, string, string, string, string, string, string, string];
  readonly category: (category: AuditCategory) => string;
  readonly operator: (operator: string) => string;
  readonly desk: (deskId: string) => string;
}

/**
 * The entries as CSV (RFC 4180, `;` as French spreadsheets expect, CRLF): date-time, desk, desk id, operator, kind,
 * action, subject id, details as JSON. Every text cell goes through the city export's protection against formula
 * injection (OWASP "CSV Injection"): an operator named `=HYPERLINK(…)` is written as text.
 */
export function auditCsv(entries: readonly AuditEntry[], labels: AuditCsvLabels): string {
  const delimiter = ';';
  const line = (cells: readonly string[]) =>
    `${cells.map((cell) => quoteField(protectText(cell), delimiter)).join(delimiter)}\r\n`;
  let text = line(labels.headers);
  for (const entry of entries) {
    text += line([
      entry.at,
      labels.desk(entry.deskId),
      entry.deskId,
      labels.operator(operatorOf(entry)),
      labels.category(auditCategory(entry.action)),
      entry.action,
      entry.subjectId ?? '',
      Object.keys(entry.details).length === 0 ? '' : JSON.stringify(entry.details),
    ]);
  }
  return text;
}
