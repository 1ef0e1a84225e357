import type { CapacityStatus } from '../../../shared/domain/capacity';
import { shiftSchema, type Mission, type Shift } from '../../../shared/domain/model';
import { createRecord, updateRecord } from '../../../shared/records/record';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import { withConfirmedFill, withFill, type ConfirmedFill } from '../shift-fill';
import { writeTransaction } from '../write';
import type { AuditRepository } from './audit-repository';

export type ShiftFields = Omit<Shift, 'id' | 'createdAt' | 'clocks' | 'deleted'>;
export type ShiftWithFill = Shift & { fill: CapacityStatus };

/** Raised when a deletion would drop sign-ups and the user has not confirmed it. */
export class ShiftHasSignUpsError extends Error {
  constructor(readonly signUpCount: number) {
    super(`The shift has ${signUpCount} sign-up(s)`);
  }
}

/** Shifts: created alone or as a recurring series in one transaction; deleted (and undeleted) as tombstones. */
export function createShiftsRepository(db: DeskDatabase, desk: DeskContext, audit: AuditRepository) {
  async function liveSignUpCount(shiftIds: string[]): Promise<number> {
    let count = 0;
    await db.signUps
      .where('shiftId')
      .anyOf(shiftIds)
      .each((signUp) => {
        if (!signUp.deleted && signUp.status !== 'cancelled') count++;
      });
    return count;
  }

  async function setDeleted(shifts: Shift[], deleted: boolean, action: string): Promise<void> {
    await writeTransaction(db, desk, [db.shifts, db.auditLog], async (tick) => {
      const clock = tick();
      await db.shifts.bulkPut(shifts.map((shift) => updateRecord(shift, { deleted }, clock)));
      await audit.append(action, shifts[0]?.missionId ?? null, { shiftIds: shifts.map((shift) => shift.id) });
    });
  }

  return {
    async create(fields: ShiftFields): Promise<Shift> {
      assertEndsAfterStart(fields);
      return writeTransaction(db, desk, [db.shifts], async (tick) => {
        const shift = shiftSchema.parse(
          createRecord<Shift>(fields, { id: desk.newId(), clock: tick(), createdAt: desk.now().toISOString() }),
        );
        await db.shifts.add(shift);
        return shift;
      });
    },

    /** Every shift of a recurring pattern, in one transaction: all are created, or none. */
    async createSeries(
      template: Omit<ShiftFields, 'start' | 'end' | 'seriesId'>,
      occurrences: ReadonlyArray<{ start: string; end: string }>,
    ): Promise<Shift[]> {
      const seriesId = desk.newId();
      return writeTransaction(db, desk, [db.shifts, db.auditLog], async (tick) => {
        const clock = tick();
        const createdAt = desk.now().toISOString();
        const shifts = occurrences.map((occurrence) => {
          const fields = { ...template, start: occurrence.start, end: occurrence.end, seriesId };
          assertEndsAfterStart(fields);
          return shiftSchema.parse(createRecord<Shift>(fields, { id: desk.newId(), clock, createdAt }));
        });
        await db.shifts.bulkAdd(shifts);
        await audit.append('shift.create-series', template.missionId, { seriesId, count: shifts.length });
        return shifts;
      });
    },

    async update(id: string, patch: Partial<ShiftFields>): Promise<Shift> {
      return writeTransaction(db, desk, [db.shifts], async (tick) => {
        const existing = await db.shifts.get(id);
        if (!existing || existing.deleted) throw new Error(`Shift ${id} not found`);
        const updated = shiftSchema.parse(updateRecord(existing, patch, tick()));
        assertEndsAfterStart(updated);
        await db.shifts.put(updated);
        return updated;
      });
    },

    /** Shifts starting in [from, to) with their mission and confirmed fill: the planning's week, day or agenda. */
    async listBetween(
      from: string,
      to: string,
    ): Promise<(Shift & { fill: ConfirmedFill; mission: Mission | undefined })[]> {
      const shifts = (await db.shifts.where('start').between(from, to, true, false).toArray()).filter(
        (s) => !s.deleted,
      );
      const [filled, missions] = await Promise.all([
        withConfirmedFill(db, shifts),
        db.missions.bulkGet([...new Set(shifts.map((shift) => shift.missionId))]),
      ]);
      const missionById = new Map(missions.flatMap((mission) => (mission ? [[mission.id, mission] as const] : [])));
      return filled.map((shift) => ({ ...shift, mission: missionById.get(shift.missionId) }));
    },

    async listForMission(missionId: string): Promise<ShiftWithFill[]> {
      const shifts = (await db.shifts.where('missionId').equals(missionId).sortBy('start')).filter((s) => !s.deleted);
      return withFill(db, shifts);
    },

    /**
     * Deletes shifts (one, or a whole series). Refuses when live sign-ups are attached unless the user confirmed;
     * returns what `restore` needs to undo it.
     */
    async remove(shiftIds: string[], options: { confirmed: boolean }): Promise<Shift[]> {
      const shifts = (await db.shifts.bulkGet(shiftIds)).filter((shift): shift is Shift => !!shift && !shift.deleted);
      const attached = await liveSignUpCount(shifts.map((shift) => shift.id));
      if (attached > 0 && !options.confirmed) throw new ShiftHasSignUpsError(attached);
      await setDeleted(shifts, true, 'shift.delete');
      return shifts;
    },

    async seriesShiftIds(seriesId: string): Promise<string[]> {
      const shifts = await db.shifts.where('seriesId').equals(seriesId).toArray();
      return shifts.filter((shift) => !shift.deleted).map((shift) => shift.id);
    },

    /** Undo of a deletion: an explicit undelete with a later clock (architecture.md, rule 7). */
    async restore(shiftIds: string[]): Promise<void> {
      const shifts = (await db.shifts.bulkGet(shiftIds)).filter((shift): shift is Shift => !!shift && shift.deleted);
      await setDeleted(shifts, false, 'shift.restore');
    },

    liveSignUpCount,
  };
}

export type ShiftsRepository = ReturnType<typeof createShiftsRepository>;

function assertEndsAfterStart(fields: Pick<Shift, 'start' | 'end'>): void {
  if (Date.parse(fields.end) <= Date.parse(fields.start)) throw new RangeError('A shift must end after it starts');
}
