// Months of the tracked year, read in Asia/Ho_Chi_Minh (UTC+7 all year since 1975, so a fixed offset is exact).
// Hand-written fixed-offset arithmetic instead of a date library: the add-in bundle stays small.

export interface Month {
  readonly year: number;
  readonly month: number;
}

/** Vietnam's offset from UTC in minutes: no daylight saving since 1975. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_MINUTES * MINUTE_MS;

/** Days between the spreadsheet epoch (30/12/1899) and the Unix epoch, for serial dates (the one source). */
export const SERIAL_EPOCH_OFFSET = 25569;

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

/** Wall-clock fields of an instant in Vietnam; null for an invalid date. */
interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The Vietnamese calendar moment of an instant: its UTC fields shifted by the fixed offset. */
export function inVietnam(instant: Date): WallClock | null {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) return null;
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  if (Number.isNaN(local.getTime())) return null;
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');
const year4 = (n: number): string => (n < 0 ? `-${String(-n).padStart(4, '0')}` : String(n).padStart(4, '0'));
const dateText = (t: WallClock): string => `${two(t.day)}/${two(t.month)}/${year4(t.year)}`;
const timeText = (t: WallClock): string => `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;

/**
 * A date cell as a clerk reads it, in Asia/Ho_Chi_Minh whatever the runtime's zone: 15/03/2020, with
 * the time only when it is not midnight. Empty for an invalid date.
 */
export function formatLocalDate(instant: Date): string {
  const t = inVietnam(instant);
  if (!t) return '';
  const midnight = t.hour === 0 && t.minute === 0 && t.second === 0;
  return midnight ? dateText(t) : `${dateText(t)} ${timeText(t)}`;
}

/** The month an instant falls in, in Asia/Ho_Chi_Minh. */
export function monthOfInstant(instant: Date): Month | null {
  const t = inVietnam(instant);
  return t ? { year: t.year, month: t.month } : null;
}

/** The month of a spreadsheet serial date (days since 30/12/1899; a floating local date, no zone). */
export function monthOfSerial(serial: number): Month | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const floating = floatingOfSerial(serial);
  if (Number.isNaN(floating.getTime())) return null;
  return { year: floating.getUTCFullYear(), month: floating.getUTCMonth() + 1 };
}

/**
 * The instant of a floating local date-time given as a JS Date whose UTC fields hold it (as exceljs
 * returns date cells), read as Vietnam's wall clock: the same Date Apps Script gives for that cell.
 */
export const instantOfFloating = (floating: Date): Date => new Date(floating.getTime() - VIETNAM_OFFSET_MS);

/** A serial date (days since 30/12/1899, no zone) as a floating Date whose UTC fields hold its wall clock. */
export const floatingOfSerial = (serial: number): Date =>
  new Date(Math.round((serial - SERIAL_EPOCH_OFFSET) * DAY_MS));

/** A floating Date (UTC fields hold the wall clock, as exceljs gives them) as a serial date. */
export const serialOfFloating = (floating: Date): number => floating.getTime() / DAY_MS + SERIAL_EPOCH_OFFSET;

/** An instant as the serial date of its wall clock in Vietnam: what a sheet in Asia/Ho_Chi_Minh shows. */
export const serialOfInstant = (instant: Date): number =>
  serialOfFloating(new Date(instant.getTime() + VIETNAM_OFFSET_MS));

export const isValidMonth = (year: number, month: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  year >= 1900 &&
  year <= 9999 &&
  month >= 1 &&
  month <= 12;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Last calendar day of a month (proleptic Gregorian), for the "Kỳ báo cáo: từ ngày … đến ngày …" line. */
export function lastDay(m: Month): number {
  if (m.month === 2 && isLeapYear(m.year)) return 29;
  return DAYS_IN_MONTH[m.month - 1] ?? 31;
}

/** dd/MM/yyyy HH:mm:ss in Asia/Ho_Chi_Minh, for time stamps written as text. */
export function formatTimestamp(instant: Date): string {
  const t = inVietnam(instant);
  return t ? `${dateText(t)} ${timeText(t)}` : 'Invalid DateTime';
}
