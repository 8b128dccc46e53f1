// Diễn biến theo tháng: one row per unit, that month's ratio for each month of Năm, the year to date and the target, coloured against the target.
import type { Cell } from './cells';
import { columnLetter } from './cells';
import type { UnitMonths } from './figures';
import { MONTHLY_TEXT, STATUS, TAB } from './labels';
import { type Month, monthIndex } from './month';
import {
  MONTHLY_LEAD_FORMATS,
  MONTHLY_LEAD_HEADER,
  MONTHLY_TAIL_FORMATS,
  MONTHLY_TAIL_HEADER,
} from './schema';
import type { ColourRule, OutputTable } from './table';
import type { Unit } from './units';

/** What the table needs of each unit beyond its months: the year-to-date figures Tỷ lệ shows. */
export interface MonthlyUnit {
  readonly unit: Unit;
  readonly merged: UnitMonths;
  readonly ratio: Cell;
  readonly target: number;
  readonly status: string;
}

export function buildMonthlyTable(
  year: number,
  through: Month | null,
  units: readonly MonthlyUnit[],
  periodLine: string,
): OutputTable {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const header = [
    ...MONTHLY_LEAD_HEADER,
    ...months.map((m) => MONTHLY_TEXT.month(m, year)),
    ...MONTHLY_TAIL_HEADER,
  ];
  const formats = [...MONTHLY_LEAD_FORMATS, ...months.map(() => 'percent' as const), ...MONTHLY_TAIL_FORMATS];
  const last = through && through.year === year ? monthIndex(through) : Number.NEGATIVE_INFINITY;
  const rows = units.map(({ unit, merged, ratio, target, status }) => {
    const byMonth = new Map(merged.chosen.map((entry) => [entry.month, entry.figure]));
    const monthly = months.map((m): Cell => {
      const index = monthIndex({ year, month: m });
      const figure = index <= last ? byMonth.get(index) : undefined;
      return figure && figure.resolved > 0 ? figure.online / figure.resolved : '';
    });
    return [unit.code, unit.name, unit.groupText, ...monthly, ratio, target, status];
  });
  const title = [MONTHLY_TEXT.title(year), periodLine, MONTHLY_TEXT.legend];

  // Month and year-to-date cells against the row's target; Đánh giá as on the other tabs.
  const first = title.length + 1;
  const lead = MONTHLY_LEAD_HEADER.length;
  const ytd = lead + months.length;
  const targetLetter = columnLetter(ytd + 1);
  const statusLetter = columnLetter(ytd + 2);
  const topRow = first + 1;
  const ratioBlock = { row: first, column: lead, rows: Math.max(rows.length, 1), columns: months.length + 1 };
  const statusBlock = { row: first, column: ytd + 2, rows: Math.max(rows.length, 1), columns: 1 };
  const cell = `${columnLetter(lead)}${topRow}`;
  const target = `$${targetLetter}${topRow}`;
  const status = `$${statusLetter}${topRow}`;
  const colourRules: ColourRule[] = [
    { block: ratioBlock, formula: `AND(ISNUMBER(${cell}),${cell}>=${target})`, colour: 'met' },
    { block: ratioBlock, formula: `AND(ISNUMBER(${cell}),${cell}<${target})`, colour: 'notMet' },
    { block: statusBlock, formula: `${status}="${STATUS.met}"`, colour: 'met' },
    { block: statusBlock, formula: `${status}="${STATUS.notMet}"`, colour: 'notMet' },
    { block: statusBlock, formula: `${status}="${STATUS.dataError}"`, colour: 'dataError' },
    { block: statusBlock, formula: `${status}="${STATUS.noData}"`, colour: 'noData' },
  ];
  // On paper only the months up to the reporting month: the later ones are empty by definition.
  const shown = through && through.year === year ? through.month : months.length;
  const unprinted =
    shown < months.length ? { column: lead + shown, columns: months.length - shown } : undefined;
  return {
    tab: TAB.monthly,
    title,
    header,
    rows,
    formats,
    layout: { colourRules, ...(unprinted ? { unprinted } : {}) },
  };
}
