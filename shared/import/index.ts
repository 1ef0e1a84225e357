/**
 * Importing sign-up lists (issue #10): pure functions, no writes. Reading and analysis are the heavy part and belong
 * in a Worker (architecture.md, rule 11); the screen keeps the preview and the user's decisions, and writes the plan.
 */
export { decodeCsvBytes, type DecodedText, type TextEncodingName } from './decode';
export { detectDelimiter, DELIMITERS, type Delimiter, type DelimiterGuess } from './delimiter';
export { ImportFileError, isImportFileError, type ImportFileProblem } from './errors';
export {
  normaliseLineBreaks,
  parseCsvText,
  readCsvFile,
  type ParsedCsv,
  type ParsedRow,
  type ParseOptions,
  type ParseProgress,
} from './parse';
export { encodeCsvForSpreadsheets, writeCsv } from './csv-write';
export {
  checkMapping,
  COLUMN_TARGETS,
  mappingFileSchema,
  mappingFromFile,
  mappingKey,
  PERSON_FIELDS,
  proposeMapping,
  targetOfHeader,
  type ColumnTarget,
  type ImportMapping,
  type MappingCheck,
  type MappingFile,
  type PersonField,
} from './mapping';
export {
  analyseImport,
  type DuplicateOf,
  type ExistingVolunteers,
  type FieldIssue,
  type ImportOptions,
  type ImportPreview,
  type RowPreview,
  type RowStatus,
  type RowValues,
} from './analyse';
export {
  AUTOMATIC_RESOLUTIONS,
  mergePatch,
  planImport,
  type DuplicateResolution,
  type FieldErrorResolution,
  type ImportPlan,
  type ImportSummary,
  type PlanContext,
  type Resolutions,
  type RowOutcome,
  type RowResolution,
  type RowResult,
} from './plan';
export { rejectedRowsCsv, rejectionText } from './rejected';
export { importAuditEntry, importReport, type ImportReport, type ReportIssue, type ReportRow } from './report';
export { withFixedCell } from './fix';
export { IMPORT_MESSAGES, importMessage, type AnyImportCode, type ImportMessageCode } from './messages';
