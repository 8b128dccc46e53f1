// Sheets' 10,000,000-cell limit: a recompute that would pass it says so in Vietnamese before any write; at the limit exactly it runs.
import { ADDIN_LIMIT_TEXT, buildReport, type OutputTable, type WorkbookInput } from '../../src/core';
import { RECOMPUTED_TABS, UNIT_HEADER } from '../contract-headers';
import {
  CELL_LIMIT,
  CELL_LIMIT_MESSAGE,
  type LoadedScript,
  loadScript,
  type Value,
} from '../fakes/apps-script';

const OWNER = 'vanphong@hoabinh.gov.vn';
const OUTPUT_TABS = RECOMPUTED_TABS;

function province(script: LoadedScript, units: number): WorkbookInput {
  const unitRows: Value[][] = [[...UNIT_HEADER]];
  const entries: Value[][] = [
    [
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ],
  ];
  for (let i = 0; i < units; i++) {
    const code = `S${String(i).padStart(4, '0')}`;
    unitRows.push([code, `Sở số ${i}`, 'SBN', '', '', '', '']);
    if (i < 50) entries.push(['01/2020', code, 100 + i, i, '']);
  }
  const settings: Value[][] = [
    ['Tham số', 'Giá trị'],
    ['Năm', 2020],
  ];
  script.spreadsheet._load('Cấu hình', settings);
  const unitsSheet = script.spreadsheet._load('Đơn vị', unitRows);
  unitsSheet.maxRows = Math.max(1000, unitRows.length);
  script.spreadsheet._load('Nhập liệu', entries);
  return { settings, units: unitRows, entries };
}

/** Adds a tab of old data sized so that the whole spreadsheet would hold `total` cells after the recompute's writes. */
function fillTo(script: LoadedScript, total: number, projectedWithoutFiller: number): void {
  const filler = script.spreadsheet._load('Lưu trữ 2019', [['Số liệu năm 2019']]);
  filler.maxColumns = 1;
  filler.maxRows = total - projectedWithoutFiller;
}

/** Cells after the writes, counted independently: Sheets' default 1000 × 26 for a new tab, grown to fit its table. */
function projected(script: LoadedScript, tables: readonly OutputTable[]): number {
  let cells = 0;
  for (const sheet of script.spreadsheet.sheets) {
    const table = tables.find((t) => t.tab === sheet.name);
    const rows = table ? Math.max(sheet.maxRows, table.title.length + 1 + table.rows.length) : sheet.maxRows;
    const columns = table ? Math.max(sheet.maxColumns, table.header.length) : sheet.maxColumns;
    cells += rows * columns;
  }
  for (const table of tables)
    if (!script.spreadsheet._hasSheet(table.tab))
      cells += Math.max(1000, table.title.length + 1 + table.rows.length) * Math.max(26, table.header.length);
  return cells;
}

const lastUi = (script: LoadedScript) => script.world.ui[script.world.ui.length - 1];
const limitText = (cells: number) =>
  ADDIN_LIMIT_TEXT.cellLimit(ADDIN_LIMIT_TEXT.thousands(cells), ADDIN_LIMIT_TEXT.thousands(CELL_LIMIT));

