// The Đơn vị tab: units, their group, district, target, portal codes and data-entry accounts.
import { cellAddress, type Grid, isBlank, pick, readTable, quoteCell as showCell } from './cells';
import { compare, type Fraction } from './fraction';
import { COL, COMMUNE_TWO_TIER, GROUP, type GroupKey, MSG, TAB } from './labels';
import { parseGroup, parsePercent } from './parse';
import type { ProblemLog } from './problems';
import { UNITS_HEADER } from './schema';
import { type Settings, showPercent } from './settings';
import { clean, excerpt, fold, isEmail, splitList } from './text';

export interface Unit {
  readonly code: string;
  /** Comparison key of the code (NFC, trimmed, case-folded). */
  readonly key: string;
  readonly name: string;
  readonly group: GroupKey | null;
  /** Nhóm as typed, shown when it is not one of the three groups. */
  readonly groupText: string;
  /** Key of the district (a unit of group `district`) this commune belongs to, when valid. */
  readonly districtKey: string | null;
  /** Mã đơn vị cấp trên as typed. */
  readonly parentText: string;
  readonly target: Fraction;
  /** Portal agency codes (keys) mapped to this unit; empty means the unit's own code. */
  readonly portalKeys: readonly string[];
  readonly editors: readonly string[];
  /** 0-based row of the unit in the Đơn vị grid, and A1 of its Chỉ tiêu cell. */
  readonly row: number;
  readonly targetCell: string;
}

export interface UnitDirectory {
  readonly list: readonly Unit[];
  readonly byKey: ReadonlyMap<string, Unit>;
  readonly hasDistricts: boolean;
  /** The unit a portal agency code belongs to: its Mã trên Cổng DVC, else its own code. */
  resolveAgency(code: string): Unit | undefined;
  /** The unit a code typed in a tab means: its own code, else a portal code mapped to it. */
  resolve(code: string): Unit | undefined;
}

