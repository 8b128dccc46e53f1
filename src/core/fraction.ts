// Exact rational arithmetic for ratios and targets: comparisons never go through floating point.

/** A non-negative fraction n/d with integer parts and d > 0. */
export interface Fraction {
  readonly n: number;
  readonly d: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** Sign of a·d − c·b, exactly (BigInt once a product could exceed 2^53). */
function crossCompare(a: number, b: number, c: number, d: number): number {
  const left = a * d;
  const right = c * b;
  if (left <= SAFE && right <= SAFE) return left === right ? 0 : left < right ? -1 : 1;
  const bl = BigInt(a) * BigInt(d);
  const br = BigInt(c) * BigInt(b);
  return bl === br ? 0 : bl < br ? -1 : 1;
}

/** Negative when x < y, zero when equal as fractions, positive when x > y. */
export const compare = (x: Fraction, y: Fraction): number => crossCompare(x.n, x.d, y.n, y.d);

export const toNumber = (x: Fraction): number => x.n / x.d;

/**
 * Least integer x ≥ 0 with (online + x) / total ≥ target: x = ⌈target·total⌉ − online, floored at 0.
 * Exact: 11 of 20 at 55% needs 0.
 */
export function neededToReach(online: number, total: number, target: Fraction): number {
  if (total <= 0) return 0;
  const product = BigInt(target.n) * BigInt(total);
  const den = BigInt(target.d);
  const ceil = (product + den - 1n) / den;
  const need = ceil - BigInt(online);
  return need > 0n ? Number(need) : 0;
}

/** Parses a plain decimal string ("30", "30.55") into an exact fraction; null when it is not one. */
export function fromDecimal(text: string): Fraction | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  // At most 15 significant digits (a spreadsheet's precision), so n and d stay exact integers.
  if ((whole === '0' ? 0 : whole.length) + decimals.length > 15) return null;
  const d = 10 ** decimals.length;
  return reduce({ n: Number(whole) * d + Number(decimals || '0'), d });
}

/**
 * Exact fraction of a JavaScript number through its decimal form at a spreadsheet's 15 significant
 * digits (0.55 → 55/100; 0.1 + 0.2 → 3/10, as the sheet shows it).
 */
export function fromNumber(value: number): Fraction | null {
  if (!Number.isFinite(value) || value < 0) return null;
  const text = Number(value.toPrecision(15)).toString();
  if (/e/i.test(text)) return value < 1e-9 ? { n: 0, d: 1 } : null;
  return fromDecimal(text);
}

export const scale = (x: Fraction, by: Fraction): Fraction => reduce({ n: x.n * by.n, d: x.d * by.d });

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

export function reduce(x: Fraction): Fraction {
  const g = gcd(x.n, x.d);
  return { n: x.n / g, d: x.d / g };
}
