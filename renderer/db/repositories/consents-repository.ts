import { consentSchema, type Consent, type ConsentPurpose } from '../../../shared/domain/model';
import { createRecord, lastChange } from '../../../shared/records/record';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';
import type { AuditRepository } from './audit-repository';

export type ConsentFields = Pick<Consent, 'purpose' | 'given' | 'date' | 'noticeVersion' | 'channel'>;

/**
 * Consents per purpose (product.md): each answer is its own record, so the history of what the person said, when,
 * under which notice and through which channel is kept as proof (GDPR art. 7(1)). The current answer for a purpose
 * is the record with the latest clock (city-export.md, "Privacy").
 */
export function createConsentsRepository(db: DeskDatabase, desk: DeskContext, audit: AuditRepository) {
  return {
    async record(volunteerId: string, fields: ConsentFields): Promise<Consent> {
      return writeTransaction(db, desk, [db.consents, db.auditLog], async (tick) => {
        const consent = consentSchema.parse(
          createRecord<Consent>(
            { volunteerId, ...fields },
            { id: desk.newId(), clock: tick(), createdAt: desk.now().toISOString() },
          ),
        );
        await db.consents.add(consent);
        await audit.append('consent.record', volunteerId, { purpose: fields.purpose, given: fields.given });
        return consent;
      });
    },

    async currentFor(volunteerId: string): Promise<Partial<Record<ConsentPurpose, Consent>>> {
      const consents = await db.consents.where('volunteerId').equals(volunteerId).toArray();
      return currentConsents(consents);
    },
  };
}

export type ConsentsRepository = ReturnType<typeof createConsentsRepository>;

/** The latest live answer per purpose. */
export function currentConsents(consents: readonly Consent[]): Partial<Record<ConsentPurpose, Consent>> {
  const current: Partial<Record<ConsentPurpose, Consent>> = {};
  for (const consent of consents) {
    if (consent.deleted) continue;
    const previous = current[consent.purpose];
    if (!previous || lastChange(consent) > lastChange(previous)) current[consent.purpose] = consent;
  }
  return current;
}
