// The one interface both workbook kinds (local .xlsx, Google Sheet) implement, and the tab plan they share.
import type { Cell, Grid, OutputTable, WorkbookInput } from '../../src/core';
import {
  appendLogRow,
  type ClassificationKey,
  COL,
  findTab,
  OUTPUT_TAB_NAMES,
  planTabs,
  readRefusal,
  SYNC_LOG_FORMATS,
  SYNC_LOG_HEADER,
  TAB,
  TAB_HEADERS,
  type TabFacts,
  type TabPlan,
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

/** Tabs a run reads: a variant of one of these names could feed the figures, so it stops the run. */
const READ_TAB_NAMES: readonly string[] = [...Object.values(READ_TABS), TAB.syncLog];

/** The output tabs a sync writes (Nhật ký nhắc nhở is the add-in's only). */
export const SYNC_OUTPUT_TABS: readonly string[] = OUTPUT_TAB_NAMES.filter((tab) => tab !== TAB.reminderLog);

/** The tab a run reads or writes by name: exactly that name (NFC), as the read rule made sure. */
export const findByName = findTab;

/** The reading rule alone (src/core/tab-ownership.ts readRefusal): a look-alike of a tab read stops it (TAB_NAMES). */
export function assertTabNames(names: readonly string[]): void {
  const unreadable = readRefusal(names, READ_TAB_NAMES);
  if (unreadable) throw new SyncError('TAB_NAMES', unreadable);
}

/**
 * The tab-name checks of a run, before anything is read into figures or written (src/core/tab-ownership.ts
 * decides): a tab the run reads has no look-alike (TAB_NAMES otherwise), and no tab the run writes is an
 * output tab's name on a tab the product did not make. Returns the ownership plan of `writes`.
 */
export function checkTabs(tabs: readonly TabFacts[], writes: readonly string[] = SYNC_OUTPUT_TABS): TabPlan {
  assertTabNames(tabs.map((tab) => tab.name));
  const plan = planTabs(tabs, writes);
  if (plan.refusal) throw new SyncError('TAB_NAMES', plan.refusal);
  return plan;
}

/**
 * The tabs whose first rows planTabs needs: unmarked tabs named exactly as an output tab the sync writes
 * (an earlier version's, adopted when their header row is the product's). Read once, at the upgrade.
 */
export const needsHeaderRows = (tab: { readonly name: string; readonly marked: boolean }): boolean =>
  !tab.marked && SYNC_OUTPUT_TABS.some((name) => name.normalize('NFC') === tab.name.normalize('NFC'));

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
