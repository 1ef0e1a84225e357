import type { Volunteer } from '../../../shared/domain/model';
import { buildAccessRequest, personIds, type AccessRequest } from '../../../shared/rights/access-request';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import type { AuditRepository } from './audit-repository';
import type { SettingsRepository } from './settings-repository';

export const ACCESS_REQUEST_ACTION = 'access.request';
export type AccessRequestDelivery = 'json' | 'print';

/**
 * An access request (GDPR art. 15): one person's data read through the indexes in one read transaction (a
 * consistent picture even while the desk writes), then shaped by the pure builder of shared/rights, which keeps only
 * what belongs to the person. Handing the document over is audited with the person's id only: the audit log must not
 * become a second copy of the personal data.
 */
export function createAccessRequestRepository(
  db: DeskDatabase,
  desk: DeskContext,
  audit: AuditRepository,
  settings: SettingsRepository,
) {
  return {
    async build(volunteerId: string): Promise<AccessRequest | null> {
      const tables = [
        db.volunteers,
        db.aliases,
        db.consents,
        db.signUps,
        db.shifts,
        db.missions,
        db.checkinEvents,
        db.exportLog,
        db.auditLog,
        db.settings,
      ];
      return db.transaction('r', tables, async () => {
        const stored = await db.volunteers.get(volunteerId);
        if (!stored) return null;
        const { searchKeys: _derived, ...volunteer } = stored;
        const aliases = [
          ...(await db.aliases.where('toVolunteerId').equals(volunteerId).toArray()),
          ...(await db.aliases.where('fromVolunteerId').equals(volunteerId).toArray()),
        ];
        const ids = [...personIds(volunteerId, aliases)];
        const signUps = await db.signUps.where('volunteerId').anyOf(ids).toArray();
        const shifts = (await db.shifts.bulkGet([...new Set(signUps.map((signUp) => signUp.shiftId))])).flatMap(
          (shift) => (shift ? [shift] : []),
        );
        const missions = (await db.missions.bulkGet([...new Set(shifts.map((shift) => shift.missionId))])).flatMap(
          (mission) => (mission ? [mission] : []),
        );
        return buildAccessRequest(
          {
            volunteer: volunteer as Volunteer,
            aliases,
            consents: await db.consents.where('volunteerId').anyOf(ids).toArray(),
            signUps,
            shifts,
            missions,
            checkinEvents: await db.checkinEvents
              .where('signUpId')
              .anyOf(signUps.map((signUp) => signUp.id))
              .toArray(),
            exportLog: await db.exportLog.where('volunteerIds').anyOf(ids).distinct().toArray(),
            auditLog: await db.auditLog.where('subjectId').anyOf(ids).toArray(),
            settings: await settings.get(),
          },
          { generatedAt: desk.now().toISOString(), deskId: desk.deskId },
        );
      });
    },

    /** Records that the document was handed over (saved as JSON or printed), naming nobody but by id. */
    async recordDelivery(volunteerId: string, delivery: AccessRequestDelivery): Promise<void> {
      await db.transaction('rw', db.auditLog, () => audit.append(ACCESS_REQUEST_ACTION, volunteerId, { delivery }));
    },
  };
}

export type AccessRequestRepository = ReturnType<typeof createAccessRequestRepository>;
