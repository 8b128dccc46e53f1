// A Google Sheet through googleapis (Sheets v4): three requests per run whatever the size, one atomic write.
import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from 'googleapis';
import type { Cell, ColumnFormat, Grid, OutputTable, WorkbookInput } from '../../src/core';
import { RELIABILITY_TEXT, SYNC_TEXT, TAB, tableToGrid } from '../../src/core';
import { SyncError } from '../errors';
import { type Attempt, parseRetryAfter, type RetryPolicy, withRetry } from '../retry';
import { httpStatusOf, isTransient, translateGoogleError } from './google-errors';
import { findByName, READ_TABS, type Workbook, type WorkbookSnapshot } from './workbook';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/**
 * Checked before every write, so an oversized write fails with a clear message and changes nothing.
 * cells: Google's limit for a whole spreadsheet (rows × columns of every tab, empty ones included).
 * payloadBytes: the size at which Google answers 400 "Request payload size exceeds the limit: 10485760
 * bytes"; its documentation recommends 2 MB for speed, which a large province's Dữ liệu Cổng DVC exceeds.
 */
export const SHEETS_LIMITS = { cells: 10_000_000, payloadBytes: 10_485_760 } as const;

type Auth = sheets_v4.Options['auth'];

export interface GoogleSheetOptions {
  readonly spreadsheetId: string;
  readonly auth: Auth;
  /** SHEETS_API_ROOT: base URL of the Sheets API (proxies, local tests); Google's when undefined. */
  readonly rootUrl?: string;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  /** Texts never to show in errors (the access token). */
  readonly secrets?: readonly string[];
  readonly onRetry?: (what: string, attempt: number, delayMs: number) => void;
  /** SHEETS_LIMITS unless given (tests use small bounds). */
  readonly limits?: { readonly cells: number; readonly payloadBytes: number };
}

/**
 * Credentials from the environment: GOOGLE_OAUTH_ACCESS_TOKEN first (an OAuth2 client holding it),
 * else GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), scope spreadsheets only.
 */
export async function googleAuthFromEnv(env: NodeJS.ProcessEnv): Promise<{ auth: Auth; secrets: string[] }> {
  const token = env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim();
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
  if (!token && !keyFile) throw new SyncError('AUTH', SYNC_TEXT.googleNoCredentials);
  const { google } = await loadGoogleapis();
  if (token) {
    const client = new google.auth.OAuth2();
    client.setCredentials({ access_token: token });
    return { auth: client, secrets: [token] };
  }
  const key = await readServiceAccountKey(keyFile as string);
  return {
    auth: new google.auth.GoogleAuth({ credentials: key, scopes: [SHEETS_SCOPE] }),
    secrets: [key.private_key, key.private_key_id ?? ''].filter((s) => s !== ''),
  };
}

interface ServiceAccountKey {
  readonly client_email: string;
  readonly private_key: string;
  readonly private_key_id?: string;
}

/**
 * Reads and checks the key file first: google-auth-library takes an unparsable file for a PEM certificate
 * and then sends requests without credentials. The messages never quote the file (it holds the key).
 */
export async function readServiceAccountKey(path: string): Promise<ServiceAccountKey> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SyncError('AUTH', RELIABILITY_TEXT.keyFileUnreadable(path), { cause: error });
  }
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    throw new SyncError('AUTH', RELIABILITY_TEXT.keyFileInvalid(path));
  }
  const k = key as Partial<Record<keyof ServiceAccountKey, unknown>> | null;
  if (typeof k?.client_email !== 'string' || typeof k.private_key !== 'string' || !k.private_key.trim()) {
    throw new SyncError('AUTH', RELIABILITY_TEXT.keyFileInvalid(path));
  }
  return key as ServiceAccountKey;
}

/** googleapis takes most of a second to load: only runs that use a Google Sheet pay for it. */
const loadGoogleapis = () => import('googleapis');

