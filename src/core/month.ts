// Months of the tracked year, read in Asia/Ho_Chi_Minh (UTC+7 all year since 1975, so a fixed offset is exact).
import { DateTime, FixedOffsetZone } from 'luxon';

export interface Month {
  readonly year: number;
  readonly month: number;
}

/** Vietnam's zone as a fixed offset: exact, and independent of the runtime's time-zone database. */
export const VIETNAM_ZONE = FixedOffsetZone.instance(7 * 60);

/** Days between the spreadsheet epoch (30/12/1899) and the Unix epoch, for serial dates. */
const SERIAL_EPOCH_OFFSET = 25569;

/** A comparable integer for a month: months since year 0. */
export const monthIndex = (m: Month): number => m.year * 12 + (m.month - 1);
export const fromIndex = (index: number): Month => ({
  year: Math.floor(index / 12),
  month: (index % 12) + 1,
});
export const addMonths = (m: Month, delta: number): Month => fromIndex(monthIndex(m) + delta);
export const sameMonth = (a: Month, b: Month): boolean => a.year === b.year && a.month === b.month;

/** How months are shown in the tabs: 10/2020 (Vietnamese order, unambiguous). */
export const formatMonth = (m: Month): string => `${String(m.month).padStart(2, '0')}/${m.year}`;

/** ISO form, as the command line takes it: 2020-10. */
export const isoMonth = (m: Month): string => `${m.year}-${String(m.month).padStart(2, '0')}`;

/** The Vietnamese calendar moment of an instant. */
export const inVietnam = (instant: Date): DateTime => DateTime.fromJSDate(instant, { zone: VIETNAM_ZONE });

/**
 * A date cell as a clerk reads it, in Asia/Ho_Chi_Minh whatever the runtime's zone: 15/03/2020, with
 * the time only when it is not midnight. Empty for an invalid date.
 */
export function formatLocalDate(instant: Date): string {
  const dt = inVietnam(instant);
  if (!dt.isValid) return '';
  const midnight = dt.hour === 0 && dt.minute === 0 && dt.second === 0;
  return dt.toFormat(midnight ? 'dd/MM/yyyy' : 'dd/MM/yyyy HH:mm:ss');
}

/** The month an instant falls in, in Asia/Ho_Chi_Minh. */
export function monthOfInstant(instant: Date): Month | null {
  const dt = inVietnam(instant);
  return dt.isValid ? { year: dt.year, month: dt.month } : null;
}

/** The month of a spreadsheet serial date (days since 30/12/1899; a floating local date, no zone). */
export function monthOfSerial(serial: number): Month | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const dt = DateTime.fromMillis(Math.round((serial - SERIAL_EPOCH_OFFSET) * 86400000), { zone: 'utc' });
  return dt.isValid ? { year: dt.year, month: dt.month } : null;
}

/**
 * The instant of a floating local date-time given as a JS Date whose UTC fields hold it (as exceljs
 * returns date cells), read as Vietnam's wall clock: the same Date Apps Script gives for that cell.
 */
export const instantOfFloating = (floating: Date): Date => new Date(floating.getTime() - 7 * 3_600_000);

export const isValidMonth = (year: number, month: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  year >= 1900 &&
  year <= 9999 &&
  month >= 1 &&
  month <= 12;

/** Last calendar day of a month, for the "Kỳ báo cáo: từ ngày … đến ngày …" line. */
export function lastDay(m: Month): number {
  return DateTime.fromObject({ year: m.year, month: m.month, day: 1 }, { zone: 'utc' }).daysInMonth ?? 31;
}

/** dd/MM/yyyy HH:mm:ss in Asia/Ho_Chi_Minh, for time stamps written as text. */
export const formatTimestamp = (instant: Date): string => inVietnam(instant).toFormat('dd/MM/yyyy HH:mm:ss');
