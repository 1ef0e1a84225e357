/** The city export (city-export.md): the pipeline, its CSV writer, schemas, validator, zip and iCalendar. */
export {
  CITY_EXPORT_ENTRIES,
  CityExportOptionsError,
  checkCityExportOptions,
  cityExportCsv,
  prepareCityExport,
  previewTable,
  writeCityExportZip,
  type CityExportManifest,
  type CityExportOptions,
  type ExportApplication,
  type PreparedCityExport,
} from './city-export';
export type { ExportSettings, ExportWarning, ShiftSelection } from './collect';
export { exportReadTables } from './collect';
export { columnsOf, TABLE_NAMES, type Column, type ExportMode, type ExportTableName } from './columns';
export {
  csvHeader,
  csvRecord,
  formatCell,
  protectText,
  quoteField,
  writeCsv,
  type CellValue,
  type Row,
} from './csv-writer';
export { parseCsv, unprotectText } from './csv-reader';
export { associationSlug, cityExportFileName } from './file-name';
export { profileFormat, PROFILES, type ExportProfile } from './profiles';
export { dataPackage, dataPackageJson, dataResource, tableSchema, type DataPackage, type DataResource } from './schema';
export { createSha256 } from './sha256';
export { exportSingleTable, type SingleTableExport, type SingleTableOptions } from './single-table';
export { validateCsv, type ValidationError, type ValidationResult } from './validate';
export {
  calendar,
  escapeText,
  foldLine,
  ICS_MEDIA_TYPE,
  shiftCalendar,
  volunteerAgenda,
  type CalendarEntry,
} from './ics';
