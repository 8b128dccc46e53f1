// Units with no figures for a month others have reported: Cảnh báo rows for Kiểm tra and the add-in's reminder list.
import { cellAddress, type Grid, isBlank, pick, readTable } from './cells';
import type { SourceFigures } from './figures';
import { COL, MSG, TAB } from './labels';
import { formatMonth, fromIndex, type Month, monthIndex } from './month';
import { parseMonth } from './parse';
import type { ProblemLog } from './problems';
import { clean } from './text';
import type { Unit, UnitDirectory } from './units';

/** One unit to remind: who it is, where to write, which months are missing (oldest first). */
export interface Reminder {
  readonly code: string;
  readonly name: string;
  /** Email nhập liệu, lower-cased; may be empty (then no e-mail can be sent). */
  readonly editors: readonly string[];
  readonly months: readonly Month[];
}

/** Whether a source has anything for a unit-month: figures, or a row with an error (already a Lỗi). */
const hasAny = (source: SourceFigures, key: string, month: number): boolean =>
  source.valid.get(key)?.has(month) === true || source.errors.get(key)?.has(month) === true;

/**
 * Every unit with nothing from either source for a month of Năm up to `through` while at least one
 * other unit has something for that month. Each missing unit-month is a Cảnh báo on Nhập liệu, at the
 * unit's prefilled row for that month when there is one (so the clerk sees where to type).
 */
export function findMissing(
  units: UnitDirectory,
  entered: SourceFigures,
  portal: SourceFigures,
  through: Month | null,
  entries: Grid | undefined,
  log: ProblemLog,
): Reminder[] {
  if (!through || units.list.length < 2) return [];
  const months: number[] = [];
  for (let m = 1; m <= through.month; m++) months.push(monthIndex({ year: through.year, month: m }));
  const has = (unit: Unit, month: number) =>
    hasAny(entered, unit.key, month) || hasAny(portal, unit.key, month);
  // As for the period (contract 8.4), only figures that count make a month "reported by others".
  const valid = (unit: Unit, month: number) =>
    entered.valid.get(unit.key)?.has(month) === true || portal.valid.get(unit.key)?.has(month) === true;
  const reported = new Set(months.filter((month) => units.list.some((unit) => valid(unit, month))));
  if (reported.size === 0) return [];
  const cells = blankRowCells(entries, units);
  const reminders: Reminder[] = [];
  for (const unit of units.list) {
    const missing = months.filter((month) => reported.has(month) && !has(unit, month));
    if (missing.length === 0) continue;
    // One warning per unit, at the row of its first missing month; Kỳ only when a single month is missing.
    const list = missing.map(fromIndex);
    const first = missing[0] as number;
    log.warning(
      TAB.entries,
      cells.get(`${unit.key}|${first}`) ?? '',
      MSG.missingFigures(monthsText(list)),
      unit.code,
      list.length === 1 ? formatMonth(list[0] as Month) : '',
    );
    reminders.push({ code: unit.code, name: unit.name, editors: unit.editors, months: list });
  }
  return reminders;
}

/** Months as a clerk reads them, runs shortened: 01–06/2020, 09/2020. */
export function monthsText(months: readonly Month[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < months.length) {
    const start = months[i] as Month;
    let j = i;
    while (j + 1 < months.length && monthIndex(months[j + 1] as Month) === monthIndex(months[j] as Month) + 1)
      j++;
    const end = months[j] as Month;
    const pad = (m: Month) => String(m.month).padStart(2, '0');
    parts.push(
      j === i
        ? formatMonth(start)
        : start.year === end.year
          ? `${pad(start)}–${formatMonth(end)}`
          : `${formatMonth(start)}–${formatMonth(end)}`,
    );
    i = j + 1;
  }
  return parts.join(', ');
}

/** A1 of the Tổng số hồ sơ cell of each prefilled, still empty Nhập liệu row, by unit key and month. */
function blankRowCells(entries: Grid | undefined, units: UnitDirectory): Map<string, string> {
  const cells = new Map<string, string>();
  if (!entries) return cells;
  const table = readTable(entries, COL.unitCode, [COL.month, COL.unitCode, COL.resolved]);
  if (table.headerRow < 0 || table.missing.length > 0) return cells;
  const monthOf = new Map<string, number | null>();
  for (const { index, cells: row } of table.rows) {
    if (!isBlank(pick(table, row, COL.resolved))) continue;
    const unit = units.resolve(clean(pick(table, row, COL.unitCode)));
    if (!unit) continue;
    const raw = pick(table, row, COL.month);
    const rawKey = clean(raw);
    let month = monthOf.get(rawKey);
    if (month === undefined) {
      const parsed = parseMonth(raw);
      month = parsed ? monthIndex(parsed) : null;
      monthOf.set(rawKey, month);
    }
    const key = `${unit.key}|${month}`;
    if (month !== null && !cells.has(key)) cells.set(key, cellAddress(table, index, COL.resolved));
  }
  return cells;
}
