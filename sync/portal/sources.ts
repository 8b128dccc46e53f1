// Every portal source of a run (HTTP months, export files) gathered into one list of records, or one failure.
import type { Month, PortalRecord } from '../../src/core';
import { formatMonth, SYNC_TEXT } from '../../src/core';
import { SyncError } from '../errors';
import type { RetryPolicy } from '../retry';
import { readExportFile } from './export-file';
import { fetchMonth, type MonthResult } from './http';
import type { PortalProfile } from './profiles';

export interface PortalSources {
  readonly baseUrl?: string;
  readonly profile: PortalProfile;
  readonly token?: string;
  readonly files: readonly string[];
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Months fetched at once. */
  readonly concurrency: number;
}

export interface Gathered {
  readonly records: PortalRecord[];
  /** Months asked of the HTTP portal, in order (none without --portal). */
  readonly months: Month[];
  /** Export files read. */
  readonly files: number;
  readonly requests: number;
  /** Records of export files outside the tracked year, left out. */
  readonly skipped: number;
}

/** Runs tasks with at most `limit` at once; the first failure aborts the rest and is thrown. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const controller = new AbortController();
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, controller.signal);
      } catch (error) {
        if (failure === null) failure = { error };
        controller.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}

/** A unit, procedure and month may come from one source only; two would double-count it. */
function assertNoOverlap(sources: readonly { name: string; records: readonly PortalRecord[] }[]): void {
  const owner = new Map<string, string>();
  for (const source of sources) {
    for (const r of source.records) {
      const key = `${r.year}-${r.month}\u0000${r.agencyCode.toLowerCase()}\u0000${(r.procedureCode ?? '').toLowerCase()}`;
      const first = owner.get(key);
      if (first !== undefined && first !== source.name) {
        throw new SyncError(
          'PORTAL_DATA',
          SYNC_TEXT.sourcesOverlap(
            r.agencyCode,
            formatMonth({ year: r.year, month: r.month }),
            first,
            source.name,
          ),
        );
      }
      owner.set(key, source.name);
    }
  }
}

/**
 * Fetches every month from the HTTP portal (bounded parallelism) and reads every export file.
 * All or nothing: any month or file that fails fails the whole gathering.
 */
export async function gatherPortal(
  sources: PortalSources,
  months: readonly Month[],
  year: number,
  progress: (line: string) => void,
): Promise<Gathered> {
  const named: { name: string; records: PortalRecord[] }[] = [];
  let requests = 0;
  let skipped = 0;
  const baseUrl = sources.baseUrl;
  if (baseUrl !== undefined) {
    const results = await mapLimited(
      months,
      sources.concurrency,
      async (month, signal): Promise<MonthResult> => {
        const result = await fetchMonth(
          {
            baseUrl,
            profile: sources.profile,
            token: sources.token,
            timeoutMs: sources.timeoutMs,
            retry: sources.retry,
            signal,
            onRetry: (what, attempt, delay) => progress(SYNC_TEXT.progressRetry(what, attempt, delay)),
          },
          month,
        );
        progress(SYNC_TEXT.progressMonth(formatMonth(month), result.pages, result.records.length));
        return result;
      },
    );
    for (const result of results) requests += result.requests;
    named.push({ name: baseUrl, records: results.flatMap((r) => r.records) });
  }
  for (const file of sources.files) {
    const read = await readExportFile(file);
    const inYear = read.records.filter((r) => r.year === year);
    skipped += read.records.length - inYear.length;
    progress(SYNC_TEXT.progressFile(file, inYear.length, read.records.length - inYear.length));
    named.push({ name: file, records: inYear });
  }
  assertNoOverlap(named);
  return {
    records: named.flatMap((s) => s.records),
    months: baseUrl === undefined ? [] : [...months],
    files: sources.files.length,
    requests,
    skipped,
  };
}
