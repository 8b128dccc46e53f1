// Whole hostile workbooks for the fuzz tests: every bad cell put somewhere on purpose, with the exact problem it must produce.
import fc from 'fast-check';
import {
  a1,
  COL,
  ENTRIES_HEADER,
  formatMonth,
  MSG,
  SETTING,
  SEVERITY,
  TAB,
  UNITS_HEADER,
  type WorkbookInput,
} from '../../src/core';
import { formulaProblem, showCell } from '../../src/core/cells';
import { clean } from '../../src/core/text';

/** A cell as a spreadsheet gives it: never null, '' when empty. */
export type Value = string | number | boolean | Date;

export interface ExpectedProblem {
  readonly tab: string;
  readonly cell: string;
  readonly unitCode: string;
  readonly month: string;
  readonly severity: string;
  readonly message: string;
}

/** Midnight of a day in Asia/Ho_Chi_Minh, as a date cell of a Vietnamese sheet holds it. */
export const vnDate = (year: number, month: number, day: number): Date =>
  new Date(Date.UTC(year, month - 1, day) - 7 * 3600_000);
/** Spreadsheet serial number of a calendar day. */
const serial = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / 86400000 + 25569;

const YEAR = 2020;
const FLOOR = '20%';

// ---------------------------------------------------------------------------------------------------
// The province: three departments, two districts, four communes.

type Kind = 'department' | 'district' | 'commune';
interface UnitDef {
  readonly code: string;
  readonly name: string;
  readonly group: string;
  readonly kind: Kind;
  readonly parent: string;
  readonly target: Value;
  readonly editors: string;
}

const POOL: readonly UnitDef[] = [
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    group: 'SBN',
    kind: 'department',
    parent: '',
    target: '30%',
    editors: 'snv@hoabinh.gov.vn',
  },
  {
    code: 'STP',
    name: 'Sở Tư pháp',
    group: 'Sở, ban, ngành',
    kind: 'department',
    parent: '',
    target: '',
    editors: '',
  },
  {
    code: 'SYT',
    name: 'Sở Y tế',
    group: 'Sở, ban, ngành',
    kind: 'department',
    parent: '',
    target: 0.25,
    editors: 'syt@hoabinh.gov.vn, yte2@hoabinh.gov.vn',
  },
  {
    code: 'H.CP',
    name: 'Huyện Cao Phong',
    group: 'HUYEN',
    kind: 'district',
    parent: '',
    target: '',
    editors: 'caophong@hoabinh.gov.vn',
  },
  {
    code: 'H.LT',
    name: 'Huyện Lạc Thủy',
    group: 'Huyện, thành phố',
    kind: 'district',
    parent: '',
    target: '',
    editors: '',
  },
  {
    code: 'XÃ-TP',
    name: 'Xã Thu Phong',
    group: 'XA',
    kind: 'commune',
    parent: 'H.CP',
    target: '35,5%',
    editors: '',
  },
  {
    code: 'TT-CN',
    name: 'Thị trấn Chi Nê',
    group: 'Xã, phường, thị trấn',
    kind: 'commune',
    parent: 'H.LT',
    target: '21.5%',
    editors: 'chine@hoabinh.gov.vn',
  },
  {
    code: 'PHƯỜNG-ĐT',
    name: 'Phường Đồng Tiến',
    group: 'XA',
    kind: 'commune',
    parent: 'H.LT',
    target: '',
    editors: '',
  },
  {
    code: 'XÃ-ÂN',
    name: 'Xã Ân Nghĩa',
    group: 'XA',
    kind: 'commune',
    parent: 'H.CP',
    target: 0.4,
    editors: '',
  },
];

/** What may be wrong with one unit's row in Đơn vị, and which kinds of unit it may hit. */
const UNIT_DEFECTS = [
  'none',
  'badTarget',
  'lowTarget',
  'highTarget',
  'badGroup',
  'badEmail',
  'unknownParent',
  'missingParent',
  'duplicate',
] as const;
type UnitDefect = (typeof UNIT_DEFECTS)[number];
const defectFits = (defect: UnitDefect, kind: Kind): boolean =>
  defect === 'badGroup' ? kind === 'department' : defect.endsWith('Parent') ? kind === 'commune' : true;

