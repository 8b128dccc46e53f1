// Whether Excel or LibreOffice has a workbook open, from the lock file each leaves beside it, and who holds it.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A lock file found beside a workbook: which program left it and the name of the person, when it says. */
export interface OfficeLock {
  readonly app: 'Excel' | 'LibreOffice';
  readonly path: string;
  /** The user name (and, for LibreOffice, the computer) the lock file names; null when it names no one. */
  readonly holder: string | null;
}

/** Excel's owner file `~$<name>`, LibreOffice's `.~lock.<name>#`, both in the workbook's folder. */
export const lockPathsOf = (workbook: string): { excel: string; libreOffice: string } => ({
  excel: join(dirname(workbook), `~$${basename(workbook)}`),
  libreOffice: join(dirname(workbook), `.~lock.${basename(workbook)}#`),
});

/**
 * The user name of Excel's owner file (as LibreOffice reads it, svl/source/misc/msodocumentlockfile.cxx):
 * byte 0 the name's length (1–52), then the name in the Windows ANSI code page padded with spaces to byte
 * 54, then at byte 55 (54 in Word's files) a 2-byte length and the name again in UTF-16LE. The UTF-16
 * copy is taken (a Vietnamese name is exact there); the ANSI one only when it is plain ASCII.
 */
export function excelOwner(bytes: Uint8Array): string | null {
  const ansiLength = bytes[0] ?? 0;
  if (ansiLength < 1 || ansiLength > 52) return null;
  const utf16 = (at: number): string | null => {
    const length = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
    const start = at + 2;
    if (length < 1 || length > 52 || start + length * 2 > bytes.length) return null;
    return Buffer.from(bytes.subarray(start, start + length * 2)).toString('utf16le');
  };
  // Excel pads the ANSI name with spaces, so byte 54 is 0x20 and a byte before it is not zero; Word
  // pads with zeros and puts the length at 54.
  const excelLayout = bytes[54] === 0x20 && (bytes[53] !== 0 || bytes[52] !== 0);
  const name = utf16(excelLayout ? 55 : 54);
  if (name !== null && isPrintable(name)) return name.trim() || null;
  const ansi = Buffer.from(bytes.subarray(1, 1 + ansiLength)).toString('latin1');
  const ascii = [...ansi].every((char) => char >= ' ' && char <= '~');
  return ascii && ansi.trim() !== '' ? ansi.trim() : null;
}

/**
 * The person of LibreOffice's lock file: one line `<name>,<system user>,<host>,<time>,<profile URL>;`
 * in UTF-8, `\` escaping `,`, `;` and `\` (svl/source/misc/lockfilecommon.cxx). The name set in
 * LibreOffice's options, else the system user, with the computer when it says.
 */
export function libreOfficeOwner(text: string): string | null {
  const fields: string[] = [];
  let current = '';
  let escaped = false;
  for (const char of text) {
    if (escaped) {
      current += char;
      escaped = false;
    } else if (char === '\\') escaped = true;
    else if (char === ',' || char === ';') {
      fields.push(current.trim());
      current = '';
      if (char === ';') break;
    } else current += char;
  }
  if (fields.length < 3) return null;
  const [name = '', systemUser = '', host = ''] = fields;
  const who = name || systemUser;
  if (!who || !isPrintable(who)) return null;
  return host && isPrintable(host) ? `${who} (${host})` : who;
}

/** No control character and no replacement character: a name decoded from the right bytes. */
const isPrintable = (text: string): boolean =>
  text !== '' &&
  ![...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f || code === 0xfffd;
  });

/** A lock file's bytes; null when there is none. One that exists but cannot be read still counts (empty). */
async function lockBytes(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : Buffer.alloc(0);
  }
}

/** The lock files beside a workbook (Excel's first), read for their holder; none when the file is not open. */
export async function officeLocksOf(workbook: string): Promise<OfficeLock[]> {
  const paths = lockPathsOf(workbook);
  const found: OfficeLock[] = [];
  const excel = await lockBytes(paths.excel);
  if (excel) found.push({ app: 'Excel', path: paths.excel, holder: excelOwner(excel) });
  const libreOffice = await lockBytes(paths.libreOffice);
  if (libreOffice)
    found.push({
      app: 'LibreOffice',
      path: paths.libreOffice,
      holder: libreOfficeOwner(libreOffice.toString('utf8')),
    });
  return found;
}
