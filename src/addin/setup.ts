// Thiết lập bảng tính: missing tabs with headers, default settings, the Nhập liệu grid, formats, validation, protections.
import {
  CATALOGUE_LEVELS,
  type Cell,
  CLASSIFICATION,
  type ClassificationKey,
  COL,
  COMMUNE_TWO_TIER,
  DEFAULT_DEADLINE_DAY,
  DEFAULT_FLOOR,
  DEFAULT_MAX_POINTS,
  DEFAULT_PRIORITY,
  DEFAULT_THRESHOLD,
  fold,
  GROUP,
  type Grid,
  type Model,
  monthOfInstant,
  NUMBER_PATTERNS,
  readModel,
  SETTING,
  SETTING_HELP,
  SETTINGS_HEADER,
  SOURCE,
  TAB,
  tabHeaders,
  toNumber,
} from '../core';
import { type ArchivePlan, alignToArchive, archiveTab, isArchiveTab, planArchive } from './archive';
import { layoutEntries, type SheetValue, sameGrid } from './entry-layout';
import { alertUser, toastUser, withDocumentLock } from './feedback';
import { applyVietnamLocale } from './locale';
import { tabMaker, tabPlan } from './ownership';
import { decideAccess, ownerEmail } from './permissions';
import { readyToWrite } from './preconditions';
import { applyProtections, type Block, type ProtectionPlan, runs } from './protection';
import { driveService, shareWithUnits } from './sharing';
import { columnOf, headerRowOf, padGrid, readTab, toSheetValue } from './sheet-io';
import { readLayout } from './sheets-api';
import { ADDIN_TEXT, ROLLOUT_TEXT } from './texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Every tab set-up creates, in order, with headers in the vocabulary of Cách phân loại. */
const tabsFor = (
  classification: ClassificationKey,
): readonly { tab: string; header: readonly string[]; output: boolean }[] => tabHeaders(classification);

/** Cấu hình rows set-up adds when missing: parameter, default value, number format of the value. */
function defaultSettings(now: Date): { key: keyof typeof SETTING; value: Cell; format: string }[] {
  const year = monthOfInstant(now)?.year ?? now.getUTCFullYear();
  return [
    { key: 'year', value: year, format: '0' },
    { key: 'floor', value: toNumber(DEFAULT_FLOOR), format: NUMBER_PATTERNS.percent },
    { key: 'priority', value: SOURCE[DEFAULT_PRIORITY], format: NUMBER_PATTERNS.text },
    { key: 'threshold', value: toNumber(DEFAULT_THRESHOLD), format: NUMBER_PATTERNS.percent },
    { key: 'maxPoints', value: DEFAULT_MAX_POINTS, format: NUMBER_PATTERNS.decimal },
    { key: 'through', value: '', format: NUMBER_PATTERNS.text },
    { key: 'admins', value: '', format: NUMBER_PATTERNS.text },
    { key: 'deadline', value: DEFAULT_DEADLINE_DAY, format: '0' },
    { key: 'parentAgency', value: '', format: NUMBER_PATTERNS.text },
    { key: 'reportingAgency', value: '', format: NUMBER_PATTERNS.text },
    { key: 'place', value: '', format: NUMBER_PATTERNS.text },
    { key: 'reportNumber', value: '', format: NUMBER_PATTERNS.text },
    { key: 'recipients', value: '', format: NUMBER_PATTERNS.text },
    // Empty: the year's default (contract §8.1), so changing Năm back to 2020 needs nothing else.
    { key: 'classification', value: '', format: NUMBER_PATTERNS.text },
  ];
}

