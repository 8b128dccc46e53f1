// Nhập liệu validation: every error of CONTRACT.md section 3, where it is reported, and what it contributes.
import type { Cell } from '../../src/core';
import { entriesGrid, problemsOf, ratioRow, report, unitsGrid } from './workbook';

const units = unitsGrid([
  ['A', 'Sở An', 'SBN'],
  ['B', 'Sở Bình', 'SBN', '', '30%'],
  ['XÃ01', 'Xã Đông', 'XA'],
]);
const run = (rows: Cell[][]) => report({ units, entries: entriesGrid(rows) });
const entryProblems = (result: ReturnType<typeof run>) =>
  problemsOf(result)
    .filter((p) => p.Tab === 'Nhập liệu')
    .map((p) => [p.Ô, p['Mã đơn vị'], p.Kỳ, p['Mức độ']]);

describe('Nhập liệu sums', () => {
  it('sums the months of the year to date, whatever form the counts and months take', () => {
    const result = run([
      ['T1/2020', 'A', 100, 30],
      ['Tháng 2 năm 2020', 'A', '1.234', '400'],
      [new Date('2020-02-29T17:00:00Z'), 'A', '1 000', '0'], // 1/3/2020 00:00 in Vietnam
      [43931, 'A', '2,000', 570], // serial 43931 = 10/4/2020
      ['2020-01', 'B', 10, 3],
    ]);
    expect(problemsOf(result)).toEqual([]);
    expect(result.through).toEqual({ year: 2020, month: 4 });
    const a = ratioRow(result, 'A');
    // 100 + 1234 + 1000 + 2000 = 4334 dossiers, 30 + 400 + 0 + 570 = 1000 online.
    expect(a['Tổng số hồ sơ']).toBe(4334);
    expect(a['Hồ sơ trực tuyến mức độ 3, 4']).toBe(1000);
    expect(a['Tỷ lệ']).toBeCloseTo(1000 / 4334, 12);
    expect(a['Số tháng có số liệu']).toBe(4);
    expect(a['Nguồn số liệu']).toBe('Đơn vị nhập');
  });

  it('reads reordered and extra columns below title rows, with NFD headers and NFD unit codes', () => {
    const result = report({
      units,
      entries: [
        ['SỐ LIỆU NHẬP'],
        [],
        [
          'STT',
          'Số hồ sơ giải quyết trực tuyến mức độ 3, 4'.normalize('NFD'),
          'Mã đơn vị'.normalize('NFD'),
          'Ghi chú',
          'Tổng số hồ sơ đã giải quyết'.normalize('NFD'),
          'Kỳ',
        ],
        [1, 7, 'xã01'.normalize('NFD'), 'ghi chú', 35, 'Tháng 10/2020'.normalize('NFD')],
      ],
    });
    expect(problemsOf(result)).toEqual([]);
    const row = ratioRow(result, 'XÃ01');
    expect([row['Tổng số hồ sơ'], row['Hồ sơ trực tuyến mức độ 3, 4'], row['Đánh giá']]).toEqual([
      35,
      7,
      'Đạt',
    ]);
  });

  it('skips rows whose two counts are empty: no error, no figures, and they do not extend the period', () => {
    const result = run([
      ['01/2020', 'A', 10, 2],
      ['02/2020', 'A', '', ''],
      ['03/2020', 'B', null, '  '],
      ['04/2020', 'nobody', '', ''],
      ['', '', '', ''],
    ]);
    expect(problemsOf(result)).toEqual([]);
    expect(result.through).toEqual({ year: 2020, month: 1 });
    expect(ratioRow(result, 'A')['Số tháng có số liệu']).toBe(1);
    // B's only row has both counts empty: nothing reported, which is not 0 dossiers (contract §10.4).
    expect(ratioRow(result, 'B')['Đánh giá']).toBe('Chưa có số liệu');
  });
});

