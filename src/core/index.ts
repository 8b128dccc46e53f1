// The domain core's public surface: what the add-in and the sync may use.

export {
  a1,
  type Cell,
  columnLetter,
  FORMULA_WITHOUT_VALUE,
  formulaProblem,
  type Grid,
  type HeaderedTable,
  readTable,
} from './cells';
export { compareVietnamese } from './collate';
export { dvcNeeded, dvcRank, dvcRanker, dvcRatio, dvcStatus } from './formulas';
export { type Fraction, toNumber } from './fraction';
export * from './labels';
export { type Model, readModel, type WorkbookInput } from './model';
export {
  addMonths,
  floatingOfSerial,
  formatMonth,
  formatTimestamp,
  fromIndex,
  instantOfFloating,
  isoMonth,
  lastDay,
  type Month,
  monthIndex,
  monthOfInstant,
  SERIAL_EPOCH_OFFSET,
  serialOfFloating,
  serialOfInstant,
  VIETNAM_OFFSET_MINUTES,
} from './month';
export { MAX_COUNT, parseCount, parseMonth, parsePercent } from './parse';
export { emptyAnswerProblems, type FeedCounts, feedCounts, feedProblems } from './portal-checks';
export {
  buildPortalTab,
  type PortalRecord,
  type PortalTab,
  portalHeader,
  type SourcedRecords,
} from './portal-feed';
export { mergePortalTab, type PortalAnswer, type PortalGrain, type PortalMerge } from './portal-merge';
export type { Problem } from './problems';
export { monthsText, type Reminder } from './reminders';
export { buildReport, type Report, type ReportOptions } from './report';
export type { OverviewRow, RankingRow, RatioRow, ReconciliationRow } from './report-rows';
export * from './schema';
export {
  DEFAULT_DEADLINE_DAY,
  DEFAULT_FLOOR,
  DEFAULT_MAX_POINTS,
  DEFAULT_PRIORITY,
  DEFAULT_THRESHOLD,
  defaultClassification,
  type Settings,
  type SourceKey,
} from './settings';
export { appendLogRow, type SyncLogEntry, syncLogRow } from './sync-log';
export * from './tab-ownership';
export {
  type Block,
  type BlockStyle,
  type ColourRule,
  type Column,
  type ColumnFormat,
  HEADER_TINT,
  headerRowIndex,
  NUMBER_PATTERNS,
  type OutputTable,
  PERCENT_DECIMALS,
  percentText,
  RULE_COLOURS,
  type RuleColour,
  renderColumns,
  SEVERITY_COLOURS,
  STATUS_COLOURS,
  type TableFont,
  type TableLayout,
  tableToGrid,
} from './table';
export { EXCERPT_LENGTH, excerpt, fitCell, fold, isEmail, MAX_CELL_TEXT } from './text';
export { groupName, type Unit, type UnitDirectory } from './units';
export {
  blockingMarker,
  judgeMarker,
  type MarkerVerdict,
  newWriteMarker,
  parseWriteMarker,
  WRITE_MARKER_KEY,
  WRITE_MARKER_TTL_MS,
  type WriteMarker,
  type Writer,
  writeMarkerValue,
} from './write-marker';
