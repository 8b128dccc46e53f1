// One sync run: read the workbook, fetch every portal month, compute with the core, then write all or nothing.
import type { Month, OutputTable, Report } from '../src/core';
import {
  buildReport,
  emptyAnswerProblems,
  formatMonth,
  formatTimestamp,
  mergePortalTab,
  monthOfInstant,
  readModel,
  syncLogRow,
  TAB,
  tableToGrid,
} from '../src/core';
import { forbidsWriting, isSyncError, oneLine, redactRow, redactTable, SyncError, translate } from './errors';
import { portalSecrets } from './portal/http';
import {
  type Gathered,
  gatherEarly,
  gatherPortal,
  type PortalSources,
  portalContext,
} from './portal/sources';
import { PORTAL_TEXT, RELIABILITY_TEXT, SYNC_TEXT } from './texts';
import { syncLogTable, type Workbook } from './workbook/workbook';

export interface RunOptions {
  readonly workbook: Workbook;
  /** Portal sources; null recomputes from the workbook alone (Dữ liệu Cổng DVC kept as it is). */
  readonly sources: PortalSources | null;
  /** --through; null follows CONTRACT.md section 4. */
  readonly through: Month | null;
  /** --lam-moi-du-lieu-cong: Dữ liệu Cổng DVC from this run alone, earlier rows dropped (contract §10.1). */
  readonly rebuildPortal?: boolean;
  readonly dryRun: boolean;
  readonly now?: () => Date;
  readonly progress?: (line: string) => void;
}

export interface RunResult {
  readonly report: Report;
  readonly months: Month[];
  /** Rows written to Dữ liệu Cổng DVC, or null when the portal was not asked. */
  readonly portalRows: number | null;
  readonly unmapped: readonly string[];
  readonly tables: OutputTable[];
  readonly durationMs: number;
  readonly location: string;
  readonly written: boolean;
  /** About this run rather than the figures' cells: said in the summary and the log row. */
  readonly warnings: readonly string[];
  readonly summary: string;
}

/**
 * Months the portal is asked for: January of Năm up to --through, else up to the current month in
 * Asia/Ho_Chi_Minh (December for a past year, none for a future one).
 */
export function monthsToFetch(year: number, through: Month | null, now: Date): Month[] {
  let last: number;
  if (through) last = through.year === year ? through.month : 0;
  else {
    const current = monthOfInstant(now) ?? { year, month: 12 };
    last = year < current.year ? 12 : year === current.year ? current.month : 0;
  }
  return Array.from({ length: last }, (_, i) => ({ year, month: i + 1 }));
}

