// The portal's statistics over HTTP: one month, every page, retried on transient faults, shape-checked.
import type { Month, PortalRecord } from '../../src/core';
import { formatMonth, RELIABILITY_TEXT, SYNC_TEXT } from '../../src/core';
import { oneLine, redact, SyncError } from '../errors';
import { type Attempt, parseRetryAfter, type RetryPolicy, withRetry } from '../retry';
import { atPath, type PortalProfile } from './profiles';

export interface PortalClientOptions {
  readonly baseUrl: string;
  readonly profile: PortalProfile;
  /** Bearer token; the Authorization header is omitted when undefined or empty. */
  readonly token?: string;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Hears each retry, for progress output. */
  readonly onRetry?: (what: string, attempt: number, delayMs: number) => void;
  readonly signal?: AbortSignal;
}

/** Upper bound of pages per month: a loop guard against a portal that never stops. */
const MAX_PAGES = 10_000;

/** A fault worth retrying (5xx, 429, reset, time-out, a garbled page) or not (other 4xx). */
class FetchFault extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface MonthResult {
  readonly month: Month;
  readonly records: PortalRecord[];
  readonly pages: number;
  readonly requests: number;
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

/** The URL of one page, with the profile's query names. */
export function pageUrl(options: PortalClientOptions, month: Month, page: number): string {
  const { profile } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const url = new URL(base + (profile.path.startsWith('/') ? profile.path : `/${profile.path}`));
  for (const [key, value] of Object.entries(profile.fixedQuery ?? {})) url.searchParams.set(key, value);
  url.searchParams.set(profile.query.year, String(month.year));
  url.searchParams.set(profile.query.month, String(month.month));
  url.searchParams.set(profile.query.page, String(page));
  url.searchParams.set(profile.query.pageSize, String(profile.pageSize));
  return url.toString();
}

function describeNetworkError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return SYNC_TEXT.portalTimeout;
  const code = e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
  return SYNC_TEXT.portalNetwork(code);
}

