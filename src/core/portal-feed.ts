// Portal rows → rows of the Dữ liệu Cổng DVC tab: catalogue filter, agency codes mapped to units, one row per unit and month.
import { type Cell, type Grid, headerRowOf } from './cells';
import type { ClassificationKey } from './labels';
import { COL, TAB } from './labels';
import { type Model, readModel, type WorkbookInput } from './model';
import { formatMonth, formatTimestamp } from './month';
import { COLUMN_ALIASES, inVocabulary, PORTAL_FORMATS, PORTAL_HEADER } from './schema';
import type { OutputTable } from './table';
import { clean, fold } from './text';
import type { UnitDirectory } from './units';

/** One row of a portal feed: per procedure (procedureCode set; '' for a row without Mã TTHC) or aggregated (null). */
export interface PortalRecord {
  readonly agencyCode: string;
  readonly procedureCode: string | null;
  readonly year: number;
  readonly month: number;
  readonly resolved: number;
  readonly online: number;
}

/** Records of one source, named as the tab's Nguồn column says it (a profile's name, an export file's name). */
export interface SourcedRecords {
  readonly source: string;
  readonly records: readonly PortalRecord[];
}

export interface PortalTab {
  readonly table: OutputTable;
  /** Agency codes that match no unit; their rows keep the portal code and show as Cảnh báo in Kiểm tra. */
  readonly unmapped: readonly string[];
  readonly rowCount: number;
}

/** One built row of the tab, with what the merge needs to place it (its unit-month) and order it. */
export interface PortalRow {
  readonly month: number;
  /** The unit's key, or agencyKey(code) for a code no unit has. */
  readonly key: string;
  /** Place in Đơn vị (unassigned codes last). */
  readonly rank: number;
  /** The unit's code; '' for a code no unit has. */
  readonly code: string;
  /** What the row is ordered by within its month and place: the unit's code, else the portal code. */
  readonly label: string;
  readonly cells: Cell[];
}

/** The key of an agency code no unit has: apart from every unit key (a unit code may equal it, §10.1). */
export const agencyKey = (code: string): string => `\u0000${fold(code)}`;

/**
 * The row key of a portal agency code: its unit's (through Mã trên Cổng DVC, else the unit's own code when
 * the unit has no portal code), or the code's own. A code equal to a Mã đơn vị whose unit has other portal
 * codes is no unit's (contract §10.1).
 */
export function agencyRowKey(units: UnitDirectory, agency: string): string {
  return units.resolveAgency(clean(agency))?.key ?? agencyKey(clean(agency));
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

/** A–Z by text, as the tab lists codes of the same month and place. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per unit and month: total = Σ resolved over all procedures; online = Σ online over procedures in the
 * approved catalogue (aggregated rows carry no procedure and are taken as they are). Rows outside the
 * tracked year are dropped. The row also keeps how many of its procedures were in the catalogue and how
 * many feed rows had no Mã TTHC (the problems of Kiểm tra are derived from those, portal-checks.ts), which
 * sources and agency codes it came from, and when. A code no unit has is a row of its own with an empty
 * Mã đơn vị: warned about, never added to a unit.
 */
export function portalRows(sourced: readonly SourcedRecords[], model: Model, updatedAt: Date): PortalRow[] {
  const { settings, units, catalogue } = model;
  const order = new Map(units.list.map((unit, index) => [unit.key, index]));
  const slots = new Map<
    string,
    {
      key: string;
      code: string;
      rank: number;
      month: number;
      resolved: number;
      online: number;
      procedures: Set<string> | null;
      inCatalogue: Set<string>;
      withoutCode: number;
      sources: Set<string>;
      agencies: Map<string, string>;
    }
  >();
  for (const { source, records } of sourced) {
    for (const record of records) {
      if (record.year !== settings.year) continue;
      const agency = clean(record.agencyCode);
      const unit = units.resolveAgency(agency);
      const key = unit ? unit.key : agencyKey(agency);
      const slotKey = `${key}\u0001${record.month}`;
      let slot = slots.get(slotKey);
      if (!slot) {
        slot = {
          key,
          code: unit ? unit.code : '',
          rank: unit ? (order.get(unit.key) ?? 0) : Number.MAX_SAFE_INTEGER,
          month: record.month,
          resolved: 0,
          online: 0,
          procedures: record.procedureCode === null ? null : new Set(),
          inCatalogue: new Set(),
          withoutCode: 0,
          sources: new Set(),
          agencies: new Map(),
        };
        slots.set(slotKey, slot);
      }
      if (source !== '') slot.sources.add(source);
      if (!slot.agencies.has(fold(agency))) slot.agencies.set(fold(agency), agency);
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
  }
  const stamp = formatTimestamp(updatedAt);
  return [...slots.values()].map((slot) => ({
    month: slot.month,
    key: slot.key,
    rank: slot.rank,
    code: slot.code,
    label: slot.code || [...slot.agencies.values()].sort(byText).join(', '),
    cells: [
      formatMonth({ year: settings.year, month: slot.month }),
      slot.code,
      slot.resolved,
      slot.online,
      slot.procedures ? slot.procedures.size : '',
      stamp,
      [...slot.sources].sort(byText).join(', '),
      // Aggregated rows pass no filter: nothing to tell (and the Lỗi of §8.4 never applies to them).
      slot.procedures ? slot.inCatalogue.size : '',
      slot.procedures ? slot.withoutCode : '',
      [...slot.agencies.values()].sort(byText).join(', '),
      '',
    ],
  }));
}

/** Rows in the tab's order: by month, then units in the order of Đơn vị, then codes no unit has. */
export function sortPortalRows<T extends { month: number; rank: number; label: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.month - b.month || a.rank - b.rank || byText(a.label, b.label));
}

/** The tab of one set of records alone (what a run without earlier rows writes). */
export function buildPortalTab(
  records: readonly PortalRecord[],
  input: WorkbookInput,
  updatedAt: Date,
  source = '',
): PortalTab {
  const model = readModel(input, updatedAt);
  const rows = sortPortalRows(portalRows([{ source, records }], model, updatedAt));
  return portalTab(rows, input, model);
}

/** The table of rows (`fresh`: this run's), under the tab's own online header, with the codes no unit has. */
export function portalTab(
  rows: readonly { readonly cells: Cell[] }[],
  input: WorkbookInput,
  model: Model,
  fresh: readonly PortalRow[] = rows as readonly PortalRow[],
): PortalTab {
  // Codes of this run's rows that no unit has (rows kept from earlier runs were counted by those runs).
  const unmapped = new Set<string>();
  const portalColumn = PORTAL_HEADER.indexOf(COL.portalCode);
  for (const row of fresh) if (row.code === '') unmapped.add(String(row.cells[portalColumn] ?? ''));
  return {
    table: {
      tab: TAB.portal,
      title: [],
      header: portalHeader(input.portal, model.settings.classification),
      rows: rows.map((row) => row.cells),
      formats: PORTAL_FORMATS,
    },
    unmapped: [...unmapped].filter((code) => code !== '').sort(),
    rowCount: rows.length,
  };
}
