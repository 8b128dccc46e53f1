// Headers found by text (NFC, trimmed, case-folded), title rows above, reordered and extra columns, A1 cells.
import { a1, columnLetter, fold } from '../../src/core';
import { isBlank, readTable, showCell } from '../../src/core/cells';

describe('fold', () => {
  it('matches NFD and NFC, case and spacing', () => {
    expect(fold('Mã đơn vị'.normalize('NFD'))).toBe(fold('Mã đơn vị'));
    expect(fold('  MÃ ĐƠN   VỊ ')).toBe('mã đơn vị');
    expect(fold('Mã\u00a0đơn vị')).toBe('mã đơn vị');
    expect(fold(null)).toBe('');
    expect(fold(12)).toBe('12');
  });
});

describe('A1 addresses', () => {
  it('names columns and cells', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(a1(6, 3)).toBe('D7');
  });
});

describe('readTable', () => {
  const grid = [
    ['BÁO CÁO SỐ LIỆU', null],
    ['', ''],
    ['Ghi chú riêng', 'MÃ ĐƠN VỊ'.normalize('NFD'), ' Kỳ ', 'Tổng số hồ sơ đã giải quyết'],
    ['x', 'SNV', '10/2020', 5],
    [null, '', '', ''],
    ['', 'STP'],
  ];

  it('finds the header row below title rows and columns by text in any order', () => {
    const table = readTable(grid, 'Mã đơn vị', ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Ghi chú']);
    expect(table.headerRow).toBe(2);
    expect(table.columns.get('Mã đơn vị')).toBe(1);
    expect(table.columns.get('Kỳ')).toBe(2);
    expect(table.columns.get('Tổng số hồ sơ đã giải quyết')).toBe(3);
    expect(table.missing).toEqual(['Ghi chú']);
    // Blank rows are skipped, ragged rows kept, grid indices kept for A1 addresses.
    expect(table.rows.map((r) => r.index)).toEqual([3, 5]);
  });

  it('reports no header when the anchor is absent', () => {
    const table = readTable([['a', 'b']], 'Mã đơn vị', ['Mã đơn vị']);
    expect(table.headerRow).toBe(-1);
    expect(table.missing).toEqual(['Mã đơn vị']);
  });
});

describe('cells', () => {
  it('treats null, undefined and whitespace as blank, not 0 or false', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank('  ')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });

  it('shows cells as NFC text', () => {
    expect(showCell('Xã'.normalize('NFD'))).toBe('Xã');
    expect(showCell(new Date(Number.NaN))).toBe('');
    expect(showCell(1234)).toBe('1234');
  });
});
