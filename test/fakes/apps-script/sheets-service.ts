// The Advanced Sheets service (global `Sheets`) over the fake spreadsheet: get and an atomic batchUpdate, each one round trip, bodies checked against Google's discovery document.
import { invalidBody, unknownParameter } from '../google/discovery';
import type { Rect } from './a1';
import { FakeChart, FakeConditionalFormatRule } from './builders';
import { counted } from './calls';
import {
  CELL_LIMIT,
  CELL_LIMIT_MESSAGE,
  FakeProtection,
  FakeRange,
  type FakeSheet,
  type FakeSpreadsheet,
  PROTECTED_MESSAGE,
} from './spreadsheet';
import type { CellState } from './values';
import type { FakeWorld, Value } from './world';

type S = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type Color = GoogleAppsScript.Sheets.Schema.Color;
type ChartSpec = GoogleAppsScript.Sheets.Schema.ChartSpec;
type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;
type Collection = GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;

/** Developer metadata as the API stores it: on the spreadsheet, or on one sheet (sheetId). */
export interface FakeMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue: string;
  visibility: string;
  /** The sheet it is on; absent for spreadsheet-level metadata. */
  sheetId?: number;
}

/** Google's bound on one request body, in bytes. */
export const REQUEST_PAYLOAD_LIMIT = 10_485_760;

/** A request the fake refuses, with the words the API uses. */
class ApiError extends Error {}

const failure = (method: string, message: string): Error =>
  new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);

export const hex = (color: Color | undefined): string | null =>
  color
    ? `#${[color.red, color.green, color.blue]
        .map((x) =>
          Math.round((x ?? 0) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`
    : null;

const rgb = (text: string | null): Color | undefined =>
  text
    ? {
        red: Number.parseInt(text.slice(1, 3), 16) / 255,
        green: Number.parseInt(text.slice(3, 5), 16) / 255,
        blue: Number.parseInt(text.slice(5, 7), 16) / 255,
      }
    : undefined;

/** The named fields of a mask such as 'userEnteredValue,userEnteredFormat.numberFormat'. */
const fieldsOf = (mask: string | undefined, kind: string): string[] => {
  if (!mask) throw new ApiError(`${kind}: fields is required.`);
  return mask.split(',').map((field) => field.trim());
};

/** Every batch request the add-in uses, applied to the fake spreadsheet; nothing stays when one fails. */
export class FakeSheetsService {
  readonly Spreadsheets: Pick<Collection, 'get' | 'batchUpdate'>;
  /** Each batchUpdate's requests, for tests that check what went in one round trip. */
  readonly batches: Request[][] = [];

  constructor(
    private readonly world: FakeWorld,
    private readonly spreadsheet: FakeSpreadsheet,
  ) {
    this.Spreadsheets = counted(
      {
        get: (spreadsheetId: string, optionalArgs?: object): S => {
          const unknown = unknownParameter('get', optionalArgs);
          if (unknown) throw failure('get', unknown);
          return this.get(spreadsheetId);
        },
        batchUpdate: (
          resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
          spreadsheetId: string,
        ) => this.batchUpdate(resource, spreadsheetId),
      },
      world.calls,
      'Sheets.Spreadsheets',
    ) as Pick<Collection, 'get' | 'batchUpdate'>;
  }

  private checkId(method: string, spreadsheetId: string): void {
    if (spreadsheetId !== this.spreadsheet.getId()) throw failure(method, 'Requested entity was not found.');
  }

  private get(spreadsheetId: string): S {
    this.checkId('get', spreadsheetId);
    const ss = this.spreadsheet;
    return JSON.parse(
      JSON.stringify({
        spreadsheetId,
        properties: { title: ss.name, timeZone: ss.timeZone, locale: ss.locale },
        developerMetadata: ss.developerMetadata
          .filter((m) => m.sheetId === undefined)
          .map((m) => ({ ...m, location: { locationType: 'SPREADSHEET', spreadsheet: true } })),
        sheets: ss.sheets.map((sheet, index) => ({
          properties: {
            sheetId: sheet.id,
            title: sheet.name,
            index,
            sheetType: 'GRID',
            gridProperties: {
              rowCount: sheet.maxRows,
              columnCount: sheet.maxColumns,
              ...(sheet.frozenRows > 0 ? { frozenRowCount: sheet.frozenRows } : {}),
            },
          },
          conditionalFormats: sheet.conditionalRules.map((rule) => apiRule(rule)),
          charts: sheet.charts.map((chart) => ({ chartId: chart.id, spec: chart.state.spec ?? {} })),
          protectedRanges: ss.protections.filter((p) => p.sheet === sheet).map((p) => this.apiProtection(p)),
          developerMetadata: ss.developerMetadata
            .filter((m) => m.sheetId === sheet.id)
            .map(({ sheetId, ...m }) => ({ ...m, location: { locationType: 'SHEET', sheetId } })),
        })),
      }),
    );
  }

