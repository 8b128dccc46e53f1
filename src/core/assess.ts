// A unit's ratio, status, dossiers still needed, points and year-end forecast, in exact arithmetic.

import type { MonthFigure } from './figures';
import { compare, type Fraction, neededToReach } from './fraction';

export type StatusKey = 'met' | 'notMet' | 'noDossiers' | 'noData' | 'dataError';

export interface Assessment {
  readonly resolved: number;
  readonly online: number;
  /** online / resolved; null when no dossier was resolved. */
  readonly ratio: Fraction | null;
  readonly status: StatusKey;
  /** Least x ≥ 0 with (online + x) / resolved ≥ target; null when no dossier was resolved. */
  readonly needed: number | null;
  readonly points: number | null;
}

export function ratioOf(online: number, resolved: number): Fraction | null {
  return resolved > 0 ? { n: online, d: resolved } : null;
}

/** Đạt when ratio ≥ target, compared as fractions; Không phát sinh hồ sơ when nothing was resolved. */
export function statusOf(
  online: number,
  resolved: number,
  target: Fraction,
): Exclude<StatusKey, 'dataError' | 'noData'> {
  const ratio = ratioOf(online, resolved);
  if (!ratio) return 'noDossiers';
  return compare(ratio, target) >= 0 ? 'met' : 'notMet';
}

/** Điểm tối đa when the target is met, else Điểm tối đa × ratio / target. */
export function pointsOf(
  online: number,
  resolved: number,
  target: Fraction,
  maxPoints: number,
): number | null {
  const ratio = ratioOf(online, resolved);
  if (!ratio) return null;
  if (compare(ratio, target) >= 0) return maxPoints;
  return (maxPoints * online * target.d) / (resolved * target.n);
}

/**
 * Số liệu lỗi wins over Chưa có số liệu: a unit whose only rows have errors did type something, and what
 * it must do is fix those cells (contract §3), not report for the first time. Chưa có số liệu (no month
 * counts, contract §10.4) comes before Không phát sinh hồ sơ, which states that counted months add up to 0.
 */
export function assess(
  online: number,
  resolved: number,
  target: Fraction,
  hasError: boolean,
  maxPoints: number,
  hasFigures: boolean,
): Assessment {
  const status = hasError ? 'dataError' : hasFigures ? statusOf(online, resolved, target) : 'noData';
  return {
    resolved,
    online,
    ratio: ratioOf(online, resolved),
    status,
    needed: resolved > 0 ? neededToReach(online, resolved, target) : null,
    points: pointsOf(online, resolved, target, maxPoints),
  };
}

export interface Forecast {
  /** Projected ratio for the whole year if the recent pace holds; null without a recent pace. */
  readonly yearEndRatio: number | null;
  /** Online dossiers needed in each remaining month to end the year on target; null in December. */
  readonly neededPerMonth: number | null;
}

/** Months of recent pace used for the forecast. */
export const PACE_MONTHS = 3;

/**
 * Projects the year from the pace of the last three months up to `lastMonth` that have figures:
 * the remaining months are assumed to resolve as many dossiers as that average.
 */
export function forecast(
  months: ReadonlyMap<number, MonthFigure>,
  lastMonth: number,
  monthOfYear: number,
  online: number,
  resolved: number,
  target: Fraction,
): Forecast {
  const remaining = 12 - monthOfYear;
  let paceResolved = 0;
  let paceOnline = 0;
  let paceCount = 0;
  for (let m = lastMonth - PACE_MONTHS + 1; m <= lastMonth; m++) {
    const figure = months.get(m);
    if (!figure) continue;
    paceResolved += figure.resolved;
    paceOnline += figure.online;
    paceCount++;
  }
  if (paceCount === 0) return { yearEndRatio: resolved > 0 ? online / resolved : null, neededPerMonth: null };
  // Projected totals, kept as numerators over paceCount to stay exact.
  const k = BigInt(paceCount);
  const projectedResolvedK = BigInt(resolved) * k + BigInt(paceResolved) * BigInt(remaining);
  const projectedOnlineK = BigInt(online) * k + BigInt(paceOnline) * BigInt(remaining);
  const yearEndRatio = projectedResolvedK > 0n ? Number(projectedOnlineK) / Number(projectedResolvedK) : null;
  if (remaining <= 0 || projectedResolvedK === 0n) return { yearEndRatio, neededPerMonth: null };
  // x per month: online + remaining·x ≥ target · projectedResolved  ⇔  x ≥ (t·PR − online) / remaining.
  const tn = BigInt(target.n);
  const td = BigInt(target.d);
  const numerator = tn * projectedResolvedK - BigInt(online) * td * k;
  const denominator = td * k * BigInt(remaining);
  const perMonth = numerator <= 0n ? 0n : (numerator + denominator - 1n) / denominator;
  return { yearEndRatio, neededPerMonth: Number(perMonth) };
}
