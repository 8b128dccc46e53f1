// A small province computed by hand, as input grids, portal items and an .xlsx, for the sync's tests.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { RetryPolicy } from '../../sync/retry';
import { cellsView } from '../../sync/workbook/xlsx-cells-view';
import { ENTRY_HEADER, UNIT_HEADER } from '../contract-headers';
import { type FakeSheet, fakeSheet } from '../fakes/sheets-api/server';

export type Row = (string | number | null)[];

/** A retry policy that retries `attempts − 1` times at once: back-off without waiting, for fast tests. */
export const instantRetry = (attempts: number): RetryPolicy => ({
  attempts,
  baseDelayMs: 1,
  maxDelayMs: 5,
  random: () => 0,
  sleep: async () => {},
});

export const SETTINGS: Row[] = [
  ['Tham số', 'Giá trị', 'Diễn giải'],
  ['Năm', 2020, ''],
  ['Chỉ tiêu tối thiểu', '20%', ''],
  ['Nguồn ưu tiên', 'Cổng DVC', ''],
  ['Ngưỡng chênh lệch', '5%', ''],
  ['Điểm tối đa', 1, ''],
];

export const UNITS: Row[] = [
  UNIT_HEADER,
  ['SNV', 'Sở Nội vụ', 'Sở, ban, ngành', '', '30%', 'H28.01', 'snv@example.vn'],
  ['STP', 'Sở Tư pháp', 'SBN', '', 0.25, 'H28.02', 'stp@example.vn'],
  ['HLS', 'UBND huyện Lương Sơn', 'Huyện, thành phố', '', '25%', 'H28.10', ''],
  ['XHS', 'UBND xã Hòa Sơn', 'XA', 'HLS', '20%', 'H28.10.01', ''],
];

export const ENTRIES: Row[] = [
  ENTRY_HEADER,
  // Differs from the portal (4 of 20): shows in Đối chiếu; the portal wins (Nguồn ưu tiên).
  ['01/2020', 'STP', 20, 10, ''],
];

export const CATALOGUE: Row[] = [
  ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
  ['1.000456', 'Cấp Phiếu lý lịch tư pháp', 4],
  ['1.000532', 'Đăng ký khai sinh', 3],
];

/** The portal item builder of one month: agency, procedure, resolved and resolved online counts. */
export const monthItem =
  (year: number, month: number) =>
  (agencyCode: string, procedureCode: string, resolvedCount: number, resolvedOnlineCount: number) => ({
    agencyCode,
    procedureCode,
    year,
    month,
    resolvedCount,
    resolvedOnlineCount,
  });

/**
 * Every month the same per-procedure items. Per month: H28.01 → total 50 (40 + 10 of a procedure outside
 * the catalogue), online 10; H28.02 → 20 / 4; H28.10 → 30 / 6; H28.10.01 → 10 / 3; H99.99 matches no unit.
 */
export function portalItems(year: number, month: number): Record<string, unknown>[] {
  const item = monthItem(year, month);
  return [
    item('H28.01', '1.000456', 40, 10),
    item('H28.01', '9.999999', 10, 5),
    item('H28.02', '1.000532', 20, 4),
    item('H28.10', '1.000456', 30, 6),
    item('H28.10.01', '1.000456', 10, 3),
    item('H99.99', '1.000456', 5, 1),
  ];
}

/** The hand-computed Tỷ lệ through 03/2020 (three months of portalItems). */
export const EXPECTED_RATIO = {
  SNV: { total: 150, online: 30, ratio: 0.2, target: 0.3, status: 'Chưa đạt', needed: 15, points: 0.2 / 0.3 },
  STP: { total: 60, online: 12, ratio: 0.2, target: 0.25, status: 'Chưa đạt', needed: 3, points: 0.8 },
  HLS: { total: 90, online: 18, ratio: 0.2, target: 0.25, status: 'Chưa đạt', needed: 5, points: 0.8 },
  XHS: { total: 30, online: 9, ratio: 0.3, target: 0.2, status: 'Đạt', needed: 0, points: 1 },
} as const;

