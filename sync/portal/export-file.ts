// A portal export file (.csv or .xlsx, CONTRACT.md §5 and §8.3) read into portal records; a bad row fails the run.
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell, Grid, PortalRecord } from '../../src/core';
import { COL, fold, PORTAL_TEXT, parseCount, parseMonth, SYNC_TEXT } from '../../src/core';
import { isBlank, showCell } from '../../src/core/cells';
import { SyncError } from '../errors';
import { gridOfWorksheet } from '../workbook/excel-cells';
import { readRegularFile } from './files';

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
const UNDEFINED_IN_1258 = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);

/** Letters only Vietnamese text has (after NFC), so a legacy 8-bit file that decodes to them is taken as such. */
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/**
 * The text of a CSV file, decided honestly in this order: a BOM (UTF-8, UTF-16 LE/BE) says it; else valid
 * UTF-8 is UTF-8 (plain ASCII included); else Windows-1258 when no byte is undefined there, there is no NUL
 * (UTF-16 without a BOM) and the decoded text has Vietnamese letters. Anything else is refused. Always NFC:
 * Windows-1258 writes tone marks as combining characters.
 */
export function decodeCsv(bytes: Buffer, file: string): { text: string; encoding: TextEncoding } {
  const refuse = (): never => {
    throw new SyncError('PORTAL_FILE', PORTAL_TEXT.badEncoding(file));
  };
  const nfc = (text: string, encoding: TextEncoding) => ({ text: text.normalize('NFC'), encoding });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return nfc(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), 'utf-8');
    } catch {
      return refuse();
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return nfc(iconv.decode(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return nfc(iconv.decode(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  if (bytes.includes(0)) return refuse();
  try {
    return nfc(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    // not UTF-8: perhaps Excel's "CSV (Comma delimited)" on a Vietnamese Windows
  }
  if (bytes.some((byte) => UNDEFINED_IN_1258.has(byte))) return refuse();
  const text = iconv.decode(bytes, 'windows-1258').normalize('NFC');
  if (!VIETNAMESE.test(text)) return refuse();
  return { text, encoding: 'windows-1258' };
}

/** Semicolon when the header line has more semicolons than commas (Excel in Vietnamese locale), else comma. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function csvGrid(file: string): { grid: Grid; encoding: TextEncoding } {
  const { text, encoding } = decodeCsv(readRegularFile(file, MAX_EXPORT_BYTES), file);
  try {
    const grid = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
    return { grid, encoding };
  } catch (error) {
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
}

async function xlsxGrids(file: string): Promise<Grid[]> {
  const bytes = readRegularFile(file, MAX_EXPORT_BYTES);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
  return workbook.worksheets.map(gridOfWorksheet);
}

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

/**
 * The header row (the first with the unit column's name) and, when the row below it is a second header row
 * (its month cell is blank, as under a vertically merged `Kỳ`, and it names sub-columns), the names of both.
 */
function readHeader(grid: Grid, unitNames: readonly string[], monthNames: readonly string[]): Header | null {
  const anchors = new Set(unitNames.map((n) => fold(firstSegment(n))));
  const top = grid.findIndex((row) => row.some((cell) => anchors.has(fold(cell))));
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

/** Grid of an export file → records; every row is checked and the first bad one names file:row. */
export function recordsOfExportGrid(
  grid: Grid,
  file: string,
  columns?: Readonly<Record<string, string>>,
): ExportFile {
  const name = file;
  const wanted = wantedNames(columns);
  const header = readHeader(grid, wanted.unit, wanted.month);
  if (header === null)
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportNoHeader(name, wanted.unit[0] ?? COL.unitCode));
  const at = {
    month: columnOf(header, wanted.month),
    unit: columnOf(header, wanted.unit),
    procedure: columnOf(header, wanted.procedure),
    resolved: columnOf(header, wanted.resolved),
    online: columnOf(header, wanted.online),
  };
  const required: [keyof typeof at, string][] = [
    ['month', wanted.month[0] ?? COL.month],
    ['unit', wanted.unit[0] ?? COL.unitCode],
    ['resolved', wanted.resolved[0] ?? COL.resolved],
    ['online', wanted.online[0] ?? COL.portalExportOnline],
  ];
  for (const [key, column] of required) {
    if (at[key] === undefined)
      throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportMissingColumn(name, column));
  }
  const onlineName = header.names[at.online as number] ?? '';
  const resolvedName = header.names[at.resolved as number] ?? '';
  const cell = (cells: readonly Cell[], index: number | undefined): Cell =>
    index === undefined ? undefined : cells[index];
  const records: PortalRecord[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  let withoutProcedure = 0;
  for (let index = header.last + 1; index < grid.length; index++) {
    const cells = grid[index] ?? [];
    if (cells.every((c) => isBlank(c))) continue;
    rows++;
    const line = index + 1;
    const bad = (message: string): never => {
      throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportBadRow(name, line, message));
    };
    const month = parseMonth(cell(cells, at.month));
    if (!month) return bad(SYNC_TEXT.exportBadMonth(showCell(cell(cells, at.month))));
    const agencyCode = showCell(cell(cells, at.unit));
    if (agencyCode === '') bad(SYNC_TEXT.exportMissingUnit);
    const procedure = showCell(cell(cells, at.procedure));
    const resolved = parseCount(cell(cells, at.resolved));
    if (resolved === null)
      return bad(SYNC_TEXT.exportBadCount(resolvedName, showCell(cell(cells, at.resolved))));
    const online = parseCount(cell(cells, at.online));
    if (online === null) return bad(SYNC_TEXT.exportBadCount(onlineName, showCell(cell(cells, at.online))));
    if (online > resolved) bad(SYNC_TEXT.exportOnlineAboveTotal(online, resolved));
    const key = `${month.year}-${month.month}\u0000${fold(agencyCode)}\u0000${fold(procedure)}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) bad(SYNC_TEXT.exportDuplicateRow(firstLine));
    seen.set(key, line);
    // Without Mã TTHC a row cannot pass the catalogue filter (§8.3): its total counts, its online does not.
    if (procedure === '') withoutProcedure++;
    records.push({
      agencyCode,
      // '' (not null, which means an aggregated row): the tab counts these rows for Kiểm tra (§8.3).
      procedureCode: procedure,
      year: month.year,
      month: month.month,
      resolved,
      online: procedure === '' ? 0 : online,
    });
  }
  return { file, records, rows, withoutProcedure };
}

/** Reads one export file by its extension; a mapping from a file profile renames its columns. */
export async function readExportFile(
  file: string,
  columns?: Readonly<Record<string, string>>,
): Promise<ExportFile> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    throw new SyncError('USAGE', SYNC_TEXT.exportBadExtension(file));
  }
  try {
    if (extension === '.csv') {
      const { grid, encoding } = csvGrid(file);
      try {
        return recordsOfExportGrid(grid, file, columns);
      } catch (error) {
        // A legacy 8-bit file whose header does not read is most likely another code page (TCVN3, VNI…).
        if (encoding === 'windows-1258' && readHeader(grid, wantedNames(columns).unit, []) === null)
          throw new SyncError('PORTAL_FILE', PORTAL_TEXT.badEncoding(file), { cause: error });
        throw error;
      }
    }
    const grids = await xlsxGrids(file);
    // The first sheet whose rows include the header; exports usually have one sheet.
    const unitNames = wantedNames(columns).unit;
    const grid = grids.find((g) => readHeader(g, unitNames, []) !== null) ?? grids[0] ?? [];
    return recordsOfExportGrid(grid, file, columns);
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
}
