// Property tests (fast-check) of the core's invariants: exact arithmetic, rankings, robustness, NFD, row order.
import fc from 'fast-check';
import {
  buildPortalTab,
  buildReport,
  type Cell,
  dvcNeeded,
  type Grid,
  type Report,
  tableToGrid,
  type WorkbookInput,
} from '../../src/core';
import { collationKey } from '../../src/core/collate';
import { neededToReach } from '../../src/core/fraction';
import { type RankEntry, rank } from '../../src/core/rank';
import { overviewTotals, reportSections, sumsOfRatioRows } from './totals';
import { entriesGrid, mapStrings, NOW, portalGrid, records, settingsGrid, unitsGrid } from './workbook';

/** Runs per property: enough to find the traps, few enough for the file to run in a few seconds. */
const RUNS = { cheap: 300, report: 60 } as const;

// ---------------------------------------------------------------------------------------------------------
// A realistic province: Vietnamese names and codes with diacritics, targets in every accepted form.

interface UnitSpec {
  code: string;
  name: string;
  group: string;
  parent: string;
  target: Cell;
}

const DEPARTMENTS: UnitSpec[] = [
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['SYT', 'Sở Y tế'],
  ['BDT', 'Ban Dân tộc'],
].map(([code, name]) => ({
  code: code as string,
  name: name as string,
  group: 'Sở, ban, ngành',
  parent: '',
  target: '',
}));
const DISTRICTS: UnitSpec[] = [
  { code: 'HCP', name: 'Huyện Cao Phong', group: 'HUYEN', parent: '', target: '25%' },
  { code: 'HLT', name: 'Huyện Lạc Thủy', group: 'Huyện, thành phố', parent: '', target: '' },
];
const COMMUNES: UnitSpec[] = [
  { code: 'XÃ-THU-PHONG', name: 'Xã Thu Phong', group: 'XA', parent: 'HCP', target: 0.3 },
  { code: 'XÃ-BẮC-PHONG', name: 'Xã Bắc Phong', group: 'Xã, phường, thị trấn', parent: 'HCP', target: '20' },
  { code: 'TT-CHI-NÊ', name: 'Thị trấn Chi Nê', group: 'XA', parent: 'HLT', target: '35,5%' },
  { code: 'PHƯỜNG-ĐỒNG-TIẾN', name: 'Phường Đồng Tiến', group: 'XA', parent: 'HLT', target: '' },
  { code: 'XÃ-ÂN-NGHĨA', name: 'Xã Ân Nghĩa', group: 'XA', parent: 'HLT', target: '21.5%' },
];
const UNITS = [...DEPARTMENTS, ...DISTRICTS, ...COMMUNES];
const unitRows = (units: readonly UnitSpec[]): Cell[][] =>
  units.map((u) => [u.code, u.name, u.group, u.parent, u.target]);

/** The forms a month may take in Nhập liệu (CONTRACT.md section 2). */
const MONTH_FORMS: ((month: number) => Cell)[] = [
  (m) => `2020-${String(m).padStart(2, '0')}`,
  (m) => `${m}/2020`,
  (m) => `T${m}/2020`,
  (m) => `Tháng ${m}/2020`,
  (m) => `Tháng ${m} năm 2020`,
  (m) => new Date(Date.UTC(2020, m - 1, 1) - 7 * 3600_000 + 1800_000), // 00:30 on the 1st in Vietnam
  (m) => Date.UTC(2020, m - 1, 15) / 86400000 + 25569, // serial date of the 15th
];

/** The forms a count may take. */
const COUNT_FORMS: ((n: number) => Cell)[] = [
  (n) => n,
  (n) => String(n),
  (n) => n.toLocaleString('en-US'),
  (n) => n.toLocaleString('en-US').replace(/,/g, '.'),
  (n) => n.toLocaleString('en-US').replace(/,/g, '\u00a0'),
];

interface EntrySpec {
  unit: number;
  month: number;
  total: number;
  online: number;
  monthForm: number;
  countForm: number;
}

const entrySpec = (maxCount: number): fc.Arbitrary<EntrySpec> =>
  fc
    .record({
      unit: fc.nat(UNITS.length - 1),
      month: fc.integer({ min: 1, max: 12 }),
      total: fc.integer({ min: 0, max: maxCount }),
      share: fc.double({ min: 0, max: 1.05, noNaN: true }),
      monthForm: fc.nat(MONTH_FORMS.length - 1),
      countForm: fc.nat(COUNT_FORMS.length - 1),
    })
    .map(({ share, ...rest }) => ({ ...rest, online: Math.round(rest.total * share) }));

