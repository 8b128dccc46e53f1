// Every portal source of a run (HTTP months, export files) gathered into one list of records, or one failure.
import { basename } from 'node:path';
import type { Model, Month, PortalAnswer, PortalRecord, WorkbookInput } from '../../src/core';
import { COL, fold, formatMonth, readTable } from '../../src/core';
import { pick } from '../../src/core/cells';
import { clean } from '../../src/core/text';
import { SyncError } from '../errors';
import type { RetryPolicy } from '../retry';
import { PORTAL_TEXT, SYNC_TEXT } from '../texts';
import { readExportFile } from './export-file';
import {
  AnswerBudget,
  fetchTarget,
  Limiter,
  MAX_RUN_ANSWER_BYTES,
  type PortalClientOptions,
  safeLine,
  type Target,
  type TargetResult,
} from './http';
import { type HttpProfile, httpProfile, type PortalProfile, settingsUsed } from './profiles';

export interface PortalSources {
  readonly baseUrl?: string;
  readonly profile: PortalProfile;
  readonly token?: string;
  readonly files: readonly string[];
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  /** Most requests in flight at once (the profile's maxConcurrent may lower it). */
  readonly concurrency: number;
  /** Bytes of answers the run may hold (default and most: MAX_RUN_ANSWER_BYTES); lowered by tests only. */
  readonly answerBudgetBytes?: number;
}

export interface Gathered {
  readonly records: PortalRecord[];
  /** The same records as complete answers with what each replaces in Dữ liệu Cổng DVC (contract §10.1). */
  readonly answers: PortalAnswer[];
  /** Months asked of the HTTP portal, in order (none without --portal). */
  readonly months: Month[];
  /** Export files read. */
  readonly files: number;
  readonly requests: number;
  /** Records of export files outside the tracked year, left out. */
  readonly skipped: number;
  /** Records the HTTP portal answered (export files not included). */
  readonly portalRecords: number;
  /** Most HTTP requests in flight at once. */
  readonly maxInFlight: number;
  /** Kiểm tra warnings of the sources (export rows without Mã TTHC). */
  readonly warnings: string[];
}

/**
 * Runs tasks with at most `limit` at once; the first failure aborts the rest and is thrown at once, without
 * waiting for the aborted ones (an aborted fetch whose body was inflating may never settle).
 */
export function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const controller = new AbortController();
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  return new Promise<R[]>((resolve, reject) => {
    const worker = async () => {
      while (!failed && next < items.length) {
        const index = next++;
        try {
          results[index] = await task(items[index] as T, controller.signal);
        } catch (error) {
          if (!failed) {
            failed = true;
            controller.abort();
            reject(error);
          }
        }
      }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    Promise.all(workers).then(() => {
      if (!failed) resolve(results);
    }, reject);
  });
}

