// Talking to the person who clicked: alerts for refusals and failures, toasts for results.
import { ADDIN_TEXT } from './texts';

/** A modal message with the add-in's title and an OK button. */
export function alertUser(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(ADDIN_TEXT.title, message, ui.ButtonSet.OK);
}

/** A short note in the corner of the sheet that does not block work. */
export function toastUser(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, message: string): void {
  spreadsheet.toast(message, ADDIN_TEXT.title, 10);
}

/** The text of anything thrown, for the failure alert. */
export function describeError(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  // Sheets refuses writes to cells the person may not edit: say what to do in Vietnamese.
  return /protected cell or object/i.test(message) ? ADDIN_TEXT.noProtectionRights : message;
}

/** How long a click waits for another run to finish before telling the user it is busy. */
export const LOCK_WAIT_MS = 5000;

/**
 * Runs `work` under the document lock; a second click while it runs gets a message, not a second run.
 * Anything thrown is shown as a Vietnamese alert; the lock is always released.
 */
export function withDocumentLock(work: () => void): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    alertUser(ADDIN_TEXT.busy);
    return;
  }
  try {
    work();
  } catch (error) {
    alertUser(ADDIN_TEXT.failed(describeError(error)));
  } finally {
    lock.releaseLock();
  }
}
