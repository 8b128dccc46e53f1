// The feed problems of Kiểm tra derived from Dữ liệu Cổng DVC alone (catalogue Lỗi, rows without Mã TTHC), hand-worked.
import { buildPortalTab, type Cell, feedCounts, type PortalRecord, tableToGrid } from '../../src/core';
import { PORTAL_HEADER } from '../contract-headers';
import { portalGrid, problemsOf, ratioRow, report, settingsGrid, unitsGrid, year2020 } from './workbook';

const units = unitsGrid([
  ['A', 'Sở An', 'SBN'],
  ['B', 'Sở Bình', 'SBN'],
]);
const catalogueOf = (...codes: string[]): Cell[][] => [
  ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
  ...codes.map((code) => [code, code, 3]),
];
const record = (
  agencyCode: string,
  procedureCode: string | null,
  month: number,
  resolved: number,
  online: number,
) => ({ agencyCode, procedureCode, year: 2020, month, resolved, online }) satisfies PortalRecord;
/** The header of the version before Nguồn (§10.1): still read by header text, so its rows stay valid. */
const NEW_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  'Số TTHC',
  'Cập nhật lúc',
  'Số TTHC thuộc danh mục',
  'Số dòng không có Mã TTHC',
];
const feedProblemRows = (portal: Cell[][], catalogue?: Cell[][]) =>
  problemsOf(report({ units, catalogue, portal }))
    .filter((p) => p.Tab === 'Danh mục DVC' || (p.Tab === 'Dữ liệu Cổng DVC' && p.Ô === ''))
    .map((p) => [p.Tab, p['Mức độ'], p['Nội dung']]);

describe('Dữ liệu Cổng DVC keeps what the checks need', () => {
  // A, 10/2020: 1.001 (approved) twice, 9.999 (not), two rows without code → Số TTHC 3 (empty code counted
  // once), 1 approved, 2 rows without code. B, 10/2020: 9.999 only. A, 11/2020: aggregated.
  const records = [
    record('A', '1.001', 10, 10, 4),
    record('A', '1.001', 10, 5, 1),
    record('A', '9.999', 10, 7, 7),
    record('A', '', 10, 3, 3),
    record('A', '', 10, 2, 2),
    record('B', '9.999', 10, 20, 20),
    record('A', null, 11, 8, 6),
  ];
  const tab = buildPortalTab(
    records,
    { settings: year2020, units, catalogue: catalogueOf('1.001') },
    new Date(),
  );
  const grid = tableToGrid(tab.table);

  it('writes the approved procedures and the rows without Mã TTHC of each unit-month', () => {
    expect(tab.table.header).toEqual(PORTAL_HEADER);
    expect(tab.table.rows.map((row) => [row[1], row[2], row[3], row[4], row[7], row[8]])).toEqual([
      ['A', 27, 5, 3, 1, 2],
      ['B', 20, 0, 1, 0, 0],
      ['A', 8, 6, '', '', ''],
    ]);
  });

  it('sums them back: 2 per-procedure rows, 1 approved procedure, 2 rows without code', () => {
    expect(feedCounts(grid)).toEqual({
      codedRows: 2,
      codedRowsKnown: 2,
      inCatalogue: 1,
      withoutProcedure: 2,
    });
  });

  it('gives the §8.3 Cảnh báo with the row count, and no catalogue Lỗi since one code is approved', () => {
    expect(feedProblemRows(grid, catalogueOf('1.001'))).toEqual([
      ['Dữ liệu Cổng DVC', 'Cảnh báo', expect.stringMatching(/^2 dòng không có Mã TTHC/)],
    ]);
  });
});

