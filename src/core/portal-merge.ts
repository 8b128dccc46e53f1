// One merge of portal rows by grain (contract §10.1): what a run fetched completely replaces its month or unit-month; the rest of Dữ liệu Cổng DVC is kept.
import { type Cell, pick, readTable } from './cells';
import { COL } from './labels';
import { readModel, type WorkbookInput } from './model';
import { formatTimestamp, type Month } from './month';
import { parseMonth } from './parse';
import {
  agencyRowKey,
  type PortalRecord,
  type PortalTab,
  portalRows,
  portalTab,
  type SourcedRecords,
  sortPortalRows,
} from './portal-feed';
import { COLUMN_ALIASES, PORTAL_HEADER } from './schema';
import { clean } from './text';

/**
 * What one complete answer stands for: the whole province for a month (a request per month), one unit's
 * month (a request per unit and month, by the unit's portal code), or the unit-months an export file has rows for.
 */
export type PortalGrain =
  | { readonly kind: 'month'; readonly month: Month }
  | { readonly kind: 'unit-month'; readonly month: Month; readonly agency: string }
  | { readonly kind: 'file' };

/** One complete answer of this run: its records, their Nguồn, and what they replace. */
export interface PortalAnswer extends SourcedRecords {
  readonly grain: PortalGrain;
}

export interface PortalMerge extends PortalTab {
  /** Rows of earlier runs written again as they were (flagged ones included). */
  readonly keptRows: number;
  /** Rows this run answered with nothing for, kept and flagged with this run's time (Kiểm tra warns). */
  readonly keptDespiteEmpty: number;
}

/** An earlier row read back: its cells in today's column order, and the unit-month it stands for. */
interface EarlierRow {
  /** Month (1–12) of Năm; null for a row of another year or an unreadable Kỳ (never replaced). */
  readonly month: number | null;
  readonly key: string;
  readonly rank: number;
  readonly label: string;
  readonly cells: Cell[];
}

const slot = (key: string, at: number): string => `${key}\u0001${at}`;

/**
 * The new Dữ liệu Cổng DVC: the rows built from this run's answers, and every earlier row (of `input.portal`)
 * that no complete, non-empty answer replaced. A month-grain answer with rows replaces every row of its
 * month (a unit absent from it loses its row); a unit-month answer with rows replaces its unit's month; an
 * export file replaces the unit-months it has rows for. An answer with no rows replaces nothing: the rows
 * it would have replaced are kept and get this run's time in `Nguồn trả về rỗng lúc`, from which Kiểm tra
 * warns (portal-checks.ts), in the sync and in the add-in alike. `rebuild` drops every earlier row.
 */
export function mergePortalTab(
  input: WorkbookInput,
  answers: readonly PortalAnswer[],
  updatedAt: Date,
  rebuild = false,
): PortalMerge {
  const model = readModel(input, updatedAt);
  const { units, settings } = model;
  const order = new Map(units.list.map((unit, index) => [unit.key, index]));
  const fresh = portalRows(answers, model, updatedAt);
  const inYear = (month: Month): number | null => (month.year === settings.year ? month.month : null);

  // What this run replaces (answers with rows), and what it was answered nothing for.
  const replacedMonths = new Set<number>();
  const replacedSlots = new Set<string>();
  const emptyMonths = new Set<number>();
  const emptySlots = new Set<string>();
  const answeredSlots = new Map<string, number>();
  for (const answer of answers) {
    const { grain } = answer;
    const rows = answer.records.filter((r) => r.year === settings.year);
    if (grain.kind === 'month') {
      const at = inYear(grain.month);
      if (at === null) continue;
      if (rows.length > 0) replacedMonths.add(at);
      else emptyMonths.add(at);
    } else if (grain.kind === 'unit-month') {
      const at = inYear(grain.month);
      if (at === null) continue;
      // A unit with two portal codes is one unit-month: answered when either code has rows.
      const key = slot(agencyRowKey(units, grain.agency), at);
      answeredSlots.set(key, (answeredSlots.get(key) ?? 0) + rows.length);
    } else for (const record of rows) replacedSlots.add(slotOf(units, record));
  }
  for (const [key, rows] of answeredSlots) (rows > 0 ? replacedSlots : emptySlots).add(key);

  const earlier = rebuild ? [] : readEarlier(input, model, order);
  const stamp = formatTimestamp(updatedAt);
  const flagColumn = PORTAL_HEADER.indexOf(COL.emptyAnswerAt);
  const kept: EarlierRow[] = [];
  let keptDespiteEmpty = 0;
  for (const row of earlier) {
    const at = row.month;
    if (at !== null && (replacedMonths.has(at) || replacedSlots.has(slot(row.key, at)))) continue;
    if (at !== null && (emptyMonths.has(at) || emptySlots.has(slot(row.key, at)))) {
      row.cells[flagColumn] = stamp;
      keptDespiteEmpty++;
    }
    kept.push(row);
  }
  // Rows of other years or unreadable months stay, after the year's rows, in their own order.
  const dated: { month: number; rank: number; label: string; cells: Cell[] }[] = [...fresh];
  for (const row of kept) if (row.month !== null) dated.push({ ...row, month: row.month });
  const rows = [...sortPortalRows(dated), ...kept.filter((row) => row.month === null)];
  const tab = portalTab(rows, input, model, fresh);
  return { ...tab, keptRows: kept.length, keptDespiteEmpty };
}

/** The unit-month slot of a record: its unit's (or its own code's) key and month. */
function slotOf(units: ReturnType<typeof readModel>['units'], record: PortalRecord): string {
  return slot(agencyRowKey(units, record.agencyCode), record.month);
}

/**
 * The rows already in Dữ liệu Cổng DVC, in today's columns (found by header text: a tab of an earlier version
 * without Nguồn or the newer columns reads, the missing cells empty). A row's unit is its Mã đơn vị, or for a
 * row of a code no unit had, the unit that code now maps to (so a code the office has since assigned is
 * replaced by the run that fetches it under its unit).
 */
function readEarlier(
  input: WorkbookInput,
  model: ReturnType<typeof readModel>,
  order: ReadonlyMap<string, number>,
): EarlierRow[] {
  const grid = input.portal ?? [];
  if (grid.length === 0) return [];
  const table = readTable(grid, COL.unitCode, PORTAL_HEADER, COLUMN_ALIASES);
  if (table.headerRow < 0) return [];
  const { units, settings } = model;
  return table.rows.map(({ cells }) => {
    const month = parseMonth(pick(table, cells, COL.month));
    const code = clean(pick(table, cells, COL.unitCode));
    const portal = clean(pick(table, cells, COL.portalCode));
    const unit = code !== '' ? units.resolve(code) : undefined;
    const key = unit
      ? unit.key
      : code !== ''
        ? agencyRowKey(units, code)
        : portal !== ''
          ? agencyRowKey(units, portal)
          : '';
    const rankUnit = unit ?? (portal !== '' ? units.resolveAgency(portal) : undefined);
    return {
      month: month && month.year === settings.year ? month.month : null,
      key,
      rank: rankUnit ? (order.get(rankUnit.key) ?? 0) : Number.MAX_SAFE_INTEGER,
      label: code || portal,
      cells: PORTAL_HEADER.map((column) => {
        const cell = pick(table, cells, column);
        return cell === undefined ? '' : cell;
      }),
    };
  });
}
