// Monthly figures from Nhập liệu and Dữ liệu Cổng DVC: validated, merged by source priority, summed to date.
import {
  type Cell,
  cellAddress,
  FORMULA_WITHOUT_VALUE,
  formulaProblem,
  type Grid,
  type HeaderedTable,
  isBlank,
  pick,
  readTable,
  quoteCell as showCell,
} from './cells';
import { COL, MSG, TAB } from './labels';
import { formatMonth, type Month, monthIndex } from './month';
import { parseCount, parseMonth } from './parse';
import type { ProblemLog } from './problems';
import { COLUMN_ALIASES, inVocabulary } from './schema';
import type { Settings, SourceKey } from './settings';
import { clean, excerpt, fold } from './text';
import type { UnitDirectory } from './units';

export interface MonthFigure {
  readonly resolved: number;
  readonly online: number;
}

/** A month whose error cannot be placed in time (bad or missing Kỳ). */
export const UNKNOWN_MONTH = -1;

/** One source's figures: valid unit-months, unit-months with errors, and months that have reports. */
export interface SourceFigures {
  readonly valid: Map<string, Map<number, MonthFigure>>;
  readonly errors: Map<string, Set<number>>;
  /** Month indices of the tracked year with at least one filled row (they extend the period). */
  readonly reported: Set<number>;
}

const FIGURE_COLUMNS = [COL.month, COL.unitCode, COL.resolved, COL.online] as const;

/**
 * Reads Nhập liệu (kind `entered`) or Dữ liệu Cổng DVC (kind `portal`): one row per unit and month.
 * Entered rows are strict: every problem is a Lỗi. Portal rows with an unmapped agency are a Cảnh báo,
 * and portal rows of another year are ignored, since the sync writes only the tracked year.
 */
