import { arrondissementFromPostcode } from '../../../shared/domain/paris';
import type { MissionCategory } from '../../../shared/domain/categories';
import { missionSchema, type Mission, type MissionStatus } from '../../../shared/domain/model';
import { createRecord, updateRecord } from '../../../shared/records/record';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';
import type { AuditRepository } from './audit-repository';

export type MissionFields = Omit<Mission, 'id' | 'createdAt' | 'clocks' | 'deleted'>;

export interface MissionFilters {
  category?: MissionCategory | null;
  arrondissementInsee?: string | null;
  status?: MissionStatus | null;
  /** Missions with at least one live shift starting in [from, to) (instants). */
  period?: { from: string; to: string } | null;
}

/** Missions: queries and transactions. The arrondissement follows the postcode for Paris (75116 → 16th). */
export function createMissionsRepository(db: DeskDatabase, desk: DeskContext, audit: AuditRepository) {
  return {
    async create(fields: MissionFields): Promise<Mission> {
      return writeTransaction(db, desk, [db.missions, db.auditLog], async (tick) => {
        const mission = missionSchema.parse(
          createRecord<Mission>(withArrondissement(fields), {
            id: desk.newId(),
            clock: tick(),
            createdAt: desk.now().toISOString(),
          }),
        );
        await db.missions.add(mission);
        await audit.append('mission.create', mission.id, { title: mission.title });
        return mission;
      });
    },

    async update(id: string, patch: Partial<MissionFields>): Promise<Mission> {
      return writeTransaction(db, desk, [db.missions, db.auditLog], async (tick) => {
        const existing = await db.missions.get(id);
        if (!existing || existing.deleted) throw new Error(`Mission ${id} not found`);
        const next = { ...existing, ...patch };
        const derived =
          patch.postcode !== undefined || patch.arrondissementInsee !== undefined ? withArrondissement(next) : {};
        const updated = missionSchema.parse(updateRecord(existing, { ...patch, ...derived }, tick()));
        await db.missions.put(updated);
        if (patch.status === 'cancelled') {
          await audit.append('mission.cancel', id, { reason: updated.cancellationReason });
        }
        return updated;
      });
    },

    async get(id: string): Promise<Mission | undefined> {
      const mission = await db.missions.get(id);
      return mission && !mission.deleted ? mission : undefined;
    },

    /** Filters by the most selective index available, then checks the rest in memory. */
    async list(filters: MissionFilters = {}): Promise<Mission[]> {
      let missions: Mission[];
      if (filters.period) {
        const missionIds = new Set<string>();
        await db.shifts
          .where('start')
          .between(filters.period.from, filters.period.to, true, false)
          .each((shift) => {
            if (!shift.deleted) missionIds.add(shift.missionId);
          });
        missions = await db.missions.bulkGet([...missionIds]).then((found) => found.filter((m): m is Mission => !!m));
      } else if (filters.category) {
        missions = await db.missions.where('category').equals(filters.category).toArray();
      } else {
        missions = await db.missions.toArray();
      }
      return missions
        .filter(
          (mission) =>
            !mission.deleted &&
            (!filters.category || mission.category === filters.category) &&
            (!filters.status || mission.status === filters.status) &&
            (!filters.arrondissementInsee || mission.arrondissementInsee === filters.arrondissementInsee),
        )
        .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
    },
  };
}

export type MissionsRepository = ReturnType<typeof createMissionsRepository>;

/** In Paris the arrondissement comes from the postcode by table; outside Paris the commune's INSEE code is kept. */
function withArrondissement<T extends Pick<Mission, 'postcode' | 'arrondissementInsee' | 'online'>>(fields: T): T {
  if (fields.online) return { ...fields, postcode: fields.postcode, arrondissementInsee: null };
  const arrondissement = fields.postcode ? arrondissementFromPostcode(fields.postcode) : null;
  return arrondissement ? { ...fields, arrondissementInsee: arrondissement.insee } : fields;
}
