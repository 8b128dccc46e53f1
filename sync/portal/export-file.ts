// A portal export file (.csv or .xlsx, CONTRACT.md section 5) read into portal records; a bad row fails the run.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell, Grid, PortalRecord } from '../../src/core';
import { COL, fold, PORTAL_EXPORT_HEADER, parseCount, parseMonth, SYNC_TEXT } from '../../src/core';
import { readTable, showCell } from '../../src/core/cells';
import { SyncError } from '../errors';
import { gridOfWorksheet } from '../workbook/excel-cells';

export interface ExportFile {
  readonly file: string;
  readonly records: PortalRecord[];
  /** Data rows read (blank rows skipped). */
  readonly rows: number;
}

/** Also accepted for the online column: the name used in Nhập liệu. */
const ONLINE_ALIASES = [COL.portalExportOnline, COL.online];

/** Semicolon when the header line has more semicolons than commas (Excel in Vietnamese locale), else comma. */
function delimiterOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function csvGrid(file: string): Grid {
  const text = readFileSync(file, 'utf8');
  try {
    return parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
}

async function xlsxGrid(file: string): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
  // The first sheet whose rows include the header; exports usually have one sheet.
  for (const sheet of workbook.worksheets) {
    const grid = gridOfWorksheet(sheet);
    if (readTable(grid, COL.unitCode, [COL.unitCode]).headerRow >= 0) return grid;
  }
  return workbook.worksheets[0] ? gridOfWorksheet(workbook.worksheets[0]) : [];
}

/** Grid of an export file → records; every row is checked and the first bad one names file:row. */
export function recordsOfExportGrid(grid: Grid, file: string): ExportFile {
  const name = file;
  const wanted = [...PORTAL_EXPORT_HEADER, COL.online];
  const table = readTable(grid, COL.unitCode, wanted);
  if (table.headerRow < 0) throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportNoHeader(name, COL.unitCode));
  const onlineColumn = ONLINE_ALIASES.find((column) => table.columns.has(column));
  for (const column of [COL.month, COL.unitCode, COL.resolved]) {
    if (!table.columns.has(column))
      throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportMissingColumn(name, column));
  }
  if (onlineColumn === undefined) {
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportMissingColumn(name, COL.portalExportOnline));
  }
  const at = (cells: readonly Cell[], column: string): Cell => {
    const index = table.columns.get(column);
    return index === undefined ? undefined : cells[index];
  };
  const records: PortalRecord[] = [];
  const seen = new Map<string, number>();
  for (const { index, cells } of table.rows) {
    const line = index + 1;
    const bad = (message: string): never => {
      throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportBadRow(name, line, message));
    };
    const month = parseMonth(at(cells, COL.month));
    if (!month) bad(SYNC_TEXT.exportBadMonth(showCell(at(cells, COL.month))));
    const agencyCode = showCell(at(cells, COL.unitCode));
    if (agencyCode === '') bad(SYNC_TEXT.exportMissingUnit);
    const procedure = showCell(at(cells, COL.procedureCode));
    const resolved = parseCount(at(cells, COL.resolved));
    if (resolved === null) bad(SYNC_TEXT.exportBadCount(COL.resolved, showCell(at(cells, COL.resolved))));
    const online = parseCount(at(cells, onlineColumn));
    if (online === null) bad(SYNC_TEXT.exportBadCount(onlineColumn, showCell(at(cells, onlineColumn))));
    if ((online as number) > (resolved as number))
      bad(SYNC_TEXT.exportOnlineAboveTotal(online as number, resolved as number));
    const m = month as NonNullable<typeof month>;
    const key = `${m.year}-${m.month}\u0000${fold(agencyCode)}\u0000${fold(procedure)}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) bad(SYNC_TEXT.exportDuplicateRow(firstLine));
    seen.set(key, line);
    records.push({
      agencyCode,
      procedureCode: procedure === '' ? null : procedure,
      year: m.year,
      month: m.month,
      resolved: resolved as number,
      online: online as number,
    });
  }
  return { file, records, rows: table.rows.length };
}

/** Reads one export file by its extension. */
export async function readExportFile(file: string): Promise<ExportFile> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    throw new SyncError('USAGE', SYNC_TEXT.exportBadExtension(file));
  }
  let grid: Grid;
  try {
    grid = extension === '.csv' ? csvGrid(file) : await xlsxGrid(file);
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError('PORTAL_FILE', SYNC_TEXT.exportUnreadable(file, (error as Error).message), {
      cause: error,
    });
  }
  return recordsOfExportGrid(grid, file);
}
