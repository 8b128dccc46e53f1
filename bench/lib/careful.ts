// A careful hand-written recompute: one getValues per input tab, one setValues per output tab (the floor to compare with).
import {
  type App,
  RANKING_HEADER,
  RATIO_HEADER,
  type Ranked,
  rankingRows,
  rateUnit,
  unitTotals,
} from './baseline';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A whole input tab in one read, without its header row. */
function readTab(book: Spreadsheet, name: string): unknown[][] {
  const sheet = book.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues().slice(1) : [];
}

/** Replaces an output tab with `rows` in one write (after clearing what was there). */
function writeTab(book: Spreadsheet, name: string, rows: unknown[][]): void {
  const sheet = book.getSheetByName(name) ?? book.insertSheet(name);
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, (rows[0] ?? []).length).setValues(rows);
}

/** The same Tỷ lệ and Xếp hạng as the naive script (bench/lib/naive.ts), with block reads and writes. */
export function carefulRecompute(app: App): number {
  const book = app.getActiveSpreadsheet();
  const units = readTab(book, 'Đơn vị');
  const totals = unitTotals(readTab(book, 'Dữ liệu Cổng DVC'), readTab(book, 'Nhập liệu'));

  const ratio: unknown[][] = [RATIO_HEADER];
  const ranked: Ranked[] = [];
  for (const unit of units) {
    const rated = rateUnit(unit, totals);
    ratio.push(rated.row);
    if (rated.ranked) ranked.push(rated.ranked);
  }
  writeTab(book, 'Tỷ lệ', ratio);
  writeTab(book, 'Xếp hạng', [RANKING_HEADER, ...rankingRows(ranked)]);
  return units.length;
}
