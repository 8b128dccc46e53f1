// Silent blanks and over-long cells: formula cells without a value, renamed or merged headers, and the
// excerpt and per-cell caps every written tab keeps.
import {
  buildReport,
  type Cell,
  EXCERPT_LENGTH,
  FORMULA_WITHOUT_VALUE,
  MAX_CELL_TEXT,
  tableToGrid,
} from '../../src/core';
import { entriesGrid, NOW, problemsOf, ratioRow, report, settingsGrid, unitsGrid } from './workbook';

const units = unitsGrid([
  ['A', 'Sở An', 'SBN', '', '30%'],
  ['B', 'Sở Bình', 'SBN', '', '30%'],
]);
const pick = (row: Record<string, Cell>, ...columns: string[]) => columns.map((c) => row[c]);

describe('formula cells without a usable value', () => {
  it('a count formula with no cached value is a Lỗi at its cell, not a month not reported', () => {
    const result = report({
      units,
      entries: entriesGrid([
        ['01/2020', 'A', 100, 40],
        ['02/2020', 'A', FORMULA_WITHOUT_VALUE, FORMULA_WITHOUT_VALUE],
        ['01/2020', 'B', 100, FORMULA_WITHOUT_VALUE],
      ]),
    });
    expect(problemsOf(result).map((p) => pick(p, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ'))).toEqual([
      ['Nhập liệu', 'C3', 'A', '02/2020', 'Lỗi'],
      ['Nhập liệu', 'D3', 'A', '02/2020', 'Lỗi'],
      ['Nhập liệu', 'D4', 'B', '01/2020', 'Lỗi'],
    ]);
    expect(problemsOf(result)[0]?.['Nội dung']).toContain(
      'chứa công thức nhưng tệp chưa lưu giá trị đã tính',
    );
    expect(problemsOf(result)[0]?.['Nội dung']).toContain('"Tổng số hồ sơ đã giải quyết"');
    // The unit says Số liệu lỗi; the error rows do not move the period (still January).
    expect(pick(ratioRow(result, 'A'), 'Tổng số hồ sơ', 'Đánh giá')).toEqual([100, 'Số liệu lỗi']);
    expect(result.through).toEqual({ year: 2020, month: 1 });
  });

  it('#REF!, #N/A and other error values in a count, month or unit cell are a Lỗi naming the error', () => {
    const result = report({
      units,
      entries: entriesGrid([
        ['01/2020', 'A', '#REF!', 4],
        ['#N/A', 'B', 10, 4],
        ['02/2020', '#VALUE!', 10, 4],
        ['03/2020', 'B', 10, '#DIV/0!'],
      ]),
    });
    expect(problemsOf(result).map((p) => pick(p, 'Ô', 'Mức độ'))).toEqual([
      ['C2', 'Lỗi'],
      ['A3', 'Lỗi'],
      ['B4', 'Lỗi'],
      ['D5', 'Lỗi'],
    ]);
    const messages = problemsOf(result).map((p) => String(p['Nội dung']));
    expect(messages[0]).toContain('công thức báo lỗi #REF!');
    expect(messages[1]).toContain('công thức báo lỗi #N/A');
    expect(messages[2]).toContain('công thức báo lỗi #VALUE!');
    expect(messages[3]).toContain('công thức báo lỗi #DIV/0!');
    expect(ratioRow(result, 'B')['Đánh giá']).toBe('Số liệu lỗi');
  });
});

describe('missing or merged header columns', () => {
  it('a renamed Mã đơn vị in Nhập liệu is a Lỗi naming the column, not "tab missing"', () => {
    const result = report({
      units,
      entries: [
        ['Kỳ', 'Mã ĐV', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4'],
        ['01/2020', 'A', 100, 40],
      ],
    });
    const rows = problemsOf(result).map((p) => pick(p, 'Tab', 'Mức độ', 'Nội dung'));
    expect(rows).toEqual([
      ['Nhập liệu', 'Lỗi', expect.stringContaining('không có dòng tiêu đề chứa cột "Mã đơn vị"')],
    ]);
  });

  it('a merged count header (one column name over two) is a Lỗi naming the lost column', () => {
    const result = report({
      units,
      entries: [
        ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', null],
        ['01/2020', 'A', 100, 40],
      ],
    });
    expect(problemsOf(result).map((p) => p['Nội dung'])).toEqual([
      expect.stringContaining('thiếu cột "Số hồ sơ giải quyết trực tuyến mức độ 3, 4"'),
    ]);
    // Under Toàn trình, một phần the message names the column as the sheet would: without levels.
    const modes = buildReport(
      {
        settings: settingsGrid([
          ['Năm', 2020],
          ['Cách phân loại', 'Toàn trình, một phần'],
        ]),
        units,
        entries: [['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết']],
      },
      { now: NOW },
    );
    expect(problemsOf(modes).map((p) => p['Nội dung'])).toEqual([
      expect.stringContaining('thiếu cột "Số hồ sơ giải quyết trực tuyến" ('),
    ]);
  });

  it('a renamed Chỉ tiêu in Đơn vị is a Cảnh báo instead of every target quietly at the floor', () => {
    const result = report({
      units: [
        ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Chỉ tiêu giao'],
        ['A', 'Sở An', 'SBN', '30%'],
      ],
    });
    expect(
      problemsOf(result)
        .filter((p) => p.Tab === 'Đơn vị')
        .map((p) => pick(p, 'Mức độ', 'Nội dung')),
    ).toEqual([['Cảnh báo', expect.stringContaining('thiếu cột "Chỉ tiêu"')]]);
  });

  it('a Danh mục DVC whose Mã TTHC header was renamed is a Lỗi', () => {
    const result = report({
      units,
      catalogue: [
        ['Mã thủ tục', 'Tên TTHC', 'Mức độ'],
        ['1.001', 'Một', 3],
      ],
    });
    const rows = problemsOf(result).filter((p) => p.Tab === 'Danh mục DVC');
    expect(rows.map((p) => pick(p, 'Tab', 'Mức độ', 'Nội dung'))).toEqual([
      ['Danh mục DVC', 'Lỗi', expect.stringContaining('không có dòng tiêu đề chứa cột "Mã TTHC"')],
    ]);
  });
});

describe('over-long cells', () => {
  const huge = 'X'.repeat(50_000);

  it('Kiểm tra quotes a short excerpt of user text, never the whole cell', () => {
    const result = report({
      units: unitsGrid([
        ['A', 'Sở An', 'SBN', '', huge],
        ['B', 'Sở Bình', `Nhóm ${huge}`],
      ]),
      entries: entriesGrid([
        ['01/2020', huge, 1, 1],
        [huge, 'A', 1, 1],
        ['01/2020', 'A', `${huge}1`, 1],
      ]),
    });
    const rows = problemsOf(result);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(String(cell).length).toBeLessThan(400);
      expect(String(row['Nội dung'])).toContain(`${'X'.repeat(EXCERPT_LENGTH - 6)}`);
    }
    // The unit code column quotes the excerpt too.
    expect(rows.find((r) => String(r['Mã đơn vị']).startsWith('XXX'))?.['Mã đơn vị']).toBe(
      `${'X'.repeat(EXCERPT_LENGTH)}…`,
    );
  });

  it('no written cell is over Excel’s 32,767 characters (nor Sheets’ 50,000)', () => {
    const result = report({ units: unitsGrid([['A', huge, 'SBN']]) });
    const lengths = Object.values(result.tables).flatMap((table) =>
      tableToGrid(table).flatMap((row) => row.map((cell) => String(cell).length)),
    );
    expect(Math.max(...lengths)).toBe(MAX_CELL_TEXT);
    const name = tableToGrid(result.tables.ratio)[3]?.[1] as string;
    expect(name.endsWith('…')).toBe(true);
  });
});
