// A loopback fake of the Sheets v4 REST endpoints the sync uses: spreadsheets.get (with grid data), values.batchGet/batchUpdate, batchUpdate (bodies checked against Google's discovery document in test/fakes/google), developer metadata.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { sheets_v4 } from 'googleapis';
import { invalidBody } from '../google/discovery';

/**
 * A stored cell: what was typed (number, text, a date as a serial number, a boolean) or a formula's error,
 * shown as Sheets shows it (#N/A, #DIV/0!). A date's type is DATE unless given (a date-time, a time).
 */
export type FakeCell =
  | { readonly kind: 'number'; readonly value: number; readonly pattern?: string }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'date'; readonly value: number; readonly type?: 'DATE' | 'DATE_TIME' | 'TIME' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string };

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  /** Hidden from the tab bar (staging tabs of a large write). */
  hidden?: boolean;
  /** cells[row][column], sparse. Cells and formats are never changed in place (batches share them). */
  cells: (FakeCell | undefined)[][];
  /** Formats written by updateCells, repeatCell and copyPaste: bold headers, percent columns. */
  formats: (sheets_v4.Schema$CellFormat | undefined)[][];
  /** Merged ranges (mergeCells), conditional format rules in priority order, column widths in pixels. */
  merges?: sheets_v4.Schema$GridRange[];
  conditionalFormats?: sheets_v4.Schema$ConditionalFormatRule[];
  columnWidths?: Record<number, number>;
  /** Row heights in pixels set by updateDimensionProperties. */
  rowHeights?: Record<number, number>;
  /** Border styles per cell ("row,column", 0-based) and side, as updateBorders left them. */
  borders?: Record<string, { top?: string; bottom?: string; left?: string; right?: string }>;
}

/** The border styles the API accepts (sheets_v4 Border.style). */
const BORDER_STYLES = ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'NONE', 'DOUBLE'];

export interface FakeSpreadsheet {
  spreadsheetId: string;
  locale: 'vi_VN' | 'en_US';
  sheets: FakeSheet[];
  /**
   * Developer metadata of the spreadsheet and of its sheets, as the API returns it (location set). Never
   * changed in place: batches copy the list.
   */
  developerMetadata?: sheets_v4.Schema$DeveloperMetadata[];
}

export interface RecordedRequest {
  readonly method: string;
  /** Path after the API root, e.g. v4/spreadsheets/ID/values:batchGet. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  readonly body: unknown;
  /** Size of the request body in bytes (UTF-8), to check payload bounds. */
  readonly bytes: number;
}

/** Google's error shape for every failure. */
interface GoogleError {
  readonly code: number;
  readonly message: string;
  readonly status: string;
}

export interface FakeSheetsOptions {
  readonly spreadsheet: FakeSpreadsheet;
  /** The only access token accepted. */
  readonly token: string;
  /**
   * Answers instead of the real handler, e.g. a 503 for the first batchUpdate. 'commitThenReset' applies a
   * batchUpdate and then drops the connection, as when the answer of a committed write is lost.
   */
  readonly fault?: (
    request: RecordedRequest,
    count: number,
  ) => GoogleError | 'reset' | 'commitThenReset' | undefined;
  /**
   * Time a batchUpdate takes, spread between its requests (staged on a copy, committed at the end), so
   * reads can arrive while a write is under way. Reads always see the committed state.
   */
  readonly writeDelayMs?: number;
  /** Accounts with read-only access: batchUpdate gives 403 PERMISSION_DENIED. */
  readonly readOnly?: boolean;
}

export interface FakeSheets {
  /** Root URL to hand to googleapis (SHEETS_API_ROOT / rootUrl), ending with '/'. */
  readonly rootUrl: string;
  readonly requests: RecordedRequest[];
  readonly spreadsheet: FakeSpreadsheet;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(readonly error: GoogleError) {
    super(error.message);
  }
}

const invalid = (message: string) => new ApiError({ code: 400, message, status: 'INVALID_ARGUMENT' });

/** Google's hard limit of one request's body: it answers 400 "Request payload size exceeds the limit". */
export const REQUEST_PAYLOAD_LIMIT = 10_485_760;

/** Google's limit of cells in one spreadsheet, all tabs together (rows × columns of each grid). */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

export const cellsOf = (state: FakeSpreadsheet): number =>
  state.sheets.reduce((sum, s) => sum + s.rowCount * s.columnCount, 0);

/** A grid of plain values as fake cells: numbers, text, booleans; Dates become date serials. */
export function fakeSheet(sheetId: number, title: string, rows: readonly (readonly unknown[])[]): FakeSheet {
  const cells = rows.map((row) =>
    row.map((value): FakeCell | undefined => {
      if (value === null || value === undefined || value === '') return undefined;
      if (typeof value === 'number') return { kind: 'number', value };
      if (typeof value === 'boolean') return { kind: 'bool', value };
      if (value instanceof Date) return { kind: 'date', value: value.getTime() / 86400000 + 25569 };
      if (typeof value === 'object' && value !== null && 'kind' in value) return value as FakeCell;
      return { kind: 'text', value: String(value) };
    }),
  );
  // A loop, not Math.max(...rows): spreading 240,000 row lengths overflows the stack.
  let columnCount = 26;
  for (const row of rows) if (row.length > columnCount) columnCount = row.length;
  return {
    sheetId,
    title,
    rowCount: Math.max(1000, rows.length),
    columnCount,
    frozenRowCount: 0,
    cells,
    formats: [],
  };
}

/** Number formats by locale, made once: toLocaleString builds a new ICU formatter on every call (slow). */
const NUMBER_FORMATS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 }),
};

/** How the sheet shows a cell in its locale (FORMATTED_VALUE), with the number pattern of its format. */
function formatted(cell: FakeCell, locale: FakeSpreadsheet['locale'], pattern?: string): string {
  const vi = locale === 'vi_VN';
  switch (cell.kind) {
    case 'text':
    case 'error':
      return cell.value;
    case 'bool':
      return cell.value ? (vi ? 'TRUE' : 'TRUE') : 'FALSE';
    case 'date': {
      const d = new Date(Math.round((cell.value - 25569) * 86400000));
      const [dd, mm, yyyy] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()];
      return vi
        ? `${String(dd).padStart(2, '0')}/${String(mm).padStart(2, '0')}/${yyyy}`
        : `${mm}/${dd}/${yyyy}`;
    }
    case 'number': {
      if ((pattern ?? cell.pattern)?.includes('%')) {
        const text = (cell.value * 100).toFixed(2);
        return `${vi ? text.replace('.', ',') : text}%`;
      }
      return NUMBER_FORMATS[vi ? 'vi' : 'en'].format(cell.value);
    }
  }
}

