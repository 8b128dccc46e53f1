// Problems of the portal feed read back from Dữ liệu Cổng DVC, so the add-in's recompute and the sync derive the same.
import type { Catalogue } from './catalogue';
import { type Cell, cellAddress, type Grid, isBlank, pick, readTable, showCell } from './cells';
import { type ClassificationKey, COL, MSG, TAB, VOCABULARY } from './labels';
import { parseCount } from './parse';
import type { Problem } from './problems';
import { clean } from './text';

/** What Dữ liệu Cổng DVC tells about the feed behind it, summed over its rows. */
export interface FeedCounts {
  /** Rows with at least one procedure code (per-procedure figures, not aggregated). */
  readonly codedRows: number;
  /** Of those, rows whose Số TTHC thuộc danh mục is known (absent in tabs of earlier versions). */
  readonly codedRowsKnown: number;
  /** Σ Số TTHC thuộc danh mục over the rows where it is known. */
  readonly inCatalogue: number;
  /** Σ Số dòng không có Mã TTHC. */
  readonly withoutProcedure: number;
}

const NONE: FeedCounts = { codedRows: 0, codedRowsKnown: 0, inCatalogue: 0, withoutProcedure: 0 };

/**
 * Sums the tab's per-unit-month counts. Số TTHC counts the empty code as one procedure when the unit-month
 * had rows without Mã TTHC, so that one is taken off. A tab without the newer columns reads as before:
 * every row with a Số TTHC above 0 is per procedure, and nothing more is known.
 */
export function feedCounts(grid: Grid | undefined): FeedCounts {
  if (!grid || grid.length === 0) return NONE;
  const table = readTable(grid, COL.unitCode, [
    COL.procedureCount,
    COL.proceduresInCatalogue,
    COL.rowsWithoutProcedure,
  ]);
  if (table.headerRow < 0 || !table.columns.has(COL.procedureCount)) return NONE;
  const count = (cells: readonly Cell[], column: string): number | null => {
    if (!table.columns.has(column)) return null;
    const cell = pick(table, cells, column);
    return isBlank(cell) ? null : parseCount(cell);
  };
  let codedRows = 0;
  let codedRowsKnown = 0;
  let inCatalogue = 0;
  let withoutProcedure = 0;
  for (const { cells } of table.rows) {
    const procedures = count(cells, COL.procedureCount);
    if (procedures === null) continue;
    const without = count(cells, COL.rowsWithoutProcedure) ?? 0;
    withoutProcedure += without;
    if (procedures - (without > 0 ? 1 : 0) <= 0) continue;
    codedRows++;
    const known = count(cells, COL.proceduresInCatalogue);
    if (known === null) continue;
    codedRowsKnown++;
    inCatalogue += known;
  }
  return { codedRows, codedRowsKnown, inCatalogue, withoutProcedure };
}

/**
 * Contract §8.4 and §8.3 from the tab: per-procedure rows against an empty catalogue, or rows none of
 * whose procedures were in the catalogue when the sync filtered them, are one Lỗi on Danh mục DVC (the
 * figures are still written); rows without Mã TTHC are one Cảnh báo with their number.
 */
export function feedProblems(
  grid: Grid | undefined,
  catalogue: Catalogue,
  classification: ClassificationKey,
): Problem[] {
  const counts = feedCounts(grid);
  const name = VOCABULARY[classification].catalogueName;
  const problems: Problem[] = [];
  const problem = (tab: string, severity: Problem['severity'], message: string): Problem => ({
    tab,
    cell: '',
    unitCode: '',
    month: '',
    severity,
    message,
  });
  if (counts.codedRows > 0 && catalogue.codes.size === 0)
    problems.push(problem(TAB.catalogue, 'error', MSG.catalogueEmpty(name)));
  // Only when every per-procedure row says so: a row of an earlier version could have matched.
  else if (counts.codedRows > 0 && counts.codedRows === counts.codedRowsKnown && counts.inCatalogue === 0)
    problems.push(problem(TAB.catalogue, 'error', MSG.catalogueUnmatched(name, counts.codedRowsKnown)));
  if (counts.withoutProcedure > 0)
    problems.push(problem(TAB.portal, 'warning', MSG.rowsWithoutProcedure(counts.withoutProcedure, name)));
  problems.push(...emptyAnswerProblems(grid));
  return problems;
}

/**
 * Contract §10.1 from the tab: rows a run was answered nothing for, and kept, carry that run's time in
 * `Nguồn trả về rỗng lúc`. One Cảnh báo per month and run when every row of the month is such a row (an
 * answer for the whole province), else one per unit (answers per unit and month, or a month partly
 * replaced since), at the first such row. `onlyAt`: those of the run of that time alone.
 */
export function emptyAnswerProblems(grid: Grid | undefined, onlyAt?: string): Problem[] {
  if (!grid || grid.length === 0) return [];
  const table = readTable(grid, COL.unitCode, [COL.month, COL.unitCode, COL.portalCode, COL.emptyAnswerAt]);
  if (table.headerRow < 0 || !table.columns.has(COL.emptyAnswerAt)) return [];
  const rowsOfMonth = new Map<string, number>();
  const groups = new Map<
    string,
    { month: string; at: string; cell: string; units: Map<string, string>; rows: number }
  >();
  for (const { index, cells } of table.rows) {
    const month = showCell(pick(table, cells, COL.month));
    rowsOfMonth.set(month, (rowsOfMonth.get(month) ?? 0) + 1);
    const at = showCell(pick(table, cells, COL.emptyAnswerAt));
    if (at === '' || (onlyAt !== undefined && at !== onlyAt)) continue;
    const key = `${month}\u0000${at}`;
    const group = groups.get(key) ?? {
      month,
      at,
      cell: cellAddress(table, index, COL.emptyAnswerAt),
      units: new Map(),
      rows: 0,
    };
    groups.set(key, group);
    group.rows++;
    const unit = clean(pick(table, cells, COL.unitCode)) || clean(pick(table, cells, COL.portalCode));
    if (!group.units.has(unit)) group.units.set(unit, cellAddress(table, index, COL.emptyAnswerAt));
  }
  const problems: Problem[] = [];
  for (const group of groups.values()) {
    const warn = (cell: string, unitCode: string, rows: number) =>
      problems.push({
        tab: TAB.portal,
        cell,
        unitCode,
        month: group.month,
        severity: 'warning',
        message: MSG.emptyAnswerKept(group.month, group.at, rows),
      });
    if (group.rows === rowsOfMonth.get(group.month)) warn(group.cell, '', group.rows);
    else for (const [unit, cell] of group.units) warn(cell, unit, 1);
  }
  return problems;
}