export function setUp(): void {
  const ready = readyToWrite();
  if (!ready) return;
  const { email, api } = ready;
  if (!driveService()) {
    alertUser(ROLLOUT_TEXT.noDriveService);
    return;
  }
  withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const owner = ownerEmail(spreadsheet);
    const before = readModel(
      { settings: readTab(spreadsheet, TAB.settings), units: readTab(spreadsheet, TAB.units) },
      now,
    );
    const access = decideAccess(email, owner, before.settings.admins);
    if (!access.allowed) {
      alertUser(access.message);
      return;
    }
    const classification = before.settings.classification;
    // Set-up writes headers into the output tabs it creates and protects them all: none may be an office's
    // own tab, and a name Sheets would refuse (`TỔNG HỢP` beside a new `Tổng hợp`) is said before any call.
    const layout = readLayout(api, spreadsheet.getId());
    const plan = tabPlan(
      spreadsheet,
      layout,
      tabsFor(classification)
        .filter(({ output }) => output)
        .map(({ tab }) => tab),
    );
    if (plan.refusal) {
      alertUser(plan.refusal);
      return;
    }
    const makeTabs = tabMaker(api, spreadsheet.getId(), layout);
    const adopted = plan.verdicts.flatMap((verdict, index) => {
      const tab = layout.tabs[index];
      return verdict.kind === 'adopt' && tab ? [{ sheetId: tab.sheetId, tab: verdict.table }] : [];
    });
    const created = createMissingTabs(spreadsheet, classification, makeTabs, adopted);
    const settingsSheet = spreadsheet.getSheetByName(TAB.settings) as Sheet;
    const settingsGrid = completeSettings(settingsSheet, now);
    const unitsSheet = spreadsheet.getSheetByName(TAB.units) as Sheet;
    const unitsGrid = unitsSheet.getDataRange().getValues() as Cell[][];
    const model = readModel({ settings: settingsGrid, units: unitsGrid }, now);

    const entriesSheet = spreadsheet.getSheetByName(TAB.entries) as Sheet;
    const archiveOfYear = spreadsheet.getSheetByName(archiveTab(model.settings.year));
    const entries = planEntries(entriesSheet, model, archiveOfYear);
    // Archive tabs exist before protections are set, so they are protected like every other tab.
    makeTabs(entries.archive.moves.map((move) => move.tab).filter((tab) => !spreadsheet.getSheetByName(tab)));
    const archiveSheets = spreadsheet
      .getSheets()
      .map((sheet) => sheet.getName())
      .filter(isArchiveTab);
    const admins = model.settings.admins;
    // Protections first: someone who may not change them is stopped before anything is written.
    const plans = [
      ...entryProtections(entries, admins),
      ...unitProtections(unitsGrid, model, admins),
      ...tabsFor(classification)
        .filter(({ tab }) => tab !== TAB.entries && tab !== TAB.units)
        .map(({ tab }) => wholeTab(tab, admins)),
      ...archiveSheets.map((name) => wholeTab(name, admins)),
    ];
    // Every protection in one Sheets API read and one batchUpdate, whatever the number of units.
    applyProtections(api, spreadsheet.getId(), plans, owner, email);
    // Archive first, then Nhập liệu, then empty the restored archive: a failure between two writes
    // leaves a row in two places, never in none.
    for (const move of entries.archive.moves)
      appendToArchive(spreadsheet.getSheetByName(move.tab) as Sheet, move);
    if (entries.write) entries.write();
    if (archiveOfYear && entries.archive.restored > 0) emptyArchive(archiveOfYear);
    styleInputs(spreadsheet, settingsSheet, settingsGrid, unitsSheet, unitsGrid, entriesSheet, entries);
    // Roll-out: Vietnam's locale and time zone, then the units' accounts as editors (after a Yes/No).
    const localeNotice = applyVietnamLocale(spreadsheet);
    const sharing = shareWithUnits(spreadsheet, model, owner);
    toastUser(
      spreadsheet,
      ADDIN_TEXT.setUpDone(created, entries.slots, entries.kept, plans.length) +
        archiveNotice(entries.archive, model.settings.year) +
        localeNotice +
        sharing.notice,
    );
    if (sharing.refused) alertUser(sharing.refused);
  });
}

/**
 * Creates each missing tab, marked as the product's (one batch, with the marks of the earlier version's tabs
 * it adopts), then writes its header row (and Cấu hình its default rows). A new or empty Nhập liệu gets an
 * instructions row above its header, so a clerk needs nothing else to start.
 */
