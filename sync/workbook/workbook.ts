// The one interface both workbook kinds (local .xlsx, Google Sheet) implement, and the tab plan they share.
import type { Cell, Grid, OutputTable, WorkbookInput } from '../../src/core';
import {
  appendLogRow,
  type ClassificationKey,
  COL,
  fold,
  SYNC_LOG_FORMATS,
  SYNC_LOG_HEADER,
  TAB,
  TAB_HEADERS,
  tabHeaders,
} from '../../src/core';
import { readTable } from '../../src/core/cells';

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
  write(tables: readonly OutputTable[]): Promise<void>;
}

/** Tabs read by a run, keyed as WorkbookInput names them. */
export const READ_TABS = {
  settings: TAB.settings,
  units: TAB.units,
  entries: TAB.entries,
  catalogue: TAB.catalogue,
  portal: TAB.portal,
} as const satisfies Record<keyof WorkbookInput, string>;

/** Finds a tab by name the way people type it (NFC, case, spaces). */
export function findByName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  const key = fold(name);
  return items.find((item) => fold(nameOf(item)) === key);
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
