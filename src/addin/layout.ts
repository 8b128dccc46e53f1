// The core's table layout (merges, block styles, borders, widths, frozen rows) through SpreadsheetApp, in a fixed number of calls per tab.
import { type Cell, headerRowIndex, type OutputTable, RULE_COLOURS, tableToGrid } from '../core';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Pixels of a column `characters` wide at Sheets' default font (as the sync's Sheets writer). */
const pixelsOf = (characters: number): number => Math.round(characters * 7 + 10);

/**
 * Applies `table.layout` to a tab writeTable has just written. Calls: one break-apart, one per merged
 * block, one per style property over the whole grid, one per bordered block, one per column width:
 * the same for any number of units (the blocks are Báo cáo's fixed header and signature parts).
 */
export function applyLayout(sheet: Sheet, table: OutputTable): void {
  const layout = table.layout;
  if (!layout) return;
  const grid: Cell[][] = tableToGrid(table);
  const height = grid.length;
  const width = table.header.length;
  if (layout.freeze === false) sheet.setFrozenRows(0);
  if (layout.styles && layout.styles.length > 0 && height > 0 && width > 0) {
    const header = headerRowIndex(table);
    const fill = <T>(value: (r: number) => T): T[][] =>
      Array.from({ length: height }, (_, r) => Array.from({ length: width }, () => value(r)));
    const weights = fill<GoogleAppsScript.Spreadsheet.FontWeight>((r) => (r <= header ? 'bold' : 'normal'));
    const italics = fill<GoogleAppsScript.Spreadsheet.FontStyle>(() => 'normal');
    const sizes = fill(() => 10);
    const aligns = fill<'left' | 'center' | 'right' | null>(() => null);
    const wraps = fill((r) => r === header);
    for (const style of layout.styles) {
      for (let r = style.row; r < Math.min(height, style.row + style.rows); r++) {
        for (let c = style.column; c < Math.min(width, style.column + style.columns); c++) {
          const at = <T>(cells: T[][], value: T) => {
            (cells[r] as T[])[c] = value;
          };
          if (style.bold !== undefined) at(weights, style.bold ? 'bold' : 'normal');
          if (style.italic !== undefined) at(italics, style.italic ? 'italic' : 'normal');
          if (style.size !== undefined) at(sizes, style.size);
          if (style.align !== undefined) at(aligns, style.align);
          if (style.wrap !== undefined) at(wraps, style.wrap);
        }
      }
    }
    const range = sheet.getRange(1, 1, height, width);
    range.setFontWeights(weights);
    range.setFontStyles(italics);
    range.setFontSizes(sizes);
    range.setHorizontalAlignments(aligns);
    range.setWraps(wraps);
  }
  if (layout.merges) {
    sheet
      .getRange(1, 1, Math.max(sheet.getMaxRows(), height), Math.max(sheet.getMaxColumns(), width))
      .breakApart();
    for (const block of layout.merges) {
      if (block.rows * block.columns > 1)
        sheet.getRange(block.row + 1, block.column + 1, block.rows, block.columns).merge();
    }
  }
  for (const block of layout.borders ?? []) {
    if (block.rows > 0 && block.columns > 0)
      sheet
        .getRange(block.row + 1, block.column + 1, block.rows, block.columns)
        .setBorder(true, true, true, true, true, true);
  }
  layout.widths?.forEach((characters, column) => {
    sheet.setColumnWidth(column + 1, pixelsOf(characters));
  });
}

/** The layout's colour rules as Apps Script rules (formula rules, in priority order). */
export function layoutRules(
  sheet: Sheet,
  table: OutputTable,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return (table.layout?.colourRules ?? []).map((rule) => {
    const colour = RULE_COLOURS[rule.colour];
    const { block } = rule;
    return SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=${rule.formula}`)
      .setBackground(colour.background)
      .setFontColor(colour.font)
      .setRanges([sheet.getRange(block.row + 1, block.column + 1, block.rows, block.columns)])
      .build();
  });
}
