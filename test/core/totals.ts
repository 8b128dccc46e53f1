// Adds up the printed tabs as a reader would (contract §10.4): each scope's units from Xếp hạng and Tỷ lệ, each Báo cáo section's lines.
import { type Cell, type OutputTable, REPORT_TEXT, type Report, STATUS } from '../../src/core';

/** What a reader finds by adding up a scope's rows, or what the product prints as their total. */
export interface ScopeSums {
  readonly scope: string;
  readonly units: number;
  readonly met: number;
  readonly resolved: number;
  readonly online: number;
}

const columnOf = (table: OutputTable, name: string): number => {
  const index = table.header.indexOf(name);
  if (index < 0) throw new Error(`${table.tab} has no column ${name}`);
  return index;
};

/** The online column under either vocabulary (Hồ sơ trực tuyến, … mức độ 3, 4). */
const onlineColumnOf = (table: OutputTable): number => {
  const index = table.header.findIndex((name) => name.startsWith('Hồ sơ trực tuyến'));
  if (index < 0) throw new Error(`${table.tab} has no online column`);
  return index;
};

/** A printed count as a reader adds it: a number, or nothing for an empty cell; anything else is a bug. */
const addend = (cell: Cell | undefined): number => {
  if (cell === '' || cell === null || cell === undefined) return 0;
  if (typeof cell !== 'number') throw new Error(`not a count: ${String(cell)}`);
  return cell;
};

/** Each scope of Xếp hạng with the sums of its units' Tỷ lệ rows (the figures as Tỷ lệ prints them). */
export function sumsOfRatioRows(report: Report): ScopeSums[] {
  const { ratio, ranking } = report.tables;
  const [code, resolved, online, status] = [
    columnOf(ratio, 'Mã đơn vị'),
    columnOf(ratio, 'Tổng số hồ sơ'),
    onlineColumnOf(ratio),
    columnOf(ratio, 'Đánh giá'),
  ];
  const byCode = new Map(ratio.rows.map((row) => [row[code], row]));
  const [scopeColumn, rankingCode] = [columnOf(ranking, 'Nhóm xếp hạng'), columnOf(ranking, 'Mã đơn vị')];
  const sums = new Map<string, { units: number; met: number; resolved: number; online: number }>();
  for (const entry of ranking.rows) {
    const scope = String(entry[scopeColumn]);
    const row = byCode.get(entry[rankingCode]);
    if (!row) throw new Error(`no Tỷ lệ row for ${String(entry[rankingCode])}`);
    const sum = sums.get(scope) ?? { units: 0, met: 0, resolved: 0, online: 0 };
    sums.set(scope, sum);
    sum.units++;
    if (row[status] === STATUS.met) sum.met++;
    sum.resolved += addend(row[resolved]);
    sum.online += addend(row[online]);
  }
  return [...sums].map(([scope, sum]) => ({ scope, ...sum }));
}

/** Tổng hợp's rows as printed. */
export function overviewTotals(report: Report): ScopeSums[] {
  const table = report.tables.overview;
  const [scope, units, met, resolved, online] = [
    columnOf(table, 'Nhóm xếp hạng'),
    columnOf(table, 'Số đơn vị'),
    columnOf(table, 'Số đơn vị đạt'),
    columnOf(table, 'Tổng số hồ sơ'),
    onlineColumnOf(table),
  ];
  return table.rows.map((row) => ({
    scope: String(row[scope]),
    units: addend(row[units]),
    met: addend(row[met]),
    resolved: addend(row[resolved]),
    online: addend(row[online]),
  }));
}

/** Báo cáo's sections: the sums of the unit lines printed above each Cộng, and the Cộng itself. */
export function reportSections(report: Report): { added: ScopeSums[]; printed: ScopeSums[] } {
  const table = report.tables.officialReport;
  const [stt, name, resolved, online, status] = [
    columnOf(table, 'STT'),
    columnOf(table, 'Tên đơn vị'),
    columnOf(table, 'Tổng số hồ sơ'),
    onlineColumnOf(table),
    columnOf(table, 'Đánh giá'),
  ];
  const added: ScopeSums[] = [];
  const printed: ScopeSums[] = [];
  let current: { scope: string; units: number; met: number; resolved: number; online: number } | null = null;
  for (const row of table.rows) {
    if (typeof row[stt] === 'string' && /^[IVXLCDM]+$/.test(row[stt] as string)) {
      current = { scope: String(row[name]), units: 0, met: 0, resolved: 0, online: 0 };
    } else if (current && typeof row[stt] === 'number') {
      current.units++;
      if (row[status] === STATUS.met) current.met++;
      current.resolved += addend(row[resolved]);
      current.online += addend(row[online]);
    } else if (current && row[name] === REPORT_TEXT.total) {
      added.push(current);
      const units = /^(\d+)\/(\d+) /.exec(String(row[status]));
      printed.push({
        scope: current.scope,
        units: Number(units?.[2]),
        met: Number(units?.[1]),
        resolved: addend(row[resolved]),
        online: addend(row[online]),
      });
      current = null;
    }
  }
  return { added, printed };
}
