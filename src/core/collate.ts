// Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after letters), with numbers compared as numbers.
// Written by hand so Apps Script and Node order names identically without depending on ICU data.

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_RANK = new Map([...ALPHABET].map((letter, index) => [letter, index]));
/** Tone marks in dictionary order: none, huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Combining marks that make a distinct letter (ă â ê ô ơ ư) rather than a tone. */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

export interface CollationKey {
  readonly primary: string;
  readonly tones: string;
  readonly raw: string;
}

/** A sort key whose parts compare with plain string comparison. */
export function collationKey(text: string): CollationKey {
  const source = text.normalize('NFC').trim().toLowerCase();
  const letters = [...source.normalize('NFD')];
  let primary = '';
  let tones = '';
  let index = 0;
  while (index < letters.length) {
    const char = letters[index] as string;
    if (char >= '0' && char <= '9') {
      let end = index;
      while (end < letters.length && (letters[end] as string) >= '0' && (letters[end] as string) <= '9')
        end++;
      const digits = letters
        .slice(index, end)
        .join('')
        .replace(/^0+(?=\d)/, '');
      // Length first, so 2 < 10; digits sort before letters.
      primary += String.fromCharCode(0x30 + Math.min(digits.length, 0x3f)) + digits;
      index = end;
      continue;
    }
    let base = char;
    let tone = 0;
    index++;
    while (index < letters.length && /[\u0300-\u036f]/.test(letters[index] as string)) {
      const mark = letters[index] as string;
      if (LETTER_MARKS.has(mark)) base = (base + mark).normalize('NFC');
      else {
        const toneIndex = TONES.indexOf(mark);
        if (toneIndex >= 0) tone = toneIndex + 1;
      }
      index++;
    }
    const rank = LETTER_RANK.get(base);
    if (rank !== undefined) {
      primary += String.fromCharCode(0x100 + rank);
      tones += String(tone);
    } else if (/\s/.test(base)) {
      primary += ' ';
    } else {
      // Punctuation and other symbols: keep their code so the order is stable, after spaces, before digits.
      primary += String.fromCharCode(0x21 + (base.charCodeAt(0) % 0x0f));
    }
  }
  return { primary, tones, raw: source };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareKeys(a: CollationKey, b: CollationKey): number {
  return cmp(a.primary, b.primary) || cmp(a.tones, b.tones) || cmp(a.raw, b.raw);
}

/** Compares two names in Vietnamese order. */
export const compareVietnamese = (a: string, b: string): number =>
  compareKeys(collationKey(a), collationKey(b));
