// The report's record tables as typed rows, and the columns that render each field into its cell.
import type { StatusKey } from './assess';
import type { Cell } from './cells';
import { COL, SEVERITY, STATUS } from './labels';
import type { Problem } from './problems';
import { type Column, type ColumnFormat, type Palette, SEVERITY_COLOURS, STATUS_COLOURS } from './table';

/**
 * A count, ratio or rank that may be absent: null is an empty cell (a unit with no figures, a ratio with no
 * dossiers, an unranked unit), never 0, which would state something the figures do not say.
 */
type Maybe = number | null;

/** One row of Tỷ lệ: a unit's figures through the reporting month. */
export interface RatioRow {
  readonly code: string;
  readonly name: string;
  readonly group: string;
  readonly parent: string;
  readonly resolved: Maybe;
  readonly online: Maybe;
  readonly ratio: Maybe;
  readonly target: number;
  readonly status: StatusKey;
  readonly needed: Maybe;
  readonly points: Maybe;
  /** Nguồn số liệu's words (Cổng DVC, Đơn vị nhập, both), or empty. */
  readonly source: string;
  readonly forecast: Maybe;
  readonly neededPerMonth: Maybe;
  readonly monthsReported: number;
}

/** One row of Xếp hạng: a unit's place in one ranking scope. */
export interface RankingRow {
  readonly scope: string;
  readonly rank: Maybe;
  readonly code: string;
  readonly name: string;
  readonly ratio: Maybe;
  readonly target: number;
  readonly status: StatusKey;
  /** Thay đổi hạng's words (▲2, ▼1, =), or empty. */
  readonly change: string;
  readonly previousRank: Maybe;
  readonly resolved: Maybe;
  readonly online: Maybe;
  readonly points: Maybe;
}

/** One row of Tổng hợp: a ranking scope's sums. */
export interface OverviewRow {
  readonly scope: string;
  readonly units: number;
  readonly met: number;
  readonly resolved: number;
  readonly online: number;
  readonly ratio: Maybe;
  /** The scope's target, weighted by its units' dossiers (plain average when it has none). */
  readonly target: number;
}

/** One row of Đối chiếu: a unit-month where the two sources differ by more than Ngưỡng chênh lệch. */
export interface ReconciliationRow {
  /** The month as the tabs show it (10/2020). */
  readonly month: string;
  readonly code: string;
  readonly name: string;
  readonly portalResolved: number;
  readonly enteredResolved: number;
  readonly portalOnline: number;
  readonly enteredOnline: number;
  readonly portalRatio: Maybe;
  readonly enteredRatio: Maybe;
  readonly difference: number;
  /** Nguồn được dùng's words. */
  readonly usedSource: string;
  readonly totalDifference: number;
}

/** A column: its header, format, the field it shows and, for Đánh giá and Mức độ, the colours of its words. */
const column = <Row>(
  header: string,
  format: ColumnFormat,
  value: (row: Row) => Cell | null,
  palette?: Palette,
): Column<Row> => ({ header, format, value, ...(palette ? { palette } : {}) });

// Columns that several tables print alike, each written once: a row type with the field gets the column.
const unitCode = column(COL.unitCode, 'text', (r: { readonly code: string }) => r.code);
const unitName = column(COL.unitName, 'text', (r: { readonly name: string }) => r.name);
const totalDossiers = column(COL.totalDossiers, 'integer', (r: { readonly resolved: Maybe }) => r.resolved);
const onlineDossiers = column(COL.onlineDossiers, 'integer', (r: { readonly online: Maybe }) => r.online);
const ratio = column(COL.ratio, 'percent', (r: { readonly ratio: Maybe }) => r.ratio);
const target = column(COL.target, 'percent', (r: { readonly target: number }) => r.target);
/** Đánh giá, coloured by its words in both writers. */
const status = column(
  COL.status,
  'text',
  (r: { readonly status: StatusKey }) => STATUS[r.status],
  STATUS_COLOURS,
);
const points = column(COL.points, 'decimal', (r: { readonly points: Maybe }) => r.points);
const rankScope = column(COL.rankScope, 'text', (r: { readonly scope: string }) => r.scope);

export const RATIO_COLUMNS: readonly Column<RatioRow>[] = [
  unitCode,
  unitName,
  column(COL.group, 'text', (r) => r.group),
  column(COL.parentCode, 'text', (r) => r.parent),
  totalDossiers,
  onlineDossiers,
  ratio,
  target,
  status,
  column(COL.needed, 'integer', (r) => r.needed),
  points,
  column(COL.source, 'text', (r) => r.source),
  column(COL.forecast, 'percent', (r) => r.forecast),
  column(COL.neededPerMonth, 'integer', (r) => r.neededPerMonth),
  column(COL.monthsReported, 'integer', (r) => r.monthsReported),
];

export const RANKING_COLUMNS: readonly Column<RankingRow>[] = [
  rankScope,
  column(COL.rank, 'integer', (r) => r.rank),
  unitCode,
  unitName,
  ratio,
  target,
  status,
  column(COL.rankChange, 'text', (r) => r.change),
  column(COL.previousRank, 'integer', (r) => r.previousRank),
  totalDossiers,
  onlineDossiers,
  points,
];

export const PROBLEMS_COLUMNS: readonly Column<Problem>[] = [
  column(COL.tab, 'text', (p) => p.tab),
  column(COL.cell, 'text', (p) => p.cell),
  column(COL.unitCode, 'text', (p) => p.unitCode),
  column(COL.month, 'text', (p) => p.month),
  column(COL.severity, 'text', (p) => SEVERITY[p.severity], SEVERITY_COLOURS),
  column(COL.message, 'text', (p) => p.message),
];

export const RECONCILIATION_COLUMNS: readonly Column<ReconciliationRow>[] = [
  column(COL.month, 'text', (r) => r.month),
  unitCode,
  unitName,
  column(COL.portalResolved, 'integer', (r) => r.portalResolved),
  column(COL.enteredResolved, 'integer', (r) => r.enteredResolved),
  column(COL.portalOnline, 'integer', (r) => r.portalOnline),
  column(COL.enteredOnline, 'integer', (r) => r.enteredOnline),
  column(COL.portalRatio, 'percent', (r) => r.portalRatio),
  column(COL.enteredRatio, 'percent', (r) => r.enteredRatio),
  column(COL.difference, 'percent', (r) => r.difference),
  column(COL.usedSource, 'text', (r) => r.usedSource),
  column(COL.totalDifference, 'percent', (r) => r.totalDifference),
];

/** Tổng hợp: one row per ranking scope, the data of the ratio-against-target chart. */
export const OVERVIEW_COLUMNS: readonly Column<OverviewRow>[] = [
  rankScope,
  column(COL.scopeUnits, 'integer', (r) => r.units),
  column(COL.scopeUnitsMet, 'integer', (r) => r.met),
  totalDossiers,
  onlineDossiers,
  ratio,
  target,
];
