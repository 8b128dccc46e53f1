// A loopback fake of the Sheets v4 REST endpoints the sync uses: spreadsheets.get, values.batchGet, batchUpdate.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { sheets_v4 } from 'googleapis';

/** A stored cell: what was typed (number, text, a date as a serial number, a boolean). */
export type FakeCell =
  | { readonly kind: 'number'; readonly value: number; readonly pattern?: string }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'date'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean };

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  /** cells[row][column], sparse. */
  cells: (FakeCell | undefined)[][];
  /** Formats written by updateCells, kept to check bold headers and percent columns. */
  formats: (sheets_v4.Schema$CellFormat | undefined)[][];
}

export interface FakeSpreadsheet {
  spreadsheetId: string;
  locale: 'vi_VN' | 'en_US';
  sheets: FakeSheet[];
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
  return {
    sheetId,
    title,
    rowCount: Math.max(1000, rows.length),
    columnCount: Math.max(26, ...rows.map((r) => r.length)),
    frozenRowCount: 0,
    cells,
    formats: [],
  };
}

/** How the sheet shows a cell in its locale (FORMATTED_VALUE). */
function formatted(cell: FakeCell, locale: FakeSpreadsheet['locale']): string {
  const vi = locale === 'vi_VN';
  switch (cell.kind) {
    case 'text':
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
      if (cell.pattern?.includes('%')) {
        const text = (cell.value * 100).toFixed(2);
        return `${vi ? text.replace('.', ',') : text}%`;
      }
      return cell.value.toLocaleString(vi ? 'vi-VN' : 'en-US', { maximumFractionDigits: 10 });
    }
  }
}

