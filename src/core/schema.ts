// The tabs of CONTRACT.md: the header row of each, and for output tabs how each column is shown.
import { type ClassificationKey, COL, TAB, type TabName, VOCABULARY } from './labels';
import {
  OVERVIEW_COLUMNS,
  PROBLEMS_COLUMNS,
  RANKING_COLUMNS,
  RATIO_COLUMNS,
  RECONCILIATION_COLUMNS,
} from './report-rows';
import type { Column, ColumnFormat } from './table';
import { fold } from './text';

export const SETTINGS_HEADER = [COL.param, COL.value, COL.description] as const;
export const UNITS_HEADER = [
  COL.unitCode,
  COL.unitName,
  COL.group,
  COL.parentCode,
  COL.target,
  COL.portalCode,
  COL.editors,
] as const;
export const ENTRIES_HEADER = [COL.month, COL.unitCode, COL.resolved, COL.online, COL.note] as const;
export const CATALOGUE_HEADER = [COL.procedureCode, COL.procedureName, COL.level] as const;
/** One column of an output tab laid out by its own builder (not a record table): its header and how it is shown. */
export type OutputColumn = readonly [header: string, format: ColumnFormat];

type AnyColumn = OutputColumn | Column<never>;
const headers = (columns: readonly AnyColumn[]): string[] =>
  columns.map((column) => ('header' in column ? column.header : column[0]));
const formats = (columns: readonly AnyColumn[]): ColumnFormat[] =>
  columns.map((column) => ('format' in column ? column.format : column[1]));

const PORTAL_COLUMNS: readonly OutputColumn[] = [
  [COL.month, 'text'],
  [COL.unitCode, 'text'],
  [COL.resolved, 'integer'],
  [COL.online, 'integer'],
  [COL.procedureCount, 'integer'],
  [COL.updatedAt, 'text'],
  // Contract §10.1: rows accumulate over runs, so each says where it came from (profile or export file).
  [COL.portalSource, 'text'],
  // What the checks of Kiểm tra need per unit-month, so the add-in derives them as the sync does.
  [COL.proceduresInCatalogue, 'integer'],
  [COL.rowsWithoutProcedure, 'integer'],
  // The portal's agency codes behind the row; alone (Mã đơn vị empty) on a code no unit has (§10.1).
  [COL.portalCode, 'text'],
  // When a later run was answered nothing for this row's month and kept it: Kiểm tra warns from it (§10.1).
  [COL.emptyAnswerAt, 'text'],
];
const SYNC_LOG_COLUMNS: readonly OutputColumn[] = [
  [COL.startedAt, 'text'],
  [COL.result, 'text'],
  [COL.unitCount, 'integer'],
  [COL.portalRows, 'integer'],
  [COL.duration, 'decimal'],
  [COL.errorText, 'text'],
];

/** Báo cáo: one table with a section per ranking scope (its units by rank, then a total row). */
const REPORT_COLUMNS: readonly OutputColumn[] = [
  [COL.serial, 'integer'],
  [COL.unitCode, 'text'],
  [COL.unitName, 'text'],
  [COL.totalDossiers, 'integer'],
  [COL.onlineDossiers, 'integer'],
  [COL.ratio, 'percent'],
  [COL.target, 'percent'],
  [COL.status, 'text'],
  [COL.rank, 'integer'],
];
/** Diễn biến theo tháng: these columns around one column per month of Năm (monthly.ts inserts them). */
const MONTHLY_LEAD_COLUMNS: readonly OutputColumn[] = [
  [COL.unitCode, 'text'],
  [COL.unitName, 'text'],
  [COL.group, 'text'],
];
const MONTHLY_TAIL_COLUMNS: readonly OutputColumn[] = [
  [COL.yearToDate, 'percent'],
  [COL.target, 'percent'],
  [COL.status, 'text'],
];
const REMINDER_LOG_COLUMNS: readonly OutputColumn[] = [
  [COL.sentAt, 'text'],
  [COL.unitCode, 'text'],
  [COL.unitName, 'text'],
  [COL.recipients, 'text'],
  [COL.missingMonths, 'text'],
  [COL.reminderResult, 'text'],
  [COL.reminderReason, 'text'],
];

