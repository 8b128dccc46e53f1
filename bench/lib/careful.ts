// A careful hand-written recompute that does the product's whole job with SpreadsheetApp alone: the honest baseline.
//
// What a skilled Apps Script author would write without the Advanced Sheets service: one read per input tab,
// the same figures (the core's tables: computing them is not what is compared), then every output tab the
// product writes, each in blocks: one setValues, one call per kind of cell format over the whole tab, one per
// merge, border block and column width, one setConditionalFormatRules, and the Tổng hợp chart updated.
import { toSheetValue } from '../../src/addin/sheet-io';
import {
  buildReport,
  type Cell,
  COL,
  headerRowIndex,
  NUMBER_PATTERNS,
  type OutputTable,
  RULE_COLOURS,
  STATUS,
  TAB,
  tableToGrid,
} from '../../src/core';
import { pixelsOf } from '../../src/sheets/layout-requests';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
/** The SpreadsheetApp calls the script makes (rules are built locally, at no round trip). */
export type CarefulApp = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  'getActiveSpreadsheet' | 'newConditionalFormatRule'
>;

/** A value the script read, as the core takes it (a date of the script's realm becomes a plain Date). */
const plain = (cell: unknown): Cell =>
  Object.prototype.toString.call(cell) === '[object Date]'
    ? new Date((cell as Date).getTime())
    : (cell as Cell);

/** A whole input tab in one read, or undefined when it does not exist. */
function readTab(book: Spreadsheet, name: string): Cell[][] | undefined {
  const sheet = book.getSheetByName(name);
  return sheet
    ? sheet
        .getDataRange()
        .getValues()
        .map((row) => row.map(plain))
    : undefined;
}

/** Per-cell grids for the plural setters, from the header style and the table's block styles. */
function styleGrids(table: OutputTable, height: number, width: number) {
  const grid = <T>(value: T): T[][] => Array.from({ length: height }, () => Array<T>(width).fill(value));
  const weights = grid<GoogleAppsScript.Spreadsheet.FontWeight>('normal');
  const styles = grid<GoogleAppsScript.Spreadsheet.FontStyle>('normal');
  const sizes = grid(10);
  const aligns = grid<'left' | 'center' | 'right'>('left');
  const wraps = grid(false);
  const header = headerRowIndex(table);
  for (let c = 0; c < width; c++) {
    (weights[header] as GoogleAppsScript.Spreadsheet.FontWeight[])[c] = 'bold';
    (wraps[header] as boolean[])[c] = true;
  }
  for (const style of table.layout?.styles ?? [])
    for (let r = style.row; r < style.row + style.rows && r < height; r++)
      for (let c = style.column; c < style.column + style.columns && c < width; c++) {
        if (style.bold !== undefined)
          (weights[r] as GoogleAppsScript.Spreadsheet.FontWeight[])[c] = style.bold ? 'bold' : 'normal';
        if (style.italic !== undefined)
          (styles[r] as GoogleAppsScript.Spreadsheet.FontStyle[])[c] = style.italic ? 'italic' : 'normal';
        if (style.size !== undefined) (sizes[r] as number[])[c] = style.size;
        if (style.align !== undefined) (aligns[r] as ('left' | 'center' | 'right')[])[c] = style.align;
        if (style.wrap !== undefined) (wraps[r] as boolean[])[c] = style.wrap;
      }
  return { weights, styles, sizes, aligns, wraps };
}

