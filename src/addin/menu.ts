// The Dịch vụ công menu and the help dialog.
import { readModel, TAB } from '../core';
import { readTab } from './sheet-io';
import { ADDIN_TEXT, REMINDER_TEXT } from './texts';

/** Menu captions and the top-level functions (entry.ts) they call, by name as Apps Script requires. */
export const MENU_ITEMS: readonly { caption: string; functionName: string }[] = [
  { caption: ADDIN_TEXT.menuRecompute, functionName: 'recomputeAll' },
  { caption: ADDIN_TEXT.menuCheck, functionName: 'checkFigures' },
  { caption: ADDIN_TEXT.menuSetUp, functionName: 'setUpSheet' },
  { caption: REMINDER_TEXT.menu, functionName: 'remindUnits' },
  { caption: REMINDER_TEXT.menuTrigger, functionName: 'toggleMonthlyReminders' },
  { caption: ADDIN_TEXT.menuHelp, functionName: 'showHelp' },
];

export function addMenu(): void {
  const menu = SpreadsheetApp.getUi().createMenu(ADDIN_TEXT.menu);
  MENU_ITEMS.forEach(({ caption, functionName }, index) => {
    if (index === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(caption, functionName);
  });
  menu.addToUi();
}

/** The help dialog in the vocabulary of Cách phân loại (read from Cấu hình, so it says what the sheet says). */
export function showHelpDialog(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readModel({ settings: readTab(spreadsheet, TAB.settings) }, new Date());
  const html = HtmlService.createHtmlOutput(ADDIN_TEXT.helpHtml(settings.classification, settings.year))
    .setWidth(560)
    .setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, ADDIN_TEXT.helpTitle);
}