function monthsText(months: readonly Month[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return SYNC_TEXT.noMonths;
  return months.length === 1 ? formatMonth(first) : `${formatMonth(first)}–${formatMonth(last)}`;
}

/** The error text a log row and stderr get: the SyncError's Vietnamese sentence, else a generic one. */
export function errorText(error: unknown): string {
  const translated = translate(error);
  if (translated.code === 'INTERNAL' && !isSyncError(error))
    return oneLine(SYNC_TEXT.unexpected(translated.message));
  return oneLine(translated.message);
}

export function summaryOf(result: Omit<RunResult, 'summary'>, gathered: Gathered | null): string {
  const { report } = result;
  const parts = [
    SYNC_TEXT.summaryUnits(report.summary.units, report.summary.ranked),
    !gathered
      ? SYNC_TEXT.summaryNoPortal
      : [
          gathered.months.length > 0 || gathered.files === 0
            ? SYNC_TEXT.summaryMonths(gathered.months.length, monthsText(gathered.months))
            : '',
          gathered.files > 0 ? SYNC_TEXT.summaryFiles(gathered.files) : '',
        ]
          .filter((part) => part !== '')
          .join(', '),
    result.portalRows === null ? '' : SYNC_TEXT.summaryPortalRows(result.portalRows, result.unmapped.length),
    SYNC_TEXT.summaryProblems(report.summary.errors, report.summary.warnings),
    SYNC_TEXT.summaryThrough(report.through ? formatMonth(report.through) : null),
    SYNC_TEXT.summaryDuration(result.durationMs),
  ].filter((part) => part !== '');
  const where = result.written
    ? SYNC_TEXT.summaryWritten(result.location)
    : SYNC_TEXT.summaryDryRun(result.location);
  // Contract §8.4: an empty or unmatched catalogue counts no online dossier; the summary says so too.
  const catalogue = report.problems
    .filter((problem) => problem.tab === TAB.catalogue && problem.cell === '' && problem.severity === 'error')
    .map((problem) => SYNC_TEXT.summaryCatalogue(problem.message));
  return [`${parts.join('; ')}.`, ...catalogue, ...result.warnings, where].join(' ');
}

/**
 * Fetch all → compute → write all, or write nothing. Any failure after the workbook was read appends one
 * failure row to Nhật ký đồng bộ (best effort) and is rethrown; the output tabs stay as they were.
 */
export async function runSync(options: RunOptions): Promise<RunResult> {
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? (() => undefined);
  const startedAt = now();
  const { workbook } = options;
  // Contract §10.4: one redaction for everything written, messages and cells alike, however a portal echoes.
  const secrets = portalSecrets(options.sources?.token);
  const withoutSecrets = (tables: readonly OutputTable[]) =>
    tables.map((table) => redactTable(table, secrets));
  // A workbook that cannot be written is refused before the portal is asked.
  if (!options.dryRun) await workbook.assertWritable?.();
  // With --through the year is known before the workbook is read: the portal may be asked meanwhile.
  const early =
    options.sources && options.through
      ? gatherEarly(
          options.sources,
          options.through.year,
          monthsToFetch(options.through.year, options.through, startedAt),
        )
      : null;
  const snapshot = await workbook.read().catch((error: unknown) => {
    early?.cancel();
    throw error;
  });
  let units = 0;
  let portalRows = 0;
  try {
    const model = readModel(snapshot.input, startedAt);
    const year = model.settings.year;
    units = model.units.list.length;
    if (options.through && options.through.year !== year) {
      throw new SyncError('USAGE', SYNC_TEXT.throughOutsideYear(formatMonth(options.through), year));
    }
    const months = options.sources ? monthsToFetch(year, options.through, startedAt) : [];
    let input = snapshot.input;
    let gathered: Gathered | null = null;
    let portalTable: OutputTable | null = null;
    let unmapped: readonly string[] = [];
    // Said in the summary and the log row: this run's kept-despite-empty months (also in Kiểm tra, from the
    // tab), an empty answer with nothing to keep, a rebuild.
    const runWarnings: string[] = [];
    if (options.sources) {
      const context = portalContext(snapshot.input, model);
      if (early && early.year !== year) early.cancel();
      const fetched =
        early && early.year === year
          ? await early.take(progress)
          : await gatherPortal(options.sources, months, year, progress, context);
      gathered = fetched;
      // Named per file here; Kiểm tra gets the same count from Dữ liệu Cổng DVC (core portal-checks).
      for (const warning of gathered.warnings) progress(warning);
      const merged = mergePortalTab(snapshot.input, gathered.answers, startedAt, options.rebuildPortal);
      portalTable = merged.table;
      portalRows = merged.rowCount;
      unmapped = merged.unmapped;
      input = { ...snapshot.input, portal: tableToGrid(merged.table) };
      if (options.rebuildPortal) runWarnings.push(SYNC_TEXT.rebuiltLog);
      // Kiểm tra's own warnings of the rows this run kept though answered nothing, in the same words.
      for (const problem of emptyAnswerProblems(input.portal, formatTimestamp(startedAt)))
        runWarnings.push(
          problem.unitCode === '' ? problem.message : `${problem.unitCode}: ${problem.message}`,
        );
      if (merged.keptDespiteEmpty === 0 && gathered.months.length > 0 && gathered.portalRecords === 0)
        // Nothing kept, but an empty answer for every month is still worth a word (wrong ids, wrong profile).
        runWarnings.push(PORTAL_TEXT.emptyAnswer(monthsText(gathered.months)));
    }
    const report = buildReport(input, {
      now: startedAt,
      through: options.through,
    });
    // Dữ liệu Cổng DVC (this run's, when the portal was asked), then every table the report makes.
    const tables = [...(portalTable ? [portalTable] : []), ...report.outputs];
    const elapsed = () => Math.max(0, now().getTime() - startedAt.getTime());
    if (!options.dryRun) {
      const success = () =>
        redactRow(
          syncLogRow({
            startedAt,
            result: 'success',
            units,
            portalRows,
            durationMs: elapsed(),
            error: runWarnings.length > 0 ? runWarnings.join(' ') : undefined,
          }),
          secrets,
        );
      const row = success();
      // The row travels in the write it logs: its duration is taken as late as the adapter allows (right
      // before the file is serialised or the final batch is sent), so it covers re-reading and building.
      await workbook.write(withoutSecrets([...tables, syncLogTable(snapshot.syncLog, row)]), {
        beforeCommit: () => row.splice(0, row.length, ...success()),
        // Said once, in the summary and the log row, with this run's other warnings.
        notice: (text) => runWarnings.push(text),
      });
    }
    const partial = {
      report,
      months,
      portalRows: options.sources ? portalRows : null,
      unmapped,
      tables,
      durationMs: elapsed(),
      location: workbook.location,
      written: !options.dryRun,
      warnings: runWarnings,
    };
    return { ...partial, summary: summaryOf(partial, gathered) };
  } catch (error) {
    early?.cancel();
    // Busy, lock lost, clashing tab names: writing is what is unsafe, so not even the failure row.
    if (!options.dryRun && !forbidsWriting(error)) {
      const durationMs = Math.max(0, now().getTime() - startedAt.getTime());
      const row = syncLogRow({
        startedAt,
        result: 'failure',
        units,
        portalRows: 0,
        durationMs,
        error: errorText(error),
      });
      try {
        await workbook.write(withoutSecrets([syncLogTable(snapshot.syncLog, row)]));
      } catch (logError) {
        const text = errorText(error);
        const logText = errorText(logError);
        throw new SyncError(
          translate(error).code,
          SYNC_TEXT.logFailed(text, logText === text ? RELIABILITY_TEXT.sameError : logText),
          { cause: error },
        );
      }
    }
    throw error;
  }
}
