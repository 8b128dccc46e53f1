// The Danh mục DVC tab: the approved catalogue (levels 3, 4 or toàn trình, một phần) that filters per-procedure rows.
import { cellAddress, type Grid, isBlank, pick, quoteCell, readTable } from './cells';
import { CATALOGUE_LEVELS, COL, MSG, TAB } from './labels';
import type { ProblemLog } from './problems';
import { clean, excerpt, fold } from './text';

/** Mức độ values accepted whatever Cách phân loại says (contract §8.1), compared as section 2 says. */
const LEVEL_KEYS: ReadonlySet<string> = new Set(CATALOGUE_LEVELS.map(fold));

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
  if (table.headerRow < 0) {
    // A tab with content but no Mã TTHC header (renamed or merged) would filter out every online dossier.
    if (grid.some((row) => row.some((cell) => !isBlank(cell))))
      problems.error(tab, '', MSG.missingHeaderRow(tab, COL.procedureCode));
    return { codes, present: false };
  }
  const firstCell = new Map<string, string>();
  for (const { index, cells } of table.rows) {
    const code = clean(pick(table, cells, COL.procedureCode));
    if (code === '') continue;
    const key = fold(code);
    const seen = firstCell.get(key);
    if (seen !== undefined) {
      problems.warning(
        tab,
        cellAddress(table, index, COL.procedureCode),
        MSG.duplicateProcedure(excerpt(code), seen),
      );
      continue;
    }
    firstCell.set(key, cellAddress(table, index, COL.procedureCode));
    const level = pick(table, cells, COL.level);
    if (!isBlank(level) && !LEVEL_KEYS.has(fold(level)))
      problems.warning(tab, cellAddress(table, index, COL.level), MSG.badProcedureLevel(quoteCell(level)));
    codes.add(key);
  }
  return { codes, present: true };
}
