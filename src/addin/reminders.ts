// Reminders: one Vietnamese e-mail per unit that has no figures for a month others reported, within the mail quota, each logged in Nhật ký nhắc nhở.
import {
  ADDIN_WRITE_TEXT,
  addMonths,
  buildReport,
  type Cell,
  formatTimestamp,
  lastDay,
  monthsText,
  REMINDER_LOG_FORMATS,
  REMINDER_LOG_HEADER,
  REMINDER_LOG_LIMIT,
  type Reminder,
  type Report,
  readTable,
  TAB,
  type TabPlan,
} from '../core';
import { alertUser, describeError, LOCK_WAIT_MS, withDocumentLock } from './feedback';
import { tabMaker, tabPlan } from './ownership';
import { activeEmail, decideAccess, ownerEmail } from './permissions';
import { padGrid, readInputs, toSheetValue } from './sheet-io';
import { type Layout, readLayout, sheetsService } from './sheets-api';
import { REMINDER_TEXT } from './texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's handler, by name as ScriptApp requires (entry.ts exports it). */
export const MONTHLY_HANDLER = 'remindMonthly';
/** Hour (Vietnam time) at which the monthly trigger runs. */
const TRIGGER_HOUR = 8;
/** Units listed in the confirmation; the rest are counted. */
const LISTED = 20;

/** What a reminder run will do for one unit. */
interface Planned {
  readonly reminder: Reminder;
  readonly to: readonly string[];
  /** Why it will not be sent, or null when it will. */
  readonly reason: string | null;
}

/**
 * Who gets an e-mail: every unit with missing months and at least one Email nhập liệu, while the
 * account's remaining daily quota (counted in recipients, as MailApp counts it) lasts.
 */
export function planReminders(reminders: readonly Reminder[], quota: number): Planned[] {
  let left = Math.max(0, quota);
  return reminders.map((reminder) => {
    const to = reminder.editors;
    if (to.length === 0) return { reminder, to, reason: REMINDER_TEXT.noEmail };
    if (to.length > left) return { reminder, to, reason: REMINDER_TEXT.quota(to.length, left) };
    left -= to.length;
    return { reminder, to, reason: null };
  });
}

/** dd/MM/yyyy of Hạn nhập liệu for the reporting month: that day of the next month. */
function deadlineOf(report: Report): string {
  const through = report.through ?? { year: report.year, month: 1 };
  const next = addMonths(through, 1);
  const day = Math.min(report.settings.deadlineDay, lastDay(next));
  return `${String(day).padStart(2, '0')}/${String(next.month).padStart(2, '0')}/${next.year}`;
}

function send(spreadsheet: Spreadsheet, report: Report, plan: readonly Planned[], now: Date): Cell[][] {
  const deadline = deadlineOf(report);
  const office = report.settings.reportingAgency;
  const url = spreadsheet.getUrl();
  const rows: Cell[][] = [];
  for (const { reminder, to, reason } of plan) {
    const months = monthsText(reminder.months);
    let why = reason;
    if (why === null) {
      try {
        MailApp.sendEmail({
          to: to.join(','),
          subject: REMINDER_TEXT.subject(reminder.name, months),
          body: REMINDER_TEXT.body({
            name: reminder.name,
            code: reminder.code,
            months,
            deadline,
            url,
            office,
          }),
        });
      } catch (error) {
        why = REMINDER_TEXT.failed(describeError(error));
      }
    }
    rows.push([
      formatTimestamp(now),
      reminder.code,
      reminder.name,
      to.join(', '),
      months,
      why === null ? REMINDER_TEXT.sent : REMINDER_TEXT.notSent,
      why ?? '',
    ]);
  }
  return rows;
}

/**
 * The report of the sheet as it is now (the layout read through the Advanced Sheets service, the core's
 * tables), and where the log goes: Nhật ký nhắc nhở only if it is the product's tab or a new one (contract
 * 10.2; `log.refusal` names an office's own tab of that name, and then nothing is sent).
 */