function unformatted(cell: FakeCell, dateOption: string | null): unknown {
  if (cell.kind === 'date' && dateOption === 'FORMATTED_STRING') return formatted(cell, 'en_US');
  return cell.value;
}

/** The ErrorValue.type Sheets reports for each error text it shows. */
const ERROR_TYPES: Record<string, string> = {
  '#N/A': 'N_A',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#NULL!': 'NULL_VALUE',
  '#ERROR!': 'ERROR',
};

/** Patterns Sheets gives a typed date in each locale (as `formatted` shows them). */
const DATE_PATTERNS: Record<FakeSpreadsheet['locale'], Record<'DATE' | 'DATE_TIME' | 'TIME', string>> = {
  vi_VN: { DATE: 'dd/MM/yyyy', DATE_TIME: 'dd/MM/yyyy HH:mm:ss', TIME: 'HH:mm:ss' },
  en_US: { DATE: 'M/d/yyyy', DATE_TIME: 'M/d/yyyy H:mm:ss', TIME: 'h:mm:ss am/pm' },
};

/** The number format a cell shows: one written to it, else the one Sheets chose when the value was typed. */
function numberFormatOf(
  cell: FakeCell,
  locale: FakeSpreadsheet['locale'],
  written: sheets_v4.Schema$CellFormat | undefined,
): sheets_v4.Schema$NumberFormat | undefined {
  if (written?.numberFormat) return written.numberFormat;
  if (cell.kind === 'date') {
    const type = cell.type ?? 'DATE';
    return { type, pattern: DATE_PATTERNS[locale][type] };
  }
  if (cell.kind === 'number' && cell.pattern)
    return { type: cell.pattern.includes('%') ? 'PERCENT' : 'NUMBER', pattern: cell.pattern };
  return undefined;
}

/**
 * A cell as spreadsheets.get gives it with grid data: what was entered, its effective value and format
 * (dates are numbers whose number format is DATE, DATE_TIME or TIME), and the text shown in the locale.
 */
function cellDataOf(
  cell: FakeCell | undefined,
  locale: FakeSpreadsheet['locale'],
  written: sheets_v4.Schema$CellFormat | undefined,
): sheets_v4.Schema$CellData {
  if (!cell) return written ? { userEnteredFormat: written, effectiveFormat: written } : {};
  const numberFormat = numberFormatOf(cell, locale, written);
  let value: sheets_v4.Schema$ExtendedValue;
  let entered: sheets_v4.Schema$ExtendedValue;
  switch (cell.kind) {
    case 'text':
      value = { stringValue: cell.value };
      entered = value;
      break;
    case 'bool':
      value = { boolValue: cell.value };
      entered = value;
      break;
    case 'error':
      value = { errorValue: { type: ERROR_TYPES[cell.value] ?? 'ERROR', message: `Error: ${cell.value}` } };
      entered = { formulaValue: '=NA()' };
      break;
    default:
      value = { numberValue: cell.value };
      entered = value;
  }
  // Google's effective format always carries the defaults; only numberFormat matters to the sync.
  const effectiveFormat: sheets_v4.Schema$CellFormat = {
    ...written,
    verticalAlignment: written?.verticalAlignment ?? 'BOTTOM',
    wrapStrategy: written?.wrapStrategy ?? 'OVERFLOW_CELL',
    ...(numberFormat ? { numberFormat } : {}),
  };
  return {
    userEnteredValue: entered,
    effectiveValue: value,
    formattedValue: formatted(cell, locale, numberFormat?.pattern ?? undefined),
    ...(written ? { userEnteredFormat: written } : {}),
    effectiveFormat,
  };
}

