// npm run sync: thin entry that wires options to the run, prints progress and the summary, and sets the exit code.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exitCodeOf, oneLine, reasonOf, SyncError, translate } from './errors';
import { importIntoSheet } from './import';
import { type CliOptions, parseOptions } from './options';
import { BUILT_IN_NAMES } from './portal/profiles';
import type { PortalSources } from './portal/sources';
import { preflight } from './preflight';
import { DEFAULT_RETRY } from './retry';
import { errorText, runSync } from './run';
import { abortableSleep, type LockGuard, lockPathOf, runDaily, withLock } from './schedule';
import { SYNC_ROLLOUT_TEXT, SYNC_TEXT } from './texts';
import { GoogleSheetWorkbook } from './workbook/google-sheet';
import { type OpenOptions, openWorkbook } from './workbook/open';
import type { Workbook } from './workbook/workbook';
import { chartPathOf, XlsxWorkbook } from './workbook/xlsx';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const errorLine = (error: unknown): string =>
  oneLine(`${SYNC_TEXT.errorPrefix} [${translate(error).code}]: ${errorText(error)}`);

/** A local workbook's folder must exist: said plainly before the lock beside the file is attempted. */
function assertFolderExists(options: CliOptions): void {
  if (options.workbook.kind !== 'xlsx') return;
  const folder = dirname(resolve(options.workbook.path));
  if (!existsSync(folder)) throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxNoFolder(folder));
}

/**
 * DVC_TEST_ANSWER_BUDGET_BYTES, for tests only: a lower bound on the portal answers a run holds, so the
 * refusal past 512 MiB can be tried with a few megabytes. It can only lower the bound (sources caps it).
 */
function testAnswerBudget(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.DVC_TEST_ANSWER_BUDGET_BYTES?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The workbook whose every write first makes sure this run still holds the lock. */
function guarded(workbook: Workbook, guard: LockGuard): Workbook {
  return {
    location: workbook.location,
    read: () => workbook.read(),
    write: async (tables, options) => {
      await guard.assertHeld();
      await workbook.write(tables, options);
    },
  };
}

/** How the workbook is opened: the run's retries and time-out, progress on stdout. */
function openOptionsOf(options: CliOptions, env: NodeJS.ProcessEnv): OpenOptions {
  return {
    env,
    retry: { ...DEFAULT_RETRY, attempts: options.retries + 1 },
    timeoutMs: options.timeoutMs,
    now: () => new Date(),
    onRetry: (what, attempt, delayMs) => out(SYNC_TEXT.progressRetry(what, attempt, delayMs)),
  };
}

/** The portal sources of the options (--portal, --portal-file), or null when the run recomputes only. */
function sourcesOf(options: CliOptions, env: NodeJS.ProcessEnv): PortalSources | null {
  if (options.portal === undefined && options.portalFiles.length === 0) return null;
  return {
    baseUrl: options.portal,
    profile: options.profile,
    token: env.PORTAL_TOKEN?.trim() || undefined,
    files: options.portalFiles,
    timeoutMs: options.timeoutMs,
    retry: { ...DEFAULT_RETRY, attempts: options.retries + 1 },
    concurrency: options.concurrency,
    answerBudgetBytes: testAnswerBudget(env),
  };
}

/** One sync of the workbook, holding its lock unless nothing is written. */
async function syncOnce(options: CliOptions, env: NodeJS.ProcessEnv): Promise<void> {
  assertFolderExists(options);
  const workbook = await openWorkbook(options.workbook, openOptionsOf(options, env));
  const sources = sourcesOf(options, env);
  const run = (guard?: LockGuard) =>
    runSync({
      workbook: guard ? guarded(workbook, guard) : workbook,
      sources,
      through: options.through,
      rebuildPortal: options.rebuildPortal,
      dryRun: options.dryRun,
      progress: out,
    });
  // A workbook that cannot be written (read-only file or folder) is refused before the lock beside it.
  if (!options.dryRun) await workbook.assertWritable?.();
  const result = options.dryRun ? await run() : await withLock(lockPathOf(options.workbook), run);
  out(result.summary);
  if (result.written && workbook instanceof XlsxWorkbook && workbook.created)
    out(SYNC_TEXT.xlsxCreated(workbook.location));
  if (result.written && workbook instanceof XlsxWorkbook && workbook.chartPath)
    out(SYNC_TEXT.chartWritten(workbook.chartPath));
  if (result.written && workbook instanceof XlsxWorkbook && workbook.chartEmpty) out(SYNC_TEXT.chartEmpty);
  // The workbook is saved (the chart inside Tổng hợp too): a missing PNG beside it is said, not a failure.
  if (result.written && workbook instanceof XlsxWorkbook && workbook.chartError)
    out(
      oneLine(
        SYNC_TEXT.chartNotDrawn(
          chartPathOf(workbook.location),
          reasonOf(workbook.chartError) ?? workbook.chartError,
        ),
      ),
    );
  if (workbook instanceof GoogleSheetWorkbook) out(SYNC_TEXT.googleRequests(workbook.requests));
}

/**
 * --import: the .xlsx's input tabs into the Google Sheet (one atomic batch, under the workbook's lock), then
 * an ordinary sync of the Sheet, so its output tabs are computed from what was copied.
 */
async function importThenRecompute(options: CliOptions, from: string, env: NodeJS.ProcessEnv): Promise<void> {
  const sheet = (await openWorkbook(options.workbook, openOptionsOf(options, env))) as GoogleSheetWorkbook;
  const done = await withLock(lockPathOf(options.workbook), (guard) =>
    importIntoSheet(from, sheet, options.overwrite, () => guard.assertHeld()),
  );
  out(done);
  out(SYNC_TEXT.googleRequests(sheet.requests));
  out(SYNC_ROLLOUT_TEXT.importRecompute);
  await syncOnce(options, env);
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (error) {
    // A first run with missing or wrong options: the problem (the one stderr line of the contract), then
    // what to type, on stdout.
    err(errorLine(error));
    out(SYNC_TEXT.usageExample);
    return exitCodeOf(error);
  }
  if (options.help) {
    out(SYNC_TEXT.help(BUILT_IN_NAMES));
    return 0;
  }
  const cli = options as CliOptions;
  if (cli.importFrom !== null) {
    await importThenRecompute(cli, cli.importFrom, env);
    return 0;
  }
  if (cli.check || cli.daily) {
    // Checked now, not at the first night: a wrong path, a read-only file, refused credentials, an account
    // that may not write or a portal that does not answer exit at once with the night's code.
    out(
      await preflight(cli.workbook, {
        ...openOptionsOf(cli, env),
        sources: sourcesOf(cli, env),
        waiting: !cli.check,
      }),
    );
  }
  if (cli.check) return 0;
  if (!cli.daily) {
    await syncOnce(cli, env);
    return 0;
  }
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
  await runDaily(cli.daily, () => syncOnce(cli, env), {
    now: () => new Date(),
    sleep: abortableSleep,
    log: (line) => (line.startsWith(SYNC_TEXT.nightFailedPrefix) ? err(line) : out(line)),
    signal: stop.signal,
  });
  out(SYNC_TEXT.stopped);
  return 0;
}

let settled = false;
// A run whose work never settles (a promise nobody resolves) would let Node exit 0 in silence: a night that
// did nothing would look like a success. The event loop running dry before main settles is a failure.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  err(SYNC_TEXT.unfinished);
  process.exitCode = 1;
});
main(process.argv.slice(2), process.env).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    err(errorLine(error));
    process.exitCode = exitCodeOf(translate(error));
  },
);
