// A core Cell as the Sheets API stores it (CellData, or a RAW value): the one rule of both halves.
import { type Cell, serialOfInstant } from '../core';

/** Plain shapes that fit both GoogleAppsScript.Sheets.Schema.CellData and googleapis' Schema$CellData. */
export interface ExtendedValue {
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
}
export interface CellData {
  userEnteredValue?: ExtendedValue;
}

/**
 * The value Sheets stores for a cell; undefined for an empty one. Text is a stringValue, which Sheets never
 * parses: a name that starts with "=" or looks like a number stays text. NaN and ±Infinity (a figure that
 * could not be computed) are empty, never the text "NaN". A Date is the serial number of its wall clock in
 * Asia/Ho_Chi_Minh, the value a date typed in a Vietnamese sheet has.
 */
export function extendedValue(cell: Cell): ExtendedValue | undefined {
  if (typeof cell === 'string') return cell === '' ? undefined : { stringValue: cell };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { numberValue: cell } : undefined;
  if (typeof cell === 'boolean') return { boolValue: cell };
  if (cell instanceof Date) {
    const serial = serialOfInstant(cell);
    return Number.isFinite(serial) ? { numberValue: serial } : undefined;
  }
  return undefined;
}

/** A cell for updateCells with `fields: 'userEnteredValue'`: `{}` empties the cell. */
export function cellData(cell: Cell): CellData {
  const value = extendedValue(cell);
  return value ? { userEnteredValue: value } : {};
}

/** A cell for values.update with valueInputOption RAW (stored as given, never parsed): '' empties it. */
export function rawValue(cell: Cell): string | number | boolean {
  const value = extendedValue(cell);
  return value?.stringValue ?? value?.numberValue ?? value?.boolValue ?? '';
}
