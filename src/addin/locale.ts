// The spreadsheet's locale and time zone: set to Vietnam's by set-up, checked by every recompute.
import { ROLLOUT_TEXT } from './texts';

/** vi_VN reads 1.234 as one thousand two hundred thirty-four and 05/10 as 5 October, as the units type them. */
export const SHEET_LOCALE = 'vi_VN';
/** The contract reads every date in Asia/Ho_Chi_Minh. */
export const SHEET_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Sets both when someone changed them; returns what set-up tells the person ('' when nothing changed). */
export function applyVietnamLocale(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const changes: string[] = [];
  const locale = spreadsheet.getSpreadsheetLocale();
  if (locale !== SHEET_LOCALE) {
    spreadsheet.setSpreadsheetLocale(SHEET_LOCALE);
    changes.push(ROLLOUT_TEXT.localeChange(ROLLOUT_TEXT.localeWhat, SHEET_LOCALE, locale));
  }
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  if (timeZone !== SHEET_TIME_ZONE) {
    spreadsheet.setSpreadsheetTimeZone(SHEET_TIME_ZONE);
    changes.push(ROLLOUT_TEXT.localeChange(ROLLOUT_TEXT.timeZoneWhat, SHEET_TIME_ZONE, timeZone));
  }
  return changes.length > 0 ? ROLLOUT_TEXT.localeSet(changes) : '';
}

/** The warning for a sheet whose locale or time zone is not Vietnam's, from the layout read; null when right. */
export function localeWarning(sheet: { readonly locale: string; readonly timeZone: string }): string | null {
  const wrong =
    (sheet.locale !== '' && sheet.locale !== SHEET_LOCALE) ||
    (sheet.timeZone !== '' && sheet.timeZone !== SHEET_TIME_ZONE);
  return wrong ? ROLLOUT_TEXT.localeWrong(sheet.locale, sheet.timeZone) : null;
}
