// The DVC_* custom functions over single values or ranges (a range in, an array of the same shape out).
import { type Cell, dvcNeeded, dvcRanker, dvcRatio, dvcStatus, FORMULA_MSG } from '../core';
import { ADDIN_TEXT } from './texts';

/** What Sheets passes a custom function: a single value, or a 2-D array for a range. */
export type Argument = Cell | Cell[][];
export type Result = Cell | Cell[][];

const isRange = (value: Argument): value is Cell[][] => Array.isArray(value);

/** A 1×1 range behaves like its single value. */
function single(value: Argument): Argument {
  return isRange(value) && value.length === 1 && value[0]?.length === 1 ? (value[0][0] as Cell) : value;
}

/**
 * Applies `formula` cell by cell. Ranges must share one shape; single values apply to every cell.
 * An error in one cell is reported with its position in the range, as a Vietnamese sentence.
 */
export function elementwise(args: readonly Argument[], formula: (...cells: Cell[]) => Cell): Result {
  const values = args.map(single);
  const ranges = values.filter(isRange);
  const shape = ranges[0];
  if (!shape) return formula(...(values as Cell[]));
  const rows = shape.length;
  const columns = shape[0]?.length ?? 0;
  if (ranges.some((range) => range.length !== rows || range.some((row) => row.length !== columns))) {
    throw new Error(FORMULA_MSG.shapeMismatch);
  }
  return shape.map((row, r) =>
    row.map((_, c) => {
      const cells = values.map((value) => (isRange(value) ? (value[r]?.[c] as Cell) : value));
      try {
        return formula(...cells);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(ADDIN_TEXT.cellInRange(r + 1, c + 1, message));
      }
    }),
  );
}

export const ratio = (online: Argument, total: Argument): Result =>
  elementwise([online, total], (o, t) => dvcRatio(o, t));

export const status = (online: Argument, total: Argument, target: Argument): Result =>
  elementwise([online, total, target], (o, t, g) => dvcStatus(o, t, g));

export const needed = (online: Argument, total: Argument, target: Argument): Result =>
  elementwise([online, total, target], (o, t, g) => dvcNeeded(o, t, g));

/** Rank of each value among all of `values` (a range or a single value), highest first; the pool is sorted once. */
export function rank(value: Argument, values: Argument): Result {
  const rankOf = dvcRanker(isRange(values) ? values.flat() : [values]);
  return elementwise([value], (v) => rankOf(v));
}
