import type { ExportSettings } from '../../../shared/export';
import type { ExportLogEntry } from '../../../shared/domain/model';
import type {
  CityExportProgress,
  CityExportRequest,
  CityExportRunOptions,
  CityExportSession,
  CityExportSummary,
} from '../city-export-io';
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
    /**
     * Start a city export in a Worker (city-export-io.ts): `prepared` gives the preview, `zip` the file, both with
     * progress; `cancel` stops it. The rows stay in the Worker; the screen gets counts, first rows and ids.
     */
    async start(request: CityExportRequest, options: CityExportRunOptions = {}): Promise<CityExportSession> {
      const { startCityExport } = await import('../city-export-io');
      return startCityExport(db, request, options);
    },

    /** The zip of a started export, generated at `desk.now()`. */
    zip(
      session: CityExportSession,
      application: { name: string; version: string },
      onProgress?: (progress: CityExportProgress) => void,
    ): Promise<Blob> {
      return session.zip({ generatedAt: desk.now().toISOString(), application }, onProgress);
    },

    /** Once the file is saved: the export log and, for a named export, the log of sensitive actions. */
    async logged(prepared: CityExportSummary, fileName: string): Promise<ExportLogEntry> {
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
      const { exportSingleTable } = await exportPipeline();
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
      const { volunteerAgenda } = await exportPipeline();
      const text = await volunteerAgenda(createDexieRecordSource(db), volunteerId, {
        generatedAt: desk.now().toISOString(),
      });
      return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
    },

    async shiftCalendar(shiftId: string): Promise<Uint8Array<ArrayBuffer> | null> {
      const shift = await db.shifts.get(shiftId);
      const mission = shift ? await db.missions.get(shift.missionId) : undefined;
      if (!shift || !mission) return null;
      const { shiftCalendar } = await exportPipeline();
      return new TextEncoder().encode(
        shiftCalendar({ shift, mission }, { generatedAt: desk.now().toISOString() }),
      ) as Uint8Array<ArrayBuffer>;
    },

    recent(limit: number): Promise<ExportLogEntry[]> {
      return db.exportLog.orderBy('at').reverse().limit(limit).toArray();
    },
  };
}

/** The export pipeline (zip, CSV, hashing) is fetched on first use, not at start-up (issue #12). */
const exportPipeline = () => import('../../../shared/export');

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
