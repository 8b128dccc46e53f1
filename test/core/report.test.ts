// The whole report on hand-built workbooks: Tỷ lệ, Xếp hạng, Kiểm tra, Đối chiếu, periods and sources.
import { buildReport, type Cell, tableToGrid } from '../../src/core';
import { overviewTotals, reportSections, sumsOfRatioRows } from './totals';
import {
  entriesGrid,
  NOW,
  portalGrid,
  problemsOf,
  rankingOf,
  ratioRow,
  records,
  report,
  settingsGrid,
  unitsGrid,
} from './workbook';

const province = unitsGrid([
  ['S1', 'Sở Nội vụ', 'Sở, ban, ngành'],
  ['S2', 'Sở Tư pháp', 'SBN', '', '30%'],
  ['S3', 'Sở Y tế', 'SBN'],
  ['H1', 'Huyện Cao Phong', 'Huyện, thành phố', '', '25%'],
  ['H2', 'Huyện Lạc Thủy', 'HUYEN'],
  ['X1', 'Xã Thu Phong', 'Xã, phường, thị trấn', 'H1', '30%'],
  ['X2', 'Xã Bắc Phong', 'XA', 'H1', '20%'],
  ['X3', 'Thị trấn Chi Nê', 'XA', 'H2'],
]);
const provinceEntries = entriesGrid([
  ['09/2020', 'S1', 100, 10],
  ['10/2020', 'S1', 300, 90],
  ['10/2020', 'S2', 50, 10],
  ['09/2020', 'S3', 10, 5],
  ['10/2020', 'S3', 90, 5],
  ['10/2020', 'H1', 200, 50],
  ['10/2020', 'H2', 0, 0],
  ['10/2020', 'X1', 100, 40],
  ['10/2020', 'X2', 300, 60],
  ['10/2020', 'X3', 50, 10],
]);
const pick = (row: Record<string, Cell>, ...columns: string[]) => columns.map((c) => row[c]);

describe('Tỷ lệ', () => {
  const result = report({ units: province, entries: provinceEntries });

  it('sums the year to date, never averaging monthly ratios', () => {
    // S1: September 10/100 = 10%, October 90/300 = 30%; year to date 100/400 = 25%, not 20%.
    const s1 = ratioRow(result, 'S1');
    expect(
      pick(s1, 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Tỷ lệ', 'Chỉ tiêu', 'Đánh giá'),
    ).toEqual([400, 100, 0.25, 0.2, 'Đạt']);
    expect(pick(s1, 'Hồ sơ cần thêm', 'Điểm', 'Nguồn số liệu')).toEqual([0, 1, 'Đơn vị nhập']);
  });

  it('computes needed dossiers and points for a unit short of its target', () => {
    // S2: 10 of 50 = 20% against 30%: needs 15 − 10 = 5; points 1 × 0.2 / 0.3.
    const s2 = ratioRow(result, 'S2');
    expect(pick(s2, 'Tỷ lệ', 'Chỉ tiêu', 'Đánh giá', 'Hồ sơ cần thêm')).toEqual([0.2, 0.3, 'Chưa đạt', 5]);
    expect(s2.Điểm).toBeCloseTo(2 / 3, 12);
  });

  it('leaves Tỷ lệ empty for a unit with no dossiers', () => {
    const h2 = ratioRow(result, 'H2');
    expect(pick(h2, 'Tổng số hồ sơ', 'Tỷ lệ', 'Đánh giá', 'Hồ sơ cần thêm', 'Điểm')).toEqual([
      0,
      '',
      'Không phát sinh hồ sơ',
      '',
      '',
    ]);
  });

  it('shows every unit in Đơn vị order, with group names and district codes, and the period in the title', () => {
    expect(result.tables.ratio.rows.map((r) => r[0])).toEqual([
      'S1',
      'S2',
      'S3',
      'H1',
      'H2',
      'X1',
      'X2',
      'X3',
    ]);
    expect(pick(ratioRow(result, 'X2'), 'Nhóm', 'Mã đơn vị cấp trên')).toEqual([
      'Xã, phường, thị trấn',
      'H1',
    ]);
    expect(result.tables.ratio.title).toEqual([
      'TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN MỨC ĐỘ 3, 4 NĂM 2020',
      'Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/10/2020',
    ]);
    expect(result.tables.ratio.header.slice(0, 12)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhóm',
      'Mã đơn vị cấp trên',
      'Tổng số hồ sơ',
      'Hồ sơ trực tuyến mức độ 3, 4',
      'Tỷ lệ',
      'Chỉ tiêu',
      'Đánh giá',
      'Hồ sơ cần thêm',
      'Điểm',
      'Nguồn số liệu',
    ]);
    const grid = tableToGrid(result.tables.ratio);
    expect(grid[2]?.[0]).toBe('Mã đơn vị');
    expect(grid.every((row) => row.length === result.tables.ratio.header.length)).toBe(true);
  });

  it('fills the forecast columns', () => {
    // S1 through October: 400 resolved, 100 online; pace of Sep–Oct (Aug empty): 200 resolved, 50 online a month.
    // Year end: 400 + 2·200 = 800 resolved, 100 + 2·50 = 200 online = 25%.
    // To end at 20% of 800 = 160 online from the 100 so far: 60 more over 2 months, 30 a month.
    const s1 = ratioRow(result, 'S1');
    expect(
      pick(s1, 'Dự báo tỷ lệ cả năm', 'Hồ sơ trực tuyến cần mỗi tháng còn lại', 'Số tháng có số liệu'),
    ).toEqual([0.25, 30, 2]);
    // S2: 50 resolved, 10 online, pace 50/10 from October only. Year end 150 resolved; 30% is 45; (45 − 10)/2 = 17.5 → 18.
    expect(pick(ratioRow(result, 'S2'), 'Hồ sơ trực tuyến cần mỗi tháng còn lại')).toEqual([18]);
  });

  it('uses Điểm tối đa from Cấu hình', () => {
    const scaled = buildReport(
      {
        settings: settingsGrid([
          ['Năm', 2020],
          ['Điểm tối đa', '2,5'],
        ]),
        units: province,
        entries: provinceEntries,
      },
      { now: NOW },
    );
    expect(ratioRow(scaled, 'S1').Điểm).toBe(2.5);
    expect(ratioRow(scaled, 'S2').Điểm).toBeCloseTo((2.5 * 2) / 3, 12);
  });
});

