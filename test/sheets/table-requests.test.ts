// One table's formats and status palette as Sheets requests, and both halves sending exactly these.
import { decorationRequests, figureBatches, place } from '../../src/addin/sheets-api';
import { newWriteMarker, type OutputTable, planTabs, STATUS, STATUS_COLOURS, TAB } from '../../src/core';
import { formatRequests, NUMBER_FORMATS, paletteRequests } from '../../src/sheets/table-requests';
import { rawRows, writeRequests } from '../../sync/workbook/sheets-write';

/** Every ColumnFormat, a NaN, a Date, text starting with "=", a boolean and an empty cell. */
const table: OutputTable = {
  tab: TAB.ratio,
  title: ['TỶ LỆ', 'Kỳ báo cáo: 11/2026'],
  header: ['Mã đơn vị', 'Tên đơn vị', 'Tổng số hồ sơ', 'Hồ sơ trực tuyến', 'Tỷ lệ', 'Điểm', 'Đánh giá'],
  formats: ['text', 'text', 'integer', 'integer', 'percent', 'decimal', 'text'],
  rows: [
    ['X01', '=Xã Một', 120, 90, 0.75, 1.5, STATUS.met],
    ['X02', 'Xã Hai', 0, 0, Number.NaN, Number.NaN, STATUS.noData],
    ['X03', new Date('2026-12-07T17:00:00Z'), 10, 2, 0.2, true, ''],
  ],
  palette: { column: 6, palette: STATUS_COLOURS },
};
const SHEET = 7;

const range = (
  startRowIndex: number,
  endRowIndex: number,
  startColumnIndex: number,
  endColumnIndex: number,
) => ({
  sheetId: SHEET,
  startRowIndex,
  endRowIndex,
  startColumnIndex,
  endColumnIndex,
});

