// First run and a new year, against dist/Code.js in a vm: an empty sheet a clerk can use, and Năm changing without Số liệu lỗi.

import { UNIT_HEADER } from '../contract-headers';
import { type LoadedScript, loadScript, PROTECTED_MESSAGE, type Value } from '../fakes/apps-script';
import { entryRow, records, valuesOf } from './province';

const OWNER = 'vanphong@tinh.gov.vn';
const CLERK = { S01: 'snv@tinh.gov.vn', X01: 'xa1@tinh.gov.vn' } as const;

function type(script: LoadedScript, email: string, tab: string, a1: string, values: unknown[][]): void {
  script.as(email);
  const sheet = script.spreadsheet._sheet(tab);
  (sheet.self.getRange(a1) as unknown as { setValues(v: unknown[][]): void }).setValues(values);
}

const lastUi = (script: LoadedScript) => script.world.ui[script.world.ui.length - 1];
const validation = (script: LoadedScript, tab: string, a1: string) =>
  (script.spreadsheet._sheet(tab)._at(a1).validation as { _describe(): unknown } | null)?._describe() as
    | { criteria: string; values: unknown[]; helpText: string }
    | undefined;

describe('set-up on an empty spreadsheet gives a sheet a clerk can use without reading anything else', () => {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  const sheet = (name: string) => spreadsheet._sheet(name);

  beforeAll(() => {
    for (const email of Object.values(CLERK)) spreadsheet.collaborators.add(email);
    script.as(OWNER);
    script.run('setUpSheet');
  });

  test('Nhập liệu starts with an instructions row; the header is the row below (the first with Mã đơn vị)', () => {
    const grid = valuesOf(sheet('Nhập liệu'));
    expect(String(grid[0]?.[0])).toMatch(/^HƯỚNG DẪN: mỗi đơn vị có sẵn 12 dòng/);
    for (const words of ['ví dụ 1234', 'nhập 0', 'để trống cả hai ô', 'tab Kiểm tra', 'Hướng dẫn'])
      expect(String(grid[0]?.[0])).toContain(words);
    expect(grid[0]?.slice(1).every((cell) => cell === '')).toBe(true);
    // The online header follows Cách phân loại, empty in a new Cấu hình: the current year's default.
    const year = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
    );
    const online =
      year <= 2022 ? 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4' : 'Số hồ sơ giải quyết trực tuyến';
    expect(grid[1]).toEqual(['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', online, 'Ghi chú']);
    expect(String(grid[0]?.[0])).toContain(`Tổng số hồ sơ đã giải quyết và ${online} của tháng`);
    expect(sheet('Nhập liệu').frozenRows).toBe(2);
    expect(sheet('Nhập liệu')._at('A1').bold).toBe(true);
  });

  test('dropdowns: Nhóm in Đơn vị, Nguồn ưu tiên in Cấu hình, Mức độ in Danh mục DVC', () => {
    expect(validation(script, 'Đơn vị', 'C2')).toMatchObject({
      values: [['Sở, ban, ngành', 'Huyện, thành phố', 'Xã, phường, thị trấn', 'Xã, phường, đặc khu'], true],
    });
    const priorityRow = valuesOf(sheet('Cấu hình')).findIndex((row) => row[0] === 'Nguồn ưu tiên') + 1;
    expect(validation(script, 'Cấu hình', `B${priorityRow}`)).toMatchObject({
      values: [['Cổng DVC', 'Đơn vị nhập'], true],
    });
    const classificationRow = valuesOf(sheet('Cấu hình')).findIndex((row) => row[0] === 'Cách phân loại') + 1;
    expect(validation(script, 'Cấu hình', `B${classificationRow}`)).toMatchObject({
      values: [['Mức độ 3, 4', 'Toàn trình, một phần'], true],
    });
    // Contract §8.1: the four levels, whatever Cách phân loại says.
    expect(validation(script, 'Danh mục DVC', 'C2')).toMatchObject({
      values: [['3', '4', 'Toàn trình', 'Một phần'], true],
    });
  });

  test('the help dialog carries a worked example and explains colours, Kiểm tra and Hồ sơ cần thêm', () => {
    script.run('showHelp');
    const text = String(lastUi(script)?.text);
    for (const words of [
      'Ví dụ',
      '1234',
      '400',
      'xanh là Đạt',
      'cam là Chưa đạt',
      'xám là Chưa có số liệu',
      'Chưa có số liệu (cả hai ô để trống)',
      'Kiểm tra',
      'Hồ sơ cần thêm',
    ])
      expect(text).toContain(words);
  });

  test('once units and Năm are filled in, the rows come below the header and the instructions stay on top', () => {
    type(script, OWNER, 'Đơn vị', 'A2:G3', [
      ['S01', 'Sở Nội vụ', 'Sở, ban, ngành', '', '30%', '', CLERK.S01],
      ['X01', 'Xã Một', 'Xã, phường, thị trấn', '', '', '', CLERK.X01],
    ]);
    const yearRow = valuesOf(sheet('Cấu hình')).findIndex((row) => row[0] === 'Năm') + 1;
    type(script, OWNER, 'Cấu hình', `B${yearRow}`, [[2020]]);
    script.as(OWNER);
    script.run('setUpSheet');
    const grid = valuesOf(sheet('Nhập liệu'));
    expect(String(grid[0]?.[0])).toMatch(/^HƯỚNG DẪN/);
    expect(grid[1]?.[1]).toBe('Mã đơn vị');
    expect(grid.length).toBe(2 + 2 * 12);
    expect(grid[2]?.slice(0, 2)).toEqual(['01/2020', 'S01']);
    expect(grid[14]?.slice(0, 2)).toEqual(['01/2020', 'X01']);
    // The clerk types, then the owner recomputes: the instructions are not read as figures.
    type(script, CLERK.S01, 'Nhập liệu', 'C3:D4', [
      [100, 40],
      [1234, 300],
    ]);
    expect(() => type(script, CLERK.S01, 'Nhập liệu', 'A1', [['x']])).toThrow(PROTECTED_MESSAGE);
    script.as(OWNER);
    script.run('recomputeAll');
    const s01 = records(sheet('Tỷ lệ')).find(({ cells }) => cells['Mã đơn vị'] === 'S01')?.cells;
    expect(s01).toMatchObject({
      'Tổng số hồ sơ': 1334,
      'Hồ sơ trực tuyến mức độ 3, 4': 340,
      'Đánh giá': 'Chưa đạt',
    });
    expect(records(sheet('Kiểm tra')).filter(({ cells }) => cells['Mức độ'] === 'Lỗi')).toEqual([]);
  });
});