describe('Nhập liệu errors', () => {
  it('one count filled and the other empty is an error at the empty cell', () => {
    const result = run([
      ['01/2020', 'A', 10, 2],
      ['02/2020', 'A', 10, ''],
      ['01/2020', 'B', '', 0],
    ]);
    expect(entryProblems(result)).toEqual([
      ['D3', 'A', '02/2020', 'Lỗi'],
      ['C4', 'B', '01/2020', 'Lỗi'],
    ]);
    const a = ratioRow(result, 'A');
    expect([a['Tổng số hồ sơ'], a['Đánh giá']]).toEqual([10, 'Số liệu lỗi']);
    expect(ratioRow(result, 'B')['Đánh giá']).toBe('Số liệu lỗi');
  });

  it('online greater than total is an error at the online cell', () => {
    const result = run([
      ['01/2020', 'A', 20, 21],
      ['02/2020', 'A', 40, 10],
    ]);
    expect(entryProblems(result)).toEqual([['D2', 'A', '01/2020', 'Lỗi']]);
    const problem = problemsOf(result)[0];
    expect(problem?.['Nội dung']).toBe(
      'Số hồ sơ trực tuyến (21) lớn hơn tổng số hồ sơ đã giải quyết (20). Hãy kiểm tra lại.',
    );
    const a = ratioRow(result, 'A');
    // Only February counts.
    expect([a['Tổng số hồ sơ'], a['Hồ sơ trực tuyến mức độ 3, 4'], a['Đánh giá']]).toEqual([
      40,
      10,
      'Số liệu lỗi',
    ]);
  });

  it.each([
    ['1.234,5', 'C2'],
    ['-3', 'C2'],
    [-3, 'C2'],
    [2.5, 'C2'],
    ['12 hồ sơ', 'C2'],
    [true, 'C2'],
  ])('a bad count %p is an error at its cell', (bad, cell) => {
    const result = run([['01/2020', 'A', bad, 0]]);
    expect(entryProblems(result)).toEqual([[cell, 'A', '01/2020', 'Lỗi']]);
    expect(ratioRow(result, 'A')['Đánh giá']).toBe('Số liệu lỗi');
  });

  it('an unknown unit is an error at the unit cell', () => {
    const result = run([['01/2020', 'ZZZ', 5, 1]]);
    expect(entryProblems(result)).toEqual([['B2', 'ZZZ', '01/2020', 'Lỗi']]);
    expect(problemsOf(result)[0]?.['Nội dung']).toBe(
      'Mã đơn vị "ZZZ" không có trong tab Đơn vị. Hãy kiểm tra lại mã đơn vị.',
    );
  });

  it('a bad or missing month is an error at the Kỳ cell and the unit says Số liệu lỗi', () => {
    const result = run([
      ['tháng mười', 'A', 5, 1],
      ['', 'B', 5, 1],
      ['10/2020', 'XÃ01', 5, 1],
    ]);
    expect(entryProblems(result)).toEqual([
      ['A2', 'A', 'tháng mười', 'Lỗi'],
      ['A3', 'B', '', 'Lỗi'],
    ]);
    expect(ratioRow(result, 'A')['Đánh giá']).toBe('Số liệu lỗi');
    expect(ratioRow(result, 'B')['Đánh giá']).toBe('Số liệu lỗi');
    expect(ratioRow(result, 'XÃ01')['Đánh giá']).toBe('Đạt'); // 1 of 5 = 20%
  });

  it('a month outside Năm is an error, contributes nothing and marks the unit', () => {
    const result = run([
      ['12/2019', 'A', 50, 50],
      ['01/2021', 'B', 50, 50],
      ['01/2020', 'A', 10, 5],
    ]);
    expect(entryProblems(result)).toEqual([
      ['A2', 'A', '12/2019', 'Lỗi'],
      ['A3', 'B', '01/2021', 'Lỗi'],
    ]);
    expect(problemsOf(result)[0]?.['Nội dung']).toBe(
      'Kỳ 12/2019 không thuộc năm đang theo dõi (2020). Hãy sửa lại tháng hoặc năm trong tab Cấu hình.',
    );
    const a = ratioRow(result, 'A');
    expect([a['Tổng số hồ sơ'], a['Đánh giá']]).toEqual([10, 'Số liệu lỗi']);
    expect(result.through).toEqual({ year: 2020, month: 1 });
  });

  it('the same unit and month twice: both rows contribute nothing, the error is on the second row', () => {
    const result = run([
      ['01/2020', 'A', 10, 5],
      ['02/2020', 'A', 20, 5],
      ['T2/2020', 'a', 30, 9],
      ['03/2020', 'A', 40, 10],
    ]);
    expect(entryProblems(result)).toEqual([['B4', 'A', '02/2020', 'Lỗi']]);
    expect(problemsOf(result)[0]?.['Nội dung']).toContain('B3');
    const a = ratioRow(result, 'A');
    // January and March only: 10 + 40 = 50, 5 + 10 = 15.
    expect([a['Tổng số hồ sơ'], a['Hồ sơ trực tuyến mức độ 3, 4'], a['Đánh giá']]).toEqual([
      50,
      15,
      'Số liệu lỗi',
    ]);
  });

  it('an error in a month after the reporting month does not mark the unit', () => {
    const result = report(
      {
        units,
        entries: entriesGrid([
          ['01/2020', 'A', 10, 5],
          ['02/2020', 'A', 10, 50],
        ]),
      },
      { year: 2020, month: 1 },
    );
    expect(entryProblems(result)).toEqual([['D3', 'A', '02/2020', 'Lỗi']]);
    expect(ratioRow(result, 'A')['Đánh giá']).toBe('Đạt');
  });

  it('never throws on odd cells and reports a missing Nhập liệu tab or column', () => {
    const missing = report({ units });
    expect(problemsOf(missing).map((p) => [p.Tab, p['Mức độ']])).toContainEqual(['Nhập liệu', 'Lỗi']);
    const noColumn = report({ units, entries: [['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết']] });
    expect(problemsOf(noColumn).map((p) => p['Nội dung'])).toContainEqual(
      'Tab "Nhập liệu" thiếu cột "Số hồ sơ giải quyết trực tuyến mức độ 3, 4" (tiêu đề bị đổi tên hoặc gộp ô?). Số liệu của tab này chưa được tính; hãy thêm lại cột này vào dòng tiêu đề.',
    );
  });
});