describe('the catalogue Lỗi from the tab', () => {
  const row = (unit: string, procedures: Cell, approved: Cell, without: Cell): Cell[] => [
    '10/2020',
    unit,
    10,
    0,
    procedures,
    '01/11/2020 07:00:00',
    approved,
    without,
  ];
  const tab = (...rows: Cell[][]) => [NEW_HEADER, ...rows];

  it('none of the procedures seen approved: one Lỗi naming the rows (2), whatever the catalogue holds now', () => {
    const rows = feedProblemRows(tab(row('A', 2, 0, 0), row('B', 1, 0, 0)), catalogueOf('1.001'));
    expect(rows).toEqual([
      [
        'Danh mục DVC',
        'Lỗi',
        expect.stringContaining('Không mã TTHC nào có hồ sơ trên Cổng DVC (2 dòng của tab Dữ liệu Cổng DVC)'),
      ],
    ]);
  });

  it('an empty catalogue with per-procedure rows is the empty Lỗi, not the unmatched one', () => {
    expect(feedProblemRows(tab(row('A', 2, 0, 0)), catalogueOf())).toEqual([
      ['Danh mục DVC', 'Lỗi', expect.stringContaining('trống nên không hồ sơ trực tuyến nào')],
    ]);
  });

  it('the empty-catalogue Lỗi asks for a new sync, since a recompute reads the counts the sync filtered', () => {
    const [message = ''] = feedProblemRows(tab(row('A', 2, 0, 0)), catalogueOf()).map((r) => String(r[2]));
    expect(message).toContain('rồi chạy đồng bộ lại (lấy lại số liệu từ Cổng DVC)');
    expect(message).toContain('chỉ tính lại thì số liệu không đổi');
    expect(message).not.toMatch(/Danh mục DVC rồi tính lại/);
  });

  it('rows with only the empty code are not per procedure: the Cảnh báo only (3 rows), no Lỗi', () => {
    // Số TTHC 1 is the empty code itself (3 rows without Mã TTHC).
    expect(feedProblemRows(tab(row('A', 1, 0, 3)), catalogueOf())).toEqual([
      ['Dữ liệu Cổng DVC', 'Cảnh báo', expect.stringMatching(/^3 dòng không có Mã TTHC/)],
    ]);
  });

  it('counts typed as text (a Google Sheet in vi_VN) read the same', () => {
    expect(feedCounts(tab(row('A', '2', '0', '1.234')))).toEqual({
      codedRows: 1,
      codedRowsKnown: 1,
      inCatalogue: 0,
      withoutProcedure: 1234,
    });
  });

  it('a tab of an earlier version (no new columns) reads fine: no new Lỗi, no Cảnh báo; empty still told', () => {
    const old = portalGrid([
      ['10/2020', 'A', 10, 0, 2],
      ['10/2020', 'B', 20, 0, 1],
    ]);
    expect(feedProblemRows(old, catalogueOf('1.001'))).toEqual([]);
    expect(feedProblemRows(old, catalogueOf())).toEqual([
      ['Danh mục DVC', 'Lỗi', expect.stringContaining('trống nên')],
    ]);
    expect(
      ratioRow(report({ units, catalogue: catalogueOf('1.001'), portal: old }), 'B')['Tổng số hồ sơ'],
    ).toBe(20);
  });

  it('one row of an earlier version among new ones could have matched: no unmatched Lỗi', () => {
    const mixed = [...tab(row('A', 2, 0, 0)), ['10/2020', 'B', 10, 0, 1, '', '', '']];
    expect(feedProblemRows(mixed, catalogueOf('1.001'))).toEqual([]);
  });

  it('no per-procedure rows (aggregated feed) and an empty catalogue: nothing', () => {
    expect(feedProblemRows(tab(row('A', '', '', '')), catalogueOf())).toEqual([]);
  });
});

describe('settings are read as usual', () => {
  it('Cách phân loại names the catalogue in the Lỗi', () => {
    const problems = problemsOf(
      report({
        settings: settingsGrid([
          ['Năm', 2020],
          ['Cách phân loại', 'Toàn trình, một phần'],
        ]),
        units,
        catalogue: catalogueOf(),
        portal: [NEW_HEADER, ['10/2020', 'A', 10, 0, 1, '', 0, 0]],
      }),
    ).filter((p) => p.Tab === 'Danh mục DVC');
    expect(problems.map((p) => p['Nội dung'])).toEqual([
      expect.stringContaining('toàn trình, một phần trống'),
    ]);
  });
});
