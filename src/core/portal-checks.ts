// Problems of the portal feed read back from Dữ liệu Cổng DVC, so the add-in's recompute and the sync derive the same.
import type { Catalogue } from './catalogue';
import { type Cell, type Grid, isBlank, pick, readTable } from './cells';
import { type ClassificationKey, COL, MSG, TAB, VOCABULARY } from './labels';
import { parseCount } from './parse';
import type { Problem } from './problems';

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
  return problems;
}