describe("the spreadsheet's 10,000,000-cell limit", () => {
  test('the fake refuses to grow a tab past the limit, as Sheets does, and the grid stays as it was', () => {
    const script = loadScript({ owner: OWNER, source: '' });
    const sheet = script.spreadsheet._load('Lớn', [['x']]);
    sheet.maxRows = 1_000_000;
    sheet.maxColumns = 10;
    const api = sheet.self as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    expect(api.getRange(1_000_000, 10).getA1Notation()).toBe('J1000000');
    expect(() => api.getRange(1_000_001, 1)).toThrow(CELL_LIMIT_MESSAGE);
    expect(() => api.getRange(1, 11)).toThrow(CELL_LIMIT_MESSAGE);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([1_000_000, 10]);
    expect(() => script.spreadsheet.self.insertSheet('Thêm')).toThrow(CELL_LIMIT_MESSAGE);
  });

  test.each([
    [0, 'runs'],
    [1, 'is refused'],
  ])('with existing output tabs, a recompute that ends %i cell(s) past the limit %s', (over, _) => {
    const script = loadScript({ owner: OWNER });
    const input = province(script, 40);
    script.run('recomputeAll');
    const tables = Object.values(buildReport(input, { now: new Date() }).tables);
    fillTo(script, CELL_LIMIT + over, projected(script, tables));
    expect(projected(script, tables)).toBe(CELL_LIMIT + over);
    script.spreadsheet._sheet('Nhập liệu')._at('C2').value = 500;
    const before = JSON.stringify(script.spreadsheet._state());
    script.run('recomputeAll');
    if (over === 0) {
      expect(lastUi(script)?.kind).toBe('toast');
      expect(script.spreadsheet._sheet('Tỷ lệ')._values()[3]?.[4]).toBe(500);
    } else {
      expect(lastUi(script)).toMatchObject({ kind: 'alert', text: limitText(10_000_001) });
      expect(lastUi(script)?.text).toContain('10.000.001 ô, vượt giới hạn 10.000.000 ô');
      expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
    }
    expect(script.world.lockHeld).toBe(false);
  });

  test('a first recompute of 1,500 units that would create and grow tabs past the limit writes nothing', () => {
    const script = loadScript({ owner: OWNER });
    const input = province(script, 1500);
    const tables = Object.values(buildReport(input, { now: new Date() }).tables);
    // Tỷ lệ and Xếp hạng need 1,503 rows each, past a new tab's 1,000: they grow when written.
    const grown = projected(script, tables);
    expect(tables.find((t) => t.tab === 'Tỷ lệ')?.rows.length).toBe(1500);
    fillTo(script, CELL_LIMIT + 1000, grown);
    // Well under the limit now; the seven new tabs (a new tab is 1,000 × 26, grown to hold its table:
    // Tỷ lệ, Xếp hạng, Báo cáo, Diễn biến theo tháng and Kiểm tra pass 1,000 rows) would pass it.
    const sizes = tables.map(
      (t) => Math.max(1000, t.title.length + 1 + t.rows.length) * Math.max(26, t.header.length),
    );
    expect(tables).toHaveLength(7);
    expect(sizes.filter((size) => size > 26_000).length).toBeGreaterThanOrEqual(4);
    const newTabs = sizes.reduce((sum, size) => sum + size, 0);
    expect(script.spreadsheet._cellCount()).toBe(CELL_LIMIT + 1000 - newTabs);
    const before = JSON.stringify(script.spreadsheet._state());
    script.world.calls.reset();
    script.run('recomputeAll');
    expect(lastUi(script)).toMatchObject({ kind: 'alert', text: limitText(CELL_LIMIT + 1000) });
    expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
    for (const method of ['setValues', 'insertSheet', 'setNumberFormats'])
      expect([method, script.world.calls.count(method)]).toEqual([method, 0]);
    for (const tab of OUTPUT_TABS) expect([tab, script.spreadsheet._hasSheet(tab)]).toEqual([tab, false]);
  });

  test('Kiểm tra số liệu is guarded too, counting only the Kiểm tra tab it writes', () => {
    const script = loadScript({ owner: OWNER });
    const input = province(script, 40);
    const problems = buildReport(input, { now: new Date() }).tables.problems;
    const onlyProblems = projected(script, [problems]);
    fillTo(script, CELL_LIMIT + 26_000, onlyProblems);
    script.run('checkFigures');
    expect(lastUi(script)).toMatchObject({ kind: 'alert', text: limitText(CELL_LIMIT + 26_000) });
    expect(script.spreadsheet._hasSheet('Kiểm tra')).toBe(false);
  });
});
