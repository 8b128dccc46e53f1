// A1 notation for the fake sheets: column letters, cell addresses, and ranges such as B2:D9 or C3:C.

export interface Rect {
  /** 1-based first row and column, and size; numRows null for an open-ended column range (C3:C). */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function rectToA1(rect: Rect): string {
  const first = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return first;
  return `${first}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

/** Parses A1, A1:C9 or an open-ended column range C3:C (rows up to maxRows), with an optional sheet prefix. */
export function parseA1(a1: string, maxRows: number): Rect {
  const text = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const match = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d*))?$/.exec(text.trim());
  if (!match) throw new Error(`Range not found`);
  const column = columnNumber(match[1] ?? '');
  const row = Number(match[2]);
  if (match[3] === undefined) return { row, column, numRows: 1, numColumns: 1 };
  const lastColumn = columnNumber(match[3]);
  const lastRow = match[4] ? Number(match[4]) : Math.max(maxRows, row);
  return {
    row: Math.min(row, lastRow),
    column: Math.min(column, lastColumn),
    numRows: Math.abs(lastRow - row) + 1,
    numColumns: Math.abs(lastColumn - column) + 1,
  };
}

export const contains = (outer: Rect, row: number, column: number): boolean =>
  row >= outer.row &&
  row < outer.row + outer.numRows &&
  column >= outer.column &&
  column < outer.column + outer.numColumns;

export const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.column < b.column + b.numColumns &&
  b.column < a.column + a.numColumns;
