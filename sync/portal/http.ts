// The portal over HTTP: one request target (a month, or a unit and month), every page, retried, bounded, shape-checked.
import type { Month, PortalRecord } from '../../src/core';
import { fold, formatMonth } from '../../src/core';
import { oneLine, redact, SyncError } from '../errors';
import { type Attempt, parseRetryAfter, type RetryPolicy, withRetry } from '../retry';
import { PORTAL_TEXT, RELIABILITY_TEXT, SYNC_TEXT } from '../texts';
import { atPath, BUILT_IN_NAMES, expand, type HttpProfile, type Json, SETTING_PREFIX } from './profiles';

/** Largest answer read, after decompression: far above any real month (a few MB), far below a memory problem. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Most bytes of portal answers one run holds in all (contract §10.5): pages received and records kept. */
export const MAX_RUN_ANSWER_BYTES = 512 * 1024 * 1024;

/**
 * What one record kept from an answer costs in memory, measured on Node 20 (x64, 1,000,000 records of the
 * default feed, heap after a full GC): about 85 bytes for the object with its six fields and its slot in the
 * list, about 30 for its entry among the rows seen for duplicates; its codes are shared strings (fetchTarget).
 */
export const KEPT_RECORD_BYTES = 120;

/**
 * The bytes of portal answers a run may hold, shared by every request of the run beside its Limiter: each
 * answer counts its bytes as they arrive (pages included, even those whose rows are dropped), and each record
 * kept counts KEPT_RECORD_BYTES on top, so a portal that sends many small pages of compact rows is bounded
 * as surely as one that sends a few large ones. Past the limit the run stops with PORTAL_DATA.
 */
export class AnswerBudget {
  private used = 0;

  constructor(readonly limitBytes: number = MAX_RUN_ANSWER_BYTES) {}

  /** Bytes counted so far. */
  get usedBytes(): number {
    return this.used;
  }

  /** Counts `bytes` more; throws (not retryable: the run is over) once the total passes the limit. */
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limitBytes)
      throw new SyncError(
        'PORTAL_DATA',
        PORTAL_TEXT.runTooLarge(String(Math.round(this.limitBytes / 1048576))),
      );
  }
}

/** Upper bound of pages per target: a loop guard against a portal that never stops. */
const MAX_PAGES = 10_000;

/** Statuses of a portal that does not serve this request at all (no such path, method or feature). */
const WRONG_PROFILE_STATUSES = new Set([404, 405, 501]);

/** Most characters of the portal's own words quoted in a message. */
const MAX_QUOTE = 200;

export interface PortalClientOptions {
  readonly baseUrl: string;
  readonly profile: HttpProfile;
  /** Bearer token; the Authorization header is omitted when undefined or empty. */
  readonly token?: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Cấu hình parameters by folded name, for {setting:…} placeholders. */
  readonly settings?: ReadonlyMap<string, string>;
  /** Hears each retry, for progress output; `what` is already redacted. */
  readonly onRetry?: (what: string, attempt: number, delayMs: number) => void;
  readonly signal?: AbortSignal;
  /** Shared bound on requests in flight (all targets of a run); none means unbounded. */
  readonly limiter?: Limiter;
  /** Defaults to MAX_RESPONSE_BYTES. */
  readonly maxResponseBytes?: number;
  /** The run's bound on answers held in all (shared by every target); none means only the per-answer bound. */
  readonly budget?: AnswerBudget;
}

/** What one logical request is for: a month, and for per-unit profiles the unit's portal code. */
export interface Target {
  readonly month: Month;
  readonly unit?: string;
}

export interface TargetResult {
  readonly target: Target;
  readonly records: PortalRecord[];
  readonly pages: number;
  readonly requests: number;
}

