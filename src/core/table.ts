// An output tab as the core hands it to the adapters: optional title rows, one header row, data rows, formats, and an optional layout.
import type { Cell } from './cells';
import { SEVERITY, STATUS, type TabName } from './labels';
import { fitCell } from './text';

/** How a column is shown: adapters map these to number formats (0.00%, #,##0, 0.00, plain text). */
export type ColumnFormat = 'text' | 'integer' | 'percent' | 'decimal';

/** Decimals of a percent column (Tỷ lệ, Chỉ tiêu): 6,47%. The chart's labels show the same figure. */
export const PERCENT_DECIMALS = 2;

/** The number format of each column format, as Excel, LibreOffice and Google Sheets all read it (one source). */
export const NUMBER_PATTERNS: Readonly<Record<ColumnFormat, string>> = {
  text: '@',
  integer: '#,##0',
  percent: `0.${'0'.repeat(PERCENT_DECIMALS)}%`,
  decimal: '0.00',
};

/** A ratio as the percent format shows it, with the Vietnamese decimal comma: 0.064701 → "6,47%". */
export function percentText(value: number): string {
  // Rounded half away from zero on the decimal digits, as spreadsheets round a displayed number.
  const scale = 10 ** PERCENT_DECIMALS;
  const shown = (Math.sign(value) * Math.round(Math.abs(value) * 100 * scale + 1e-9)) / scale;
  return `${shown.toFixed(PERCENT_DECIMALS).replace('.', ',')}%`;
}

/** One column of a record table: its header, how it is shown, and the field of a row it shows (null: empty). */
export interface Column<Row> {
  readonly header: string;
  readonly format: ColumnFormat;
  readonly value: (row: Row) => Cell | null;
  /** Colours of the column's words (Đánh giá, Mức độ); at most one column of a table has them. */
  readonly palette?: Palette;
}

/** Words a column may hold, each with its colour, in rule order. */
export type Palette = readonly { readonly text: string; readonly colour: RuleColour }[];

/** The column a table colours by its words, and the palette: both writers colour it the same. */
export interface PaletteColumn {
  /** 0-based index in the header row. */
  readonly column: number;
  readonly palette: Palette;
}

/** A record table's header, formats and rows, each row rendered through the columns in order. */
export function renderColumns<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): { header: string[]; formats: ColumnFormat[]; rows: Cell[][]; palette?: PaletteColumn } {
  const coloured = columns.findIndex((column) => column.palette !== undefined);
  const palette = columns[coloured]?.palette;
  return {
    ...(palette ? { palette: { column: coloured, palette } } : {}),
    header: columns.map((column) => column.header),
    formats: columns.map((column) => column.format),
    rows: rows.map((row) =>
      columns.map((column) => {
        const value = column.value(row);
        return value === null ? '' : value;
      }),
    ),
  };
}

export interface OutputTable {
  readonly tab: TabName;
  /** Rows of text above the header row (a title and the reporting period); may be empty. */
  readonly title: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** One format per header column. */
  readonly formats: readonly ColumnFormat[];
  /**
   * The title rows cell by cell, when a title row has more than one cell (Báo cáo's two header blocks);
   * `title` then holds each row's first non-empty text. Absent: each title row is its one `title` text.
   */
  readonly titleRows?: readonly (readonly Cell[])[];
  /** Presentation beyond a plain grid (merges, row styles, widths, borders, colour rules); absent: none. */
  readonly layout?: TableLayout;
  /** A data column coloured by its words (Đánh giá, Mức độ); absent: no such colours. */
  readonly palette?: PaletteColumn;
}

/** A rectangle of the grid of tableToGrid, 0-based. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export type Align = 'left' | 'center' | 'right';

/** How the cells of a block are shown; unset fields keep the writer's default. */
export interface BlockStyle extends Block {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (the default is 10 in Sheets, 11 in Excel). */
  readonly size?: number;
  readonly align?: Align;
  readonly wrap?: boolean;
}

/**
 * The one palette of both writers: green met, amber not met, red data error (and Kiểm tra's Lỗi), grey
 * for a unit with no figures yet, yellow for Kiểm tra's Cảnh báo.
 */
