// Exact fractions: comparison without floating point, dossiers still needed, decimal reading.
import { compare, fromDecimal, fromNumber, neededToReach, reduce } from '../../src/core/fraction';

describe('compare', () => {
  it('treats 1/3 and 2/6 as equal and orders by value', () => {
    expect(compare({ n: 1, d: 3 }, { n: 2, d: 6 })).toBe(0);
    expect(compare({ n: 7, d: 35 }, { n: 1, d: 5 })).toBe(0);
    expect(compare({ n: 1, d: 3 }, { n: 33, d: 100 })).toBeGreaterThan(0);
    expect(compare({ n: 33, d: 100 }, { n: 1, d: 3 })).toBeLessThan(0);
  });

  it('stays exact where floats round: 3/10 equals 0.1 + 0.2 read at sheet precision', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    const sum = fromNumber(0.1 + 0.2);
    expect(sum && compare(sum, { n: 3, d: 10 })).toBe(0);
  });

  it('compares exactly when the cross products pass 2^53', () => {
    // (10^9 − 1)/10^9 against (10^9 − 2)/(10^9 − 1): a·d − c·b = (10^9−1)² − (10^9−2)·10^9 = 1 > 0.
    const a = { n: 999_999_999, d: 1_000_000_000 };
    const b = { n: 999_999_998, d: 999_999_999 };
    expect(compare(a, b)).toBeGreaterThan(0);
    expect(compare(b, a)).toBeLessThan(0);
    expect(compare({ n: 999_999_999, d: 999_999_999 }, { n: 1, d: 1 })).toBe(0);
  });
});

describe('neededToReach', () => {
  it.each([
    // online, total, target n/d, needed (hand computed: ⌈t·total⌉ − online, at least 0)
    [11, 20, 55, 100, 0], // 55% of 20 = 11 exactly
    [10, 20, 55, 100, 1],
    [7, 35, 20, 100, 0], // 20% of 35 = 7 exactly
    [6, 35, 20, 100, 1],
    [0, 3, 1, 3, 1], // a third of 3 is 1
    [0, 10, 1, 3, 4], // ⌈10/3⌉ = 4
    [5, 10, 1, 3, 0],
    [0, 1, 1, 1, 1],
    [100, 100, 1, 1, 0],
    [0, 0, 1, 5, 0],
    [12, 57, 61, 200, 6], // 30.5% of 57 = 17.385 → 18 − 12 = 6
  ])('%p of %p at %p/%p needs %p', (online, total, n, d, needed) => {
    expect(neededToReach(online, total, { n, d })).toBe(needed);
  });

  it('is exact for huge totals', () => {
    // 20% of 999,999,999 = 199,999,999.8 → 200,000,000.
    expect(neededToReach(0, 999_999_999, { n: 1, d: 5 })).toBe(200_000_000);
    expect(neededToReach(199_999_999, 999_999_999, { n: 1, d: 5 })).toBe(1);
  });
});

describe('fromDecimal / fromNumber / reduce', () => {
  it('reads decimals exactly', () => {
    expect(fromDecimal('30.55')).toEqual({ n: 611, d: 20 });
    expect(fromDecimal('0.300')).toEqual({ n: 3, d: 10 });
    expect(fromDecimal('007')).toEqual({ n: 7, d: 1 });
    expect(fromDecimal('1e3')).toBeNull();
    expect(fromDecimal('-1')).toBeNull();
    expect(fromDecimal('')).toBeNull();
  });

  it('reads numbers at 15 significant digits', () => {
    expect(fromNumber(0.55)).toEqual({ n: 11, d: 20 });
    expect(fromNumber(0.7 * 100)).toEqual({ n: 70, d: 1 }); // 70.00000000000001 in floats
    expect(fromNumber(-0.1)).toBeNull();
    expect(fromNumber(Number.NaN)).toBeNull();
    expect(fromNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('reduces by the greatest common divisor', () => {
    expect(reduce({ n: 30, d: 100 })).toEqual({ n: 3, d: 10 });
    expect(reduce({ n: 0, d: 20 })).toEqual({ n: 0, d: 1 });
  });
});