/** One GridData of a whole tab: a row per row up to the last one holding anything, cells up to the last. */
function gridDataOf(sheet: FakeSheet, locale: FakeSpreadsheet['locale']): sheets_v4.Schema$GridData {
  const height = Math.max(sheet.cells.length, sheet.formats.length);
  const rowData: sheets_v4.Schema$RowData[] = [];
  for (let r = 0; r < height; r++) {
    const cells = sheet.cells[r] ?? [];
    const formats = sheet.formats[r] ?? [];
    const values: sheets_v4.Schema$CellData[] = [];
    for (let c = 0; c < Math.max(cells.length, formats.length); c++)
      values.push(cellDataOf(cells[c], locale, formats[c]));
    while (values.length > 0 && Object.keys(values[values.length - 1] ?? {}).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && !rowData[rowData.length - 1]?.values) rowData.pop();
  return { startRow: 0, startColumn: 0, rowData };
}

/**
 * A response cut down to a `fields` mask, as Google does: every path keeps its branch, lists are masked
 * element by element, and objects left empty are dropped. A path naming nothing that exists keeps nothing.
 */
export function maskResponse(value: unknown, paths: readonly string[]): unknown {
  if (paths.some((p) => p === '' || p === '*')) return value;
  if (Array.isArray(value)) return value.map((item) => maskResponse(item, paths) ?? {});
  if (value === null || typeof value !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  const byKey = new Map<string, string[]>();
  for (const path of paths) {
    const dot = path.indexOf('.');
    const key = dot < 0 ? path : path.slice(0, dot);
    const rest = dot < 0 ? '' : path.slice(dot + 1);
    byKey.set(key, [...(byKey.get(key) ?? []), rest]);
  }
  for (const [key, rests] of byKey) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    const masked = maskResponse(field, rests);
    const empty = masked !== null && typeof masked === 'object' && !Array.isArray(masked);
    if (masked !== undefined && !(empty && Object.keys(masked as object).length === 0)) out[key] = masked;
  }
  return out;
}

/** 'Tỷ lệ'!A1:Z, 'It''s', Sheet1, Sheet1!A:C → the sheet title (the cell part is ignored: whole rows). */
export function titleOfRange(range: string): string {
  if (range.startsWith("'")) {
    let i = 1;
    let title = '';
    while (i < range.length) {
      if (range[i] === "'" && range[i + 1] === "'") {
        title += "'";
        i += 2;
      } else if (range[i] === "'") break;
      else title += range[i++];
    }
    return title;
  }
  return range.split('!')[0] ?? range;
}

/** A batch in progress: the state it changes, and the tabs it has already copied (copy on first write). */
interface Batch {
  readonly state: FakeSpreadsheet;
  readonly copied: Set<number>;
}

function findSheet(state: FakeSpreadsheet, sheetId: number | null | undefined): FakeSheet {
  const sheet = state.sheets.find((s) => s.sheetId === (sheetId ?? 0));
  if (!sheet) throw invalid(`No grid with id: ${sheetId}`);
  return sheet;
}

/**
 * A tab the batch may change: copied (rows shallowly) the first time, so the committed state that
 * readers see meanwhile never changes and big input tabs a batch does not touch are never copied.
 */
function writable(batch: Batch, sheetId: number | null | undefined): FakeSheet {
  const sheet = findSheet(batch.state, sheetId);
  if (batch.copied.has(sheet.sheetId)) return sheet;
  const copy: FakeSheet = {
    ...sheet,
    cells: sheet.cells.map((row) => (row ? [...row] : row)),
    formats: sheet.formats.map((row) => (row ? [...row] : row)),
    merges: [...(sheet.merges ?? [])],
    conditionalFormats: [...(sheet.conditionalFormats ?? [])],
    columnWidths: { ...(sheet.columnWidths ?? {}) },
  };
  batch.state.sheets[batch.state.sheets.indexOf(sheet)] = copy;
  batch.copied.add(copy.sheetId);
  return copy;
}

function cellOfData(data: sheets_v4.Schema$CellData): FakeCell | undefined {
  const v = data.userEnteredValue;
  if (!v) return undefined;
  if (typeof v.numberValue === 'number') return { kind: 'number', value: v.numberValue };
  if (typeof v.stringValue === 'string') return { kind: 'text', value: v.stringValue };
  if (typeof v.boolValue === 'boolean') return { kind: 'bool', value: v.boolValue };
  if (typeof v.formulaValue === 'string')
    throw invalid('The fake refuses formulas: the sync must never write one.');
  return undefined;
}

/** A field mask as paths: 'userEnteredValue,userEnteredFormat(textFormat,numberFormat)' → 3 paths. */
export function fieldPaths(mask: string): string[] {
  const paths: string[] = [];
  let i = 0;
  const parse = (prefix: string): void => {
    let name = '';
    const flush = () => {
      if (name.trim()) paths.push(prefix + name.trim());
      name = '';
    };
    while (i < mask.length) {
      const ch = mask[i++] as string;
      if (ch === ',') flush();
      else if (ch === '(') {
        const group = `${prefix}${name.trim()}.`;
        name = '';
        parse(group);
      } else if (ch === ')') {
        flush();
        return;
      } else name += ch;
    }
    flush();
  };
  parse('');
  return paths;
}

/** The fields of CellData this fake keeps; Google answers 400 for a mask naming something else. */
const CELL_FIELDS = ['userEnteredValue', 'userEnteredFormat'];

function checkCellMask(kind: string, mask: string | null | undefined): string[] {
  if (!mask) throw invalid(`${kind}: fields is required.`);
  const paths = fieldPaths(mask);
  for (const path of paths) {
    if (path !== '*' && !CELL_FIELDS.includes(path.split('.')[0] ?? '')) {
      throw invalid(`Invalid ${kind}: Invalid field mask, unknown field: ${path}`);
    }
  }
  return paths.flatMap((path) => (path === '*' ? CELL_FIELDS : [path]));
}

/** `value` with `path` (a.b.c) set to `leaf` (deleted when undefined), as a new object. */
function withPath(value: unknown, path: readonly string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf === undefined ? undefined : structuredClone(leaf);
  const [key, ...rest] = path as [string, ...string[]];
  const base = value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {};
  const next = withPath(base[key], rest, leaf);
  if (next === undefined) delete base[key];
  else base[key] = next;
  return Object.keys(base).length > 0 ? base : undefined;
}

const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
    value,
  );

/**
 * Writes the masked fields of `data` into cell (r, c). The new formats are memoised by the old one, so a
 * repeatCell over 20,000 rows that all had the same format shares one object, as a column format should.
 */
function writeCell(
  sheet: FakeSheet,
  r: number,
  c: number,
  data: sheets_v4.Schema$CellData,
  paths: readonly string[],
  memo: Map<string, Map<unknown, sheets_v4.Schema$CellFormat | undefined>>,
): void {
  for (const path of paths) {
    const [root, ...rest] = path.split('.');
    if (root === 'userEnteredValue') {
      if (rest.length > 0) throw invalid(`Invalid field mask: ${path} (set the whole userEnteredValue)`);
      sheet.cells[r] ??= [];
      (sheet.cells[r] as (FakeCell | undefined)[])[c] = cellOfData(data);
    } else {
      sheet.formats[r] ??= [];
      const row = sheet.formats[r] as (sheets_v4.Schema$CellFormat | undefined)[];
      const byOld = memo.get(path) ?? new Map<unknown, sheets_v4.Schema$CellFormat | undefined>();
      memo.set(path, byOld);
      const old = row[c];
      if (!byOld.has(old)) {
        byOld.set(old, withPath(old, rest, at(data.userEnteredFormat, rest)) as sheets_v4.Schema$CellFormat);
      }
      row[c] = byOld.get(old);
    }
  }
}

