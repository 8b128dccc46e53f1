// The core's table layout (merges, block styles, borders, widths, colour rules) as Sheets v4 requests: plain JSON
// that the add-in sends through the Advanced Sheets service and the sync through googleapis.
import { type Block, type BlockStyle, type OutputTable, RULE_COLOURS } from '../core';
import { type CellFormat, colour, type GridRange, type Padding, type TextFormat } from './shapes';

interface Border {
  style: string;
}
export type LayoutRequest =
  | { unmergeCells: { range: GridRange } }
  | { mergeCells: { range: GridRange; mergeType: string } }
  | { repeatCell: { range: GridRange; cell: { userEnteredFormat: CellFormat }; fields: string } }
  | {
      updateBorders: {
        range: GridRange;
        top: Border;
        bottom: Border;
        left: Border;
        right: Border;
        innerHorizontal: Border;
        innerVertical: Border;
      };
    }
  | { updateBorders: { range: GridRange; bottom: Border } }
  | {
      updateDimensionProperties: {
        range: { sheetId: number; dimension: string; startIndex: number; endIndex: number };
        properties: { pixelSize: number };
        fields: string;
      };
    }
  | { deleteConditionalFormatRule: { sheetId: number; index: number } }
  | {
      addConditionalFormatRule: {
        index: number;
        rule: {
          ranges: GridRange[];
          booleanRule: {
            condition: { type: string; values: { userEnteredValue: string }[] };
            format: CellFormat;
          };
        };
      };
    };

const rangeOf = (sheetId: number, block: Block): GridRange => ({
  sheetId,
  startRowIndex: block.row,
  endRowIndex: block.row + block.rows,
  startColumnIndex: block.column,
  endColumnIndex: block.column + block.columns,
});

/** Pixels of a column `characters` wide at Sheets' default font. */
export const pixelsOf = (characters: number): number => Math.round(characters * 7 + 10);
/** Pixels of a row `points` high (96 pixels to 72 points). */
const rowPixelsOf = (points: number): number => Math.round((points * 96) / 72);
/** Room between text and borders, in pixels: Sheets' default is 3 left and right, which a border touches. */
export const CELL_PADDING: Padding = { top: 2, right: 6, bottom: 2, left: 6 };

/** One block's style as a repeatCell naming only the fields it sets, so number formats stay. */
function styleRequest(sheetId: number, style: BlockStyle): LayoutRequest | null {
  const textFormat: TextFormat = {};
  const format: CellFormat = {};
  const fields: string[] = [];
  if (style.bold !== undefined) {
    textFormat.bold = style.bold;
    fields.push('userEnteredFormat.textFormat.bold');
  }
  if (style.italic !== undefined) {
    textFormat.italic = style.italic;
    fields.push('userEnteredFormat.textFormat.italic');
  }
  if (style.size !== undefined) {
    textFormat.fontSize = style.size;
    fields.push('userEnteredFormat.textFormat.fontSize');
  }
  if (Object.keys(textFormat).length > 0) format.textFormat = textFormat;
  if (style.align !== undefined) {
    format.horizontalAlignment = style.align.toUpperCase();
    fields.push('userEnteredFormat.horizontalAlignment');
  }
  if (style.wrap !== undefined) {
    format.wrapStrategy = style.wrap ? 'WRAP' : 'OVERFLOW_CELL';
    fields.push('userEnteredFormat.wrapStrategy');
  }
  if (fields.length === 0 || style.rows <= 0 || style.columns <= 0) return null;
  return {
    repeatCell: {
      range: rangeOf(sheetId, style),
      cell: { userEnteredFormat: format },
      fields: fields.join(','),
    },
  };
}

/**
 * `table.layout` as requests: merges (the tab's old ones undone first), block styles, borders, widths,
 * and its colour rules replacing the tab's `existingRules` rules. A fixed number per table whatever the
 * number of units (Báo cáo's merged blocks are its header and signature parts).
 */
export function layoutRequests(table: OutputTable, sheetId: number, existingRules: number): LayoutRequest[] {
  const layout = table.layout;
  if (!layout) return [];
  const requests: LayoutRequest[] = [];
  // The tab's font and padding on the whole sheet first, in one request: the block styles below set sizes
  // over it.
  const base: CellFormat = {};
  const baseFields: string[] = [];
  if (layout.font) {
    base.textFormat = { fontFamily: layout.font.family, fontSize: layout.font.size };
    baseFields.push('userEnteredFormat.textFormat.fontFamily', 'userEnteredFormat.textFormat.fontSize');
  }
  if (layout.padded) {
    base.padding = { ...CELL_PADDING };
    baseFields.push('userEnteredFormat.padding');
  }
  if (baseFields.length > 0)
    requests.push({
      repeatCell: { range: { sheetId }, cell: { userEnteredFormat: base }, fields: baseFields.join(',') },
    });
  if (layout.merges) {
    requests.push({ unmergeCells: { range: { sheetId } } });
    for (const block of layout.merges)
      if (block.rows * block.columns > 1)
        requests.push({ mergeCells: { range: rangeOf(sheetId, block), mergeType: 'MERGE_ALL' } });
  }
  for (const style of layout.styles ?? []) {
    const request = styleRequest(sheetId, style);
    if (request) requests.push(request);
  }
  const solid = { style: 'SOLID' };
  for (const block of layout.borders ?? [])
    if (block.rows > 0 && block.columns > 0)
      requests.push({
        updateBorders: {
          range: rangeOf(sheetId, block),
          top: solid,
          bottom: solid,
          left: solid,
          right: solid,
          innerHorizontal: solid,
          innerVertical: solid,
        },
      });
  for (const block of layout.rules ?? [])
    if (block.rows > 0 && block.columns > 0)
      requests.push({ updateBorders: { range: rangeOf(sheetId, block), bottom: { style: 'SOLID' } } });
  for (const { row, points } of layout.heights ?? [])
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: row, endIndex: row + 1 },
        properties: { pixelSize: rowPixelsOf(points) },
        fields: 'pixelSize',
      },
    });
  layout.widths?.forEach((width, column) => {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
        properties: { pixelSize: pixelsOf(width) },
        fields: 'pixelSize',
      },
    });
  });
  if (layout.colourRules) {
    for (let i = 0; i < existingRules; i++)
      requests.push({ deleteConditionalFormatRule: { sheetId, index: 0 } });
    layout.colourRules.forEach((rule, index) => {
      const colours = RULE_COLOURS[rule.colour];
      requests.push({
        addConditionalFormatRule: {
          index,
          rule: {
            ranges: [rangeOf(sheetId, rule.block)],
            booleanRule: {
              condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: `=${rule.formula}` }] },
              format: {
                backgroundColor: colour(colours.background),
                textFormat: { foregroundColor: colour(colours.font) },
              },
            },
          },
        },
      });
    });
  }
  return requests;
}
