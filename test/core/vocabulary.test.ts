// Contract §8.1 and §8.4 in the core: Cách phân loại, either online header, catalogue levels, two-tier
// communes, the period of contributing months, the catalogue Lỗi; figures worked by hand.
import {
  buildPortalTab,
  buildReport,
  type Cell,
  inVocabulary,
  type PortalRecord,
  portalHeader,
  RATIO_HEADER,
  tableToGrid,
} from '../../src/core';
import { problemsOf, rankingOf, ratioRow, records, settingsGrid, unitsGrid } from './workbook';

const NOW_2026 = new Date('2026-11-20T03:00:00Z');
const LEVELS_ONLINE = 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4';
const MODES_ONLINE = 'Số hồ sơ giải quyết trực tuyến';

/** A two-tier province of 2026: two departments, four communes typed under three spellings of the group. */
const units = unitsGrid([
  ['S1', 'Sở Công Thương', 'Sở, ban, ngành', '', '50%'],
  ['S2', 'Sở Tư pháp', 'SBN', '', ''],
  ['X1', 'UBND phường Việt Trì', 'Xã, phường, đặc khu'.normalize('NFD'), '', '30%'],
  ['X2', 'UBND xã Hy Cương', 'XA', '', ''],
  ['X3', 'UBND xã Phù Ninh', 'Xã, phường, thị trấn', '', '25%'],
  ['X4', 'UBND xã Tiên Kiên', 'xã, phường, đặc khu', '', ''],
]);

const entryRows: Cell[][] = [
  ['01/2026', 'S1', 100, 60],
  ['02/2026', 'S1', 100, 40],
  ['01/2026', 'S2', 50, 5],
  ['02/2026', 'S2', 50, 15],
  ['01/2026', 'X1', 40, 10],
  ['02/2026', 'X1', 60, 14],
  ['01/2026', 'X2', 10, 5],
  ['02/2026', 'X2', 10, 5],
  ['01/2026', 'X3', 80, 20],
  ['02/2026', 'X3', 20, 4],
  ['01/2026', 'X4', 30, 9],
  // Row 13: online above total in March. An error row must not move the period (contract §8.4).
  ['03/2026', 'X4', 10, 12],
];

const entries = (online: string): Cell[][] => [
  ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', online, 'Ghi chú'],
  ...entryRows.map((row) => [...row, '']),
];

const province = (classification: string | null, online = MODES_ONLINE) =>
  buildReport(
    {
      settings: settingsGrid([
        ['Năm', 2026],
        ...(classification ? [['Cách phân loại', classification] as const] : []),
      ]),
      units,
      entries: entries(online),
    },
    { now: NOW_2026 },
  );

const pick = (row: Record<string, Cell>, ...columns: string[]) => columns.map((c) => row[c]);