const NUMBER_FORMATS: Record<ColumnFormat, sheets_v4.Schema$NumberFormat> = {
  text: { type: 'TEXT', pattern: '@' },
  integer: { type: 'NUMBER', pattern: '#,##0' },
  percent: { type: 'PERCENT', pattern: '0.00%' },
  decimal: { type: 'NUMBER', pattern: '0.00' },
};
const HEADER_BACKGROUND = { red: 0.867, green: 0.922, blue: 0.969 };

/** A cell as Sheets stores it: text stays text (never a formula), numbers stay numbers. */
function extendedValue(cell: Cell): sheets_v4.Schema$ExtendedValue | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { numberValue: cell } : { stringValue: String(cell) };
  if (typeof cell === 'boolean') return { boolValue: cell };
  if (cell instanceof Date) return { stringValue: cell.toISOString() };
  return { stringValue: cell };
}

/** Rows of updateCells for a whole table: title rows bold, header bold on a tint, data in column formats. */
export function rowsOfTable(table: OutputTable): sheets_v4.Schema$RowData[] {
  const grid = tableToGrid(table);
  const headerIndex = table.title.length;
  return grid.map((row, r) => ({
    values: row.map((cell, c): sheets_v4.Schema$CellData => {
      const format = table.formats[c];
      let userEnteredFormat: sheets_v4.Schema$CellFormat | undefined;
      if (r < headerIndex) userEnteredFormat = { textFormat: { bold: true } };
      else if (r === headerIndex) {
        userEnteredFormat = {
          textFormat: { bold: true },
          backgroundColor: HEADER_BACKGROUND,
          wrapStrategy: 'WRAP',
          verticalAlignment: 'MIDDLE',
        };
      } else if (format) userEnteredFormat = { numberFormat: NUMBER_FORMATS[format] };
      const value = extendedValue(cell);
      return {
        ...(value ? { userEnteredValue: value } : {}),
        ...(userEnteredFormat ? { userEnteredFormat } : {}),
      };
    }),
  }));
}

/** A sheetId for a new tab: stable (hash of its title) and not used by another tab. */
export function chooseSheetId(title: string, taken: ReadonlySet<number>): number {
  let hash = 0x811c9dc5;
  for (const ch of title.normalize('NFC')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let id = (hash % 2_000_000_000) + 1;
  while (taken.has(id)) id = (id % 2_000_000_000) + 1;
  return id;
}

/** A1 range of a whole tab, quoted so Vietnamese names with spaces work: 'Tỷ lệ'. */
export const wholeTab = (title: string): string => `'${title.replace(/'/g, "''")}'`;

interface SheetInfo {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Every structural and value change of a write, as ONE batchUpdate's requests (atomic in Sheets). */
export function writeRequests(
  tables: readonly OutputTable[],
  existing: readonly SheetInfo[],
): sheets_v4.Schema$Request[] {
  const taken = new Set(existing.map((s) => s.sheetId));
  const requests: sheets_v4.Schema$Request[] = [];
  for (const table of tables) {
    const rows = rowsOfTable(table);
    const width = Math.max(1, table.header.length);
    const frozen = table.title.length + 1;
    // One spare row, so the frozen header never covers the whole sheet.
    const neededRows = Math.max(rows.length, frozen) + 1;
    const found = findByName(existing, table.tab, (s) => s.title);
    let sheetId: number;
    if (found) {
      sheetId = found.sheetId;
      requests.push({
        updateSheetProperties: {
          properties: {
            sheetId,
            gridProperties: {
              rowCount: Math.max(found.rowCount, neededRows),
              columnCount: Math.max(found.columnCount, width),
              frozenRowCount: frozen,
            },
          },
          fields: 'gridProperties(rowCount,columnCount,frozenRowCount)',
        },
      });
      // Clears values and formats of the whole tab (fields named, no rows given).
      requests.push({ updateCells: { range: { sheetId }, fields: 'userEnteredValue,userEnteredFormat' } });
    } else {
      sheetId = chooseSheetId(table.tab, taken);
      taken.add(sheetId);
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title: table.tab,
            gridProperties: {
              rowCount: Math.max(neededRows, 100),
              columnCount: Math.max(width, 26),
              frozenRowCount: frozen,
            },
          },
        },
      });
    }
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows,
        fields: 'userEnteredValue,userEnteredFormat',
      },
    });
    requests.push({
      autoResizeDimensions: { dimensions: { sheetId, dimension: 'COLUMNS', startIndex: 0, endIndex: width } },
    });
  }
  return requests;
}

