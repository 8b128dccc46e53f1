// One rule for a core Cell in the Sheets API: CellData for updateCells and the RAW value for staged writes.
import { cellData, rawValue } from '../../src/sheets/cell-data';

test('text stays text, even when it starts with "=" or looks like a number; "" is an empty cell', () => {
  expect(cellData('=SUM(A1:A3)')).toEqual({ userEnteredValue: { stringValue: '=SUM(A1:A3)' } });
  expect(cellData('0012')).toEqual({ userEnteredValue: { stringValue: '0012' } });
  expect(cellData('')).toEqual({});
  expect(rawValue('=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
  expect(rawValue('')).toBe('');
});

test('numbers and booleans keep their type; NaN and Infinity are empty cells, never the text "NaN"', () => {
  expect(cellData(0.8125)).toEqual({ userEnteredValue: { numberValue: 0.8125 } });
  expect(cellData(0)).toEqual({ userEnteredValue: { numberValue: 0 } });
  expect(cellData(false)).toEqual({ userEnteredValue: { boolValue: false } });
  expect(cellData(Number.NaN)).toEqual({});
  expect(cellData(Number.POSITIVE_INFINITY)).toEqual({});
  expect(rawValue(Number.NaN)).toBe('');
  expect(rawValue(0)).toBe(0);
  expect(rawValue(false)).toBe(false);
  expect(cellData(null)).toEqual({});
  expect(rawValue(undefined)).toBe('');
});

test('a Date is the serial number of its wall clock in Asia/Ho_Chi_Minh (UTC+7)', () => {
  // 17:00 UTC on 7/12/2026 is midnight of 8/12/2026 in Vietnam: 46,364 days after 30/12/1899.
  expect(cellData(new Date('2026-12-07T17:00:00Z'))).toEqual({ userEnteredValue: { numberValue: 46364 } });
  // Noon in Vietnam is half a day.
  expect(rawValue(new Date('2026-12-08T05:00:00Z'))).toBe(46364.5);
  expect(cellData(new Date(Number.NaN))).toEqual({});
  expect(rawValue(new Date(Number.NaN))).toBe('');
});
