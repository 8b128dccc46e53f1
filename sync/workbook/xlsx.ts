// A local .xlsx workbook through exceljs: reads input tabs as grids, replaces output tabs, saves atomically.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, ColumnFormat, Grid, OutputTable, WorkbookInput } from '../../src/core';
import {
  ADDIN_LIMIT_TEXT,
  COL,
  columnLetter,
  defaultClassification,
  fitCell,
  monthOfInstant,
  SETTING,
  SETTING_HELP,
  SEVERITY,
  SHEETS_WRITE_TEXT,
  STATUS,
  SYNC_TEXT,
  TAB,
} from '../../src/core';
import { SyncError } from '../errors';
import { type ChartImage, overviewChart } from '../report/chart';
import { gridOfWorksheet } from './excel-cells';
import {
  assertTabNames,
  findByName,
  inputTabs,
  READ_TABS,
  type Workbook,
  type WorkbookSnapshot,
  type WriteOptions,
} from './workbook';

export const EXCEL_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  integer: '#,##0',
  percent: '0.00%',
  decimal: '0.00',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** A new workbook: every input tab with its header, Cấu hình listing its parameters with help. */
export function templateWorkbook(now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dvc-sync';
  const year = monthOfInstant(now)?.year ?? now.getUTCFullYear();
  // Headers in the vocabulary Cách phân loại gives this year (empty in Cấu hình: the year's default).
  for (const { tab, header } of inputTabs(defaultClassification(year))) {
    const sheet = workbook.addWorksheet(tab);
    const rows: Cell[][] = [[...header]];
    if (tab === TAB.settings) {
      for (const key of Object.keys(SETTING) as (keyof typeof SETTING)[]) {
        rows.push([SETTING[key], key === 'year' ? year : '', SETTING_HELP[key]]);
      }
    }
    writeRows(sheet, {
      tab: tab as OutputTable['tab'],
      title: [],
      header: [...header],
      rows: rows.slice(1),
      formats: [],
    });
  }
  return workbook;
}

function displayWidth(cell: Cell, format: ColumnFormat | undefined): number {
  if (cell === null || cell === undefined || cell === '') return 0;
  if (typeof cell === 'number') return format === 'percent' ? 8 : String(Math.round(cell)).length + 3;
  return String(cell).length;
}

/** The add-in's colours (src/addin/styling.ts): green met, amber not met, red data errors; Kiểm tra by severity. */
const STATUS_COLOURS: readonly { text: string; background: string; font: string }[] = [
  { text: STATUS.met, background: 'FFD9EAD3', font: 'FF274E13' },
  { text: STATUS.notMet, background: 'FFFCE5CD', font: 'FFB45F06' },
  { text: STATUS.dataError, background: 'FFF4CCCC', font: 'FF990000' },
  { text: SEVERITY.error, background: 'FFF4CCCC', font: 'FF990000' },
  { text: SEVERITY.warning, background: 'FFFFF2CC', font: 'FF7F6000' },
];

/** Conditional colours on Đánh giá (Tỷ lệ, Xếp hạng) and on Mức độ of Kiểm tra, as the Google Sheet shows them. */
function colourStatuses(
  sheet: ExcelJS.Worksheet,
  table: OutputTable,
  firstData: number,
  lastData: number,
): void {
  const status = table.header.indexOf(COL.status);
  const column = status >= 0 ? status : table.tab === TAB.problems ? table.header.indexOf(COL.severity) : -1;
  if (column < 0 || lastData < firstData) return;
  const letter = columnLetter(column);
  sheet.addConditionalFormatting({
    ref: `${letter}${firstData}:${letter}${lastData}`,
    rules: STATUS_COLOURS.map(({ text, background, font }, priority) => ({
      type: 'expression',
      priority: priority + 1,
      formulae: [`EXACT($${letter}${firstData},"${text}")`],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: background } },
        font: { color: { argb: font } },
      },
    })),
  });
}

/** Writes a table into an empty sheet: title rows, styled header, rows, formats, widths, frozen header. */
export function writeRows(sheet: ExcelJS.Worksheet, table: OutputTable): void {
  const width = table.header.length;
  for (const line of table.title) {
    const row = sheet.addRow([fitCell(line)]);
    row.font = { bold: true, size: table.title.indexOf(line) === 0 ? 13 : 11 };
  }
  const headerRow = sheet.addRow([...table.header]);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= width; c++) {
    const cell = headerRow.getCell(c);
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  }
  for (const data of table.rows) {
    const values = Array.from({ length: width }, (_, i) => {
      const cell = data[i];
      // The core's one rule for written text: within Excel's 32,767 characters per cell.
      return cell === null || cell === undefined ? null : typeof cell === 'string' ? fitCell(cell) : cell;
    });
    sheet.addRow(values);
  }
  const headerIndex = table.title.length + 1;
  const firstData = headerIndex + 1;
  const lastData = headerIndex + table.rows.length;
  for (let c = 1; c <= width; c++) {
    const format = table.formats[c - 1];
    if (format) {
      for (let r = firstData; r <= lastData; r++) sheet.getRow(r).getCell(c).numFmt = EXCEL_FORMATS[format];
    }
    let widest = String(table.header[c - 1] ?? '').length * 0.8;
    for (const data of table.rows) widest = Math.max(widest, displayWidth(data[c - 1], format));
    sheet.getColumn(c).width = Math.min(60, Math.max(9, Math.ceil(widest) + 2));
  }
  // Wrapped header names need a taller row: not every spreadsheet program fits it on opening.
  const headerLines = Math.max(
    1,
    ...table.header.map((name, c) =>
      Math.ceil(name.length / Math.max(1, (sheet.getColumn(c + 1).width ?? 9) - 1)),
    ),
  );
  if (headerLines > 1) headerRow.height = 16 * headerLines + 2;
  colourStatuses(sheet, table, firstData, lastData);
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerIndex }];
  if (width > 0 && table.rows.length > 0) {
    sheet.autoFilter = { from: { row: headerIndex, column: 1 }, to: { row: headerIndex, column: width } };
  }
}