const BAD_TARGETS: readonly Value[] = ['=1+1', 'abc', '+84912345678', '@x', '#N/A', '1.234,5%', 'ba mươi'];

// Hostile values, each with the problem it must produce.
const BAD_COUNT_TEXT = [
  'mười',
  'abc',
  '=1+1',
  '+84912345678',
  '@x',
  '1.234,5',
  '2,5',
  '-5',
  '#N/A',
  '12 hồ sơ',
  '0.234',
];
const BAD_COUNT_OTHER: readonly Value[] = [
  -3,
  2.5,
  1e12,
  2 ** 53 + 1,
  1e300,
  -0.5,
  true,
  vnDate(2020, 3, 14),
];
const BAD_MONTHS: readonly Value[] = [
  'T13/2020',
  'abc',
  '=1+1',
  '+84912345678',
  '@x',
  '#N/A',
  10,
  true,
  '32/13/2020',
  'Q1/2020',
];
const OTHER_YEAR_MONTHS: readonly { cell: Value; shown: string }[] = [
  { cell: '03/2019', shown: '03/2019' },
  { cell: 'Tháng 1/2021', shown: '01/2021' },
  { cell: vnDate(2021, 2, 1), shown: '02/2021' },
  { cell: serial(2019, 6, 15), shown: '06/2019' },
];
const UNKNOWN_CODES: readonly Value[] = [
  'Z99',
  '=1+1',
  '+84912345678',
  '@x',
  '#REF!',
  12345,
  vnDate(2020, 5, 1),
];
const NOTES: readonly Value[] = ['', 'số liệu quý I', '=1+1', '+84912345678', '@x', '-', '#N/A', "'trích"];

/** The forms a month of 2020 may take in Kỳ (CONTRACT.md section 2). */
const MONTH_FORMS: readonly ((m: number) => Value)[] = [
  (m) => `2020-${String(m).padStart(2, '0')}`,
  (m) => `${m}/2020`,
  (m) => `${String(m).padStart(2, '0')}/2020`,
  (m) => `T${m}/2020`,
  (m) => `Tháng ${m}/2020`,
  (m) => `tháng ${m} năm 2020`.normalize('NFD'),
  (m) => vnDate(2020, m, 1 + ((m * 7) % 28)),
  (m) => serial(2020, m, 15),
];
/** The forms a count may take. */
const COUNT_FORMS: readonly ((n: number) => Value)[] = [
  (n) => n,
  (n) => String(n),
  (n) => n.toLocaleString('en-US'),
  (n) => n.toLocaleString('en-US').replace(/,/g, '.'),
  (n) => n.toLocaleString('en-US').replace(/,/g, ' '),
  (n) => n.toLocaleString('en-US').replace(/,/g, '\u00a0'),
];
/** How a clerk may type a unit's code. */
const CODE_FORMS: readonly ((code: string) => string)[] = [
  (c) => c,
  (c) => c.toLowerCase(),
  (c) => c.normalize('NFD'),
  (c) => ` ${c}  `,
];
/** How a header may be typed. */
const HEADER_FORMS: readonly ((text: string) => string)[] = [
  (t) => t,
  (t) => t.normalize('NFD'),
  (t) => t.toUpperCase(),
  (t) => ` ${t.replace(/ /g, '  ')} `,
];

const ROW_KINDS = [
  'good',
  'good',
  'good',
  'good',
  'badCountText',
  'badCountOther',
  'missingCount',
  'onlineAbove',
  'badMonth',
  'missingMonth',
  'otherYear',
  'unknownUnit',
  'missingCode',
  'duplicate',
  'notReported',
] as const;
type RowKind = (typeof ROW_KINDS)[number];

interface RowSpec {
  kind: RowKind;
  unit: number;
  month: number;
  total: number;
  share: number;
  monthForm: number;
  countForms: [number, number];
  codeForm: number;
  pick: number;
  which: number;
  note: number;
}

