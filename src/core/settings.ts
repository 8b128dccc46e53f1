// The Cấu hình tab: year, floor, source priority, thresholds, points, reporting month, administrators.
import { type Cell, cellAddress, type Grid, isBlank, pick, readTable, quoteCell as showCell } from './cells';
import { compare, type Fraction } from './fraction';
import { CLASSIFICATION, type ClassificationKey, COL, MSG, SETTING, SOURCE, TAB } from './labels';
import { type Month, monthOfInstant } from './month';
import { parseMonth, parsePercent, parsePositiveNumber, parseYear } from './parse';
import type { ProblemLog } from './problems';
import { clean, fold, splitList } from './text';

export type SourceKey = 'portal' | 'entered';

export interface Settings {
  readonly year: number;
  readonly floor: Fraction;
  readonly priority: SourceKey;
  readonly threshold: Fraction;
  readonly maxPoints: number;
  /** Kỳ báo cáo đến, when set and valid. */
  readonly through: Month | null;
  /** Lower-cased accounts besides the owner that may recompute and edit output tabs. */
  readonly admins: readonly string[];
  /** Hạn nhập liệu: the day of the next month by which a month's figures are due (1–27). */
  readonly deadlineDay: number;
  /** Names printed on Báo cáo (Cơ quan chủ quản, Cơ quan báo cáo, Địa danh); '' when not set. */
  readonly parentAgency: string;
  readonly reportingAgency: string;
  readonly place: string;
  /** Số ký hiệu báo cáo as typed, without a leading "Số:"; '' when not set. */
  readonly reportNumber: string;
  /** Nơi nhận, one recipient per line without its leading dash; empty when not set. */
  readonly recipients: readonly string[];
  /** Cách phân loại: names of online services in what the product writes (contract §8.1). */
  readonly classification: ClassificationKey;
  /** Every parameter's value as typed (first row of each name), by folded name: portal profiles quote them. */
  readonly raw: ReadonlyMap<string, string>;
}

/** Cách phân loại when Cấu hình leaves it empty: Mức độ 3, 4 through 2022, Toàn trình, một phần after. */
export function defaultClassification(year: number): ClassificationKey {
  return year <= 2022 ? 'levels' : 'modes';
}

/** Cách phân loại typed in Cấu hình, compared as section 2 says; null when it is neither value. */
export function parseClassification(cell: Cell): ClassificationKey | null {
  const squeeze = (value: unknown) => fold(value).replace(/[\s,.;/+&-]/g, '');
  const key = squeeze(cell);
  for (const [name, text] of Object.entries(CLASSIFICATION) as [ClassificationKey, string][])
    if (key === squeeze(text)) return name;
  return null;
}

// Each Cấu hình value when its cell is empty: the one source for reading it, set-up's new rows and the checks.
/** The floor of Decision 2566/QĐ-UBND (at least 20%): Chỉ tiêu tối thiểu when empty; below it Cấu hình warns. */
export const DEFAULT_FLOOR: Fraction = { n: 1, d: 5 };
/** Ngưỡng chênh lệch: Đối chiếu lists unit-months whose sources differ by more than 5%. */
export const DEFAULT_THRESHOLD: Fraction = { n: 1, d: 20 };
/** Nguồn ưu tiên: the portal's figures win a month both sources have. */
export const DEFAULT_PRIORITY: SourceKey = 'portal';
/** Điểm tối đa: a unit at its target scores 1. */
export const DEFAULT_MAX_POINTS = 1;
/** Hạn nhập liệu when not set: figures of a month are due on the 5th of the next. */
export const DEFAULT_DEADLINE_DAY = 5;
/** Latest Hạn nhập liệu: the day after it (the monthly reminder) then exists in every month. */
export const LAST_DEADLINE_DAY = 27;

/** Shows a fraction of 1 as a Vietnamese percentage: 30,5%. */
export function showPercent(value: Fraction): string {
  const percent = (value.n * 100) / value.d;
  const text = Number.isInteger(percent) ? String(percent) : String(Number(percent.toFixed(4)));
  return `${text.replace('.', ',')}%`;
}

/**
 * Nơi nhận as lines: the lines of the cell (Alt+Enter), or, typed on one line, its parts each ending with
 * ';' (kept: the office's own punctuation is printed as typed). A leading dash or bullet is dropped, the
 * report prints its own.
 */
export function recipientLines(cell: Cell): string[] {
  const text = isBlank(cell) ? '' : String(cell).normalize('NFC');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const parts = lines.length === 1 ? text.split(/(?<=;)/) : lines;
  return parts.map((line) => clean(line).replace(/^[-–—•+*]\s*/, '')).filter((line) => line !== '');
}