export const RATIO_HEADER = headers(RATIO_COLUMNS);
export const RATIO_FORMATS = formats(RATIO_COLUMNS);
export const RANKING_HEADER = headers(RANKING_COLUMNS);
export const RANKING_FORMATS = formats(RANKING_COLUMNS);
export const PROBLEMS_HEADER = headers(PROBLEMS_COLUMNS);
export const PROBLEMS_FORMATS = formats(PROBLEMS_COLUMNS);
export const PORTAL_HEADER = headers(PORTAL_COLUMNS);
export const PORTAL_FORMATS = formats(PORTAL_COLUMNS);
export const RECONCILIATION_HEADER = headers(RECONCILIATION_COLUMNS);
export const RECONCILIATION_FORMATS = formats(RECONCILIATION_COLUMNS);
export const OVERVIEW_HEADER = headers(OVERVIEW_COLUMNS);
export const OVERVIEW_FORMATS = formats(OVERVIEW_COLUMNS);
export const REPORT_HEADER = headers(REPORT_COLUMNS);
export const REPORT_FORMATS = formats(REPORT_COLUMNS);
export const MONTHLY_LEAD_HEADER = headers(MONTHLY_LEAD_COLUMNS);
export const MONTHLY_LEAD_FORMATS = formats(MONTHLY_LEAD_COLUMNS);
export const MONTHLY_TAIL_HEADER = headers(MONTHLY_TAIL_COLUMNS);
export const MONTHLY_TAIL_FORMATS = formats(MONTHLY_TAIL_COLUMNS);
export const REMINDER_LOG_HEADER = headers(REMINDER_LOG_COLUMNS);
export const REMINDER_LOG_FORMATS = formats(REMINDER_LOG_COLUMNS);
export const SYNC_LOG_HEADER = headers(SYNC_LOG_COLUMNS);
export const SYNC_LOG_FORMATS = formats(SYNC_LOG_COLUMNS);
/** Columns of a portal export file (CONTRACT.md section 5). */
export const PORTAL_EXPORT_HEADER = [
  COL.month,
  COL.unitCode,
  COL.procedureCode,
  COL.resolved,
  COL.portalExportOnline,
] as const;

/** Every tab with its header, in the order set-up creates them. */
export const TAB_HEADERS: readonly { tab: TabName; header: readonly string[]; output: boolean }[] = [
  { tab: TAB.settings, header: SETTINGS_HEADER, output: false },
  { tab: TAB.units, header: UNITS_HEADER, output: false },
  { tab: TAB.entries, header: ENTRIES_HEADER, output: false },
  { tab: TAB.catalogue, header: CATALOGUE_HEADER, output: false },
  { tab: TAB.ratio, header: RATIO_HEADER, output: true },
  { tab: TAB.ranking, header: RANKING_HEADER, output: true },
  { tab: TAB.problems, header: PROBLEMS_HEADER, output: true },
  { tab: TAB.portal, header: PORTAL_HEADER, output: true },
  { tab: TAB.reconciliation, header: RECONCILIATION_HEADER, output: true },
  { tab: TAB.syncLog, header: SYNC_LOG_HEADER, output: true },
  { tab: TAB.overview, header: OVERVIEW_HEADER, output: true },
  { tab: TAB.officialReport, header: REPORT_HEADER, output: true },
  { tab: TAB.monthly, header: [...MONTHLY_LEAD_HEADER, ...MONTHLY_TAIL_HEADER], output: true },
  { tab: TAB.reminderLog, header: REMINDER_LOG_HEADER, output: true },
];

/** Newest rows kept in Nhật ký nhắc nhở. */
export const REMINDER_LOG_LIMIT = 1000;

/** Newest rows kept in Nhật ký đồng bộ. */
export const SYNC_LOG_LIMIT = 1000;

/**
 * Other names a wanted column is found under when reading: the online count column of Nhập liệu and
 * Dữ liệu Cổng DVC under either header of contract §8.1, whatever Cách phân loại says.
 */
export const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  [COL.online]: [COL.onlineModes],
};

/** The online count column's header that Cách phân loại gives new tabs and headers. */
export const onlineHeader = (classification: ClassificationKey): string => VOCABULARY[classification].online;

/** A header row in the vocabulary of Cách phân loại: the online columns renamed, every other column as it is. */
export function inVocabulary(header: readonly string[], classification: ClassificationKey): string[] {
  const words = VOCABULARY[classification];
  return header.map((name) =>
    name === COL.online ? words.online : name === COL.onlineDossiers ? words.onlineDossiers : name,
  );
}

/** Every tab with its header in the vocabulary of Cách phân loại: what set-up and a new workbook create. */
export function tabHeaders(
  classification: ClassificationKey,
): { tab: TabName; header: readonly string[]; output: boolean }[] {
  return TAB_HEADERS.map((entry) => ({ ...entry, header: inVocabulary(entry.header, classification) }));
}

/** The comparison key of a header: folded, with a column's other names keyed as the column itself. */
export function columnKey(name: unknown): string {
  const key = fold(name);
  for (const [column, others] of Object.entries(COLUMN_ALIASES))
    if (others.some((other) => fold(other) === key)) return fold(column);
  return key;
}

/** The Cách phân loại an output table was written in, told by its online dossiers column. */
export function classificationOfTable(table: { readonly header: readonly string[] }): ClassificationKey {
  return table.header.includes(VOCABULARY.modes.onlineDossiers) ? 'modes' : 'levels';
}

/** The archive tab of one year's Nhập liệu rows (the add-in's set-up makes them; the sync's import copies them). */
export const archiveTab = (year: number): string => `${TAB.entries} ${year}`;

/** Whether a tab name is an archive tab set-up made (or would make). */
export const isArchiveTab = (name: string): boolean =>
  new RegExp(`^${fold(TAB.entries)} \\d{4}$`).test(fold(name));
