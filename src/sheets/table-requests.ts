// One output table's formats as Sheets v4 requests at a sheetId: number formats, the title and header style,
// and the status palette on Đánh giá (Mức độ on Kiểm tra). Both halves send these; only the sending differs.
import { type ColumnFormat, HEADER_TINT, headerRowIndex, NUMBER_PATTERNS, type OutputTable } from '../core';
import { colourRuleRequests, type LayoutRequest } from './layout-requests';
import { type CellFormat, colour, gridRange, type NumberFormat, type RepeatCellRequest } from './shapes';

/** Each column format as the API's number format (type and the core's pattern). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, NumberFormat>> = {
  text: { type: 'TEXT', pattern: NUMBER_PATTERNS.text },
  integer: { type: 'NUMBER', pattern: NUMBER_PATTERNS.integer },
  percent: { type: 'PERCENT', pattern: NUMBER_PATTERNS.percent },
  decimal: { type: 'NUMBER', pattern: NUMBER_PATTERNS.decimal },
};

/** The header row: bold on the tint, wrapped, centred vertically (as the xlsx writer shows it). */
const HEADER_FORMAT: CellFormat = {
  textFormat: { bold: true },
  backgroundColor: colour(HEADER_TINT),
  wrapStrategy: 'WRAP',
  verticalAlignment: 'MIDDLE',
};
const HEADER_FIELDS = [
  'userEnteredFormat.textFormat.bold',
  'userEnteredFormat.backgroundColor',
  'userEnteredFormat.wrapStrategy',
  'userEnteredFormat.verticalAlignment',
].join(',');

/**
 * Formats of a written table as a few ranges instead of one per cell: the whole table reset to plain text
 * (a tab written before keeps no old number format, bold or tint), title rows bold, the header row's style,
 * then one request per run of adjacent data columns sharing a number format other than text. A layout's
 * styles, borders and colours are sent after these.
 */
export function formatRequests(table: OutputTable, sheetId: number): RepeatCellRequest[] {
  const width = Math.max(1, table.header.length);
  const header = headerRowIndex(table);
  const requests: RepeatCellRequest[] = [
    {
      repeatCell: {
        range: gridRange(sheetId, 0, header + 1 + table.rows.length, 0, width),
        cell: { userEnteredFormat: { numberFormat: NUMBER_FORMATS.text } },
        fields: 'userEnteredFormat',
      },
    },
  ];
  if (header > 0)
    requests.push({
      repeatCell: {
        range: gridRange(sheetId, 0, header, 0, width),
        cell: { userEnteredFormat: { textFormat: { bold: true } } },
        fields: 'userEnteredFormat.textFormat.bold',
      },
    });
  requests.push({
    repeatCell: {
      range: gridRange(sheetId, header, 1, 0, width),
      cell: { userEnteredFormat: HEADER_FORMAT },
      fields: HEADER_FIELDS,
    },
  });
  const dataRows = table.rows.length;
  if (dataRows === 0) return requests;
  for (let c = 0; c < table.header.length; ) {
    const format = table.formats[c] ?? 'text';
    let end = c + 1;
    while (end < table.header.length && (table.formats[end] ?? 'text') === format) end++;
    if (format !== 'text')
      requests.push({
        repeatCell: {
          range: gridRange(sheetId, header + 1, dataRows, c, end - c),
          cell: { userEnteredFormat: { numberFormat: NUMBER_FORMATS[format] } },
          fields: 'userEnteredFormat.numberFormat',
        },
      });
    c = end;
  }
  return requests;
}

/**
 * The table's palette column (Đánh giá, Kiểm tra's Mức độ) as conditional colours, replacing the tab's
 * `existingRules` rules. None for a table without one (Diễn biến theo tháng's own rules go with layoutRequests).
 */
export function paletteRequests(table: OutputTable, sheetId: number, existingRules: number): LayoutRequest[] {
  if (!table.palette) return [];
  const { column, palette } = table.palette;
  const range = gridRange(sheetId, headerRowIndex(table) + 1, Math.max(table.rows.length, 1), column, 1);
  return colourRuleRequests(
    sheetId,
    existingRules,
    palette.map(({ text, colour: name }) => ({
      range,
      condition: { type: 'TEXT_EQ', value: text },
      colour: name,
    })),
  );
}