  private batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    this.checkId('batchUpdate', spreadsheetId);
    const requests = resource?.requests ?? [];
    if (requests.length === 0) throw failure('batchUpdate', 'Must specify at least one request.');
    // A deep copy of the request, as it travels over the wire, and Google's bound on its size.
    const body = JSON.stringify({ requests });
    if (Buffer.byteLength(body, 'utf8') > REQUEST_PAYLOAD_LIMIT)
      throw failure('batchUpdate', `Request payload size exceeds the limit: ${REQUEST_PAYLOAD_LIMIT} bytes.`);
    const sent = (JSON.parse(body) as { requests: Request[] }).requests;
    // Google refuses the whole batch for one unknown field, wrong JSON type or unlisted enum value.
    const invalid = invalidBody('BatchUpdateSpreadsheetRequest', JSON.parse(JSON.stringify(resource)));
    if (invalid) throw failure('batchUpdate', invalid);
    this.batches.push(sent);
    // Only the tabs a request names can change; copying the others would only cost time.
    const touched = new Set<number>();
    JSON.stringify(sent, (key, value) => {
      if (key === 'sheetId' && typeof value === 'number') touched.add(value);
      return value;
    });
    const restore = this.spreadsheet._snapshot(touched);
    try {
      const replies = sent.map((request, index) => {
        try {
          return this.apply(request);
        } catch (error) {
          if (error instanceof ApiError) throw new ApiError(`Invalid requests[${index}]: ${error.message}`);
          throw error;
        }
      });
      if (this.spreadsheet._cellCount() > CELL_LIMIT) throw new ApiError(CELL_LIMIT_MESSAGE);
      return { spreadsheetId, replies };
    } catch (error) {
      restore();
      throw failure('batchUpdate', error instanceof Error ? error.message : String(error));
    }
  }

  private sheetById(sheetId: number | undefined): FakeSheet {
    const sheet = this.spreadsheet.sheets.find((s) => s.id === (sheetId ?? 0));
    if (!sheet) throw new ApiError(`No grid with id: ${sheetId}`);
    return sheet;
  }

  /** A GridRange as a 1-based rectangle, checked against the grid. */
  private rectOf(range: GridRange | undefined): { sheet: FakeSheet; rect: Rect } {
    if (!range) throw new ApiError('range is required.');
    const sheet = this.sheetById(range.sheetId);
    const r0 = range.startRowIndex ?? 0;
    const r1 = range.endRowIndex ?? sheet.maxRows;
    const c0 = range.startColumnIndex ?? 0;
    const c1 = range.endColumnIndex ?? sheet.maxColumns;
    if (r0 < 0 || c0 < 0 || r1 < r0 || c1 < c0) throw new ApiError('Invalid range: negative size');
    if (r1 > sheet.maxRows || c1 > sheet.maxColumns)
      throw new ApiError(
        `Range ('${sheet.name}'!R${r0 + 1}C${c0 + 1}:R${r1}C${c1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
      );
    return { sheet, rect: { row: r0 + 1, column: c0 + 1, numRows: r1 - r0, numColumns: c1 - c0 } };
  }

  /** Changing a tab's properties, rules or charts needs edit rights on the whole tab, as in Sheets. */
  private assertCanEditSheet(sheet: FakeSheet): void {
    const user = this.world.activeUser.toLowerCase();
    if (this.world.isOwner(user)) return;
    for (const p of this.spreadsheet.protections)
      if (p.sheet === sheet && p.kind === 'SHEET' && !p.warningOnly && !p._mayEdit(user))
        throw new ApiError(PROTECTED_MESSAGE);
  }

  private apply(request: Request): GoogleAppsScript.Sheets.Schema.Response {
    const kinds = Object.keys(request);
    if (kinds.length !== 1) throw new ApiError('Each request must have exactly one kind.');
    const ss = this.spreadsheet;
    if (request.addSheet) {
      const props = request.addSheet.properties ?? {};
      const title = props.title ?? `Trang tính ${ss.sheets.length + 1}`;
      if (ss.sheets.some((s) => s.name.toLowerCase() === title.toLowerCase()))
        throw new ApiError(
          `addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      if (props.sheetId !== undefined && ss.sheets.some((s) => s.id === props.sheetId))
        throw new ApiError(`addSheet: Sheet ID ${props.sheetId} already exists`);
      const sheet = ss._addSheet(title, props.sheetId);
      sheet.maxRows = props.gridProperties?.rowCount ?? sheet.maxRows;
      sheet.maxColumns = props.gridProperties?.columnCount ?? sheet.maxColumns;
      sheet.frozenRows = props.gridProperties?.frozenRowCount ?? 0;
      return { addSheet: { properties: { sheetId: sheet.id, title, index: ss.sheets.length - 1 } } };
    }
    if (request.updateSheetProperties) {
      const { properties, fields } = request.updateSheetProperties;
      const sheet = this.sheetById(properties?.sheetId);
      this.assertCanEditSheet(sheet);
      const grid = properties?.gridProperties ?? {};
      for (const field of fieldsOf(fields, 'updateSheetProperties')) {
        if (field === 'gridProperties.rowCount')
          sheet._resize(grid.rowCount ?? sheet.maxRows, sheet.maxColumns);
        else if (field === 'gridProperties.columnCount')
          sheet._resize(sheet.maxRows, grid.columnCount ?? sheet.maxColumns);
        else if (field === 'gridProperties.frozenRowCount') {
          if ((grid.frozenRowCount ?? 0) >= sheet.maxRows)
            throw new ApiError("You can't freeze all visible rows on the sheet.");
          sheet.frozenRows = grid.frozenRowCount ?? 0;
        } else if (field === 'title') sheet.name = properties?.title ?? sheet.name;
        else throw new ApiError(`updateSheetProperties: field not supported by the fake: ${field}`);
      }
      return {};
    }
    if (request.updateCells) {
      const { range, rows, fields } = request.updateCells;
      const { sheet, rect } = this.rectOf(range);
      const mask = fieldsOf(fields, 'updateCells');
      ss._assertCanEdit(sheet, rect);
      for (let r = 0; r < rect.numRows; r++)
        for (let c = 0; c < rect.numColumns; c++)
          writeCell(sheet, rect.row + r, rect.column + c, rows?.[r]?.values?.[c] ?? {}, mask);
      return {};
    }
    if (request.repeatCell) {
      const { range, cell, fields } = request.repeatCell;
      const { sheet, rect } = this.rectOf(range);
      const mask = fieldsOf(fields, 'repeatCell');
      if (mask.includes('userEnteredValue')) ss._assertCanEdit(sheet, rect);
      for (let r = 0; r < rect.numRows; r++)
        for (let c = 0; c < rect.numColumns; c++)
          writeCell(sheet, rect.row + r, rect.column + c, cell ?? {}, mask);
      return {};
    }
    if (request.addConditionalFormatRule) {
      const { rule, index } = request.addConditionalFormatRule;
      const ranges = (rule?.ranges ?? []).map((range) => this.rectOf(range));
      const sheet = ranges[0]?.sheet;
      if (!sheet || ranges.some((r) => r.sheet !== sheet))
        throw new ApiError('addConditionalFormatRule: every range must be on one sheet.');
      this.assertCanEditSheet(sheet);
      const condition = rule?.booleanRule?.condition;
      const format = rule?.booleanRule?.format;
      const built = new FakeConditionalFormatRule(this.world, {
        condition: condition?.type === 'TEXT_EQ' ? 'TEXT_EQ' : String(condition?.type ?? ''),
        values: (condition?.values ?? []).map((v) => v.userEnteredValue ?? ''),
        background: hex(format?.backgroundColor),
        fontColor: hex(format?.textFormat?.foregroundColor),
        bold: format?.textFormat?.bold ?? null,
        ranges: ranges.map(
          ({ rect }) => new FakeRange(sheet, rect).self as unknown as GoogleAppsScript.Spreadsheet.Range,
        ),
      });
      sheet.conditionalRules.splice(index ?? sheet.conditionalRules.length, 0, built);
      return {};
    }
    if (request.deleteConditionalFormatRule) {
      const { sheetId, index } = request.deleteConditionalFormatRule;
      const sheet = this.sheetById(sheetId);
      this.assertCanEditSheet(sheet);
      if (index === undefined || index < 0 || index >= sheet.conditionalRules.length)
        throw new ApiError(
          `deleteConditionalFormatRule: No conditional format on sheet: ${sheetId} at index: ${index}`,
        );
      sheet.conditionalRules.splice(index, 1);
      return {};
    }
    if (request.addChart) {
      const chart = request.addChart.chart ?? {};
      const anchor = chart.position?.overlayPosition?.anchorCell;
      const sheet = this.sheetById(anchor?.sheetId ?? chart.position?.sheetId);
      this.assertCanEditSheet(sheet);
      const ids = ss.sheets.flatMap((s) => s.charts.map((c) => c.id ?? 0));
      const chartId = chart.chartId ?? Math.max(0, ...ids) + 1;
      if (ids.includes(chartId)) throw new ApiError(`addChart: Chart ID ${chartId} already exists`);
      const overlay = chart.position?.overlayPosition;
      const position: [number, number, number, number] = [
        (anchor?.rowIndex ?? 0) + 1,
        (anchor?.columnIndex ?? 0) + 1,
        overlay?.offsetXPixels ?? 0,
        overlay?.offsetYPixels ?? 0,
      ];
      sheet.charts.push(new FakeChart(this.world, chartId, this.chartState(chart.spec ?? {}, position)));
      return { addChart: { chart: { chartId } } };
    }
    if (request.updateChartSpec) {
      const { chartId, spec } = request.updateChartSpec;
      for (const sheet of ss.sheets) {
        const index = sheet.charts.findIndex((c) => c.id === chartId);
        if (index < 0) continue;
        this.assertCanEditSheet(sheet);
        const old = sheet.charts[index] as FakeChart;
        sheet.charts[index] = new FakeChart(
          this.world,
          old.id,
          this.chartState(spec ?? {}, old.state.position),
        );
        return {};
      }
      throw new ApiError(`updateChartSpec: No chart with id: ${chartId}`);
    }
    if (request.createDeveloperMetadata) {
      // As the API checks it: key, visibility (DOCUMENT or PROJECT) and a location on the spreadsheet or
      // one of its sheets (which may be added earlier in the same batch).
      const entry = request.createDeveloperMetadata.developerMetadata ?? {};
      if (!entry.metadataKey) throw new ApiError('createDeveloperMetadata: metadataKey is required.');
      if (entry.visibility !== 'DOCUMENT' && entry.visibility !== 'PROJECT')
        throw new ApiError('Invalid developer metadata: visibility must be DOCUMENT or PROJECT.');
      const location = entry.location ?? {};
      let sheetId: number | undefined;
      if (typeof location.sheetId === 'number') sheetId = this.sheetById(location.sheetId).id;
      else if (location.spreadsheet !== true)
        throw new ApiError('Invalid developer metadata: location must be the spreadsheet or a sheet.');
      const metadataId =
        entry.metadataId ?? Math.max(0, ...ss.developerMetadata.map((m) => m.metadataId)) + 1;
      if (ss.developerMetadata.some((m) => m.metadataId === metadataId))
        throw new ApiError(`createDeveloperMetadata: Metadata ID ${metadataId} already exists`);
      const created: FakeMetadata = {
        metadataId,
        metadataKey: entry.metadataKey,
        metadataValue: entry.metadataValue ?? '',
        visibility: entry.visibility,
        ...(sheetId === undefined ? {} : { sheetId }),
      };
      ss.developerMetadata.push(created);
      return { createDeveloperMetadata: { developerMetadata: { ...created } } };
    }
    if (request.deleteDeveloperMetadata) {
      const lookup = request.deleteDeveloperMetadata.dataFilter?.developerMetadataLookup;
      if (!lookup) throw new ApiError('deleteDeveloperMetadata: a developerMetadataLookup is required.');
      const matches = (m: FakeMetadata) =>
        (lookup.metadataId === undefined || m.metadataId === lookup.metadataId) &&
        (lookup.metadataKey === undefined || m.metadataKey === lookup.metadataKey) &&
        (lookup.metadataValue === undefined || m.metadataValue === lookup.metadataValue);
      const deleted = ss.developerMetadata.filter(matches);
      ss.developerMetadata.splice(
        0,
        ss.developerMetadata.length,
        ...ss.developerMetadata.filter((m) => !matches(m)),
      );
      return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted.map((m) => ({ ...m })) } };
    }
    if (request.addProtectedRange) {
      const wanted = request.addProtectedRange.protectedRange ?? {};
      const { sheet, rect, whole } = this.protectedRect(wanted.range);
      if (whole && ss.protections.some((p) => p.sheet === sheet && p.kind === 'SHEET'))
        throw new ApiError(`addProtectedRange: The sheet '${sheet.name}' is already protected.`);
      this.assertCanEditSheet(sheet);
      const protection = new FakeProtection(sheet, whole ? 'SHEET' : 'RANGE', rect);
      if (wanted.protectedRangeId !== undefined) protection.id = wanted.protectedRangeId;
      this.configure(protection, wanted);
      ss.protections.push(protection);
      return { addProtectedRange: { protectedRange: this.apiProtection(protection) } };
    }
    if (request.updateProtectedRange) {
      const { protectedRange, fields } = request.updateProtectedRange;
      const protection = ss.protections.find((p) => p.id === protectedRange?.protectedRangeId);
      if (!protection)
        throw new ApiError(
          `updateProtectedRange: No protected range with id: ${protectedRange?.protectedRangeId}`,
        );
      if (!protection._mayEdit(this.world.activeUser)) throw new ApiError(PROTECTED_MESSAGE);
      const mask = fieldsOf(fields, 'updateProtectedRange');
      this.configure(protection, protectedRange ?? {}, mask);
      return {};
    }
    if (request.deleteProtectedRange) {
      const id = request.deleteProtectedRange.protectedRangeId;
      const index = ss.protections.findIndex((p) => p.id === id);
      if (index < 0) throw new ApiError(`deleteProtectedRange: No protected range with id: ${id}`);
      if (!(ss.protections[index] as FakeProtection)._mayEdit(this.world.activeUser))
        throw new ApiError(PROTECTED_MESSAGE);
      ss.protections.splice(index, 1);
      return {};
    }
    if (request.mergeCells) {
      const { sheet, rect } = this.rectOf(request.mergeCells.range);
      this.assertCanEditSheet(sheet);
      const overlaps = sheet.merges.some(
        (m) =>
          m.row < rect.row + rect.numRows &&
          rect.row < m.row + m.numRows &&
          m.column < rect.column + rect.numColumns &&
          rect.column < m.column + m.numColumns,
      );
      if (overlaps)
        throw new ApiError(
          'mergeCells: You must select all cells in a merged range to merge or unmerge them.',
        );
      sheet.merges.push(rect);
      return {};
    }
    if (request.unmergeCells) {
      const { sheet, rect } = this.rectOf(request.unmergeCells.range);
      this.assertCanEditSheet(sheet);
      sheet.merges = sheet.merges.filter(
        (m) =>
          !(
            m.row >= rect.row &&
            m.row + m.numRows <= rect.row + rect.numRows &&
            m.column >= rect.column &&
            m.column + m.numColumns <= rect.column + rect.numColumns
          ),
      );
      return {};
    }
    if (request.updateBorders) {
      const { range, top, bottom, left, right, innerHorizontal, innerVertical } = request.updateBorders;
      const { sheet, rect } = this.rectOf(range);
      const all = [top, bottom, left, right, innerHorizontal, innerVertical].every(
        (b) => b?.style === 'SOLID',
      );
      // Only a bottom: the rule under the range's last row, nothing else touched.
      const bottomOnly =
        bottom?.style === 'SOLID' && [top, left, right, innerHorizontal, innerVertical].every((b) => !b);
      if (bottomOnly) {
        for (let c = 0; c < rect.numColumns; c++)
          sheet._cell(rect.row + rect.numRows - 1, rect.column + c).bottomBorder = true;
        return {};
      }
      for (let r = 0; r < rect.numRows; r++)
        for (let c = 0; c < rect.numColumns; c++) sheet._cell(rect.row + r, rect.column + c).border = all;
      return {};
    }
    if (request.updateDimensionProperties) {
      const { range, properties, fields } = request.updateDimensionProperties;
      if (!fields) throw new ApiError('updateDimensionProperties: fields is required.');
      const sheet = this.sheetById(range?.sheetId);
      this.assertCanEditSheet(sheet);
      if (range?.dimension === 'COLUMNS' && typeof properties?.pixelSize === 'number')
        for (let c = range.startIndex ?? 0; c < (range.endIndex ?? sheet.maxColumns); c++)
          sheet.columnWidths.set(c + 1, properties.pixelSize);
      return {};
    }
    throw new ApiError(`Unsupported request kind in this fake: ${kinds.join(',')}`);
  }

  /** A protected range's GridRange: only a sheetId protects the whole sheet. */
  private protectedRect(range: GridRange | undefined): { sheet: FakeSheet; rect: Rect; whole: boolean } {
    const whole =
      !!range &&
      range.startRowIndex === undefined &&
      range.endRowIndex === undefined &&
      range.startColumnIndex === undefined &&
      range.endColumnIndex === undefined;
    if (whole) {
      const sheet = this.sheetById(range?.sheetId);
      return {
        sheet,
        rect: { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
        whole,
      };
    }
    return { ...this.rectOf(range), whole };
  }

  /** Description, editors, warning and unprotected ranges of a protected range, by field mask. */
  private configure(protection: FakeProtection, wanted: ProtectedRange, mask: string[] = ['*']): void {
    const has = (field: string) => mask.includes('*') || mask.includes(field);
    if (has('description')) protection.description = wanted.description ?? '';
    if (has('warningOnly')) protection.warningOnly = wanted.warningOnly ?? false;
    if (has('editors') || has('editors.users') || has('editors.domainUsersCanEdit')) {
      if (has('editors') || has('editors.users'))
        protection.editors = new Set([
          this.world.owner.toLowerCase(),
          this.world.activeUser.toLowerCase(),
          ...(wanted.editors?.users ?? []).map((u) => u.toLowerCase()),
        ]);
      if (has('editors') || has('editors.domainUsersCanEdit'))
        protection.domainEdit = wanted.editors?.domainUsersCanEdit ?? false;
    }
    if (has('unprotectedRanges')) {
      if (protection.kind !== 'SHEET' && (wanted.unprotectedRanges ?? []).length > 0)
        throw new ApiError('Unprotected ranges can only be set on a sheet protection.');
      protection.unprotected = (wanted.unprotectedRanges ?? []).map((range) => this.rectOf(range).rect);
    }
    if (has('range') && wanted.range) {
      const { rect } = this.protectedRect(wanted.range);
      protection.rect = rect;
    }
  }

  private apiProtection(p: FakeProtection): ProtectedRange {
    const sheetId = p.sheet.id;
    const range: GridRange =
      p.kind === 'SHEET'
        ? { sheetId }
        : {
            sheetId,
            startRowIndex: p.rect.row - 1,
            endRowIndex: p.rect.row - 1 + p.rect.numRows,
            startColumnIndex: p.rect.column - 1,
            endColumnIndex: p.rect.column - 1 + p.rect.numColumns,
          };
    return {
      protectedRangeId: p.id,
      range,
      description: p.description,
      warningOnly: p.warningOnly,
      requestingUserCanEdit: p._mayEdit(this.world.activeUser),
      editors: { users: p._editorList(), domainUsersCanEdit: p.domainEdit },
      unprotectedRanges: p.unprotected.map((rect) => ({
        sheetId,
        startRowIndex: rect.row - 1,
        endRowIndex: rect.row - 1 + rect.numRows,
        startColumnIndex: rect.column - 1,
        endColumnIndex: rect.column - 1 + rect.numColumns,
      })),
    };
  }

  /** A chart spec as the fake's chart state: its source ranges in order (domain, then series) and options. */
  private chartState(spec: ChartSpec, position: [number, number, number, number]): FakeChart['state'] {
    const basic = spec.basicChart ?? {};
    const sources = [
      ...(basic.domains ?? []).flatMap((d) => d.domain?.sourceRange?.sources ?? []),
      ...(basic.series ?? []).flatMap((s) => s.series?.sourceRange?.sources ?? []),
    ];
    return {
      type: basic.chartType ?? 'COLUMN',
      ranges: sources.map((range) => {
        const { sheet, rect } = this.rectOf(range);
        return new FakeRange(sheet, rect).self as unknown as GoogleAppsScript.Spreadsheet.Range;
      }),
      options: {
        title: spec.title ?? '',
        legend: basic.legendPosition ?? null,
        series: (basic.series ?? []).map((s) => s.type ?? null),
      },
      position,
      numHeaders: basic.headerCount ?? -1,
      spec: JSON.parse(JSON.stringify(spec)),
    };
  }
}

