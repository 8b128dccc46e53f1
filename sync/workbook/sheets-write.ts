// The Sheets v4 requests of a write: one compact atomic batchUpdate, or hidden staging tabs filled with RAW values under the payload bound and one atomic final batch.
import type { sheets_v4 } from 'googleapis';
import type { Grid, OutputTable, TabFacts } from '../../src/core';
import { headerRowIndex, isStagingLeftover, STAGING_MARK_KEY, tableToGrid } from '../../src/core';
import { cellData, rawValue } from '../../src/sheets/cell-data';
import { layoutRequests } from '../../src/sheets/layout-requests';
import { markTabRequest } from '../../src/sheets/tab-mark';
import { formatRequests, paletteRequests } from '../../src/sheets/table-requests';
import { SHEETS_WRITE_TEXT } from '../texts';
import { checkTabs } from './workbook';

type Request = sheets_v4.Schema$Request;
type RowData = sheets_v4.Schema$RowData;

/** What the sync knows of a tab: from spreadsheets.get, or planned by a write. */
export interface SheetInfo {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Conditional format rules on the tab (only counted: a tab with colour rules replaces them all). */
  readonly conditionalRules?: number;
  /** Carries the staging mark (developer metadata STAGING_KEY) of a large write. */
  readonly staging?: boolean;
  /** Carries the product's tab mark (TAB_MARK_KEY): a tab it made or adopted. */
  readonly marked?: boolean;
  /** The first rows of an unmarked tab named as an output tab, as the run read them (to adopt it). */
  readonly top?: Grid;
}

/** Developer-metadata key on the staging tabs of a large write (the core's, one source). */
export const STAGING_KEY = STAGING_MARK_KEY;

/** A tab as the ownership plan (src/core/tab-ownership.ts) sees it. */
export const factsOf = (sheet: SheetInfo): TabFacts => ({
  name: sheet.title,
  marked: sheet.marked === true,
  staging: sheet.staging === true,
  ...(sheet.top ? { top: sheet.top } : {}),
});

/**
 * Rows of a table's values only (title rows, header, data), for `fields: 'userEnteredValue'` on a cleared
 * or new tab: empty cells are `{}` and trailing empty cells are left out, since there is nothing to clear.
 */
export function valueRows(table: OutputTable): RowData[] {
  return tableToGrid(table).map((row) => {
    const values: sheets_v4.Schema$CellData[] = row.map(cellData);
    while (values.length > 0 && values[values.length - 1]?.userEnteredValue === undefined) values.pop();
    return values.length > 0 ? { values } : {};
  });
}

