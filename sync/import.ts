// --import: the input tabs of an office's .xlsx copied into its Google Sheet in one atomic batch, never over data unless asked (--ghi-de).
import { resolve } from 'node:path';
import { SyncError } from './errors';
import { SYNC_ROLLOUT_TEXT } from './texts';
import { assertCellsWithinLimit, type GoogleSheetWorkbook, SHEETS_LIMITS } from './workbook/google-sheet';
import {
  cellsAfterImport,
  FormulaWithoutValue,
  holdsData,
  IMPORTED_TABS,
  type ImportTab,
  importRequests,
  importTabs,
} from './workbook/import-requests';
import { batchBody, bytesOf, type SheetInfo } from './workbook/sheets-write';
import { assertTabNames, findByName } from './workbook/workbook';
import { load as loadXlsx } from './workbook/xlsx';

const megabytes = (bytes: number): string =>
  (bytes / 1_048_576).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The tabs of the .xlsx to copy: refused when none, when its tab names are unsound, or when a formula has no saved value. */
async function tabsOf(path: string): Promise<ImportTab[]> {
  const workbook = await loadXlsx(path);
  // A decoy (`nhập liệu` beside `Nhập liệu`) is refused here as a run refuses it: it is never copied.
  assertTabNames(workbook.worksheets.map((sheet) => sheet.name));
  let tabs: ImportTab[];
  try {
    tabs = importTabs(workbook);
  } catch (error) {
    if (!(error instanceof FormulaWithoutValue)) throw error;
    throw new SyncError(
      'WORKBOOK_FILE',
      SYNC_ROLLOUT_TEXT.importFormulaWithoutValue(path, error.tab, error.cell),
    );
  }
  if (tabs.length === 0)
    throw new SyncError('WORKBOOK_FILE', SYNC_ROLLOUT_TEXT.importNoInputTabs(path, IMPORTED_TABS));
  return tabs;
}

/**
 * Copies the input tabs of the .xlsx at `from` (Cấu hình, Đơn vị, Nhập liệu, Danh mục DVC, Dữ liệu Cổng DVC,
 * and the archives `Nhập liệu <năm>`) into the Google Sheet: one read of the tab list, one read of the tabs
 * it would replace, then ONE batchUpdate, which Google applies whole or not at all. A tab of the Sheet that
 * holds data below its header is replaced only with `overwrite`; otherwise nothing is written and the
 * tabs are named. Returns the line saying what was copied.
 */
export async function importIntoSheet(
  from: string,
  sheet: GoogleSheetWorkbook,
  overwrite: boolean,
  /** Right before the one write: throws when this run may no longer write (its lock was taken over). */
  beforeWrite: () => Promise<void> = async () => undefined,
): Promise<string> {
  const path = resolve(from);
  const tabs = await tabsOf(path);
  const live = await sheet.liveTabs();
  assertTabNames(live.map((tab) => tab.title));
  const existing = tabs.flatMap((tab) => findByName(live, tab.title, (s) => s.title) ?? []);
  const grids = await sheet.readGrids(existing.map((tab) => tab.title));
  const holding = existing
    .map((tab) => tab.title)
    .filter((title) => holdsData(title, grids.get(title) ?? []));
  if (holding.length > 0 && !overwrite)
    throw new SyncError('USAGE', SYNC_ROLLOUT_TEXT.importNotEmpty(holding));
  const body = (list: readonly SheetInfo[]) => batchBody(importRequests(tabs, list));
  const bytes = bytesOf(body(live));
  if (bytes > SHEETS_LIMITS.payloadBytes)
    throw new SyncError(
      'LIMIT',
      SYNC_ROLLOUT_TEXT.importTooLarge(megabytes(bytes), megabytes(SHEETS_LIMITS.payloadBytes)),
    );
  assertCellsWithinLimit(cellsAfterImport(tabs, live));
  await beforeWrite();
  await sheet.applyAtomically(body);
  const replaced = new Set(holding.map((title) => title.normalize('NFC')));
  return SYNC_ROLLOUT_TEXT.importDone(
    path,
    sheet.location,
    tabs.map((tab) =>
      SYNC_ROLLOUT_TEXT.importTab(tab.title, tab.rows.length, replaced.has(tab.title.normalize('NFC'))),
    ),
  );
}