/** exceljs keeps the tab order in orderNo, which its type definitions leave out. */
type OrderedSheet = ExcelJS.Worksheet & { orderNo: number };

/** Replaces a tab by a fresh sheet at the same place in the tab order (exceljs has no "clear sheet"). */
function replaceSheet(workbook: ExcelJS.Workbook, table: OutputTable): void {
  const old = findByName(workbook.worksheets, table.tab, (s) => s.name) as OrderedSheet | undefined;
  let orderNo: number | undefined;
  if (old) {
    orderNo = old.orderNo;
    workbook.removeWorksheet(old.id);
  }
  const sheet = workbook.addWorksheet(table.tab) as OrderedSheet;
  if (orderNo !== undefined) sheet.orderNo = orderNo;
  writeRows(sheet, table);
}

/** The chart's size on the sheet: the PNG is drawn large for print and shown at 70%. */
const CHART_SCALE = 0.7;

/** exceljs internals (4.4): the workbook's media list and each sheet's images, which point into it by index. */
type MediaWorkbook = ExcelJS.Workbook & { media: unknown[] };
type MediaSheet = ExcelJS.Worksheet & { _media: { imageId: number | string }[] };

/**
 * Drops images no sheet shows any more (the previous chart of a replaced Tổng hợp), renumbering the
 * rest, so re-running the sync does not pile up copies inside the file.
 */
export function dropUnusedMedia(workbook: ExcelJS.Workbook): void {
  const book = workbook as MediaWorkbook;
  const sheets = workbook.worksheets as MediaSheet[];
  const used = new Set(sheets.flatMap((sheet) => sheet._media.map((medium) => Number(medium.imageId))));
  const renumber = new Map<number, number>();
  const kept: unknown[] = [];
  book.media.forEach((medium, index) => {
    if (!used.has(index)) return;
    renumber.set(index, kept.length);
    kept.push(medium);
  });
  book.media = kept;
  for (const sheet of sheets) {
    for (const medium of sheet._media) medium.imageId = renumber.get(Number(medium.imageId)) ?? 0;
  }
}

/** Puts the chart on Tổng hợp, to the right of its table, as the add-in places the Google Sheets chart. */
export function embedChart(workbook: ExcelJS.Workbook, table: OutputTable, chart: ChartImage): void {
  const sheet = findByName(workbook.worksheets, table.tab, (s) => s.name);
  if (!sheet) return;
  const imageId = workbook.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(imageId, {
    tl: { col: table.header.length + 1, row: 0 },
    ext: { width: Math.round(chart.width * CHART_SCALE), height: Math.round(chart.height * CHART_SCALE) },
  });
}

/** Where the chart PNG goes: beside the workbook, `tinh.xlsx` → `tinh.chart.png`. */
export const chartPathOf = (workbookPath: string): string =>
  join(dirname(workbookPath), `${basename(workbookPath).replace(/\.xlsx$/i, '')}.chart.png`);

/** The temporary file a save writes beside `path` before renaming it over `path`. */
const tempPathOf = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Excel's limits of one worksheet; a larger tab cannot be opened, so it is refused before writing. */
export const EXCEL_LIMITS = { rows: 1_048_576, columns: 16_384 } as const;

/** Throws LIMIT, before anything is read or written, when a table would not fit one Excel worksheet. */
export function assertFitsExcel(tables: readonly OutputTable[]): void {
  for (const table of tables) {
    const rows = table.title.length + 1 + table.rows.length;
    const columns = table.header.length;
    if (rows > EXCEL_LIMITS.rows || columns > EXCEL_LIMITS.columns) {
      throw new SyncError(
        'LIMIT',
        SHEETS_WRITE_TEXT.excelTooLarge(
          table.tab,
          ADDIN_LIMIT_TEXT.thousands(rows),
          ADDIN_LIMIT_TEXT.thousands(columns),
        ),
      );
    }
  }
}

