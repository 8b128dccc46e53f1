// How Sheets stores a value written by Range.setValues (as if typed, en_US locale), and the cell model.
import type { FakeWorld, Value } from './world';

export interface CellState {
  value: Value;
  /** The formula text when the cell holds one ('' otherwise). */
  formula: string;
  numberFormat: string;
  bold: boolean;
  validation: unknown;
  /** Styles the layout of Báo cáo sets (absent: Sheets' default). */
  italic?: boolean;
  fontSize?: number;
  align?: string;
  wrap?: boolean;
  border?: boolean;
  /** A bottom border alone (a rule under a heading), as updateBorders with only `bottom` leaves it. */
  bottomBorder?: boolean;
  fontFamily?: string;
  /** Pixels between the text and the cell's edges. */
  padding?: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_FORMAT = 'General';

export const emptyCell = (): CellState => ({
  value: '',
  formula: '',
  numberFormat: DEFAULT_FORMAT,
  bold: false,
  validation: null,
});

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * The stored value and formula of something written with setValues: `'` forces text (and is
 * dropped), `=`/`+`/`-` text becomes a formula, numbers, percentages, booleans and dates are parsed.
 * Formulas are not evaluated: the fake stores `#ERROR!` as their value.
 */
export function enter(world: FakeWorld, input: unknown): { value: Value; formula: string } {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
    return { value: world.copyDate(input as Date), formula: '' };
  }
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '#ERROR!', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text === '' ? '' : text, formula: '' };
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1) : trimmed;
  if (/\d/.test(body) && NUMBER.test(body)) {
    const n = Number(body.replace(/,/g, ''));
    return { value: percent ? n / 100 : n, formula: '' };
  }
  if (/^[+-]/.test(trimmed)) return { value: '#ERROR!', formula: `=${trimmed}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  const date = parseDate(world, trimmed);
  if (date) return { value: date, formula: '' };
  return { value: text, formula: '' };
}

/** Dates as an en_US sheet reads typing: 10/15/2020, 10/2020, 2020-10, 2020-10-15. */
function parseDate(world: FakeWorld, text: string): Date | null {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return valid(world, Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return valid(world, Number(m[2]), Number(m[1]), 1);
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (m) return valid(world, Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  return null;
}

function valid(world: FakeWorld, year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return world.localDate(year, month, day);
}