/** Fetches and parses one page; every failure becomes a FetchFault saying whether to retry. */
async function fetchPage(options: PortalClientOptions, url: string): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const signals = [AbortSignal.timeout(options.timeoutMs)];
  if (options.signal) signals.push(options.signal);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.any(signals) });
    body = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw new FetchFault(SYNC_TEXT.portalAborted, false);
    throw new FetchFault(describeNetworkError(error), true);
  }
  if (response.status === 429) {
    throw new FetchFault(
      SYNC_TEXT.portalStatus(429),
      true,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  if (response.status >= 500) {
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
    const detail = oneLine(redact(body.slice(0, 200), [options.token]));
    throw new FetchFault(SYNC_TEXT.portalRejected(response.status, detail), false);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new FetchFault(SYNC_TEXT.portalBadJson, true);
  }
}

function wholeNumber(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000_000 ? n : null;
}

/** Checks one page's body against the profile and turns its items into records. */
export function readPage(
  profile: PortalProfile,
  body: unknown,
  month: Month,
  page: number,
): { totalPages: number; records: PortalRecord[] } {
  const fault = (what: string) => new FetchFault(SYNC_TEXT.portalBadPage(page, what), true);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fault(SYNC_TEXT.notAnObject);
  const pageNumber = wholeNumber(atPath(body, profile.response.page));
  if (pageNumber !== page)
    throw fault(SYNC_TEXT.wrongPageNumber(String(atPath(body, profile.response.page))));
  const totalPages = wholeNumber(atPath(body, profile.response.totalPages));
  if (totalPages === null || totalPages > MAX_PAGES) throw fault(SYNC_TEXT.badTotalPages);
  const items = atPath(body, profile.response.items);
  if (!Array.isArray(items)) throw fault(SYNC_TEXT.missingItems(profile.response.items));
  if (page > Math.max(totalPages, 1)) throw fault(SYNC_TEXT.badTotalPages);
  const { fields } = profile;
  const records = items.map((item, index): PortalRecord => {
    const bad = (field: string) => fault(SYNC_TEXT.badItem(index + 1, field));
    const agency = atPath(item, fields.agency);
    if (typeof agency !== 'string' || agency.trim() === '') throw bad(fields.agency);
    let procedureCode: string | null = null;
    if (fields.procedure !== null) {
      const procedure = atPath(item, fields.procedure);
      if (typeof procedure === 'number') procedureCode = String(procedure);
      else if (typeof procedure === 'string' && procedure.trim() !== '') procedureCode = procedure.trim();
      else throw bad(fields.procedure);
    }
    const year = wholeNumber(atPath(item, fields.year));
    const monthNumber = wholeNumber(atPath(item, fields.month));
    if (year !== month.year) throw bad(fields.year);
    if (monthNumber !== month.month) throw bad(fields.month);
    const resolved = wholeNumber(atPath(item, fields.resolved));
    if (resolved === null) throw bad(fields.resolved);
    let online = 0;
    for (const field of fields.online) {
      const value = wholeNumber(atPath(item, field));
      if (value === null) throw bad(field);
      online += value;
    }
    if (online > resolved) throw bad(fields.online.join(' + '));
    return {
      agencyCode: agency.trim(),
      procedureCode,
      year: month.year,
      month: month.month,
      resolved,
      online,
    };
  });
  return { totalPages, records };
}

const recordKey = (r: PortalRecord): string => `${r.agencyCode}\u0000${r.procedureCode ?? ''}`;

/**
 * Every page of one month. A month is complete or it fails: a page that still fails after retries
 * (including pages that disagree with earlier ones: totalPages changes, the same row twice) fails the month.
 */
export async function fetchMonth(options: PortalClientOptions, month: Month): Promise<MonthResult> {
  assertNoCredentialsInUrl(options.baseUrl);
  let requests = 0;
  const label = formatMonth(month);
  const seen = new Map<string, number>();
  let expectedPages: number | null = null;
  /** Page-to-page consistency; a mismatch is retried like a garbled page, since a retry often fixes it. */
  const consistent = (page: number, result: { totalPages: number; records: PortalRecord[] }) => {
    if (expectedPages !== null && result.totalPages !== expectedPages) {
      throw new FetchFault(SYNC_TEXT.totalPagesChanged(expectedPages, result.totalPages, page), true);
    }
    const keys = new Set<string>();
    for (const record of result.records) {
      const key = recordKey(record);
      const firstPage = seen.get(key) ?? (keys.has(key) ? page : undefined);
      if (firstPage !== undefined) {
        throw new FetchFault(
          SYNC_TEXT.duplicateRow(record.agencyCode, record.procedureCode, firstPage, page),
          true,
        );
      }
      keys.add(key);
    }
  };
  const getPage = (page: number) =>
    withRetry(
      options.retry,
      async (): Promise<Attempt<{ totalPages: number; records: PortalRecord[] }>> => {
        requests++;
        try {
          const body = await fetchPage(options, pageUrl(options, month, page));
          const result = readPage(options.profile, body, month, page);
          consistent(page, result);
          return { ok: true, value: result };
        } catch (error) {
          if (!(error instanceof FetchFault)) throw error;
          return { ok: false, retryable: error.retryable, error, retryAfterMs: error.retryAfterMs };
        }
      },
      (error, attempt, delay) =>
        options.onRetry?.(`${label} ${SYNC_TEXT.page} ${page}: ${error.message}`, attempt, delay),
      options.signal,
    );
  try {
    const records: PortalRecord[] = [];
    let totalPages = 1;
    for (let page = 1; page <= totalPages; page++) {
      const result = await getPage(page);
      if (page === 1) {
        totalPages = result.totalPages;
        expectedPages = result.totalPages;
      }
      for (const record of result.records) seen.set(recordKey(record), page);
      records.push(...result.records);
    }
    return { month, records, pages: Math.max(totalPages, 1), requests };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyncError('PORTAL_HTTP', SYNC_TEXT.monthFailed(label, redact(message, [options.token])), {
      cause: error,
    });
  }
}
