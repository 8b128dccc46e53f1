// month.ts's hand-written UTC+7 arithmetic against luxon (the sync's date library) as the oracle.
import fc from 'fast-check';
import { DateTime, FixedOffsetZone } from 'luxon';
import {
  formatLocalDate,
  formatTimestamp,
  lastDay,
  monthOfInstant,
  monthOfSerial,
  VIETNAM_OFFSET_MINUTES,
} from '../../src/core/month';

const ZONE = FixedOffsetZone.instance(VIETNAM_OFFSET_MINUTES);
const oracle = (ms: number): DateTime => DateTime.fromMillis(ms, { zone: ZONE });

/** Every instant JavaScript can hold, with extra weight on whole seconds and Vietnamese midnights. */
const instants = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: -2_208_988_800, max: 253_402_300_799 }).map((s) => s * 1000),
  fc.integer({ min: -25_567, max: 2_932_896 }).map((d) => d * 86_400_000 - 7 * 3_600_000),
  fc.constantFrom(Number.NaN, 8.64e15, -8.64e15, 8.64e15 - 1),
);

const runs = { numRuns: 3000 };

test('the month of an instant is luxon’s month in UTC+7', () => {
  fc.assert(
    fc.property(instants, (ms) => {
      const dt = oracle(ms);
      const expected = dt.isValid ? { year: dt.year, month: dt.month } : null;
      expect(monthOfInstant(new Date(ms))).toEqual(expected);
    }),
    runs,
  );
});

test('dates and time stamps are formatted as luxon formats them in UTC+7', () => {
  fc.assert(
    fc.property(instants, (ms) => {
      const dt = oracle(ms);
      const midnight = dt.isValid && dt.hour === 0 && dt.minute === 0 && dt.second === 0;
      expect(formatLocalDate(new Date(ms))).toBe(
        dt.isValid ? dt.toFormat(midnight ? 'dd/MM/yyyy' : 'dd/MM/yyyy HH:mm:ss') : '',
      );
      expect(formatTimestamp(new Date(ms))).toBe(dt.toFormat('dd/MM/yyyy HH:mm:ss'));
    }),
    runs,
  );
});

test('serial dates name the month luxon gives in UTC', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.integer({ min: -10, max: 2_958_470 }), fc.double({ min: -10, max: 2_958_470 })),
      (serial) => {
        const valid = Number.isFinite(serial) && serial >= 1 && serial <= 2958465;
        const dt = DateTime.fromMillis(Math.round((serial - 25569) * 86400000), { zone: 'utc' });
        expect(monthOfSerial(serial)).toEqual(valid ? { year: dt.year, month: dt.month } : null);
      },
    ),
    runs,
  );
});

test('the last day of every month of 1583–9999 is luxon’s', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1583, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      expect(lastDay({ year, month })).toBe(
        DateTime.fromObject({ year, month, day: 1 }, { zone: 'utc' }).daysInMonth,
      );
    }),
    runs,
  );
});
