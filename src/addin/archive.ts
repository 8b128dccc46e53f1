// When Năm changes: rows of other years leave Nhập liệu for an archive tab `Nhập liệu <năm>`, and the archive of Năm comes back.
import {
  archiveTab,
  type Cell,
  COL,
  COLUMN_ALIASES,
  columnKey,
  ENTRIES_HEADER,
  type Grid,
  parseMonth,
  readTable,
} from '../core';
import type { SheetValue } from './entry-layout';
import { toSheetValue } from './sheet-io';

// The archive's name is the core's: the sync's import copies these tabs too, and archives are input tabs.
export { archiveTab, isArchiveTab } from '../core';

export interface ArchiveMove {
  readonly year: number;
  readonly tab: string;
  /** The archive's header names, one per column, as Nhập liệu's header names them. */
  readonly header: string[];
  readonly rows: SheetValue[][];
}

export interface ArchivePlan {
  /** Nhập liệu as set-up should lay it out: other years' rows taken out, the archive of Năm's rows appended. */
  readonly values: Cell[][];
  readonly formulas: string[][];
  /** Rows to append to each other year's archive tab, oldest year first. */
  readonly moves: readonly ArchiveMove[];
  /** Rows brought back from the archive tab of Năm. */
  readonly restored: number;
}

const blank = (cell: Cell): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

interface Source {
  readonly values: Grid;
  readonly formulas: readonly (readonly string[])[];
}

/** Header names per column: the wanted names where the core found them, else the header row's own text. */
function headerNames(values: Grid, headerRow: number, columns: ReadonlyMap<string, number>, width: number) {
  const names = Array.from({ length: width }, (_, c) => String(values[headerRow]?.[c] ?? '').trim());
  // A found column keeps the sheet's own name when it is one of the column's names (either online header).
  for (const [name, c] of columns) if (columnKey(names[c]) !== columnKey(name)) names[c] = name;
  return names;
}

/**
 * Splits Nhập liệu for `year`. A row below the header whose Kỳ is a month of another year moves to
 * that year's archive when it carries anything besides its unit and month (a figure, a note, a
 * formula); an empty slot of another year is simply dropped, as set-up drops any empty slot. Rows of
 * the archive of `year` (`archive`) are appended below, matched to Nhập liệu's columns by header text,
 * so a set-up after Năm went back restores them. Nothing is ever lost: what cannot be placed stays.
 */
export function planArchive(entries: Source, year: number, archive: Source | undefined): ArchivePlan {
  const table = readTable(entries.values, COL.unitCode, ENTRIES_HEADER, COLUMN_ALIASES);
  const values = entries.values.map((row) => [...row]);
  const formulas = entries.formulas.map((row) => [...row]);
  if (table.headerRow < 0) return { values, formulas, moves: [], restored: 0 };
  const month = table.columns.get(COL.month) as number;
  const unit = table.columns.get(COL.unitCode) as number;
  const width = Math.max(...values.map((row) => row.length), ...formulas.map((row) => row.length), 1);
  const header = headerNames(values, table.headerRow, table.columns, width);
  const written = (r: number, c: number): SheetValue => {
    const formula = formulas[r]?.[c] ?? '';
    return formula !== '' ? formula : toSheetValue(values[r]?.[c]);
  };
  const hasContent = (r: number, skip: readonly number[]): boolean =>
    Array.from({ length: width }, (_, c) => c).some(
      (c) => !skip.includes(c) && (!blank(values[r]?.[c]) || (formulas[r]?.[c] ?? '') !== ''),
    );

  const byYear = new Map<number, SheetValue[][]>();
  const stay: number[] = [];
  for (let r = 0; r < values.length; r++) {
    const other = r > table.lastHeaderRow ? parseMonth(values[r]?.[month]) : null;
    if (!other || other.year === year) {
      stay.push(r);
      continue;
    }
    if (!hasContent(r, [month, unit])) continue;
    const rows = byYear.get(other.year) ?? [];
    rows.push(Array.from({ length: width }, (_, c) => written(r, c)));
    byYear.set(other.year, rows);
  }
  const keptValues = stay.map((r) => values[r] ?? []);
  const keptFormulas = stay.map((r) => formulas[r] ?? []);

  let restored = 0;
  if (archive) {
    const from = readTable(archive.values, COL.unitCode, ENTRIES_HEADER, COLUMN_ALIASES);
    if (from.headerRow >= 0) {
      const archiveWidth = Math.max(...archive.values.map((row) => row.length), 1);
      const names = headerNames(archive.values, from.headerRow, from.columns, archiveWidth);
      const target = new Map(
        header.map((name, c) => [columnKey(name), c] as const).filter(([key]) => key !== ''),
      );
      // Archive columns Nhập liệu lacks are added to its header, so no cell is left behind.
      const headerRowValues = keptValues[table.headerRow] as Cell[];
      const columnFor = names.map((name) => {
        if (blank(name)) return -1;
        const found = target.get(columnKey(name));
        if (found !== undefined) return found;
        const added = Math.max(headerRowValues.length, header.length);
        header[added] = name;
        headerRowValues[added] = name;
        target.set(columnKey(name), added);
        return added;
      });
      for (let r = from.lastHeaderRow + 1; r < archive.values.length; r++) {
        const source = archive.values[r] ?? [];
        const sourceFormulas = archive.formulas[r] ?? [];
        if (!source.some((cell) => !blank(cell)) && !sourceFormulas.some((f) => f !== '')) continue;
        const row: Cell[] = [];
        const rowFormulas: string[] = [];
        names.forEach((_, c) => {
          const to = columnFor[c] as number;
          if (to < 0) return;
          row[to] = source[c] ?? '';
          rowFormulas[to] = sourceFormulas[c] ?? '';
        });
        keptValues.push(Array.from({ length: header.length }, (_, c) => row[c] ?? ''));
        keptFormulas.push(Array.from({ length: header.length }, (_, c) => rowFormulas[c] ?? ''));
        restored++;
      }
    }
  }

  const moves = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, rows]) => ({ year: y, tab: archiveTab(y), header: header.slice(0, width), rows }));
  return { values: keptValues, formulas: keptFormulas, moves, restored };
}

/**
 * The rows to write below an existing archive tab's content, in the archive's own column order
 * (matched by header text; a column it lacks is added at its end). Returns the archive's header
 * (possibly widened) and the rows.
 */
export function alignToArchive(
  existingHeader: readonly Cell[],
  move: ArchiveMove,
): { header: SheetValue[]; rows: SheetValue[][] } {
  const header: SheetValue[] = existingHeader.map((cell) => toSheetValue(cell));
  const position = new Map<string, number>();
  header.forEach((cell, c) => {
    const key = columnKey(cell);
    if (key !== '' && !position.has(key)) position.set(key, c);
  });
  const columnFor = move.header.map((name) => {
    if (name === '') return -1;
    const found = position.get(columnKey(name));
    if (found !== undefined) return found;
    header.push(toSheetValue(name));
    position.set(columnKey(name), header.length - 1);
    return header.length - 1;
  });
  const rows = move.rows.map((source) => {
    const row: SheetValue[] = Array.from({ length: header.length }, () => '');
    source.forEach((cell, c) => {
      const to = columnFor[c] ?? -1;
      if (to >= 0) row[to] = cell;
      else if (cell !== '') row.push(cell); // a cell under no header still goes along
    });
    return row;
  });
  return { header, rows };
}