export function readUnits(grid: Grid, settings: Settings, problems: ProblemLog): UnitDirectory {
  const tab = TAB.units;
  const table = readTable(grid, COL.unitCode, UNITS_HEADER);
  if (table.headerRow < 0)
    problems.error(
      tab,
      '',
      grid.length === 0 ? MSG.missingTab(tab) : MSG.missingHeaderRow(tab, COL.unitCode),
    );

  const list: Unit[] = [];
  const byKey = new Map<string, Unit>();
  const firstCell = new Map<string, string>();
  const rows = table.rows.map(({ index, cells }) => ({
    index,
    code: clean(pick(table, cells, COL.unitCode)),
    parent: clean(pick(table, cells, COL.parentCode)),
    group: parseGroup(pick(table, cells, COL.group)),
    cells,
  }));
  const groupOfKey = new Map<string, GroupKey | null>();
  for (const row of rows)
    if (row.code !== '' && !groupOfKey.has(fold(row.code))) groupOfKey.set(fold(row.code), row.group);
  const hasDistricts = rows.some((row) => row.group === 'district');
  // A renamed or merged header of a column the figures depend on is a Lỗi naming it, never a silent default.
  for (const column of table.headerRow < 0 ? [] : table.missing) {
    if (column === COL.unitName || column === COL.unitCode || column === COL.group)
      problems.error(tab, '', MSG.missingColumn(tab, column));
    // Without Chỉ tiêu every unit has the floor: figures stay right, but a renamed header must not hide it.
    else if (column === COL.target)
      problems.warning(tab, '', MSG.missingTargetColumn(showPercent(settings.floor)));
    else if (column === COL.parentCode && hasDistricts)
      problems.error(tab, '', MSG.missingColumn(tab, column));
  }

  for (const { index, code, parent, group, cells } of rows) {
    const at = (column: string) => cellAddress(table, index, column);
    if (code === '') {
      problems.error(tab, at(COL.unitCode), MSG.missingUnitCode);
      continue;
    }
    const key = fold(code);
    const seen = firstCell.get(key);
    if (seen !== undefined) {
      problems.error(tab, at(COL.unitCode), MSG.duplicateUnit(excerpt(code), seen), code);
      continue;
    }
    firstCell.set(key, at(COL.unitCode));

    let name = clean(pick(table, cells, COL.unitName));
    if (name === '') {
      problems.warning(tab, at(COL.unitName), MSG.missingUnitName(excerpt(code)), code);
      name = code;
    }
    const groupCell = pick(table, cells, COL.group);
    if (group === null) problems.error(tab, at(COL.group), MSG.badGroup(showCell(groupCell)), code);

    let districtKey: string | null = null;
    if (parent !== '') {
      if (group !== 'commune') problems.warning(tab, at(COL.parentCode), MSG.parentNotAllowed, code);
      else if (groupOfKey.get(fold(parent)) !== 'district')
        problems.error(tab, at(COL.parentCode), MSG.unknownParent(excerpt(parent)), code);
      else districtKey = fold(parent);
    } else if (group === 'commune' && hasDistricts) {
      problems.warning(tab, at(COL.parentCode), MSG.missingParent, code);
    }

    const target = readTarget(pick(table, cells, COL.target), settings.floor, (message) =>
      problems.error(tab, at(COL.target), message, code),
    );

    const editors = splitList(pick(table, cells, COL.editors));
    for (const editor of editors) {
      if (!isEmail(editor)) problems.warning(tab, at(COL.editors), MSG.badEmail(excerpt(editor)), code);
    }

    const unit: Unit = {
      code,
      key,
      name,
      group,
      groupText: group ? groupName(group, hasDistricts) : clean(groupCell),
      districtKey,
      parentText: parent,
      target,
      portalKeys: splitList(pick(table, cells, COL.portalCode)).map(fold),
      editors: editors.filter(isEmail),
      row: index,
      targetCell: at(COL.target),
    };
    list.push(unit);
    byKey.set(key, unit);
  }
  if (table.headerRow >= 0 && list.length === 0) problems.error(tab, '', MSG.noUnits);

  const byPortal = new Map<string, Unit>();
  const portalCell = new Map<string, string>();
  for (const unit of list) {
    for (const portalKey of unit.portalKeys) {
      const first = portalCell.get(portalKey);
      if (first !== undefined) {
        problems.error(
          tab,
          cellAddress(table, unit.row, COL.portalCode),
          MSG.duplicatePortalCode(excerpt(portalKey.toUpperCase()), first),
          unit.code,
        );
        continue;
      }
      portalCell.set(portalKey, cellAddress(table, unit.row, COL.portalCode));
      byPortal.set(portalKey, unit);
    }
  }
  const resolveAgency = (code: string): Unit | undefined => {
    const key = fold(code);
    const mapped = byPortal.get(key);
    if (mapped) return mapped;
    const own = byKey.get(key);
    return own && own.portalKeys.length === 0 ? own : undefined;
  };
  const resolve = (code: string): Unit | undefined => byKey.get(fold(code)) ?? byPortal.get(fold(code));
  return { list, byKey, hasDistricts, resolveAgency, resolve };
}

/** Chỉ tiêu: empty means the floor; unreadable, below the floor or above 100% is an error and the floor is used. */
function readTarget(
  cell: Grid[number][number],
  floor: Fraction,
  report: (message: string) => void,
): Fraction {
  if (isBlank(cell)) return floor;
  const parsed = parsePercent(cell);
  const floorText = showPercent(floor);
  if (parsed === null) {
    report(MSG.badTarget(showCell(cell), floorText));
    return floor;
  }
  if (parsed.n > parsed.d) {
    report(MSG.targetAboveMax(showPercent(parsed), floorText));
    return floor;
  }
  if (compare(parsed, floor) < 0) {
    report(MSG.targetBelowFloor(showPercent(parsed), floorText));
    return floor;
  }
  return parsed;
}

/** A group as the tabs show it: communes of a two-tier province (no districts) are Xã, phường, đặc khu. */
export function groupName(group: GroupKey, hasDistricts: boolean): string {
  return group === 'commune' && !hasDistricts ? COMMUNE_TWO_TIER : GROUP[group];
}