/** A sheetId for a new tab: stable (hash of its title) and not used by another tab. */
export function chooseSheetId(title: string, taken: ReadonlySet<number>): number {
  let hash = 0x811c9dc5;
  for (const ch of title.normalize('NFC')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let id = (hash % 2_000_000_000) + 1;
  while (taken.has(id)) id = (id % 2_000_000_000) + 1;
  return id;
}

/** A staging tab of this product that may be deleted (the core decides: marked, neither input nor output name). */
export const isLeftover = (sheet: SheetInfo): boolean => isStagingLeftover(factsOf(sheet));

/**
 * Tabs that are not this product's staging leftovers: the ones a write replaces, keeps or counts. A tab is a
 * staging tab by its mark, not its name (a user's tab called `~dvc …` is the user's), and a mark on an input
 * or output tab's name never makes it one.
 */
export const liveSheets = (sheets: readonly SheetInfo[]): SheetInfo[] => sheets.filter((s) => !isLeftover(s));

/** deleteSheet for every staging leftover in the list (a crashed run's, or this run's after a lost answer). */
export function staleStagingDeletes(sheets: readonly SheetInfo[]): Request[] {
  return sheets.filter(isLeftover).map((s) => ({ deleteSheet: { sheetId: s.sheetId } }));
}

/** Sheets refuses two tabs whose names differ only in case: a new tab's name must not equal any that way. */
export const sameSheetName = (a: string, b: string): boolean =>
  a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** A staging tab's title that no tab has (a user may have a tab of that name). */
function freeTitle(wanted: string, taken: readonly string[]): string {
  let title = wanted;
  for (let n = 2; taken.some((t) => sameSheetName(t, title)); n++) title = `${wanted} (${n})`;
  return title;
}

/** Where a table goes: its tab's id, and the requests that create (and mark) or resize (and adopt) the tab first. */
interface TabPlacement {
  readonly table: OutputTable;
  readonly sheetId: number;
  readonly exists: boolean;
  /** Rows of the table with its title rows and header. */
  readonly rows: number;
  readonly width: number;
  readonly structure: Request[];
  /** Rows × columns of the tab after the write. */
  readonly cells: number;
  /** Conditional format rules the tab has now (0 for a new tab). */
  readonly rules: number;
}

/**
 * Each table's tab, as the ownership plan decides it (src/core/tab-ownership.ts; TAB_NAMES when a tab the
 * product did not make has an output tab's name): the product's tab is resized, an earlier version's tab
 * is also marked, a missing one is added and marked in the same batch.
 */
function placeTables(
  tables: readonly OutputTable[],
  live: readonly SheetInfo[],
  all: readonly SheetInfo[] = live,
): TabPlacement[] {
  const taken = new Set(all.map((s) => s.sheetId));
  const plan = checkTabs(
    live.map(factsOf),
    tables.map((table) => table.tab),
  );
  return tables.map((table) => {
    const rows = table.title.length + 1 + table.rows.length;
    const width = Math.max(1, table.header.length);
    const frozen = table.layout?.freeze === false ? 0 : headerRowIndex(table) + 1;
    // One spare row, so the frozen header never covers the whole sheet.
    const neededRows = Math.max(rows, frozen) + 1;
    const found = live[plan.targets.get(table.tab) ?? -1];
    if (found) {
      const rowCount = Math.max(found.rowCount, neededRows);
      const columnCount = Math.max(found.columnCount, width);
      return {
        table,
        sheetId: found.sheetId,
        exists: true,
        rows,
        width,
        cells: rowCount * columnCount,
        rules: found.conditionalRules ?? 0,
        structure: [
          {
            updateSheetProperties: {
              properties: {
                sheetId: found.sheetId,
                gridProperties: { rowCount, columnCount, frozenRowCount: frozen },
              },
              fields: 'gridProperties(rowCount,columnCount,frozenRowCount)',
            },
          },
          ...(found.marked ? [] : [markTabRequest(found.sheetId, table.tab)]),
        ],
      };
    }
    const sheetId = chooseSheetId(table.tab, taken);
    taken.add(sheetId);
    const rowCount = Math.max(neededRows, 100);
    const columnCount = Math.max(width, 26);
    return {
      table,
      sheetId,
      exists: false,
      rows,
      width,
      cells: rowCount * columnCount,
      rules: 0,
      structure: [
        {
          addSheet: {
            properties: {
              sheetId,
              title: table.tab,
              gridProperties: { rowCount, columnCount, frozenRowCount: frozen },
            },
          },
        },
        markTabRequest(sheetId, table.tab),
      ],
    };
  });
}

/** Clears values and formats of a whole tab (fields named, no rows given). */
const clearTab = (sheetId: number): Request => ({
  updateCells: { range: { sheetId }, fields: 'userEnteredValue,userEnteredFormat' },
});
const autoResize = (plan: TabPlacement): Request => ({
  autoResizeDimensions: {
    dimensions: { sheetId: plan.sheetId, dimension: 'COLUMNS', startIndex: 0, endIndex: plan.width },
  },
});

/** The status palette (or the table's own colour rules) replacing the tab's rules, and the table's layout. */
const decoration = (plan: TabPlacement): Request[] => [
  ...paletteRequests(plan.table, plan.sheetId, plan.rules),
  ...layoutRequests(plan.table, plan.sheetId, plan.rules),
];

/**
 * Every change of a write as ONE batchUpdate (atomic in Sheets): staging tabs of a crashed run deleted,
 * then per table its tab created or resized, cleared, its values written, its formats applied by range.
 */
export function writeRequests(tables: readonly OutputTable[], existing: readonly SheetInfo[]): Request[] {
  const requests = staleStagingDeletes(existing);
  for (const plan of placeTables(tables, liveSheets(existing))) {
    requests.push(...plan.structure);
    if (plan.exists) requests.push(clearTab(plan.sheetId));
    requests.push({
      updateCells: {
        start: { sheetId: plan.sheetId, rowIndex: 0, columnIndex: 0 },
        rows: valueRows(plan.table),
        fields: 'userEnteredValue',
      },
    });
    requests.push(...formatRequests(plan.table, plan.sheetId), autoResize(plan), ...decoration(plan));
  }
  return requests;
}

/** Rows × columns of every tab once `tables` are written (tabs grow, never shrink; staging tabs gone). */
export function cellsAfterWrite(tables: readonly OutputTable[], existing: readonly SheetInfo[]): number {
  const live = liveSheets(existing);
  const sizes = new Map(live.map((s) => [s.sheetId, s.rowCount * s.columnCount]));
  for (const plan of placeTables(tables, live)) sizes.set(plan.sheetId, plan.cells);
  return [...sizes.values()].reduce((sum, n) => sum + n, 0);
}

export type BatchBody = sheets_v4.Schema$BatchUpdateSpreadsheetRequest;
export const batchBody = (requests: Request[]): BatchBody => ({
  requests,
  includeSpreadsheetInResponse: false,
});
export const bytesOf = (body: BatchBody): number => Buffer.byteLength(JSON.stringify(body), 'utf8');

interface StagingTab {
  readonly plan: TabPlacement;
  readonly sheetId: number;
  readonly title: string;
}

/** A1 name of a whole tab, quoted so Vietnamese names with spaces work: 'Tỷ lệ', 'It''s'. */
export const wholeTab = (title: string): string => `'${title.replace(/'/g, "''")}'`;

export type ValuesBody = sheets_v4.Schema$BatchUpdateValuesRequest;
type RawValue = ReturnType<typeof rawValue>;

/** Rows of a table (title rows, header, data) as RAW values, trailing empty cells left out. */
export function rawRows(table: OutputTable): RawValue[][] {
  return tableToGrid(table).map((row) => {
    const values = row.map(rawValue);
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    return values;
  });
}

/**
 * A write too large for one request: ONE batchUpdate adds hidden staging tabs, values.batchUpdate
 * requests (RAW: a plain array per row, a third of the bytes of CellData) fill them, each under the
 * payload bound; then ONE final batch replaces every live tab from its staging tab (copyPaste keeps the
 * live tab's sheetId, so formulas and charts pointing at it keep working) and deletes the staging tabs.
 * Until that final batch no live tab has changed, so any failure before it leaves the output as it was.
 */
export interface StagedWrite {
  /** The first batch, from the tab list: stale staging tabs deleted, this write's staging tabs added. */
  first(existing: readonly SheetInfo[]): BatchBody;
  /** values.batchUpdate bodies filling the staging tabs (idempotent: safe to send again). */
  readonly values: readonly ValuesBody[];
  /** The final batch from the tab list, or null when the staging tabs are gone (it already committed). */
  final(existing: readonly SheetInfo[]): BatchBody | null;
  /** The staging tabs as the first batch leaves them (for the tab list kept between requests). */
  readonly stagingSheets: readonly SheetInfo[];
  /** Most cells the spreadsheet holds during the write: the live tabs grown plus every staging tab. */
  readonly peakCells: number;
}

/** Bytes of a body around its ranges, and of a ValueRange around its rows (generous). */
const BODY_OVERHEAD = 256;
const RANGE_OVERHEAD = 128;

/** A row that cannot fit in a request of its own under the payload bound (not seen with real rows). */
export class RowTooLarge extends Error {
  constructor(
    readonly tab: string,
    /** 1-based row of the tab. */
    readonly row: number,
  ) {
    super(`row ${row} of ${tab} is larger than a request may be`);
  }
}

export const valuesBody = (data: sheets_v4.Schema$ValueRange[]): ValuesBody => ({
  valueInputOption: 'RAW',
  includeValuesInResponse: false,
  data,
});

/** Plans a staged write under `payloadBytes`; throws RowTooLarge when a single row cannot fit. */
export function stagedWrite(
  tables: readonly OutputTable[],
  existing: readonly SheetInfo[],
  payloadBytes: number,
): StagedWrite {
  const live = liveSheets(existing);
  const plans = placeTables(tables, live);
  const taken = new Set(live.map((s) => s.sheetId));
  for (const plan of plans) taken.add(plan.sheetId);
  const titles = existing.map((s) => s.title);
  const staging: StagingTab[] = plans.map((plan) => {
    const title = freeTitle(SHEETS_WRITE_TEXT.stagingTab(plan.table.tab), titles);
    titles.push(title);
    const sheetId = chooseSheetId(title, taken);
    taken.add(sheetId);
    return { plan, sheetId, title };
  });
  // Each staging tab is marked in the same batch that adds it: a crash never leaves an unmarked one.
  const addStaging: Request[] = staging.flatMap((s) => [
    {
      addSheet: {
        properties: {
          sheetId: s.sheetId,
          title: s.title,
          hidden: true,
          gridProperties: { rowCount: s.plan.rows, columnCount: s.plan.width },
        },
      },
    },
    {
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: STAGING_MARK_KEY,
          metadataValue: s.plan.table.tab,
          location: { sheetId: s.sheetId },
          visibility: 'DOCUMENT',
        },
      },
    },
  ]);
  const budget = payloadBytes - BODY_OVERHEAD;
  const bodies: sheets_v4.Schema$ValueRange[][] = [];
  let current: sheets_v4.Schema$ValueRange[] = [];
  let used = 0;
  for (const tab of staging) {
    const rows = rawRows(tab.plan.table);
    let range: RawValue[][] | null = null;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as RawValue[];
      const bytes = Buffer.byteLength(JSON.stringify(row), 'utf8') + 1;
      if (range && used + bytes <= budget) {
        range.push(row);
        used += bytes;
        continue;
      }
      const name = `${wholeTab(tab.title)}!A${index + 1}`;
      const rangeBytes = RANGE_OVERHEAD + Buffer.byteLength(name, 'utf8');
      if (used + rangeBytes + bytes > budget) {
        if (rangeBytes + bytes > budget) throw new RowTooLarge(tab.plan.table.tab, index + 1);
        if (current.length > 0) bodies.push(current);
        current = [];
        used = 0;
      }
      range = [row];
      used += rangeBytes + bytes;
      current.push({ range: name, majorDimension: 'ROWS', values: range });
    }
  }
  if (current.length > 0) bodies.push(current);
  const stagingIds = new Set(staging.map((s) => s.sheetId));
  return {
    first: (list) => batchBody([...staleStagingDeletes(list), ...addStaging]),
    values: bodies.map(valuesBody),
    final: (list) => {
      if (!list.some((s) => stagingIds.has(s.sheetId))) return null;
      const requests: Request[] = [];
      // New tabs must not take a staging tab's id: those still exist until their own deleteSheet.
      for (const plan of placeTables(tables, liveSheets(list), list)) {
        const tab = staging.find((s) => s.plan.table === plan.table) as StagingTab;
        const range = (sheetId: number) => ({
          sheetId,
          startRowIndex: 0,
          endRowIndex: plan.rows,
          startColumnIndex: 0,
          endColumnIndex: plan.width,
        });
        requests.push(...plan.structure);
        if (plan.exists) requests.push(clearTab(plan.sheetId));
        requests.push(
          {
            copyPaste: {
              source: range(tab.sheetId),
              destination: range(plan.sheetId),
              pasteType: 'PASTE_NORMAL',
              pasteOrientation: 'NORMAL',
            },
          },
          ...formatRequests(plan.table, plan.sheetId),
          autoResize(plan),
          ...decoration(plan),
          { deleteSheet: { sheetId: tab.sheetId } },
        );
      }
      return batchBody(requests);
    },
    stagingSheets: staging.map((s) => ({
      sheetId: s.sheetId,
      title: s.title,
      rowCount: s.plan.rows,
      columnCount: s.plan.width,
      staging: true,
    })),
    peakCells:
      cellsAfterWrite(tables, live) + staging.reduce((sum, s) => sum + s.plan.rows * s.plan.width, 0),
  };
}
