// Child process: Sheets API requests of one sync run against the loopback Sheets fake, and the wall time of
// a full-year portal fetch against a slow loopback portal, sequential vs the job's bounded parallel fetch.
import { google } from 'googleapis';
import { parseOptions } from '../sync/options';
import { DOSSIERS_PROFILE, DVCQG_PROFILE } from '../sync/portal/profiles';
import { gatherPortal, type PortalSources } from '../sync/portal/sources';
import type { RetryPolicy } from '../sync/retry';
import { runSync } from '../sync/run';
import { GoogleSheetWorkbook, writeRequests } from '../sync/workbook/google-sheet';
import { rawRows, valueRows } from '../sync/workbook/sheets-write';
import { startFakePortal } from '../test/fakes/portal/server';
import {
  type FakeSheet,
  type FakeSheets,
  fakeSheet,
  type RecordedRequest,
  requestLabel,
  startFakeSheets,
} from '../test/fakes/sheets-api/server';
import { legacyWriteBytes } from './lib/legacy-write';
import { type BenchGrid, NOW, type Province, province, YEAR } from './lib/province';
import { emit, numberArg, spread, stringArg, timeAsyncMs } from './lib/stats';

const TOKEN = 'ya29.bench-token';
const ID = '1BenchBenchBenchBenchBenchBenchBenchBench0';
const noRetry: RetryPolicy = {
  attempts: 1,
  baseDelayMs: 1,
  maxDelayMs: 1,
  random: () => 0,
  sleep: async () => {},
};

async function workbookOn(fake: FakeSheets): Promise<GoogleSheetWorkbook> {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN });
  return new GoogleSheetWorkbook({
    spreadsheetId: ID,
    auth,
    rootUrl: fake.rootUrl,
    retry: noRetry,
    timeoutMs: 120_000,
    secrets: [TOKEN],
  });
}

/** A tab of the province, with empty columns deleted, as an owner does to stay under the 10,000,000-cell limit. */
function bigFakeSheet(sheetId: number, title: string, rows: BenchGrid): FakeSheet {
  const sheet = fakeSheet(sheetId, title, rows);
  sheet.columnCount = Math.max(1, rows[0]?.length ?? 1);
  return sheet;
}

function sheetsOf(p: Province) {
  return startFakeSheets({
    token: TOKEN,
    spreadsheet: {
      spreadsheetId: ID,
      locale: 'vi_VN',
      sheets: Object.entries(p.tabs).map(([title, rows], i) => bigFakeSheet(i, title, rows)),
    },
  });
}

/** Portal items of the default profile: one procedure row per unit code in `agencies`, per month. */
function portalItems(agencies: readonly string[]) {
  return (year: number, month: number) =>
    agencies.map((agencyCode, a) => ({
      agencyCode,
      procedureCode: a % 4 === 0 ? '9.999999' : '1.004227',
      year,
      month,
      resolvedCount: 30 + ((a * 13 + month) % 70),
      resolvedOnlineCount: (a + month) % 30,
    }));
}

const unitCodes = (p: Province) => (p.tabs['Đơn vị'] ?? []).slice(1).map((row) => String(row[0]));

function sources(url: string, concurrency: number): PortalSources {
  return {
    baseUrl: url,
    profile: DOSSIERS_PROFILE,
    files: [],
    timeoutMs: 30_000,
    retry: noRetry,
    concurrency,
  };
}

interface SheetsRun {
  readonly requests: number;
  readonly labels: string[];
  /** batchUpdates sent (staging ones included). */
  readonly writes: number;
  /** Largest request body sent, in bytes. */
  readonly maxBytes: number;
  /** The compact write of the run's tables (values per cell, formats per range), as one body, in bytes. */
  readonly writeBytes: number;
  /** The same tables as the write was before: a format on every cell. */
  readonly legacyBytes: number;
  /** The tables' values as a staged write sends them: RAW arrays (values.batchUpdate). */
  readonly rawBytes: number;
  /** The same values as CellData rows, as staging batches sent them before RAW. */
  readonly cellDataBytes: number;
  readonly error: string | null;
  readonly ms: number;
}

const label = requestLabel;
const bytesOf = (r: RecordedRequest) =>
  typeof r.bytes === 'number' ? r.bytes : Buffer.byteLength(JSON.stringify(r.body ?? ''), 'utf8');

