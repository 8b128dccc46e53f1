// A portal export file (.csv or .xlsx, contract §5, §8.3, §10.5) streamed into portal records; a bad row fails the run.
import { closeSync, createReadStream, readSync } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell, Grid, PortalRecord } from '../../src/core';
import { COL, fold, parseCount, parseMonth } from '../../src/core';
import { isBlank, showCell } from '../../src/core/cells';
import { SyncError } from '../errors';
import { PORTAL_TEXT, SYNC_TEXT } from '../texts';
import { cellOfExcel } from '../workbook/excel-cells';
import { openRegularFile } from './files';

export interface ExportFile {
  readonly file: string;
  readonly records: PortalRecord[];
  /** Data rows read (blank rows skipped). */
  readonly rows: number;
  /** Rows without Mã TTHC: their total counts, their online count cannot pass the catalogue filter. */
  readonly withoutProcedure: number;
}

/** Largest export file read: a province's year is a few MB. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

/** A group over its sub-column in a two-row header: `Group / Sub`. */
export const GROUP_SEPARATOR = ' / ';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** Bytes that Windows-1258 leaves undefined: a file holding one is not Windows-1258. */
const UNDEFINED_IN_1258 = [0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e];

/** Letters only Vietnamese text has (after NFC), so a legacy 8-bit file that decodes to them is taken as such. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** The start of an OLE2 compound file: every old binary Excel workbook (.xls, Excel 97-2003) begins so. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Bytes looked at before reading: the BOM, the OLE2 signature, the header line (delimiter, TCVN3). */
const SNIFF_BYTES = 64 * 1024;

/** Rows searched for the header; a file whose header is further down is not an export. */
const MAX_HEADER_ROWS = 1000;

/** Bytes read at a time: large enough to be quick, small enough that a 200 MiB file never sits in memory. */
const CHUNK_BYTES = 64 * 1024;

/** Longest stretch of reading without giving timers (the lock's refresh among them) a turn. */
const YIELD_MS = 50;

/**
 * A pause for the event loop every YIELD_MS of reading: parsing a large file must not starve the lock's
 * mtime refresh (a takeover after 30 s without one would fail the run with a false LOCK_LOST). Returns a
 * promise only when it is time, so the common case costs no await.
 */
