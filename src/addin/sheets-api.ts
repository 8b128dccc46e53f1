// The Advanced Sheets service (Sheets API v4 inside Apps Script): one layout read, and the requests of one atomic batchUpdate.
import {
  type Cell,
  type ClassificationKey,
  COL,
  headerRowIndex,
  type OutputTable,
  STAGING_MARK_KEY,
  TAB,
  TAB_MARK_KEY,
  type TabPlan,
  tableToGrid,
  WRITE_MARKER_KEY,
  type WriteMarker,
  writeMarkerValue,
} from '../core';
import { cellData } from '../sheets/cell-data';
import { layoutRequests } from '../sheets/layout-requests';
import { SHEETS_LIMITS } from '../sheets/limits';
import { gridRange } from '../sheets/shapes';
import { markTabRequest } from '../sheets/tab-mark';
import { formatRequests, paletteRequests } from '../sheets/table-requests';
import { columnOf } from './sheet-io';
import { ADDIN_TEXT } from './texts';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type ChartSpec = GoogleAppsScript.Sheets.Schema.ChartSpec;
export type SheetsService = GoogleAppsScript.Sheets;

/** The Advanced Sheets service, or null when appsscript.json does not enable it. */
export function sheetsService(): SheetsService | null {
  return typeof Sheets === 'undefined' || !Sheets ? null : Sheets;
}

/** What a write needs to know of one tab. */
export interface TabLayout {
  readonly sheetId: number;
  readonly title: string;
  readonly rows: number;
  readonly columns: number;
  /** How many conditional format rules the tab has (the recompute replaces them). */
  readonly conditionalRules: number;
  readonly chartIds: readonly number[];
  /** Carries the product's tab mark (contract 10.2). */
  readonly marked: boolean;
  /** Carries the staging mark of a large sync write. */
  readonly staging: boolean;
}

export interface Layout {
  /** Every tab, in tab order (the order SpreadsheetApp's getSheets returns them). */
  readonly tabs: readonly TabLayout[];
  /** The spreadsheet's write markers (developer metadata dvc.writing): metadata id and value. */
  readonly markers: readonly { readonly id: number; readonly value: string }[];
  /** The spreadsheet's locale and time zone ('' when the API leaves them out), read in the same round trip. */
  readonly locale: string;
  readonly timeZone: string;
}

/** Only what the layout needs: no grid data. */
const LAYOUT_FIELDS =
  'properties(locale,timeZone),developerMetadata(metadataId,metadataKey,metadataValue),' +
  'sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)),conditionalFormats(ranges),charts(chartId),developerMetadata(metadataKey))';

/** Tabs, their sizes, rules, charts and marks, and the write markers: one round trip. */
export function readLayout(api: SheetsService, spreadsheetId: string): Layout {
  const spreadsheet = api.Spreadsheets.get(spreadsheetId, { fields: LAYOUT_FIELDS });
  const tabs = (spreadsheet.sheets ?? [])
    .map((sheet) => ({
      index: sheet.properties?.index ?? 0,
      tab: {
        sheetId: sheet.properties?.sheetId ?? 0,
        title: sheet.properties?.title ?? '',
        rows: sheet.properties?.gridProperties?.rowCount ?? 0,
        columns: sheet.properties?.gridProperties?.columnCount ?? 0,
        conditionalRules: (sheet.conditionalFormats ?? []).length,
        chartIds: (sheet.charts ?? []).map((chart) => chart.chartId ?? 0),
        marked: (sheet.developerMetadata ?? []).some((m) => m.metadataKey === TAB_MARK_KEY),
        staging: (sheet.developerMetadata ?? []).some((m) => m.metadataKey === STAGING_MARK_KEY),
      },
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ tab }) => tab);
  const markers = (spreadsheet.developerMetadata ?? [])
    .filter((entry) => entry.metadataKey === WRITE_MARKER_KEY)
    .map((entry) => ({ id: entry.metadataId ?? 0, value: entry.metadataValue ?? '' }));
  return {
    tabs,
    markers,
    locale: spreadsheet.properties?.locale ?? '',
    timeZone: spreadsheet.properties?.timeZone ?? '',
  };
}

/** Where each output table goes: its tab (existing or added in the same batch) and its size after the write. */
export interface Placement {
  readonly table: OutputTable;
  readonly sheetId: number;
  readonly rows: number;
  readonly columns: number;
  /** Rules and charts the tab has before the write ([] and 0 for a tab the batch adds). */
  readonly existing: Pick<TabLayout, 'conditionalRules' | 'chartIds'>;
  readonly added: boolean;
  /** The tab gets the product's mark in this write (added, or an earlier version's tab adopted). */
  readonly mark: boolean;
}

