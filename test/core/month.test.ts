// Months in Asia/Ho_Chi_Minh, shown as 10/2020, with serial dates as spreadsheets store them.
import {
  addMonths,
  formatMonth,
  formatTimestamp,
  fromIndex,
  instantOfFloating,
  isoMonth,
  monthIndex,
  monthOfInstant,
} from '../../src/core';
import { lastDay, monthOfSerial } from '../../src/core/month';

describe('months', () => {
  it('formats as 10/2020 and 2020-10', () => {
    expect(formatMonth({ year: 2020, month: 10 })).toBe('10/2020');
    expect(formatMonth({ year: 2020, month: 3 })).toBe('03/2020');
    expect(isoMonth({ year: 2020, month: 3 })).toBe('2020-03');
  });

  it('indexes and adds months across years', () => {
    expect(monthIndex({ year: 2020, month: 1 })).toBe(2020 * 12);
    expect(fromIndex(2020 * 12 + 11)).toEqual({ year: 2020, month: 12 });
    expect(addMonths({ year: 2020, month: 1 }, -1)).toEqual({ year: 2019, month: 12 });
    expect(addMonths({ year: 2020, month: 12 }, 1)).toEqual({ year: 2021, month: 1 });
  });

  it('takes a floating date (exceljs, Sheets serials) as that wall-clock time in Vietnam', () => {
    expect(instantOfFloating(new Date(Date.UTC(2020, 9, 1)))).toEqual(new Date('2020-09-30T17:00:00Z'));
    expect(monthOfInstant(instantOfFloating(new Date(Date.UTC(2020, 9, 31, 23, 59))))).toEqual({
      year: 2020,
      month: 10,
    });
  });

  it('reads instants in UTC+7 whatever the runtime zone', () => {
    expect(monthOfInstant(new Date('2020-09-30T17:30:00Z'))).toEqual({ year: 2020, month: 10 });
    expect(monthOfInstant(new Date('2020-12-31T17:00:00Z'))).toEqual({ year: 2021, month: 1 });
    expect(monthOfInstant(new Date(Number.NaN))).toBeNull();
  });

  it('reads serial dates as floating dates: 44105 is 1/10/2020', () => {
    expect(monthOfSerial(44105)).toEqual({ year: 2020, month: 10 });
    expect(monthOfSerial(0)).toBeNull();
  });

  it('stamps times in Vietnam: 2020-10-01T01:02:03Z is 01/10/2020 08:02:03', () => {
    expect(formatTimestamp(new Date('2020-10-01T01:02:03Z'))).toBe('01/10/2020 08:02:03');
    expect(formatTimestamp(new Date('2020-09-30T20:00:00Z'))).toBe('01/10/2020 03:00:00');
  });

  it('knows the last day of a month, leap years included', () => {
    expect(lastDay({ year: 2020, month: 2 })).toBe(29);
    expect(lastDay({ year: 2021, month: 2 })).toBe(28);
    expect(lastDay({ year: 2020, month: 10 })).toBe(31);
    expect(lastDay({ year: 2020, month: 11 })).toBe(30);
  });
});
