// A Google Sheet through googleapis (Sheets v4): two reads (tab list, cells), then one atomic write (staged when too large for one request).
import { createPrivateKey, randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { sheets_v4 } from 'googleapis';
import type { Grid, OutputTable, WorkbookInput } from '../../src/core';
import {
  ADDIN_WRITE_TEXT,
  blockingMarker,
  formatTimestamp,
  HEADER_SEARCH_ROWS,
  judgeMarker,
  newWriteMarker,
  SYSTEM_TEXT,
  TAB,
  TAB_MARK_KEY,
  WRITE_MARKER_KEY,
  writeMarkerValue,
} from '../../src/core';
import { SHEETS_LIMITS } from '../../src/sheets/limits';
import { SyncError } from '../errors';
import { type Attempt, parseRetryAfter, type RetryPolicy, withRetry } from '../retry';
import { RELIABILITY_TEXT, SHEETS_WRITE_TEXT, SYNC_TEXT } from '../texts';
import { httpStatusOf, isTransient, translateGoogleError } from './google-errors';
import { GRID_FIELDS, gridOfGridData } from './sheets-cells';
import {
  type BatchBody,
  batchBody,
  bytesOf,
  cellsAfterWrite,
  factsOf,
  isLeftover,
  liveSheets,
  RowTooLarge,
  type SheetInfo,
  STAGING_KEY,
  type StagedWrite,
  stagedWrite,
  type ValuesBody,
  wholeTab,
  writeRequests,
} from './sheets-write';
import {
  checkTabs,
  findByName,
  needsHeaderRows,
  READ_TABS,
  type Workbook,
  type WorkbookSnapshot,
  type WriteOptions,
} from './workbook';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** Developer-metadata key of the preflight's write check: set and deleted in one batch, never left behind. */
export const WRITE_CHECK_KEY = 'dvc.check';

/** Checked before every write, so an oversized write fails with a clear message and changes nothing. */
export { SHEETS_LIMITS };

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
  /** The clock of the write marker (the add-in's marker is live until its `until`). */
  readonly now?: () => Date;
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
    throw new SyncError('AUTH', SYSTEM_TEXT.keyFileUnreadable(path, (error as Error).message), {
      cause: error,
    });
  }
  const notKey = (what: string) => new SyncError('AUTH', SYSTEM_TEXT.keyFileNotKey(path, what));
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    throw notKey(SYSTEM_TEXT.keyNotJson);
  }
  const k = (typeof key === 'object' && key !== null ? key : {}) as Partial<Record<string, unknown>>;
  // An OAuth client file ({"installed": …}) or a user's credentials are keys of another kind.
  if (k.type !== undefined && k.type !== 'service_account')
    throw notKey(SYSTEM_TEXT.keyWrongType(String(k.type)));
  const missing = ['client_email', 'private_key'].filter(
    (field) => typeof k[field] !== 'string' || !String(k[field]).trim(),
  );
  if (missing.length > 0) throw notKey(SYSTEM_TEXT.keyMissingFields(missing.join(', ')));
  // A damaged private key would otherwise fail at the first request, read as "Sheets unavailable".
  try {
    createPrivateKey(String(k.private_key));
  } catch {
    throw notKey(SYSTEM_TEXT.keyBadPrivateKey);
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

/**
 * What a write needs of the spreadsheet, for spreadsheets.get and for a batchUpdate's updated spreadsheet:
 * the tabs with their staging marks, and the spreadsheet's developer metadata (the write markers).
 */
const SHEET_LIST_FIELDS =
  'spreadsheetId,properties(title,locale),developerMetadata(metadataId,metadataKey,metadataValue),sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),developerMetadata(metadataKey),conditionalFormats(ranges(sheetId)))';

/** The tabs of a spreadsheet with their marks, and the first rows read earlier of those that needed them. */
function sheetInfos(data: sheets_v4.Schema$Spreadsheet, tops: ReadonlyMap<number, Grid>): SheetInfo[] {
  return (data.sheets ?? []).map((sheet) => {
    const sheetId = sheet.properties?.sheetId ?? 0;
    const keys = (sheet.developerMetadata ?? []).map((m) => m.metadataKey);
    const top = tops.get(sheetId);
    return {
      sheetId,
      title: sheet.properties?.title ?? '',
      rowCount: sheet.properties?.gridProperties?.rowCount ?? 0,
      columnCount: sheet.properties?.gridProperties?.columnCount ?? 0,
      conditionalRules: sheet.conditionalFormats?.length ?? 0,
      ...(keys.includes(STAGING_KEY) ? { staging: true } : {}),
      ...(keys.includes(TAB_MARK_KEY) ? { marked: true } : {}),
      ...(top ? { top } : {}),
    };
  });
}

/** The write markers on the spreadsheet (src/core/write-marker.ts), with their metadata ids. */
interface MarkerEntry {
  readonly metadataId: number;
  readonly value: string;
}

function markersOf(data: sheets_v4.Schema$Spreadsheet): MarkerEntry[] {
  return (data.developerMetadata ?? [])
    .filter((m) => m.metadataKey === WRITE_MARKER_KEY && typeof m.metadataId === 'number')
    .map((m) => ({ metadataId: m.metadataId as number, value: m.metadataValue ?? '' }));
}

/** The write marker's batch answered with an error: nothing of it was applied. */
class ClaimRefused extends Error {
  constructor(readonly error: unknown) {
    super('write marker batch refused');
  }
}

/** A tab with the first rows read of it, when they were. */
function withTop(sheet: SheetInfo, tops: ReadonlyMap<number, Grid>): SheetInfo {
  const top = tops.get(sheet.sheetId);
  return top ? { ...sheet, top } : sheet;
}

/**
 * The tabs for the checks made before their rows are read: an unmarked tab named exactly as an output tab
 * may be an earlier version's, which its header row will tell, so it is not refused yet.
 */
const undecided = (sheets: readonly SheetInfo[]) =>
  sheets.map((sheet) => {
    const facts = factsOf(sheet);
    return needsHeaderRows(facts) && !facts.top ? { ...facts, marked: true } : facts;
  });

export class GoogleSheetWorkbook implements Workbook {
  readonly location: string;
  /** HTTP requests made (retries included), for the summary and tests. */
  requests = 0;
  private client: sheets_v4.Sheets | null = null;
  private sheetList: SheetInfo[] | null = null;
  /** Write markers as the last tab list showed them. */
  private markers: MarkerEntry[] = [];
  private title = '';
  /** This run's write marker: its metadata id (chosen, so the final batch can delete it) and run id. */
  private readonly markerId = randomInt(1, 2_147_483_647);
  private readonly runId = randomUUID();
  /** Staging tabs this write added, removed with the marker when the write fails. */
  private ownStaging: SheetInfo[] = [];
  /** First rows of the unmarked tabs named as output tabs, by sheetId, read with the input tabs (to adopt them). */
  private readonly tops = new Map<number, Grid>();
  /** Stale markers (judgeMarker) already told to the run, so each is reported once. */
  private readonly reportedStale = new Set<number>();

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
    return this.remember(data);
  }

  /** The tab list once, without retries, inside a call that is retried as a whole (one more request). */
  private async metadataOnce(): Promise<SheetInfo[]> {
    const sheets = await this.sheets();
    return this.remember((await this.counted(() => this.getSpreadsheet(sheets))).data);
  }

  private remember(data: sheets_v4.Schema$Spreadsheet): SheetInfo[] {
    this.sheetList = sheetInfos(data, this.tops);
    this.markers = markersOf(data);
    this.title = data.properties?.title ?? this.title;
    return this.sheetList;
  }

  private getSpreadsheet(sheets: sheets_v4.Sheets) {
    return sheets.spreadsheets.get(
      { spreadsheetId: this.options.spreadsheetId, fields: SHEET_LIST_FIELDS },
      this.requestOptions,
    );
  }

  /**
   * The --daily preflight: one harmless request (the tab list) proves that the credentials work and the
   * sheet can be read, and the tab names are checked. Returns the sheet's title.
   */
  async check(): Promise<string> {
    this.sheetList = null;
    checkTabs(undecided(liveSheets(await this.metadata())));
    return this.title;
  }

  /**
   * The tab checks first (a look-alike of a tab it reads, an output tab's name on a tab the product did not
   * make: TAB_NAMES after one request), then one request for every tab read, and the first rows of any
   * unmarked tab an earlier version wrote, which is adopted when its header row is the product's.
   */
  async read(): Promise<WorkbookSnapshot> {
    const sheets = liveSheets(await this.metadata());
    checkTabs(undecided(sheets));
    const wanted: { key: keyof WorkbookInput | 'syncLog' | 'top'; title: string; sheetId: number }[] = [];
    for (const [key, tab] of [...Object.entries(READ_TABS), ['syncLog', TAB.syncLog]] as [
      keyof WorkbookInput | 'syncLog',
      string,
    ][]) {
      const found = findByName(sheets, tab, (s) => s.title);
      if (found) wanted.push({ key, title: found.title, sheetId: found.sheetId });
    }
    for (const sheet of sheets)
      if (needsHeaderRows(factsOf(sheet)) && !wanted.some((w) => w.sheetId === sheet.sheetId))
        wanted.push({ key: 'top', title: sheet.title, sheetId: sheet.sheetId });
    const input: Mutable<WorkbookInput> = {};
    let syncLog: Grid | undefined;
    const grids = await this.readGrids(wanted.map((w) => w.title));
    for (const w of wanted) {
      const grid = grids.get(w.title) ?? [];
      if (needsHeaderRows(factsOf(sheets.find((s) => s.sheetId === w.sheetId) as SheetInfo)))
        this.tops.set(w.sheetId, grid.slice(0, HEADER_SEARCH_ROWS));
      if (w.key === 'syncLog') syncLog = grid;
      else if (w.key !== 'top') input[w.key] = grid;
    }
    // With those rows known, every tab's verdict: an office's own tab with an output tab's name stops the run.
    this.sheetList = this.sheetList ? this.sheetList.map((sheet) => withTop(sheet, this.tops)) : null;
    checkTabs(liveSheets(await this.metadata()).map(factsOf));
    return { input, syncLog };
  }

  /** The tabs as they are now (staging tabs left out), read afresh: the import plans its batch on them. */
  async liveTabs(): Promise<SheetInfo[]> {
    this.sheetList = null;
    return liveSheets(await this.metadata());
  }

  /**
   * The cells of the named tabs (exact titles), in one request whatever their number (none: no request).
   * Every cell with its effective value and number format type: a date cell (a number shown as a date) is
   * told apart from a count, and nothing depends on the sheet's locale.
   */
  async readGrids(titles: readonly string[]): Promise<Map<string, Grid>> {
    const grids = new Map<string, Grid>();
    if (titles.length === 0) return grids;
    const client = await this.sheets();
    const data = await this.call('spreadsheets.get', () =>
      this.counted(() =>
        client.spreadsheets.get(
          {
            spreadsheetId: this.options.spreadsheetId,
            ranges: titles.map(wholeTab),
            includeGridData: true,
            fields: GRID_FIELDS,
          },
          this.requestOptions,
        ),
      ),
    );
    // Google lists the tabs in their own order, not the ranges': each is found by its title.
    const byTitle = new Map((data.sheets ?? []).map((sheet) => [sheet.properties?.title ?? '', sheet]));
    for (const title of titles) grids.set(title, gridOfGridData(byTitle.get(title)?.data?.[0]));
    return grids;
  }

  /**
   * The preflight's proof that this account can write: ONE batchUpdate that sets a developer-metadata
   * marker on the spreadsheet and deletes it again. Google applies a batch whole or not at all, so the
   * spreadsheet is left as it was either way; an account that may only view gets 403.
   */
  async checkWrite(): Promise<void> {
    const client = await this.sheets();
    const metadataId = randomInt(1, 2_147_483_647);
    const requests: sheets_v4.Schema$Request[] = [
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataId,
            metadataKey: WRITE_CHECK_KEY,
            metadataValue: this.markerValue(),
            location: { spreadsheet: true },
            visibility: 'DOCUMENT',
          },
        },
      },
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } },
    ];
    // Retried as a whole: the pair leaves nothing behind, so sending it again after a lost answer is safe.
    await this.call('spreadsheets.batchUpdate', () =>
      this.counted(() =>
        client.spreadsheets.batchUpdate(
          { spreadsheetId: this.options.spreadsheetId, requestBody: batchBody(requests) },
          this.requestOptions,
        ),
      ),
    );
  }

  /**
   * ONE atomic batchUpdate built from the tab list (the import of input tabs, beside the write path of
   * output tabs): all of it is applied or none. After a lost answer it is rebuilt from the tab list read
   * again, so a batch that did commit is not refused for adding a tab that now exists.
   */
  async applyAtomically(build: (tabs: readonly SheetInfo[]) => BatchBody): Promise<void> {
    const tabs = liveSheets(await this.metadata());
    await this.batchUpdate(build(tabs), (list) => build(liveSheets(list)));
    this.sheetList = null;
  }

  /**
   * One batchUpdate, retried on 429/5xx/resets. When a try got no answer (reset, time-out) it may have
   * committed: the next try re-reads the tab list and rebuilds the body from it (sending addSheet again for
   * a tab it added would fail the run though the tabs were written); a null body means nothing is left to do
   * (the answer is then null). `fields` masks the answer (the updated spreadsheet, when asked for).
   */
  private async batchUpdate(
    body: BatchBody,
    rebuild: (sheets: readonly SheetInfo[]) => BatchBody | null,
    fields?: string,
  ): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse | null> {
    const client = await this.sheets();
    let requestBody: BatchBody | null = body;
    let answerLost = false;
    try {
      return await this.call('spreadsheets.batchUpdate', async () => {
        if (answerLost) requestBody = rebuild(await this.metadataOnce());
        const sending = requestBody;
        if (!sending) return { data: null };
        try {
          return await this.counted(() =>
            client.spreadsheets.batchUpdate(
              {
                spreadsheetId: this.options.spreadsheetId,
                requestBody: sending,
                ...(fields ? { fields } : {}),
              },
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

  private markerValue(): string {
    return writeMarkerValue(newWriteMarker('sync', this.runId, (this.options.now ?? (() => new Date()))()));
  }

  private createMarker(): sheets_v4.Schema$Request {
    return {
      createDeveloperMetadata: {
        developerMetadata: {
          metadataId: this.markerId,
          metadataKey: WRITE_MARKER_KEY,
          metadataValue: this.markerValue(),
          location: { spreadsheet: true },
          // DOCUMENT: the add-in, another Cloud project, must see it.
          visibility: 'DOCUMENT',
        },
      },
    };
  }

  /** Markers of others that no writer may trust (contract 10.3): removed by this write, never waited for. */
  private staleMarkers(): MarkerEntry[] {
    const now = (this.options.now ?? (() => new Date()))();
    return this.markers.filter(
      (entry) => entry.metadataId !== this.markerId && judgeMarker(entry.value, now).state === 'stale',
    );
  }

  /** Tells the run (its output and log row) about stale markers this write removes, each once. */
  private reportStale(options: WriteOptions | undefined): void {
    const fresh = this.staleMarkers().filter((entry) => !this.reportedStale.has(entry.metadataId));
    if (fresh.length === 0) return;
    for (const entry of fresh) this.reportedStale.add(entry.metadataId);
    options?.notice?.(ADDIN_WRITE_TEXT.staleMarkersRemoved(fresh.length));
  }

  /**
   * Requests of the batch that ends a write: this run's marker deleted, with the markers of earlier syncs
   * that died before removing theirs (expired) and any stale marker.
   */
  private releaseMarkers(): sheets_v4.Schema$Request[] {
    const now = (this.options.now ?? (() => new Date()))();
    const dead = this.markers.filter((entry) => {
      if (entry.metadataId === this.markerId) return false;
      const verdict = judgeMarker(entry.value, now);
      return verdict.state === 'stale' || (verdict.state === 'expired' && verdict.marker.by === 'sync');
    });
    return [this.markerId, ...dead.map((entry) => entry.metadataId)].map((metadataId) => ({
      deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } },
    }));
  }

  /**
   * Sets this run's write marker (with `first`, the first requests of a staged write, in the same batch)
   * and, from the spreadsheet as that batch leaves it, checks the add-in's: set first, then checked, so
   * of two writers starting together at least one sees the other. A live add-in marker: this run's
   * marker and staging tabs are removed again and the run stops with BUSY, nothing written.
   * Returns the tab list after the batch.
   */
  private async claim(
    first: (list: readonly SheetInfo[]) => sheets_v4.Schema$Request[],
    options: WriteOptions | undefined,
  ): Promise<SheetInfo[]> {
    // After a lost answer the batch may have committed: rebuilt from the tab list read again, it may
    // have nothing left to do (null), and that list is then the answer.
    const build = (list: readonly SheetInfo[]): BatchBody | null => {
      const requests = [
        ...first(list),
        ...(this.markers.some((entry) => entry.metadataId === this.markerId) ? [] : [this.createMarker()]),
      ];
      return requests.length === 0
        ? null
        : { requests, includeSpreadsheetInResponse: true, responseIncludeGridData: false };
    };
    let answer: sheets_v4.Schema$BatchUpdateSpreadsheetResponse | null;
    try {
      answer = await this.batchUpdate(
        build(await this.metadata()) ?? batchBody([this.createMarker()]),
        build,
        `updatedSpreadsheet(${SHEET_LIST_FIELDS})`,
      );
    } catch (error) {
      // Google answered (refused, or failed): an atomic batch that was not applied left no marker to remove.
      const cause = error instanceof SyncError ? error.cause : error;
      if (httpStatusOf(cause) !== undefined) throw new ClaimRefused(error);
      throw error;
    }
    const sheets = answer?.updatedSpreadsheet
      ? this.remember(answer.updatedSpreadsheet)
      : await this.metadata();
    this.reportStale(options);
    const now = (this.options.now ?? (() => new Date()))();
    const blocking = blockingMarker(
      this.markers.map((entry) => entry.value),
      'sync',
      now,
    );
    if (blocking) {
      await this.release(sheets.filter(isLeftover));
      throw new SyncError('BUSY', SYSTEM_TEXT.addinWriting(formatTimestamp(new Date(blocking.until))));
    }
    return sheets;
  }

  /** Best effort after a failure: this run's marker (and the staging tabs it added) removed in one batch. */
  private async release(staging: readonly SheetInfo[]): Promise<void> {
    const client = await this.sheets();
    const requests = [
      ...staging.map((sheet) => ({ deleteSheet: { sheetId: sheet.sheetId } })),
      {
        deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: this.markerId } } },
      },
    ];
    try {
      await this.counted(() =>
        client.spreadsheets.batchUpdate(
          { spreadsheetId: this.options.spreadsheetId, requestBody: batchBody(requests) },
          this.requestOptions,
        ),
      );
    } catch {
      // The marker expires by itself (WRITE_MARKER_TTL_MS) and staging leftovers go with the next write.
    }
    this.sheetList = null;
  }

  /**
   * Replaces the tables' tabs all at once, under this run's write marker (src/core/write-marker.ts).
   * Small enough for one request (Google refuses bodies over 10 MiB): one batch sets the marker and
   * checks the add-in's, then ONE batchUpdate writes values per cell and formats per range and removes
   * the marker. Larger, it is staged: the first batch adds hidden staging tabs (marked) and the marker,
   * values.batchUpdate requests (RAW) fill them under the bound, then ONE final batchUpdate copies them
   * onto the live tabs, deletes them and removes the marker, so a failure before that leaves every live
   * tab as it was. Either way the tab names and the limits are checked before anything is sent.
   */
  async write(tables: readonly OutputTable[], options?: WriteOptions): Promise<void> {
    if (tables.length === 0) return;
    const limits = this.options.limits ?? SHEETS_LIMITS;
    const sheets = await this.metadata();
    // Before the log row is fixed (beforeCommit), so the row says so too.
    this.reportStale(options);
    const names = tables.map((table) => table.tab);
    checkTabs(liveSheets(sheets).map(factsOf), names);
    const compact = (list: readonly SheetInfo[]) =>
      batchBody([...writeRequests(tables, list), ...this.releaseMarkers()]);
    const single = compact(sheets);
    try {
      if (bytesOf(single) <= limits.payloadBytes) {
        assertCellsWithinLimit(cellsAfterWrite(tables, sheets), limits.cells);
        const fresh = await this.claim(() => [], options);
        checkTabs(liveSheets(fresh).map(factsOf), names);
        options?.beforeCommit?.();
        await this.batchUpdate(compact(fresh), compact);
      } else {
        await this.writeStaged(tables, sheets, limits, options);
      }
    } catch (error) {
      // Refused before the marker was set (names, limits), BUSY (already released), or the marker's
      // batch answered with an error (not applied): nothing to undo.
      if (error instanceof ClaimRefused) throw error.error;
      const claimed = !(
        error instanceof SyncError &&
        (error.code === 'TAB_NAMES' || error.code === 'LIMIT' || error.code === 'BUSY')
      );
      if (claimed) await this.release(this.ownStaging);
      throw error;
    } finally {
      this.ownStaging = [];
    }
    // Tabs were added, resized or deleted: a later write in the same process reads the tab list again.
    this.sheetList = null;
  }

  private async writeStaged(
    tables: readonly OutputTable[],
    sheets: readonly SheetInfo[],
    limits: { readonly cells: number; readonly payloadBytes: number },
    options?: WriteOptions,
  ): Promise<void> {
    // The staging tabs receive the tables' values before the final batch: they are fixed from here.
    options?.beforeCommit?.();
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
    // The staging tabs as the first batch will leave them: the tab list for sizing the final batch now,
    // since it cannot be split: it is the one atomic step.
    const withStaging = [...liveSheets(sheets), ...staged.stagingSheets];
    const finalBytes = bytesOf(staged.final(withStaging) ?? batchBody([]));
    if (finalBytes > limits.payloadBytes) {
      throw new SyncError(
        'LIMIT',
        SYNC_TEXT.stagedFinalTooLarge(megabytes(finalBytes), megabytes(limits.payloadBytes)),
      );
    }
    const fresh = await this.claim((list) => staged.first(list).requests ?? [], options);
    this.ownStaging = fresh.filter(isLeftover);
    for (const body of staged.values) await this.valuesBatchUpdate(body);
    const finalOf = (list: readonly SheetInfo[]) => {
      const body = staged.final(list);
      return body ? batchBody([...(body.requests ?? []), ...this.releaseMarkers()]) : null;
    };
    const final = finalOf(fresh);
    if (final) await this.batchUpdate(final, finalOf);
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
