// The Danh mục DVC tab: the approved level-3/4 catalogue used to filter the portal's per-procedure rows.
import { cellAddress, type Grid, isBlank, pick, readTable, showCell } from './cells';
import { COL, MSG, TAB } from './labels';
import type { ProblemLog } from './problems';
import { clean, fold } from './text';

export interface Catalogue {
  /** Folded procedure codes of the approved catalogue. */
  readonly codes: ReadonlySet<string>;
  readonly present: boolean;
}

export function readCatalogue(grid: Grid | undefined, problems: ProblemLog): Catalogue {
  const tab = TAB.catalogue;
  const codes = new Set<string>();
  if (!grid || grid.length === 0) return { codes, present: false };
  const table = readTable(grid, COL.procedureCode, [COL.procedureCode, COL.procedureName, COL.level]);
  if (table.headerRow < 0) return { codes, present: false };
  const firstCell = new Map<string, string>();
  for (const { index, cells } of table.rows) {
    const code = clean(pick(table, cells, COL.procedureCode));
    if (code === '') continue;
    const key = fold(code);
    const seen = firstCell.get(key);
    if (seen !== undefined) {
      problems.warning(tab, cellAddress(table, index, COL.procedureCode), MSG.duplicateProcedure(code, seen));
      continue;
    }
    firstCell.set(key, cellAddress(table, index, COL.procedureCode));
    const level = pick(table, cells, COL.level);
    const levelText = showCell(level);
    if (!isBlank(level) && levelText !== '3' && levelText !== '4')
      problems.warning(tab, cellAddress(table, index, COL.level), MSG.badProcedureLevel(levelText));
    codes.add(key);
  }
  return { codes, present: true };
}