/** Rows × columns of a tab Sheets creates. */
const NEW_SHEET = { rows: 1000, columns: 26 };

/**
 * Each table's tab, as the ownership plan (src/core/tab-ownership.ts) decided it: the product's tab (or an
 * earlier version's, marked now), else a new tab with a fresh id after the highest in use, marked too.
 */
export function place(layout: Layout, tables: readonly OutputTable[], plan: TabPlan): Placement[] {
  let nextId = Math.max(0, ...layout.tabs.map((tab) => tab.sheetId)) + 1;
  return tables.map((table) => {
    const height = table.title.length + 1 + table.rows.length;
    const width = table.header.length;
    const tab = layout.tabs[plan.targets.get(table.tab) ?? -1];
    if (tab)
      return {
        table,
        sheetId: tab.sheetId,
        rows: Math.max(tab.rows, height),
        columns: Math.max(tab.columns, width),
        existing: tab,
        added: false,
        mark: !tab.marked,
      };
    return {
      table,
      sheetId: nextId++,
      rows: Math.max(NEW_SHEET.rows, height),
      columns: Math.max(NEW_SHEET.columns, width),
      existing: { conditionalRules: 0, chartIds: [] },
      added: true,
      mark: true,
    };
  });
}

/**
 * Cells the spreadsheet will have once the placed tables are written: each written tab grows to hold
 * its table (a missing tab is added at Sheets' default size or larger), the other tabs stay as they are.
 * From the layout alone: no call.
 */
export function cellsAfterWrite(layout: Layout, placements: readonly Placement[]): number {
  let cells = 0;
  const placed = new Map(placements.map((placement) => [placement.sheetId, placement]));
  for (const tab of layout.tabs) {
    const placement = placed.get(tab.sheetId);
    cells += placement ? placement.rows * placement.columns : tab.rows * tab.columns;
  }
  for (const placement of placements) if (placement.added) cells += placement.rows * placement.columns;
  return cells;
}

/** Google refuses a request body above 10 MiB ("Request payload size exceeds the limit: 10485760 bytes"). */
export const REQUEST_PAYLOAD_LIMIT = SHEETS_LIMITS.payloadBytes;
/** Room kept for the batch's envelope and the marker's two requests. */
const BATCH_BUDGET = REQUEST_PAYLOAD_LIMIT - 64 * 1024;
/** A long table's values go in row bands of at most this many bytes, so any size can be packed. */
const BAND_BYTES = 1_048_576;

/** Bytes of a string in UTF-8 (Vietnamese letters take two or three), without a service call. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const sizeOf = (value: unknown): number => utf8Length(JSON.stringify(value));

/**
 * The batches that replace every placed tab's content: the tab added or grown, its frozen header, every
 * cell's value (cells outside the table cleared), text format over the table with bold title and header
 * rows, and each data column's number format. The add-in's marker is set by the first request (which
 * also removes the stale markers `staleIds`: src/core/write-marker.ts) and removed by the last. Up to 10 MiB of requests (every real province: 4.2 MB at 2,000 units) this is ONE batch, applied
 * atomically: a reader sees the old tabs or the new ones. Beyond, the requests are packed into several
 * batches; the marker keeps the sync from writing in between.
 */
export function figureBatches(
  placements: readonly Placement[],
  marker: WriteMarker,
  markerId: number,
  staleIds: readonly number[] = [],
): Request[][] {
  const create: Request = {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataId: markerId,
        metadataKey: WRITE_MARKER_KEY,
        metadataValue: writeMarkerValue(marker),
        location: { spreadsheet: true },
        visibility: 'DOCUMENT',
      },
    },
  };
  const batches: Request[][] = [[create, ...staleIds.map(removeMarker)]];
  let bytes = sizeOf(batches[0]);
  for (const placement of placements) {
    for (const request of tableRequests(placement)) {
      const size = sizeOf(request);
      if (bytes + size > BATCH_BUDGET && (batches[batches.length - 1] ?? []).length > 0) {
        batches.push([]);
        bytes = 0;
      }
      (batches[batches.length - 1] as Request[]).push(request);
      bytes += size;
    }
  }
  (batches[batches.length - 1] as Request[]).push(removeMarker(markerId));
  return batches;
}

/** The request that removes the add-in's marker (also sent alone after a failed multi-batch write). */
export const removeMarker = (markerId: number): Request => ({
  deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: markerId } } },
});

