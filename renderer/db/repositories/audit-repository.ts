import type { AuditEntry } from '../../../shared/domain/model';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';

/**
 * The log of sensitive actions (product.md, "Privacy"): append-only, merged by union, each entry with the operator
 * and the desk. Call `append` inside the transaction of the change it records, so that both commit or neither does.
 */
export function createAuditRepository(db: DeskDatabase, desk: DeskContext) {
  return {
    async append(action: string, subjectId: string | null, details: Record<string, unknown> = {}): Promise<AuditEntry> {
      const entry: AuditEntry = {
        id: desk.newId(),
        at: desk.now().toISOString(),
        deskId: desk.deskId,
        operator: desk.operator,
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
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
