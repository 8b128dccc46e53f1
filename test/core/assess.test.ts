// Ratio, Đánh giá, Hồ sơ cần thêm, Điểm and the forecast, computed exactly.

import { monthIndex } from '../../src/core';
import { assess, forecast, pointsOf, statusOf } from '../../src/core/assess';

const pct = (p: number) => ({ n: p, d: 100 });

describe('statusOf', () => {
  it.each([
    [11, 20, pct(55), 'met'],
    [10, 20, pct(55), 'notMet'],
    [7, 35, pct(20), 'met'],
    [6, 35, pct(20), 'notMet'],
    [1, 3, { n: 1, d: 3 }, 'met'],
    [0, 0, pct(20), 'noDossiers'],
    [0, 5, pct(0), 'met'],
  ] as const)('%p of %p at %p is %p', (online, total, target, status) => {
    expect(statusOf(online, total, target)).toBe(status);
  });
});

describe('pointsOf', () => {
  it('gives Điểm tối đa when met, else Điểm tối đa × ratio / target', () => {
    expect(pointsOf(30, 100, pct(20), 1)).toBe(1);
    expect(pointsOf(30, 100, pct(20), 2.5)).toBe(2.5);
    // 10% of a 20% target: half the points.
    expect(pointsOf(10, 100, pct(20), 1)).toBe(0.5);
    expect(pointsOf(10, 100, pct(20), 2)).toBe(1);
    // 3/40 = 7.5% of a 30% target: a quarter.
    expect(pointsOf(3, 40, pct(30), 1)).toBeCloseTo(0.25, 12);
    expect(pointsOf(0, 0, pct(20), 1)).toBeNull();
  });
});

describe('assess', () => {
  it('marks data errors whatever the figures', () => {
    expect(assess(30, 100, pct(20), true, 1, true).status).toBe('dataError');
  });

  it('says Chưa có số liệu when no month counts, Số liệu lỗi first when a row has an error (contract §3, §10.4)', () => {
    expect(assess(0, 0, pct(20), false, 1, false)).toEqual({
      resolved: 0,
      online: 0,
      ratio: null,
      status: 'noData',
      needed: null,
      points: null,
    });
    expect(assess(0, 0, pct(20), true, 1, false).status).toBe('dataError');
  });

  it('leaves ratio and needed empty without dossiers', () => {
    expect(assess(0, 0, pct(20), false, 1, true)).toEqual({
      resolved: 0,
      online: 0,
      ratio: null,
      status: 'noDossiers',
      needed: null,
      points: null,
    });
  });

  it('computes needed exactly: 11 of 20 at 55% needs 0, 10 of 20 needs 1', () => {
    expect(assess(11, 20, pct(55), false, 1, true).needed).toBe(0);
    expect(assess(10, 20, pct(55), false, 1, true).needed).toBe(1);
    expect(assess(0, 57, { n: 61, d: 200 }, false, 1, true).needed).toBe(18); // 30.5% of 57 = 17.385
  });
});

describe('forecast', () => {
  const base = monthIndex({ year: 2020, month: 1 });
  const months = (figures: Record<number, [number, number]>) =>
    new Map(
      Object.entries(figures).map(([m, [resolved, online]]) => [base + Number(m) - 1, { resolved, online }]),
    );

  it('projects the year at the pace of the last three months', () => {
    // Through October: 1000 resolved, 150 online; Aug–Oct average 100 resolved, 20 online a month.
    const result = forecast(
      months({ 8: [100, 10], 9: [100, 20], 10: [100, 30] }),
      base + 9,
      10,
      150,
      1000,
      pct(20),
    );
    // Year end: 1000 + 2·100 = 1200 resolved, 150 + 2·20 = 190 online.
    expect(result.yearEndRatio).toBeCloseTo(190 / 1200, 12);
    // 20% of 1200 = 240; 240 − 150 = 90 over 2 months = 45 a month.
    expect(result.neededPerMonth).toBe(45);
  });

  it('averages only the recent months that have figures and rounds up', () => {
    // Aug (50, 5) and Oct (100, 20): pace 75 resolved, 12.5 online.
    const result = forecast(months({ 8: [50, 5], 10: [100, 20] }), base + 9, 10, 151, 1000, pct(20));
    // 1000 + 150 = 1150; 151 + 25 = 176 online projected.
    expect(result.yearEndRatio).toBeCloseTo(176 / 1150, 12);
    // 20% of 1150 = 230; (230 − 151) / 2 = 39.5 → 40.
    expect(result.neededPerMonth).toBe(40);
  });

  it('needs nothing more once the projection is on target, and nothing per month in December', () => {
    expect(forecast(months({ 10: [100, 50] }), base + 9, 10, 500, 1000, pct(20)).neededPerMonth).toBe(0);
    const december = forecast(months({ 12: [100, 50] }), base + 11, 12, 300, 1000, pct(20));
    expect(december).toEqual({ yearEndRatio: 0.3, neededPerMonth: null });
  });

  it('falls back to the ratio so far without a recent pace', () => {
    expect(forecast(months({ 1: [100, 50] }), base + 9, 10, 50, 100, pct(20))).toEqual({
      yearEndRatio: 0.5,
      neededPerMonth: null,
    });
    expect(forecast(new Map(), base + 9, 10, 0, 0, pct(20))).toEqual({
      yearEndRatio: null,
      neededPerMonth: null,
    });
  });
});
