// A Google Sheet through googleapis (Sheets v4): two reads (tab list, cells), then one atomic write (staged when too large for one request).
import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from 'googleapis';
import type { Grid, OutputTable, WorkbookInput } from '../../src/core';
import { RELIABILITY_TEXT, SHEETS_WRITE_TEXT, SYNC_TEXT, TAB } from '../../src/core';
import { SyncError } from '../errors';
import { type Attempt, parseRetryAfter, type RetryPolicy, withRetry } from '../retry';
import { httpStatusOf, isTransient, translateGoogleError } from './google-errors';
import { GRID_FIELDS, gridOfGridData } from './sheets-cells';
import {
  type BatchBody,
  batchBody,
  bytesOf,
  cellsAfterWrite,
  liveSheets,
  RowTooLarge,
  type SheetInfo,
  type StagedWrite,
  stagedWrite,
  type ValuesBody,
  wholeTab,
  writeRequests,
} from './sheets-write';
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

const vietnameseNumber = (n: number, digits = 0): string =>
  n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Throws LIMIT before anything is sent when the spreadsheet would pass Google's cell limit. */
export function assertCellsWithinLimit(cells: number, limit: number = SHEETS_LIMITS.cells): void {
  if (cells > limit) {
    throw new SyncError(
      'LIMIT',
      RELIABILITY_TEXT.cellLimit(vietnameseNumber(cells), vietnameseNumber(limit)),
    );
  }
}

const megabytes = (n: number) => vietnameseNumber(n / 1_048_576, 1);

