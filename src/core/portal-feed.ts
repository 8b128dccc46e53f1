// Portal rows → the Dữ liệu Cổng DVC tab: catalogue filter, agency codes mapped to units, one row per unit and month.
import { type Cell, type Grid, headerRowOf } from './cells';
import type { ClassificationKey } from './labels';
import { COL, TAB } from './labels';
import { readModel, type WorkbookInput } from './model';
import { formatMonth, formatTimestamp } from './month';
import { COLUMN_ALIASES, inVocabulary, PORTAL_FORMATS, PORTAL_HEADER } from './schema';
import type { OutputTable } from './table';
import { clean, fold } from './text';

/** One row of a portal feed: per procedure (procedureCode set; '' for a row without Mã TTHC) or aggregated (null). */
export interface PortalRecord {
  readonly agencyCode: string;
  readonly procedureCode: string | null;
  readonly year: number;
  readonly month: number;
  readonly resolved: number;
  readonly online: number;
}

export interface PortalTab {
  readonly table: OutputTable;
  /** Agency codes that match no unit; their rows keep the portal code and show as Cảnh báo in Kiểm tra. */
  readonly unmapped: readonly string[];
  readonly rowCount: number;
}

/**
 * The header Dữ liệu Cổng DVC is written with: the tab's own online header when it has one of the two
 * (contract §8.1: written under the sheet's own), else the one Cách phân loại gives.
 */
export function portalHeader(existing: Grid | undefined, classification: ClassificationKey): string[] {
  const header = inVocabulary(PORTAL_HEADER, classification);
  const row = existing ? existing[headerRowOf(existing, COL.unitCode)] : undefined;
  if (!row) return header;
  const names = [COL.online, ...(COLUMN_ALIASES[COL.online] ?? [])];
  const own = names.find((name) => row.some((cell) => fold(cell) === fold(name)));
  return own ? header.map((name, c) => (PORTAL_HEADER[c] === COL.online ? own : name)) : header;
}

/**
 * Per unit and month: total = Σ resolved over all procedures; online = Σ online over procedures in the
 * approved catalogue (aggregated rows carry no procedure and are taken as they are). Rows outside the
 * tracked year are dropped. The row also keeps how many of its procedures were in the catalogue and how
 * many feed rows had no Mã TTHC: the problems of Kiểm tra are derived from those (portal-checks.ts).
 */
export function buildPortalTab(
  records: readonly PortalRecord[],
  input: WorkbookInput,
  updatedAt: Date,
): PortalTab {
  const { settings, units, catalogue } = readModel(input, updatedAt);
  const order = new Map(units.list.map((unit, index) => [unit.key, index]));
  const slots = new Map<
    string,
    {
      code: string;
      rank: number;
      month: number;
      resolved: number;
      online: number;
      procedures: Set<string> | null;
      inCatalogue: Set<string>;
      withoutCode: number;
    }
  >();
  const unmapped = new Set<string>();
  for (const record of records) {
    if (record.year !== settings.year) continue;
    const agency = clean(record.agencyCode);
    const unit = units.resolveAgency(agency);
    if (!unit) unmapped.add(agency);
    const code = unit?.code ?? agency;
    const key = `${fold(code)}\u0000${record.month}`;
    let slot = slots.get(key);
    if (!slot) {
      slot = {
        code,
        rank: unit ? (order.get(unit.key) ?? 0) : Number.MAX_SAFE_INTEGER,
        month: record.month,
        resolved: 0,
        online: 0,
        procedures: record.procedureCode === null ? null : new Set(),
        inCatalogue: new Set(),
        withoutCode: 0,
      };
      slots.set(key, slot);
    }
    slot.resolved += record.resolved;
    if (record.procedureCode === null) slot.online += record.online;
    else {
      const procedure = fold(record.procedureCode);
      if (!slot.procedures) slot.procedures = new Set();
      slot.procedures.add(procedure);
      // A row without a code cannot pass the filter whatever the catalogue holds (contract §8.3).
      if (procedure === '') slot.withoutCode++;
      else if (catalogue.codes.has(procedure)) {
        slot.online += record.online;
        slot.inCatalogue.add(procedure);
      }
    }
  }
  const stamp = formatTimestamp(updatedAt);
  const rows: Cell[][] = [...slots.values()]
    .sort((a, b) => a.month - b.month || a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((slot) => [
      formatMonth({ year: settings.year, month: slot.month }),
      slot.code,
      slot.resolved,
      slot.online,
      slot.procedures ? slot.procedures.size : '',
      stamp,
      // Aggregated rows pass no filter: nothing to tell (and the Lỗi of §8.4 never applies to them).
      slot.procedures ? slot.inCatalogue.size : '',
      slot.procedures ? slot.withoutCode : '',
    ]);
  return {
    table: {
      tab: TAB.portal,
      title: [],
      header: portalHeader(input.portal, settings.classification),
      rows,
      formats: PORTAL_FORMATS,
    },
    unmapped: [...unmapped].sort(),
    rowCount: rows.length,
  };
}
