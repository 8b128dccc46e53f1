// Builders of input grids and readers of output tables, shared by the core tests.
import {
  buildReport,
  type Cell,
  ENTRIES_HEADER,
  type Grid,
  MSG,
  type OutputTable,
  type Report,
  UNITS_HEADER,
  type WorkbookInput,
} from '../../src/core';

/** A moment late in 2020 in Vietnam, so the default year is 2020. */
export const NOW = new Date('2020-12-15T03:00:00Z');

export const settingsGrid = (rows: readonly (readonly [string, Cell])[]): Cell[][] => [
  ['Tham số', 'Giá trị'],
  ...rows.map(([name, value]) => [name, value]),
];

/** Đơn vị rows as [code, name, group, parent?, target?, portal codes?, emails?]. */
export const unitsGrid = (rows: readonly (readonly Cell[])[]): Cell[][] => [
  [...UNITS_HEADER],
  ...rows.map((r) => [...r]),
];

/** Nhập liệu rows as [Kỳ, Mã đơn vị, total, online]. */
export const entriesGrid = (rows: readonly (readonly Cell[])[]): Cell[][] => [
  [...ENTRIES_HEADER],
  ...rows.map((r) => [...r]),
];

export const portalGrid = (rows: readonly (readonly Cell[])[]): Cell[][] => [
  ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4', 'Số TTHC'],
  ...rows.map((r) => [...r]),
];

export const year2020: Cell[][] = settingsGrid([['Năm', 2020]]);

export function report(input: WorkbookInput, through?: { year: number; month: number }): Report {
  return buildReport({ settings: year2020, ...input }, { now: NOW, through: through ?? null });
}

/** Data rows of an output table as records keyed by header text. */
export function records(table: OutputTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((name, index) => [name, row[index]])));
}

/** The Tỷ lệ row of one unit. */
export function ratioRow(result: Report, code: string): Record<string, Cell> {
  const row = records(result.tables.ratio).find((r) => r['Mã đơn vị'] === code);
  if (!row) throw new Error(`no Tỷ lệ row for ${code}`);
  return row;
}

/** The Xếp hạng rows of one scope, in table order. */
export const rankingOf = (result: Report, scope: string): Record<string, Cell>[] =>
  records(result.tables.ranking).filter((r) => r['Nhóm xếp hạng'] === scope);

/** Kiểm tra rows, every one. */
export const allProblemsOf = (result: Report): Record<string, Cell>[] => records(result.tables.problems);

/** The missing-figure reminder that starts a Kiểm tra message (test/core/reminders.test.ts pins them). */
const MISSING = MSG.missingFigures('').split(' ').slice(0, 5).join(' ');

/** Kiểm tra rows but the missing-figure reminders, which most tests' partial months would add. */
export const problemsOf = (result: Report): Record<string, Cell>[] =>
  allProblemsOf(result).filter((row) => !String(row['Nội dung']).startsWith(MISSING));

/** Every string cell of a grid mapped through f. */
export const mapStrings = (grid: Grid | undefined, f: (text: string) => string): Cell[][] | undefined =>
  grid?.map((row) => row.map((cell) => (typeof cell === 'string' ? f(cell) : cell)));