function createMissingTabs(
  spreadsheet: Spreadsheet,
  classification: ClassificationKey,
  makeTabs: ReturnType<typeof tabMaker>,
  adopted: readonly { sheetId: number; tab: string }[],
): number {
  const tabs = tabsFor(classification);
  const missing = tabs.filter(({ tab }) => !spreadsheet.getSheetByName(tab)).map(({ tab }) => tab);
  makeTabs(missing, adopted);
  for (const { tab, header } of tabs) {
    const sheet = spreadsheet.getSheetByName(tab) as Sheet;
    if (!missing.includes(tab) && !(tab === TAB.entries && sheet.getLastRow() === 0)) continue;
    const rows: SheetValue[][] = [header.map(toSheetValue)];
    if (tab === TAB.entries) {
      rows.unshift(header.map((_, c) => (c === 0 ? ADDIN_TEXT.entriesIntro(classification) : '')));
    }
    sheet.getRange(1, 1, rows.length, header.length).setValues(rows);
    if (tab === TAB.entries) sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
  }
  return missing.length;
}

/** Appends a move's rows below the archive tab's content (its header written first on a new tab). */
function appendToArchive(sheet: Sheet, move: ArchivePlan['moves'][number]): void {
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const headerRow = headerRowOf(grid, COL.unitCode);
  const { header, rows } = alignToArchive(headerRow >= 0 ? (grid[headerRow] ?? []) : [], move);
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  const out: SheetValue[][] = [];
  let first = lastFilledRow(grid) + 2;
  if (headerRow < 0) {
    out.push(header);
    first = 1;
  } else if (header.length > (grid[headerRow] ?? []).length) {
    sheet.getRange(headerRow + 1, 1, 1, header.length).setValues([header]);
  }
  out.push(...rows);
  sheet.getRange(first, 1, out.length, width).setValues(padGrid<SheetValue>(out, out.length, width, ''));
  if (headerRow < 0) boldHeader(sheet, 0, width);
}

/** The archive of Năm after its rows went back to Nhập liệu: its title and header rows only. */
function emptyArchive(sheet: Sheet): void {
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const headerRow = headerRowOf(grid, COL.unitCode);
  const width = Math.max(...grid.map((row) => row.length), 1);
  const kept = grid.slice(0, headerRow + 1).map((row) => row.map(toSheetValue));
  sheet.getRange(1, 1, grid.length, width).setValues(padGrid<SheetValue>(kept, grid.length, width, ''));
}

function archiveNotice(plan: ArchivePlan, year: number): string {
  const moved = plan.moves.reduce((sum, move) => sum + move.rows.length, 0);
  return (
    (moved > 0
      ? ADDIN_TEXT.setUpArchived(
          moved,
          plan.moves.map((move) => move.tab),
          year,
        )
      : '') + (plan.restored > 0 ? ADDIN_TEXT.setUpRestored(plan.restored, archiveTab(year)) : '')
  );
}

/**
 * Adds each setting Cấu hình lacks, with its default and a Diễn giải, below the existing rows;
 * existing rows are never changed. Returns the tab's grid after the change.
 */
function completeSettings(sheet: Sheet, now: Date): Cell[][] {
  let grid = sheet.getDataRange().getValues() as Cell[][];
  let headerRow = headerRowOf(grid, COL.param);
  if (headerRow < 0) {
    if (grid.some((row) => row.some((cell) => cell !== ''))) return grid;
    grid = [[...SETTINGS_HEADER]];
    sheet.getRange(1, 1, 1, SETTINGS_HEADER.length).setValues([SETTINGS_HEADER.map(toSheetValue)]);
    headerRow = 0;
  }
  const header = grid[headerRow] ?? [];
  const at = {
    param: columnOf(header, COL.param),
    value: columnOf(header, COL.value),
    help: columnOf(header, COL.description),
  };
  if (at.value < 0) return grid;
  const present = new Set(grid.slice(headerRow + 1).map((row) => fold(row[at.param])));
  const missing = defaultSettings(now).filter(({ key }) => !present.has(fold(SETTING[key])));
  if (missing.length === 0) return grid;
  const width = Math.max(header.length, at.param + 1, at.value + 1, at.help + 1);
  const rows = missing.map(({ key, value }) => {
    const row: Cell[] = Array.from({ length: width }, () => '');
    row[at.param] = SETTING[key];
    row[at.value] = value;
    if (at.help >= 0) row[at.help] = SETTING_HELP[key];
    return row;
  });
  const first = lastFilledRow(grid) + 2;
  const range = sheet.getRange(first, 1, rows.length, width);
  range.setValues(rows.map((row) => row.map(toSheetValue)));
  range.setNumberFormats(
    missing.map(({ format }) =>
      Array.from({ length: width }, (_, c) => (c === at.value ? format : NUMBER_PATTERNS.text)),
    ),
  );
  const out = padGrid(grid, first - 1, width, '' as Cell);
  return [...out, ...rows];
}

