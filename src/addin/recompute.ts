// Recompute: lock, one layout read, one read per input tab, the core's report, one atomic write of every output tab, then colours and chart.
import {
  ADDIN_LIMIT_TEXT,
  ADDIN_WRITE_TEXT,
  blockingMarker,
  buildReport,
  fold,
  formatTimestamp,
  judgeMarker,
  newWriteMarker,
  type OutputTable,
  type Report,
  readModel,
} from '../core';
import { SHEETS_LIMITS } from '../sheets/limits';
import { alertUser, describeError, toastUser, withDocumentLock } from './feedback';
import { localeWarning } from './locale';
import { tabPlan } from './ownership';
import { decideAccess, ownerEmail } from './permissions';
import { readyToWrite } from './preconditions';
import { readInputs } from './sheet-io';
import {
  cellsAfterWrite,
  decorationRequests,
  figureBatches,
  place,
  readLayout,
  removeMarker,
} from './sheets-api';
import { ADDIN_TEXT, ROLLOUT_TEXT } from './texts';

/** Most problems listed in the alert a unit clerk gets from Kiểm tra số liệu. */
const OWN_PROBLEMS_SHOWN = 15;

/** `all`: every output tab (menu Tính lại tỷ lệ và xếp hạng); `problems`: Kiểm tra only (Kiểm tra số liệu). */
export type RecomputeScope = 'all' | 'problems';

/**
 * A fixed number of round trips while the write fits one 10 MiB request (23 for an administrator, counted by
 * the bench: the granted scopes, the user and their e-mail, the lock taken and released, the spreadsheet and
 * its id, one layout read, one getSheets, two per input tab, one batchUpdate for the figures, one for
 * colours and chart, the toast; the owner's e-mail costs two more for anyone else).
 */
export function recompute(scope: RecomputeScope, identify = true): void {
  // Without the e-mail scope (Kiểm tra số liệu does not need it) the person stays unknown: problems only.
  const ready = readyToWrite(identify);
  if (!ready) return;
  const { email, api } = ready;
  withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const spreadsheetId = spreadsheet.getId();
    const layout = readLayout(api, spreadsheetId);
    const localeNote = localeWarning(layout);
    if (localeNote) alertUser(localeNote);
    const input = readInputs(spreadsheet, layout);
    const now = new Date();
    // Everything is computed before the first write, so a failure here leaves every tab as it was.
    const report = buildReport(input, { now });
    const admins = report.settings.admins;
    // The owner is looked up only for someone who is not an administrator (two round trips saved).
    const owner = admins.includes(email) ? '' : ownerEmail(spreadsheet);
    const access = decideAccess(email, owner, admins);
    if (!access.allowed) {
      if (scope === 'problems')
        showOwnProblems(report, readModel(input, now).units.list, identify ? email : null, access.message);
      else alertUser(access.message);
      return;
    }
    // Every output table the core defines (a new one needs no change here), or Kiểm tra alone.
    const tables: readonly OutputTable[] = scope === 'all' ? report.outputs : [report.tables.problems];
    // Only the product's tabs are written (contract 10.2): an office's own `Báo cáo`, or a `TỔNG HỢP` that
    // Sheets would refuse a `Tổng hợp` beside, stops the recompute before any call that writes.
    const plan = tabPlan(
      spreadsheet,
      layout,
      tables.map((table) => table.tab),
    );
    if (plan.refusal) {
      alertUser(plan.refusal);
      return;
    }
    const placements = place(layout, tables, plan);
    // Sheets refuses a write past its cell limit: check the whole run before writing.
    const cells = cellsAfterWrite(layout, placements);
    if (cells > SHEETS_LIMITS.cells) {
      alertUser(
        ADDIN_LIMIT_TEXT.cellLimit(
          ADDIN_LIMIT_TEXT.thousands(cells),
          ADDIN_LIMIT_TEXT.thousands(SHEETS_LIMITS.cells),
        ),
      );
      return;
    }
    // The nightly sync is writing: write nothing rather than mix tabs of two runs.
    const syncing = blockingMarker(
      layout.markers.map((marker) => marker.value),
      'addin',
      now,
    );
    if (syncing) {
      alertUser(ADDIN_WRITE_TEXT.syncWriting(formatTimestamp(new Date(syncing.until))));
      return;
    }
    const runId = `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const markerId = 1 + Math.floor(Math.random() * 2_000_000_000);
    // Markers no writer may trust (a forged "until 9999", junk) block no one and go with this write.
    const stale = layout.markers
      .filter((marker) => judgeMarker(marker.value, now).state === 'stale')
      .map((marker) => marker.id);
    // One atomic batch: every output tab changes at once, or none does (several only past 10 MiB).
    const batches = figureBatches(placements, newWriteMarker('addin', runId, now), markerId, stale);
    batches.forEach((requests, index) => {
      try {
        api.Spreadsheets.batchUpdate({ requests }, spreadsheetId);
      } catch (error) {
        // A later batch failed: take the marker away at once rather than block the sync until it expires.
        if (index > 0)
          decorate(() => api.Spreadsheets.batchUpdate({ requests: [removeMarker(markerId)] }, spreadsheetId));
        throw error;
      }
    });
    // Colours and the chart come after the figures: a decoration that fails never stops a recompute.
    decorate(() =>
      api.Spreadsheets.batchUpdate(
        { requests: decorationRequests(placements, report.year, report.settings.classification) },
        spreadsheetId,
      ),
    );
    const { units, errors, warnings } = report.summary;
    const removed = stale.length > 0 ? ADDIN_WRITE_TEXT.staleMarkersRemoved(stale.length) : '';
    if (removed) console.warn(`Dịch vụ công: ${removed}`);
    const done =
      scope === 'all' ? ADDIN_TEXT.recomputed(units, errors, warnings) : ADDIN_TEXT.checked(errors, warnings);
    toastUser(spreadsheet, removed ? `${done} ${removed}` : done);
  });
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
 * them, in an alert; nothing in the sheet changes. Anyone else gets the refusal. Someone who did not let
 * the add-in see their e-mail (`email` null) gets the problems of every unit, which Kiểm tra shows anyway.
 */
function showOwnProblems(
  report: Report,
  units: readonly { code: string; editors: readonly string[] }[],
  email: string | null,
  refusal: string,
): void {
  const own = new Set(
    units.filter((unit) => email === null || unit.editors.includes(email)).map((unit) => fold(unit.code)),
  );
  if (own.size === 0) {
    alertUser(refusal);
    return;
  }
  const mine = report.problems.filter((problem) => email === null || own.has(fold(problem.unitCode)));
  if (mine.length === 0) {
    alertUser(email === null ? ADDIN_TEXT.checked(0, 0) : ADDIN_TEXT.ownProblemsNone);
    return;
  }
  const lines = mine
    .slice(0, OWN_PROBLEMS_SHOWN)
    .map((problem) => ADDIN_TEXT.ownProblemLine(problem.tab, problem.cell, problem.month, problem.message));
  if (mine.length > OWN_PROBLEMS_SHOWN)
    lines.push(ADDIN_TEXT.ownProblemsMore(mine.length - OWN_PROBLEMS_SHOWN));
  const intro = email === null ? `${ROLLOUT_TEXT.noEmailScope}\n\n` : '';
  alertUser(intro + ADDIN_TEXT.ownProblems(mine.length, lines.join('\n')));
}