/** A unit, procedure and month may come from one source only; two would double-count it. */
function assertNoOverlap(sources: readonly { name: string; records: readonly PortalRecord[] }[]): void {
  if (sources.length < 2) return; // one source checks its own duplicates
  const owner = new Map<string, string>();
  for (const source of sources) {
    for (const r of source.records) {
      const key = `${r.year}-${r.month}\u0000${fold(r.agencyCode)}\u0000${fold(r.procedureCode ?? '')}`;
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

/** What the workbook tells the portal side: Cấu hình values for {setting:…}, units' portal codes for per-unit asks. */
export interface PortalContext {
  /** Cấu hình parameters by folded name. */
  readonly settings: ReadonlyMap<string, string>;
  /** Every unit's portal codes (Mã trên Cổng DVC, else Mã đơn vị), in the order of Đơn vị. */
  readonly unitCodes: readonly string[];
}

const NO_CONTEXT: PortalContext = { settings: new Map(), unitCodes: [] };

/** The portal context of a workbook: its Cấu hình values and each unit's portal codes as typed (case kept). */
export function portalContext(input: WorkbookInput, model: Model): PortalContext {
  const grid = input.units ?? [];
  const table = readTable(grid, COL.unitCode, [COL.unitCode, COL.portalCode]);
  const unitCodes = model.units.list.flatMap((unit) => {
    const typed = clean(pick(table, grid[unit.row] ?? [], COL.portalCode))
      .split(/[\s,;]+/)
      .filter((code) => code !== '');
    return typed.length > 0 ? typed : [unit.code];
  });
  return { settings: model.settings.raw, unitCodes };
}

/** The requests of a run: one per month, or one per unit and month (month by month, units in tab order). */
export function targetsOf(profile: HttpProfile, months: readonly Month[], context: PortalContext): Target[] {
  if (profile.request.per === 'month') return months.map((month) => ({ month }));
  const units: string[] = [];
  const seen = new Set<string>();
  for (const code of context.unitCodes) {
    const key = fold(code);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    units.push(code);
  }
  if (units.length === 0 && months.length > 0)
    throw new SyncError('USAGE', PORTAL_TEXT.noUnitsToAsk(profile.name));
  return months.flatMap((month) => units.map((unit) => ({ month, unit })));
}

/** Every Cấu hình parameter the profile quotes must have a value, or nothing is asked. */
export function assertSettings(profile: HttpProfile, context: PortalContext): void {
  for (const name of settingsUsed(profile)) {
    if ((context.settings.get(fold(name)) ?? '').trim() === '')
      throw new SyncError('USAGE', PORTAL_TEXT.missingSetting(profile.name, name));
  }
}

/** What every request of a run is sent with (the sync's fetch and the --check preflight alike). */
export function clientOptions(
  sources: PortalSources & { baseUrl: string },
  profile: HttpProfile,
  context: PortalContext,
): PortalClientOptions {
  return {
    baseUrl: sources.baseUrl,
    profile,
    token: sources.token,
    timeoutMs: sources.timeoutMs,
    retry: sources.retry,
    settings: context.settings,
  };
}

/** HTTP requests of a run: every target, within one bound on requests in flight; all or nothing. */
async function fetchAll(
  sources: PortalSources & { baseUrl: string },
  months: readonly Month[],
  context: PortalContext,
  progress: (line: string) => void,
  outer?: AbortSignal,
): Promise<{ answers: PortalAnswer[]; requests: number; maxInFlight: number }> {
  const profile = httpProfile(sources.profile);
  assertSettings(profile, context);
  const targets = targetsOf(profile, months, context);
  const limiter = new Limiter(
    Math.min(sources.concurrency, profile.request.maxConcurrent ?? Number.POSITIVE_INFINITY),
  );
  // Beside the bound on requests in flight, the bound on what they bring: one for the whole run.
  const budget = new AnswerBudget(
    Math.min(sources.answerBudgetBytes ?? MAX_RUN_ANSWER_BYTES, MAX_RUN_ANSWER_BYTES),
  );
  // One progress line per month, once all of its targets are in.
  const pending = new Map<number, { left: number; pages: number; requests: number; rows: number }>();
  for (const target of targets) {
    const entry = pending.get(target.month.month) ?? { left: 0, pages: 0, requests: 0, rows: 0 };
    entry.left++;
    pending.set(target.month.month, entry);
  }
  const say = (line: string) => progress(safeLine(line, sources.token));
  const results = await mapLimited(targets, limiter.size, async (target, signal): Promise<TargetResult> => {
    const result = await fetchTarget(
      {
        ...clientOptions(sources, profile, context),
        signal: outer ? AbortSignal.any([signal, outer]) : signal,
        limiter,
        budget,
        onRetry: (what, attempt, delay) => say(SYNC_TEXT.progressRetry(what, attempt, delay)),
      },
      target,
    );
    const entry = pending.get(target.month.month);
    if (entry) {
      entry.left--;
      entry.pages += result.pages;
      entry.requests += result.requests;
      entry.rows += result.records.length;
      if (entry.left === 0) {
        const label = formatMonth(target.month);
        say(
          profile.request.per === 'month'
            ? SYNC_TEXT.progressMonth(label, entry.pages, entry.rows)
            : PORTAL_TEXT.progressUnits(label, entry.requests, entry.rows),
        );
      }
    }
    return result;
  });
  // Each request answers for its month (the whole province), or for its unit's month (per unit and month).
  const answers = targets.map(
    (target, i): PortalAnswer => ({
      source: profile.name,
      grain:
        target.unit === undefined
          ? { kind: 'month', month: target.month }
          : { kind: 'unit-month', month: target.month, agency: target.unit },
      records: results[i]?.records ?? [],
    }),
  );
  return {
    answers,
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    maxInFlight: limiter.maxActive,
  };
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
  context: PortalContext = NO_CONTEXT,
  signal?: AbortSignal,
): Promise<Gathered> {
  const named: { name: string; records: readonly PortalRecord[] }[] = [];
  const answers: PortalAnswer[] = [];
  const warnings: string[] = [];
  let requests = 0;
  let skipped = 0;
  let portalRecords = 0;
  let maxInFlight = 0;
  const baseUrl = sources.baseUrl;
  if (baseUrl !== undefined) {
    const fetched = await fetchAll({ ...sources, baseUrl }, months, context, progress, signal);
    requests = fetched.requests;
    const records = fetched.answers.flatMap((answer) => answer.records);
    portalRecords = records.length;
    maxInFlight = fetched.maxInFlight;
    named.push({ name: baseUrl, records });
    answers.push(...fetched.answers);
  }
  for (const file of sources.files) {
    const read = await readExportFile(file, sources.profile.columns);
    const inYear = read.records.filter((r) => r.year === year);
    skipped += read.records.length - inYear.length;
    progress(
      safeLine(SYNC_TEXT.progressFile(file, inYear.length, read.records.length - inYear.length), undefined),
    );
    if (read.withoutProcedure > 0)
      warnings.push(PORTAL_TEXT.rowsWithoutProcedure(file, read.withoutProcedure));
    named.push({ name: file, records: inYear });
    answers.push({ source: basename(file), grain: { kind: 'file' }, records: inYear });
  }
  assertNoOverlap(named);
  return {
    records: named.flatMap((s) => s.records),
    answers,
    months: baseUrl === undefined ? [] : [...months],
    files: sources.files.length,
    requests,
    skipped,
    portalRecords,
    maxInFlight,
    warnings,
  };
}

/** A gathering started before the workbook is read; adopted when the workbook agrees on the year. */
export interface EarlyGathering {
  readonly year: number;
  /** The result, with the progress lines said so far replayed to `progress` and later ones passed on. */
  take(progress: (line: string) => void): Promise<Gathered>;
  /** Stops it (the workbook's year differs, or the run failed); its lines are never shown. */
  cancel(): void;
}

/**
 * Starts fetching while the workbook is read, when nothing the request needs comes from the workbook: a
 * per-month profile quoting no Cấu hình parameter, and a year known beforehand (from --through). The wait
 * for the workbook and the wait for the portal then overlap instead of adding up.
 */
export function gatherEarly(
  sources: PortalSources,
  year: number,
  months: readonly Month[],
): EarlyGathering | null {
  const { request } = sources.profile;
  if (sources.baseUrl === undefined || request?.per !== 'month' || settingsUsed(sources.profile).length > 0)
    return null;
  const controller = new AbortController();
  const lines: string[] = [];
  let forward: ((line: string) => void) | null = null;
  const result = gatherPortal(
    sources,
    months,
    year,
    (line) => (forward ? forward(line) : lines.push(line)),
    NO_CONTEXT,
    controller.signal,
  );
  result.catch(() => undefined); // whoever takes it sees the failure; a cancelled one is dropped
  return {
    year,
    take: (progress) => {
      for (const line of lines.splice(0)) progress(line);
      forward = progress;
      return result;
    },
    cancel: () => controller.abort(),
  };
}