const lastFilledRow = (grid: Grid): number => {
  for (let r = grid.length - 1; r >= 0; r--)
    if ((grid[r] ?? []).some((cell) => cell !== '' && cell !== null)) return r;
  return -1;
};

interface EntriesResult {
  readonly headerRow: number;
  readonly columns: { month: number; unit: number; resolved: number; online: number; note: number };
  readonly blocks: readonly { unit: Model['units']['list'][number]; firstRow: number; rows: number }[];
  readonly slots: number;
  readonly kept: number;
  /** Other years' rows leaving for their archive tabs, and rows back from the archive of Năm. */
  readonly archive: ArchivePlan;
  /** Writes the laid-out grid in one call; null when the tab already looks like that. */
  readonly write: (() => void) | null;
}

/** Nhập liệu with one row per unit and month, and the one write that gets there when anything changes. */
function planEntries(sheet: Sheet, model: Model, archiveOfYear: Sheet | null): EntriesResult {
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  const formulas = range.getFormulas();
  const archiveRange = archiveOfYear?.getDataRange();
  const archive = planArchive(
    { values, formulas },
    model.settings.year,
    archiveRange
      ? { values: archiveRange.getValues() as Cell[][], formulas: archiveRange.getFormulas() }
      : undefined,
  );
  const layout = layoutEntries(
    archive.values,
    archive.formulas,
    model.units.list,
    (code) => model.units.resolve(code),
    model.settings.year,
    model.settings.classification,
  );
  const current: SheetValue[][] = values.map((row, r) =>
    row.map((cell, c) => {
      const formula = formulas[r]?.[c] ?? '';
      return formula !== '' ? formula : toSheetValue(cell);
    }),
  );
  const height = Math.max(layout.grid.length, values.length);
  const width = Math.max(...layout.grid.map((row) => row.length), values[0]?.length ?? 0);
  const write = sameGrid(current, layout.grid)
    ? null
    : () =>
        sheet.getRange(1, 1, height, width).setValues(padGrid<SheetValue>(layout.grid, height, width, ''));
  return {
    write,
    archive,
    headerRow: layout.headerRow,
    columns: layout.columns,
    blocks: layout.blocks,
    slots: layout.blocks.length * 12,
    kept: layout.kept,
  };
}