/** Reads Cấu hình; every bad value is reported and replaced by its default. */
export function readSettings(grid: Grid, now: Date, problems: ProblemLog): Settings {
  const tab = TAB.settings;
  const table = readTable(grid, COL.param, [COL.param, COL.value]);
  const values = new Map<string, { cell: Cell; address: string }>();
  const raw = new Map<string, string>();
  // A renamed Giá trị header would silently put every setting back to its default.
  if (table.headerRow >= 0 && table.missing.includes(COL.value))
    problems.error(tab, '', MSG.missingColumn(tab, COL.value));
  if (table.headerRow >= 0) {
    const known = new Set(Object.values(SETTING).map(fold));
    for (const { index, cells } of table.rows) {
      const name = fold(pick(table, cells, COL.param));
      if (name === '') continue;
      if (!raw.has(name)) raw.set(name, showCell(pick(table, cells, COL.value)));
      const address = cellAddress(table, index, COL.value);
      if (!known.has(name)) {
        problems.warning(
          tab,
          cellAddress(table, index, COL.param),
          MSG.unknownSetting(showCell(pick(table, cells, COL.param))),
        );
        continue;
      }
      if (values.has(name)) {
        problems.warning(tab, address, MSG.duplicateSetting(showCell(pick(table, cells, COL.param))));
        continue;
      }
      values.set(name, { cell: pick(table, cells, COL.value), address });
    }
  }
  const get = (key: string) => values.get(fold(key));
  const currentYear = monthOfInstant(now)?.year ?? new Date().getUTCFullYear();

  /**
   * A setting read by `parse`: its default when empty, and when `parse` refuses it (null) an error naming
   * the value and the default kept. The one rule for every Cấu hình value.
   */
  const setting = <T>(
    key: string,
    parse: (cell: Cell) => T | null,
    fallback: T,
    bad: (shown: string) => string,
  ): T => {
    const entry = get(key);
    if (!entry || isBlank(entry.cell)) return fallback;
    const parsed = parse(entry.cell);
    if (parsed !== null) return parsed;
    problems.error(tab, entry.address, bad(showCell(entry.cell)));
    return fallback;
  };

  const year = setting(SETTING.year, parseYear, currentYear, MSG.badYear);
  const percentSetting = (key: string, fallback: Fraction): Fraction =>
    setting(
      key,
      (cell) => {
        const parsed = parsePercent(cell);
        return parsed && parsed.n <= parsed.d ? parsed : null;
      },
      fallback,
      (shown) => MSG.badPercentSetting(key, shown),
    );
  const floor = percentSetting(SETTING.floor, DEFAULT_FLOOR);
  if (compare(floor, DEFAULT_FLOOR) < 0)
    problems.warning(
      tab,
      get(SETTING.floor)?.address ?? '',
      MSG.floorTooLow(showPercent(floor), showPercent(DEFAULT_FLOOR)),
    );
  const threshold = percentSetting(SETTING.threshold, DEFAULT_THRESHOLD);
  const priority = setting(
    SETTING.priority,
    (cell): SourceKey | null =>
      fold(cell) === fold(SOURCE.entered) ? 'entered' : fold(cell) === fold(SOURCE.portal) ? 'portal' : null,
    DEFAULT_PRIORITY,
    MSG.badPriority,
  );
  const maxPoints = setting(SETTING.maxPoints, parsePositiveNumber, DEFAULT_MAX_POINTS, MSG.badPoints);
  // A month of another year is its own error (it names the year), so it is checked after parsing.
  const throughCell = get(SETTING.through);
  let through = setting(SETTING.through, parseMonth, null, MSG.badThrough);
  if (through && through.year !== year) {
    problems.error(
      tab,
      throughCell?.address ?? '',
      MSG.throughOutsideYear(showCell(throughCell?.cell), year),
    );
    through = null;
  }
  const admins = splitList(get(SETTING.admins)?.cell);
  const deadlineDay = setting(
    SETTING.deadline,
    (cell) => {
      const parsed = parsePositiveNumber(cell);
      return parsed !== null && Number.isInteger(parsed) && parsed <= LAST_DEADLINE_DAY ? parsed : null;
    },
    DEFAULT_DEADLINE_DAY,
    (shown) => MSG.badDeadline(shown, DEFAULT_DEADLINE_DAY),
  );
  const text = (key: string): string => clean(get(key)?.cell ?? '');
  const classification = setting(
    SETTING.classification,
    parseClassification,
    defaultClassification(year),
    MSG.badClassification,
  );
  return {
    year,
    floor,
    priority,
    threshold,
    maxPoints,
    through,
    admins,
    deadlineDay,
    parentAgency: text(SETTING.parentAgency),
    reportingAgency: text(SETTING.reportingAgency),
    place: text(SETTING.place),
    reportNumber: text(SETTING.reportNumber).replace(/^số\s*:\s*/i, ''),
    recipients: recipientLines(get(SETTING.recipients)?.cell ?? ''),
    classification,
    raw,
  };
}
