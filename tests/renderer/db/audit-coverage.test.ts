import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { auditCategory } from '../../../shared/rights/audit-log';
import { createStoreWithShift, newVolunteer } from './test-database';

/** Sensitive actions that the audit-log screen promises must really write an entry (issue #11). */
describe('audit coverage', () => {
  it('a roster CSV writes the export log and an export entry in the audit log, together', async () => {
    const { db, repositories, shift } = await createStoreWithShift({
      now: '2026-11-28T09:00:00Z',
      operator: 'Inès',
      capacity: 4,
    });
    const volunteer = await repositories.volunteers.create(newVolunteer({ firstName: 'Awa', lastName: 'Diallo' }));
    await repositories.signUps.signUp(volunteer.id, shift.id, 'volunteer', { kind: 'sign-up' });
    const settings = { ...DEFAULT_SETTINGS, associationName: 'A', siret: '12345678901234' };
    const roster = await repositories.exports.shiftRoster(shift.id, settings);
    const [logged] = await db.exportLog.toArray();
    expect(logged).toMatchObject({ kind: 'roster', fileName: roster.fileName, volunteerIds: [volunteer.id] });
    const entries = (await db.auditLog.toArray()).filter((entry) => auditCategory(entry.action) === 'export');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'export.roster',
      operator: 'Inès',
      details: { exportId: logged!.id, shiftId: shift.id, fileName: roster.fileName },
    });
  });
});