/** A counting semaphore: at most `size` tasks run at once, the rest wait in order. */
export class Limiter {
  private active = 0;
  private peak = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Most tasks that ran at the same moment. */
  get maxActive(): number {
    return this.peak;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** A fault worth retrying (5xx, 429, reset, time-out, a garbled page) or not (other 4xx, too large). */
export class FetchFault extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/**
 * A line that may hold the portal's own words, made safe to print or log: the token removed (plain, URL- or
 * JSON-encoded), control characters (terminal escapes) removed, one line.
 */
export function safeLine(text: string, token: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return oneLine(redact(text, portalSecrets(token)).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '));
}

/**
 * The forms the portal token may come back in (plain, URL- or JSON-encoded): removed from every message and
 * every cell the sync writes (contract §10.4). The Authorization header's value is `Bearer <token>`, so
 * removing the token removes it too.
 */
export function portalSecrets(token: string | undefined): string[] {
  return token ? [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)] : [];
}

/** The portal's own words quoted in a message: safe, and short. */
export function quote(text: string, token?: string): string {
  const plain = safeLine(text, token);
  return plain.length > MAX_QUOTE ? `${plain.slice(0, MAX_QUOTE)}…` : plain;
}

/**
 * fetch refuses a URL holding user:password and quotes the whole URL in its error, which would print the
 * password and write it into Nhật ký đồng bộ: refuse it first, without quoting it.
 */
export function assertNoCredentialsInUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return; // not a URL: fetch reports it, and there is no password to leak
  }
  if (url.username || url.password) throw new SyncError('USAGE', RELIABILITY_TEXT.portalUrlCredentials);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (month: Month): number => new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();

/** The value of one placeholder for a target and page. */
function placeholderValue(options: PortalClientOptions, target: Target, page: number, name: string): string {
  const { month } = target;
  switch (name) {
    case 'year':
      return String(month.year);
    case 'month':
      return String(month.month);
    case 'month2':
      return pad2(month.month);
    case 'firstDay':
      return `${month.year}-${pad2(month.month)}-01`;
    case 'lastDay':
      return `${month.year}-${pad2(month.month)}-${pad2(lastDayOf(month))}`;
    case 'page':
      return String(page);
    case 'pageSize':
      return String(options.profile.paging?.pageSize ?? '');
    case 'unit':
      return target.unit ?? '';
    default: {
      const setting = name.slice(SETTING_PREFIX.length).trim();
      return options.settings?.get(fold(setting)) ?? '';
    }
  }
}

/** The method, URL, headers and body of one page's request, from the profile's templates. */
export function buildRequest(
  options: PortalClientOptions,
  target: Target,
  page: number,
): { url: string; method: string; headers: Record<string, string>; body?: string } {
  const { request } = options.profile;
  const fill = (name: string) => placeholderValue(options, target, page, name);
  const base = options.baseUrl.replace(/\/+$/, '');
  const url = new URL(base + (request.path.startsWith('/') ? request.path : `/${request.path}`));
  const asText = (value: Json | undefined): string =>
    typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
  for (const [key, value] of Object.entries(request.query ?? {}))
    url.searchParams.set(key, asText(expand(value, fill)));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(expand(request.json, fill));
  } else if (request.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(request.form)) form.set(key, asText(expand(value, fill)));
    body = form.toString();
  }
  return { url: url.toString(), method: request.method, headers, body };
}

export function describeNetworkError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return SYNC_TEXT.portalTimeout;
  const code = e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
  return SYNC_TEXT.portalNetwork(code);
}

