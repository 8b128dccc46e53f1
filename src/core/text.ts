// Text comparison as CONTRACT.md section 2 wants it: NFC, trimmed, case-folded, spaces collapsed.
import { formatLocalDate } from './month';

/** A cell as text: a date cell in Asia/Ho_Chi_Minh (String(date) would use the runtime's zone). */
const asText = (value: unknown): string => (value instanceof Date ? formatLocalDate(value) : String(value));

/** The comparison key of a piece of text: NFC, trimmed, inner whitespace collapsed, lower-cased. */
export function fold(value: unknown): string {
  if (value === null || value === undefined) return '';
  return asText(value).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Text as shown back to users: NFC and trimmed, case kept. */
export function clean(value: unknown): string {
  if (value === null || value === undefined) return '';
  return asText(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Email lists typed with commas, semicolons or spaces. */
export function splitList(value: unknown): string[] {
  return clean(value)
    .split(/[\s,;]+/)
    .map((item) => item.toLowerCase())
    .filter((item) => item !== '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string): boolean => EMAIL.test(value);

/** Characters of user text a message quotes before cutting it with "…" (a 50,000-character cell stays readable). */
export const EXCERPT_LENGTH = 60;

/** Text quoted in a message: at most EXCERPT_LENGTH characters, then "…". */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}…`;
}

/**
 * Most characters of one written cell: Excel's 32,767 per cell, under Google Sheets' 50,000, so every
 * output tab fits both.
 */
export const MAX_CELL_TEXT = 32_767;

/** A text cut to fit one output cell, with "…" when it was longer. */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  // Cut on a code point boundary: a lone surrogate would be an invalid string for both writers.
  let end = MAX_CELL_TEXT - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