describe('a two-tier 2026 province in the Decree-42 vocabulary', () => {
  const result = province(null);

  it('writes Hồ sơ trực tuyến and titles without levels, Cách phân loại being the year default', () => {
    expect(result.settings.classification).toBe('modes');
    expect(result.tables.ratio.header).toEqual(inVocabulary(RATIO_HEADER, 'modes'));
    expect(result.tables.ratio.header).toContain('Hồ sơ trực tuyến');
    expect(result.tables.ratio.header).not.toContain('Hồ sơ trực tuyến mức độ 3, 4');
    expect(result.tables.ranking.header).toContain('Hồ sơ trực tuyến');
    expect(result.tables.overview.header).toContain('Hồ sơ trực tuyến');
    expect(result.tables.ratio.title).toEqual([
      'TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN NĂM 2026',
      'Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 28/02/2026',
    ]);
    expect(result.tables.ranking.title[0]).toBe('XẾP HẠNG TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN NĂM 2026');
  });

  it('computes every figure by hand: the March error row leaves the period at 02/2026', () => {
    expect(result.through).toEqual({ year: 2026, month: 2 });
    const columns = ['Nhóm', 'Tổng số hồ sơ', 'Hồ sơ trực tuyến', 'Tỷ lệ', 'Chỉ tiêu', 'Đánh giá'];
    const more = ['Hồ sơ cần thêm', 'Điểm'];
    // S1 200/100 = 50% at 50%; S2 100/20 = 20% at the 20% floor.
    expect(pick(ratioRow(result, 'S1'), ...columns, ...more)).toEqual([
      'Sở, ban, ngành',
      200,
      100,
      0.5,
      0.5,
      'Đạt',
      0,
      1,
    ]);
    expect(pick(ratioRow(result, 'S2'), ...columns, ...more)).toEqual([
      'Sở, ban, ngành',
      100,
      20,
      0.2,
      0.2,
      'Đạt',
      0,
      1,
    ]);
    // X1 100/24 at 30%: needs 6 more, points 0.24 / 0.3 = 0.8. X3 100/24 at 25%: 1 more, 0.96.
    expect(pick(ratioRow(result, 'X1'), ...columns, ...more)).toEqual([
      'Xã, phường, đặc khu',
      100,
      24,
      0.24,
      0.3,
      'Chưa đạt',
      6,
      0.8,
    ]);
    expect(pick(ratioRow(result, 'X2'), ...columns, ...more)).toEqual([
      'Xã, phường, đặc khu',
      20,
      10,
      0.5,
      0.2,
      'Đạt',
      0,
      1,
    ]);
    const x3 = pick(ratioRow(result, 'X3'), ...columns, ...more);
    expect(x3.slice(0, 7)).toEqual(['Xã, phường, đặc khu', 100, 24, 0.24, 0.25, 'Chưa đạt', 1]);
    expect(x3[7]).toBeCloseTo(0.96, 12);
    // X4 keeps its January, and its March error still says Số liệu lỗi (contract §3).
    expect(pick(ratioRow(result, 'X4'), ...columns)).toEqual([
      'Xã, phường, đặc khu',
      30,
      9,
      0.3,
      0.2,
      'Số liệu lỗi',
    ]);
    expect(problemsOf(result).map((p) => pick(p, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ'))).toEqual([
      ['Nhập liệu', 'D13', 'X4', '03/2026', 'Lỗi'],
    ]);
  });

  it('ranks the communes as Xã, phường, đặc khu, with ties, rank changes and no district scope', () => {
    expect([...new Set(records(result.tables.ranking).map((r) => r['Nhóm xếp hạng']))]).toEqual([
      'Sở, ban, ngành',
      'Xã, phường, đặc khu',
    ]);
    // February: X2 50%; X1 and X3 24/100 tie (same online count: Vietnamese name order, phường before xã).
    // January: X2 50%, X4 30%, X3 and X1 25% (X3 has more online dossiers).
    expect(
      rankingOf(result, 'Xã, phường, đặc khu').map((r) =>
        pick(r, 'Hạng', 'Mã đơn vị', 'Thay đổi hạng', 'Hạng tháng trước'),
      ),
    ).toEqual([
      [1, 'X2', '=', 1],
      [2, 'X1', '▲1', 3],
      [2, 'X3', '▲1', 3],
      ['', 'X4', '', 2],
    ]);
    expect(
      rankingOf(result, 'Sở, ban, ngành').map((r) => pick(r, 'Hạng', 'Mã đơn vị', 'Thay đổi hạng')),
    ).toEqual([
      [1, 'S1', '='],
      [2, 'S2', '='],
    ]);
  });

  it('sums Tổng hợp per scope over the rows printed, the unit in error with its January (contract §10.4)', () => {
    const overview = records(result.tables.overview);
    expect(overview.map((r) => r['Nhóm xếp hạng'])).toEqual(['Sở, ban, ngành', 'Xã, phường, đặc khu']);
    const communes = overview[1] as Record<string, Cell>;
    // X1 + X2 + X3 + X4 = 100 + 20 + 100 + 30 = 250 dossiers, 24 + 10 + 24 + 9 = 67 online, as Tỷ lệ
    // prints them; target weighted by those dossiers: (30 + 4 + 25 + 6) / 250.
    expect(pick(communes, 'Số đơn vị', 'Số đơn vị đạt', 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([
      4, 1, 250, 67,
    ]);
    expect(communes['Tỷ lệ']).toBeCloseTo(67 / 250, 12);
    expect(communes['Chỉ tiêu']).toBeCloseTo(65 / 250, 12);
  });

  it('gives the same figures under either online header and either Cách phân loại; only the words change', () => {
    const figures = (report: ReturnType<typeof province>) =>
      report.tables.ratio.rows.map((row) => row.slice(4));
    const levels = province('Mức độ 3, 4', LEVELS_ONLINE);
    const mixed = province('mức độ 3,4', MODES_ONLINE);
    const otherHeader = province(null, LEVELS_ONLINE);
    expect(figures(levels)).toEqual(figures(result));
    expect(figures(mixed)).toEqual(figures(result));
    expect(figures(otherHeader)).toEqual(figures(result));
    expect(levels.tables.ratio.header).toContain('Hồ sơ trực tuyến mức độ 3, 4');
    expect(levels.tables.ratio.title[0]).toBe('TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN MỨC ĐỘ 3, 4 NĂM 2026');
    expect(mixed.settings.classification).toBe('levels');
    expect(problemsOf(otherHeader)).toEqual(problemsOf(result));
  });
});

describe('Nhóm in a province with districts', () => {
  it('takes Xã, phường, đặc khu as the commune group and shows it as Xã, phường, thị trấn', () => {
    const result = buildReport(
      {
        settings: settingsGrid([['Năm', 2026]]),
        units: unitsGrid([
          ['H1', 'UBND huyện Một', 'Huyện, thành phố'],
          ['X1', 'UBND xã Một', 'Xã, phường, đặc khu', 'H1'],
        ]),
      },
      { now: NOW_2026 },
    );
    expect(ratioRow(result, 'X1').Nhóm).toBe('Xã, phường, thị trấn');
    expect(result.tables.overview.rows.map((row) => row[0])).toEqual([
      'Huyện, thành phố',
      'Xã, phường, thị trấn',
      'Xã, phường, thị trấn - UBND huyện Một',
    ]);
  });
});

describe('Danh mục DVC levels', () => {
  it('accepts 3, 4, Toàn trình, Một phần as typed; anything else is one Cảnh báo naming the four', () => {
    const result = buildReport(
      {
        settings: settingsGrid([['Năm', 2026]]),
        units,
        catalogue: [
          ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
          ['1.001', 'Một', 3],
          ['1.002', 'Hai', '4'],
          ['1.003', 'Ba', 'toàn trình'.normalize('NFD')],
          ['1.004', 'Bốn', ' MỘT PHẦN '],
          ['1.005', 'Năm', 'Mức độ 2'],
        ],
      },
      { now: NOW_2026 },
    );
    const catalogue = problemsOf(result).filter((p) => p.Tab === 'Danh mục DVC');
    expect(catalogue.map((p) => pick(p, 'Ô', 'Mức độ'))).toEqual([['C6', 'Cảnh báo']]);
    expect(catalogue[0]?.['Nội dung']).toContain('3; 4; Toàn trình; Một phần');
  });
});

describe('the catalogue Lỗi of contract §8.4', () => {
  const settings = settingsGrid([['Năm', 2026]]);
  const twoUnits = unitsGrid([
    ['S1', 'Sở Một', 'SBN'],
    ['S2', 'Sở Hai', 'SBN'],
  ]);
  const record = (agencyCode: string, procedureCode: string | null, resolved: number, online: number) =>
    ({ agencyCode, procedureCode, year: 2026, month: 1, resolved, online }) satisfies PortalRecord;
  const perProcedure = [record('S1', '1.001', 10, 4), record('S2', '1.002', 20, 5)];
  const catalogueOf = (...codes: string[]) => [
    ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
    ...codes.map((c) => [c, c, 'Toàn trình']),
  ];
  const feed = (records: PortalRecord[], catalogue?: Cell[][]) => {
    const input = { settings, units: twoUnits, catalogue };
    const portal = buildPortalTab(records, input, NOW_2026);
    const report = buildReport({ ...input, portal: tableToGrid(portal.table) }, { now: NOW_2026 });
    return { portal, report };
  };
  const catalogueErrors = (report: ReturnType<typeof buildReport>) =>
    problemsOf(report)
      .filter((p) => p.Tab === 'Danh mục DVC')
      .map((p) => pick(p, 'Mức độ', 'Nội dung'));

  it('an empty catalogue with per-procedure rows is one Lỗi, and the figures are still there (online 0)', () => {
    const { portal, report } = feed(perProcedure, catalogueOf());
    expect(catalogueErrors(report)).toEqual([
      [
        'Lỗi',
        expect.stringContaining('Danh mục DVC toàn trình, một phần trống nên không hồ sơ trực tuyến nào'),
      ],
    ]);
    expect(portal.table.rows.map((row) => row.slice(1, 4))).toEqual([
      ['S1', 10, 0],
      ['S2', 20, 0],
    ]);
    expect(pick(ratioRow(report, 'S2'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([20, 0]);
    // A missing Danh mục DVC tab is the same.
    expect(catalogueErrors(feed(perProcedure).report)).toHaveLength(1);
  });

  it('a catalogue with none of the codes seen is one Lỗi; one code in it is enough to be fine', () => {
    const none = feed(perProcedure, catalogueOf('1.999', '1.998'));
    expect(catalogueErrors(none.report)).toEqual([
      ['Lỗi', expect.stringContaining('Không mã TTHC nào có hồ sơ trên Cổng DVC (2 dòng')],
    ]);
    const one = feed(perProcedure, catalogueOf('1.002'));
    expect(catalogueErrors(one.report)).toEqual([]);
    expect(pick(ratioRow(one.report, 'S2'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([20, 5]);
  });

  it('aggregated rows need no catalogue', () => {
    const { report } = feed([record('S1', null, 10, 4)], catalogueOf());
    expect(catalogueErrors(report)).toEqual([]);
    expect(pick(ratioRow(report, 'S1'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([10, 4]);
  });

  it('a recompute from Dữ liệu Cổng DVC alone (the add-in) still tells an empty catalogue', () => {
    const { portal } = feed(perProcedure, catalogueOf());
    const recompute = buildReport(
      { settings, units: twoUnits, catalogue: catalogueOf(), portal: tableToGrid(portal.table) },
      { now: NOW_2026 },
    );
    expect(catalogueErrors(recompute)).toEqual([
      ['Lỗi', expect.stringContaining('trống nên không hồ sơ trực tuyến nào')],
    ]);
  });
});

describe('Dữ liệu Cổng DVC header', () => {
  it('keeps the tab’s own online header, else follows Cách phân loại', () => {
    const own = [
      ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', LEVELS_ONLINE, 'Số TTHC', 'Cập nhật lúc'],
    ];
    expect(portalHeader(own, 'modes')[3]).toBe(LEVELS_ONLINE);
    expect(portalHeader(undefined, 'modes')[3]).toBe(MODES_ONLINE);
    expect(portalHeader([['Kỳ', 'Mã đơn vị']], 'levels')[3]).toBe(LEVELS_ONLINE);
  });
});