/** The id of a Google Sheet from its URL (…/spreadsheets/d/<id>/…) or a bare id; null otherwise. */
export function spreadsheetIdOf(text: string): string | null {
  const url = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  if (url?.[1]) return url[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(text.trim()) ? text.trim() : null;
}

export { cellsAfterWrite, chooseSheetId, wholeTab, writeRequests } from './sheets-write';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function sheetInfos(data: sheets_v4.Schema$Spreadsheet): SheetInfo[] {
  return (data.sheets ?? []).map((sheet) => ({
    sheetId: sheet.properties?.sheetId ?? 0,
    title: sheet.properties?.title ?? '',
    rowCount: sheet.properties?.gridProperties?.rowCount ?? 0,
    columnCount: sheet.properties?.gridProperties?.columnCount ?? 0,
    conditionalRules: sheet.conditionalFormats?.length ?? 0,
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

  /** Every HTTP request goes through here, so `requests` counts each one (retries and re-reads included). */
  private counted<T>(send: () => Promise<T>): Promise<T> {
    this.requests++;
    return send();
  }

  /** One API call with capped exponential back-off on 429/5xx/resets, for GET and POST alike. */
  private call<T>(what: string, once: () => Promise<{ data: T }>): Promise<T> {
    return withRetry(
      this.options.retry,
      async (): Promise<Attempt<T>> => {
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
    const data = await this.call('spreadsheets.get', () => this.counted(() => this.getSpreadsheet(sheets)));
    this.sheetList = sheetInfos(data);
    return this.sheetList;
  }

  /** The tab list once, without retries, inside a call that is retried as a whole (one more request). */
  private async metadataOnce(): Promise<SheetInfo[]> {
    const sheets = await this.sheets();
    this.sheetList = sheetInfos((await this.counted(() => this.getSpreadsheet(sheets))).data);
    return this.sheetList;
  }

  private getSpreadsheet(sheets: sheets_v4.Sheets) {
    return sheets.spreadsheets.get(
      {
        spreadsheetId: this.options.spreadsheetId,
        fields:
          'spreadsheetId,properties(title,locale),sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),conditionalFormats(ranges(sheetId)))',
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
    // Every cell with its effective value and number format type, in one request: a date cell (a number
    // shown as a date) is told apart from a count, and nothing depends on the sheet's locale.
    const data = await this.call('spreadsheets.get', () =>
      this.counted(() =>
        client.spreadsheets.get(
          {
            spreadsheetId: this.options.spreadsheetId,
            ranges: wanted.map((w) => wholeTab(w.title)),
            includeGridData: true,
            fields: GRID_FIELDS,
          },
          this.requestOptions,
        ),
      ),
    );
    // Google lists the tabs in their own order, not the ranges': each is found by its title.
    const byTitle = new Map((data.sheets ?? []).map((sheet) => [sheet.properties?.title ?? '', sheet]));
    for (const w of wanted) {
      const grid = gridOfGridData(byTitle.get(w.title)?.data?.[0]);
      if (w.key === 'syncLog') syncLog = grid;
      else input[w.key] = grid;
    }
    return { input, syncLog };
  }

  /**
   * One batchUpdate, retried on 429/5xx/resets. When a try got no answer (reset, time-out) it may have
   * committed: the next try re-reads the tab list and rebuilds the body from it (sending addSheet again for
   * a tab it added would fail the run though the tabs were written); a null body means nothing is left to do.
   */
  private async batchUpdate(
    body: BatchBody,
    rebuild: (sheets: readonly SheetInfo[]) => BatchBody | null,
  ): Promise<void> {
    const client = await this.sheets();
    let requestBody: BatchBody | null = body;
    let answerLost = false;
    try {
      await this.call('spreadsheets.batchUpdate', async () => {
        if (answerLost) requestBody = rebuild(await this.metadataOnce());
        const sending = requestBody;
        if (!sending) return { data: {} };
        try {
          return await this.counted(() =>
            client.spreadsheets.batchUpdate(
              { spreadsheetId: this.options.spreadsheetId, requestBody: sending },
              this.requestOptions,
            ),
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
  }

  /**
   * Replaces the tables' tabs all at once. Small enough for one request (Google refuses bodies over
   * 10 MiB), it is ONE batchUpdate: values per cell, formats per range. Larger, it is staged: one
   * batchUpdate adds hidden staging tabs, values.batchUpdate requests (RAW) fill them under the bound, then
   * ONE final batchUpdate copies them onto the live tabs and deletes them, so a failure before that leaves
   * every live tab as it was.
   * Either way the limits are checked before anything is sent.
   */
  async write(tables: readonly OutputTable[]): Promise<void> {
    if (tables.length === 0) return;
    const limits = this.options.limits ?? SHEETS_LIMITS;
    const sheets = await this.metadata();
    const compact = (list: readonly SheetInfo[]) => batchBody(writeRequests(tables, list));
    const single = compact(sheets);
    if (bytesOf(single) <= limits.payloadBytes) {
      assertCellsWithinLimit(cellsAfterWrite(tables, sheets), limits.cells);
      await this.batchUpdate(single, compact);
    } else {
      await this.writeStaged(tables, sheets, limits);
    }
    // Tabs were added, resized or deleted: a later write in the same process reads the tab list again.
    // (After a failure the list keeps what the write knows: staging tabs added, or null if an answer was lost.)
    this.sheetList = null;
  }

  private async writeStaged(
    tables: readonly OutputTable[],
    sheets: readonly SheetInfo[],
    limits: { readonly cells: number; readonly payloadBytes: number },
  ): Promise<void> {
    let staged: StagedWrite;
    try {
      staged = stagedWrite(tables, sheets, limits.payloadBytes);
    } catch (error) {
      if (!(error instanceof RowTooLarge)) throw error;
      throw new SyncError(
        'LIMIT',
        SHEETS_WRITE_TEXT.rowPayloadLimit(error.tab, error.row, megabytes(limits.payloadBytes)),
      );
    }
    assertCellsWithinLimit(staged.peakCells, limits.cells);
    // The staging tabs as the first batch will leave them: the tab list for the final batch (sized now,
    // since it cannot be split: it is the one atomic step) and for a failure-log write.
    const withStaging = [...liveSheets(sheets), ...staged.stagingSheets];
    const finalBytes = bytesOf(staged.final(withStaging) ?? batchBody([]));
    if (finalBytes > limits.payloadBytes) {
      throw new SyncError(
        'LIMIT',
        SYNC_TEXT.stagedFinalTooLarge(megabytes(finalBytes), megabytes(limits.payloadBytes)),
      );
    }
    await this.batchUpdate(staged.first(sheets), (list) => staged.first(list));
    this.sheetList = withStaging;
    for (const body of staged.values) await this.valuesBatchUpdate(body);
    const final = staged.final(withStaging);
    if (final) await this.batchUpdate(final, (list) => staged.final(list));
  }

  /** RAW values into staging tabs, retried as a whole: writing the same values again changes nothing. */
  private async valuesBatchUpdate(body: ValuesBody): Promise<void> {
    const client = await this.sheets();
    await this.call('spreadsheets.values.batchUpdate', () =>
      this.counted(() =>
        client.spreadsheets.values.batchUpdate(
          { spreadsheetId: this.options.spreadsheetId, requestBody: body },
          this.requestOptions,
        ),
      ),
    );
  }
}
