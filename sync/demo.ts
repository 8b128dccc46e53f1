// npm run demo: a bundled example province → out/<province>.xlsx through the real sync, offline, no credentials.
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { EXAMPLES, isExampleName, loadExample, repoRoot } from '../examples';
import type { Grid, OutputTable, RankingRow } from '../src/core';
import { GROUP, percentText, STATUS, TAB } from '../src/core';
import { SYNC_DEFAULTS } from './defaults';
import { exitCodeOf, oneLine, SyncError } from './errors';
import { DOSSIERS_PROFILE } from './portal/profiles';
import { DEFAULT_RETRY } from './retry';
import { errorText, runSync } from './run';
import { SYNC_TEXT } from './texts';
import { INPUT_TABS } from './workbook/workbook';
import { saveAtomically, writeRows, XlsxWorkbook } from './workbook/xlsx';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Units shown per ranking scope: three for the province-wide groups, one for each district's communes. */
const TOP = 3;
const TOP_IN_DISTRICT = 1;

/** An input grid as a tab: its first row is the header. */
function tableOfGrid(tab: string, grid: Grid): OutputTable {
  const [header = [], ...rows] = grid;
  return {
    tab: tab as OutputTable['tab'],
    title: [],
    header: header.map((cell) => String(cell ?? '')),
    rows: rows.map((row) => [...row]),
    formats: [],
  };
}

/** The example's input tabs written into a fresh .xlsx, as a province would have typed them. */
async function createWorkbook(path: string, input: Record<string, Grid | undefined>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dvc-sync demo';
  const keyOf: Record<string, string> = {
    [TAB.settings]: 'settings',
    [TAB.units]: 'units',
    [TAB.entries]: 'entries',
    [TAB.catalogue]: 'catalogue',
  };
  for (const { tab, header } of INPUT_TABS) {
    const grid = input[keyOf[tab] ?? ''] ?? [[...header]];
    writeRows(workbook.addWorksheet(tab), tableOfGrid(tab, grid));
  }
  rmSync(path, { force: true });
  await saveAtomically(workbook, path);
}

const percent = (ratio: number | null): string => (ratio === null ? '' : percentText(ratio));

/** The first units of each ranking scope, as lines. */
function rankingTop(ranking: readonly RankingRow[]): string[] {
  const lines: string[] = [];
  const shown = new Map<string, number>();
  for (const row of ranking) {
    const count = shown.get(row.scope) ?? 0;
    if (count === 0) lines.push(`  ${row.scope}`);
    if (count < (row.scope.startsWith(`${GROUP.commune} - `) ? TOP_IN_DISTRICT : TOP)) {
      lines.push(
        `    ${String(row.rank ?? '').padStart(2)}. ${row.name}: ${percent(row.ratio)} (${SYNC_TEXT.demoTarget} ${percent(row.target)}, ${STATUS[row.status]})`,
      );
    }
    shown.set(row.scope, count + 1);
  }
  return lines;
}

async function main(): Promise<void> {
  let values: { province?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        province: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new SyncError('USAGE', SYNC_TEXT.badArguments((error as Error).message));
  }
  if (values.help) {
    out(SYNC_TEXT.demoHelp(EXAMPLES));
    return;
  }
  const province = values.province ?? EXAMPLES[0] ?? 'hoa-binh-2020';
  if (!isExampleName(province)) throw new SyncError('USAGE', SYNC_TEXT.demoUnknown(province, EXAMPLES));
  const example = loadExample(province);
  const root = repoRoot();
  // --out: another folder than the repository's out/ (the tests write into a temporary one).
  const folder = values.out ? resolve(values.out) : join(root, 'out');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${province}.xlsx`);
  out(SYNC_TEXT.demoStart(example.title));
  await createWorkbook(path, example.input as Record<string, Grid | undefined>);
  const workbook = new XlsxWorkbook(path);
  const result = await runSync({
    workbook,
    sources: {
      profile: DOSSIERS_PROFILE,
      files: [example.portalExportFile],
      timeoutMs: SYNC_DEFAULTS.timeoutSeconds * 1000,
      retry: DEFAULT_RETRY,
      concurrency: SYNC_DEFAULTS.concurrency,
    },
    through: null,
    dryRun: false,
    progress: (line) => out(line.replace(root, '.')),
  });
  out(result.summary.replace(root, '.'));
  const { errors, warnings } = result.report.summary;
  if (errors + warnings > 0)
    out(
      SYNC_TEXT.demoPlanted(
        errors,
        warnings,
        // From the repository's root, where a reader of the demo opens it.
        join('examples', 'README.md'),
        TAB.problems,
      ),
    );
  out('');
  out(SYNC_TEXT.demoWritten(relative(process.cwd(), path) || path));
  if (workbook.chartPath) out(SYNC_TEXT.chartWritten(relative(process.cwd(), workbook.chartPath)));
  out(SYNC_TEXT.demoRankingTitle);
  for (const line of rankingTop(result.report.rows.ranking)) out(line);
}

main().catch((error: unknown) => {
  process.stderr.write(`${oneLine(`${SYNC_TEXT.errorPrefix}: ${errorText(error)}`)}\n`);
  // A wrong option: how to call it, as the sync does (exit 2, documented in README).
  if (exitCodeOf(error) === 2) out(SYNC_TEXT.demoHelp(EXAMPLES));
  process.exitCode = exitCodeOf(error) || 1;
});