interface Bounds {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** A GridRange's bounds on its sheet (missing bounds: the whole sheet), refused beyond the grid. */
function boundsOf(sheet: FakeSheet, range: sheets_v4.Schema$GridRange): Bounds {
  const b = {
    r0: range.startRowIndex ?? 0,
    r1: range.endRowIndex ?? sheet.rowCount,
    c0: range.startColumnIndex ?? 0,
    c1: range.endColumnIndex ?? sheet.columnCount,
  };
  checkInGrid(sheet, b);
  return b;
}

function checkInGrid(sheet: FakeSheet, b: Bounds): void {
  if (b.r0 < 0 || b.c0 < 0 || b.r1 < b.r0 || b.c1 < b.c0) throw invalid('Invalid range: negative size');
  if (b.r1 > sheet.rowCount || b.c1 > sheet.columnCount) {
    throw invalid(
      `Range ('${sheet.title}'!R${b.r1}C${b.c1}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
    );
  }
}

/** Google's limits of developer metadata: key and value lengths. */
const METADATA_KEY_MAX = 256;
const METADATA_VALUE_MAX = 4096;

/** createDeveloperMetadata as Google checks it: key, visibility and location required, ids unique. */
function createMetadata(
  state: FakeSpreadsheet,
  request: sheets_v4.Schema$CreateDeveloperMetadataRequest,
): sheets_v4.Schema$DeveloperMetadata {
  const m = request.developerMetadata;
  if (!m) throw invalid('createDeveloperMetadata: developerMetadata is required.');
  if (!m.metadataKey) throw invalid('Invalid developer metadata: metadataKey must be set.');
  if (m.metadataKey.length > METADATA_KEY_MAX)
    throw invalid(`Invalid developer metadata: metadataKey longer than ${METADATA_KEY_MAX} characters.`);
  if ((m.metadataValue ?? '').length > METADATA_VALUE_MAX)
    throw invalid(`Invalid developer metadata: metadataValue longer than ${METADATA_VALUE_MAX} characters.`);
  if (m.visibility !== 'DOCUMENT' && m.visibility !== 'PROJECT')
    throw invalid('Invalid developer metadata: visibility must be DOCUMENT or PROJECT.');
  const location = m.location ?? {};
  let stored: sheets_v4.Schema$DeveloperMetadataLocation;
  if (location.spreadsheet === true) stored = { locationType: 'SPREADSHEET', spreadsheet: true };
  else if (typeof location.sheetId === 'number') {
    findSheet(state, location.sheetId);
    stored = { locationType: 'SHEET', sheetId: location.sheetId };
  } else
    throw invalid('Invalid developer metadata: location must be the spreadsheet or a sheet in this fake.');
  const all = state.developerMetadata ?? [];
  if (typeof m.metadataId === 'number') {
    if (m.metadataId <= 0 || !Number.isInteger(m.metadataId) || m.metadataId > 2_147_483_647)
      throw invalid(
        `Invalid developer metadata: metadataId ${m.metadataId} must be a positive 32-bit integer.`,
      );
    if (all.some((other) => other.metadataId === m.metadataId))
      throw invalid(`Developer metadata with id ${m.metadataId} already exists.`);
  }
  let id = m.metadataId ?? 0;
  while (id <= 0 || all.some((other) => other.metadataId === id))
    id = 1 + Math.floor(Math.random() * 2_147_483_646);
  const created: sheets_v4.Schema$DeveloperMetadata = {
    metadataId: id,
    metadataKey: m.metadataKey,
    ...(m.metadataValue !== undefined && m.metadataValue !== null ? { metadataValue: m.metadataValue } : {}),
    location: stored,
    visibility: m.visibility,
  };
  state.developerMetadata = [...all, created];
  return created;
}

/** Whether metadata matches a DeveloperMetadataLookup (the fields this fake supports; all given must match). */
function matchesLookup(
  m: sheets_v4.Schema$DeveloperMetadata,
  lookup: sheets_v4.Schema$DeveloperMetadataLookup,
): boolean {
  if (lookup.metadataId !== undefined && lookup.metadataId !== null && m.metadataId !== lookup.metadataId)
    return false;
  if (lookup.metadataKey && m.metadataKey !== lookup.metadataKey) return false;
  if (lookup.metadataValue && m.metadataValue !== lookup.metadataValue) return false;
  if (lookup.visibility && m.visibility !== lookup.visibility) return false;
  if (lookup.locationType && m.location?.locationType !== lookup.locationType) return false;
  const where = lookup.metadataLocation;
  if (where?.spreadsheet === true && m.location?.locationType !== 'SPREADSHEET') return false;
  if (typeof where?.sheetId === 'number' && m.location?.sheetId !== where.sheetId) return false;
  return true;
}

/** Applies one request to the batch's state, giving its reply; throws ApiError like Google for a bad request. */
function apply(batch: Batch, request: sheets_v4.Schema$Request): sheets_v4.Schema$Response | undefined {
  const { state } = batch;
  const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) throw invalid('Each request must have exactly one kind.');
  if (request.addSheet) {
    const p = request.addSheet.properties ?? {};
    const title = p.title ?? `Sheet${state.sheets.length + 1}`;
    if (state.sheets.some((s) => s.title.toLowerCase() === title.toLowerCase())) {
      // Google compares tab names without case: `Tổng hợp` cannot be added beside `TỔNG HỢP`.
      throw invalid(`addSheet: A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    const sheetId = p.sheetId ?? Math.max(0, ...state.sheets.map((s) => s.sheetId)) + 1;
    if (state.sheets.some((s) => s.sheetId === sheetId)) throw invalid(`Sheet ID ${sheetId} already exists`);
    state.sheets.push({
      sheetId,
      title,
      rowCount: p.gridProperties?.rowCount ?? 1000,
      columnCount: p.gridProperties?.columnCount ?? 26,
      frozenRowCount: p.gridProperties?.frozenRowCount ?? 0,
      ...(p.hidden ? { hidden: true } : {}),
      cells: [],
      formats: [],
    });
    batch.copied.add(sheetId);
    return;
  }
  if (request.deleteSheet) {
    const sheet = findSheet(state, request.deleteSheet.sheetId);
    if (state.sheets.length === 1) throw invalid("You can't remove all the sheets in a document.");
    state.sheets.splice(state.sheets.indexOf(sheet), 1);
    batch.copied.delete(sheet.sheetId);
    // A sheet's metadata goes with it, as in Google.
    state.developerMetadata = (state.developerMetadata ?? []).filter(
      (m) => m.location?.sheetId !== sheet.sheetId,
    );
    return;
  }
  if (request.createDeveloperMetadata) {
    return {
      createDeveloperMetadata: { developerMetadata: createMetadata(state, request.createDeveloperMetadata) },
    };
  }
  if (request.deleteDeveloperMetadata) {
    const filter = request.deleteDeveloperMetadata.dataFilter;
    const lookup = filter?.developerMetadataLookup;
    if (!lookup)
      throw invalid('deleteDeveloperMetadata: dataFilter.developerMetadataLookup is required in this fake.');
    const all = state.developerMetadata ?? [];
    const deleted = all.filter((m) => matchesLookup(m, lookup));
    state.developerMetadata = all.filter((m) => !deleted.includes(m));
    return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted } };
  }
  if (request.updateSheetProperties) {
    const p = request.updateSheetProperties.properties ?? {};
    const sheet = writable(batch, p.sheetId);
    const fields = fieldPaths(request.updateSheetProperties.fields ?? '');
    if (fields.length === 0) throw invalid('updateSheetProperties: fields is required.');
    const g = p.gridProperties ?? {};
    const named = (field: string) => fields.includes(field) || fields.includes('*');
    if (named('gridProperties.rowCount') && typeof g.rowCount === 'number') sheet.rowCount = g.rowCount;
    if (named('gridProperties.columnCount') && typeof g.columnCount === 'number')
      sheet.columnCount = g.columnCount;
    if (named('gridProperties.frozenRowCount') && typeof g.frozenRowCount === 'number')
      sheet.frozenRowCount = g.frozenRowCount;
    if (named('hidden')) sheet.hidden = p.hidden === true;
    if (sheet.frozenRowCount >= sheet.rowCount)
      throw invalid("You can't freeze all visible rows on the sheet.");
    return;
  }
  if (request.updateCells) {
    const u = request.updateCells;
    const paths = checkCellMask('updateCells', u.fields);
    const sheet = writable(batch, u.range?.sheetId ?? u.start?.sheetId);
    const memo = new Map<string, Map<unknown, sheets_v4.Schema$CellFormat | undefined>>();
    if (u.range && !u.rows) {
      // Clears the named fields over the range (the whole sheet when it has no bounds).
      const b = boundsOf(sheet, u.range);
      const whole = b.c0 === 0 && b.c1 === sheet.columnCount;
      for (let r = b.r0; r < Math.min(b.r1, Math.max(sheet.cells.length, sheet.formats.length)); r++) {
        // Every field of every cell: the row goes; a narrower mask (userEnteredFormat.numberFormat) keeps the rest.
        if (whole && CELL_FIELDS.every((field) => paths.includes(field))) {
          sheet.cells[r] = [];
          sheet.formats[r] = [];
        } else for (let c = b.c0; c < b.c1; c++) writeCell(sheet, r, c, {}, paths, memo);
      }
      return;
    }
    const r0 = u.start?.rowIndex ?? u.range?.startRowIndex ?? 0;
    const c0 = u.start?.columnIndex ?? u.range?.startColumnIndex ?? 0;
    // A memo per cell when formats are written: cells of one updateCells carry different formats (the
    // cells of a repeatCell share one).
    const perCell = paths.some((path) => path !== 'userEnteredValue');
    (u.rows ?? []).forEach((row, i) => {
      const r = r0 + i;
      (row.values ?? []).forEach((data, j) => {
        const c = c0 + j;
        if (r >= sheet.rowCount || c >= sheet.columnCount) {
          throw invalid(
            `Range ('${sheet.title}'!R${r + 1}C${c + 1}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
          );
        }
        writeCell(sheet, r, c, data, paths, perCell ? new Map() : memo);
      });
    });
    return;
  }
  if (request.repeatCell) {
    const { range, cell, fields } = request.repeatCell;
    const paths = checkCellMask('repeatCell', fields);
    if (!range) throw invalid('repeatCell: range is required.');
    const sheet = writable(batch, range.sheetId);
    const b = boundsOf(sheet, range);
    const memo = new Map<string, Map<unknown, sheets_v4.Schema$CellFormat | undefined>>();
    for (let r = b.r0; r < b.r1; r++)
      for (let c = b.c0; c < b.c1; c++) writeCell(sheet, r, c, cell ?? {}, paths, memo);
    return;
  }
  if (request.copyPaste) {
    const { source, destination, pasteType, pasteOrientation } = request.copyPaste;
    if (!source || !destination) throw invalid('copyPaste: source and destination are required.');
    const type = pasteType ?? 'PASTE_NORMAL';
    if (!['PASTE_NORMAL', 'PASTE_VALUES', 'PASTE_FORMAT'].includes(type))
      throw invalid(`Unsupported pasteType in this fake: ${type}`);
    if ((pasteOrientation ?? 'NORMAL') !== 'NORMAL')
      throw invalid('Unsupported pasteOrientation in this fake.');
    const from = findSheet(state, source.sheetId);
    const s = boundsOf(from, source);
    const height = s.r1 - s.r0;
    const width = s.c1 - s.c0;
    // Copied first: source and destination may be the same tab.
    const values: (FakeCell | undefined)[][] = [];
    const formats: (sheets_v4.Schema$CellFormat | undefined)[][] = [];
    for (let r = 0; r < height; r++) {
      values.push(Array.from({ length: width }, (_, c) => from.cells[s.r0 + r]?.[s.c0 + c]));
      formats.push(Array.from({ length: width }, (_, c) => from.formats[s.r0 + r]?.[s.c0 + c]));
    }
    const to = writable(batch, destination.sheetId);
    const d0 = { r: destination.startRowIndex ?? 0, c: destination.startColumnIndex ?? 0 };
    // As Google: a destination smaller than the source gets the whole source; a larger one whole copies.
    const tile = (span: number | null | undefined, start: number, size: number, limit: number) =>
      size === 0 ? 0 : Math.max(size, Math.floor(((span ?? limit) - start) / size) * size);
    const rows = tile(destination.endRowIndex, d0.r, height, to.rowCount);
    const columns = tile(destination.endColumnIndex, d0.c, width, to.columnCount);
    checkInGrid(to, { r0: d0.r, r1: d0.r + rows, c0: d0.c, c1: d0.c + columns });
    for (let r = 0; r < rows; r++) {
      to.cells[d0.r + r] ??= [];
      to.formats[d0.r + r] ??= [];
      for (let c = 0; c < columns; c++) {
        if (type !== 'PASTE_FORMAT')
          (to.cells[d0.r + r] as (FakeCell | undefined)[])[d0.c + c] = values[r % height]?.[c % width];
        if (type !== 'PASTE_VALUES')
          (to.formats[d0.r + r] as (sheets_v4.Schema$CellFormat | undefined)[])[d0.c + c] =
            formats[r % height]?.[c % width];
      }
    }
    return;
  }
  if (request.autoResizeDimensions) {
    findSheet(state, request.autoResizeDimensions.dimensions?.sheetId);
    return;
  }
  if (request.mergeCells) {
    const range = request.mergeCells.range ?? {};
    const sheet = writable(batch, range.sheetId);
    const b = boundsOf(sheet, range);
    const overlaps = (m: sheets_v4.Schema$GridRange) => {
      const o = boundsOf(sheet, m);
      return o.r0 < b.r1 && b.r0 < o.r1 && o.c0 < b.c1 && b.c0 < o.c1;
    };
    if ((sheet.merges ?? []).some(overlaps))
      throw invalid(
        'Invalid requests[0].mergeCells: You must select all cells in a merged range to merge or unmerge them.',
      );
    sheet.merges = [...(sheet.merges ?? []), { ...range }];
    return;
  }
  if (request.unmergeCells) {
    const range = request.unmergeCells.range ?? {};
    const sheet = writable(batch, range.sheetId);
    const b = boundsOf(sheet, range);
    sheet.merges = (sheet.merges ?? []).filter((m) => {
      const o = boundsOf(sheet, m);
      return !(o.r0 >= b.r0 && o.r1 <= b.r1 && o.c0 >= b.c0 && o.c1 <= b.c1);
    });
    return;
  }
  if (request.updateBorders) {
    const u = request.updateBorders;
    const sheet = writable(batch, u.range?.sheetId);
    const b = boundsOf(sheet, u.range ?? {});
    for (const border of [u.top, u.bottom, u.left, u.right, u.innerHorizontal, u.innerVertical])
      if (border && !BORDER_STYLES.includes(border.style ?? ''))
        throw invalid(`Invalid value at 'requests[0].update_borders' (style): "${border.style}"`);
    // Each side given is set on the range's edge; the inner ones between its cells; the rest kept.
    const borders = { ...(sheet.borders ?? {}) };
    for (let r = b.r0; r < b.r1; r++)
      for (let c = b.c0; c < b.c1; c++) {
        const cell = { ...(borders[`${r},${c}`] ?? {}) };
        const top = r === b.r0 ? u.top : u.innerHorizontal;
        const bottom = r === b.r1 - 1 ? u.bottom : u.innerHorizontal;
        const left = c === b.c0 ? u.left : u.innerVertical;
        const right = c === b.c1 - 1 ? u.right : u.innerVertical;
        if (top?.style) cell.top = top.style;
        if (bottom?.style) cell.bottom = bottom.style;
        if (left?.style) cell.left = left.style;
        if (right?.style) cell.right = right.style;
        borders[`${r},${c}`] = cell;
      }
    sheet.borders = borders;
    return;
  }
  if (request.updateDimensionProperties) {
    const { range, properties, fields } = request.updateDimensionProperties;
    if (!fields) throw invalid('updateDimensionProperties: fields is required.');
    const sheet = writable(batch, range?.sheetId);
    if (range?.dimension === 'COLUMNS' && typeof properties?.pixelSize === 'number') {
      const widths = { ...(sheet.columnWidths ?? {}) };
      for (let c = range.startIndex ?? 0; c < (range.endIndex ?? sheet.columnCount); c++)
        widths[c] = properties.pixelSize;
      sheet.columnWidths = widths;
    }
    if (range?.dimension === 'ROWS' && typeof properties?.pixelSize === 'number') {
      const heights = { ...(sheet.rowHeights ?? {}) };
      for (let r = range.startIndex ?? 0; r < (range.endIndex ?? sheet.rowCount); r++)
        heights[r] = properties.pixelSize;
      sheet.rowHeights = heights;
    }
    return;
  }
  if (request.addConditionalFormatRule) {
    const { rule, index } = request.addConditionalFormatRule;
    const sheet = writable(batch, rule?.ranges?.[0]?.sheetId);
    for (const range of rule?.ranges ?? []) boundsOf(sheet, range);
    const rules = [...(sheet.conditionalFormats ?? [])];
    rules.splice(index ?? rules.length, 0, structuredClone(rule ?? {}));
    sheet.conditionalFormats = rules;
    return;
  }
  if (request.deleteConditionalFormatRule) {
    const { sheetId, index } = request.deleteConditionalFormatRule;
    const sheet = writable(batch, sheetId);
    const rules = [...(sheet.conditionalFormats ?? [])];
    if (index === undefined || index === null || index < 0 || index >= rules.length)
      throw invalid(
        `Invalid requests[0].deleteConditionalFormatRule: No conditional format on sheet: ${sheetId} at index: ${index}`,
      );
    rules.splice(index, 1);
    sheet.conditionalFormats = rules;
    return;
  }
  throw invalid(`Unsupported request kind in this fake: ${kinds.join(',')}`);
}

/** 'Tỷ lệ'!B3:D9, Sheet1!A1, 'It''s' → the tab title and the 0-based top-left cell of the range. */
export function startOfRange(range: string): { title: string; row: number; column: number } {
  const title = titleOfRange(range);
  let rest = range;
  if (range.startsWith("'")) {
    let i = 1;
    while (i < range.length && !(range[i] === "'" && range[i + 1] !== "'")) i += range[i] === "'" ? 2 : 1;
    rest = range.slice(i + 1);
  } else rest = range.slice(title.length);
  const cell = /^!\$?([A-Za-z]*)\$?(\d*)/.exec(rest);
  if (rest !== '' && !cell) throw invalid(`Unable to parse range: ${range}`);
  let column = 0;
  for (const ch of (cell?.[1] ?? '').toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { title, row: Math.max(0, Number(cell?.[2] || 1) - 1), column: Math.max(0, column - 1) };
}

/**
 * A value of values.batchUpdate as stored. RAW keeps it as given: a string is text even when it looks
 * like a number, a date or a formula. USER_ENTERED parses it as if typed (numbers, d/m/yyyy and m/yyyy
 * dates, formulas, which this fake refuses like every formula).
 */
function cellOfValue(value: unknown, option: string): FakeCell | undefined | null {
  if (value === null) return null;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  const text = String(value);
  if (text === '') return undefined;
  if (option === 'RAW') return { kind: 'text', value: text };
  if (text.startsWith('=')) throw invalid('The fake refuses formulas: the sync must never write one.');
  if (/^[+-]?\d+(\.\d+)?$/.test(text.trim())) return { kind: 'number', value: Number(text) };
  const date = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (date) {
    const [d, m, y] = [Number(date[1] ?? 1), Number(date[2]), Number(date[3])];
    return { kind: 'date', value: Date.UTC(y, m - 1, d) / 86_400_000 + 25569 };
  }
  return { kind: 'text', value: text };
}

/** values.batchUpdate on a batch: each ValueRange written from its top-left cell, refused beyond the grid. */
function applyValues(batch: Batch, body: sheets_v4.Schema$BatchUpdateValuesRequest): number {
  const option = body.valueInputOption ?? '';
  if (option !== 'RAW' && option !== 'USER_ENTERED') {
    throw invalid(`Invalid valueInputOption: '${option}'. Must be RAW or USER_ENTERED.`);
  }
  let cells = 0;
  for (const valueRange of body.data ?? []) {
    const range = valueRange.range ?? '';
    const start = startOfRange(range);
    const found = batch.state.sheets.find((s) => s.title === start.title);
    if (!found) throw invalid(`Unable to parse range: ${range}`);
    if ((valueRange.majorDimension ?? 'ROWS') !== 'ROWS')
      throw invalid('Unsupported majorDimension in this fake.');
    const sheet = writable(batch, found.sheetId);
    (valueRange.values ?? []).forEach((row, i) => {
      const r = start.row + i;
      (row ?? []).forEach((value, j) => {
        const c = start.column + j;
        // Staging tabs are sized to their tables: a value outside them is a planning error, refused here.
        if (r >= sheet.rowCount || c >= sheet.columnCount) {
          throw invalid(
            `Range ('${sheet.title}'!R${r + 1}C${c + 1}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
          );
        }
        const cell = cellOfValue(value, option);
        if (cell === null) return;
        sheet.cells[r] ??= [];
        (sheet.cells[r] as (FakeCell | undefined)[])[c] = cell;
        cells++;
      });
    });
  }
  return cells;
}

function rowsOf(sheet: FakeSheet): (FakeCell | undefined)[][] {
  // Array.from, not map: rows never written are holes in the sparse array, and read as empty rows.
  const rows = Array.from(sheet.cells, (row) => {
    const out = [...(row ?? [])];
    while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
    return out;
  });
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
  return rows;
}

/** A tab's values as the sync sees them (UNFORMATTED_VALUE), for assertions. */
export function valuesOf(sheet: FakeSheet | undefined): unknown[][] {
  if (!sheet) return [];
  return rowsOf(sheet).map((row) => row.map((cell) => (cell ? cell.value : '')));
}

/** The API method a request called: get, get cells (with ranges or grid data), values.batchGet, batchUpdate… */
export function requestLabel(r: RecordedRequest): string {
  const action = /^v4\/spreadsheets\/[^/:]+(.*)$/.exec(r.path)?.[1] ?? r.path;
  if (action === '') {
    return r.query.has('ranges') || r.query.get('includeGridData') === 'true' ? 'get cells' : 'get';
  }
  return action.replace(/^\//, '').replace(':', '.').replace(/^\./, '');
}

/**
 * The Spreadsheet resource: properties, developer metadata of the spreadsheet, and per sheet its
 * properties and metadata (and grid data when asked). With ranges, only the tabs they name, each with one
 * GridData per range (whole tabs here).
 */
function resourceOf(
  state: FakeSpreadsheet,
  withData: boolean,
  rangesOf: ReadonlyMap<FakeSheet, string[]>,
): sheets_v4.Schema$Spreadsheet {
  const listed = rangesOf.size > 0 ? state.sheets.filter((s) => rangesOf.has(s)) : state.sheets;
  const metadata = state.developerMetadata ?? [];
  const spreadsheetLevel = metadata.filter((m) => m.location?.locationType === 'SPREADSHEET');
  return {
    spreadsheetId: state.spreadsheetId,
    properties: { title: 'Fake', locale: state.locale },
    ...(spreadsheetLevel.length > 0 ? { developerMetadata: spreadsheetLevel } : {}),
    sheets: listed.map((s) => {
      const own = metadata.filter((m) => m.location?.sheetId === s.sheetId);
      return {
        ...(withData ? { data: (rangesOf.get(s) ?? ['']).map(() => gridDataOf(s, state.locale)) } : {}),
        properties: {
          sheetId: s.sheetId,
          title: s.title,
          index: state.sheets.indexOf(s),
          gridProperties: {
            rowCount: s.rowCount,
            columnCount: s.columnCount,
            frozenRowCount: s.frozenRowCount,
          },
          ...(s.hidden ? { hidden: true } : {}),
        },
        ...(own.length > 0 ? { developerMetadata: own } : {}),
        ...(s.merges?.length ? { merges: s.merges } : {}),
        ...(s.conditionalFormats?.length ? { conditionalFormats: s.conditionalFormats } : {}),
      };
    }),
  };
}

export async function startFakeSheets(options: FakeSheetsOptions): Promise<FakeSheets> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const fake: { spreadsheet: FakeSpreadsheet } = { spreadsheet: options.spreadsheet };

  let writes: Promise<unknown> = Promise.resolve();

  /** values.batchUpdate, atomic like batchUpdate: applied to a copy that replaces the state at the end. */
  const valuesBatchUpdate = async (
    body: sheets_v4.Schema$BatchUpdateValuesRequest,
  ): Promise<sheets_v4.Schema$BatchUpdateValuesResponse> => {
    const committed = fake.spreadsheet;
    const batch: Batch = { state: { ...committed, sheets: [...committed.sheets] }, copied: new Set() };
    if (options.writeDelayMs) await new Promise((resolve) => setTimeout(resolve, options.writeDelayMs));
    const cells = applyValues(batch, body);
    fake.spreadsheet = batch.state;
    return { spreadsheetId: committed.spreadsheetId, totalUpdatedCells: cells };
  };

  /** Atomic: every request applies to a copy; the copy replaces the state only when all succeed. */
  const batchUpdate = async (
    request: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
  ): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> => {
    const committed = fake.spreadsheet;
    const copy: FakeSpreadsheet = {
      ...committed,
      sheets: [...committed.sheets],
      developerMetadata: [...(committed.developerMetadata ?? [])],
    };
    const batch: Batch = { state: copy, copied: new Set() };
    const steps = request.requests ?? [];
    const replies: sheets_v4.Schema$Response[] = [];
    const pause = steps.length > 0 ? (options.writeDelayMs ?? 0) / steps.length : 0;
    for (const [index, r] of steps.entries()) {
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      try {
        replies.push(apply(batch, r) ?? {});
      } catch (error) {
        if (error instanceof ApiError) {
          throw new ApiError({
            ...error.error,
            // Google names the request's kind after its index: `Invalid requests[3].addSheet: …`.
            message: `Invalid requests[${index}]${/^[a-zA-Z]+: /.test(error.error.message) ? '.' : ': '}${error.error.message}`,
          });
        }
        throw error;
      }
    }
    if (cellsOf(copy) > SPREADSHEET_CELL_LIMIT) {
      throw invalid(
        `This action would increase the number of cells in the workbook above the limit of ${SPREADSHEET_CELL_LIMIT} cells.`,
      );
    }
    fake.spreadsheet = copy;
    return {
      spreadsheetId: copy.spreadsheetId,
      replies,
      ...(request.includeSpreadsheetInResponse
        ? { updatedSpreadsheet: resourceOf(copy, false, new Map()) }
        : {}),
    };
  };

  const handle = async (req: IncomingMessage, body: string): Promise<unknown> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: body ? (JSON.parse(body) as unknown) : undefined,
      bytes: Buffer.byteLength(body, 'utf8'),
    };
    requests.push(recorded);
    const fault = options.fault?.(recorded, requests.length);
    if (fault === 'reset') {
      req.socket.destroy();
      return undefined;
    }
    if (fault && fault !== 'commitThenReset') throw new ApiError(fault);
    if (recorded.bytes > REQUEST_PAYLOAD_LIMIT) {
      throw invalid(`Request payload size exceeds the limit: ${REQUEST_PAYLOAD_LIMIT} bytes.`);
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      throw new ApiError({
        code: 401,
        message: 'Request had invalid authentication credentials. Expected OAuth 2 access token.',
        status: 'UNAUTHENTICATED',
      });
    }
    const match = /^v4\/spreadsheets\/([^/:]+)(\/values:batchGet|\/values:batchUpdate|:batchUpdate)?$/.exec(
      path,
    );
    const state = fake.spreadsheet;
    if (!match || match[1] !== state.spreadsheetId) {
      throw new ApiError({ code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' });
    }
    const action = match[2] ?? '';
    if (action === '' && req.method === 'GET') {
      const mask = url.searchParams.get('fields');
      const paths = mask ? fieldPaths(mask) : null;
      // As Google: a field mask decides whether grid data comes back; includeGridData only without one.
      const withData = paths
        ? paths.some((p) => p === '*' || p === 'sheets' || p.startsWith('sheets.data'))
        : url.searchParams.get('includeGridData') === 'true';
      const ranges = url.searchParams.getAll('ranges');
      const rangesOf = new Map<FakeSheet, string[]>();
      for (const range of ranges) {
        const title = titleOfRange(range);
        const sheet = state.sheets.find((s) => s.title === title);
        if (!sheet) throw invalid(`Unable to parse range: ${range}`);
        rangesOf.set(sheet, [...(rangesOf.get(sheet) ?? []), range]);
      }
      const spreadsheet = resourceOf(state, withData, rangesOf);
      return paths ? maskResponse(spreadsheet, paths) : spreadsheet;
    }
    if (action === '/values:batchGet' && req.method === 'GET') {
      const render = url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE';
      const dateOption = url.searchParams.get('dateTimeRenderOption');
      const valueRanges: sheets_v4.Schema$ValueRange[] = url.searchParams.getAll('ranges').map((range) => {
        const title = titleOfRange(range);
        const sheet = state.sheets.find((s) => s.title === title);
        if (!sheet) throw invalid(`Unable to parse range: ${range}`);
        const values = rowsOf(sheet).map((row, r) =>
          row.map((cell, c) => {
            if (!cell) return '';
            return render === 'FORMATTED_VALUE'
              ? formatted(cell, state.locale, sheet.formats[r]?.[c]?.numberFormat?.pattern ?? undefined)
              : unformatted(cell, dateOption);
          }),
        );
        return { range, majorDimension: 'ROWS', ...(values.length > 0 ? { values } : {}) };
      });
      return { spreadsheetId: state.spreadsheetId, valueRanges };
    }
    if ((action === ':batchUpdate' || action === '/values:batchUpdate') && req.method === 'POST') {
      if (options.readOnly) {
        throw new ApiError({
          code: 403,
          message: 'The caller does not have permission',
          status: 'PERMISSION_DENIED',
        });
      }
      // As Google: a body that does not fit the discovery document (an unknown field, a wrong JSON type, a
      // value outside an enum) is refused whole before anything is applied.
      const problem = invalidBody(
        action === ':batchUpdate' ? 'BatchUpdateSpreadsheetRequest' : 'BatchUpdateValuesRequest',
        recorded.body,
      );
      if (problem) throw invalid(problem);
      // Google applies one spreadsheet's writes one after another: queue behind any write under way.
      const write = writes.then(() =>
        action === ':batchUpdate'
          ? batchUpdate(recorded.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest)
          : valuesBatchUpdate(recorded.body as sheets_v4.Schema$BatchUpdateValuesRequest),
      );
      writes = write.catch(() => undefined);
      const response = await write;
      if (fault === 'commitThenReset') {
        req.socket.destroy();
        return undefined;
      }
      const mask = url.searchParams.get('fields');
      return mask ? maskResponse(response, fieldPaths(mask)) : response;
    }
    throw new ApiError({ code: 404, message: 'Not found', status: 'NOT_FOUND' });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      handle(req, body).then(
        (result) => {
          if (result === undefined) return;
          res
            .writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' })
            .end(JSON.stringify(result));
        },
        (error: unknown) => {
          const e =
            error instanceof ApiError
              ? error.error
              : { code: 500, message: String(error), status: 'INTERNAL' };
          res
            .writeHead(e.code, { 'Content-Type': 'application/json; charset=UTF-8' })
            .end(JSON.stringify({ error: e }));
        },
      );
    });
  });
  // Google's front ends keep an idle connection open for minutes; Node's default of 5 s would reset the
  // first write after a long portal fetch and compute (a reused socket closed just as the request goes out).
  server.keepAliveTimeout = 120_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    requests,
    get spreadsheet() {
      return fake.spreadsheet;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
