import type { Mission, Shift, SignUp } from '../../../shared/domain/model';
import type { DeskDatabase } from '../database';

export interface SignUpHistoryRow {
  signUp: SignUp;
  shift: Shift;
  mission: Mission | undefined;
}

/** A volunteer's agenda and history: their sign-ups with shift and mission, latest first. */
export function createHistoryRepository(db: DeskDatabase) {
  return {
    async forVolunteer(volunteerId: string): Promise<SignUpHistoryRow[]> {
      const signUps = (await db.signUps.where('volunteerId').equals(volunteerId).toArray()).filter((s) => !s.deleted);
      const shifts = await db.shifts.bulkGet(signUps.map((signUp) => signUp.shiftId));
      const missionIds = [...new Set(shifts.flatMap((shift) => (shift ? [shift.missionId] : [])))];
      const missions = new Map((await db.missions.bulkGet(missionIds)).flatMap((m) => (m ? [[m.id, m] as const] : [])));
      const rows: SignUpHistoryRow[] = [];
      signUps.forEach((signUp, index) => {
        const shift = shifts[index];
        if (shift && !shift.deleted) rows.push({ signUp, shift, mission: missions.get(shift.missionId) });
      });
      return rows.sort((a, b) => b.shift.start.localeCompare(a.shift.start));
    },
  };
}