/** Whether a process of this machine is still running (a save in progress keeps its temp file). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A day: older temp files are stale even if their process id was reused by another process since. */
const STALE_TEMP_MS = 24 * 3600 * 1000;

/**
 * Deletes the temp files beside `paths` left by a save that was killed between writing and renaming
 * (`.<name>.<pid>.<hex>.tmp`): those of processes no longer running, or older than a day. Best effort.
 */
export async function removeStaleTemps(paths: readonly string[], now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const path of paths) {
    const folder = dirname(path);
    const prefix = `.${basename(path)}.`;
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
      if (!match) continue;
      const file = join(folder, name);
      try {
        const old = now - (await stat(file)).mtimeMs > STALE_TEMP_MS;
        if (old || !isRunning(Number(match[1]))) {
          await unlink(file);
          removed.push(file);
        }
      } catch {
        // Gone meanwhile, or not ours to delete: left as it is.
      }
    }
  }
  return removed;
}

/** Writes a file through a temporary one and a rename, so a reader never sees half of it. */
async function writeFileAtomically(path: string, data: Buffer): Promise<void> {
  const temp = tempPathOf(path);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxWriteFailed(path, (error as Error).message), {
      cause: error,
    });
  }
}

/** Saves beside the target, then renames over it: a crash leaves the old file or the new one, never half. */
export async function saveAtomically(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const temp = tempPathOf(path);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxWriteFailed(path, (error as Error).message), {
      cause: error,
    });
  }
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(path, (error as Error).message), {
      cause: error,
    });
  }
  // A zip that is not a workbook (a .docx renamed) loads as an empty one: it must not be overwritten.
  if (workbook.worksheets.length === 0) {
    const cause = new Error('no worksheet inside: not a valid workbook');
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(path, cause.message), { cause });
  }
  return workbook;
}

/** The grids a run reads, from a loaded workbook. */
export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  assertTabNames(workbook.worksheets.map((sheet) => sheet.name));
  const grid = (tab: string): Grid | undefined => {
    const sheet = findByName(workbook.worksheets, tab, (s) => s.name);
    return sheet ? gridOfWorksheet(sheet) : undefined;
  };
  const input: { -readonly [K in keyof WorkbookInput]: WorkbookInput[K] } = {};
  for (const [key, tab] of Object.entries(READ_TABS) as [keyof WorkbookInput, string][]) {
    const found = grid(tab);
    if (found) input[key] = found;
  }
  return { input, syncLog: grid(TAB.syncLog) };
}

export class XlsxWorkbook implements Workbook {
  readonly location: string;
  /** The chart PNG written beside the workbook by the last write that included Tổng hợp, else null. */
  chartPath: string | null = null;
  /** Why the last write could not write its chart PNG (the workbook itself was saved), else null. */
  chartError: string | null = null;

  constructor(
    path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.location = resolve(path);
  }

  /** A missing file reads as the template: so a first run on a new path gives a usable workbook. */
  async read(): Promise<WorkbookSnapshot> {
    if (!existsSync(this.location)) {
      if (!existsSync(dirname(this.location))) {
        throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxNoFolder(dirname(this.location)));
      }
      return snapshotOf(templateWorkbook(this.now()));
    }
    return snapshotOf(await load(this.location));
  }

  /**
   * Re-reads the file right before writing, so edits made while the portal was fetched are kept. Tables
   * too large for Excel are refused before anything is read or written; temp files of a killed save are
   * removed; the chart PNG is written only once the workbook is saved, so a failed save leaves the old
   * workbook and the old PNG.
   */
  async write(tables: readonly OutputTable[], options?: WriteOptions): Promise<void> {
    assertFitsExcel(tables);
    const workbook = existsSync(this.location) ? await load(this.location) : templateWorkbook(this.now());
    // Tab names checked again on the file as it is now, before any tab is replaced.
    assertTabNames(
      workbook.worksheets.map((sheet) => sheet.name),
      tables.map((table) => table.tab),
    );
    const overview = tables.find((table) => table.tab === TAB.overview);
    const chart = overview ? overviewChart(overview) : null;
    options?.beforeCommit?.();
    for (const table of tables) replaceSheet(workbook, table);
    dropUnusedMedia(workbook);
    if (overview && chart) embedChart(workbook, overview, chart);
    const chartPath = chartPathOf(this.location);
    await removeStaleTemps([this.location, chartPath]);
    await saveAtomically(workbook, this.location);
    if (!overview) return;
    this.chartPath = null;
    this.chartError = null;
    if (!chart) return;
    try {
      await writeFileAtomically(chartPath, chart.png);
      this.chartPath = chartPath;
    } catch (error) {
      // The workbook, with the chart inside Tổng hợp, is saved: the run stands. A PNG that no longer
      // matches it is removed rather than left beside it.
      // The system's own reason (no space, no permission), not the Excel-file wording of the wrapper.
      const cause = (error as { cause?: unknown }).cause;
      this.chartError = (cause instanceof Error ? cause : (error as Error)).message;
      await unlink(chartPath).catch(() => undefined);
    }
  }
}