export function readFigures(
  grid: Grid | undefined,
  kind: SourceKey,
  units: UnitDirectory,
  settings: Settings,
  problems: ProblemLog,
): SourceFigures {
  const tab = kind === 'entered' ? TAB.entries : TAB.portal;
  const figures: SourceFigures = { valid: new Map(), errors: new Map(), reported: new Set() };
  if (!grid || grid.length === 0) {
    if (kind === 'entered') problems.error(tab, '', MSG.missingTab(tab));
    return figures;
  }
  // Dữ liệu Cổng DVC names a code no unit has in Mã trên Cổng DVC, Mã đơn vị left empty (contract §10.1).
  const table = readTable(
    grid,
    COL.unitCode,
    kind === 'portal' ? [...FIGURE_COLUMNS, COL.portalCode] : FIGURE_COLUMNS,
    COLUMN_ALIASES,
  );
  // A renamed or merged header must say which column is gone, not drop every figure quietly.
  if (table.headerRow < 0) {
    problems.error(tab, '', MSG.missingHeaderRow(tab, COL.unitCode));
    return figures;
  }
  // Only the figures' own columns are required: a tab of an earlier version has no Mã trên Cổng DVC.
  const missing = table.missing.filter((column) => column !== COL.portalCode);
  if (missing.length > 0) {
    for (const column of inVocabulary(missing, settings.classification))
      problems.error(tab, '', MSG.missingColumnIgnored(tab, column));
    return figures;
  }
  // Messages name the online column as this tab's header says it.
  const onlineHeader = grid[table.headerRow]?.[table.columns.get(COL.online) ?? 0];
  const onlineName = fold(onlineHeader) === fold(COL.onlineModes) ? COL.onlineModes : COL.online;

  const flag = (unitKey: string, month: number) => {
    const set = figures.errors.get(unitKey) ?? new Set<number>();
    figures.errors.set(unitKey, set);
    set.add(month);
  };
  // Row index of the first row of each unit-month, to report duplicates.
  const firstRow = new Map<string, Map<number, number>>();
  // Codes and month texts repeat once per month and unit: parse each distinct value once.
  const unitOf = memo((raw: Cell) => {
    const codeText = clean(raw);
    return { codeText, unit: codeText === '' ? undefined : units.resolve(codeText) };
  });
  const monthOf = memo(parseMonth);
  // One reporter for every row (no closures per row: a province has hundreds of thousands of rows).
  const row = new RowReporter(tab, table, problems);

  for (const { index, cells } of table.rows) {
    const resolvedCell = pick(table, cells, COL.resolved);
    const onlineCell = pick(table, cells, COL.online);
    // Both counts empty: a month not yet reported; nothing to check.
    if (isBlank(resolvedCell) && isBlank(onlineCell)) continue;

    const unitCell = pick(table, cells, COL.unitCode);
    const monthCell = pick(table, cells, COL.month);
    let { codeText, unit } = unitOf(unitCell);
    const byPortalCode = kind === 'portal' && codeText === '';
    if (byPortalCode) {
      // A portal code no unit had when the sync wrote the row: counted only once it is some unit's portal code.
      codeText = clean(pick(table, cells, COL.portalCode));
      unit = codeText === '' ? undefined : units.resolveAgency(codeText);
    }
    const month = monthOf(monthCell);
    row.start(index, unit?.code ?? codeText, month, monthCell);
    // A formula with no usable value in Mã đơn vị or Kỳ: say so, rather than "unknown unit" or "bad month".
    if (row.formula(unitCell, COL.unitCode)) continue;

    if (codeText === '') {
      row.error(COL.unitCode, MSG.missingUnitCode);
      continue;
    }
    if (!unit) {
      if (kind === 'portal')
        row.warning(byPortalCode ? COL.portalCode : COL.unitCode, MSG.unmappedAgency(excerpt(codeText)));
      else row.error(COL.unitCode, MSG.unknownUnit(excerpt(codeText)));
      continue;
    }
    let index12: number = UNKNOWN_MONTH;
    let rowOk = true;
    if (isBlank(monthCell)) {
      row.error(COL.month, MSG.missingMonth);
      rowOk = false;
    } else if (row.formula(monthCell, COL.month)) rowOk = false;
    else if (!month) {
      row.error(COL.month, MSG.badMonth(showCell(monthCell)));
      rowOk = false;
    } else if (month.year !== settings.year) {
      if (kind === 'portal') continue;
      row.error(COL.month, MSG.monthOutsideYear(row.monthText(), settings.year));
      flag(unit.key, UNKNOWN_MONTH);
      continue;
    } else index12 = monthIndex(month);

    const resolved = row.count(resolvedCell, COL.resolved);
    const online = row.count(onlineCell, COL.online, onlineName);
    if (resolved === null || online === null) rowOk = false;
    else if (online > resolved) {
      row.error(COL.online, MSG.onlineAboveTotal(online, resolved));
      rowOk = false;
    }

    if (index12 !== UNKNOWN_MONTH) {
      const seen = firstRow.get(unit.key) ?? new Map<number, number>();
      firstRow.set(unit.key, seen);
      const first = seen.get(index12);
      if (first !== undefined) {
        const firstCell = cellAddress(table, first, COL.unitCode);
        row.error(COL.unitCode, MSG.duplicateMonth(unit.code, row.monthText(), firstCell));
        rowOk = false;
      } else seen.set(index12, index);
    }
    if (!rowOk || resolved === null || online === null) {
      flag(unit.key, index12);
      continue;
    }
    const months = figures.valid.get(unit.key) ?? new Map<number, MonthFigure>();
    figures.valid.set(unit.key, months);
    months.set(index12, { resolved, online });
  }

  // A unit-month with an error anywhere (a duplicate flags its first row too) contributes nothing.
  for (const [unitKey, months] of figures.errors) {
    const valid = figures.valid.get(unitKey);
    if (!valid) continue;
    for (const month of months) valid.delete(month);
    if (valid.size === 0) figures.valid.delete(unitKey);
  }
  // Only unit-months that contribute figures extend the period (contract §8.4): a row with an error does not.
  for (const months of figures.valid.values()) for (const month of months.keys()) figures.reported.add(month);
  return figures;
}

/** Reports the problems of the row being read, at the cell of a named column, with its unit and month. */
class RowReporter {
  private index = 0;
  private code = '';
  private month: Month | null = null;
  private monthCell: Cell = null;

  constructor(
    private readonly tab: string,
    private readonly table: HeaderedTable,
    private readonly problems: ProblemLog,
  ) {}

  start(index: number, code: string, month: Month | null, monthCell: Cell): void {
    this.index = index;
    this.code = code;
    this.month = month;
    this.monthCell = monthCell;
  }

  monthText(): string {
    return this.month ? formatMonth(this.month) : showCell(this.monthCell);
  }

  error(column: string, message: string): void {
    const at = cellAddress(this.table, this.index, column);
    this.problems.error(this.tab, at, message, this.code, this.monthText());
  }

  warning(column: string, message: string): void {
    const at = cellAddress(this.table, this.index, column);
    this.problems.warning(this.tab, at, message, this.code, this.monthText());
  }