test('formats: the table reset to text, title rows bold, the tinted header, one request per run of number columns', () => {
  expect(formatRequests(table, SHEET)).toEqual([
    {
      repeatCell: {
        range: range(0, 6, 0, 7),
        cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
        fields: 'userEnteredFormat',
      },
    },
    {
      repeatCell: {
        range: range(0, 2, 0, 7),
        cell: { userEnteredFormat: { textFormat: { bold: true } } },
        fields: 'userEnteredFormat.textFormat.bold',
      },
    },
    {
      repeatCell: {
        range: range(2, 3, 0, 7),
        cell: {
          userEnteredFormat: {
            textFormat: { bold: true },
            backgroundColor: { red: 221 / 255, green: 235 / 255, blue: 247 / 255 },
            wrapStrategy: 'WRAP',
            verticalAlignment: 'MIDDLE',
          },
        },
        fields:
          'userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor,userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
      },
    },
    {
      repeatCell: {
        range: range(3, 6, 2, 4),
        cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '#,##0' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    },
    {
      repeatCell: {
        range: range(3, 6, 4, 5),
        cell: { userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0.00%' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    },
    {
      repeatCell: {
        range: range(3, 6, 5, 6),
        cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.00' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    },
  ]);
  expect(NUMBER_FORMATS.decimal).toEqual({ type: 'NUMBER', pattern: '0.00' });
});

test('palette: the tab’s 2 old rules deleted, then the 4 status colours on Đánh giá’s data rows', () => {
  const requests = paletteRequests(table, SHEET, 2);
  expect(requests.slice(0, 2)).toEqual([
    { deleteConditionalFormatRule: { sheetId: SHEET, index: 0 } },
    { deleteConditionalFormatRule: { sheetId: SHEET, index: 0 } },
  ]);
  const rules = requests
    .slice(2)
    .map((r) => ('addConditionalFormatRule' in r ? r.addConditionalFormatRule : null));
  expect(rules.map((r) => r?.rule.booleanRule.condition.values[0]?.userEnteredValue)).toEqual([
    STATUS.met,
    STATUS.notMet,
    STATUS.dataError,
    STATUS.noData,
  ]);
  expect(rules.map((r) => r?.index)).toEqual([0, 1, 2, 3]);
  expect(rules[0]?.rule.ranges).toEqual([range(3, 6, 6, 7)]);
  // Met: #d9ead3 on #274e13.
  expect(rules[0]?.rule.booleanRule.format).toEqual({
    backgroundColor: { red: 0xd9 / 255, green: 0xea / 255, blue: 0xd3 / 255 },
    textFormat: { foregroundColor: { red: 0x27 / 255, green: 0x4e / 255, blue: 0x13 / 255 } },
  });
  // The core names the column, not its header text: without a palette, even a Đánh giá column stays plain
  // (Diễn biến theo tháng's own rules go with layoutRequests); the palette follows the column it names.
  const { palette: _none, ...plain } = table;
  expect(paletteRequests(plain, SHEET, 2)).toEqual([]);
  const moved = paletteRequests({ ...table, palette: { column: 0, palette: STATUS_COLOURS } }, SHEET, 0);
  expect(
    moved.map((r) => ('addConditionalFormatRule' in r ? r.addConditionalFormatRule.rule.ranges : null)),
  ).toEqual(Array(4).fill([range(3, 6, 0, 1)]));
});

test('both halves send the same cells, formats and palette for the same table', () => {
  // The add-in: its figure batch and its decoration batch for its own (marked) tab at sheetId 7 with 2 rules.
  const layout = {
    tabs: [
      {
        sheetId: SHEET,
        title: TAB.ratio,
        rows: 1000,
        columns: 26,
        conditionalRules: 2,
        chartIds: [],
        marked: true,
        staging: false,
      },
    ],
    markers: [],
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
  };
  const placements = place(layout, [table], planTabs([{ name: TAB.ratio, marked: true }], [TAB.ratio]));
  const marker = newWriteMarker('addin', 'run-1', new Date('2026-12-07T00:00:00Z'));
  const addin = [
    ...figureBatches(placements, marker, 1).flat(),
    ...decorationRequests(placements, 2026, 'levels'),
  ];
  // The sync: its one batch for the same tab.
  const sync = writeRequests(
    [table],
    [
      {
        sheetId: SHEET,
        title: TAB.ratio,
        rowCount: 1000,
        columnCount: 26,
        conditionalRules: 2,
        marked: true,
      },
    ],
  );

  const cells = (requests: readonly { updateCells?: { rows?: { values?: object[] }[] } | null }[]) =>
    requests
      .flatMap((r) => r.updateCells?.rows ?? [])
      .map((row) => {
        const values = [...(row.values ?? [])];
        // The sync leaves out trailing empty cells (it cleared the tab); the add-in sends them as {}.
        while (values.length > 0 && Object.keys(values[values.length - 1] ?? {}).length === 0) values.pop();
        return values;
      });
  const fromAddin = cells(addin);
  expect(cells(sync)).toEqual(fromAddin);
  expect(fromAddin[3]?.[1]).toEqual({ userEnteredValue: { stringValue: '=Xã Một' } });
  expect(fromAddin[4]?.[4]).toEqual({});
  expect(fromAddin[4]?.[5]).toEqual({});
  expect(fromAddin[5]?.[1]).toEqual({ userEnteredValue: { numberValue: 46364 } });
  expect(fromAddin[5]?.[5]).toEqual({ userEnteredValue: { boolValue: true } });
  // The sync's RAW staging values follow the same rule.
  expect(rawRows(table)[4]).toEqual(['X02', 'Xã Hai', 0, 0, '', '', STATUS.noData]);
  expect(rawRows(table)[5]?.[1]).toBe(46364);

  const kinds = (requests: readonly object[]) =>
    requests.filter(
      (r) => 'repeatCell' in r || 'addConditionalFormatRule' in r || 'deleteConditionalFormatRule' in r,
    );
  const expected = [...formatRequests(table, SHEET), ...paletteRequests(table, SHEET, 2)];
  expect(kinds(addin)).toEqual(expected);
  expect(kinds(sync)).toEqual(expected);
  expect(expected).toHaveLength(12);
});