/** The table's colour rules, plus Đánh giá coloured by status, as SpreadsheetApp rules (built locally). */
function colourRules(app: CarefulApp, sheet: Sheet, table: OutputTable): Rule[] {
  const rules: Rule[] = [];
  for (const rule of table.layout?.colourRules ?? []) {
    const { block } = rule;
    const range = sheet.getRange(block.row + 1, block.column + 1, block.rows, block.columns);
    const colour = RULE_COLOURS[rule.colour];
    rules.push(
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=${rule.formula}`)
        .setBackground(colour.background)
        .setFontColor(colour.font)
        .setRanges([range])
        .build(),
    );
  }
  const status = table.header.indexOf(COL.status);
  if (status >= 0 && !table.layout?.colourRules?.length && table.rows.length > 0) {
    const range = sheet.getRange(headerRowIndex(table) + 2, status + 1, table.rows.length, 1);
    for (const [text, colour] of [
      [STATUS.met, RULE_COLOURS.met],
      [STATUS.notMet, RULE_COLOURS.notMet],
      [STATUS.dataError, RULE_COLOURS.dataError],
    ] as const)
      rules.push(
        app
          .newConditionalFormatRule()
          .whenTextEqualTo(text)
          .setBackground(colour.background)
          .setFontColor(colour.font)
          .setRanges([range])
          .build(),
      );
  }
  return rules;
}

/** Replaces one output tab: values, number formats, text styles, merges, borders, widths, colours. */
function writeTable(app: CarefulApp, book: Spreadsheet, table: OutputTable): Sheet {
  const grid = tableToGrid(table).map((row) => row.map(toSheetValue));
  const height = grid.length;
  const width = table.header.length;
  const header = headerRowIndex(table);
  const sheet = book.getSheetByName(table.tab) ?? book.insertSheet(table.tab);
  sheet.clearContents();
  const whole = sheet.getRange(1, 1, height, width);
  if (table.layout?.merges?.length) whole.breakApart();
  whole.setValues(grid);
  whole.setNumberFormats(
    grid.map((_, r) =>
      table.formats.map((format) => (r <= header ? NUMBER_PATTERNS.text : NUMBER_PATTERNS[format])),
    ),
  );
  const styles = styleGrids(table, height, width);
  whole.setFontWeights(styles.weights);
  whole.setFontStyles(styles.styles);
  whole.setFontSizes(styles.sizes);
  whole.setHorizontalAlignments(styles.aligns);
  whole.setWraps(styles.wraps);
  for (const block of table.layout?.merges ?? [])
    sheet.getRange(block.row + 1, block.column + 1, block.rows, block.columns).merge();
  for (const block of table.layout?.borders ?? [])
    sheet
      .getRange(block.row + 1, block.column + 1, block.rows, block.columns)
      .setBorder(true, true, true, true, true, true);
  table.layout?.widths?.forEach((characters, column) => {
    sheet.setColumnWidth(column + 1, pixelsOf(characters));
  });
  sheet.setFrozenRows(table.layout?.freeze === false ? 0 : header + 1);
  sheet.setConditionalFormatRules(colourRules(app, sheet, table));
  return sheet;
}

/** The Tổng hợp chart (ratio and target per ranking scope): added the first time, its ranges updated after. */
function updateChart(sheet: Sheet, table: OutputTable): void {
  const header = headerRowIndex(table) + 1;
  const rows = table.rows.length + 1;
  const column = (name: string) => sheet.getRange(header, table.header.indexOf(name) + 1, rows, 1);
  const ranges = [column(COL.rankScope), column(COL.ratio), column(COL.target)];
  const [chart] = sheet.getCharts();
  const builder = chart
    ? chart.modify().clearRanges()
    : sheet.newChart().setPosition(1, table.header.length + 2, 0, 0);
  for (const range of ranges) builder.addRange(range);
  const built = builder.asComboChart().setNumHeaders(1).build();
  if (chart) sheet.updateChart(built);
  else sheet.insertChart(built);
}

/** Every output tab the product's recompute writes, from the same inputs; returns the number of units. */
export function carefulRecompute(app: CarefulApp): number {
  const book = app.getActiveSpreadsheet();
  const report = buildReport(
    {
      settings: readTab(book, TAB.settings),
      units: readTab(book, TAB.units),
      entries: readTab(book, TAB.entries),
      catalogue: readTab(book, TAB.catalogue),
      portal: readTab(book, TAB.portal),
    },
    { now: new Date(), through: null },
  );
  for (const table of report.outputs) {
    const sheet = writeTable(app, book, table);
    if (table.tab === TAB.overview) updateChart(sheet, table);
  }
  return report.summary.units;
}
