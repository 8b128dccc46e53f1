// Plain Sheets v4 shapes of what src/sheets builds: with no field beyond these, they fit both the Apps Script
// schema (GoogleAppsScript.Sheets.Schema.*) and googleapis' sheets_v4.Schema$*.

export interface GridRange {
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}
export interface Color {
  red: number;
  green: number;
  blue: number;
}
export interface TextFormat {
  fontFamily?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  foregroundColor?: Color;
}
export interface NumberFormat {
  type: string;
  pattern: string;
}
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export interface CellFormat {
  numberFormat?: NumberFormat;
  textFormat?: TextFormat;
  padding?: Padding;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapStrategy?: string;
  backgroundColor?: Color;
}
export interface RepeatCellRequest {
  repeatCell: { range: GridRange; cell: { userEnteredFormat: CellFormat }; fields: string };
}

/** A '#rrggbb' colour (the core's palette) as the API's 0–1 fractions. */
export const colour = (hex: string): Color => ({
  red: Number.parseInt(hex.slice(1, 3), 16) / 255,
  green: Number.parseInt(hex.slice(3, 5), 16) / 255,
  blue: Number.parseInt(hex.slice(5, 7), 16) / 255,
});

/** Rows [row, row + rows) × columns [column, column + columns) of a tab. */
export const gridRange = (
  sheetId: number,
  row: number,
  rows: number,
  column: number,
  columns: number,
): GridRange => ({
  sheetId,
  startRowIndex: row,
  endRowIndex: row + rows,
  startColumnIndex: column,
  endColumnIndex: column + columns,
});
