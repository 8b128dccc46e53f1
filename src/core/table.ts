// An output tab as the core hands it to the adapters: optional title rows, one header row, data rows, formats.
import type { Cell } from './cells';
import type { TabName } from './labels';
import { fitCell } from './text';

/** How a column is shown: adapters map these to number formats (0.00%, #,##0, 0.00, plain text). */
export type ColumnFormat = 'text' | 'integer' | 'percent' | 'decimal';

export interface OutputTable {
  readonly tab: TabName;
  /** Rows of text above the header row (a title and the reporting period); may be empty. */
  readonly title: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** One format per header column. */
  readonly formats: readonly ColumnFormat[];
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
  return [...table.title.map((line) => pad([line])), pad(table.header), ...table.rows.map(pad)];
}

/** 0-based index of the header row in the grid of tableToGrid. */
export const headerRowIndex = (table: OutputTable): number => table.title.length;
