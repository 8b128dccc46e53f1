// The size of the Google Sheets write as it was before formats went by range: a format on every cell, for comparison.
import type { sheets_v4 } from 'googleapis';
import { type Cell, type OutputTable, tableToGrid } from '../../src/core';

const PATTERNS = {
  text: { type: 'TEXT', pattern: '@' },
  integer: { type: 'NUMBER', pattern: '#,##0' },
  percent: { type: 'PERCENT', pattern: '0.00%' },
  decimal: { type: 'NUMBER', pattern: '0.00' },
} as const;
const HEADER = {
  textFormat: { bold: true },
  backgroundColor: { red: 0.867, green: 0.922, blue: 0.969 },
  wrapStrategy: 'WRAP',
  verticalAlignment: 'MIDDLE',
};

function value(cell: Cell): sheets_v4.Schema$ExtendedValue | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (typeof cell === 'number') return { numberValue: cell };
  if (typeof cell === 'boolean') return { boolValue: cell };
  return { stringValue: String(cell) };
}

/** Bytes of the updateCells rows of every table with its format on each cell (the old write's bulk). */
export function legacyWriteBytes(tables: readonly OutputTable[]): number {
  let bytes = 0;
  for (const table of tables) {
    const header = table.title.length;
    for (const [r, row] of tableToGrid(table).entries()) {
      const values = row.map((cell, c) => {
        const format = table.formats[c];
        const userEnteredFormat =
          r < header
            ? { textFormat: { bold: true } }
            : r === header
              ? HEADER
              : format
                ? { numberFormat: PATTERNS[format] }
                : undefined;
        const v = value(cell);
        return { ...(v ? { userEnteredValue: v } : {}), ...(userEnteredFormat ? { userEnteredFormat } : {}) };
      });
      bytes += Buffer.byteLength(JSON.stringify({ values }), 'utf8') + 1;
    }
  }
  return bytes;
}