const entryRow = (e: EntrySpec): Cell[] => {
  const count = COUNT_FORMS[e.countForm] as (n: number) => Cell;
  return [
    (MONTH_FORMS[e.monthForm] as (m: number) => Cell)(e.month),
    UNITS[e.unit]?.code,
    count(e.total),
    count(e.online),
  ];
};

const provinceInput = (entries: readonly EntrySpec[], portal: readonly EntrySpec[] = []): WorkbookInput => ({
  settings: settingsGrid([['Năm', 2020]]),
  units: unitsGrid(unitRows(UNITS)),
  entries: entriesGrid(entries.map(entryRow)),
  portal: portalGrid(portal.map(entryRow)),
});

const run = (input: WorkbookInput): Report => buildReport(input, { now: NOW });

/** Every figure of Tỷ lệ and Xếp hạng, keyed so that row order does not matter. */
function figures(report: Report): { ratio: Record<string, Cell[]>; ranking: string[] } {
  const ratio = Object.fromEntries(report.tables.ratio.rows.map((row) => [String(row[0]), [...row]]));
  const ranking = report.tables.ranking.rows.map((row) => JSON.stringify(row)).sort();
  return { ratio, ranking };
}

// ---------------------------------------------------------------------------------------------------------

describe('exact arithmetic', () => {
  it('Hồ sơ cần thêm: x meets the target and x − 1 does not (checked with BigInt)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (total, share, a, b) => {
          const online = Math.floor(total * share);
          // Any target in [0, 1] as a fraction a/b (swapped when above 1).
          const t = a <= b ? { n: a, d: b } : { n: b, d: a };
          const x = neededToReach(online, total, t);
          const meets = (extraOnline: number) =>
            (BigInt(online) + BigInt(extraOnline)) * BigInt(t.d) >= BigInt(t.n) * BigInt(total);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(total - online);
          expect(meets(x)).toBe(true);
          if (x > 0) expect(meets(x - 1)).toBe(false);
        },
      ),
      { numRuns: RUNS.cheap },
    );
  });

  it('DVC_CANTHEM agrees with the exact rule for targets typed as percentages with decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 2000, max: 10_000 }),
        (total, onlineRaw, basisPoints) => {
          const online = onlineRaw % (total + 1);
          const text = `${Math.floor(basisPoints / 100)},${String(basisPoints % 100).padStart(2, '0')}%`;
          const x = dvcNeeded(online, total, text) as number;
          // Target = basisPoints / 10000.
          const meets = (k: number) => BigInt(online + k) * 10_000n >= BigInt(basisPoints) * BigInt(total);
          expect(meets(x)).toBe(true);
          if (x > 0) expect(meets(x - 1)).toBe(false);
        },
      ),
      { numRuns: RUNS.cheap },
    );
  });
});

describe('rankings', () => {
  const entryArb = fc.record({
    online: fc.integer({ min: 0, max: 6 }),
    resolved: fc.integer({ min: 0, max: 6 }),
    error: fc.boolean(),
    name: fc.constantFrom('An', 'Ân', 'Bình', 'Đông', 'Dương', 'Yên'),
  });

  it('are a permutation where equal fractions share a rank and the next rank is skipped', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), (specs) => {
        const entries: RankEntry[] = specs.map((s, i) => {
          const online = Math.min(s.online, s.resolved);
          return {
            key: `k${i}`,
            collation: collationKey(s.name),
            online,
            resolved: s.resolved,
            eligible: s.resolved > 0 && !s.error,
          };
        });
        const ranked = rank(entries);
        expect(ranked.map((r) => r.key).sort()).toEqual(entries.map((e) => e.key).sort());
        const byKey = new Map(entries.map((e) => [e.key, e]));
        const eligible = entries.filter((e) => e.eligible);
        // Ratio a > b, exactly, by cross-multiplying in BigInt.
        const greater = (a: RankEntry, b: RankEntry) =>
          BigInt(a.online) * BigInt(b.resolved) > BigInt(b.online) * BigInt(a.resolved);
        ranked.forEach((r, position) => {
          const entry = byKey.get(r.key) as RankEntry;
          if (!entry.eligible) {
            expect(r.rank).toBeNull();
            expect(position).toBeGreaterThanOrEqual(eligible.length);
            return;
          }
          // Rank = 1 + the number of units with a strictly higher ratio: ties share, the next is skipped.
          expect(r.rank).toBe(1 + eligible.filter((other) => greater(other, entry)).length);
          expect(position).toBeLessThan(eligible.length);
          const next = ranked[position + 1];
          const nextEntry = next && byKey.get(next.key);
          if (nextEntry?.eligible) {
            expect(greater(nextEntry, entry)).toBe(false);
            if (!greater(entry, nextEntry)) expect(nextEntry.online).toBeLessThanOrEqual(entry.online);
          }
        });
      }),
      { numRuns: RUNS.cheap },
    );
  });
});