  /** A formula cell without a usable value (none cached, or an error such as #REF!) is reported: true. */
  formula(cell: Cell, column: string, name = column): boolean {
    const problem = formulaProblem(cell);
    if (problem === null) return false;
    this.error(
      column,
      problem === FORMULA_WITHOUT_VALUE ? MSG.formulaWithoutValue(name) : MSG.formulaError(name, problem),
    );
    return true;
  }

  /** A count cell: empty and unreadable counts are reported and give null. */
  count(cell: Cell, column: string, name = column): number | null {
    if (isBlank(cell)) {
      this.error(column, MSG.missingCount(name));
      return null;
    }
    if (this.formula(cell, column, name)) return null;
    const value = parseCount(cell);
    if (value === null) this.error(column, MSG.badCount(name, showCell(cell)));
    return value;
  }
}

/** Caches a pure function of a cell for text values, which repeat across rows. */
function memo<T>(fn: (cell: Cell) => T): (cell: Cell) => T {
  const cache = new Map<string, T>();
  return (cell) => {
    if (typeof cell !== 'string') return fn(cell);
    const hit = cache.get(cell);
    if (hit !== undefined || cache.has(cell)) return hit as T;
    const value = fn(cell);
    cache.set(cell, value);
    return value;
  };
}

/** A unit's figures through a month: sums, sources used, months reported, error flag. */
export interface UnitTotals {
  readonly resolved: number;
  readonly online: number;
  readonly sources: ReadonlySet<SourceKey>;
  readonly months: ReadonlyMap<number, MonthFigure>;
  readonly hasError: boolean;
}

/** A unit's figure for each month, chosen by Nguồn ưu tiên, in month order, and its months with errors. */
export interface UnitMonths {
  readonly chosen: readonly {
    readonly month: number;
    readonly figure: MonthFigure;
    readonly source: SourceKey;
  }[];
  readonly errorMonths: ReadonlySet<number>;
}

const NO_ERRORS: ReadonlySet<number> = new Set();

/** Chooses each unit-month's figure by `Nguồn ưu tiên`; a unit-month with an error in either source has none. */
export function mergeUnit(
  unitKey: string,
  entered: SourceFigures,
  portal: SourceFigures,
  priority: SourceKey,
): UnitMonths {
  const enteredErrors = entered.errors.get(unitKey);
  const portalErrors = portal.errors.get(unitKey);
  let errorMonths = enteredErrors ?? portalErrors ?? NO_ERRORS;
  if (enteredErrors && portalErrors) errorMonths = new Set([...enteredErrors, ...portalErrors]);
  const fromEntered = entered.valid.get(unitKey);
  const fromPortal = portal.valid.get(unitKey);
  const chosen: { month: number; figure: MonthFigure; source: SourceKey }[] = [];
  const take = (month: number) => {
    if (errorMonths.has(month)) return;
    const e = fromEntered?.get(month);
    const p = fromPortal?.get(month);
    if (e !== undefined && (p === undefined || priority === 'entered'))
      chosen.push({ month, figure: e, source: 'entered' });
    else if (p !== undefined) chosen.push({ month, figure: p, source: 'portal' });
  };
  if (fromEntered) for (const month of fromEntered.keys()) take(month);
  if (fromPortal) for (const month of fromPortal.keys()) if (!fromEntered?.has(month)) take(month);
  chosen.sort((a, b) => a.month - b.month);
  return { chosen, errorMonths };
}

/**
 * Sums a unit's chosen months up to `through`; an error in those months (or an undated one) flags it.
 * With `anyError`, an error in any month flags it: the period was taken from the figures, and an error
 * row does not move it (contract §8.4), yet the unit still says Số liệu lỗi until it is fixed (§3).
 */
export function totalsThrough(merged: UnitMonths, through: Month | null, anyError = false): UnitTotals {
  const last = through ? monthIndex(through) : Number.NEGATIVE_INFINITY;
  let hasError = false;
  for (const month of merged.errorMonths)
    if (anyError || month === UNKNOWN_MONTH || month <= last) hasError = true;
  const months = new Map<number, MonthFigure>();
  const sources = new Set<SourceKey>();
  let resolved = 0;
  let online = 0;
  for (const { month, figure, source } of merged.chosen) {
    if (month > last) break;
    sources.add(source);
    months.set(month, figure);
    resolved += figure.resolved;
    online += figure.online;
  }
  return { resolved, online, sources, months, hasError };
}
