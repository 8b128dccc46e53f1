// A careful hand-written recompute: one getValues per input tab, one setValues per output tab (the floor to compare with).

type App = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet'>;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  const portalRows = readTab(book, 'Dữ liệu Cổng DVC');
  const entryRows = readTab(book, 'Nhập liệu');
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
  add(portalRows, null);
  add(entryRows, new Set(portalRows.map((r) => `${r[1]}|${r[0]}`)));

  const ratio: unknown[][] = [RATIO_HEADER];
  const ranked: { group: string; code: string; name: string; ratio: number }[] = [];
  for (const [code, name, group, , target] of units) {
    const sum = totals.get(String(code)) ?? { total: 0, online: 0 };
    const value = sum.total > 0 ? sum.online / sum.total : '';
    const goal = percent(target);
    const status = value === '' ? 'Không phát sinh hồ sơ' : value >= goal ? 'Đạt' : 'Chưa đạt';
    ratio.push([code, name, group, sum.total, sum.online, value, goal, status]);
    if (value !== '')
      ranked.push({ group: String(group), code: String(code), name: String(name), ratio: value });
  }
  writeTab(book, 'Tỷ lệ', ratio);
  ranked.sort((a, b) => a.group.localeCompare(b.group) || b.ratio - a.ratio);
  const ranking: unknown[][] = [RANKING_HEADER];
  let place = 0;
  let previous = '';
  for (const unit of ranked) {
    place = unit.group === previous ? place + 1 : 1;
    previous = unit.group;
    ranking.push([unit.group, place, unit.code, unit.name, unit.ratio]);
  }
  writeTab(book, 'Xếp hạng', ranking);
  return units.length;
}
