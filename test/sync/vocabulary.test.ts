// The built CLI on a two-tier 2026 province in the Decree-42 vocabulary (contract §8.1, §8.4), figures worked
// by hand; the built add-in recomputes the same tabs; catalogue, formula and over-long cell traps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { UNIT_HEADER } from '../contract-headers';
import { loadScript, type Value } from '../fakes/apps-script';
import { type FakePortal, startFakePortal } from '../fakes/portal/server';
import { monthItem, readXlsxTabs, records, trimGrid, writeXlsxTabs } from './fixtures';
import { runCli } from './run-cli';

type Row = (string | number | null | ExcelJS.CellValue)[];
const OWNER = 'owner@phutho.example';

const SETTINGS: Row[] = [
  ['Tham số', 'Giá trị', 'Diễn giải'],
  ['Năm', 2026, ''],
  ['Chỉ tiêu tối thiểu', '20%', ''],
];
const UNITS: Row[] = [
  UNIT_HEADER,
  ['S1', 'Sở Công Thương', 'Sở, ban, ngành', '', '50%', 'H44.07', ''],
  ['X1', 'UBND phường Việt Trì', 'Xã, phường, đặc khu', '', '30%', 'H44.100', ''],
  ['X2', 'UBND xã Hy Cương', 'XA', '', '', 'H44.101', ''],
];
const ENTRIES: Row[] = [
  ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến', 'Ghi chú'],
  // The commune's own book says 12 of 20 in January; the portal says 10 of 20 and wins (Đối chiếu).
  ['01/2026', 'X2', 20, 12, ''],
];
const CATALOGUE: Row[] = [
  ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
  ['1.001', 'Đăng ký khai sinh', 'Toàn trình'],
  ['1.002', 'Cấp bản sao trích lục hộ tịch', 'Một phần'],
];

/**
 * Per month: H44.07 100 dossiers, 30 online counted (20 more online of 1.003, outside the catalogue);
 * H44.100 50 / 15; H44.101 20 / 10; H44 (the province's own total) maps to no unit.
 */
function portalItems(year: number, month: number): Record<string, unknown>[] {
  const item = monthItem(year, month);
  return [
    item('H44.07', '1.001', 60, 30),
    item('H44.07', '1.003', 40, 20),
    item('H44.100', '1.002', 50, 15),
    item('H44.101', '1.001', 20, 10),
    item('H44', '1.001', 5, 1),
  ];
}

const writeBook = (path: string, tabs: Record<string, Row[]>) => writeXlsxTabs(path, Object.entries(tabs));

const sync = (args: string[]) => runCli(args, { timeout: 0 });

const pick = (row: Record<string, unknown> | undefined, ...columns: string[]) => columns.map((c) => row?.[c]);

