// exceljs cells → core cells: a date cell reads as the same instant Apps Script gives, in both halves' rules.
import ExcelJS from 'exceljs';
import { buildReport, FORMULA_WITHOUT_VALUE, formulaProblem } from '../../src/core';
import { cellOfExcel, gridOfWorksheet } from '../../sync/workbook/excel-cells';

describe('cellOfExcel', () => {
  test('a floating date becomes the instant of that wall-clock time in Vietnam', () => {
    // exceljs reads a cell showing 1/10/2020 00:00 as 2020-10-01T00:00Z; in Vietnam that is 2020-09-30T17:00Z.
    const cell = cellOfExcel(new Date(Date.UTC(2020, 9, 1)));
    expect(cell).toEqual(new Date('2020-09-30T17:00:00Z'));
    // 31/10/2020 23:30 stays in October, where a UTC reading would not move it but a zone mix-up would.
    expect(cellOfExcel(new Date(Date.UTC(2020, 9, 31, 23, 30)))).toEqual(new Date('2020-10-31T16:30:00Z'));
  });

  test('rich text, formulas and hyperlinks give their text or cached result', () => {
    expect(cellOfExcel({ richText: [{ text: 'Sở ' }, { text: 'Tư pháp' }] })).toBe('Sở Tư pháp');
    expect(cellOfExcel({ formula: 'A1+1', result: 12 } as ExcelJS.CellFormulaValue)).toBe(12);
    expect(cellOfExcel({ text: 'Cổng', hyperlink: 'https://dichvucong.gov.vn' })).toBe('Cổng');
  });

  test('a formula without a cached result is not an empty cell; an error result is its error text', () => {
    // A file written by a program that does not calculate: the core reports it as a Lỗi at its cell.
    const uncached = cellOfExcel({ formula: 'SUM(C2:C9)' } as ExcelJS.CellFormulaValue);
    expect(uncached).toBe(FORMULA_WITHOUT_VALUE);
    expect(formulaProblem(uncached)).toBe(FORMULA_WITHOUT_VALUE);
    const failed = cellOfExcel({ formula: 'C2/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue);
    expect(failed).toBe('#DIV/0!');
    expect(formulaProblem(failed)).toBe('#DIV/0!');
    expect(cellOfExcel({ error: '#REF!' } as ExcelJS.CellErrorValue)).toBe('#REF!');
  });
});

describe('a workbook with date cells', () => {
  test('a date in Kỳ names its month; a date typed into a count column is an error at its cell', async () => {
    const book = new ExcelJS.Workbook();
    const units = book.addWorksheet('Đơn vị');
    units.addRows([
      ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Chỉ tiêu'],
      ['STP', 'Sở Tư pháp', 'SBN', ''],
    ]);
    const entries = book.addWorksheet('Nhập liệu');
    entries.addRows([
      ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4'],
      [new Date(Date.UTC(2020, 8, 15)), 'STP', 40, 10],
      [new Date(Date.UTC(2020, 9, 1)), 'STP', new Date(Date.UTC(2020, 0, 12)), 5],
    ]);
    // Round-trip through bytes, as the sync reads a file.
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    const grid = (name: string) => gridOfWorksheet(read.getWorksheet(name) as ExcelJS.Worksheet);
    const report = buildReport(
      {
        settings: [
          ['Tham số', 'Giá trị'],
          ['Năm', 2020],
        ],
        units: grid('Đơn vị'),
        entries: grid('Nhập liệu'),
      },
      { now: new Date('2020-11-05T00:00:00Z') },
    );
    const problems = report.tables.problems.rows.map((row) => [row[0], row[1], row[2], row[3], row[4]]);
    expect(problems).toEqual([['Nhập liệu', 'C3', 'STP', '10/2020', 'Lỗi']]);
    // September counts (10 of 40); October contributes nothing and the unit says Số liệu lỗi.
    const stp = report.tables.ratio.rows[0] ?? [];
    expect(stp.slice(4, 9)).toEqual([40, 10, 0.25, 0.2, 'Số liệu lỗi']);
  });
});