/** The body as text, counting decompressed bytes as they arrive: a bomb or an endless body stops at the bound. */
export async function boundedText(
  response: Response,
  maxBytes: number,
  stop: AbortController,
  budget: AnswerBudget | undefined,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Abort the request rather than await cancel(): undici's cancel of an inflating body may never settle,
  // and with no handle left Node would exit silently with status 0.
  const quit = () => {
    stop.abort();
    reader.cancel().catch(() => undefined);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      quit();
      throw new FetchFault(PORTAL_TEXT.responseTooLarge(String(Math.round(maxBytes / 1048576))), false);
    }
    try {
      budget?.take(value.byteLength);
    } catch (error) {
      quit();
      throw error;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends one page's request and parses the answer; every failure becomes a FetchFault saying whether to retry. */
async function fetchPage(options: PortalClientOptions, target: Target, page: number): Promise<unknown> {
  const { url, method, headers, body: requestBody } = buildRequest(options, target, page);
  const stop = new AbortController();
  const signals = [AbortSignal.timeout(options.timeoutMs), stop.signal];
  if (options.signal) signals.push(options.signal);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { method, headers, body: requestBody, signal: AbortSignal.any(signals) });
    body = await boundedText(response, options.maxResponseBytes ?? MAX_RESPONSE_BYTES, stop, options.budget);
  } catch (error) {
    if (error instanceof FetchFault || error instanceof SyncError) throw error;
    if (options.signal?.aborted) throw new FetchFault(SYNC_TEXT.portalAborted, false);
    throw new FetchFault(describeNetworkError(error), true);
  }
  if (page === 1 && WRONG_PROFILE_STATUSES.has(response.status)) {
    // The portal does not know this kind of request: a wrong --profile (or address), never fixed by retrying.
    throw new FetchFault(
      PORTAL_TEXT.wrongProfile(
        response.status,
        options.profile.name,
        BUILT_IN_NAMES.join('|'),
        quote(body.slice(0, 400), options.token),
      ),
      false,
    );
  }
  if (response.status === 429 || response.status >= 500) {
    throw new FetchFault(
      SYNC_TEXT.portalStatus(response.status),
      true,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new FetchFault(SYNC_TEXT.portalDenied(response.status, Boolean(options.token)), false);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new FetchFault(
      SYNC_TEXT.portalRejected(response.status, quote(body.slice(0, 400), options.token)),
      false,
    );
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new FetchFault(SYNC_TEXT.portalBadJson, true);
  }
}

/** A count as the profile allows it: a whole number ≥ 0 (or a numeric string), null as 0 when allowed. */
function countOf(profile: HttpProfile, value: unknown): number | null {
  if (value === null && profile.response.nullCounts === 'zero') return 0;
  const n =
    typeof value === 'string' &&
    profile.response.numbers === 'numbers-or-strings' &&
    /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000_000 ? n : null;
}

const shown = (value: unknown): string => (value === undefined ? '(thiếu)' : quote(JSON.stringify(value)));

/** Checks one answer against the profile and turns its rows into records. */
export function readAnswer(
  profile: HttpProfile,
  body: unknown,
  target: Target,
  page: number,
  /** One string per distinct code, so a million rows of a few hundred agencies hold a few hundred strings. */
  share: (code: string) => string = (code) => code,
): { totalPages: number; records: PortalRecord[] } {
  const { month } = target;
  const fault = (what: string) => new FetchFault(SYNC_TEXT.portalBadPage(page, what), true);
  const { paging, response } = profile;
  let totalPages = 1;
  if (paging) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fault(SYNC_TEXT.notAnObject);
    if (paging.page !== undefined) {
      const echoed = countOf(profile, atPath(body, paging.page));
      if (echoed !== page) throw fault(SYNC_TEXT.wrongPageNumber(quote(String(atPath(body, paging.page)))));
    }
    const total = countOf(profile, atPath(body, paging.totalPages));
    if (total === null || total > MAX_PAGES) throw fault(SYNC_TEXT.badTotalPages);
    if (page > Math.max(total, 1)) throw fault(SYNC_TEXT.badTotalPages);
    totalPages = total;
  }
  const rows = atPath(body, response.rows);
  if (!Array.isArray(rows)) throw fault(PORTAL_TEXT.notAList(response.rows));
  const { fields, skipRowsWithout } = response;
  const records: PortalRecord[] = [];
  rows.forEach((row, index) => {
    // A total row (its parent null or empty) is no unit's figures: skipped, not listed as an unassigned code.
    // A row without the field at all is read as a unit's: a portal that stops sending it loses no figures.
    if (skipRowsWithout !== undefined) {
      const mark = atPath(row, skipRowsWithout);
      if (mark === null || (typeof mark === 'string' && mark.trim() === '')) return;
    }
    const bad = (field: string) => fault(SYNC_TEXT.badItem(index + 1, field));
    let agency: string;
    if (fields.agency !== undefined) {
      const value = atPath(row, fields.agency);
      if (typeof value === 'number') agency = String(value);
      else if (typeof value === 'string' && value.trim() !== '') agency = value.trim();
      else throw bad(fields.agency);
    } else agency = target.unit ?? '';
    let procedureCode: string | null = null;
    if (fields.procedure !== undefined) {
      const procedure = atPath(row, fields.procedure);
      if (typeof procedure === 'number') procedureCode = String(procedure);
      else if (typeof procedure === 'string' && procedure.trim() !== '') procedureCode = procedure.trim();
      else throw bad(fields.procedure);
    }
    if (fields.year !== undefined && countOf(profile, atPath(row, fields.year)) !== month.year)
      throw bad(fields.year);
    if (fields.month !== undefined && countOf(profile, atPath(row, fields.month)) !== month.month)
      throw bad(fields.month);
    const count = (field: string): number => {
      const raw = atPath(row, field);
      const value = countOf(profile, raw);
      if (value === null) throw fault(PORTAL_TEXT.badCount(quote(agency), field, shown(raw)));
      return value;
    };
    const resolved = count(fields.resolved);
    let online = 0;
    for (const field of fields.online) online += count(field);
    if (online > resolved) throw fault(PORTAL_TEXT.onlineAboveTotal(quote(agency), online, resolved));
    records.push({
      agencyCode: share(agency),
      procedureCode: procedureCode === null ? null : share(procedureCode),
      year: month.year,
      month: month.month,
      resolved,
      online,
    });
  });
  return { totalPages, records };
}

function targetLabel(target: Target): string {
  return target.unit === undefined
    ? formatMonth(target.month)
    : `${formatMonth(target.month)} ${target.unit}`;
}

/**
 * Every page of one target. Page 1 says how many pages there are; the rest are asked at once (within the
 * limiter). A target is complete or it fails: a page that still fails after retries, or pages that disagree
 * (totalPages changes, the same row twice), fail it.
 */