export const RULE_COLOURS = {
  met: { background: '#d9ead3', font: '#274e13' },
  notMet: { background: '#fce5cd', font: '#b45f06' },
  dataError: { background: '#f4cccc', font: '#990000' },
  noData: { background: '#efefef', font: '#666666' },
  warning: { background: '#fff2cc', font: '#7f6000' },
} as const;
export type RuleColour = keyof typeof RULE_COLOURS;

/** The header row's background in every writer (bold, wrapped, centred vertically on it). */
export const HEADER_TINT = '#ddebf7';

/** Đánh giá's coloured statuses (Không phát sinh hồ sơ stays plain), in rule order. */
export const STATUS_COLOURS: Palette = [
  { text: STATUS.met, colour: 'met' },
  { text: STATUS.notMet, colour: 'notMet' },
  { text: STATUS.dataError, colour: 'dataError' },
  { text: STATUS.noData, colour: 'noData' },
];

/** Kiểm tra's Mức độ colours, in rule order. */
export const SEVERITY_COLOURS: Palette = [
  { text: SEVERITY.error, colour: 'dataError' },
  { text: SEVERITY.warning, colour: 'warning' },
];

/**
 * A conditional colour: `formula` (no leading '=') is written for the block's top-left cell with
 * relative references, as Excel, LibreOffice and Google Sheets all read it.
 */
export interface ColourRule {
  readonly block: Block;
  readonly formula: string;
  readonly colour: RuleColour;
}

/** A tab's own font for every cell, before the block styles: family and size in points. */
export interface TableFont {
  readonly family: string;
  readonly size: number;
}

export interface TableLayout {
  /** Every cell in this font (Báo cáo: Times New Roman); absent: the writer's. Block sizes override. */
  readonly font?: TableFont;
  /** Room between the text and the cell's borders in every cell (Sheets' padding, Excel's indent). */
  readonly padded?: boolean;
  /** Short rules: a thin line under each block and nowhere else (the rules of an administrative heading). */
  readonly rules?: readonly Block[];
  /** Row heights in points where the automatic height is not wanted (a thin row that only carries a rule). */
  readonly heights?: readonly { readonly row: number; readonly points: number }[];
  /**
   * Columns the printed page leaves out (Diễn biến's months after the reporting month): hidden in the
   * .xlsx, which only prints visible columns. The columns stay in the tab.
   */
  readonly unprinted?: { readonly column: number; readonly columns: number };
  /** Merged cells: each block becomes one cell showing its top-left value. */
  readonly merges?: readonly Block[];
  /** Applied in order, after the writer's own title and header styles. */
  readonly styles?: readonly BlockStyle[];
  /** Blocks drawn with thin borders on every cell (a printed table). */
  readonly borders?: readonly Block[];
  /** Column widths in characters, replacing the writer's automatic widths. */
  readonly widths?: readonly number[];
  /** Whether the title and header rows stay on screen when scrolling (default true). */
  readonly freeze?: boolean;
  /** Conditional colours, in priority order. */
  readonly colourRules?: readonly ColourRule[];
}

/** The whole tab as a rectangle: title rows, header row, data rows, each padded to the header's width, texts fitted. */
export function tableToGrid(table: OutputTable): Cell[][] {
  const width = table.header.length;
  const pad = (row: readonly Cell[]): Cell[] => {
    const out: Cell[] = row.slice(0, width);
    while (out.length < width) out.push('');
    // One rule for every written cell: text fits Excel's and Google Sheets' per-cell limits.
    return out.map((cell) =>
      cell === null || cell === undefined ? '' : typeof cell === 'string' ? fitCell(cell) : cell,
    );
  };
  const title = table.titleRows ?? table.title.map((line) => [line]);
  return [...title.map(pad), pad(table.header), ...table.rows.map(pad)];
}

/** 0-based index of the header row in the grid of tableToGrid. */
export const headerRowIndex = (table: OutputTable): number => table.titleRows?.length ?? table.title.length;