/** A conditional format rule as the API lists it. */
function apiRule(rule: FakeConditionalFormatRule): GoogleAppsScript.Sheets.Schema.ConditionalFormatRule {
  const state = rule.state;
  return {
    ranges: state.ranges.map((range) => {
      const fake = range as unknown as FakeRange;
      return {
        sheetId: fake.sheet.id,
        startRowIndex: fake.rect.row - 1,
        endRowIndex: fake.rect.row - 1 + fake.rect.numRows,
        startColumnIndex: fake.rect.column - 1,
        endColumnIndex: fake.rect.column - 1 + fake.rect.numColumns,
      };
    }),
    booleanRule: {
      condition: {
        type: state.condition,
        values: state.values.map((v) => ({ userEnteredValue: String(v) })),
      },
      format: {
        backgroundColor: rgb(state.background),
        textFormat: {
          foregroundColor: rgb(state.fontColor),
          ...(state.bold === null ? {} : { bold: state.bold }),
        },
      },
    },
  };
}

/** One cell of updateCells or repeatCell: the masked fields from `data`, absent ones cleared. */
function writeCell(
  sheet: FakeSheet,
  row: number,
  column: number,
  data: CellData,
  mask: readonly string[],
): void {
  const all = mask.includes('*');
  const has = (field: string) => all || mask.includes(field) || mask.includes(field.split('.')[0] as string);
  // Clearing a cell that was never written changes nothing: do not grow the cell store for it.
  const empty = data.userEnteredValue === undefined && data.userEnteredFormat === undefined;
  if (empty && !sheet._peek(row, column)) return;
  const cell: CellState = sheet._cell(row, column);
  if (has('userEnteredValue')) {
    const v = data.userEnteredValue;
    let value: Value = '';
    let formula = '';
    if (v?.formulaValue !== undefined) {
      value = '#ERROR!';
      formula = v.formulaValue;
    } else if (v?.stringValue !== undefined) value = v.stringValue;
    else if (v?.numberValue !== undefined) value = v.numberValue;
    else if (v?.boolValue !== undefined) value = v.boolValue;
    cell.value = value;
    cell.formula = formula;
  }
  if (has('userEnteredFormat.numberFormat'))
    cell.numberFormat = data.userEnteredFormat?.numberFormat?.pattern ?? 'General';
  if (has('userEnteredFormat.textFormat.bold') || has('userEnteredFormat.textFormat'))
    cell.bold = data.userEnteredFormat?.textFormat?.bold ?? false;
  // Báo cáo's block styles (named field by field, so the figures' formats stay).
  const format = data.userEnteredFormat;
  if (mask.includes('userEnteredFormat.textFormat.italic')) cell.italic = format?.textFormat?.italic ?? false;
  if (mask.includes('userEnteredFormat.textFormat.fontSize'))
    cell.fontSize = format?.textFormat?.fontSize ?? undefined;
  if (mask.includes('userEnteredFormat.horizontalAlignment'))
    cell.align = format?.horizontalAlignment?.toLowerCase() ?? undefined;
  if (mask.includes('userEnteredFormat.wrapStrategy')) cell.wrap = format?.wrapStrategy === 'WRAP';
  if (mask.includes('userEnteredFormat.textFormat.fontFamily'))
    cell.fontFamily = format?.textFormat?.fontFamily ?? undefined;
  if (mask.includes('userEnteredFormat.padding')) {
    const p = format?.padding;
    cell.padding = p
      ? { top: p.top ?? 0, right: p.right ?? 0, bottom: p.bottom ?? 0, left: p.left ?? 0 }
      : undefined;
  }
}
