// A small made-up province in the Hòa Bình 2020 layout, seeded with the contract's traps, and helpers to read tabs.
import { ENTRY_HEADER, UNIT_HEADER } from '../contract-headers';
import { type FakeSheet, type LoadedScript, loadScript, type Value } from '../fakes/apps-script';

export const OWNER = 'vanphong@hoabinh.gov.vn';
export const ADMIN = 'sotttt@hoabinh.gov.vn';
export const CLERK = {
  S01: 'snv@hoabinh.gov.vn',
  S02: 'stp@hoabinh.gov.vn',
  S03: 'syt@hoabinh.gov.vn',
  S04: 'bdt@hoabinh.gov.vn',
  H01: 'tp@hoabinh.gov.vn',
  H02: 'caophong@hoabinh.gov.vn',
  X01: 'dongtien@hoabinh.gov.vn',
  X02: 'xahoabinh@hoabinh.gov.vn',
  X03: 'thuphong@hoabinh.gov.vn',
  X04: 'ttcaophong@hoabinh.gov.vn',
} as const;

const nfd = (text: string): string => text.normalize('NFD');

/**
 * Đơn vị as the provincial office pasted it: columns in another order, an extra column of its own,
 * the header typed with a decomposed (NFD) input method, short group names, a target below the floor,
 * a name that starts with "=", typed as text.
 */
export const UNITS: Value[][] = [
  ['Danh sách đơn vị (số liệu giả định)'],
  [
    nfd('Tên đơn vị'),
    nfd('Mã đơn vị'),
    'Nhóm',
    nfd('Chỉ tiêu'),
    nfd('Mã đơn vị cấp trên'),
    nfd('Mã trên Cổng DVC'),
    nfd('Email nhập liệu'),
    'STT',
  ],
  ['Sở Nội vụ', 'S01', 'SBN', '30%', '', '', CLERK.S01, 1],
  ['Sở Tư pháp', 'S02', 'Sở, ban, ngành', '', '', '', CLERK.S02, 2],
  ['Sở Y tế', 'S03', 'Sở, ban, ngành', '15%', '', '', CLERK.S03, 3],
  ['Ban Dân tộc', 'S04', 'Sở, ban, ngành', '', '', '', CLERK.S04, 4],
  ['Thành phố Hòa Bình', 'H01', 'Huyện, thành phố', 0.25, '', '', CLERK.H01, 5],
  ['Huyện Cao Phong', 'H02', 'HUYEN', '', '', '', CLERK.H02, 6],
  ['Phường Đồng Tiến', 'X01', 'XA', '55%', 'H01', '', CLERK.X01, 7],
  [nfd('Xã Hòa Bình'), 'X02', nfd('Xã, phường, thị trấn'), '30%', 'H01', '', CLERK.X02, 8],
  ['=Xã Thu Phong', 'X03', 'XA', '', 'H02', '', CLERK.X03, 9],
  ['Thị trấn Cao Phong', 'X04', 'XA', '', 'H02', '', `${CLERK.X04}, ttcp2@hoabinh.gov.vn`, 10],
];

export const CATALOGUE: Value[][] = [
  ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
  ['1.004227', 'Cấp giấy phép xây dựng', 4],
  ['2.000488', 'Đăng ký khai sinh', 3],
];

/** Nhập liệu before the first set-up: rows typed the old way, with a text count, a date cell, T3/2020, a duplicate month, another year, an unknown unit. */
export function oldEntries(script: LoadedScript): Value[][] {
  const { world } = script;
  return [
    [
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ],
    ['02/2020', 'S01', '1.234', 400, 'số liệu quý I'],
    [world.localDate(2020, 2, 1), 'X04', 40, 10, ''],
    ['T3/2020', 'x04', 60, 20, ''],
    ['02/2020', 'X03', 10, 3, ''],
    ['Tháng 2/2020', 'X03', 10, 4, 'nhập trùng'],
    ['2019-12', 'S03', 7, 1, 'năm trước'],
    ['01/2020', 'Z99', 5, 1, 'đơn vị lạ'],
    ['03/2020', 'S02', '', '', ''],
  ];
}

/** The tab as a grid of stored values, without counting service calls. */
export const valuesOf = (sheet: FakeSheet): Value[][] => sheet._values();

/** Data rows of an output tab keyed by header name, with the 1-based sheet row of each. */
export function records(
  sheet: FakeSheet,
  anchor = 'Mã đơn vị',
): { row: number; cells: Record<string, Value> }[] {
  const grid = sheet._values();
  const headerRow = grid.findIndex((row) => row.some((cell) => cell === anchor));
  if (headerRow < 0) throw new Error(`no header in ${sheet.name}`);
  const header = grid[headerRow] as Value[];
  return grid
    .slice(headerRow + 1)
    .map((cells, i) => ({
      row: headerRow + 2 + i,
      cells: Object.fromEntries(header.map((name, c) => [String(name), cells[c] ?? ''])) as Record<
        string,
        Value
      >,
    }))
    .filter(({ cells }) => Object.values(cells).some((value) => value !== ''));
}

/** Where a unit's month row sits in the laid-out Nhập liệu (1-based sheet row), read from the tab. */
export function entryRow(sheet: FakeSheet, code: string, month: string): number {
  const found = records(sheet).find(({ cells }) => cells['Mã đơn vị'] === code && cells.Kỳ === month);
  if (!found) throw new Error(`no row for ${code} ${month}`);
  return found.row;
}

/**
 * A two-unit 2020 province run by an administrator (S01 at 30%, S02 at the floor; January entered), with
 * `extra` tabs loaded after the input tabs.
 */
export function twoUnitProvince(extra: [string, (string | number)[][]][] = []): LoadedScript {
  const script = loadScript({ owner: OWNER, user: ADMIN });
  const load = (tab: string, rows: (string | number)[][]) => script.spreadsheet._load(tab, rows);
  load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2020],
    ['Quản trị viên', ADMIN],
  ]);
  load('Đơn vị', [
    [...UNIT_HEADER],
    ['S01', 'Sở Nội vụ', 'SBN', '', '30%', '', ''],
    ['S02', 'Sở Tư pháp', 'SBN', '', '', '', ''],
  ]);
  load('Danh mục DVC', CATALOGUE as (string | number)[][]);
  load('Nhập liệu', [ENTRY_HEADER, ['01/2020', 'S01', 100, 40, ''], ['01/2020', 'S02', 50, 5, '']]);
  for (const [tab, rows] of extra) load(tab, rows);
  return script;
}