describe('Tổng hợp', () => {
  it('sums each scope and weights targets by dossiers', () => {
    const result = report({ units: province, entries: provinceEntries });
    const departments = records(result.tables.overview).find((r) => r['Nhóm xếp hạng'] === 'Sở, ban, ngành');
    // S1 400/100 (20%), S2 50/10 (30%), S3 100/10 (20%): 550 dossiers, 120 online, only S1 met.
    expect(
      departments &&
        pick(departments, 'Số đơn vị', 'Số đơn vị đạt', 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4'),
    ).toEqual([3, 1, 550, 120]);
    expect(departments?.['Tỷ lệ']).toBeCloseTo(120 / 550, 12);
    // (400·20% + 50·30% + 100·20%) / 550 = 115 / 550.
    expect(departments?.['Chỉ tiêu']).toBeCloseTo(115 / 550, 12);
    // The district-target warning and six units reminded of months others reported.
    expect(result.summary).toEqual({ units: 8, ranked: 7, errors: 0, warnings: 7 });
  });
});

describe('what the outputs state is true (contract §10.4)', () => {
  const departments = unitsGrid([
    ['S1', 'Sở Nội vụ', 'SBN'],
    ['S2', 'Sở Tư pháp', 'SBN', '', '30%'],
    ['S3', 'Sở Y tế', 'SBN'],
    ['S4', 'Ban Dân tộc', 'SBN'],
    ['S5', 'Sở Xây dựng', 'SBN'],
    ['S6', 'Sở Công Thương', 'SBN'],
  ]);
  const result = report({
    units: departments,
    entries: entriesGrid([
      ['01/2020', 'S1', 100, 30],
      ['02/2020', 'S1', 100, 20],
      // S2: a good January and a February with online above total.
      ['01/2020', 'S2', 80, 40],
      ['02/2020', 'S2', 10, 12],
      // S3 has no row at all. S4 reported 0 dossiers twice.
      ['01/2020', 'S4', 0, 0],
      ['02/2020', 'S4', 0, 0],
      // S5's only row has an error; S6's rows are the prefilled empty ones.
      ['02/2020', 'S5', '12a', 3],
      ['01/2020', 'S6', '', ''],
      ['02/2020', 'S6', '', ''],
    ]),
  });
  const columns = [
    'Tổng số hồ sơ',
    'Hồ sơ trực tuyến mức độ 3, 4',
    'Tỷ lệ',
    'Đánh giá',
    'Hồ sơ cần thêm',
    'Điểm',
  ];

  it('says Chưa có số liệu, with empty figures, for a unit with no month that counts', () => {
    expect(result.through).toEqual({ year: 2020, month: 2 });
    for (const code of ['S3', 'S6'])
      expect(pick(ratioRow(result, code), ...columns, 'Số tháng có số liệu')).toEqual([
        '',
        '',
        '',
        'Chưa có số liệu',
        '',
        '',
        0,
      ]);
    // Counted months that add up to 0 dossiers: Không phát sinh hồ sơ, and the zeros are true.
    expect(pick(ratioRow(result, 'S4'), ...columns)).toEqual([0, 0, '', 'Không phát sinh hồ sơ', '', '']);
  });

  it('puts Số liệu lỗi before Chưa có số liệu: a unit whose only row has an error is told to fix it', () => {
    expect(pick(ratioRow(result, 'S5'), ...columns)).toEqual(['', '', '', 'Số liệu lỗi', '', '']);
  });

  it('prints an erroneous unit with the months that count, and its scope totals include them', () => {
    // S2: January 80/40 counts, February does not; 50% at 30% would be Đạt, but the error says Số liệu lỗi.
    expect(
      pick(ratioRow(result, 'S2'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Tỷ lệ', 'Đánh giá'),
    ).toEqual([80, 40, 0.5, 'Số liệu lỗi']);
    // Worked by hand: S1 200/50 + S2 80/40 + S4 0/0 = 280 dossiers, 90 online; 6 units, only S1 Đạt (25% ≥ 20%).
    const overview = records(result.tables.overview)[0] as Record<string, Cell>;
    expect(
      pick(
        overview,
        'Nhóm xếp hạng',
        'Số đơn vị',
        'Số đơn vị đạt',
        'Tổng số hồ sơ',
        'Hồ sơ trực tuyến mức độ 3, 4',
      ),
    ).toEqual(['Sở, ban, ngành', 6, 1, 280, 90]);
    expect(overview['Tỷ lệ']).toBeCloseTo(90 / 280, 12);
    // Target weighted by the same dossiers: (200 · 20% + 80 · 30%) / 280.
    expect(overview['Chỉ tiêu']).toBeCloseTo(64 / 280, 12);
    expect(overviewTotals(result)).toEqual(sumsOfRatioRows(result));
  });

  it('prints the same in Xếp hạng, Diễn biến theo tháng and Báo cáo, whose Cộng adds up its lines', () => {
    const ranking = rankingOf(result, 'Sở, ban, ngành');
    const status = new Map(ranking.map((r) => [r['Mã đơn vị'], [r.Hạng, r['Đánh giá'], r['Tổng số hồ sơ']]]));
    expect(status.get('S3')).toEqual(['', 'Chưa có số liệu', '']);
    expect(status.get('S4')).toEqual(['', 'Không phát sinh hồ sơ', 0]);
    expect(status.get('S2')).toEqual(['', 'Số liệu lỗi', 80]);
    const monthly = records(result.tables.monthly).find((r) => r['Mã đơn vị'] === 'S6');
    expect(monthly && pick(monthly, 'Tháng 1/2020', 'Tỷ lệ lũy kế từ đầu năm', 'Đánh giá')).toEqual([
      '',
      '',
      'Chưa có số liệu',
    ]);
    const lines = result.tables.officialReport.rows.filter((row) => typeof row[0] === 'number');
    // The ranked unit, then the unranked ones by name: no 0 | 0 for a unit that reported nothing.
    expect(lines.map((row) => [row[1], row[3], row[4], row[7]])).toEqual([
      ['S1', 200, 50, 'Đạt'],
      ['S4', 0, 0, 'Không phát sinh hồ sơ'],
      ['S6', '', '', 'Chưa có số liệu'],
      ['S2', 80, 40, 'Số liệu lỗi'],
      ['S5', '', '', 'Số liệu lỗi'],
      ['S3', '', '', 'Chưa có số liệu'],
    ]);
    const total = result.tables.officialReport.rows.find((row) => row[2] === 'Cộng');
    expect(total?.slice(3, 5)).toEqual([280, 90]);
    expect(total?.[7]).toBe('1/6 đơn vị đạt');
    const { added, printed } = reportSections(result);
    expect(printed).toEqual(added);
  });
});

describe('Xếp hạng', () => {
  const result = report({ units: province, entries: provinceEntries });

  it('has the group scopes, the province-wide commune scope and one scope per district, in order', () => {
    const scopes = [...new Set(records(result.tables.ranking).map((r) => r['Nhóm xếp hạng']))];
    expect(scopes).toEqual([
      'Sở, ban, ngành',
      'Huyện, thành phố',
      'Xã, phường, thị trấn',
      'Xã, phường, thị trấn - Huyện Cao Phong',
      'Xã, phường, thị trấn - Huyện Lạc Thủy',
    ]);
  });

  it('ranks highest first with rank change against the previous month', () => {
    // September: S3 5/10 = 50% (1st), S1 10/100 = 10% (2nd), S2 none.
    // October YTD: S1 25%, S2 20%, S3 10/100 = 10%.
    expect(
      rankingOf(result, 'Sở, ban, ngành').map((r) =>
        pick(r, 'Hạng', 'Mã đơn vị', 'Tỷ lệ', 'Thay đổi hạng', 'Hạng tháng trước'),
      ),
    ).toEqual([
      [1, 'S1', 0.25, '▲1', 2],
      [2, 'S2', 0.2, '', ''],
      [3, 'S3', 0.1, '▼2', 1],
    ]);
  });

  it('shares ranks, lists the larger online count first and puts units without dossiers last', () => {
    expect(
      rankingOf(result, 'Huyện, thành phố').map((r) => pick(r, 'Hạng', 'Mã đơn vị', 'Đánh giá')),
    ).toEqual([
      [1, 'H1', 'Đạt'],
      ['', 'H2', 'Không phát sinh hồ sơ'],
    ]);
    // X2 60/300 and X3 10/50 are both 20%: rank 2 shared, X2 (60 online) first.
    expect(rankingOf(result, 'Xã, phường, thị trấn').map((r) => pick(r, 'Hạng', 'Mã đơn vị'))).toEqual([
      [1, 'X1'],
      [2, 'X2'],
      [2, 'X3'],
    ]);
    expect(
      rankingOf(result, 'Xã, phường, thị trấn - Huyện Cao Phong').map((r) => pick(r, 'Hạng', 'Mã đơn vị')),
    ).toEqual([
      [1, 'X1'],
      [2, 'X2'],
    ]);
    expect(
      rankingOf(result, 'Xã, phường, thị trấn - Huyện Lạc Thủy').map((r) => pick(r, 'Hạng', 'Mã đơn vị')),
    ).toEqual([[1, 'X3']]);
  });

  it('shows no rank change in January, and lists units with errors last and unranked', () => {
    const january = report({
      units: province,
      entries: entriesGrid([
        ['01/2020', 'S1', 10, 1],
        ['01/2020', 'S2', 10, 9],
        ['01/2020', 'S3', 10, 11],
      ]),
    });
    expect(
      rankingOf(january, 'Sở, ban, ngành').map((r) =>
        pick(r, 'Hạng', 'Mã đơn vị', 'Đánh giá', 'Thay đổi hạng'),
      ),
    ).toEqual([
      [1, 'S2', 'Đạt', ''],
      [2, 'S1', 'Chưa đạt', ''],
      ['', 'S3', 'Số liệu lỗi', ''],
    ]);
  });

  it('has no per-district scopes in a two-tier province', () => {
    const twoTier = report({
      units: unitsGrid([
        ['H44.01', 'Sở Nội vụ', 'SBN'],
        ['H44.202', 'Phường Hòa Bình', 'XA'],
        ['H44.203', 'Xã Mông Hóa', 'XA'],
      ]),
      entries: entriesGrid([
        ['10/2020', 'H44.202', 10, 3],
        ['10/2020', 'H44.203', 10, 3],
      ]),
    });
    expect(problemsOf(twoTier)).toEqual([]);
    // Contract §8.1: with no district the commune group is shown and ranked as Xã, phường, đặc khu.
    expect([...new Set(records(twoTier.tables.ranking).map((r) => r['Nhóm xếp hạng']))]).toEqual([
      'Sở, ban, ngành',
      'Xã, phường, đặc khu',
    ]);
    // Equal ratio and online count: Vietnamese name order, Phường (P) before Xã (X).
    expect(rankingOf(twoTier, 'Xã, phường, đặc khu').map((r) => pick(r, 'Hạng', 'Tên đơn vị'))).toEqual([
      [1, 'Phường Hòa Bình'],
      [1, 'Xã Mông Hóa'],
    ]);
  });
});

describe('Kiểm tra', () => {
  it('warns a district whose communes’ dossier-weighted targets average below its own', () => {
    // X1 30% on 100 dossiers, X2 20% on 300: (30 + 60) / 400 = 22.5% < H1's 25%.
    const result = report({ units: province, entries: provinceEntries });
    expect(problemsOf(result)).toEqual([
      {
        Tab: 'Đơn vị',
        Ô: 'E5',
        'Mã đơn vị': 'H1',
        Kỳ: '',
        'Mức độ': 'Cảnh báo',
        'Nội dung':
          'Chỉ tiêu giao cho các xã, phường, thị trấn của Huyện Cao Phong (bình quân theo số hồ sơ: 22,5%) thấp hơn chỉ tiêu của huyện (25%). Hãy giao lại chỉ tiêu cho các xã.',
      },
    ]);
  });

  it('does not warn when the weighted average reaches the district target', () => {
    // X1 30% on 300 dossiers, X2 20% on 100: (90 + 20) / 400 = 27.5% ≥ 25%.
    const result = report({
      units: province,
      entries: entriesGrid([
        ['10/2020', 'X1', 300, 100],
        ['10/2020', 'X2', 100, 20],
      ]),
    });
    expect(problemsOf(result)).toEqual([]);
  });

  it('lists problems by tab, then row, with A1 cells and the month', () => {
    const result = report({
      units: unitsGrid([
        ['A', 'Sở An', 'SBN', '', '10%'],
        ['B', 'Sở Bình', 'SBN'],
      ]),
      entries: entriesGrid([
        ['02/2020', 'B', 5, 9],
        ['01/2020', 'Q', 5, 1],
      ]),
    });
    expect(problemsOf(result).map((p) => pick(p, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ'))).toEqual([
      ['Đơn vị', 'E2', 'A', '', 'Lỗi'],
      ['Nhập liệu', 'D2', 'B', '02/2020', 'Lỗi'],
      ['Nhập liệu', 'B3', 'Q', '01/2020', 'Lỗi'],
    ]);
    expect(result.summary).toEqual({ units: 2, ranked: 0, errors: 3, warnings: 0 });
  });
});

describe('sources, period and Đối chiếu', () => {
  const units = unitsGrid([
    ['A', 'Sở An', 'SBN'],
    ['B', 'Sở Bình', 'SBN'],
    ['C', 'Sở Cao', 'SBN'],
    ['D', 'Sở Dân', 'SBN'],
  ]);
  const entries = entriesGrid([
    ['01/2020', 'A', 100, 30],
    ['02/2020', 'A', 100, 20],
    ['01/2020', 'B', 50, 10],
    ['01/2020', 'C', 100, 20],
    ['01/2020', 'D', 100, 20],
  ]);
  const portal = portalGrid([
    ['01/2020', 'A', 100, 40, 3],
    ['03/2020', 'A', 200, 50, 3],
    ['02/2020', 'B', 60, 30, 2],
    ['01/2020', 'C', 100, 25, 1],
    ['01/2020', 'D', 100, 26, 1],
    ['05/2019', 'D', 999, 999, 1],
  ]);
  // The portal rows are per procedure (a Số TTHC): without a catalogue that is a Lỗi (contract §8.4).
  const catalogue = [
    ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
    ['1.001', 'Thủ tục một', 'Toàn trình'],
  ];
  const withPriority = (priority: string | null, through?: { year: number; month: number }) =>
    buildReport(
      {
        settings: settingsGrid([
          ['Năm', 2020],
          ['Nguồn ưu tiên', priority],
        ]),
        units,
        entries,
        portal,
        catalogue,
      },
      { now: NOW, through },
    );

  it('lets the portal win by default, month by month, and names both sources for mixed months', () => {
    const result = withPriority(null);
    expect(result.through).toEqual({ year: 2020, month: 3 });
    // A: January portal 100/40, February entered 100/20, March portal 200/50 = 400/110.
    expect(
      pick(ratioRow(result, 'A'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Nguồn số liệu'),
    ).toEqual([400, 110, 'Cổng DVC, Đơn vị nhập']);
    // C: January from the portal only (entered loses): 100/25.
    expect(
      pick(ratioRow(result, 'C'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Nguồn số liệu'),
    ).toEqual([100, 25, 'Cổng DVC']);
    expect(problemsOf(result)).toEqual([]);
  });

  it('lets entered figures win when Nguồn ưu tiên says Đơn vị nhập', () => {
    const result = withPriority('Đơn vị nhập'.normalize('NFD'));
    // A: January entered 100/30, February entered 100/20, March portal 200/50 = 400/100.
    expect(
      pick(ratioRow(result, 'A'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Nguồn số liệu'),
    ).toEqual([400, 100, 'Cổng DVC, Đơn vị nhập']);
    expect(pick(ratioRow(result, 'C'), 'Hồ sơ trực tuyến mức độ 3, 4', 'Nguồn số liệu')).toEqual([
      20,
      'Đơn vị nhập',
    ]);
  });

  it('reports in Đối chiếu only unit-months that differ by strictly more than the threshold', () => {
    const result = withPriority('Cổng DVC');
    // A January: 40% vs 30% (10 points); C: 25% vs 20% is exactly 5, not reported; D: 26% vs 20%.
    expect(result.tables.reconciliation.rows.map((r) => r.slice(0, 11))).toEqual([
      ['01/2020', 'A', 'Sở An', 100, 100, 40, 30, 0.4, 0.3, 0.1, 'Cổng DVC'],
      ['01/2020', 'D', 'Sở Dân', 100, 100, 26, 20, 0.26, 0.2, 0.06, 'Cổng DVC'],
    ]);
    expect(withPriority('Đơn vị nhập').tables.reconciliation.rows.map((r) => r[10])).toEqual([
      'Đơn vị nhập',
      'Đơn vị nhập',
    ]);
  });

  it('applies Ngưỡng chênh lệch from Cấu hình', () => {
    const result = buildReport(
      {
        settings: settingsGrid([
          ['Năm', 2020],
          ['Ngưỡng chênh lệch', '6%'],
        ]),
        units,
        entries,
        portal,
        catalogue,
      },
      { now: NOW },
    );
    expect(result.tables.reconciliation.rows.map((r) => r[1])).toEqual(['A']);
  });

  it('stops at the through option, else at Kỳ báo cáo đến', () => {
    const option = withPriority(null, { year: 2020, month: 1 });
    expect(option.through).toEqual({ year: 2020, month: 1 });
    expect(pick(ratioRow(option, 'A'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4')).toEqual([100, 40]);
    expect(ratioRow(option, 'B')['Nguồn số liệu']).toBe('Đơn vị nhập');
    expect(option.tables.ratio.title[1]).toBe('Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/01/2020');

    const setting = (through: Cell, option?: { year: number; month: number }) =>
      buildReport(
        {
          settings: settingsGrid([
            ['Năm', 2020],
            ['Kỳ báo cáo đến', through],
          ]),
          units,
          entries,
          portal,
          catalogue,
        },
        { now: NOW, through: option },
      );
    const february = setting('T2/2020');
    expect(february.through).toEqual({ year: 2020, month: 2 });
    expect(pick(ratioRow(february, 'A'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4')).toEqual([200, 60]);
    expect(february.tables.ratio.title[1]).toBe('Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 29/02/2020');
    // A bad Kỳ báo cáo đến is an error, and the last month with figures is used.
    const bad = setting('T13/2020');
    expect(bad.through).toEqual({ year: 2020, month: 3 });
    expect(problemsOf(bad).map((p) => [p.Tab, p.Ô, p['Mức độ']])).toEqual([['Cấu hình', 'B3', 'Lỗi']]);
    // The option (the sync's --through) wins over the setting.
    expect(setting('T2/2020', { year: 2020, month: 3 }).through).toEqual({ year: 2020, month: 3 });
  });

  it('takes the default period from either source, here the portal', () => {
    const result = report({
      units,
      entries: entriesGrid([['01/2020', 'A', 1, 1]]),
      portal: portalGrid([['04/2020', 'B', 1, 1]]),
    });
    expect(result.through).toEqual({ year: 2020, month: 4 });
    const empty = report({ units, entries: entriesGrid([]) });
    expect(empty.through).toBeNull();
    expect(empty.tables.ratio.title[1]).toBe('Kỳ báo cáo: chưa có số liệu');
    expect(ratioRow(empty, 'A')['Đánh giá']).toBe('Chưa có số liệu');
  });

  it('reports unmapped portal codes as Cảnh báo and ignores portal rows of other years', () => {
    const result = report({
      units,
      entries: entriesGrid([]),
      portal: portalGrid([['01/2020', 'H99', 5, 1]]),
    });
    expect(problemsOf(result).map((p) => pick(p, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ'))).toEqual([
      ['Dữ liệu Cổng DVC', 'B2', 'H99', '01/2020', 'Cảnh báo'],
    ]);
  });
});

describe('Báo cáo: Decree 30 layout', () => {
  const settings = settingsGrid([
    ['Năm', 2020],
    ['Cơ quan chủ quản', 'UBND tỉnh Hòa Bình'],
    ['Cơ quan báo cáo', 'Sở Thông tin và Truyền thông'],
    ['Địa danh', 'Hòa Bình'],
    ['Số ký hiệu báo cáo', '125/BC-STTTT'],
    ['Nơi nhận', 'UBND tỉnh (để b/c);\n- Sở Nội vụ;\n\nLưu: VT, CNTT.'],
  ]);
  const official = (grid: Cell[][]) =>
    buildReport({ settings: grid, units: province, entries: provinceEntries }, { now: NOW, through: null })
      .tables.officialReport;
  const table = official(settings);
  const grid = tableToGrid(table);
  const layout = table.layout;
  const rowOf = (first: Cell) => grid.findIndex((row) => row[0] === first);

  it('says how many units are not ranked, each unit once though a commune stands in two scopes', () => {
    // H2 resolved nothing; X4 (a commune of H1) reported nothing; S3's only row is wrong. X4 is in both the
    // province-wide commune scope and H1's: counted once.
    const units = unitsGrid([
      ['S1', 'Sở Nội vụ', 'SBN'],
      ['S3', 'Sở Y tế', 'SBN'],
      ['H1', 'Huyện Cao Phong', 'HUYEN'],
      ['H2', 'Huyện Lạc Thủy', 'HUYEN'],
      ['X1', 'Xã Thu Phong', 'XA', 'H1'],
      ['X4', 'Xã Dũng Phong', 'XA', 'H1'],
    ]);
    const entries = entriesGrid([
      ['10/2020', 'S1', 100, 30],
      ['10/2020', 'S3', 10, 20],
      ['10/2020', 'H1', 200, 50],
      ['10/2020', 'H2', 0, 0],
      ['10/2020', 'X1', 100, 40],
    ]);
    const lines = tableToGrid(
      buildReport({ settings, units, entries }, { now: NOW, through: null }).tables.officialReport,
    ).map((row) => String(row[0] ?? ''));
    expect(lines).toContain(
      '3 đơn vị chưa được xếp hạng (không phát sinh hồ sơ, chưa có số liệu hoặc số liệu lỗi).',
    );
    // Every unit counted once in the summary above it: 6 units, 3 met (S1 30%, H1 25%, X1 40%).
    expect(lines.filter((line) => line.startsWith('Tổng hợp: 3/6 đơn vị đạt chỉ tiêu'))).toHaveLength(1);
  });

  it('heads the page with the bodies, the motto, the rules, then Số under the issuing body', () => {
    expect(grid.slice(0, 5).map((row) => [row[0], row[4]])).toEqual([
      ['UBND TỈNH HÒA BÌNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Độc lập - Tự do - Hạnh phúc'],
      ['', ''],
      ['Số: 125/BC-STTTT', ''],
      ['', ''],
    ]);
    expect(grid.slice(5, 10).map((row) => row[0])).toEqual([
      'BÁO CÁO',
      'Kết quả thực hiện chỉ tiêu tỷ lệ hồ sơ giải quyết trực tuyến',
      'Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/10/2020',
      'Đơn vị tính: hồ sơ; tỷ lệ: %',
      'STT',
    ]);
    // Số merged over the left block, like the body names above it.
    expect(layout?.merges).toContainEqual({ row: 3, column: 0, rows: 1, columns: 4 });
  });

  it('draws the short rules under C (the issuing body) and F:G (the motto), each centred in its block', () => {
    expect(layout?.rules).toEqual([
      { row: 2, column: 2, rows: 1, columns: 1 },
      { row: 2, column: 5, rows: 1, columns: 2 },
    ]);
    expect(layout?.heights).toEqual([{ row: 2, points: 4 }]);
    const w = layout?.widths ?? [];
    expect(w).toEqual([5, 21, 36, 26, 27, 11, 11, 20, 7]);
    const sum = (from: number, to: number) => w.slice(from, to).reduce((a, b) => a + b, 0);
    // Left block A:D = 88: C (36) has 26 on each side; right block E:I = 76: F:G (22) has 27 on each side.
    expect([sum(0, 2), sum(2, 3), sum(3, 4)]).toEqual([26, 36, 26]);
    expect([sum(4, 5), sum(5, 7), sum(7, 9)]).toEqual([27, 22, 27]);
  });

  it('is Times New Roman 13 with padding, with Decree 30 sizes per block', () => {
    expect(layout?.font).toEqual({ family: 'Times New Roman', size: 13 });
    expect(layout?.padded).toBe(true);
    // What the block styles covering a cell leave it with, the later ones winning.
    const styleAt = (row: number, column: number) => {
      const out: Record<string, unknown> = {};
      for (const s of layout?.styles ?? [])
        if (row >= s.row && row < s.row + s.rows && column >= s.column && column < s.column + s.columns)
          for (const [key, value] of Object.entries(s))
            if (!['row', 'column', 'rows', 'columns'].includes(key)) out[key] = value;
      return out;
    };
    expect(styleAt(0, 0)).toMatchObject({ size: 12, bold: false, align: 'center' });
    expect(styleAt(1, 0)).toMatchObject({ size: 12, bold: true });
    expect(styleAt(0, 4)).toMatchObject({ size: 12, bold: true });
    expect(styleAt(1, 4)).toMatchObject({ size: 13, bold: true });
    expect(styleAt(3, 0)).toMatchObject({ size: 13, bold: false, align: 'center' });
    expect(styleAt(5, 0)).toMatchObject({ size: 14, bold: true, align: 'center' });
    const place = grid.findIndex((row) => String(row[4]).startsWith('Hòa Bình, ngày'));
    expect(grid[place]?.[4]).toBe('Hòa Bình, ngày 15 tháng 12 năm 2020');
    expect(styleAt(place, 4)).toMatchObject({ size: 13, italic: true });
    expect(grid[place + 1]?.[4]).toBe('THỦ TRƯỞNG ĐƠN VỊ');
    expect(styleAt(place + 1, 4)).toMatchObject({ size: 13, bold: true });
    const recipients = rowOf('Nơi nhận:');
    expect(styleAt(recipients, 0)).toMatchObject({ size: 12, bold: true, italic: true, align: 'left' });
    expect(styleAt(recipients + 1, 0)).toMatchObject({ size: 11, align: 'left' });
  });

  it('ends with Nơi nhận bottom left, one line per recipient as typed, each with its dash, after room to sign', () => {
    const recipients = rowOf('Nơi nhận:');
    const place = grid.findIndex((row) => String(row[4]).startsWith('Hòa Bình, ngày'));
    // Place and date, titles, the notes, then four blank rows to sign in.
    expect(recipients).toBe(place + 3 + 4);
    expect(grid.slice(place + 3, recipients).every((row) => row.every((cell) => cell === ''))).toBe(true);
    expect(grid.slice(recipients).map((row) => row[0])).toEqual([
      'Nơi nhận:',
      '- UBND tỉnh (để b/c);',
      '- Sở Nội vụ;',
      '- Lưu: VT, CNTT.',
    ]);
    expect(grid.length).toBe(recipients + 4);
    for (let row = recipients; row < grid.length; row++)
      expect(layout?.merges).toContainEqual({ row, column: 0, rows: 1, columns: 4 });
  });

  it('Nơi nhận typed on one line is split after each semicolon; empty settings leave dotted room to fill by hand', () => {
    const oneLine = tableToGrid(
      official(
        settingsGrid([
          ['Năm', 2020],
          ['Nơi nhận', 'UBND tỉnh; Sở Nội vụ; Lưu: VT.'],
        ]),
      ),
    );
    const at = oneLine.findIndex((row) => row[0] === 'Nơi nhận:');
    expect(oneLine.slice(at + 1).map((row) => row[0])).toEqual([
      '- UBND tỉnh;',
      '- Sở Nội vụ;',
      '- Lưu: VT.',
    ]);

    const empty = tableToGrid(official(settingsGrid([['Năm', 2020]])));
    expect(empty[3]?.[0]).toBe('Số:       /BC-……');
    const emptyAt = empty.findIndex((row) => row[0] === 'Nơi nhận:');
    expect(empty.slice(emptyAt + 1).map((row) => row[0])).toEqual(['- ……………………', '- ……………………']);
    // "Số: 12/BC-X" typed with its own "Số:" is not doubled.
    const typed = tableToGrid(
      official(
        settingsGrid([
          ['Năm', 2020],
          ['Số ký hiệu báo cáo', 'Số: 12/BC-X'],
        ]),
      ),
    );
    expect(typed[3]?.[0]).toBe('Số: 12/BC-X');
  });
});