let dir: string;
let portal: FakePortal;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-vocab-'));
  portal = await startFakePortal({ items: portalItems });
});
afterAll(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run sync on a two-tier 2026 province in the new vocabulary', () => {
  let tabs: Map<string, unknown[][]>;
  let stdout: string;

  beforeAll(async () => {
    const book = join(dir, 'phu-tho.xlsx');
    await writeBook(book, {
      'Cấu hình': SETTINGS,
      'Đơn vị': UNITS,
      'Nhập liệu': ENTRIES,
      'Danh mục DVC': CATALOGUE,
    });
    const result = await sync(['--workbook', book, '--portal', portal.url, '--through', '2026-02']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
    tabs = await readXlsxTabs(book);
  });

  it('writes Hồ sơ trực tuyến, the online column without levels and titles in the new words', () => {
    const ratio = tabs.get('Tỷ lệ') ?? [];
    expect(ratio[0]).toEqual(['TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN NĂM 2026']);
    expect(ratio[2]).toContain('Hồ sơ trực tuyến');
    expect(ratio[2]).not.toContain('Hồ sơ trực tuyến mức độ 3, 4');
    expect((tabs.get('Dữ liệu Cổng DVC') ?? [])[0]).toEqual([
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến',
      'Số TTHC',
      'Cập nhật lúc',
      'Nguồn',
      'Số TTHC thuộc danh mục',
      'Số dòng không có Mã TTHC',
      'Mã trên Cổng DVC',
      'Nguồn trả về rỗng lúc',
    ]);
    // The province's own total (H44) maps to no unit: one Cảnh báo per month.
    expect(stdout).toContain('Kiểm tra: 0 lỗi, 2 cảnh báo');
  });

  it('gives every figure worked by hand, communes as Xã, phường, đặc khu', () => {
    const ratio = new Map(records(tabs.get('Tỷ lệ')).map((r) => [r['Mã đơn vị'], r]));
    const columns = [
      'Nhóm',
      'Tổng số hồ sơ',
      'Hồ sơ trực tuyến',
      'Tỷ lệ',
      'Chỉ tiêu',
      'Đánh giá',
      'Hồ sơ cần thêm',
    ];
    // S1: 2 × 100 dossiers, 2 × 30 online in the catalogue = 30% at 50%: 40 more, points 0.3 / 0.5.
    expect(pick(ratio.get('S1'), ...columns)).toEqual(['Sở, ban, ngành', 200, 60, 0.3, 0.5, 'Chưa đạt', 40]);
    expect(ratio.get('S1')?.Điểm).toBeCloseTo(0.6, 12);
    // X1: 100 / 30 = 30% at 30%: met exactly. X2: portal wins January (20 / 10), 40 / 20 = 50% at the floor.
    expect(pick(ratio.get('X1'), ...columns)).toEqual(['Xã, phường, đặc khu', 100, 30, 0.3, 0.3, 'Đạt', 0]);
    expect(pick(ratio.get('X2'), ...columns)).toEqual(['Xã, phường, đặc khu', 40, 20, 0.5, 0.2, 'Đạt', 0]);
    const ranking = records(tabs.get('Xếp hạng')).map((r) =>
      pick(r, 'Nhóm xếp hạng', 'Hạng', 'Mã đơn vị', 'Thay đổi hạng'),
    );
    expect(ranking).toEqual([
      ['Sở, ban, ngành', 1, 'S1', '='],
      ['Xã, phường, đặc khu', 1, 'X2', '='],
      ['Xã, phường, đặc khu', 2, 'X1', '='],
    ]);
    const overview = records(tabs.get('Tổng hợp'), 'Nhóm xếp hạng').map((r) =>
      pick(r, 'Nhóm xếp hạng', 'Số đơn vị', 'Tổng số hồ sơ', 'Hồ sơ trực tuyến'),
    );
    expect(overview).toEqual([
      ['Sở, ban, ngành', 1, 200, 60],
      ['Xã, phường, đặc khu', 2, 140, 50],
    ]);
    expect(records(tabs.get('Đối chiếu')).map((r) => pick(r, 'Kỳ', 'Mã đơn vị'))).toEqual([
      ['01/2026', 'X2'],
    ]);
  });

  it('the built add-in recomputes identical tabs from the same inputs under Toàn trình, một phần', () => {
    const script = loadScript({ owner: OWNER });
    const { spreadsheet } = script;
    spreadsheet._load('Cấu hình', [...SETTINGS, ['Kỳ báo cáo đến', '02/2026', '']] as Value[][]);
    spreadsheet._load('Đơn vị', UNITS as Value[][]);
    spreadsheet._load('Nhập liệu', ENTRIES as Value[][]);
    spreadsheet._load('Danh mục DVC', CATALOGUE as Value[][]);
    spreadsheet._load('Dữ liệu Cổng DVC', tabs.get('Dữ liệu Cổng DVC') as Value[][]);
    script.run('recomputeAll');
    for (const tab of ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Tổng hợp']) {
      const addin = trimGrid(spreadsheet._sheet(tab)._values());
      expect({ tab, grid: addin }).toEqual({ tab, grid: trimGrid(tabs.get(tab) ?? []) });
    }
    expect(trimGrid(spreadsheet._sheet('Tỷ lệ')._values())[2]).toContain('Hồ sơ trực tuyến');
  });
});