/** One run into a fresh Sheets fake; a refused run is recorded with its error code, not thrown. */
async function sheetsRun(p: Province, portalUrl: string | null): Promise<SheetsRun> {
  const fake = await sheetsOf(p);
  try {
    const workbook = await workbookOn(fake);
    const options = {
      workbook,
      sources: portalUrl ? sources(portalUrl, 4) : null,
      through: null,
      now: () => NOW,
    };
    let error: string | null = null;
    const ms = await timeAsyncMs(() =>
      runSync({ ...options, dryRun: false }).catch((e: unknown) => {
        // The code and the job's own sentence, so a refusal says which limit it met.
        const { code, message } = e as { code?: string; message?: string };
        error = code ? `${code} (${message ?? ''})` : String(e);
        if (process.env.BENCH_DEBUG) {
          for (let c: unknown = e; c instanceof Error; c = (c as { cause?: unknown }).cause)
            console.error(`${c.name}: ${c.message.slice(0, 300)} ${(c as { code?: string }).code ?? ''}`);
        }
      }),
    );
    const requests = [...fake.requests];
    // The same run's tables again (dry run: reads, writes nothing) to size the write as one body.
    let writeBytes = Number.NaN;
    let legacyBytes = Number.NaN;
    let rawBytes = Number.NaN;
    let cellDataBytes = Number.NaN;
    try {
      const dry = await runSync({ ...options, workbook: await workbookOn(fake), dryRun: true });
      writeBytes = Buffer.byteLength(JSON.stringify({ requests: writeRequests(dry.tables, []) }), 'utf8');
      legacyBytes = legacyWriteBytes(dry.tables);
      const json = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
      rawBytes = dry.tables.reduce((sum, table) => sum + json(rawRows(table)), 0);
      cellDataBytes = dry.tables.reduce((sum, table) => sum + json(valueRows(table)), 0);
    } catch {
      // Sizing is informative only; the run's own outcome is recorded above.
    }
    return {
      requests: requests.length,
      labels: requests.map(label),
      writes: requests.filter((r) => r.method === 'POST').length,
      maxBytes: Math.max(0, ...requests.map(bytesOf)),
      writeBytes,
      legacyBytes,
      rawBytes,
      cellDataBytes,
      error,
      ms,
    };
  } finally {
    await fake.close();
  }
}

/** Requests of a run from the workbook alone and of a run that also fetches the portal's 12 months. */
async function requests(size: number, runs: number) {
  const p = province(size);
  const recompute: SheetsRun[] = [];
  const withPortal: SheetsRun[] = [];
  const portal = await startFakePortal({ items: portalItems(unitCodes(p).filter((_, i) => i % 3 === 1)) });
  try {
    for (let i = 0; i < runs; i++) {
      recompute.push(await sheetsRun(p, null));
      withPortal.push(await sheetsRun(p, portal.url));
    }
  } finally {
    await portal.close();
  }
  const summary = (list: SheetsRun[]) => ({
    requests: spread(list.map((r) => r.requests)),
    time: spread(list.map((r) => r.ms)),
    writes: spread(list.map((r) => r.writes)),
    writeBytes: spread(list.map((r) => r.writeBytes)),
    legacyBytes: spread(list.map((r) => r.legacyBytes)),
    rawBytes: spread(list.map((r) => r.rawBytes)),
    cellDataBytes: spread(list.map((r) => r.cellDataBytes)),
    maxBytes: spread(list.map((r) => r.maxBytes)),
    errors: [...new Set(list.map((r) => r.error).filter((e): e is string => e !== null))],
    labels: list[list.length - 1]?.labels ?? [],
  });
  return { size, recompute: summary(recompute), withPortal: summary(withPortal) };
}

/**
 * A full year (12 months, 3 pages each, 100 ms per page) synced (--dry-run) for a 2,000-unit Google Sheet
 * fake, with the given number of months fetched at once.
 */
