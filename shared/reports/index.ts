/** The Reports screen's figures, from the city export's own aggregation, unsuppressed (./report.ts). */
export {
  buildReport,
  monthsOfPeriod,
  presetPeriod,
  reportFromAggregates,
  type Report,
  type ReportCell,
  type ReportFigures,
  type ReportImpact,
  type ReportOptions,
  type ReportPeriodPreset,
  type ReportRow,
} from './report';