interface Now {
  readonly report: Report;
  readonly log: { readonly layout: Layout; readonly plan: TabPlan };
}

function reportNow(spreadsheet: Spreadsheet, now: Date): Now {
  const api = sheetsService();
  if (!api) throw new Error(ADDIN_WRITE_TEXT.noAdvancedService);
  const layout = readLayout(api, spreadsheet.getId());
  return {
    report: buildReport(readInputs(spreadsheet, layout), { now }),
    log: { layout, plan: tabPlan(spreadsheet, layout, [TAB.reminderLog]) },
  };
}

/** Appends rows to Nhật ký nhắc nhở (newest 1,000 kept), rewriting the tab in one write; a new tab is marked. */
function appendLog(spreadsheet: Spreadsheet, rows: readonly Cell[][], log: Now['log']): void {
  if (rows.length === 0) return;
  const api = sheetsService();
  const at = log.plan.targets.get(TAB.reminderLog) ?? -1;
  const tab = log.layout.tabs[at];
  if (api && !tab?.marked) {
    tabMaker(
      api,
      spreadsheet.getId(),
      log.layout,
    )(tab ? [] : [TAB.reminderLog], tab ? [{ sheetId: tab.sheetId, tab: TAB.reminderLog }] : []);
  }
  const sheet =
    spreadsheet.getSheetByName(tab?.title ?? TAB.reminderLog) ?? spreadsheet.insertSheet(TAB.reminderLog);
  const existing = sheet.getDataRange().getValues() as Cell[][];
  const table = readTable(existing, REMINDER_LOG_HEADER[0] as string, REMINDER_LOG_HEADER);
  const kept = table.rows.map(({ cells }) =>
    REMINDER_LOG_HEADER.map((column) => {
      const index = table.columns.get(column);
      return index === undefined ? '' : (cells[index] ?? '');
    }),
  );
  const all = [...kept, ...rows].slice(-REMINDER_LOG_LIMIT);
  const grid = [[...REMINDER_LOG_HEADER], ...all].map((row) => row.map(toSheetValue));
  const width = REMINDER_LOG_HEADER.length;
  const height = Math.max(grid.length, sheet.getLastRow());
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(padGrid(grid, height, width, ''));
  // Every column is text (times, codes, months as typed): Sheets must not read 03/2026 as a date.
  range.setNumberFormats(
    padGrid<string>([], height, width, REMINDER_LOG_FORMATS.map(() => '@')[0] as string),
  );
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
}

const line = (p: Planned) =>
  REMINDER_TEXT.line(p.reminder.name, p.reminder.code, monthsText(p.reminder.months), p.to.join(', '));
const lines = (planned: readonly Planned[], reason: boolean): string => {
  const shown = planned.slice(0, LISTED).map((p) => (reason ? `${line(p)} — ${p.reason}` : line(p)));
  if (planned.length > LISTED) shown.push(REMINDER_TEXT.more(planned.length - LISTED));
  return shown.join('\n');
};

