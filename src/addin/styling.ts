// Conditional colours for Đánh giá (and Mức độ on Kiểm tra), and the one chart of ratio against target per scope.
import { ADDIN_TEXT, type ClassificationKey, COL, type OutputTable, SEVERITY, STATUS } from '../core';
import { columnOf } from './sheet-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Background and text colours: green for met, amber for not met, red for data errors. */
const COLOURS: readonly { text: string; background: string; font: string }[] = [
  { text: STATUS.met, background: '#d9ead3', font: '#274e13' },
  { text: STATUS.notMet, background: '#fce5cd', font: '#b45f06' },
  { text: STATUS.dataError, background: '#f4cccc', font: '#990000' },
  { text: SEVERITY.error, background: '#f4cccc', font: '#990000' },
  { text: SEVERITY.warning, background: '#fff2cc', font: '#7f6000' },
];

/**
 * Replaces the tab's conditional format rules with colours on its Đánh giá column (or Mức độ on
 * Kiểm tra) over the data rows: a fixed number of calls.
 */
export function colourStatuses(sheet: Sheet, table: OutputTable, firstDataRow: number, rows: number): void {
  const column = Math.max(columnOf(table.header, COL.status), columnOf(table.header, COL.severity));
  if (column < 0) return;
  const texts =
    columnOf(table.header, COL.status) >= 0
      ? [STATUS.met, STATUS.notMet, STATUS.dataError]
      : [SEVERITY.error, SEVERITY.warning];
  const range = sheet.getRange(firstDataRow, column + 1, Math.max(rows, 1), 1);
  const rules = COLOURS.filter((colour) => (texts as readonly string[]).includes(colour.text)).map((colour) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(colour.text)
      .setBackground(colour.background)
      .setFontColor(colour.font)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}

/**
 * One combo chart on Tổng hợp: bars for each scope's ratio, a line for its target. Created on the
 * first recompute, its ranges updated afterwards (the table may have grown or shrunk).
 */
export function drawOverviewChart(
  sheet: Sheet,
  table: OutputTable,
  headerRow: number,
  year: number,
  classification: ClassificationKey = 'levels',
): void {
  const rows = table.rows.length + 1;
  const at = (name: string): Range => sheet.getRange(headerRow, columnOf(table.header, name) + 1, rows, 1);
  const [existing] = sheet.getCharts();
  const builder = existing ? existing.modify().clearRanges() : sheet.newChart().asComboChart();
  const chart = builder
    .addRange(at(COL.rankScope))
    .addRange(at(COL.ratio))
    .addRange(at(COL.target))
    .setNumHeaders(1)
    .setOption('title', ADDIN_TEXT.chartTitle(year, classification))
    .setOption('seriesType', 'bars')
    .setOption('series', { 1: { type: 'line', lineWidth: 3, pointSize: 6 } })
    .setOption('vAxis', { format: 'percent', minValue: 0 })
    .setOption('legend', { position: 'bottom' })
    .setPosition(1, table.header.length + 2, 0, 0)
    .build();
  if (existing) sheet.updateChart(chart);
  else sheet.insertChart(chart);
}
