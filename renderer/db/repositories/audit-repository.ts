import type { AuditEntry } from '../../../shared/domain/model';
import { COORDINATION_OPERATOR } from '../../../shared/rights/audit-log';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';

/**
 * The log of sensitive actions (product.md, "Privacy"): append-only, merged by union, each entry with the operator
 * and the desk. Call `append` inside the transaction of the change it records, so that both commit or neither does.
 */
export function createAuditRepository(db: DeskDatabase, desk: DeskContext) {
  const repository = {
    async append(action: string, subjectId: string | null, details: Record<string, unknown> = {}): Promise<AuditEntry> {
      const entry: AuditEntry = {
        id: desk.newId(),
        at: desk.now().toISOString(),
        deskId: desk.deskId,
        // Away from the desk nobody gives a name: the entry says "coordination" rather than nothing.
        operator: desk.operator || COORDINATION_OPERATOR,
        action,
        subjectId,
        details,
      };
      await db.auditLog.add(entry);
      return entry;
    },
    recent(limit: number): Promise<AuditEntry[]> {
      return db.auditLog.orderBy('at').reverse().limit(limit).toArray();
    },
    forSubject(subjectId: string): Promise<AuditEntry[]> {
      return db.auditLog.where('subjectId').equals(subjectId).sortBy('at');
    },
    /** The whole log, latest first, for the audit screen (filtered in memory: a log is thousands, not millions). */
    all(): Promise<AuditEntry[]> {
      return db.auditLog.orderBy('at').reverse().toArray();
    },
    /** The log itself saved as a file (it names operators and people's ids): an export like any other. */
    recordLogExport(fileName: string, count: number): Promise<AuditEntry> {
      return db.transaction('rw', db.auditLog, () =>
        repository.append('export.audit-log', null, { fileName, entries: count }),
      );
    },
  };
  return repository;
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
