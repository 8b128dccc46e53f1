// The tabs of CONTRACT.md: the header row of each, in the order the product writes it.
import { COL, TAB, type TabName } from './labels';

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
export const RATIO_HEADER = [
  COL.unitCode,
  COL.unitName,
  COL.group,
  COL.parentCode,
  COL.totalDossiers,
  COL.onlineDossiers,
  COL.ratio,
  COL.target,
  COL.status,
  COL.needed,
  COL.points,
  COL.source,
  COL.forecast,
  COL.neededPerMonth,
  COL.monthsReported,
] as const;
export const RANKING_HEADER = [
  COL.rankScope,
  COL.rank,
  COL.unitCode,
  COL.unitName,
  COL.ratio,
  COL.target,
  COL.status,
  COL.rankChange,
  COL.previousRank,
  COL.totalDossiers,
  COL.onlineDossiers,
  COL.points,
] as const;
export const PROBLEMS_HEADER = [
  COL.tab,
  COL.cell,
  COL.unitCode,
  COL.month,
  COL.severity,
  COL.message,
] as const;
export const PORTAL_HEADER = [
  COL.month,
  COL.unitCode,
  COL.resolved,
  COL.online,
  COL.procedureCount,
  COL.updatedAt,
] as const;
export const RECONCILIATION_HEADER = [
  COL.month,
  COL.unitCode,
  COL.unitName,
  COL.portalResolved,
  COL.enteredResolved,
  COL.portalOnline,
  COL.enteredOnline,
  COL.portalRatio,
  COL.enteredRatio,
  COL.difference,
  COL.usedSource,
] as const;
export const SYNC_LOG_HEADER = [
  COL.startedAt,
  COL.result,
  COL.unitCount,
  COL.portalRows,
  COL.duration,
  COL.errorText,
] as const;
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
];

/** Newest rows kept in Nhật ký đồng bộ. */
export const SYNC_LOG_LIMIT = 1000;