/** Bold frozen headers, number formats and data validation on the input tabs. */
function styleInputs(
  spreadsheet: Spreadsheet,
  settingsSheet: Sheet,
  settingsGrid: Grid,
  unitsSheet: Sheet,
  unitsGrid: Grid,
  entriesSheet: Sheet,
  entries: EntriesResult,
): void {
  const help =
    (text: string, allowInvalid: boolean) => (builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder) =>
      builder.setHelpText(text).setAllowInvalid(allowInvalid).build();

  // Nhập liệu: month as text, counts as whole numbers ≥ 0, notes as text.
  const entryFirst = entries.headerRow + 2;
  const entryRows = Math.max(entriesSheet.getMaxRows() - entryFirst + 1, 1);
  boldHeader(entriesSheet, entries.headerRow, entriesSheet.getLastColumn());
  const { month, resolved, online, note } = entries.columns;
  // One Nhập liệu column: its number format and the formula its cells must satisfy (flagged or refused).
  const entryColumn = (
    column: number,
    format: string,
    text: string,
    allowInvalid: boolean,
    formula: string,
  ) => {
    const range = entriesSheet.getRange(entryFirst, column + 1, entryRows, 1);
    range.setNumberFormat(format);
    range.setDataValidation(
      help(text, allowInvalid)(SpreadsheetApp.newDataValidation().requireFormulaSatisfied(formula)),
    );
  };
  entryColumn(month, NUMBER_PATTERNS.text, ADDIN_TEXT.helpMonth, true, monthFormula(entryFirst, month));
  for (const column of [resolved, online])
    entryColumn(
      column,
      NUMBER_PATTERNS.integer,
      ADDIN_TEXT.helpCount,
      false,
      countFormula(entryFirst, column),
    );
  entriesSheet.getRange(entryFirst, note + 1, entryRows, 1).setNumberFormat(NUMBER_PATTERNS.text);

  // Đơn vị: group list, targets as percentages.
  const unitsHeader = Math.max(headerRowOf(unitsGrid, COL.unitCode), 0);
  const unitsFirst = unitsHeader + 2;
  const unitRows = Math.max(unitsSheet.getMaxRows() - unitsFirst + 1, 1);
  const unitsColumns = unitsGrid[unitsHeader] ?? [];
  boldHeader(unitsSheet, unitsHeader, unitsSheet.getLastColumn());
  const groupColumn = columnOf(unitsColumns, COL.group);
  if (groupColumn >= 0) {
    unitsSheet
      .getRange(unitsFirst, groupColumn + 1, unitRows, 1)
      .setDataValidation(
        help(
          ADDIN_TEXT.helpGroup,
          true,
        )(
          SpreadsheetApp.newDataValidation().requireValueInList(
            [...Object.values(GROUP), COMMUNE_TWO_TIER],
            true,
          ),
        ),
      );
  }
  const targetColumn = columnOf(unitsColumns, COL.target);
  if (targetColumn >= 0) {
    const range = unitsSheet.getRange(unitsFirst, targetColumn + 1, unitRows, 1);
    range.setNumberFormat(NUMBER_PATTERNS.percent);
    range.setDataValidation(
      help(ADDIN_TEXT.helpTarget, true)(SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1)),
    );
  }

  // Cấu hình: lists on the value cells of Nguồn ưu tiên and Cách phân loại.
  const settingsHeader = headerRowOf(settingsGrid, COL.param);
  if (settingsHeader >= 0) {
    boldHeader(settingsSheet, settingsHeader, settingsSheet.getLastColumn());
    const columns = settingsGrid[settingsHeader] ?? [];
    const param = columnOf(columns, COL.param);
    const value = columnOf(columns, COL.value);
    // A list of allowed words on one setting's value cell; the other cells of Giá trị stay free.
    const listOnSetting = (key: string, words: string[], helpText: string) => {
      const row = settingsGrid.findIndex(
        (cells, r) => r > settingsHeader && fold(cells[param]) === fold(key),
      );
      if (value < 0 || row < 0) return;
      settingsSheet
        .getRange(row + 1, value + 1)
        .setDataValidation(
          help(helpText, false)(SpreadsheetApp.newDataValidation().requireValueInList(words, true)),
        );
    };
    listOnSetting(SETTING.priority, [SOURCE.portal, SOURCE.entered], ADDIN_TEXT.helpPriority);
    // Cách phân loại: its two values (empty stays allowed: the year's default).
    listOnSetting(SETTING.classification, Object.values(CLASSIFICATION), ADDIN_TEXT.helpClassification);
  }

  // Danh mục DVC: level 3 or 4.
  const catalogue = spreadsheet.getSheetByName(TAB.catalogue);
  if (catalogue) {
    const grid = catalogue.getDataRange().getValues() as Cell[][];
    const headerRow = headerRowOf(grid, COL.procedureCode);
    const level = headerRow >= 0 ? columnOf(grid[headerRow] ?? [], COL.level) : -1;
    if (level >= 0) {
      boldHeader(catalogue, headerRow, catalogue.getLastColumn());
      const first = headerRow + 2;
      catalogue
        .getRange(first, level + 1, Math.max(catalogue.getMaxRows() - first + 1, 1), 1)
        .setDataValidation(
          help(
            ADDIN_TEXT.helpLevel,
            false,
          )(SpreadsheetApp.newDataValidation().requireValueInList([...CATALOGUE_LEVELS], true)),
        );
    }
  }
}

