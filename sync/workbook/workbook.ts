// The one interface both workbook kinds (local .xlsx, Google Sheet) implement, and the tab plan they share.
import type { Cell, Grid, OutputTable, WorkbookInput } from '../../src/core';
import {
  appendLogRow,
  type ClassificationKey,
  COL,
  fold,
  SYNC_LOG_FORMATS,
  SYNC_LOG_HEADER,
  SYSTEM_TEXT,
  TAB,
  TAB_HEADERS,
  tabHeaders,
} from '../../src/core';
import { readTable } from '../../src/core/cells';
import { SyncError } from '../errors';

/** What a run reads: the input tabs, the portal tab, and the existing sync log. */
export interface WorkbookSnapshot {
  readonly input: WorkbookInput;
  /** Nhật ký đồng bộ as it is, or undefined when the tab is missing. */
  readonly syncLog: Grid | undefined;
}

export interface Workbook {
  /** Where the tabs go, for the summary: a file path or the sheet's URL. */
  readonly location: string;
  read(): Promise<WorkbookSnapshot>;
  /** Refuses, before a run computes anything, a workbook that cannot be written (a read-only file). */
  assertWritable?(): Promise<void>;
  /** Replaces each given tab whole; all tabs or none (a failure leaves every tab as it was). */
  write(tables: readonly OutputTable[], options?: WriteOptions): Promise<void>;
}

export interface WriteOptions {
  /**
   * Called as late as the tables can still change: right before the step that commits the write (the
   * .xlsx serialised and renamed, or the final batchUpdate), so the log row's duration covers the rest.
   */
  readonly beforeCommit?: () => void;
  /** Something the run's output and log row should say about the write itself (a stale write marker removed). */
  readonly notice?: (text: string) => void;
}

/** Tabs read by a run, keyed as WorkbookInput names them. */
export const READ_TABS = {
  settings: TAB.settings,
  units: TAB.units,
  entries: TAB.entries,
  catalogue: TAB.catalogue,
  portal: TAB.portal,
} as const satisfies Record<keyof WorkbookInput, string>;

const nfc = (text: string): string => text.normalize('NFC');

/**
 * Finds the product's tab by its exact name (NFC, so a name typed with a decomposed input method is the
 * same name). A case or spacing variant is someone else's tab, as it is for the add-in.
 */
export function findByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  const key = nfc(name);
  return items.find((item) => nfc(nameOf(item)) === key);
}

/** Tabs a run reads: a variant of one of these names could feed the figures, so it stops the run. */
const READ_TAB_NAMES: readonly string[] = [...Object.values(READ_TABS), TAB.syncLog];

/** Every tab the product writes (the output tabs of the contract and any added since). */
export const OUTPUT_TAB_NAMES: readonly string[] = Object.values(TAB).filter(
  (tab) => !READ_TAB_NAMES.includes(tab),
);

/** Excel and Google Sheets refuse two tabs whose names differ only in case. */
const sameSheetName = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Checks a workbook's tab names (in tab order) before anything is read into figures or written; throws
 * TAB_NAMES, naming the tabs:
 * - a tab the run reads must be the only one whose name folds (case, spaces, NFC) to its name, and must
 *   carry that name exactly: a decoy `nhập liệu` beside `Nhập liệu` never feeds the figures;
 * - a tab the run writes that is missing, while a user's tab takes its name in another case (`TỔNG HỢP`),
 *   cannot be created (Excel and Sheets refuse) and the user's tab is never replaced.
 */
export function assertTabNames(
  titles: readonly string[],
  writes: readonly string[] = OUTPUT_TAB_NAMES,
): void {
  const at = (title: string) => SYSTEM_TEXT.tabAt(titles.indexOf(title) + 1, title);
  for (const tab of READ_TAB_NAMES) {
    const key = fold(tab);
    const similar = titles.filter((title) => fold(title) === key);
    if (similar.length > 1)
      throw new SyncError('TAB_NAMES', SYSTEM_TEXT.tabsClash(tab, similar.map(at).join(', ')));
    const only = similar[0];
    if (only !== undefined && nfc(only) !== nfc(tab))
      throw new SyncError('TAB_NAMES', SYSTEM_TEXT.tabMisnamed(tab, at(only)));
  }
  for (const tab of writes) {
    if (READ_TAB_NAMES.includes(tab) || titles.some((title) => nfc(title) === nfc(tab))) continue;
    const taken = titles.find((title) => sameSheetName(title, tab));
    if (taken !== undefined) throw new SyncError('TAB_NAMES', SYSTEM_TEXT.outputTabTaken(tab, at(taken)));
  }
}

/**
 * Nhật ký đồng bộ with one more row, newest 1,000 kept. Existing rows are read by header text,
 * so a log whose columns someone reordered is rewritten in the contract's order without losing rows.
 */
export function syncLogTable(existing: Grid | undefined, row: Cell[]): OutputTable {
  const kept: Cell[][] = [];
  if (existing) {
    const table = readTable(existing, COL.startedAt, SYNC_LOG_HEADER);
    for (const { cells } of table.rows) {
      kept.push(
        SYNC_LOG_HEADER.map((column) => {
          const index = table.columns.get(column);
          const cell = index === undefined ? '' : cells[index];
          return cell === null || cell === undefined ? '' : cell;
        }),
      );
    }
  }
  return {
    tab: TAB.syncLog,
    title: [],
    header: [...SYNC_LOG_HEADER],
    rows: appendLogRow(kept, row),
    formats: SYNC_LOG_FORMATS,
  };
}

/** Input tabs with their headers, for a new workbook (a usable template). */
export const INPUT_TABS = TAB_HEADERS.filter((tab) => !tab.output);

/** Input tabs with their headers in the vocabulary of Cách phân loại (the core's choice, as set-up makes it). */
export const inputTabs = (classification: ClassificationKey) =>
  tabHeaders(classification).filter((tab) => !tab.output);
