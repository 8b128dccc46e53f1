// Cells → counts, percentages, months, groups, as CONTRACT.md section 2 accepts them.
import type { Cell } from './cells';
import { type Fraction, fromDecimal, fromNumber, reduce } from './fraction';
import type { GroupKey } from './labels';
import { isValidMonth, type Month, monthOfInstant, monthOfSerial } from './month';
import { fold } from './text';

/** Largest count accepted: far above any unit's dossiers, and small enough for exact products. */
export const MAX_COUNT = 1_000_000_000;

const SPACES = /[\s\u00a0\u202f\u2009]/g;
/** Thousands-grouped counts; the first group has no leading zero, so 0.234 (a fraction) is rejected. */
const GROUPED = [/^[1-9]\d{0,2}(\.\d{3})+$/, /^[1-9]\d{0,2}(,\d{3})+$/, /^[1-9]\d{0,2}( \d{3})+$/];

/**
 * A whole number of dossiers ≥ 0: numbers, or text such as 1234, 1.234, 1,234, 1 234.
 * Returns null for anything else (fractions, negatives, words, dates).
 */
export function parseCount(cell: Cell): number | null {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 0 && cell <= MAX_COUNT ? cell : null;
  }
  if (typeof cell !== 'string') return null;
  const text = cell
    .normalize('NFC')
    .trim()
    .replace(/[\u00a0\u202f\u2009]/g, ' ');
  let digits: string | null = null;
  if (/^\d+$/.test(text)) digits = text;
  else if (GROUPED.some((pattern) => pattern.test(text))) digits = text.replace(/[., ]/g, '');
  if (digits === null) return null;
  const value = Number(digits);
  return value <= MAX_COUNT ? value : null;
}

/**
 * A share as an exact fraction of 1: 0.3, 30, 30%, 30,5%, 30.5%. A plain number above 1 means percent.
 * Returns null for anything else, including negatives.
 */
export function parsePercent(cell: Cell): Fraction | null {
  if (typeof cell === 'number') {
    const value = fromNumber(cell);
    if (!value) return null;
    return cell > 1 ? reduce({ n: value.n, d: value.d * 100 }) : value;
  }
  if (typeof cell !== 'string') return null;
  let text = cell.normalize('NFC').replace(SPACES, '');
  const hasPercent = text.endsWith('%');
  if (hasPercent) text = text.slice(0, -1);
  if ((text.match(/[.,]/g) ?? []).length > 1) return null;
  const value = fromDecimal(text.replace(',', '.'));
  if (!value) return null;
  const isPercent = hasPercent || value.n > value.d;
  return isPercent ? reduce({ n: value.n, d: value.d * 100 }) : value;
}

const MONTH_YEAR = /^(?:tháng|thang|th|t)?\s*(\d{1,2})\s*(?:[/.-]|năm|nam)\s*(\d{4})$/;
const YEAR_MONTH = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/;

function checked(year: number, month: number, day = 1): Month | null {
  if (!isValidMonth(year, month) || day < 1 || day > 31) return null;
  return { year, month };
}

/**
 * A month: 2020-10, 10/2020, T10/2020, Tháng 10/2020, Tháng 10 năm 2020, a date typed as 15/10/2020,
 * a date cell (a Date instant, read in Asia/Ho_Chi_Minh) or a serial date number.
 */
export function parseMonth(cell: Cell): Month | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : monthOfInstant(cell);
  if (typeof cell === 'number') {
    const month = monthOfSerial(cell);
    // Numbers such as a bare "10" or 202010 are not dates anyone meant: only 1950–2100 count as dates.
    return month && month.year >= 1950 && month.year <= 2100 ? month : null;
  }
  if (typeof cell !== 'string') return null;
  const text = fold(cell);
  let match = MONTH_YEAR.exec(text);
  if (match) return checked(Number(match[2]), Number(match[1]));
  match = YEAR_MONTH.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]));
  match = DAY_MONTH_YEAR.exec(text);
  if (match) return checked(Number(match[3]), Number(match[2]), Number(match[1]));
  match = ISO_DATE.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

/** A four-digit year, as a number or text. */
export function parseYear(cell: Cell): number | null {
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim()) : Number.NaN;
  return Number.isInteger(value) && value >= 1900 && value <= 9999 ? value : null;
}

/** A positive number such as points: 1, 1.5, 1,5. */
export function parsePositiveNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell > 0 ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

const GROUP_ALIASES: Record<string, GroupKey> = {
  sởbanngành: 'department',
  sbn: 'department',
  sở: 'department',
  huyệnthànhphố: 'district',
  huyệnthịxãthànhphố: 'district',
  huyện: 'district',
  huyen: 'district',
  cấphuyện: 'district',
  xãphườngthịtrấn: 'commune',
  xãphườngđặckhu: 'commune',
  xa: 'commune',
  xã: 'commune',
  cấpxã: 'commune',
};

/** Nhóm: the three group names (communes also as Xã, phường, đặc khu), or the short forms SBN, HUYEN, XA. */
export function parseGroup(cell: Cell): GroupKey | null {
  const key = fold(cell).replace(/[\s,.;-]/g, '');
  return GROUP_ALIASES[key] ?? null;
}