async function portalWallTime(concurrency: number, runs: number) {
  const p = province(2000);
  const agencies = unitCodes(p).slice(0, 1500); // 1,500 rows a month = 3 pages of the contract's 500
  const times: number[] = [];
  let pages = 0;
  let maxInFlight = 0;
  for (let i = 0; i < runs; i++) {
    const portal = await startFakePortal({ items: portalItems(agencies), delayMs: 100, serverPageSize: 500 });
    const fake = await sheetsOf(p);
    try {
      const workbook = await workbookOn(fake);
      times.push(
        await timeAsyncMs(() =>
          runSync({
            workbook,
            sources: sources(portal.url, concurrency),
            through: { year: YEAR, month: 12 },
            // Fetch and compute, no write: the write is measured apart (see requests).
            dryRun: true,
            now: () => NOW,
          }),
        ),
      );
      pages = portal.requests.length;
      maxInFlight = portal.maxInFlight();
    } finally {
      await portal.close();
      await fake.close();
    }
  }
  // The fetch alone (no workbook, no compute), to see the client's own share of the wall time.
  const fetchTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const portal = await startFakePortal({ items: portalItems(agencies), delayMs: 100, serverPageSize: 500 });
    try {
      const months = Array.from({ length: 12 }, (_, m) => ({ year: YEAR, month: m + 1 }));
      fetchTimes.push(
        await timeAsyncMs(() => gatherPortal(sources(portal.url, concurrency), months, YEAR, () => {})),
      );
    } finally {
      await portal.close();
    }
  }
  return { concurrency, pages, maxInFlight, time: spread(times), fetch: spread(fetchTimes) };
}

/**
 * The dvcqg profile for a 163-unit province (after the 2025 reform: province departments and communes), all
 * 12 months: one request per unit and month, 100 ms each, with the default concurrency and with 12 asked.
 */
async function dvcqgYear(concurrency: number, runs: number) {
  const units = Array.from({ length: 163 }, (_, i) => String(10_000 + i));
  const times: number[] = [];
  let requests = 0;
  let maxInFlight = 0;
  let records = 0;
  for (let i = 0; i < runs; i++) {
    const portal = await startFakePortal({
      shape: {
        kind: 'dvcqg',
        rows: (_year, month, unit) => [
          { HS_TOTAL: String(40 + ((Number(unit) + month) % 60)), HTN_TRUCTUYEN_TOTAL: String(month % 30) },
        ],
      },
      delayMs: 100,
    });
    try {
      const months = Array.from({ length: 12 }, (_, m) => ({ year: YEAR, month: m + 1 }));
      const source: PortalSources = { ...sources(portal.url, concurrency), profile: DVCQG_PROFILE };
      let gathered: Awaited<ReturnType<typeof gatherPortal>> | null = null;
      times.push(
        await timeAsyncMs(async () => {
          gathered = await gatherPortal(source, months, YEAR, () => {}, {
            settings: new Map([['mã tỉnh trên cổng dvc quốc gia', '11358']]),
            unitCodes: units,
          });
        }),
      );
      requests = portal.requests.length;
      maxInFlight = portal.maxInFlight();
      records = (gathered as { records: unknown[] } | null)?.records.length ?? 0;
    } finally {
      await portal.close();
    }
  }
  return { units: units.length, concurrency, requests, records, maxInFlight, time: spread(times) };
}

async function main() {
  const runs = numberArg('runs', 3);
  if (stringArg('mode') === 'portal') {
    // The job's own default, as `npm run sync` uses it without --concurrency.
    const defaultConcurrency = (parseOptions(['--workbook', 'bench.xlsx']) as { concurrency: number })
      .concurrency;
    const sequential = await portalWallTime(1, Math.max(1, runs - 2));
    const parallel = await portalWallTime(defaultConcurrency, runs);
    // --dvcqg 0 skips the two ~50 s dvcqg years (while working on the year fetch alone).
    const dvcqgRuns = numberArg('dvcqg', 1);
    const dvcqg = await dvcqgYear(defaultConcurrency, dvcqgRuns);
    const dvcqgAsked12 = await dvcqgYear(12, dvcqgRuns);
    emit({ sequential, parallel, dvcqg, dvcqgAsked12 });
  } else {
    emit(await requests(numberArg('size', 200), runs));
  }
}

main().catch((error: unknown) => {
  // The innermost cause says what really failed (googleapis wraps fetch's own error twice).
  const chain: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = (e as { cause?: unknown }).cause)
    chain.push(`${e.name}: ${e.message.slice(0, 300)} ${(e as { code?: string }).code ?? ''}`);
  console.error(chain.join('\n  caused by '));
  process.exit(1);
});