/** Rows × columns of every tab once `tables` are written (tabs grow, never shrink; new ones as addSheet sizes them). */
export function cellsAfterWrite(tables: readonly OutputTable[], existing: readonly SheetInfo[]): number {
  const sizes = new Map(existing.map((s) => [s.sheetId, s.rowCount * s.columnCount]));
  for (const request of writeRequests(tables, existing)) {
    const grid = request.updateSheetProperties?.properties ?? request.addSheet?.properties;
    const g = grid?.gridProperties;
    if (grid && typeof grid.sheetId === 'number' && g?.rowCount && g.columnCount) {
      sizes.set(grid.sheetId, g.rowCount * g.columnCount);
    }
  }
  return [...sizes.values()].reduce((sum, n) => sum + n, 0);
}

const vietnameseNumber = (n: number, digits = 0): string =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Throws LIMIT before anything is sent when the write would break a Sheets limit. */
export function assertWithinLimits(
  body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
  cells: number,
  limits: { readonly cells: number; readonly payloadBytes: number } = SHEETS_LIMITS,
): void {
  if (cells > limits.cells) {
    throw new SyncError(
      'LIMIT',
      RELIABILITY_TEXT.cellLimit(vietnameseNumber(cells), vietnameseNumber(limits.cells)),
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (bytes > limits.payloadBytes) {
    const mb = (n: number) => vietnameseNumber(n / 1_048_576, 1);
    throw new SyncError('LIMIT', RELIABILITY_TEXT.payloadLimit(mb(bytes), mb(limits.payloadBytes)));
  }
}

/** The id of a Google Sheet from its URL (…/spreadsheets/d/<id>/…) or a bare id; null otherwise. */
export function spreadsheetIdOf(text: string): string | null {
  const url = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  if (url?.[1]) return url[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(text.trim()) ? text.trim() : null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function sheetInfos(data: sheets_v4.Schema$Spreadsheet): SheetInfo[] {
  return (data.sheets ?? []).map((sheet) => ({
    sheetId: sheet.properties?.sheetId ?? 0,
    title: sheet.properties?.title ?? '',
    rowCount: sheet.properties?.gridProperties?.rowCount ?? 0,
    columnCount: sheet.properties?.gridProperties?.columnCount ?? 0,
  }));
}

export class GoogleSheetWorkbook implements Workbook {
  readonly location: string;
  /** HTTP requests made (retries included), for the summary and tests. */
  requests = 0;
  private client: sheets_v4.Sheets | null = null;
  private sheetList: SheetInfo[] | null = null;

  constructor(private readonly options: GoogleSheetOptions) {
    this.location = `https://docs.google.com/spreadsheets/d/${options.spreadsheetId}`;
  }

  private async sheets(): Promise<sheets_v4.Sheets> {
    if (this.client) return this.client;
    const { google } = await loadGoogleapis();
    const root = this.options.rootUrl;
    const rootUrl = root ? `${root.replace(/\/+$/, '')}/` : undefined;
    this.client = google.sheets({ version: 'v4', auth: this.options.auth, ...(rootUrl ? { rootUrl } : {}) });
    return this.client;
  }

  /** One API call with capped exponential back-off on 429/5xx/resets, for GET and POST alike. */
  private call<T>(what: string, once: () => Promise<{ data: T }>): Promise<T> {
    return withRetry(
      this.options.retry,
      async (): Promise<Attempt<T>> => {
        this.requests++;
        try {
          return { ok: true, value: (await once()).data };
        } catch (error) {
          const headers = (error as { response?: { headers?: { get?: (name: string) => string | null } } })
            .response?.headers;
          const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
          return {
            ok: false,
            retryable: isTransient(error),
            error: translateGoogleError(error, this.location, this.options.secrets),
            retryAfterMs: parseRetryAfter(retryAfter),
          };
        }
      },
      (error, attempt, delay) =>
        this.options.onRetry?.(`Google Sheets ${what}: ${error.message}`, attempt, delay),
    );
  }

  /**
   * googleapis retries only some methods by itself; ours does it for all, so theirs is off.
   * Node's own fetch, rather than gaxios loading node-fetch by a dynamic import at the first request.
   */
  private get requestOptions() {
    return { retry: false, timeout: this.options.timeoutMs, fetchImplementation: fetch };
  }

  private async metadata(): Promise<SheetInfo[]> {
    if (this.sheetList) return this.sheetList;
    const sheets = await this.sheets();
    const data = await this.call('spreadsheets.get', () => this.getSpreadsheet(sheets));
    this.sheetList = sheetInfos(data);
    return this.sheetList;
  }

  /** The tab list once, without retries, inside a call that is retried as a whole (one more request). */
  private async metadataOnce(): Promise<SheetInfo[]> {
    this.requests++;
    this.sheetList = sheetInfos((await this.getSpreadsheet(await this.sheets())).data);
    return this.sheetList;
  }

  private getSpreadsheet(sheets: sheets_v4.Sheets) {
    return sheets.spreadsheets.get(
      {
        spreadsheetId: this.options.spreadsheetId,
        fields:
          'spreadsheetId,properties(title,locale),sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)))',
      },
      this.requestOptions,
    );
  }

  async read(): Promise<WorkbookSnapshot> {
    const sheets = await this.metadata();
    const wanted: { key: keyof WorkbookInput | 'syncLog'; title: string }[] = [];
    for (const [key, tab] of [...Object.entries(READ_TABS), ['syncLog', TAB.syncLog]] as [
      keyof WorkbookInput | 'syncLog',
      string,
    ][]) {
      const found = findByName(sheets, tab, (s) => s.title);
      if (found) wanted.push({ key, title: found.title });
    }
    const input: Mutable<WorkbookInput> = {};
    let syncLog: Grid | undefined;
    if (wanted.length === 0) return { input, syncLog };
    const client = await this.sheets();
    const data = await this.call('values.batchGet', () =>
      client.spreadsheets.values.batchGet(
        {
          spreadsheetId: this.options.spreadsheetId,
          ranges: wanted.map((w) => wholeTab(w.title)),
          majorDimension: 'ROWS',
          // Raw numbers and serial dates: the same figures whatever the sheet's locale.
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
        },
        this.requestOptions,
      ),
    );
    const ranges = data.valueRanges ?? [];
    wanted.forEach((w, index) => {
      const grid = (ranges[index]?.values ?? []) as Cell[][];
      if (w.key === 'syncLog') syncLog = grid;
      else input[w.key] = grid;
    });
    return { input, syncLog };
  }

  /**
   * One batchUpdate for all tables, checked against the limits first. When a try got no answer (reset,
   * time-out) the write may have committed: the next try re-reads the tab list and rebuilds the requests,
   * since sending addSheet again for a tab it added would fail the run though the tabs were written.
   */
  async write(tables: readonly OutputTable[]): Promise<void> {
    if (tables.length === 0) return;
    const client = await this.sheets();
    const body = (sheets: readonly SheetInfo[]): sheets_v4.Schema$BatchUpdateSpreadsheetRequest => ({
      requests: writeRequests(tables, sheets),
      includeSpreadsheetInResponse: false,
    });
    const sheets = await this.metadata();
    let requestBody = body(sheets);
    assertWithinLimits(requestBody, cellsAfterWrite(tables, sheets), this.options.limits);
    let answerLost = false;
    try {
      await this.call('spreadsheets.batchUpdate', async () => {
        if (answerLost) requestBody = body(await this.metadataOnce());
        try {
          return await client.spreadsheets.batchUpdate(
            { spreadsheetId: this.options.spreadsheetId, requestBody },
            this.requestOptions,
          );
        } catch (error) {
          answerLost = httpStatusOf(error) === undefined;
          throw error;
        }
      });
    } catch (error) {
      if (answerLost) this.sheetList = null;
      throw error;
    }
    // New tabs exist now: a later write in the same process must read the tab list again.
    this.sheetList = null;
  }
}