/** The input tabs of a province as the Sheets fake holds them (sheet ids 0, 11, 12, 13). */
export const inputSheets = (
  units: readonly (readonly unknown[])[] = UNITS,
  entries: readonly (readonly unknown[])[] = ENTRIES,
): FakeSheet[] => [
  fakeSheet(0, 'Cấu hình', SETTINGS),
  fakeSheet(11, 'Đơn vị', units),
  fakeSheet(12, 'Nhập liệu', entries),
  fakeSheet(13, 'Danh mục DVC', CATALOGUE),
];

export const INPUT_GRIDS = { settings: SETTINGS, units: UNITS, entries: ENTRIES, catalogue: CATALOGUE };

/** An .xlsx whose tabs are given in order (exceljs, like Excel, refuses names equal but for case). */
export async function writeXlsxTabs(
  path: string,
  tabs: Iterable<readonly [string, readonly (readonly unknown[])[]]>,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of tabs) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

/** The four input tabs in tab order, as a province would keep them (contract §2 names typed out). */
export const PROVINCE_TABS: readonly (readonly [string, Row[]])[] = [
  ['Cấu hình', SETTINGS],
  ['Đơn vị', UNITS],
  ['Nhập liệu', ENTRIES],
  ['Danh mục DVC', CATALOGUE],
];

/** An .xlsx with the four input tabs, as a province would keep it. */
export async function writeProvinceXlsx(path: string, extraTabs: Record<string, Row[]> = {}): Promise<void> {
  const tabs: Record<string, Row[]> = { ...Object.fromEntries(PROVINCE_TABS), ...extraTabs };
  await writeXlsxTabs(path, Object.entries(tabs));
}

/** Every tab of an .xlsx as plain values (formulas → results, rich text → text, merged cells once), trailing blanks dropped. */
export async function readXlsxTabs(path: string): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  // As the sync reads cells: without the drawings, comments and tables exceljs cannot always place.
  await workbook.xlsx.load((await cellsView(readFileSync(path))) as unknown as ExcelJS.Buffer);
  const tabs = new Map<string, unknown[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, index) => {
      const values: unknown[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        // exceljs shows a merged range's value in every cell of it; the file holds it in the first only.
        const v = cell.isMerged && cell.master !== cell ? null : cell.value;
        values.push(
          v === null || v === undefined
            ? ''
            : typeof v === 'object' && 'richText' in v
              ? v.richText.map((p) => p.text).join('')
              : v,
        );
      }
      while (values.length > 0 && values[values.length - 1] === '') values.pop();
      rows[index - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    tabs.set(sheet.name, rows);
  }
  return tabs;
}

/** A grid without trailing blank cells ('' or null) on each row and without trailing empty rows. */
export const trimGrid = (grid: readonly (readonly unknown[])[]): unknown[][] => {
  const rows = grid.map((row) => {
    const out = [...row];
    while (out.length > 0 && (out[out.length - 1] === '' || out[out.length - 1] === null)) out.pop();
    return out;
  });
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
  return rows;
};

/** Rows of a tab as objects keyed by header, the header row being the first containing `anchor`. */
export function records(grid: unknown[][] | undefined, anchor = 'Mã đơn vị'): Record<string, unknown>[] {
  if (!grid) return [];
  const headerIndex = grid.findIndex((row) => row.includes(anchor));
  const header = (grid[headerIndex] ?? []) as string[];
  return grid
    .slice(headerIndex + 1)
    .map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/**
 * Text as Excel on a Vietnamese Windows saves "CSV (Comma delimited)": Windows-1258, where letters with a
 * circumflex, breve or horn are single bytes and tone marks are combining characters after them.
 */
export function windows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const staged = [...text.normalize('NFC')]
    .map((ch) => {
      const direct = iconv.encode(ch, 'windows-1258');
      if (!(direct.length === 1 && direct[0] === 0x3f && ch !== '?')) return ch;
      const decomposed = ch.normalize('NFD');
      return decomposed.replace(tones, '').normalize('NFC') + (decomposed.match(tones) ?? []).join('');
    })
    .join('');
  const bytes = iconv.encode(staged, 'windows-1258');
  // Every character had a byte: no '?' stand-ins.
  if (bytes.includes(0x3f)) throw new Error(`not encodable in Windows-1258: ${text}`);
  return bytes;
}
