// The arithmetic behind the DVC_* custom functions: one value in, one value out, Vietnamese errors.

import { assess, ratioOf } from './assess';
import type { Cell } from './cells';
import { isBlank, showCell } from './cells';
import type { Fraction } from './fraction';
import { FORMULA_MSG, STATUS } from './labels';
import { parseCount, parsePercent } from './parse';
import { DEFAULT_FLOOR } from './settings';

function count(cell: Cell, what: string): number {
  if (isBlank(cell)) return 0;
  const value = parseCount(cell);
  if (value === null) throw new Error(FORMULA_MSG.badCount(what, showCell(cell)));
  return value;
}

function pair(online: Cell, total: Cell): [number, number] {
  const o = count(online, FORMULA_MSG.online);
  const t = count(total, FORMULA_MSG.total);
  if (o > t) throw new Error(FORMULA_MSG.onlineAboveTotal(o, t));
  return [o, t];
}

/** An empty target means the national floor of 20%, as an empty Chỉ tiêu does in Đơn vị. */
function target(cell: Cell): Fraction {
  if (isBlank(cell)) return DEFAULT_FLOOR;
  const value = parsePercent(cell);
  if (value === null || value.n > value.d) throw new Error(FORMULA_MSG.badTarget(showCell(cell)));
  return value;
}

/** DVC_TYLE: online / total; empty when total is 0. */
export function dvcRatio(online: Cell, total: Cell): number | '' {
  const [o, t] = pair(online, total);
  const ratio = ratioOf(o, t);
  return ratio ? ratio.n / ratio.d : '';
}

/**
 * DVC_DANHGIA: Đạt / Chưa đạt / Không phát sinh hồ sơ, or Chưa có số liệu when both counts are empty:
 * a month not yet reported, as in Nhập liệu (contract §3, §10.4), is not a month with 0 dossiers.
 */
export function dvcStatus(online: Cell, total: Cell, targetCell: Cell): string {
  const [o, t] = pair(online, total);
  const hasFigures = !(isBlank(online) && isBlank(total));
  return STATUS[assess(o, t, target(targetCell), false, 1, hasFigures).status];
}

/** DVC_CANTHEM: least whole x ≥ 0 with (online + x) / total ≥ target; empty when total is 0. */
export function dvcNeeded(online: Cell, total: Cell, targetCell: Cell): number | '' {
  const [o, t] = pair(online, total);
  const needed = assess(o, t, target(targetCell), false, 1, true).needed;
  return needed === null ? '' : needed;
}

/** DVC_XEPHANG: rank of value among values, highest first, ties sharing a rank; blanks and text ignored. */
export function dvcRank(value: Cell, values: readonly Cell[]): number | '' {
  return dvcRanker(values)(value);
}

/**
 * DVC_XEPHANG over many values at once: the pool is sorted once, then each value's rank is two binary
 * searches (a 20,000-cell range against itself is 20,000 × log, not 20,000²).
 */
export function dvcRanker(values: readonly Cell[]): (value: Cell) => number | '' {
  const sorted = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  /** Index of the first element of `sorted` greater than `value` (all above it are greater). */
  const firstAbove = (value: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (value) => {
    if (isBlank(value)) return '';
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(FORMULA_MSG.badRankValue(showCell(value)));
    const above = firstAbove(value);
    if (above === 0 || sorted[above - 1] !== value) throw new Error(FORMULA_MSG.notInList(showCell(value)));
    return sorted.length - above + 1;
  };
}