/** Menu: Nhắc đơn vị chưa nhập số liệu. Shows who would be written to, asks, sends, logs. */
export function remindNow(): void {
  const email = activeEmail();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(() => {
    const now = new Date();
    const { report, log } = reportNow(spreadsheet, now);
    const access = decideAccess(email, ownerEmail(spreadsheet), report.settings.admins);
    if (!access.allowed) {
      alertUser(access.message);
      return;
    }
    // Every e-mail is logged: an office's own Nhật ký nhắc nhở, which the log must not overwrite, stops it first.
    if (log.plan.refusal) {
      alertUser(log.plan.refusal);
      return;
    }
    if (report.reminders.length === 0) {
      alertUser(REMINDER_TEXT.nobody);
      return;
    }
    const quota = MailApp.getRemainingDailyQuota();
    const plan = planReminders(report.reminders, quota);
    const sending = plan.filter((p) => p.reason === null);
    const skipped = plan.filter((p) => p.reason !== null);
    const ui = SpreadsheetApp.getUi();
    if (sending.length === 0) {
      appendLog(spreadsheet, send(spreadsheet, report, plan, now), log);
      alertUser(REMINDER_TEXT.confirmNone(lines(skipped, true)));
      return;
    }
    const recipients = sending.reduce((sum, p) => sum + p.to.length, 0);
    const prompt = REMINDER_TEXT.confirm(
      sending.length,
      recipients,
      quota,
      lines(sending, false),
      skipped.length > 0 ? lines(skipped, true) : '',
    );
    if (ui.alert(REMINDER_TEXT.title, prompt, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
      alertUser(REMINDER_TEXT.cancelled);
      return;
    }
    const rows = send(spreadsheet, report, plan, now);
    appendLog(spreadsheet, rows, log);
    const sent = rows.filter((row) => row[5] === REMINDER_TEXT.sent).length;
    alertUser(REMINDER_TEXT.done(sent, rows.length - sent));
  });
}

/** The day (Vietnam) an instant falls on. */
const vietnamDay = (instant: Date): number => new Date(instant.getTime() + 7 * 3_600_000).getUTCDate();

function monthlyTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === MONTHLY_HANDLER);
}

function installTrigger(day: number): void {
  ScriptApp.newTrigger(MONTHLY_HANDLER).timeBased().onMonthDay(day).atHour(TRIGGER_HOUR).create();
}

/** Menu: turns the monthly reminder on (the day after Hạn nhập liệu) or off, after asking. */
export function toggleMonthly(): void {
  const email = activeEmail();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(() => {
    const { report } = reportNow(spreadsheet, new Date());
    const access = decideAccess(email, ownerEmail(spreadsheet), report.settings.admins);
    if (!access.allowed) {
      alertUser(access.message);
      return;
    }
    const ui = SpreadsheetApp.getUi();
    const existing = monthlyTriggers();
    const day = report.settings.deadlineDay + 1;
    if (existing.length > 0) {
      if (ui.alert(REMINDER_TEXT.title, REMINDER_TEXT.triggerAskOff, ui.ButtonSet.YES_NO) !== ui.Button.YES)
        return;
      for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
      alertUser(REMINDER_TEXT.triggerOff);
      return;
    }
    if (ui.alert(REMINDER_TEXT.title, REMINDER_TEXT.triggerAsk(day), ui.ButtonSet.YES_NO) !== ui.Button.YES)
      return;
    installTrigger(day);
    alertUser(REMINDER_TEXT.triggerOn(day));
  });
}

/**
 * The monthly trigger: no one to ask, so it sends what the menu would, within the quota, and logs it.
 * A Hạn nhập liệu changed since the trigger was set moves the trigger to the new day; runs before
 * that day send nothing. The account that set it must still be the owner or a Quản trị viên.
 */
export function remindMonthly(): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return;
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const { report, log } = reportNow(spreadsheet, now);
    const email = (Session.getEffectiveUser().getEmail() || '').trim().toLowerCase();
    if (!decideAccess(email, ownerEmail(spreadsheet), report.settings.admins).allowed) return;
    // No one to tell but the log: an office's own Nhật ký nhắc nhở stops the run before any e-mail.
    if (log.plan.refusal) {
      console.warn(`Dịch vụ công: ${log.plan.refusal}`);
      return;
    }
    const day = report.settings.deadlineDay + 1;
    const today = vietnamDay(now);
    if (today !== day) {
      for (const trigger of monthlyTriggers()) ScriptApp.deleteTrigger(trigger);
      installTrigger(day);
    }
    if (today < day || report.reminders.length === 0) return;
    const plan = planReminders(report.reminders, MailApp.getRemainingDailyQuota());
    appendLog(spreadsheet, send(spreadsheet, report, plan, now), log);
  } catch (error) {
    console.error(`Dịch vụ công: ${describeError(error)}`);
  } finally {
    lock.releaseLock();
  }
}
