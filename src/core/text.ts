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
