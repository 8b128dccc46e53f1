// Báo cáo and Diễn biến theo tháng through the built add-in: the same layout as the sync's (merges, styles, borders, widths, no frozen rows) and the monthly colour rules.
import { loadScript, type Value } from '../fakes/apps-script';
import { CATALOGUE, ENTRIES, SETTINGS, UNITS } from '../sync/fixtures';

const OWNER = 'owner@example.vn';

function recomputed() {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  spreadsheet._load('Cấu hình', [...SETTINGS, ['Cơ quan chủ quản', 'UBND tỉnh Hòa Bình', '']] as Value[][]);
  spreadsheet._load('Đơn vị', UNITS as Value[][]);
  spreadsheet._load('Nhập liệu', [
    ...(ENTRIES as Value[][]),
    ['01/2020', 'SNV', 100, 40, ''],
    ['02/2020', 'SNV', 100, 20, ''],
  ]);
  spreadsheet._load('Danh mục DVC', CATALOGUE as Value[][]);
  script.run('recomputeAll');
  return script;
}

test('Báo cáo: merged header blocks, styled rows, bordered table, fixed widths, nothing frozen; again on a second recompute', () => {
  const script = recomputed();
  for (let run = 1; run <= 2; run++) {
    if (run === 2) script.run('recomputeAll');
    expect(script.world.ui[script.world.ui.length - 1]?.kind).toBe('toast');
    const sheet = script.spreadsheet._sheet('Báo cáo');
    const values = sheet._values();
    expect(values[0]?.slice(0, 5)).toEqual([
      'UBND TỈNH HÒA BÌNH',
      '',
      '',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ]);
    expect(sheet.frozenRows).toBe(0);
    // 1-based, as Apps Script counts: A1:D1 and E1:I1, Số across A4:D4, the title across A6:I6; the same
    // count on a rerun: 4 heading blocks, Số, 4 title lines, 2 summary lines, 5 signature blocks, and
    // Nơi nhận with its 2 dotted lines.
    expect(sheet.merges).toContainEqual({ row: 1, column: 1, numRows: 1, numColumns: 4 });
    expect(sheet.merges).toContainEqual({ row: 1, column: 5, numRows: 1, numColumns: 5 });
    expect(sheet.merges).toContainEqual({ row: 4, column: 1, numRows: 1, numColumns: 4 });
    expect(sheet.merges).toContainEqual({ row: 6, column: 1, numRows: 1, numColumns: 9 });
    expect(sheet.merges).toHaveLength(19);
    expect(values[3]?.[0]).toBe('Số:       /BC-……');
    expect(values[5]?.[0]).toBe('BÁO CÁO');
    // Decree 30: Times New Roman 13 throughout, the title 14 bold, the motto 13 bold, padding in every cell.
    expect(sheet._at('A6')).toMatchObject({
      bold: true,
      fontSize: 14,
      align: 'center',
      fontFamily: 'Times New Roman',
    });
    expect(sheet._at('E2')).toMatchObject({ bold: true, fontSize: 13, fontFamily: 'Times New Roman' });
    expect(sheet._at('A8')).toMatchObject({ italic: true, align: 'center' });
    expect(sheet._at('A10')).toMatchObject({
      bold: true,
      border: true,
      fontSize: 13,
      fontFamily: 'Times New Roman',
    });
    expect(sheet._at('C11').padding).toEqual({ top: 2, right: 6, bottom: 2, left: 6 });
    // The short rules: under C3 (the issuing body) and F3:G3 (the motto), nowhere else on that row.
    expect(
      ['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3'].map((a1) => sheet._at(a1).bottomBorder ?? false),
    ).toEqual([false, false, true, false, false, true, true, false, false]);
    const recipients = values.findIndex((row) => row[0] === 'Nơi nhận:');
    expect(values.slice(recipients, recipients + 3).map((row) => row[0])).toEqual([
      'Nơi nhận:',
      '- ……………………',
      '- ……………………',
    ]);
    expect(sheet._cell(recipients + 1, 1)).toMatchObject({ bold: true, italic: true, fontSize: 12 });
    expect(sheet._cell(recipients + 2, 1)).toMatchObject({ fontSize: 11 });
    expect(sheet.columnWidths.get(3)).toBe(36 * 7 + 10);
    // The figures keep their formats under the styles: SNV's ratio in percent.
    const snv = values.findIndex((row) => row[1] === 'SNV');
    expect(sheet._cell(snv + 1, 6).numberFormat).toBe('0.00%');
  }
});

test('Diễn biến theo tháng: each month against the target, then Đánh giá, as formula rules in priority order', () => {
  const script = recomputed();
  const sheet = script.spreadsheet._sheet('Diễn biến theo tháng');
  const values = sheet._values();
  const snv = values.find((row) => row[0] === 'SNV') ?? [];
  expect(snv.slice(3, 5)).toEqual([0.4, 0.2]);
  const rules = sheet.conditionalRules.map((rule) => rule._describe()) as {
    condition: string;
    values: string[];
    background: string;
    ranges: unknown[];
  }[];
  expect(rules.map((rule) => [rule.condition, rule.values[0], rule.background])).toEqual([
    ['CUSTOM_FORMULA', '=AND(ISNUMBER(D5),D5>=$Q5)', '#d9ead3'],
    ['CUSTOM_FORMULA', '=AND(ISNUMBER(D5),D5<$Q5)', '#fce5cd'],
    ['CUSTOM_FORMULA', '=$R5="Đạt"', '#d9ead3'],
    ['CUSTOM_FORMULA', '=$R5="Chưa đạt"', '#fce5cd'],
    ['CUSTOM_FORMULA', '=$R5="Số liệu lỗi"', '#f4cccc'],
    ['CUSTOM_FORMULA', '=$R5="Chưa có số liệu"', '#efefef'],
  ]);
  expect(rules[0]?.ranges).toEqual(['Diễn biến theo tháng!D5:P8']);
});

test('Diễn biến theo tháng: its colour rules go in the same batch as its values (contract 9.5), not in the decoration batch', () => {
  const script = recomputed();
  const sheetId = script.spreadsheet._sheet('Diễn biến theo tháng').id;
  type Sent = {
    updateCells?: { range?: { sheetId?: number } };
    addConditionalFormatRule?: { rule?: { ranges?: { sheetId?: number }[] } };
  };
  const batches = script.sheets.batches as Sent[][];
  const ruleOn = (request: Sent) => request.addConditionalFormatRule?.rule?.ranges?.[0]?.sheetId === sheetId;
  const valuesOn = (request: Sent) => request.updateCells?.range?.sheetId === sheetId;
  const withValues = batches.filter((batch) => batch.some(valuesOn));
  expect(withValues).toHaveLength(1);
  expect(withValues[0]?.filter(ruleOn)).toHaveLength(6);
  expect(
    batches
      .filter((batch) => batch !== withValues[0])
      .flat()
      .filter(ruleOn),
  ).toEqual([]);
});