/** Values of a grid in row bands of at most BAND_BYTES; the last band reaches the grid's end, clearing it. */
function valueBands(
  sheetId: number,
  grid: readonly (readonly Cell[])[],
  rows: number,
  columns: number,
): Request[] {
  const bands: Request[] = [];
  let start = 0;
  let band: GoogleAppsScript.Sheets.Schema.RowData[] = [];
  let bytes = 0;
  const flush = (end: number) => {
    bands.push({
      updateCells: {
        range: gridRange(sheetId, start, end - start, 0, columns),
        rows: band,
        fields: 'userEnteredValue',
      },
    });
    start = end;
    band = [];
    bytes = 0;
  };
  grid.forEach((row, r) => {
    const data = { values: row.map(cellData) };
    const size = sizeOf(data);
    if (band.length > 0 && bytes + size > BAND_BYTES) flush(r);
    band.push(data);
    bytes += size;
  });
  flush(rows);
  return bands;
}

function tableRequests(placement: Placement): Request[] {
  const { table, sheetId, rows, columns, added, mark } = placement;
  const grid = tableToGrid(table);
  const header = headerRowIndex(table);
  // Báo cáo is printed, not scrolled: its layout asks for no frozen rows.
  const frozenRowCount = table.layout?.freeze === false ? 0 : header + 1;
  const gridProperties = { rowCount: rows, columnCount: columns, frozenRowCount };
  // Formats cover the table itself: cells beyond it are emptied by the value bands and keep no figure.
  return [
    added
      ? { addSheet: { properties: { sheetId, title: table.tab, gridProperties } } }
      : {
          updateSheetProperties: {
            properties: { sheetId, gridProperties },
            fields: 'gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount',
          },
        },
    // The mark in the batch that adds or adopts the tab: the product's tabs are never without it.
    ...(mark ? [markTabRequest(sheetId, table.tab)] : []),
    ...valueBands(sheetId, grid, rows, columns),
    ...formatRequests(table, sheetId),
    // Contract 9.5: Diễn biến theo tháng's colour rules replace the tab's own in the same batch as its values.
    ...(withValues(table) ? tableDecoration(placement) : []),
  ];
}

/** Tabs whose conditional colours travel with their values rather than in the decoration batch. */
const withValues = (table: OutputTable): boolean => table.tab === TAB.monthly;

/** A tab's status colours and layout (merges, styles, borders, widths, colour rules) as requests. */
function tableDecoration({ table, sheetId, existing }: Placement): Request[] {
  return [
    ...paletteRequests(table, sheetId, existing.conditionalRules),
    ...layoutRequests(table, sheetId, existing.conditionalRules),
  ];
}

/**
 * Decoration, after the figures: each tab's conditional colours on its Đánh giá column (Mức độ on
 * Kiểm tra) replace its rules, and the Tổng hợp chart gets its new ranges (updated, not rebuilt).
 */
export function decorationRequests(
  placements: readonly Placement[],
  year: number,
  classification: ClassificationKey,
): Request[] {
  const requests: Request[] = [];
  for (const placement of placements) {
    if (!withValues(placement.table)) requests.push(...tableDecoration(placement));
    if (placement.table.tab === TAB.overview) requests.push(chartRequest(placement, year, classification));
  }
  return requests;
}

/** One combo chart on Tổng hợp: bars for each scope's ratio, a line for its target. */
function chartRequest(
  { table, sheetId, existing }: Placement,
  year: number,
  classification: ClassificationKey,
): Request {
  const header = headerRowIndex(table);
  const rows = table.rows.length + 1;
  const source = (name: string) => ({
    sourceRange: { sources: [gridRange(sheetId, header, rows, columnOf(table.header, name), 1)] },
  });
  const spec: ChartSpec = {
    title: ADDIN_TEXT.chartTitle(year, classification),
    basicChart: {
      chartType: 'COMBO',
      legendPosition: 'BOTTOM_LEGEND',
      headerCount: 1,
      // viewWindowOptions is in the API but not in these typings: the ratio axis starts at 0.
      axis: [
        {
          position: 'LEFT_AXIS',
          viewWindowOptions: { viewWindowMin: 0 },
        } as GoogleAppsScript.Sheets.Schema.BasicChartAxis,
      ],
      domains: [{ domain: source(COL.rankScope) }],
      series: [
        { series: source(COL.ratio), type: 'COLUMN', targetAxis: 'LEFT_AXIS' },
        { series: source(COL.target), type: 'LINE', targetAxis: 'LEFT_AXIS', lineStyle: { width: 3 } },
      ],
    },
  };
  const [chartId] = existing.chartIds;
  if (chartId !== undefined) return { updateChartSpec: { chartId, spec } };
  return {
    addChart: {
      chart: {
        spec,
        position: {
          overlayPosition: {
            anchorCell: { sheetId, rowIndex: 0, columnIndex: table.header.length + 1 },
            offsetXPixels: 0,
            offsetYPixels: 0,
          },
        },
      },
    },
  };
}