function boldHeader(sheet: Sheet, headerRow: number, lastColumn: number): void {
  sheet.getRange(headerRow + 1, 1, 1, Math.max(lastColumn, 1)).setFontWeight('bold');
  sheet.setFrozenRows(headerRow + 1);
}

const cellA1 = (row: number, column: number): string => {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
};

/** Month text such as 10/2020, T10/2020, Tháng 10/2020, Tháng 10 năm 2020, 2020-10, or a date. */
const monthFormula = (row: number, column: number): string => {
  const cell = cellA1(row, column);
  return `=OR(ISDATE(${cell}),REGEXMATCH(LOWER(TO_TEXT(${cell})),"^\\s*((tháng|thang|th|t)\\s*)?\\d{1,2}\\s*([/.-]|năm|nam)\\s*\\d{4}\\s*$|^\\s*\\d{4}\\s*[/.-]\\s*\\d{1,2}\\s*$"))`;
};

/** A whole number ≥ 0. */
const countFormula = (row: number, column: number): string => {
  const cell = cellA1(row, column);
  return `=AND(ISNUMBER(${cell}),${cell}>=0,${cell}=INT(${cell}))`;
};

/** Nhập liệu: the sheet for owner and admins, each unit's count and note cells also for its own accounts. */
function entryProtections(entries: EntriesResult, admins: readonly string[]): ProtectionPlan[] {
  const columns = runs([entries.columns.resolved, entries.columns.online, entries.columns.note]);
  const blockOf = (firstRow: number, rows: number, [column, width]: [number, number]): Block => ({
    row: firstRow + 1,
    column: column + 1,
    numRows: rows,
    numColumns: width,
  });
  const first = entries.blocks[0];
  const slotRows = entries.blocks.reduce((sum, block) => sum + block.rows, 0);
  const unprotected = first ? columns.map((run) => blockOf(first.firstRow, slotRows, run)) : [];
  const plans: ProtectionPlan[] = [
    {
      sheetName: TAB.entries,
      block: null,
      description: ADDIN_TEXT.protectEntries(TAB.entries),
      editors: admins,
      unprotected,
    },
  ];
  for (const { unit, firstRow, rows } of entries.blocks) {
    for (const run of columns) {
      plans.push({
        sheetName: TAB.entries,
        block: blockOf(firstRow, rows, run),
        description: ADDIN_TEXT.protectUnitRows(unit.code, unit.name),
        editors: [...admins, ...unit.editors],
      });
    }
  }
  return plans;
}

/** Đơn vị: the sheet for owner and admins; each district's accounts may also set its communes' Chỉ tiêu. */
function unitProtections(grid: Grid, model: Model, admins: readonly string[]): ProtectionPlan[] {
  const headerRow = headerRowOf(grid, COL.unitCode);
  const target = headerRow >= 0 ? columnOf(grid[headerRow] ?? [], COL.target) : -1;
  const targetRuns: { district: Model['units']['list'][number]; run: [number, number] }[] = [];
  if (target >= 0) {
    for (const district of model.units.list) {
      if (district.group !== 'district') continue;
      const rows = model.units.list
        .filter((unit) => unit.districtKey === district.key)
        .map((unit) => unit.row);
      for (const run of runs(rows)) targetRuns.push({ district, run });
    }
  }
  const blockOf = ([row, count]: [number, number]): Block => ({
    row: row + 1,
    column: target + 1,
    numRows: count,
    numColumns: 1,
  });
  return [
    {
      sheetName: TAB.units,
      block: null,
      description: ADDIN_TEXT.protectTab(TAB.units),
      editors: admins,
      unprotected: targetRuns.map(({ run }) => blockOf(run)),
    },
    ...targetRuns.map(({ district, run }) => ({
      sheetName: TAB.units,
      block: blockOf(run),
      description: ADDIN_TEXT.protectCommuneTargets(district.code, district.name),
      editors: [...admins, ...district.editors],
    })),
  ];
}

function wholeTab(tab: string, admins: readonly string[]): ProtectionPlan {
  return { sheetName: tab, block: null, description: ADDIN_TEXT.protectTab(tab), editors: admins };
}