describe('the report', () => {
  it('keeps every ratio in [0, 1] and equal to the exact sum of its months', () => {
    fc.assert(
      fc.property(fc.array(entrySpec(5000), { maxLength: 30 }), (entries) => {
        const report = run(provinceInput(entries));
        for (const row of records(report.tables.ratio)) {
          const total = row['Tổng số hồ sơ'] as number;
          const online = row['Hồ sơ trực tuyến mức độ 3, 4'] as number;
          const ratio = row['Tỷ lệ'];
          // A unit with no month that counts prints no figures at all (contract §10.4).
          if (row['Số tháng có số liệu'] === 0) {
            expect([total, online, ratio]).toEqual(['', '', '']);
            continue;
          }
          expect(online).toBeLessThanOrEqual(total);
          if (total === 0) expect(ratio).toBe('');
          else {
            expect(ratio).toBe(online / total);
            expect(ratio).toBeGreaterThanOrEqual(0);
            expect(ratio).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: RUNS.report },
    );
  });

  it('adds up: each Tổng hợp row and each Cộng of Báo cáo is the sum of the rows printed for its scope', () => {
    fc.assert(
      fc.property(
        fc.array(entrySpec(5000), { maxLength: 30 }),
        fc.array(entrySpec(5000), { maxLength: 10 }),
        (entries, portal) => {
          // Online above total and duplicate months give units with Số liệu lỗi and some good months.
          const report = run(provinceInput(entries, portal));
          expect(overviewTotals(report)).toEqual(sumsOfRatioRows(report));
          const { added, printed } = reportSections(report);
          expect(printed).toEqual(added);
        },
      ),
      { numRuns: RUNS.report },
    );
  });

  it('gives the same tables for NFD input as for NFC input', () => {
    fc.assert(
      fc.property(
        fc.array(entrySpec(5000), { maxLength: 25 }),
        fc.array(entrySpec(5000), { maxLength: 10 }),
        (entries, portal) => {
          const input = provinceInput(entries, portal);
          const nfd: WorkbookInput = {
            settings: mapStrings(input.settings, (s) => s.normalize('NFD')),
            units: mapStrings(input.units, (s) => s.normalize('NFD')),
            entries: mapStrings(input.entries, (s) => s.normalize('NFD')),
            portal: mapStrings(input.portal, (s) => s.normalize('NFD')),
          };
          expect(run(nfd).tables).toEqual(run(input).tables);
        },
      ),
      { numRuns: RUNS.report },
    );
  });

  it('gives the same figures whatever the order of the rows of Đơn vị, Nhập liệu and Dữ liệu Cổng DVC', () => {
    const shuffled = <T>(items: readonly T[], keys: readonly number[]): T[] =>
      items
        .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
        .sort((a, b) => a.key - b.key || a.i - b.i)
        .map((x) => x.item);
    fc.assert(
      fc.property(
        fc.array(entrySpec(5000), { maxLength: 30 }),
        fc.array(entrySpec(5000), { maxLength: 10 }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        (entries, portal, keys) => {
          const input = provinceInput(entries, portal);
          const reordered: WorkbookInput = {
            settings: input.settings,
            units: unitsGrid(shuffled(unitRows(UNITS), [...keys].reverse())),
            entries: entriesGrid(shuffled(entries, keys).map(entryRow)),
            portal: portalGrid(shuffled(portal, keys).map(entryRow)),
          };
          const a = run(input);
          const b = run(reordered);
          expect(figures(b)).toEqual(figures(a));
          // Đối chiếu lists a month's units in the order of Đơn vị, which this property shuffles too: same rows.
          const sortedRows = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
          expect(sortedRows(b.tables.reconciliation.rows)).toEqual(sortedRows(a.tables.reconciliation.rows));
          expect(new Set(b.tables.overview.rows.map((r) => JSON.stringify(r)))).toEqual(
            new Set(a.tables.overview.rows.map((r) => JSON.stringify(r))),
          );
          expect(b.summary).toEqual(a.summary);
        },
      ),
      { numRuns: RUNS.report },
    );
  });
});

describe('robustness', () => {
  const HEADER_TEXTS = [
    'Mã đơn vị',
    'Kỳ',
    'Tổng số hồ sơ đã giải quyết',
    'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
    'Tên đơn vị',
    'Nhóm',
    'Mã đơn vị cấp trên',
    'Chỉ tiêu',
    'Mã trên Cổng DVC',
    'Tham số',
    'Giá trị',
    'Năm',
    'Nguồn ưu tiên',
    'Kỳ báo cáo đến',
    'Mã TTHC',
  ];
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      ...HEADER_TEXTS,
      'SNV',
      'HCP',
      'XA',
      'SBN',
      'HUYEN',
      '10/2020',
      'T13/2020',
      '1.234,5',
      '30%',
    ),
    fc.double(),
    fc.integer(),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      1e300,
      2 ** 53 + 1,
      44105,
    ),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom(null, undefined),
  );
  const grid: fc.Arbitrary<Cell[][]> = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 });
  /** A grid that sometimes starts with the real header row, so the checks below the header run too. */
  const tab = (header: readonly string[]) =>
    fc.tuple(fc.boolean(), grid).map(([withHeader, rows]) => (withHeader ? [[...header], ...rows] : rows));
  const anyInput: fc.Arbitrary<WorkbookInput> = fc.record(
    {
      settings: tab(['Tham số', 'Giá trị']),
      units: tab(['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Mã đơn vị cấp trên', 'Chỉ tiêu', 'Mã trên Cổng DVC']),
      entries: tab([
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      ]),
      catalogue: tab(['Mã TTHC', 'Tên TTHC', 'Mức độ']),
      portal: tab([
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      ]),
    },
    { requiredKeys: [] },
  );

  it('buildReport and buildPortalTab never throw on arbitrary cell grids, and write rectangular tabs', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const report = buildReport(input, { now: NOW });
        for (const table of Object.values(report.tables)) {
          const rows = tableToGrid(table);
          expect(rows.every((row) => row.length === table.header.length)).toBe(true);
        }
        for (const row of records(report.tables.ratio)) {
          const ratio = row['Tỷ lệ'];
          if (ratio !== '') expect(ratio as number).toBeGreaterThanOrEqual(0);
          if (ratio !== '') expect(ratio as number).toBeLessThanOrEqual(1);
        }
        for (const problem of records(report.tables.problems)) {
          expect(['Lỗi', 'Cảnh báo']).toContain(problem['Mức độ']);
          expect(String(problem['Nội dung']).length).toBeGreaterThan(10);
        }
        const portalTab = buildPortalTab(
          [{ agencyCode: 'SNV', procedureCode: null, year: report.year, month: 1, resolved: 5, online: 1 }],
          input,
          NOW,
        );
        expect(portalTab.rowCount).toBe(1);
      }),
      { numRuns: RUNS.report * 3 },
    );
  });

  it("does not change a good row's figures when bad rows are added", () => {
    const units = unitsGrid([
      ['A', 'Sở An', 'SBN', '', '30%'],
      ['B', 'Sở Bình', 'SBN'],
    ]);
    const good = ['01/2020', 'A', '1.234', 400];
    const figuresOfA = (entries: Grid) => {
      const report = buildReport({ settings: settingsGrid([['Năm', 2020]]), units, entries }, { now: NOW });
      const row = records(report.tables.ratio).find((r) => r['Mã đơn vị'] === 'A');
      return (
        row && [
          row['Tổng số hồ sơ'],
          row['Hồ sơ trực tuyến mức độ 3, 4'],
          row['Tỷ lệ'],
          row['Đánh giá'],
          row['Hồ sơ cần thêm'],
          row.Điểm,
        ]
      );
    };
    const baseline = figuresOfA(entriesGrid([good]));
    // 400 of 1234 = 32.4% ≥ 30%.
    expect(baseline).toEqual([1234, 400, 400 / 1234, 'Đạt', 0, 1]);
    const badRow = fc.array(cell, { maxLength: 6 }).filter((row) => {
      const code = row[1];
      return !(typeof code === 'string' && code.normalize('NFC').trim().toLowerCase() === 'a');
    });
    fc.assert(
      fc.property(fc.array(badRow, { maxLength: 12 }), fc.nat(12), (bad, at) => {
        const rows = [...bad];
        rows.splice(at % (rows.length + 1), 0, good);
        expect(figuresOfA(entriesGrid(rows))).toEqual(baseline);
      }),
      { numRuns: RUNS.report * 3 },
    );
  });
});