describe('a new year: set-up archives last year rows instead of turning every unit into Số liệu lỗi', () => {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  const sheet = (name: string) => spreadsheet._sheet(name);
  const statusOf = (code: string) =>
    records(sheet('Tỷ lệ')).find(({ cells }) => cells['Mã đơn vị'] === code)?.cells['Đánh giá'];
  const setYear = (year: number) => {
    const row = valuesOf(sheet('Cấu hình')).findIndex((r) => r[0] === 'Năm') + 1;
    type(script, OWNER, 'Cấu hình', `B${row}`, [[year]]);
  };
  const figures = (grid: Value[][]) =>
    grid
      .filter((row) => row[2] !== '' && row[2] !== 'Tổng số hồ sơ đã giải quyết' && row[1] !== '')
      .map((row) => row.slice(0, 5));

  beforeAll(() => {
    for (const email of Object.values(CLERK)) spreadsheet.collaborators.add(email);
    spreadsheet._load('Đơn vị', [
      [...UNIT_HEADER],
      ['S01', 'Sở Nội vụ', 'SBN', '', '30%', '', CLERK.S01],
      ['X01', 'Xã Một', 'XA', '', '', '', CLERK.X01],
    ]);
    spreadsheet._load('Cấu hình', [
      ['Tham số', 'Giá trị'],
      ['Năm', 2020],
    ]);
    script.as(OWNER);
    script.run('setUpSheet');
    const put = (code: keyof typeof CLERK, month: string, values: Value[]) => {
      const row = entryRow(sheet('Nhập liệu'), code, month);
      type(script, CLERK[code], 'Nhập liệu', `C${row}:E${row}`, [values]);
    };
    put('S01', '11/2020', [100, 40, '']);
    put('S01', '12/2020', [200, 50, 'đã đối chiếu']);
    put('X01', '12/2020', [10, 1, '']);
    script.as(OWNER);
    script.run('recomputeAll');
  });

  test('2020 is computed as typed', () => {
    expect(statusOf('S01')).toBe('Đạt'); // 90 of 300 = 30%
    expect(statusOf('X01')).toBe('Chưa đạt');
  });

  test('Năm 2021: every 2020 figure moves to Nhập liệu 2020, protected; no unit shows Số liệu lỗi', () => {
    const before = figures(valuesOf(sheet('Nhập liệu')));
    expect(before).toHaveLength(3);
    setYear(2021);
    script.as(OWNER);
    script.run('setUpSheet');
    expect(lastUi(script)?.text).toContain(
      'Đã chuyển 3 dòng số liệu không thuộc năm 2021 sang tab Nhập liệu 2020 (không mất số liệu nào',
    );
    const entries = valuesOf(sheet('Nhập liệu'));
    expect(entries.length).toBe(2 + 2 * 12); // instructions, header, 12 months of 2 units
    expect(entries[2]?.slice(0, 2)).toEqual(['01/2021', 'S01']);
    expect(figures(entries)).toEqual([]);
    const archive = valuesOf(sheet('Nhập liệu 2020'));
    expect(archive[0]).toEqual(entries[1]);
    expect(figures(archive)).toEqual(before);
    // Clerks cannot change the archive.
    expect(() => type(script, CLERK.S01, 'Nhập liệu 2020', 'C2', [[1]])).toThrow(PROTECTED_MESSAGE);

    script.as(OWNER);
    script.run('recomputeAll');
    // Nothing typed for 2021 yet: no figures, which is not 0 dossiers (contract §10.4).
    expect(statusOf('S01')).toBe('Chưa có số liệu');
    expect(statusOf('X01')).toBe('Chưa có số liệu');
    const problems = records(sheet('Kiểm tra')).map(({ cells }) => String(cells['Nội dung']));
    expect(problems.filter((text) => text.includes('không thuộc năm'))).toEqual([]);
  });

  test('a January 2021 figure, then Năm back to 2020: 2020 comes back whole, 2021 goes to its own archive', () => {
    const row = entryRow(sheet('Nhập liệu'), 'X01', '01/2021');
    type(script, CLERK.X01, 'Nhập liệu', `C${row}:D${row}`, [[30, 9]]);
    setYear(2020);
    script.as(OWNER);
    script.run('setUpSheet');
    expect(lastUi(script)?.text).toContain('Đã đưa 3 dòng từ tab Nhập liệu 2020 trở lại tab Nhập liệu.');
    const entries = sheet('Nhập liệu');
    const at = (code: string, month: string) => {
      const r = entryRow(entries, code, month);
      return valuesOf(entries)[r - 1]?.slice(2, 5);
    };
    expect(at('S01', '11/2020')).toEqual([100, 40, '']);
    expect(at('S01', '12/2020')).toEqual([200, 50, 'đã đối chiếu']);
    expect(at('X01', '12/2020')).toEqual([10, 1, '']);
    expect(valuesOf(entries).length).toBe(2 + 2 * 12);
    expect(figures(valuesOf(sheet('Nhập liệu 2020')))).toEqual([]);
    expect(figures(valuesOf(sheet('Nhập liệu 2021')))).toEqual([['01/2021', 'X01', 30, 9, '']]);
    script.as(OWNER);
    script.run('recomputeAll');
    expect(statusOf('S01')).toBe('Đạt');
    expect(statusOf('X01')).toBe('Chưa đạt');
  });
});
