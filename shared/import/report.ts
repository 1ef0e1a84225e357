import type { AuditEntry } from '../domain/model';
import type { ImportPreview } from './analyse';
import { importMessage } from './messages';
import type { ImportPlan, ImportSummary, RowOutcome } from './plan';
import { rejectionText } from './rejected';

/**
 * The outcome of an import as plain JSON: the command line's `--report`, and what the screen can offer to save.
 * Every row is listed by its line with its outcome and the codes of its dropped fields and warnings, but no name,
 * e-mail or phone: the report travels (a mail to a coordinator) and need not carry personal data (CNIL,
 * minimisation); the line number finds the row in the file.
 */

export interface ImportReport {
  readonly file: string;
  readonly encoding: ImportPreview['file']['encoding'];
  readonly fellBackToWindows1252: boolean;
  readonly delimiter: string;
  readonly mappingKey: string;
  readonly mapping: readonly { readonly column: number; readonly header: string; readonly target: string }[];
  readonly today: string;
  readonly summary: ImportSummary;
  readonly rows: readonly ReportRow[];
}

export interface ReportRow {
  readonly line: number;
  readonly outcome: RowOutcome;
  readonly ref: string | null;
  readonly reason: { readonly code: string; readonly fr: string; readonly en: string } | null;
  readonly droppedFields: readonly ReportIssue[];
  readonly warnings: readonly ReportIssue[];
}

export interface ReportIssue {
  readonly field: string;
  readonly column: number;
  readonly code: string;
  readonly fr: string;
  readonly en: string;
}

export function importReport(fileName: string, preview: ImportPreview, plan: ImportPlan): ImportReport {
  const issue = (item: { field: string; column: number; code: string }): ReportIssue => ({
    field: item.field,
    column: item.column,
    code: item.code,
    fr: importMessage(item.code as Parameters<typeof importMessage>[0], 'fr'),
    en: importMessage(item.code as Parameters<typeof importMessage>[0], 'en'),
  });
  return {
    file: fileName,
    encoding: preview.file.encoding,
    fellBackToWindows1252: preview.file.fellBackToWindows1252,
    delimiter: preview.file.delimiter,
    mappingKey: preview.mappingKey,
    mapping: preview.mapping.columns.map((target, column) => ({
      column,
      header: preview.header[column] ?? '',
      target,
    })),
    today: preview.today,
    summary: plan.summary,
    rows: plan.rows.map((row) => ({
      line: row.line,
      outcome: row.outcome,
      ref: row.ref,
      reason: row.reason ? { code: row.reason, fr: rejectionText(row, 'fr'), en: rejectionText(row, 'en') } : null,
      droppedFields: row.droppedFields.map(issue),
      warnings: row.warnings.map(issue),
    })),
  };
}

/** The audit-log entry of an import (product.md, "log of sensitive actions"): counts only, no personal data. */
export function importAuditEntry(
  plan: ImportPlan,
  entry: {
    readonly id: string;
    readonly at: string;
    readonly deskId: string;
    readonly operator: string;
    readonly fileName: string;
  },
): AuditEntry {
  return {
    id: entry.id,
    at: entry.at,
    deskId: entry.deskId,
    operator: entry.operator,
    action: 'volunteer.import',
    subjectId: null,
    details: { fileName: entry.fileName, ...plan.summary },
  };
}