const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  kind: fc.constantFrom(...ROW_KINDS),
  unit: fc.nat(POOL.length - 1),
  month: fc.integer({ min: 1, max: 12 }),
  total: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 5000 })),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  monthForm: fc.nat(MONTH_FORMS.length - 1),
  countForms: fc.tuple(fc.nat(COUNT_FORMS.length - 1), fc.nat(COUNT_FORMS.length - 1)),
  codeForm: fc.nat(CODE_FORMS.length - 1),
  pick: fc.nat(1000),
  which: fc.nat(1),
  note: fc.nat(NOTES.length - 1),
});

export interface HostileShape {
  unitDefects: UnitDefect[];
  unitOrder: number[];
  settingsDefects: { badThreshold: boolean; unknownSetting: boolean; duplicateYear: boolean };
  settingsForms: { yearText: boolean; through: number; titleRow: boolean };
  header: { layout: 'single' | 'mergedAcross' | 'twoRows'; order: number[]; forms: number[]; titles: number };
  unitsHeader: { order: number[]; forms: number[]; titles: number };
  rows: RowSpec[];
  blankRowsAt: number[];
}

export const hostileShape: fc.Arbitrary<HostileShape> = fc.record({
  unitDefects: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant('none' as UnitDefect) },
      { weight: 5, arbitrary: fc.constantFrom(...UNIT_DEFECTS) },
    ),
    {
      minLength: POOL.length,
      maxLength: POOL.length,
    },
  ),
  unitOrder: fc.shuffledSubarray(
    POOL.map((_, i) => i),
    { minLength: POOL.length, maxLength: POOL.length },
  ),
  settingsDefects: fc.record({
    badThreshold: fc.boolean(),
    unknownSetting: fc.boolean(),
    duplicateYear: fc.boolean(),
  }),
  settingsForms: fc.record({ yearText: fc.boolean(), through: fc.nat(2), titleRow: fc.boolean() }),
  header: fc.record({
    layout: fc.constantFrom('single', 'mergedAcross', 'twoRows'),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
    forms: fc.array(fc.nat(HEADER_FORMS.length - 1), { minLength: 7, maxLength: 7 }),
    titles: fc.nat(2),
  }),
  unitsHeader: fc.record({
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }),
    forms: fc.array(fc.nat(HEADER_FORMS.length - 1), { minLength: 8, maxLength: 8 }),
    titles: fc.nat(2),
  }),
  rows: fc.array(rowSpec, { minLength: 1, maxLength: 40 }),
  blankRowsAt: fc.array(fc.nat(40), { maxLength: 4 }),
});

// ---------------------------------------------------------------------------------------------------

export interface HostileWorkbook {
  /** The hostile tabs, as a sheet would hand them over. */
  input: { settings: Value[][]; units: Value[][]; entries: Value[][] };
  /** The same units and only the good rows, in the plain layout. */
  alone: WorkbookInput;
  /** Every problem the hostile workbook must produce, exactly. */
  expected: ExpectedProblem[];
  /** Codes of units none of whose rows is bad: their Tỷ lệ rows must equal those of `alone`. */
  cleanUnits: string[];
  /** Units with a bad row: Số liệu lỗi, and the sums of their good months that no error touches. */
  dirtyUnits: Map<string, { resolved: number; online: number; months: number }>;
  /** How many bad cells were placed (each one expected in Kiểm tra). */
  badCells: number;
}

const problem = (
  tab: string,
  cell: string,
  severity: 'error' | 'warning',
  message: string,
  unitCode = '',
  month = '',
): ExpectedProblem => ({ tab, cell, unitCode, month, severity: SEVERITY[severity], message });

