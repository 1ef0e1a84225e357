import {
  exportSingleTable,
  prepareCityExport,
  shiftCalendar,
  volunteerAgenda,
  writeCityExportZip,
  type CityExportOptions,
  type ExportSettings,
  type PreparedCityExport,
} from '../../../shared/export';
import type { ExportLogEntry } from '../../../shared/domain/model';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import { createDexieRecordSource } from '../dexie-store';
import type { AuditRepository } from './audit-repository';

/**
 * The city export from the store (city-export.md), through the same pipeline as `desk export`; and the export log,
 * which keeps the ids of the volunteers each export carried so that an erasure or an access request can list them.
 */
export function createExportsRepository(db: DeskDatabase, desk: DeskContext, audit: AuditRepository) {
  return {
    prepare(options: CityExportOptions): Promise<PreparedCityExport> {
      return prepareCityExport(createDexieRecordSource(db), options);
    },

    /** The zip's bytes (generated at `desk.now()`). */
    async zip(
      prepared: PreparedCityExport,
      application: { name: string; version: string },
    ): Promise<Uint8Array<ArrayBuffer>> {
      const chunks: Uint8Array[] = [];
      for await (const chunk of writeCityExportZip(prepared, { generatedAt: desk.now().toISOString(), application })) {
        chunks.push(chunk);
      }
      return concat(chunks);
    },

    /** Once the file is saved: the export log and, for a named export, the log of sensitive actions. */
    async logged(prepared: PreparedCityExport, fileName: string): Promise<ExportLogEntry> {
      const entry: ExportLogEntry = {
        id: desk.newId(),
        at: desk.now().toISOString(),
        deskId: desk.deskId,
        operator: desk.operator,
        kind: 'city',
        profile: prepared.profile,
        mode: prepared.mode,
        reason: prepared.reason,
        periodFrom: prepared.from,
        periodTo: prepared.to,
        fileName,
        volunteerIds: [...prepared.volunteerIds],
        rowCounts: { ...prepared.rowCounts },
      };
      await db.transaction('rw', db.exportLog, db.auditLog, async () => {
        await db.exportLog.add(entry);
        await audit.append('export.city', null, {
          exportId: entry.id,
          mode: entry.mode,
          profile: entry.profile,
          reason: entry.reason,
          fileName,
        });
      });
      return entry;
    },

    /** The roster of one shift as one CSV (pseudonymous, excel-fr), logged like any export that leaves the desk. */
    async shiftRoster(
      shiftId: string,
      settings: ExportSettings,
    ): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
      const table = await exportSingleTable(createDexieRecordSource(db), {
        table: 'participations',
        selection: { kind: 'shift', shiftId },
        profile: 'excel-fr',
        mode: 'pseudonymous',
        settings,
      });
      const data = concat([...table.chunks()]);
      const entry: ExportLogEntry = {
        id: desk.newId(),
        at: desk.now().toISOString(),
        deskId: desk.deskId,
        operator: desk.operator,
        kind: 'roster',
        profile: 'excel-fr',
        mode: 'pseudonymous',
        reason: null,
        periodFrom: null,
        periodTo: null,
        fileName: table.fileName,
        volunteerIds: [...table.volunteerIds],
        rowCounts: { 'participations.csv': table.rowCount },
      };
      // As for the city export: the export log and the log of sensitive actions, both or neither.
      await db.transaction('rw', db.exportLog, db.auditLog, async () => {
        await db.exportLog.add(entry);
        await audit.append('export.roster', null, { exportId: entry.id, shiftId, fileName: table.fileName });
      });
      return { fileName: table.fileName, data };
    },

    /** A volunteer's agenda as iCalendar (RFC 5545), with stable UIDs so a re-import updates their calendar. */
    async volunteerCalendar(volunteerId: string): Promise<Uint8Array<ArrayBuffer>> {
      const text = await volunteerAgenda(createDexieRecordSource(db), volunteerId, {
        generatedAt: desk.now().toISOString(),
      });
      return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
    },

    async shiftCalendar(shiftId: string): Promise<Uint8Array<ArrayBuffer> | null> {
      const shift = await db.shifts.get(shiftId);
      const mission = shift ? await db.missions.get(shift.missionId) : undefined;
      if (!shift || !mission) return null;
      return new TextEncoder().encode(
        shiftCalendar({ shift, mission }, { generatedAt: desk.now().toISOString() }),
      ) as Uint8Array<ArrayBuffer>;
    },

    recent(limit: number): Promise<ExportLogEntry[]> {
      return db.exportLog.orderBy('at').reverse().limit(limit).toArray();
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