export function breather(everyMs = YIELD_MS): () => Promise<void> | undefined {
  let last = performance.now();
  let calls = 0;
  return () => {
    if (++calls % 64 !== 0 || performance.now() - last < everyMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}

function bomOf(bytes: Buffer): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Old binary Excel, whatever the file is named: refused with the steps to convert it. */
function refuseLegacyExcel(head: Buffer, file: string): void {
  if (head.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE))
    throw new SyncError('PORTAL_FILE', PORTAL_TEXT.legacyXls(file));
}

/**
 * TCVN3 (ABC), the 8-bit encoding of the .VnTime fonts, cannot be told from Windows-1258 by its bytes alone
 * (both use 0xA0–0xFF for letters). The heuristic is the header: a file not in UTF-8 whose first bytes,
 * decoded as TCVN3, hold one of the column names the run looks for is TCVN3. A Windows-1258 file never
 * does (the same bytes decode to other letters there), so the test has no false alarm on the files read.
 */
function isTcvn3(head: Buffer, wanted: WantedNames): boolean {
  const text = fold(iconv.decode(head, 'tcvn'));
  const names = [...wanted.month, ...wanted.unit, ...wanted.resolved, ...wanted.online];
  return names.some((name) => /[^\x20-\x7e]/.test(name) && text.includes(fold(name)));
}

/** What one streaming pass over the bytes learnt, for the encoding decision. */
interface ByteScan {
  readonly utf8: boolean;
  readonly nul: boolean;
  readonly undefinedIn1258: boolean;
}

/** One pass over the file, nothing kept: is it UTF-8, does it hold a NUL or a byte Windows-1258 lacks. */
async function scanBytes(fd: number): Promise<ByteScan> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let nul = false;
  let undefinedIn1258 = false;
  const pause = breather();
  for await (const chunk of createReadStream('', {
    fd,
    autoClose: false,
    start: 0,
    highWaterMark: CHUNK_BYTES,
  })) {
    const bytes = chunk as Buffer;
    if (utf8) {
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    nul ||= bytes.includes(0);
    undefinedIn1258 ||= UNDEFINED_IN_1258.some((byte) => bytes.includes(byte));
    await pause();
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { utf8, nul, undefinedIn1258 };
}

/**
 * The encoding a CSV file is read in, decided honestly in this order, on a stream: a BOM (UTF-8, UTF-16 LE/BE)
 * says it; else valid UTF-8 is UTF-8 (plain ASCII included); else Windows-1258 when no byte is undefined there
 * and there is no NUL (UTF-16 without a BOM); TCVN3 is told apart by its header. Anything else is refused, and
 * readCsv refuses Windows-1258 text without Vietnamese letters. Cells come out in NFC (Windows-1258 writes
 * tone marks as combining characters).
 */
async function encodingOf(
  fd: number,
  head: Buffer,
  file: string,
  wanted: WantedNames,
): Promise<TextEncoding> {
  const bom = bomOf(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return bom;
  const scan = await scanBytes(fd);
  if (scan.utf8) return 'utf-8';
  if (bom === null && !scan.nul && isTcvn3(head, wanted))
    throw new SyncError('PORTAL_FILE', PORTAL_TEXT.tcvn3(file));
  if (bom !== null || scan.nul || scan.undefinedIn1258)
    throw new SyncError('PORTAL_FILE', PORTAL_TEXT.badEncoding(file));
  return 'windows-1258';
}

/** Semicolon when the header line has more semicolons than commas (Excel in Vietnamese locale), else comma. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

type WantedNames = ReturnType<typeof wantedNames>;

/** The file's name for each contract column: the profile's `columns` mapping, else the contract's own. */
function wantedNames(columns: Readonly<Record<string, string>> | undefined) {
  const mapped = (column: string): string[] => {
    const entry = Object.entries(columns ?? {}).find(([key]) => fold(key) === fold(column));
    return entry ? [entry[1]] : [column];
  };
  const online = Object.entries(columns ?? {}).find(
    ([key]) => fold(key) === fold(COL.portalExportOnline) || fold(key) === fold(COL.online),
  );
  return {
    month: mapped(COL.month),
    unit: mapped(COL.unitCode),
    procedure: mapped(COL.procedureCode),
    resolved: mapped(COL.resolved),
    online: online ? [online[1]] : [COL.portalExportOnline, COL.online],
  };
}

interface Header {
  /** Index of the last header row; data starts below it. */
  readonly last: number;
  /** Each column's name; `Group / Sub` under a two-row header. */
  readonly names: string[];
  /** Each column's sub-header alone (two-row headers), for a mapping that names only the sub-column. */
  readonly subs: string[];
}

const firstSegment = (name: string): string => name.split(GROUP_SEPARATOR)[0] ?? name;

/** Whether a row holds the unit column's name: the row a header starts on. */
const hasAnchor = (row: readonly Cell[], anchors: ReadonlySet<string>): boolean =>
  row.some((cell) => anchors.has(fold(cell)));

/**
 * The header row (the first with the unit column's name) and, when the row below it is a second header row
 * (its month cell is blank, as under a vertically merged `Kỳ`, and it names sub-columns), the names of both.
 */
function readHeader(grid: Grid, unitNames: readonly string[], monthNames: readonly string[]): Header | null {
  const anchors = new Set(unitNames.map((n) => fold(firstSegment(n))));
  const top = grid.findIndex((row) => hasAnchor(row, anchors));
  if (top < 0) return null;
  const row = grid[top] ?? [];
  const below = grid[top + 1] ?? [];
  const monthKeys = new Set(monthNames.map((n) => fold(firstSegment(n))));
  const monthColumn = row.findIndex((cell) => monthKeys.has(fold(cell)));
  const width = Math.max(row.length, below.length);
  const twoRows =
    top + 1 < grid.length &&
    (monthColumn < 0 || isBlank(below[monthColumn]) || fold(below[monthColumn]) === fold(row[monthColumn])) &&
    below.some((cell, c) => !isBlank(cell) && fold(cell) !== fold(row[c])) &&
    below.every((cell) => parseCount(cell) === null || isBlank(cell));
  const names: string[] = [];
  const subs: string[] = [];
  let group = '';
  for (let c = 0; c < width; c++) {
    const own = showCell(row[c]);
    const sub = twoRows ? showCell(below[c]) : '';
    if (own !== '') group = own;
    const subName = sub !== '' && fold(sub) !== fold(own) ? sub : '';
    subs.push(subName);
    if (subName === '') names.push(own);
    else names.push(`${own !== '' ? own : group}${GROUP_SEPARATOR}${subName}`);
  }
  return { last: twoRows ? top + 1 : top, names, subs };
}

/** The column of the first name found: by its whole name, else (two-row headers) by its sub-column alone. */
function columnOf(header: Header, names: readonly string[]): number | undefined {
  for (const name of names) {
    const key = fold(name);
    const whole = header.names.findIndex((n) => fold(n) === key);
    if (whole >= 0) return whole;
    const bySub = header.subs.flatMap((sub, c) => (sub !== '' && fold(sub) === key ? [c] : []));
    if (bySub.length === 1) return bySub[0];
  }
  return undefined;
}

/** The `columns` mapping that would read the missing columns, as a profile file holds it. */
function mappingExample(missing: readonly string[]): string {
  const columns = Object.fromEntries(missing.map((name) => [name, PORTAL_TEXT.columnInFile]));
  return JSON.stringify({ columns }).replace(/":/g, '": ').replace(/,"/g, ', "');
}

type Columns = Record<'month' | 'unit' | 'procedure' | 'resolved' | 'online', number | undefined>;

/**
 * An export read one row at a time, so a 200 MiB file is never held whole (contract §10.5): the rows above the
 * header wait (at most MAX_HEADER_ROWS), each data row is checked and becomes a record at once. What is kept is
 * compact: codes are shared strings, duplicates are found through small maps of shared keys.
 */
class ExportRows {
  private readonly wanted: WantedNames;
  private readonly anchors: ReadonlySet<string>;
  /** Rows up to the header and the one below it, until the header is settled. */
  private pending: Cell[][] = [];
  private anchorSeen = false;
  private header: Header | null = null;
  private at: Columns | null = null;
  private line = 0;
  private readonly records: PortalRecord[] = [];
  private rows = 0;
  private withoutProcedure = 0;
  /** Month and folded unit → folded procedure → the line it was first seen on. */
  private readonly seen = new Map<string, Map<string, number>>();
  /** One string per distinct code (and its folded form): a million rows of 300 units share 300 strings. */
  private readonly shared = new Map<string, string>();
  private readonly folded = new Map<string, string>();
  /** Whether any text read has Vietnamese letters (a Windows-1258 file must have some). */
  vietnamese = false;

  constructor(
    private readonly file: string,
    columns: Readonly<Record<string, string>> | undefined,
    private readonly checkLetters = false,
  ) {
    this.wanted = wantedNames(columns);
    this.anchors = new Set(this.wanted.unit.map((n) => fold(firstSegment(n))));
  }

  /** Whether the header was found (rows can be read). */
  get found(): boolean {
    return this.header !== null;
  }

  /** Whether the header's first row was seen (this sheet is the export). */
  get headerSeen(): boolean {
    return this.header !== null || this.anchorSeen;
  }

  /** Whether no header can come any more (too many rows without one). */
  get hopeless(): boolean {
    return this.header === null && !this.anchorSeen && this.pending.length >= MAX_HEADER_ROWS;
  }

  /** The next row of the file (row 1 first; a skipped row is pushed as an empty one). */
  push(cells: Cell[]): void {
    this.line++;
    if (this.checkLetters && !this.vietnamese)
      this.vietnamese = cells.some((cell) => typeof cell === 'string' && VIETNAMESE.test(cell));
    if (this.header !== null) {
      this.dataRow(cells, this.line);
      return;
    }
    if (this.hopeless) return;
    this.pending.push(cells);
    if (this.anchorSeen) this.settle();
    else this.anchorSeen = hasAnchor(cells, this.anchors);
  }

  /** The records, or the header refusal when no header was found. */
  finish(): ExportFile {
    if (this.header === null) {
      if (this.anchorSeen) this.settle();
      else this.refuseHeader(null);
    }
    return {
      file: this.file,
      records: this.records,
      rows: this.rows,
      withoutProcedure: this.withoutProcedure,
    };
  }

  /** The header from the pending rows (the anchor row and the one below it), then the rows below it. */
  private settle(): void {
    const header = readHeader(this.pending, this.wanted.unit, this.wanted.month);
    if (header === null) this.refuseHeader(null);
    const at: Columns = {
      month: columnOf(header, this.wanted.month),
      unit: columnOf(header, this.wanted.unit),
      procedure: columnOf(header, this.wanted.procedure),
      resolved: columnOf(header, this.wanted.resolved),
      online: columnOf(header, this.wanted.online),
    };
    const required: [keyof Columns, string][] = [
      ['month', this.wanted.month[0] ?? COL.month],
      ['unit', this.wanted.unit[0] ?? COL.unitCode],
      ['resolved', this.wanted.resolved[0] ?? COL.resolved],
      ['online', this.wanted.online[0] ?? COL.portalExportOnline],
    ];
    const missing = required.filter(([key]) => at[key] === undefined).map(([, name]) => name);
    if (missing.length > 0) this.refuseHeader(header, missing);
    this.header = header;
    this.at = at;
    const rows = this.pending;
    this.pending = [];
    for (let index = header.last + 1; index < rows.length; index++)
      this.dataRow(rows[index] ?? [], index + 1);
  }

  /** The header does not read: the missing columns named, the header shown, the mapping that would read it. */
  private refuseHeader(header: Header | null, missing?: string[]): never {
    const names =
      missing ??
      [this.wanted.month[0], this.wanted.unit[0], this.wanted.resolved[0], this.wanted.online[0]].map(
        (name) => name ?? '',
      );
    const shown =
      header?.names ?? (this.pending.find((row) => row.some((cell) => !isBlank(cell))) ?? []).map(showCell);
    const found = shown.filter((name) => name !== '').slice(0, 12);
    throw new SyncError(
      'PORTAL_FILE',
      PORTAL_TEXT.exportColumnsMissing(
        this.file,
        names,
        found,
        mappingExample(names),
        header === null ? (this.wanted.unit[0] ?? COL.unitCode) : undefined,
      ),
    );
  }

  private share(text: string): string {
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    this.shared.set(text, text);
    return text;
  }

  private foldOf(text: string): string {
    const known = this.folded.get(text);
    if (known !== undefined) return known;
    const key = fold(text);
    this.folded.set(text, key);
    return key;
  }

  private dataRow(cells: readonly Cell[], line: number): void {
    if (cells.every((c) => isBlank(c))) return;
    const at = this.at as Columns;
    const header = this.header as Header;
    const name = this.file;
    this.rows++;
    const bad: (message: string) => never = (message) => {
      throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportBadRow(name, line, message));
    };
    const cell = (index: number | undefined): Cell => (index === undefined ? undefined : cells[index]);
    const month = parseMonth(cell(at.month));
    if (!month) bad(SYNC_TEXT.exportBadMonth(showCell(cell(at.month))));
    const agencyCode = this.share(showCell(cell(at.unit)));
    if (agencyCode === '') bad(SYNC_TEXT.exportMissingUnit);
    const procedure = this.share(showCell(cell(at.procedure)));
    const resolved = parseCount(cell(at.resolved));
    if (resolved === null)
      bad(SYNC_TEXT.exportBadCount(header.names[at.resolved as number] ?? '', showCell(cell(at.resolved))));
    const online = parseCount(cell(at.online));
    if (online === null)
      bad(SYNC_TEXT.exportBadCount(header.names[at.online as number] ?? '', showCell(cell(at.online))));
    if (online > resolved) bad(SYNC_TEXT.exportOnlineAboveTotal(online, resolved));
    const unitMonth = `${month.year}-${month.month}\u0000${this.foldOf(agencyCode)}`;
    let procedures = this.seen.get(unitMonth);
    if (procedures === undefined) {
      procedures = new Map();
      this.seen.set(unitMonth, procedures);
    }
    const procedureKey = this.foldOf(procedure);
    const firstLine = procedures.get(procedureKey);
    if (firstLine !== undefined) bad(SYNC_TEXT.exportDuplicateRow(firstLine));
    procedures.set(procedureKey, line);
    // Without Mã TTHC a row cannot pass the catalogue filter (§8.3): its total counts, its online does not.
    if (procedure === '') this.withoutProcedure++;
    this.records.push({
      agencyCode,
      // '' (not null, which means an aggregated row): the tab counts these rows for Kiểm tra (§8.3).
      procedureCode: procedure,
      year: month.year,
      month: month.month,
      resolved,
      online: procedure === '' ? 0 : online,
    });
  }
}

/** Cells of a CSV record as the core reads them: NFC (Windows-1258 and NFD files write tones apart). */
const NON_ASCII = /[^ -~\t]/;
const nfcCells = (record: string[]): Cell[] =>
  record.map((cell) => (NON_ASCII.test(cell) ? cell.normalize('NFC') : cell));

async function readCsv(
  file: string,
  columns: Readonly<Record<string, string>> | undefined,
): Promise<ExportFile> {
  const { fd, size } = openRegularFile(file, MAX_EXPORT_BYTES);
  let streaming = false;
  try {
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    readSync(fd, head, 0, head.length, 0);
    refuseLegacyExcel(head, file);
    const wanted = wantedNames(columns);
    const encoding = await encodingOf(fd, head, file, wanted);
    const rows = new ExportRows(file, columns, encoding === 'windows-1258');
    const parser = parse({
      delimiter: delimiterOf(iconv.decode(head, encoding)),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    });
    streaming = true; // the stream owns the descriptor from here and closes it
    pipeline(
      createReadStream('', { fd, start: 0, highWaterMark: CHUNK_BYTES }),
      iconv.decodeStream(encoding),
      parser,
      () => undefined, // a failure reaches the loop below through the parser
    );
    const pause = breather();
    try {
      for await (const record of parser) {
        rows.push(nfcCells(record as string[]));
        const wait = pause();
        if (wait) await wait;
      }
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
        cause: error,
      });
    }
    if (encoding === 'windows-1258' && !rows.vietnamese)
      throw new SyncError('PORTAL_FILE', PORTAL_TEXT.badEncoding(file));
    return rows.finish();
  } finally {
    if (!streaming) closeSync(fd);
  }
}

/** The cells of a streamed worksheet row (row.values is 1-based and sparse). */
function cellsOfRow(row: ExcelJS.Row): Cell[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells: Cell[] = [];
  for (let c = 1; c < values.length; c++) cells.push(cellOfExcel(values[c] ?? null));
  return cells;
}

/** The first sheet whose rows include the header (exports usually have one sheet), read row by row. */
async function readXlsx(
  file: string,
  columns: Readonly<Record<string, string>> | undefined,
): Promise<ExportFile> {
  const { fd, size } = openRegularFile(file, MAX_EXPORT_BYTES);
  try {
    const head = Buffer.alloc(Math.min(size, OLE2_SIGNATURE.length));
    readSync(fd, head, 0, head.length, 0);
    refuseLegacyExcel(head, file);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    createReadStream('', { fd, highWaterMark: CHUNK_BYTES }),
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell a date from a number (Kỳ typed as a date).
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    },
  );
  const pause = breather();
  let first: ExportRows | null = null;
  for await (const sheet of reader) {
    const rows = new ExportRows(file, columns);
    first ??= rows;
    let line = 0;
    for await (const row of sheet) {
      if (rows.hopeless) continue; // not the export's sheet: its rows are skipped, not kept
      while (++line < row.number) rows.push([]);
      rows.push(cellsOfRow(row));
      const wait = pause();
      if (wait) await wait;
    }
    if (rows.headerSeen) return rows.finish();
  }
  // No sheet has the header: the first one's refusal names what is missing.
  return (first ?? new ExportRows(file, columns)).finish();
}

/** Whether the file starts as old binary Excel does (an unreadable file is left to the reader to report). */
function startsAsOle2(file: string): boolean {
  try {
    const { fd, size } = openRegularFile(file, MAX_EXPORT_BYTES);
    try {
      const head = Buffer.alloc(Math.min(size, OLE2_SIGNATURE.length));
      readSync(fd, head, 0, head.length, 0);
      return head.equals(OLE2_SIGNATURE);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Reads one export file by its extension, as a stream; a mapping from a file profile renames its columns. */
export async function readExportFile(
  file: string,
  columns?: Readonly<Record<string, string>>,
): Promise<ExportFile> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    if (extension === '.xls' && startsAsOle2(file))
      throw new SyncError('PORTAL_FILE', PORTAL_TEXT.legacyXls(file));
    throw new SyncError('USAGE', SYNC_TEXT.exportBadExtension(file));
  }
  try {
    return extension === '.csv' ? await readCsv(file, columns) : await readXlsx(file, columns);
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
}