export async function fetchTarget(options: PortalClientOptions, target: Target): Promise<TargetResult> {
  assertNoCredentialsInUrl(options.baseUrl);
  let requests = 0;
  const label = targetLabel(target);
  let expectedPages: number | null = null;
  /**
   * Rows seen so far: folded agency → folded procedure → the page it came on, compared as the contract
   * compares text (codes differing only in case are one row), with no string made per row.
   */
  const seen = new Map<string, Map<string, number>>();
  /** Each distinct code once, and its folded form once: what the run keeps stays compact. */
  const shared = new Map<string, string>();
  const share = (code: string): string => {
    const known = shared.get(code);
    if (known !== undefined) return known;
    shared.set(code, code);
    return code;
  };
  const folded = new Map<string, string>();
  const foldOnce = (code: string): string => {
    let key = folded.get(code);
    if (key === undefined) {
      key = fold(code);
      folded.set(code, key);
    }
    return key;
  };
  /**
   * Page-to-page consistency, checked as each page arrives (pages 2… arrive in any order); a mismatch is
   * retried like a garbled page, since a retry often fixes it. A page's rows join `seen` only once it passed.
   */
  const consistent = (page: number, result: { totalPages: number; records: PortalRecord[] }) => {
    if (expectedPages !== null && result.totalPages !== expectedPages) {
      throw new FetchFault(SYNC_TEXT.totalPagesChanged(expectedPages, result.totalPages, page), true);
    }
    const mine = new Map<string, Set<string>>();
    for (const record of result.records) {
      const agency = foldOnce(record.agencyCode);
      const procedure = foldOnce(record.procedureCode ?? '');
      const ownPage = mine.get(agency)?.has(procedure) ? page : undefined;
      const firstPage = seen.get(agency)?.get(procedure) ?? ownPage;
      if (firstPage !== undefined) {
        const [a, b] = firstPage <= page ? [firstPage, page] : [page, firstPage];
        throw new FetchFault(SYNC_TEXT.duplicateRow(record.agencyCode, record.procedureCode, a, b), true);
      }
      const procedures = mine.get(agency) ?? new Set<string>();
      procedures.add(procedure);
      mine.set(agency, procedures);
    }
    for (const [agency, procedures] of mine) {
      const pages = seen.get(agency) ?? new Map<string, number>();
      for (const procedure of procedures) pages.set(procedure, page);
      seen.set(agency, pages);
    }
  };
  const limited = <T>(task: () => Promise<T>): Promise<T> =>
    options.limiter ? options.limiter.run(task) : task();
  const getPage = (page: number) =>
    withRetry(
      options.retry,
      async (): Promise<Attempt<{ totalPages: number; records: PortalRecord[] }>> => {
        if (options.signal?.aborted) {
          return { ok: false, retryable: false, error: new FetchFault(SYNC_TEXT.portalAborted, false) };
        }
        requests++;
        try {
          const body = await limited(() => fetchPage(options, target, page));
          const result = readAnswer(options.profile, body, target, page, share);
          consistent(page, result);
          // What the run keeps of this page counts too, not only the bytes it came in.
          options.budget?.take(result.records.length * KEPT_RECORD_BYTES);
          return { ok: true, value: result };
        } catch (error) {
          if (!(error instanceof FetchFault)) throw error;
          return { ok: false, retryable: error.retryable, error, retryAfterMs: error.retryAfterMs };
        }
      },
      (error, attempt, delay) =>
        options.onRetry?.(
          safeLine(`${label} ${SYNC_TEXT.page} ${page}: ${error.message}`, options.token),
          attempt,
          delay,
        ),
      options.signal,
    );
  try {
    const first = await getPage(1);
    const totalPages = options.profile.paging ? Math.max(first.totalPages, 1) : 1;
    expectedPages = first.totalPages;
    const rest = await Promise.all(Array.from({ length: totalPages - 1 }, (_, i) => getPage(i + 2)));
    const pages = [first, ...rest];
    return { target, records: pages.flatMap((p) => p.records), pages: totalPages, requests };
  } catch (error) {
    // The run's budget is about the run, not this month: said as it is.
    if (error instanceof SyncError) throw error;
    const message = safeLine(error instanceof Error ? error.message : String(error), options.token);
    const text =
      target.unit === undefined
        ? SYNC_TEXT.monthFailed(formatMonth(target.month), message)
        : PORTAL_TEXT.unitMonthFailed(formatMonth(target.month), target.unit, message);
    throw new SyncError('PORTAL_HTTP', text, { cause: error });
  }
}

/** One month of a per-month profile (kept for callers that think in months). */
export function fetchMonth(options: PortalClientOptions, month: Month): Promise<TargetResult> {
  return fetchTarget(options, { month });
}
