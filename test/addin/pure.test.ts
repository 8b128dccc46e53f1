// The add-in's pure helpers: text kept as text, the Nhập liệu layout, protection blocks.

import { layoutEntries, sameGrid } from '../../src/addin/entry-layout';
import { blockA1, runs } from '../../src/addin/protection';
import { needsApostrophe, toSheetValue } from '../../src/addin/sheet-io';
import { readModel } from '../../src/core';

describe('toSheetValue', () => {
  test('text Sheets would parse gets an apostrophe; plain text, numbers, dates are untouched', () => {
    for (const text of [
      '=SUM(A1)',
      '+84 912',
      '-5',
      '@Nam',
      "'quote",
      '10/2020',
      '1.234',
      '0,5',
      'TRUE',
      ' 12',
      '(3)',
    ]) {
      expect([text, needsApostrophe(text)]).toEqual([text, true]);
    }
    for (const text of ['Sở Nội vụ', 'T10/2020', 'Tháng 10/2020', '▲2', 'Đạt', 'H44.19']) {
      expect([text, needsApostrophe(text)]).toEqual([text, false]);
    }
    expect(toSheetValue('=Xã A')).toBe("'=Xã A");
    expect(toSheetValue('')).toBe('');
    expect(toSheetValue(null)).toBe('');
    expect(toSheetValue(0.25)).toBe(0.25);
    const date = new Date(Date.UTC(2020, 0, 1));
    expect(toSheetValue(date)).toBe(date);
  });
});

describe('layoutEntries', () => {
  const units = readModel(
    {
      settings: [
        ['Tham số', 'Giá trị'],
        ['Năm', 2020],
      ],
      units: [
        ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Mã trên Cổng DVC'],
        ['B', 'Sở B', 'SBN', ''],
        ['A', 'Sở A', 'SBN', 'G01.A'],
      ],
    },
    new Date(Date.UTC(2020, 5, 1)),
  ).units;
  const resolve = (code: string) => units.resolve(code);

  test('keeps title rows, adds missing columns, keeps formulas and extra columns, orders by Đơn vị', () => {
    const values = [
      ['Số liệu các đơn vị (giả định)', '', '', ''],
      ['Mã đơn vị', 'Kỳ', 'Tổng số hồ sơ đã giải quyết', 'Của riêng tỉnh'],
      ['G01.A', 'Tháng 3/2020', 30, 'ghi riêng'],
      ['b', '2020-01', 7, ''],
    ];
    const formulas = [[], [], ['', '', '=10+20', ''], []];
    const layout = layoutEntries(values, formulas, units.list, resolve, 2020);
    expect(layout.headerRow).toBe(1);
    expect(layout.grid[0]?.[0]).toBe('Số liệu các đơn vị (giả định)');
    expect(layout.grid[1]).toEqual([
      'Mã đơn vị',
      'Kỳ',
      'Tổng số hồ sơ đã giải quyết',
      'Của riêng tỉnh',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ]);
    expect(layout.columns).toEqual({ unit: 0, month: 1, resolved: 2, online: 4, note: 5 });
    expect(layout.grid.length).toBe(2 + 24);
    expect(layout.blocks.map((b) => [b.unit.code, b.firstRow, b.rows])).toEqual([
      ['B', 2, 12],
      ['A', 14, 12],
    ]);
    expect(layout.grid[2]?.slice(0, 3)).toEqual(['B', "'01/2020", 7]);
    // A's March row, found by its portal code, with its formula and its own column kept.
    expect(layout.grid[16]?.slice(0, 4)).toEqual(['A', "'03/2020", '=10+20', 'ghi riêng']);
    expect(layout.kept).toBe(0);
  });

  test('a tab without the header keeps every old row under a new header', () => {
    const layout = layoutEntries([['ghi chép cũ', 5]], [], units.list, resolve, 2020);
    expect(layout.grid[0]?.slice(0, 5)).toEqual([
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ]);
    expect(layout.grid[layout.grid.length - 1]?.slice(0, 2)).toEqual(['ghi chép cũ', 5]);
    expect(layout.kept).toBe(1);
  });

  test('an empty row of a unit no longer listed is dropped; one with a figure is kept', () => {
    const values = [
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Ghi chú',
      ],
      ['01/2020', 'C', '', '', ''],
      ['02/2020', 'C', 4, 1, ''],
    ];
    const layout = layoutEntries(values, [], units.list, resolve, 2020);
    expect(layout.kept).toBe(1);
    expect(layout.grid[layout.grid.length - 1]).toEqual(["'02/2020", 'C', 4, 1, '']);
  });

  test('sameGrid compares dates by instant and ignores trailing empty cells', () => {
    expect(sameGrid([[new Date(5), 'a', '']], [[new Date(5), 'a']])).toBe(true);
    expect(sameGrid([[new Date(5)]], [[new Date(6)]])).toBe(false);
    expect(sameGrid([['a'], []], [['a']])).toBe(true);
  });
});

describe('protection blocks', () => {
  test('runs of rows and A1 as Sheets writes it', () => {
    expect(runs([7, 2, 3, 4, 9, 8])).toEqual([
      [2, 3],
      [7, 3],
    ]);
    expect(blockA1({ row: 2, column: 3, numRows: 12, numColumns: 3 })).toBe('C2:E13');
    expect(blockA1({ row: 9, column: 4, numRows: 1, numColumns: 1 })).toBe('D9');
  });
});
