// The report's record tables as typed rows, and the columns that render each field into its cell.
import type { StatusKey } from './assess';
import { COL, SEVERITY, STATUS } from './labels';
import type { Problem } from './problems';
import { type Column, SEVERITY_COLOURS, STATUS_COLOURS } from './table';

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

// Columns that several tables print alike, each written once: a row type with the field gets the column.
const unitCode: Column<{ readonly code: string }> = {
  header: COL.unitCode,
  format: 'text',
  value: (r) => r.code,
};
const unitName: Column<{ readonly name: string }> = {
  header: COL.unitName,
  format: 'text',
  value: (r) => r.name,
};
const totalDossiers: Column<{ readonly resolved: Maybe }> = {
  header: COL.totalDossiers,
  format: 'integer',
  value: (r) => r.resolved,
};
const onlineDossiers: Column<{ readonly online: Maybe }> = {
  header: COL.onlineDossiers,
  format: 'integer',
  value: (r) => r.online,
};
const ratio: Column<{ readonly ratio: Maybe }> = {
  header: COL.ratio,
  format: 'percent',
  value: (r) => r.ratio,
};
const target: Column<{ readonly target: number }> = {
  header: COL.target,
  format: 'percent',
  value: (r) => r.target,
};
/** Đánh giá, coloured by its words in both writers. */
const status: Column<{ readonly status: StatusKey }> = {
  header: COL.status,
  format: 'text',
  value: (r) => STATUS[r.status],
  palette: STATUS_COLOURS,
};
const points: Column<{ readonly points: Maybe }> = {
  header: COL.points,
  format: 'decimal',
  value: (r) => r.points,
};
const rankScope: Column<{ readonly scope: string }> = {
  header: COL.rankScope,
  format: 'text',
  value: (r) => r.scope,
};

export const RATIO_COLUMNS: readonly Column<RatioRow>[] = [
  unitCode,
  unitName,
  { header: COL.group, format: 'text', value: (r) => r.group },
  { header: COL.parentCode, format: 'text', value: (r) => r.parent },
  totalDossiers,
  onlineDossiers,
  ratio,
  target,
  status,
  { header: COL.needed, format: 'integer', value: (r) => r.needed },
  points,
  { header: COL.source, format: 'text', value: (r) => r.source },
  { header: COL.forecast, format: 'percent', value: (r) => r.forecast },
  { header: COL.neededPerMonth, format: 'integer', value: (r) => r.neededPerMonth },
  { header: COL.monthsReported, format: 'integer', value: (r) => r.monthsReported },
];

export const RANKING_COLUMNS: readonly Column<RankingRow>[] = [
  rankScope,
  { header: COL.rank, format: 'integer', value: (r) => r.rank },
  unitCode,
  unitName,
  ratio,
  target,
  status,
  { header: COL.rankChange, format: 'text', value: (r) => r.change },
  { header: COL.previousRank, format: 'integer', value: (r) => r.previousRank },
  totalDossiers,
  onlineDossiers,
  points,
];

export const PROBLEMS_COLUMNS: readonly Column<Problem>[] = [
  { header: COL.tab, format: 'text', value: (p) => p.tab },
  { header: COL.cell, format: 'text', value: (p) => p.cell },
  { header: COL.unitCode, format: 'text', value: (p) => p.unitCode },
  { header: COL.month, format: 'text', value: (p) => p.month },
  { header: COL.severity, format: 'text', value: (p) => SEVERITY[p.severity], palette: SEVERITY_COLOURS },
  { header: COL.message, format: 'text', value: (p) => p.message },
];

export const RECONCILIATION_COLUMNS: readonly Column<ReconciliationRow>[] = [
  { header: COL.month, format: 'text', value: (r) => r.month },
  unitCode,
  unitName,
  { header: COL.portalResolved, format: 'integer', value: (r) => r.portalResolved },
  { header: COL.enteredResolved, format: 'integer', value: (r) => r.enteredResolved },
  { header: COL.portalOnline, format: 'integer', value: (r) => r.portalOnline },
  { header: COL.enteredOnline, format: 'integer', value: (r) => r.enteredOnline },
  { header: COL.portalRatio, format: 'percent', value: (r) => r.portalRatio },
  { header: COL.enteredRatio, format: 'percent', value: (r) => r.enteredRatio },
  { header: COL.difference, format: 'percent', value: (r) => r.difference },
  { header: COL.usedSource, format: 'text', value: (r) => r.usedSource },
  { header: COL.totalDifference, format: 'percent', value: (r) => r.totalDifference },
];

/** Tổng hợp: one row per ranking scope, the data of the ratio-against-target chart. */
export const OVERVIEW_COLUMNS: readonly Column<OverviewRow>[] = [
  rankScope,
  { header: COL.scopeUnits, format: 'integer', value: (r) => r.units },
  { header: COL.scopeUnitsMet, format: 'integer', value: (r) => r.met },
  totalDossiers,
  onlineDossiers,
  ratio,
  target,
];