describe('traps through the built CLI', () => {
  it('an empty catalogue with per-procedure portal rows: Lỗi in Kiểm tra, said in the summary, figures written', async () => {
    const book = join(dir, 'empty-catalogue.xlsx');
    await writeBook(book, {
      'Cấu hình': SETTINGS,
      'Đơn vị': UNITS,
      'Nhập liệu': ENTRIES,
      'Danh mục DVC': [CATALOGUE[0] as Row],
    });
    const result = await sync(['--workbook', book, '--portal', portal.url, '--through', '2026-02']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('LỖI DANH MỤC: Danh mục DVC toàn trình, một phần trống');
    const tabs = await readXlsxTabs(book);
    const problems = records(tabs.get('Kiểm tra'), 'Tab').filter((r) => r.Tab === 'Danh mục DVC');
    expect(problems.map((r) => pick(r, 'Mức độ', 'Nội dung'))).toEqual([
      ['Lỗi', expect.stringContaining('trống nên không hồ sơ trực tuyến nào')],
    ]);
    const s1 = records(tabs.get('Tỷ lệ')).find((r) => r['Mã đơn vị'] === 'S1');
    expect(pick(s1, 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([200, 0]);
  });

  it('an existing Dữ liệu Cổng DVC keeps its own online header; the output tabs follow Cách phân loại', async () => {
    const book = join(dir, 'own-header.xlsx');
    const legacy = 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4';
    await writeBook(book, {
      'Cấu hình': SETTINGS,
      'Đơn vị': UNITS,
      'Nhập liệu': ENTRIES,
      'Danh mục DVC': CATALOGUE,
      'Dữ liệu Cổng DVC': [
        ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', legacy, 'Số TTHC', 'Cập nhật lúc'],
      ],
    });
    const result = await sync(['--workbook', book, '--portal', portal.url, '--through', '2026-02']);
    expect(result.code).toBe(0);
    const tabs = await readXlsxTabs(book);
    expect((tabs.get('Dữ liệu Cổng DVC') ?? [])[0]?.[3]).toBe(legacy);
    expect(records(tabs.get('Dữ liệu Cổng DVC')).find((r) => r['Mã đơn vị'] === 'S1')?.[legacy]).toBe(30);
    expect((tabs.get('Tỷ lệ') ?? [])[2]).toContain('Hồ sơ trực tuyến');
  });

  it('a count formula with no cached value and an old online header: a Lỗi at the cell, the other figures read', async () => {
    const book = join(dir, 'formula.xlsx');
    await writeBook(book, {
      'Cấu hình': SETTINGS,
      'Đơn vị': [...UNITS, ['X9', 'y'.repeat(50_000), 'XA', '', '', '', '']],
      'Nhập liệu': [
        [
          'Kỳ',
          'Mã đơn vị',
          'Tổng số hồ sơ đã giải quyết',
          'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
          'Ghi chú',
        ],
        ['01/2026', 'S1', 100, 30, ''],
        ['02/2026', 'S1', { formula: 'SUM(C2:C2)' } as ExcelJS.CellFormulaValue, 30, ''],
        ['01/2026', 'X1', 'x'.repeat(50_000), 1, ''],
      ],
      'Danh mục DVC': CATALOGUE,
    });
    const result = await sync(['--workbook', book]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const tabs = await readXlsxTabs(book);
    const all = records(tabs.get('Kiểm tra'), 'Tab');
    // X2 and X9 have nothing for January, which S1 reported: reminded (contract 9.2), no cell to point at.
    expect(
      all.filter((r) => r['Mức độ'] === 'Cảnh báo').map((r) => pick(r, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ')),
    ).toEqual([
      ['Nhập liệu', '', 'X2', '01/2026'],
      ['Nhập liệu', '', 'X9', '01/2026'],
    ]);
    const problems = all.filter((r) => r['Mức độ'] === 'Lỗi');
    expect(problems.map((r) => pick(r, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ'))).toEqual([
      ['Nhập liệu', 'C3', 'S1', '02/2026', 'Lỗi'],
      ['Nhập liệu', 'C4', 'X1', '01/2026', 'Lỗi'],
    ]);
    expect(String(problems[0]?.['Nội dung'])).toContain('chứa công thức nhưng tệp chưa lưu giá trị đã tính');
    // The 50,000-character count is quoted as an excerpt; no written cell passes Excel's limit.
    expect(String(problems[1]?.['Nội dung']).length).toBeLessThan(300);
    const written = [
      'Tỷ lệ',
      'Xếp hạng',
      'Kiểm tra',
      'Đối chiếu',
      'Tổng hợp',
      'Báo cáo',
      'Diễn biến theo tháng',
      'Nhật ký đồng bộ',
    ];
    for (const grid of written.map((tab) => tabs.get(tab) ?? []))
      for (const row of grid)
        for (const cell of row) expect(String(cell ?? '').length).toBeLessThanOrEqual(32_767);
    // A unit name of 50,000 characters is cut to the limit, with "…".
    const x9 = records(tabs.get('Tỷ lệ')).find((r) => r['Mã đơn vị'] === 'X9');
    expect(String(x9?.['Tên đơn vị']).length).toBe(32_767);
    expect(String(x9?.['Tên đơn vị']).endsWith('…')).toBe(true);
    // The old header still counts: S1 January 100 / 30; the unit says Số liệu lỗi for February.
    const s1 = records(tabs.get('Tỷ lệ')).find((r) => r['Mã đơn vị'] === 'S1');
    expect(pick(s1, 'Tổng số hồ sơ', 'Hồ sơ trực tuyến', 'Đánh giá')).toEqual([100, 30, 'Số liệu lỗi']);
  });
});
