// What the two hand-written baselines (careful.ts, naive.ts) compute alike: headers, sums, ratings, ranks.

export type App = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet'>;

interface Totals {
  total: number;
  online: number;
}

export interface Ranked {
  group: string;
  code: string;
  name: string;
  ratio: number;
}

export const RATIO_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Nhóm',
  'Tổng số hồ sơ',
  'Hồ sơ trực tuyến mức độ 3, 4',
  'Tỷ lệ',
  'Chỉ tiêu',
  'Đánh giá',
];
export const RANKING_HEADER = ['Nhóm xếp hạng', 'Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tỷ lệ'];

function percent(cell: unknown): number {
  if (typeof cell === 'number') return cell > 1 ? cell / 100 : cell;
  const text = String(cell).replace('%', '').replace(',', '.').trim();
  return text === '' ? 0.2 : Number(text) / 100;
}

/** Sums per unit code of [month, code, total, online] rows; a portal month wins over the entry of that month. */
export function unitTotals(portalRows: unknown[][], entryRows: unknown[][]): Map<string, Totals> {
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
  return totals;
}

/** The Tỷ lệ row of a unit row [code, name, group, parent, target], and its place in the ranking if it has one. */
export function rateUnit(
  unit: unknown[],
  totals: Map<string, Totals>,
): { row: unknown[]; ranked: Ranked | null } {
  const [code, name, group, , target] = unit;
  const sum = totals.get(String(code)) ?? { total: 0, online: 0 };
  const value = sum.total > 0 ? sum.online / sum.total : '';
  const goal = percent(target);
  const status = value === '' ? 'Không phát sinh hồ sơ' : value >= goal ? 'Đạt' : 'Chưa đạt';
  return {
    row: [code, name, group, sum.total, sum.online, value, goal, status],
    ranked:
      value === '' ? null : { group: String(group), code: String(code), name: String(name), ratio: value },
  };
}

/** Xếp hạng rows (without header): by group, best ratio first, places counted within each group. */
export function rankingRows(ranked: Ranked[]): unknown[][] {
  ranked.sort((a, b) => a.group.localeCompare(b.group) || b.ratio - a.ratio);
  let place = 0;
  let previous = '';
  return ranked.map((unit) => {
    place = unit.group === previous ? place + 1 : 1;
    previous = unit.group;
    return [unit.group, place, unit.code, unit.name, unit.ratio];
  });
}
