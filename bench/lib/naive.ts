// The way hand-made Apps Script usually recomputes: one getRange/getValue per cell read, one write per row.
import {
  type App,
  RANKING_HEADER,
  RATIO_HEADER,
  type Ranked,
  rankingRows,
  rateUnit,
  unitTotals,
} from './baseline';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reads column cells of every data row, one call pair per cell, as a loop over getRange(r, c).getValue(). */
function readRows(sheet: Sheet, columns: number): unknown[][] {
  const rows: unknown[][] = [];
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= columns; c++) row.push(sheet.getRange(r, c).getValue());
    rows.push(row);
  }
  return rows;
}

function outputSheet(app: App, name: string): Sheet {
  const book = app.getActiveSpreadsheet();
  const sheet = book.getSheetByName(name) ?? book.insertSheet(name);
  sheet.clearContents();
  return sheet;
}

/** Tỷ lệ and Xếp hạng, columns by position, sums per unit (portal months win), written row by row. */
export function naiveRecompute(app: App): number {
  const book = app.getActiveSpreadsheet();
  const units = readRows(book.getSheetByName('Đơn vị') as Sheet, 5);
  const portalRows = readRows(book.getSheetByName('Dữ liệu Cổng DVC') as Sheet, 4);
  const totals = unitTotals(portalRows, readRows(book.getSheetByName('Nhập liệu') as Sheet, 4));

  const ratio = outputSheet(app, 'Tỷ lệ');
  ratio.getRange(1, 1, 1, RATIO_HEADER.length).setValues([RATIO_HEADER]);
  const ranked: Ranked[] = [];
  units.forEach((unit, i) => {
    const rated = rateUnit(unit, totals);
    ratio.getRange(i + 2, 1, 1, rated.row.length).setValues([rated.row]);
    if (rated.ranked) ranked.push(rated.ranked);
  });

  const ranking = outputSheet(app, 'Xếp hạng');
  ranking.getRange(1, 1, 1, RANKING_HEADER.length).setValues([RANKING_HEADER]);
  rankingRows(ranked).forEach((row, i) => {
    ranking.getRange(i + 2, 1, 1, row.length).setValues([row]);
  });
  return units.length;
}
