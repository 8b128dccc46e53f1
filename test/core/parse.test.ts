// Counts, percentages and months as CONTRACT.md section 2 accepts them.
import { parseCount, parseMonth, parsePercent } from '../../src/core';
import { parseGroup } from '../../src/core/parse';

describe('parseCount', () => {
  it.each([
    [1234, 1234],
    [0, 0],
    ['1234', 1234],
    ['1.234', 1234],
    ['1,234', 1234],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
    ['  56 ', 56],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['12 345 678', 12345678],
  ])('reads %p as %p', (cell, expected) => {
    expect(parseCount(cell)).toBe(expected);
  });

  it.each([
    ['1.234,5'],
    ['1,234.5'],
    ['12.34'],
    ['1,5'],
    ['0.234'],
    ['1.2345'],
    ['1.234,567'],
    ['-5'],
    [-5],
    [2.5],
    ['2.5'],
    ['abc'],
    ['12 hồ sơ'],
    [''],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [true],
    [new Date('2020-10-01T00:00:00Z')],
    [null],
    [undefined],
  ])('rejects %p', (cell) => {
    expect(parseCount(cell)).toBeNull();
  });
});

describe('parsePercent', () => {
  it.each([
    [0.3, 3, 10],
    [30, 3, 10],
    ['0.3', 3, 10],
    ['0,3', 3, 10],
    ['30', 3, 10],
    ['30%', 3, 10],
    ['30 %', 3, 10],
    ['30,5%', 61, 200],
    ['30.5%', 61, 200],
    [30.5, 61, 200],
    [1, 1, 1],
    ['1', 1, 1],
    ['1%', 1, 100],
    [0.55, 11, 20],
    [0, 0, 1],
    ['100%', 1, 1],
    [0.1 + 0.2, 3, 10],
  ])('reads %p as %p/%p', (cell, n, d) => {
    const value = parsePercent(cell);
    expect(value).not.toBeNull();
    // Compare as fractions: n·d' = n'·d.
    expect((value?.n ?? -1) * d).toBe(n * (value?.d ?? 0));
  });

  it('keeps a third written with spreadsheet precision exact enough to compare', () => {
    const third = parsePercent(1 / 3);
    expect(third).not.toBeNull();
    // 0.333333333333333 (15 digits, what a sheet shows) is just below 1/3.
    expect((third?.n ?? 0) * 3).toBeLessThan(third?.d ?? 0);
    expect((third?.n ?? 0) * 3 + 1e-9 * (third?.d ?? 0)).toBeGreaterThan(third?.d ?? 0);
  });

  it.each([
    ['-30%'],
    [-0.3],
    ['30%%'],
    ['3,0,5%'],
    ['1.234,5%'],
    ['abc'],
    [''],
    ['%'],
    [true],
    [null],
    [Number.NaN],
  ])('rejects %p', (cell) => {
    expect(parsePercent(cell)).toBeNull();
  });
});

describe('parseMonth', () => {
  const october = { year: 2020, month: 10 };
  it.each([
    ['2020-10'],
    ['10/2020'],
    ['T10/2020'],
    ['t10/2020'],
    ['Tháng 10/2020'],
    ['tháng 10/2020'],
    ['THÁNG 10/2020'],
    ['Tháng 10 năm 2020'],
    ['Tháng 10 năm 2020'.normalize('NFD')],
    ['Tháng 10/2020'.normalize('NFD')],
    ['  10/2020 '],
    ['15/10/2020'],
    ['2020-10-15'],
    [new Date('2020-09-30T17:30:00Z')],
    [new Date('2020-10-31T16:59:59Z')],
    [44105],
    [44135],
    [44105.75],
  ])('reads %p as October 2020', (cell) => {
    expect(parseMonth(cell)).toEqual(october);
  });

  it('reads date instants in Asia/Ho_Chi_Minh, not UTC', () => {
    // 30/9/2020 16:59:59 UTC is 23:59:59 in Vietnam: still September.
    expect(parseMonth(new Date('2020-09-30T16:59:59Z'))).toEqual({ year: 2020, month: 9 });
    // 31/10/2020 17:00 UTC is 1/11/2020 00:00 in Vietnam.
    expect(parseMonth(new Date('2020-10-31T17:00:00Z'))).toEqual({ year: 2020, month: 11 });
  });

  it('reads serial dates as floating dates: 44104 = 30/9/2020, 44136 = 1/11/2020, 43831 = 1/1/2020', () => {
    expect(parseMonth(44104)).toEqual({ year: 2020, month: 9 });
    expect(parseMonth(44136)).toEqual({ year: 2020, month: 11 });
    expect(parseMonth(43831)).toEqual({ year: 2020, month: 1 });
    expect(parseMonth(43830)).toEqual({ year: 2019, month: 12 });
  });

  it('does not take a bare month number as a serial date of 1900', () => {
    expect(parseMonth(10)).toBeNull();
    expect(parseMonth(202010)).toBeNull();
  });

  it.each([
    ['13/2020'],
    ['0/2020'],
    ['Tháng 13/2020'],
    ['2020-13'],
    ['T10'],
    ['tháng mười'],
    ['10/20'],
    [''],
    [true],
    [null],
    [new Date(Number.NaN)],
    [Number.NaN],
    [-5],
  ])('rejects %p', (cell) => {
    expect(parseMonth(cell)).toBeNull();
  });
});

describe('parseGroup', () => {
  it.each([
    ['Sở, ban, ngành', 'department'],
    ['SBN', 'department'],
    ['sbn', 'department'],
    ['Huyện, thành phố', 'district'],
    ['HUYEN', 'district'],
    ['Huyện, thành phố'.normalize('NFD'), 'district'],
    ['Xã, phường, thị trấn', 'commune'],
    ['XA', 'commune'],
    ['  xã, phường, thị trấn  ', 'commune'],
    ['Xã, phường, thị trấn'.normalize('NFD'), 'commune'],
  ])('reads %p as %p', (cell, expected) => {
    expect(parseGroup(cell)).toBe(expected);
  });

  it.each([['Tỉnh'], [''], [null], [3]])('rejects %p', (cell) => {
    expect(parseGroup(cell)).toBeNull();
  });
});
