import { strFromU8, unzipSync } from 'fflate';
import {
  cityExportCsv,
  parseCsv,
  prepareCityExport,
  writeCityExportZip,
  type CityExportOptions,
  type ExportProfile,
  type ExportTableName,
  type PreparedCityExport,
} from '../../../shared/export';
import { collectBytes } from '../../../shared/snapshot';
import type { RecordSource } from '../../../shared/storage/ports';
import { EXAMPLE_PERIOD, EXAMPLE_SETTINGS } from './example-store';

export const APPLICATION = { name: 'Desk Climat', version: '0.1.0' };
export const GENERATED_AT = '2026-11-02T08:15:00.000Z';

export function prepare(
  source: RecordSource,
  options: Partial<CityExportOptions> & { profile?: ExportProfile } = {},
): Promise<PreparedCityExport> {
  return prepareCityExport(source, {
    ...EXAMPLE_PERIOD,
    profile: 'excel-fr',
    mode: 'pseudonymous',
    settings: EXAMPLE_SETTINGS,
    ...options,
  });
}

export function csvBytes(prepared: PreparedCityExport, table: ExportTableName): Uint8Array {
  return new TextEncoder().encode([...cityExportCsv(prepared, table)].join(''));
}

/** A table's cells as the writer wrote them (BOM dropped), split by a strict reading of the dialect. */
export function csvText(prepared: PreparedCityExport, table: ExportTableName): string {
  return [...cityExportCsv(prepared, table)].join('').replace(/^\uFEFF/, '');
}

export async function zipOf(prepared: PreparedCityExport, generatedAt = GENERATED_AT) {
  const bytes = await collectBytes(writeCityExportZip(prepared, { generatedAt, application: APPLICATION }));
  return { bytes, entries: unzipSync(bytes) };
}

export function text(bytes: Uint8Array | undefined): string {
  if (!bytes) throw new Error('missing entry');
  return strFromU8(bytes);
}

/** A table as the city reads it: one object per data row, keyed by column name (cells as written). */
export function rowsOf(prepared: PreparedCityExport, table: ExportTableName): Record<string, string>[] {
  const delimiter = prepared.profile === 'excel-fr' ? ';' : ',';
  const { records, problems } = parseCsv(csvText(prepared, table), delimiter);
  if (problems.length > 0) throw new Error(`CSV problems: ${JSON.stringify(problems)}`);
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}