/** Builds the workbook a shape describes, and everything it must produce. */
export function buildHostile(shape: HostileShape): HostileWorkbook {
  const expected: ExpectedProblem[] = [];

  // --- Cấu hình: rows in any order, optional title, Năm as number or text, Kỳ báo cáo đến in three forms.
  const throughForms: Value[] = ['12/2020', 'Tháng 12/2020', vnDate(2020, 12, 1)];
  const settingRows: Value[][] = [
    [SETTING.year, shape.settingsForms.yearText ? '2020' : 2020],
    [SETTING.through, throughForms[shape.settingsForms.through] as Value],
  ];
  if (shape.settingsDefects.badThreshold) settingRows.push([SETTING.threshold, '=1+1']);
  if (shape.settingsDefects.unknownSetting) settingRows.push(['Tham số lạ', 'x']);
  if (shape.settingsDefects.duplicateYear) settingRows.push([SETTING.year, 2019]);
  const settingsTop = shape.settingsForms.titleRow ? 1 : 0;
  const settings: Value[][] = [
    ...(settingsTop ? [['CẤU HÌNH THEO DÕI']] : []),
    [COL.param, COL.value],
    ...settingRows,
  ];
  settingRows.forEach(([name], i) => {
    const row = settingsTop + 1 + i;
    if (name === SETTING.threshold)
      expected.push(
        problem(TAB.settings, a1(row, 1), 'error', MSG.badPercentSetting(SETTING.threshold, '=1+1')),
      );
    if (name === 'Tham số lạ')
      expected.push(problem(TAB.settings, a1(row, 0), 'warning', MSG.unknownSetting('Tham số lạ')));
    if (name === SETTING.year && i > 0)
      expected.push(problem(TAB.settings, a1(row, 1), 'warning', MSG.duplicateSetting(SETTING.year)));
  });

  // --- Đơn vị: columns reordered with one of the province's own, headers typed any way, title rows above.
  const unitColumns = [...UNITS_HEADER, 'STT'];
  const uOrder = shape.unitsHeader.order;
  const uPos = (name: string): number => uOrder.indexOf(unitColumns.indexOf(name));
  const uTop = shape.unitsHeader.titles;
  const unitsGrid: Value[][] = [];
  for (let t = 0; t < uTop; t++) unitsGrid.push(t === 0 ? ['DANH SÁCH ĐƠN VỊ'] : ['']);
  unitsGrid.push(
    uOrder.map((c, i) =>
      (HEADER_FORMS[shape.unitsHeader.forms[i] ?? 0] as (s: string) => string)(unitColumns[c] as string),
    ),
  );
  const canonicalUnits: Value[][] = [[...UNITS_HEADER]];
  const defects = new Map<string, UnitDefect>();
  const liveUnits: UnitDef[] = [];
  for (const index of shape.unitOrder) {
    const base = POOL[index] as UnitDef;
    const wanted = shape.unitDefects[index] ?? 'none';
    const defect: UnitDefect = defectFits(wanted, base.kind) ? wanted : 'none';
    defects.set(base.code, defect);
    const unit: UnitDef = {
      ...base,
      target:
        defect === 'badTarget'
          ? (BAD_TARGETS[unitsGrid.length % BAD_TARGETS.length] as Value)
          : defect === 'lowTarget'
            ? '10%'
            : defect === 'highTarget'
              ? '150%'
              : base.target,
      group: defect === 'badGroup' ? 'Phòng ban' : base.group,
      editors: defect === 'badEmail' ? 'abc@' : base.editors,
      parent: defect === 'unknownParent' ? 'H.ZZ' : defect === 'missingParent' ? '' : base.parent,
    };
    liveUnits.push(unit);
    const rows: { code: string; unit: UnitDef }[] = [{ code: unit.code, unit }];
    if (defect === 'duplicate')
      rows.push({ code: unit.code.toLowerCase(), unit: { ...unit, name: `${unit.name} (trùng)` } });
    for (const { code, unit: u } of rows) {
      const fields: Record<string, Value> = {
        [COL.unitCode]: code,
        [COL.unitName]: u.name.normalize(unitsGrid.length % 2 ? 'NFD' : 'NFC'),
        [COL.group]: u.group,
        [COL.parentCode]: u.parent,
        [COL.target]: u.target,
        [COL.portalCode]: '',
        [COL.editors]: u.editors,
        STT: unitsGrid.length - uTop,
      };
      const gridRow = unitsGrid.length;
      unitsGrid.push(uOrder.map((c) => fields[unitColumns[c] as string] ?? ''));
      canonicalUnits.push(UNITS_HEADER.map((name) => fields[name] ?? ''));
      const at = (name: string) => a1(gridRow, uPos(name));
      if (code !== unit.code) {
        const first = a1(gridRow - 1, uPos(COL.unitCode));
        expected.push(problem(TAB.units, at(COL.unitCode), 'error', MSG.duplicateUnit(code, first), code));
        continue;
      }
      if (defect === 'badTarget')
        expected.push(
          problem(TAB.units, at(COL.target), 'error', MSG.badTarget(showCell(u.target), FLOOR), code),
        );
      if (defect === 'lowTarget')
        expected.push(problem(TAB.units, at(COL.target), 'error', MSG.targetBelowFloor('10%', FLOOR), code));
      if (defect === 'highTarget')
        expected.push(problem(TAB.units, at(COL.target), 'error', MSG.targetAboveMax('150%', FLOOR), code));
      if (defect === 'badGroup')
        expected.push(problem(TAB.units, at(COL.group), 'error', MSG.badGroup('Phòng ban'), code));
      if (defect === 'badEmail')
        expected.push(problem(TAB.units, at(COL.editors), 'warning', MSG.badEmail('abc@'), code));
      if (defect === 'unknownParent')
        expected.push(problem(TAB.units, at(COL.parentCode), 'error', MSG.unknownParent('H.ZZ'), code));
      if (defect === 'missingParent')
        expected.push(problem(TAB.units, at(COL.parentCode), 'warning', MSG.missingParent, code));
    }
  }

  // --- Nhập liệu: header layout, then the rows in order, blank rows here and there.
  const entryColumns = [...ENTRIES_HEADER, 'STT', 'Người nhập'];
  let order = shape.header.order;
  if (shape.header.layout === 'twoRows') {
    // The two counts sit side by side under one merged "Số hồ sơ" cell.
    const rest = order.filter((c) => c !== 2 && c !== 3);
    const at = Math.min(order.indexOf(2), rest.length);
    order = [...rest.slice(0, at), 2, 3, ...rest.slice(at)];
  }
  const width = order.length + (shape.header.layout === 'mergedAcross' ? 1 : 0);
  const pos = (name: string): number => order.indexOf(entryColumns.indexOf(name));
  const typed = (i: number, name: string) =>
    (HEADER_FORMS[shape.header.forms[i] ?? 0] as (s: string) => string)(name);
  const entries: Value[][] = [];
  for (let t = 0; t < shape.header.titles; t++)
    entries.push(t === 0 ? ['SỐ LIỆU CÁC ĐƠN VỊ NHẬP HÀNG THÁNG'] : ['']);
  const headerRow: Value[] = order.map((c, i) => typed(i, entryColumns[c] as string));
  if (shape.header.layout === 'mergedAcross') headerRow.push(''); // Ghi chú merged over two columns
  if (shape.header.layout === 'twoRows') {
    const top = order.map((c, i) =>
      c === 2 ? 'Số hồ sơ' : c === 3 ? '' : typed(i, entryColumns[c] as string),
    );
    const below = order.map((c, i) => (c === 2 || c === 3 ? typed(i, entryColumns[c] as string) : ''));
    entries.push(top, below);
  } else entries.push(headerRow);

  const canonicalEntries: Value[][] = [[...ENTRIES_HEADER]];
  const slotRow = new Map<string, number>(); // unit|month → grid row of the first row that holds it
  const bad = new Map<string, Set<number>>(); // unit code → erroneous months (0: a month that cannot be placed)
  const good = new Map<string, Map<number, { resolved: number; online: number }>>();
  const flag = (code: string, month: number) => {
    const set = bad.get(code) ?? new Set<number>();
    bad.set(code, set);
    set.add(month);
  };
  const blanks = new Set(shape.blankRowsAt);
  const units = liveUnits;
  let badCells = 0;

  shape.rows.forEach((spec, i) => {
    if (blanks.has(i)) entries.push(Array.from({ length: width }, () => ''));
    const row: Value[] = Array.from({ length: width }, () => '');
    const set = (name: string, value: Value) => {
      row[pos(name)] = value;
    };
    const gridRow = entries.length;
    const at = (name: string) => a1(gridRow, pos(name));
    set('STT', i + 1);
    set('Người nhập', ['', 'Nguyễn Văn A', '=NOW()', '@chị Hoa'][i % 4] as string);
    set(COL.note, NOTES[spec.note] as Value);
    if (shape.header.layout === 'mergedAcross') row[width - 1] = ['', 'ghi thêm', '=1+1'][i % 3] as string;

    let unit = units[spec.unit % units.length] as UnitDef;
    let month = spec.month;
    const total = spec.total;
    const online = Math.min(total, Math.round(total * spec.share));
    const countForm = (k: 0 | 1) => COUNT_FORMS[spec.countForms[k]] as (n: number) => Value;
    const code = (CODE_FORMS[spec.codeForm] as (c: string) => string)(unit.code);
    const monthCell = (m: number) => (MONTH_FORMS[spec.monthForm] as (m: number) => Value)(m);
    const shown = () => formatMonth({ year: YEAR, month });
    const countColumn = spec.which === 0 ? COL.resolved : COL.online;

    /** Finds a unit-month no row has used yet, starting at the spec's; false when every one is taken. */
    const claim = (): boolean => {
      for (let u = 0; u < units.length; u++) {
        const candidate = units[(spec.unit + u) % units.length] as UnitDef;
        for (let k = 0; k < 12; k++) {
          const m = ((spec.month - 1 + k) % 12) + 1;
          if (slotRow.has(`${candidate.code}|${m}`)) continue;
          unit = candidate;
          month = m;
          slotRow.set(`${candidate.code}|${m}`, gridRow);
          return true;
        }
      }
      return false;
    };
    const placeUnit = () =>
      set(COL.unitCode, (CODE_FORMS[spec.codeForm] as (c: string) => string)(unit.code));
    const placeCounts = (t: number, o: number) => {
      set(COL.resolved, countForm(0)(t));
      set(COL.online, countForm(1)(o));
    };

    switch (spec.kind) {
      case 'good': {
        if (!claim()) return;
        placeUnit();
        set(COL.month, monthCell(month));
        placeCounts(total, online);
        const months = good.get(unit.code) ?? new Map();
        good.set(unit.code, months);
        months.set(month, { resolved: total, online });
        canonicalEntries.push([formatMonth({ year: YEAR, month }), unit.code, total, online]);
        break;
      }
      case 'badCountText':
      case 'badCountOther':
      case 'missingCount':
      case 'onlineAbove': {
        if (!claim()) return;
        placeUnit();
        set(COL.month, monthCell(month));
        placeCounts(total, online);
        let cell: string;
        let message: string;
        if (spec.kind === 'onlineAbove') {
          const above = total + 1 + (spec.pick % 50);
          set(COL.online, countForm(1)(above));
          cell = at(COL.online);
          message = MSG.onlineAboveTotal(above, total);
        } else if (spec.kind === 'missingCount') {
          set(countColumn, spec.pick % 2 ? '' : '   ');
          cell = at(countColumn);
          message = MSG.missingCount(countColumn);
        } else {
          const list: readonly Value[] = spec.kind === 'badCountText' ? BAD_COUNT_TEXT : BAD_COUNT_OTHER;
          const value = list[spec.pick % list.length] as Value;
          set(countColumn, value);
          cell = at(countColumn);
          // An error value (#N/A) is a formula that failed: said so, as both halves read it.
          const error = formulaProblem(value);
          message = error ? MSG.formulaError(countColumn, error) : MSG.badCount(countColumn, showCell(value));
        }
        expected.push(problem(TAB.entries, cell, 'error', message, unit.code, shown()));
        flag(unit.code, month);
        badCells++;
        break;
      }
      case 'badMonth':
      case 'missingMonth':
      case 'otherYear': {
        placeUnit();
        placeCounts(total, online);
        if (spec.kind === 'badMonth') {
          const value = BAD_MONTHS[spec.pick % BAD_MONTHS.length] as Value;
          set(COL.month, value);
          expected.push(
            problem(
              TAB.entries,
              at(COL.month),
              'error',
              formulaProblem(value)
                ? MSG.formulaError(COL.month, showCell(value))
                : MSG.badMonth(showCell(value)),
              unit.code,
              showCell(value),
            ),
          );
        } else if (spec.kind === 'missingMonth') {
          set(COL.month, '');
          expected.push(problem(TAB.entries, at(COL.month), 'error', MSG.missingMonth, unit.code, ''));
        } else {
          const other = OTHER_YEAR_MONTHS[
            spec.pick % OTHER_YEAR_MONTHS.length
          ] as (typeof OTHER_YEAR_MONTHS)[number];
          set(COL.month, other.cell);
          expected.push(
            problem(
              TAB.entries,
              at(COL.month),
              'error',
              MSG.monthOutsideYear(other.shown, YEAR),
              unit.code,
              other.shown,
            ),
          );
        }
        flag(unit.code, 0);
        badCells++;
        break;
      }
      case 'unknownUnit':
      case 'missingCode': {
        const value =
          spec.kind === 'missingCode' ? '' : (UNKNOWN_CODES[spec.pick % UNKNOWN_CODES.length] as Value);
        set(COL.unitCode, value);
        set(COL.month, monthCell(month));
        placeCounts(total, online);
        const codeText = clean(value);
        expected.push(
          problem(
            TAB.entries,
            at(COL.unitCode),
            'error',
            spec.kind === 'missingCode'
              ? MSG.missingUnitCode
              : formulaProblem(value)
                ? MSG.formulaError(COL.unitCode, codeText)
                : MSG.unknownUnit(codeText),
            codeText,
            shown(),
          ),
        );
        badCells++;
        break;
      }
      case 'duplicate': {
        const used = [...slotRow.entries()];
        if (used.length === 0) return;
        const [key, first] = used[spec.pick % used.length] as [string, number];
        const [unitCode, m] = key.split('|') as [string, string];
        unit = units.find((u) => u.code === unitCode) as UnitDef;
        month = Number(m);
        placeUnit();
        set(COL.month, monthCell(month));
        placeCounts(total, online);
        expected.push(
          problem(
            TAB.entries,
            at(COL.unitCode),
            'error',
            MSG.duplicateMonth(unit.code, shown(), a1(first, pos(COL.unitCode))),
            unit.code,
            shown(),
          ),
        );
        flag(unit.code, month);
        badCells++;
        break;
      }
      case 'notReported': {
        // Both counts empty: a month not yet reported, whatever else the row holds.
        set(COL.unitCode, code);
        set(COL.month, spec.pick % 3 ? monthCell(month) : 'chưa rõ');
        break;
      }
    }
    entries.push(row);
  });

  const cleanUnits: string[] = [];
  const dirtyUnits = new Map<string, { resolved: number; online: number; months: number }>();
  for (const unit of units) {
    const months = good.get(unit.code) ?? new Map<number, { resolved: number; online: number }>();
    const errors = bad.get(unit.code);
    if (!errors) {
      cleanUnits.push(unit.code);
      continue;
    }
    let resolved = 0;
    let online = 0;
    let count = 0;
    for (const [m, figure] of months) {
      if (errors.has(m)) continue;
      resolved += figure.resolved;
      online += figure.online;
      count++;
    }
    dirtyUnits.set(unit.code, { resolved, online, months: count });
  }
  for (const defect of defects.values()) if (defect !== 'none') badCells++;
  badCells += Object.values(shape.settingsDefects).filter(Boolean).length;

  return {
    input: { settings, units: unitsGrid, entries },
    alone: {
      settings: [
        [COL.param, COL.value],
        [SETTING.year, YEAR],
        [SETTING.through, '12/2020'],
      ],
      units: canonicalUnits,
      entries: canonicalEntries,
    },
    expected,
    cleanUnits,
    dirtyUnits,
    badCells,
  };
}