function unformatted(cell: FakeCell, dateOption: string | null): unknown {
  if (cell.kind === 'date' && dateOption === 'FORMATTED_STRING') return formatted(cell, 'en_US');
  return cell.value;
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

function findSheet(state: FakeSpreadsheet, sheetId: number | null | undefined): FakeSheet {
  const sheet = state.sheets.find((s) => s.sheetId === (sheetId ?? 0));
  if (!sheet) throw invalid(`No grid with id: ${sheetId}`);
  return sheet;
}

function cellOfData(data: sheets_v4.Schema$CellData): FakeCell | undefined {
  const v = data.userEnteredValue;
  if (!v) return undefined;
  if (typeof v.numberValue === 'number') {
    return {
      kind: 'number',
      value: v.numberValue,
      pattern: data.userEnteredFormat?.numberFormat?.pattern ?? undefined,
    };
  }
  if (typeof v.stringValue === 'string') return { kind: 'text', value: v.stringValue };
  if (typeof v.boolValue === 'boolean') return { kind: 'bool', value: v.boolValue };
  if (typeof v.formulaValue === 'string')
    throw invalid('The fake refuses formulas: the sync must never write one.');
  return undefined;
}

/** Applies one request to the (cloned) state; throws ApiError like Google does for a bad request. */
function apply(state: FakeSpreadsheet, request: sheets_v4.Schema$Request): void {
  const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) throw invalid('Each request must have exactly one kind.');
  if (request.addSheet) {
    const p = request.addSheet.properties ?? {};
    const title = p.title ?? `Sheet${state.sheets.length + 1}`;
    if (state.sheets.some((s) => s.title.toLowerCase() === title.toLowerCase())) {
      throw invalid(`Invalid requests[0].addSheet: A sheet with the name "${title}" already exists.`);
    }
    const sheetId = p.sheetId ?? Math.max(0, ...state.sheets.map((s) => s.sheetId)) + 1;
    if (state.sheets.some((s) => s.sheetId === sheetId)) throw invalid(`Sheet ID ${sheetId} already exists`);
    state.sheets.push({
      sheetId,
      title,
      rowCount: p.gridProperties?.rowCount ?? 1000,
      columnCount: p.gridProperties?.columnCount ?? 26,
      frozenRowCount: p.gridProperties?.frozenRowCount ?? 0,
      cells: [],
      formats: [],
    });
    return;
  }
  if (request.updateSheetProperties) {
    const p = request.updateSheetProperties.properties ?? {};
    const sheet = findSheet(state, p.sheetId);
    const g = p.gridProperties ?? {};
    if (typeof g.rowCount === 'number') sheet.rowCount = g.rowCount;
    if (typeof g.columnCount === 'number') sheet.columnCount = g.columnCount;
    if (typeof g.frozenRowCount === 'number') sheet.frozenRowCount = g.frozenRowCount;
    if (sheet.frozenRowCount >= sheet.rowCount)
      throw invalid("You can't freeze all visible rows on the sheet.");
    return;
  }
  if (request.updateCells) {
    const u = request.updateCells;
    const fields = u.fields ?? '';
    if (!fields) throw invalid('updateCells: fields is required.');
    const sheet = findSheet(state, u.range?.sheetId ?? u.start?.sheetId);
    if (u.range && !u.rows) {
      // Clear the named fields over the range (whole sheet when no bounds).
      const r0 = u.range.startRowIndex ?? 0;
      const r1 = u.range.endRowIndex ?? sheet.rowCount;
      for (let r = r0; r < Math.min(r1, sheet.cells.length); r++) {
        if (fields.includes('userEnteredValue')) sheet.cells[r] = [];
        if (fields.includes('userEnteredFormat')) sheet.formats[r] = [];
      }
      return;
    }
    const r0 = u.start?.rowIndex ?? u.range?.startRowIndex ?? 0;
    const c0 = u.start?.columnIndex ?? u.range?.startColumnIndex ?? 0;
    (u.rows ?? []).forEach((row, i) => {
      const r = r0 + i;
      (row.values ?? []).forEach((data, j) => {
        const c = c0 + j;
        if (r >= sheet.rowCount || c >= sheet.columnCount) {
          throw invalid(
            `Range ('${sheet.title}'!R${r + 1}C${c + 1}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
          );
        }
        if (fields.includes('userEnteredValue')) {
          sheet.cells[r] ??= [];
          (sheet.cells[r] as (FakeCell | undefined)[])[c] = cellOfData(data);
        }
        if (fields.includes('userEnteredFormat')) {
          sheet.formats[r] ??= [];
          (sheet.formats[r] as (sheets_v4.Schema$CellFormat | undefined)[])[c] =
            data.userEnteredFormat ?? undefined;
        }
      });
    });
    return;
  }
  if (request.autoResizeDimensions) {
    findSheet(state, request.autoResizeDimensions.dimensions?.sheetId);
    return;
  }
  throw invalid(`Unsupported request kind in this fake: ${kinds.join(',')}`);
}

function rowsOf(sheet: FakeSheet): (FakeCell | undefined)[][] {
  const rows = sheet.cells.map((row) => {
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

export async function startFakeSheets(options: FakeSheetsOptions): Promise<FakeSheets> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const fake: { spreadsheet: FakeSpreadsheet } = { spreadsheet: options.spreadsheet };

  let writes: Promise<unknown> = Promise.resolve();

  /** Atomic: every request applies to a copy; the copy replaces the state only when all succeed. */
  const batchUpdate = async (
    request: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
  ): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> => {
    const copy = structuredClone(fake.spreadsheet);
    const steps = request.requests ?? [];
    const pause = steps.length > 0 ? (options.writeDelayMs ?? 0) / steps.length : 0;
    for (const [index, r] of steps.entries()) {
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      try {
        apply(copy, r);
      } catch (error) {
        if (error instanceof ApiError) {
          throw new ApiError({
            ...error.error,
            message: `Invalid requests[${index}]: ${error.error.message}`,
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
    return { spreadsheetId: copy.spreadsheetId, replies: steps.map(() => ({})) };
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
    const match = /^v4\/spreadsheets\/([^/:]+)(\/values:batchGet|:batchUpdate)?$/.exec(path);
    const state = fake.spreadsheet;
    if (!match || match[1] !== state.spreadsheetId) {
      throw new ApiError({ code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' });
    }
    const action = match[2] ?? '';
    if (action === '' && req.method === 'GET') {
      const spreadsheet: sheets_v4.Schema$Spreadsheet = {
        spreadsheetId: state.spreadsheetId,
        properties: { title: 'Fake', locale: state.locale },
        sheets: state.sheets.map((s, index) => ({
          properties: {
            sheetId: s.sheetId,
            title: s.title,
            index,
            gridProperties: {
              rowCount: s.rowCount,
              columnCount: s.columnCount,
              frozenRowCount: s.frozenRowCount,
            },
          },
        })),
      };
      return spreadsheet;
    }
    if (action === '/values:batchGet' && req.method === 'GET') {
      const render = url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE';
      const dateOption = url.searchParams.get('dateTimeRenderOption');
      const valueRanges: sheets_v4.Schema$ValueRange[] = url.searchParams.getAll('ranges').map((range) => {
        const title = titleOfRange(range);
        const sheet = state.sheets.find((s) => s.title === title);
        if (!sheet) throw invalid(`Unable to parse range: ${range}`);
        const values = rowsOf(sheet).map((row) =>
          row.map((cell) => {
            if (!cell) return '';
            return render === 'FORMATTED_VALUE'
              ? formatted(cell, state.locale)
              : unformatted(cell, dateOption);
          }),
        );
        return { range, majorDimension: 'ROWS', ...(values.length > 0 ? { values } : {}) };
      });
      return { spreadsheetId: state.spreadsheetId, valueRanges };
    }
    if (action === ':batchUpdate' && req.method === 'POST') {
      if (options.readOnly) {
        throw new ApiError({
          code: 403,
          message: 'The caller does not have permission',
          status: 'PERMISSION_DENIED',
        });
      }
      // Google applies one spreadsheet's writes one after another: queue behind any write under way.
      const write = writes.then(() =>
        batchUpdate(recorded.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest),
      );
      writes = write.catch(() => undefined);
      const response = await write;
      if (fault === 'commitThenReset') {
        req.socket.destroy();
        return undefined;
      }
      return response;
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
