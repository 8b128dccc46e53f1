// In-memory Spreadsheet, Sheet, Range and Protection with the behaviour of Apps Script that matters here.
import { contains, intersects, parseA1, type Rect, rectToA1 } from './a1';
import { type FakeChart, FakeChartBuilder, type FakeConditionalFormatRule } from './builders';
import { counted } from './calls';
import type { FakeMetadata } from './sheets-service';
import { type CellState, emptyCell, enter } from './values';
import type { FakeWorld, Value } from './world';

type S = typeof GoogleAppsScript.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GUser = GoogleAppsScript.Base.User;
type ProtectionKind = 'RANGE' | 'SHEET';

/** Sheets' limit on the cells of one spreadsheet (all tabs, empty cells included), and its error. */
export const CELL_LIMIT = 10_000_000;
export const CELL_LIMIT_MESSAGE =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

/** Apps Script's own words for protected cells. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class FakeUser implements GUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
}

export const fakeUser = (world: FakeWorld, email: string): GUser =>
  counted(new FakeUser(email), world.calls, 'User');

export class FakeSpreadsheet
  implements
    Pick<
      GSpreadsheet,
      | 'getSheetByName'
      | 'getSheets'
      | 'insertSheet'
      | 'getOwner'
      | 'getId'
      | 'getUrl'
      | 'getName'
      | 'toast'
      | 'getProtections'
      | 'getSpreadsheetTimeZone'
      | 'setSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'setSpreadsheetLocale'
      | 'getEditors'
    >
{
  readonly self: FakeSpreadsheet;
  readonly sheets: FakeSheet[] = [];
  readonly protections: FakeProtection[] = [];
  /** Editors of the file besides the owner. */
  readonly collaborators = new Set<string>();
  /** File > Settings: locale and time zone (a sheet made by a Vietnamese account). */
  locale = 'vi_VN';
  timeZone = 'Asia/Ho_Chi_Minh';
  /** Spreadsheet-level developer metadata (the Advanced Sheets service reads and writes it). */
  readonly developerMetadata: FakeMetadata[] = [];
  private nextSheetId = 1;
  private nextProtectionId = 1;

  constructor(
    readonly world: FakeWorld,
    readonly name = 'Theo dõi DVC trực tuyến',
  ) {
    this.self = counted(this, world.calls, 'Spreadsheet');
  }

  getId(): string {
    return 'fake-spreadsheet-id';
  }
  getUrl(): string {
    return 'https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit';
  }
  getName(): string {
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone });
    } catch {
      throw new Error(`Invalid argument: timezone (${timezone})`);
    }
    this.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) throw new Error(`Invalid argument: locale (${locale})`);
    this.locale = locale;
  }
  /** The file's editors besides the owner, as Drive lists them. */
  getEditors(): GUser[] {
    return [...this.collaborators].map((email) => fakeUser(this.world, email));
  }
  getOwner(): GUser | null {
    return fakeUser(this.world, this.world.owner);
  }
  getSheetByName(name: string): GSheet | null {
    return (this.sheets.find((sheet) => sheet.name === name)?.self as unknown as GSheet) ?? null;
  }
  getSheets(): GSheet[] {
    return this.sheets.map((sheet) => sheet.self as unknown as GSheet);
  }
  insertSheet(name?: unknown): GSheet {
    const title = typeof name === 'string' ? name : `Trang tính ${this.nextSheetId}`;
    // Sheets compares tab names without case: `Tổng hợp` cannot be added beside `TỔNG HỢP`.
    if (this.sheets.some((sheet) => sheet.name.toLowerCase() === title.toLowerCase())) {
      throw new Error(`A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, title, this.nextSheetId++);
    if (this._cellCount() + sheet.maxRows * sheet.maxColumns > CELL_LIMIT)
      throw new Error(CELL_LIMIT_MESSAGE);
    this.sheets.push(sheet);
    return sheet.self as unknown as GSheet;
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.world.ui.push({ kind: 'toast', title: title ?? '', text: msg });
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    return this.protections
      .filter((p) => p.kind === (type as unknown as ProtectionKind))
      .map((p) => p.self as unknown as GProtection);
  }

  /** A new tab at the end, with the given id or the next free one (no call counted). */
  _addSheet(title: string, id?: number): FakeSheet {
    const sheetId = id ?? this.nextSheetId;
    this.nextSheetId = Math.max(this.nextSheetId, sheetId + 1);
    const sheet = new FakeSheet(this, title, sheetId);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A protected range id, unique in the spreadsheet. */
  _protectionId(): number {
    return this.nextProtectionId++;
  }

  /**
   * Everything a batchUpdate may change (the tabs it names, or all), copied; the returned function puts
   * it back (a failed batch changes nothing, as in Sheets).
   */
  _snapshot(sheetIds?: ReadonlySet<number>): () => void {
    const sheets = [...this.sheets];
    const copied = sheetIds ? this.sheets.filter((sheet) => sheetIds.has(sheet.id)) : this.sheets;
    const sheetStates = copied.map((sheet) => ({
      sheet,
      name: sheet.name,
      rows: sheet.rows.map((row) => row.map((cell) => ({ ...cell }))),
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      conditionalRules: [...sheet.conditionalRules],
      charts: [...sheet.charts],
    }));
    const protections = [...this.protections];
    const protectionStates = this.protections.map((p) => ({
      p,
      description: p.description,
      editors: p.editors ? new Set(p.editors) : null,
      unprotected: p.unprotected.map((rect) => ({ ...rect })),
      rect: { ...p.rect },
      warningOnly: p.warningOnly,
      domainEdit: p.domainEdit,
    }));
    const metadata = this.developerMetadata.map((m) => ({ ...m }));
    return () => {
      this.sheets.splice(0, this.sheets.length, ...sheets);
      for (const { sheet, ...state } of sheetStates) Object.assign(sheet, state);
      this.protections.splice(0, this.protections.length, ...protections);
      for (const { p, ...state } of protectionStates) Object.assign(p, state);
      this.developerMetadata.splice(0, this.developerMetadata.length, ...metadata);
    };
  }

  /** Cells of the whole spreadsheet as Sheets counts them for its limit: every tab's rows × columns. */
  _cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
  }

  /** Test back door: the sheet object itself (no call counted). */
  _sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
  _hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }
  /** Test back door: creates a sheet with raw values, as if typed with every text forced to text. */
  _load(name: string, rows: Value[][]): FakeSheet {
    const sheet = this._hasSheet(name) ? this._sheet(name) : new FakeSheet(this, name, this.nextSheetId++);
    if (!this.sheets.includes(sheet)) this.sheets.push(sheet);
    sheet._loadValues(rows);
    return sheet;
  }

  /** Whether the acting user may change these cells, by every protection that covers them. */
  _assertCanEdit(sheet: FakeSheet, rect: Rect): void {
    const user = this.world.activeUser.toLowerCase();
    if (this.world.isOwner(user)) return;
    for (const protection of this.protections) {
      if (protection.sheet !== sheet || protection.warningOnly || protection._mayEdit(user)) continue;
      if (protection.kind === 'RANGE') {
        if (intersects(protection.rect, rect)) throw new Error(PROTECTED_MESSAGE);
        continue;
      }
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          if (!protection.unprotected.some((free) => contains(free, r, c)))
            throw new Error(PROTECTED_MESSAGE);
        }
      }
    }
  }

  /** Everything a user could see or a later run could read, for "set-up twice changes nothing" checks. */
  _state(): unknown {
    return {
      sheets: this.sheets.map((sheet) => sheet._state()),
      protections: this.protections
        .map((p) => ({
          sheet: p.sheet.name,
          kind: p.kind,
          range: rectToA1(p.rect),
          description: p.description,
          editors: p._editorList(),
          unprotected: p.unprotected.map(rectToA1).sort(),
          warningOnly: p.warningOnly,
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  }
}

export class FakeSheet
  implements
    Pick<
      GSheet,
      | 'getName'
      | 'getSheetId'
      | 'getDataRange'
      | 'getRange'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'clearContents'
      | 'setFrozenRows'
      | 'getFrozenRows'
      | 'protect'
      | 'getProtections'
      | 'getConditionalFormatRules'
      | 'setConditionalFormatRules'
      | 'newChart'
      | 'insertChart'
      | 'updateChart'
      | 'removeChart'
      | 'getCharts'
      | 'getParent'
      | 'setColumnWidth'
    >
{
  readonly self: FakeSheet;
  rows: CellState[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  conditionalRules: FakeConditionalFormatRule[] = [];
  charts: FakeChart[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Merged ranges (Range.merge), 1-based as Apps Script gives them. */
  merges: Rect[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {
    this.self = counted(this, spreadsheet.world.calls, 'Sheet');
  }

  get world(): FakeWorld {
    return this.spreadsheet.world;
  }

  getName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): GSpreadsheet {
    return this.spreadsheet.self as unknown as GSpreadsheet;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  getLastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if ((this.rows[r - 1] ?? []).some(hasContent)) return r;
    }
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      for (let c = row.length; c > last; c--) if (row[c - 1] && hasContent(row[c - 1] as CellState)) last = c;
    }
    return last;
  }
  getDataRange(): GRange {
    return this._range({
      row: 1,
      column: 1,
      numRows: Math.max(1, this.getLastRow()),
      numColumns: Math.max(1, this.getLastColumn()),
    });
  }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof rowOrA1 === 'string') return this._range(parseA1(rowOrA1, this.maxRows));
    if (!Number.isInteger(rowOrA1) || rowOrA1 < 1)
      throw new Error('The starting row of the range is too small.');
    if (column === undefined || !Number.isInteger(column) || column < 1)
      throw new Error('The starting column of the range is too small.');
    const rows = numRows ?? 1;
    const columns = numColumns ?? 1;
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (columns < 1) throw new Error('The number of columns in the range must be at least 1.');
    return this._range({ row: rowOrA1, column, numRows: rows, numColumns: columns });
  }
  clearContents(): GSheet {
    this.spreadsheet._assertCanEdit(this, {
      row: 1,
      column: 1,
      numRows: this.maxRows,
      numColumns: this.maxColumns,
    });
    for (const row of this.rows) for (const cell of row) Object.assign(cell, { value: '', formula: '' });
    return this.self as unknown as GSheet;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.columnWidths.set(columnPosition, width);
    return this.self as unknown as GSheet;
  }
  /** The sheet's protection: the existing one when there is one, as Sheets keeps one per sheet. */
  protect(): GProtection {
    const existing = this.spreadsheet.protections.find((p) => p.sheet === this && p.kind === 'SHEET');
    if (existing) return existing.self as unknown as GProtection;
    const whole = { row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns };
    const protection = new FakeProtection(this, 'SHEET', whole);
    this.spreadsheet.protections.push(protection);
    return protection.self as unknown as GProtection;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    return this.spreadsheet.protections
      .filter((p) => p.sheet === this && p.kind === (type as unknown as ProtectionKind))
      .map((p) => p.self as unknown as GProtection);
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.conditionalRules.map(
      (rule) => rule._copyBuilt() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.conditionalRules = rules.map((rule) => (rule as unknown as FakeConditionalFormatRule)._copyBuilt());
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new FakeChartBuilder(this.world, null)
      .self as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = chart as unknown as FakeChart;
    this.charts.push(fake._withId(this.charts.length + 1));
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = chart as unknown as FakeChart;
    const index = this.charts.findIndex((c) => c.id === fake.id);
    if (index < 0) throw new Error('Chart not found.');
    this.charts[index] = fake;
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const fake = chart as unknown as FakeChart;
    this.charts = this.charts.filter((c) => c.id !== fake.id);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.charts.map((chart) => chart.self as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart);
  }

  /** New grid size (the Advanced Sheets service's gridProperties); rows and columns cut off lose their cells. */
  _resize(rows: number, columns: number): void {
    this.maxRows = rows;
    this.maxColumns = columns;
    this.rows = this.rows.slice(0, rows).map((row) => row.slice(0, columns));
  }

  /** A range; Apps Script grows the grid when a script addresses rows or columns past its end. */
  _range(rect: Rect): GRange {
    const rows = Math.max(this.maxRows, rect.row + rect.numRows - 1);
    const columns = Math.max(this.maxColumns, rect.column + rect.numColumns - 1);
    const others = this.spreadsheet._cellCount() - this.maxRows * this.maxColumns;
    // Growing past the spreadsheet's cell limit fails as in Sheets, and the grid stays as it was.
    if (rows * columns > this.maxRows * this.maxColumns && others + rows * columns > CELL_LIMIT)
      throw new Error(CELL_LIMIT_MESSAGE);
    this.maxRows = rows;
    this.maxColumns = columns;
    return new FakeRange(this, rect).self as unknown as GRange;
  }
  _cell(row: number, column: number): CellState {
    while (this.rows.length < row) this.rows.push([]);
    const cells = this.rows[row - 1] as CellState[];
    while (cells.length < column) cells.push(emptyCell());
    return cells[column - 1] as CellState;
  }
  _peek(row: number, column: number): CellState | undefined {
    return this.rows[row - 1]?.[column - 1];
  }
  _loadValues(rows: Value[][]): void {
    this.rows = [];
    rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        this._cell(r + 1, c + 1).value = value instanceof Date ? this.world.copyDate(value) : value;
      });
    });
  }
  /** Values as getDataRange().getValues() would give them, without counting a call. */
  _values(): Value[][] {
    const rows = Math.max(1, this.getLastRow());
    const columns = Math.max(1, this.getLastColumn());
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => this._peek(r + 1, c + 1)?.value ?? ''),
    );
  }
  /** Test helper: the cell at an A1 address. */
  _at(a1: string): CellState {
    const rect = parseA1(a1, this.maxRows);
    return this._peek(rect.row, rect.column) ?? emptyCell();
  }
  _state(): unknown {
    const rows = this.rows.map((cells) =>
      cells.map((cell) => ({
        value: cell.value instanceof Date ? `date:${cell.value.toISOString()}` : cell.value,
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        bold: cell.bold,
        validation: cell.validation ? (cell.validation as { _describe(): unknown })._describe() : null,
      })),
    );
    return {
      name: this.name,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      rows,
      conditionalRules: this.conditionalRules.map((rule) => rule._describe()),
      charts: this.charts.map((chart) => chart._describe()),
      merges: this.merges.map((m) => ({ ...m })),
    };
  }
}

const hasContent = (cell: CellState): boolean => cell.value !== '' || cell.formula !== '';

export class FakeRange
  implements
    Pick<
      GRange,
      | 'getValues'
      | 'getValue'
      | 'setValues'
      | 'setValue'
      | 'getFormulas'
      | 'getNumberFormats'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'getFontWeights'
      | 'setFontWeight'
      | 'setFontWeights'
      | 'setDataValidation'
      | 'setDataValidations'
      | 'getDataValidations'
      | 'clearDataValidations'
      | 'clearContent'
      | 'getA1Notation'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getSheet'
      | 'protect'
      | 'merge'
      | 'breakApart'
      | 'setFontStyles'
      | 'setFontSizes'
      | 'setHorizontalAlignments'
      | 'setWraps'
      | 'setBorder'
    >
{
  readonly self: FakeRange;

  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    this.self = counted(this, sheet.world.calls, 'Range');
  }

  private get api(): GRange {
    return this.self as unknown as GRange;
  }
  private map<T>(read: (cell: CellState | undefined) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => read(this.sheet._peek(row + r, column + c))),
    );
  }
  private each(write: (cell: CellState, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this.rect;
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numColumns; c++) write(this.sheet._cell(row + r, column + c), r, c);
  }
  /** Apps Script's checks of a 2-D argument against the range's size, with its own messages. */
  private checkShape(data: unknown[][]): void {
    const { numRows, numColumns } = this.rect;
    if (data.length !== numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
        );
      }
    }
  }

  getValues(): Value[][] {
    return this.map((cell) => {
      const value = cell?.value ?? '';
      return value instanceof Date ? this.sheet.world.copyDate(value) : value;
    });
  }
  getValue(): Value {
    return this.getValues()[0]?.[0] ?? '';
  }
  getFormulas(): string[][] {
    return this.map((cell) => cell?.formula ?? '');
  }
  setValues(values: unknown[][]): GRange {
    this.checkShape(values);
    this.sheet.spreadsheet._assertCanEdit(this.sheet, this.rect);
    this.each((cell, r, c) => Object.assign(cell, enter(this.sheet.world, values[r]?.[c])));
    return this.api;
  }
  setValue(value: unknown): GRange {
    this.sheet.spreadsheet._assertCanEdit(this.sheet, this.rect);
    this.each((cell) => Object.assign(cell, enter(this.sheet.world, value)));
    return this.api;
  }
  clearContent(): GRange {
    this.sheet.spreadsheet._assertCanEdit(this.sheet, this.rect);
    this.each((cell) => Object.assign(cell, { value: '', formula: '' }));
    return this.api;
  }
  getNumberFormats(): string[][] {
    return this.map((cell) => cell?.numberFormat ?? 'General');
  }
  setNumberFormat(numberFormat: string): GRange {
    this.each((cell) => {
      cell.numberFormat = numberFormat;
    });
    return this.api;
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    this.checkShape(numberFormats);
    this.each((cell, r, c) => {
      cell.numberFormat = numberFormats[r]?.[c] ?? 'General';
    });
    return this.api;
  }
  merge(): GRange {
    const { row, column, numRows, numColumns } = this.rect;
    const overlaps = this.sheet.merges.some(
      (m) =>
        m.row < row + numRows &&
        row < m.row + m.numRows &&
        m.column < column + numColumns &&
        column < m.column + m.numColumns,
    );
    if (overlaps) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges.push({ ...this.rect });
    return this.api;
  }
  breakApart(): GRange {
    const { row, column, numRows, numColumns } = this.rect;
    this.sheet.merges = this.sheet.merges.filter(
      (m) =>
        !(
          m.row >= row &&
          m.row + m.numRows <= row + numRows &&
          m.column >= column &&
          m.column + m.numColumns <= column + numColumns
        ),
    );
    return this.api;
  }
  setFontStyles(fontStyles: (GoogleAppsScript.Spreadsheet.FontStyle | null)[][]): GRange {
    this.checkShape(fontStyles);
    this.each((cell, r, c) => {
      cell.italic = fontStyles[r]?.[c] === 'italic';
    });
    return this.api;
  }
  setFontSizes(sizes: number[][]): GRange {
    this.checkShape(sizes);
    this.each((cell, r, c) => {
      cell.fontSize = sizes[r]?.[c] as number;
    });
    return this.api;
  }
  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): GRange {
    this.checkShape(alignments);
    this.each((cell, r, c) => {
      cell.align = alignments[r]?.[c] ?? 'general';
    });
    return this.api;
  }
  setWraps(wraps: boolean[][]): GRange {
    this.checkShape(wraps);
    this.each((cell, r, c) => {
      cell.wrap = wraps[r]?.[c] === true;
    });
    return this.api;
  }
  /** setBorder(top, left, bottom, right, vertical, horizontal): all true draws every cell's borders. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): GRange {
    const all = [top, left, bottom, right, vertical, horizontal].every((side) => side === true);
    this.each((cell) => {
      cell.border = all;
    });
    return this.api;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.map((cell) => (cell?.bold ? 'bold' : 'normal'));
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GRange {
    this.each((cell) => {
      cell.bold = fontWeight === 'bold';
    });
    return this.api;
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GRange {
    this.checkShape(fontWeights);
    this.each((cell, r, c) => {
      cell.bold = fontWeights[r]?.[c] === 'bold';
    });
    return this.api;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    this.each((cell) => {
      cell.validation = rule;
    });
    return this.api;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    this.checkShape(rules);
    this.each((cell, r, c) => {
      cell.validation = rules[r]?.[c] ?? null;
    });
    return this.api;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.map(
      (cell) => (cell?.validation ?? null) as GoogleAppsScript.Spreadsheet.DataValidation | null,
    );
  }
  clearDataValidations(): GRange {
    this.each((cell) => {
      cell.validation = null;
    });
    return this.api;
  }
  getA1Notation(): string {
    return rectToA1(this.rect);
  }
  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numColumns;
  }
  getSheet(): GSheet {
    return this.sheet.self as unknown as GSheet;
  }
  protect(): GProtection {
    const protection = new FakeProtection(this.sheet, 'RANGE', { ...this.rect });
    this.sheet.spreadsheet.protections.push(protection);
    return protection.self as unknown as GProtection;
  }
}

export class FakeProtection
  implements
    Pick<
      GProtection,
      | 'getDescription'
      | 'setDescription'
      | 'getEditors'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'getRange'
      | 'setRange'
      | 'getProtectionType'
      | 'getUnprotectedRanges'
      | 'setUnprotectedRanges'
      | 'canEdit'
      | 'canDomainEdit'
      | 'setDomainEdit'
      | 'isWarningOnly'
      | 'setWarningOnly'
      | 'remove'
    >
{
  readonly self: FakeProtection;
  /** The protectedRangeId the Advanced Sheets service knows it by. */
  id: number;
  description = '';
  /** null until a script first changes the editors: until then everyone who can edit the file can edit. */
  editors: Set<string> | null = null;
  unprotected: Rect[] = [];
  warningOnly = false;
  domainEdit = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly kind: ProtectionKind,
    public rect: Rect,
  ) {
    this.self = counted(this, sheet.world.calls, 'Protection');
    this.id = sheet.spreadsheet._protectionId();
  }

  private get api(): GProtection {
    return this.self as unknown as GProtection;
  }
  private get world(): FakeWorld {
    return this.sheet.world;
  }
  /** Owner, then the listed editors in sorted order. */
  _editorList(): string[] {
    const list =
      this.editors ?? new Set([this.world.owner.toLowerCase(), ...this.sheet.spreadsheet.collaborators]);
    return [...new Set([this.world.owner.toLowerCase(), ...list])].sort();
  }
  _mayEdit(email: string): boolean {
    if (email === '') return false;
    if (this.world.isOwner(email)) return true;
    if (this.editors === null) return true;
    return this.editors.has(email.toLowerCase());
  }
  private materialise(): Set<string> {
    if (this.editors === null) this.editors = new Set(this._editorList());
    return this.editors;
  }
  /** Only the owner and the protection's editors may change it, as in Sheets. */
  private guard(): void {
    if (!this._mayEdit(this.world.activeUser)) throw new Error(PROTECTED_MESSAGE);
  }
  private emailOf(user: string | GUser): string {
    return (typeof user === 'string' ? user : (user as unknown as FakeUser).getEmail()).toLowerCase();
  }

  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): GProtection {
    this.guard();
    this.description = description;
    return this.api;
  }
  getEditors(): GUser[] {
    return this._editorList().map((email) => fakeUser(this.world, email));
  }
  addEditor(user: string | GUser): GProtection {
    this.guard();
    this.materialise().add(this.emailOf(user));
    return this.api;
  }
  addEditors(emailAddresses: string[]): GProtection {
    this.guard();
    const editors = this.materialise();
    for (const email of emailAddresses) editors.add(email.toLowerCase());
    return this.api;
  }
  removeEditor(user: string | GUser): GProtection {
    return this.removeEditors([this.emailOf(user)]);
  }
  /** The owner and the user running the script stay editors, as in Sheets. */
  removeEditors(users: (string | GUser)[]): GProtection {
    this.guard();
    const editors = this.materialise();
    for (const user of users) {
      const email = this.emailOf(user);
      if (this.world.isOwner(email) || email === this.world.activeUser.toLowerCase()) continue;
      editors.delete(email);
    }
    return this.api;
  }
  getRange(): GRange {
    return new FakeRange(this.sheet, this.rect).self as unknown as GRange;
  }
  setRange(range: GRange): GProtection {
    this.guard();
    this.rect = { ...(range as unknown as FakeRange).rect };
    return this.api;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.kind as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getUnprotectedRanges(): GRange[] {
    return this.unprotected.map((rect) => new FakeRange(this.sheet, rect).self as unknown as GRange);
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.guard();
    if (this.kind !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.unprotected = ranges.map((range) => ({ ...(range as unknown as FakeRange).rect }));
    return this.api;
  }
  canEdit(): boolean {
    return this._mayEdit(this.world.activeUser);
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.guard();
    this.domainEdit = editable;
    return this.api;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.guard();
    this.warningOnly = warningOnly;
    return this.api;
  }
  remove(): void {
    this.guard();
    const list = this.sheet.spreadsheet.protections;
    const index = list.indexOf(this);
    if (index >= 0) list.splice(index, 1);
  }
}

export type SpreadsheetNamespace = S;
