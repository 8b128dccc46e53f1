// The way hand-made Apps Script usually recomputes: one getRange/getValue per cell read, one write per row.

type App = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet'>;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Totals {
  total: number;
  online: number;
}

const RATIO_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Nhóm',
  'Tổng số hồ sơ',
  'Hồ sơ trực tuyến mức độ 3, 4',
  'Tỷ lệ',
  'Chỉ tiêu',
  'Đánh giá',
];
const RANKING_HEADER = ['Nhóm xếp hạng', 'Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tỷ lệ'];

function percent(cell: unknown): number {
  if (typeof cell === 'number') return cell > 1 ? cell / 100 : cell;
  const text = String(cell).replace('%', '').replace(',', '.').trim();
  return text === '' ? 0.2 : Number(text) / 100;
}

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
  const totals = new Map<string, Totals>();
  const add = (rows: unknown[][], seen: Set<string> | null) => {
    for (const [month, code, total, online] of rows) {
      const key = `${String(code)}|${String(month)}`;
      if (seen?.has(key)) continue;
      const sum = totals.get(String(code)) ?? { total: 0, online: 0 };
      sum.total += Number(total) || 0;
      sum.online += Number(online) || 0;
      totals.set(String(code), sum);
    }
  };
  const portalRows = readRows(book.getSheetByName('Dữ liệu Cổng DVC') as Sheet, 4);
  add(portalRows, null);
  add(
    readRows(book.getSheetByName('Nhập liệu') as Sheet, 4),
    new Set(portalRows.map((r) => `${r[1]}|${r[0]}`)),
  );

  const ratio = outputSheet(app, 'Tỷ lệ');
  ratio.getRange(1, 1, 1, RATIO_HEADER.length).setValues([RATIO_HEADER]);
  const ranked: { group: string; code: string; name: string; ratio: number }[] = [];
  units.forEach(([code, name, group, , target], i) => {
    const sum = totals.get(String(code)) ?? { total: 0, online: 0 };
    const value = sum.total > 0 ? sum.online / sum.total : '';
    const goal = percent(target);
    const status = value === '' ? 'Không phát sinh hồ sơ' : value >= goal ? 'Đạt' : 'Chưa đạt';
    const row = [code, name, group, sum.total, sum.online, value, goal, status];
    ratio.getRange(i + 2, 1, 1, row.length).setValues([row]);
    if (value !== '')
      ranked.push({ group: String(group), code: String(code), name: String(name), ratio: value });
  });

  const ranking = outputSheet(app, 'Xếp hạng');
  ranking.getRange(1, 1, 1, RANKING_HEADER.length).setValues([RANKING_HEADER]);
  ranked.sort((a, b) => a.group.localeCompare(b.group) || b.ratio - a.ratio);
  let place = 0;
  let previous = '';
  ranked.forEach((unit, i) => {
    place = unit.group === previous ? place + 1 : 1;
    previous = unit.group;
    const row = [unit.group, place, unit.code, unit.name, unit.ratio];
    ranking.getRange(i + 2, 1, 1, row.length).setValues([row]);
  });
  return units.length;
}
