// Recompute: lock, one read per input tab, the core's report, one write per output tab, colours, chart, toast.
import {
  ADDIN_LIMIT_TEXT,
  ADDIN_TEXT,
  buildReport,
  COL,
  fold,
  headerRowIndex,
  type OutputTable,
  type Report,
  readModel,
  TAB,
} from '../core';
import { alertUser, describeError, toastUser, withDocumentLock } from './feedback';
import { activeEmail, decideAccess, ownerEmail } from './permissions';
import {
  cellsAfterWrite,
  columnOf,
  readInputs,
  SPREADSHEET_CELL_LIMIT,
  sheetFor,
  type Tabs,
  tabsOf,
  writeTable,
} from './sheet-io';
import { colourStatuses, drawOverviewChart } from './styling';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Most problems listed in the alert a unit clerk gets from Kiểm tra số liệu. */
const OWN_PROBLEMS_SHOWN = 15;

/** `all`: every output tab (menu Tính lại tỷ lệ và xếp hạng); `problems`: Kiểm tra only (Kiểm tra số liệu). */
export type RecomputeScope = 'all' | 'problems';

export function recompute(scope: RecomputeScope): void {
  const email = activeEmail();
  if (email === '') {
    alertUser(ADDIN_TEXT.noEmail);
    return;
  }
  withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const tabs = tabsOf(spreadsheet);
    const input = readInputs(tabs);
    const now = new Date();
    // Everything is computed before the first write, so a failure here leaves every tab as it was.
    const report = buildReport(input, { now });
    const access = decideAccess(email, ownerEmail(spreadsheet), report.settings.admins);
    if (!access.allowed) {
      if (scope === 'problems')
        showOwnProblems(report, readModel(input, now).units.list, email, access.message);
      else alertUser(access.message);
      return;
    }
    const { ratio, ranking, overview, reconciliation, problems } = report.tables;
    // Sheets refuses a write past its cell limit midway: check the whole run before the first write.
    const cells = cellsAfterWrite(
      tabs,
      scope === 'all' ? [ratio, ranking, reconciliation, problems, overview] : [problems],
    );
    if (cells > SPREADSHEET_CELL_LIMIT) {
      alertUser(
        ADDIN_LIMIT_TEXT.cellLimit(
          ADDIN_LIMIT_TEXT.thousands(cells),
          ADDIN_LIMIT_TEXT.thousands(SPREADSHEET_CELL_LIMIT),
        ),
      );
      return;
    }
    if (scope === 'all') writeAll(spreadsheet, tabs, report);
    else {
      const written = writeOutput(spreadsheet, tabs, problems);
      decorate(() => colourOutput(written));
    }
    const { units, errors, warnings } = report.summary;
    toastUser(
      spreadsheet,
      scope === 'all' ? ADDIN_TEXT.recomputed(units, errors, warnings) : ADDIN_TEXT.checked(errors, warnings),
    );
  });
}

function writeAll(spreadsheet: Spreadsheet, tabs: Tabs, report: Report): void {
  const { ratio, ranking, overview, reconciliation, problems } = report.tables;
  const written = [ratio, ranking, reconciliation, problems, overview].map((table) =>
    writeOutput(spreadsheet, tabs, table),
  );
  // Colours and the chart come after every tab's values: a decoration that fails never stops a write.
  for (const tab of written) decorate(() => colourOutput(tab));
  const overviewTab = written[written.length - 1] as WrittenTab;
  decorate(() =>
    drawOverviewChart(
      overviewTab.sheet,
      overview,
      headerRowIndex(overview) + 1,
      report.year,
      report.settings.classification,
    ),
  );
}

/** One output tab: whole content in one write, formats, and colours where it has a status column. */
interface WrittenTab {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly table: OutputTable;
  readonly firstDataRow: number;
  readonly rows: number;
}

/** One output tab: whole content in one write, with its number formats. */
function writeOutput(spreadsheet: Spreadsheet, tabs: Tabs, table: OutputTable): WrittenTab {
  const sheet = sheetFor(spreadsheet, table.tab, tabs);
  const { firstDataRow, rows } = writeTable(sheet, table);
  return { sheet, table, firstDataRow, rows };
}

/** Status colours on a tab that has a status column (every output tab but Tổng hợp). */
function colourOutput({ sheet, table, firstDataRow, rows }: WrittenTab): void {
  if (table.tab !== TAB.overview) colourStatuses(sheet, table, firstDataRow, rows);
}

/** Runs a cosmetic step; its failure is logged, not shown, since the figures are already written. */
function decorate(step: () => void): void {
  try {
    step();
  } catch (error) {
    console.warn(`Dịch vụ công: ${describeError(error)}`);
  }
}

/**
 * A unit clerk who asks to check figures gets the problems of the units whose Email nhập liệu lists
 * them, in an alert; nothing in the sheet changes. Anyone else gets the refusal.
 */
function showOwnProblems(
  report: Report,
  units: readonly { code: string; editors: readonly string[] }[],
  email: string,
  refusal: string,
): void {
  const own = new Set(units.filter((unit) => unit.editors.includes(email)).map((unit) => fold(unit.code)));
  if (own.size === 0) {
    alertUser(refusal);
    return;
  }
  const table = report.tables.problems;
  const text = (row: readonly unknown[], name: string): string =>
    String(row[columnOf(table.header, name)] ?? '');
  const mine = table.rows.filter((row) => own.has(fold(text(row, COL.unitCode))));
  if (mine.length === 0) {
    alertUser(ADDIN_TEXT.ownProblemsNone);
    return;
  }
  const lines = mine
    .slice(0, OWN_PROBLEMS_SHOWN)
    .map((row) =>
      ADDIN_TEXT.ownProblemLine(
        text(row, COL.tab),
        text(row, COL.cell),
        text(row, COL.month),
        text(row, COL.message),
      ),
    );
  if (mine.length > OWN_PROBLEMS_SHOWN)
    lines.push(ADDIN_TEXT.ownProblemsMore(mine.length - OWN_PROBLEMS_SHOWN));
  alertUser(ADDIN_TEXT.ownProblems(mine.length, lines.join('\n')));
}
