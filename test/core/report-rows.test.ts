// The report's typed surface: rows behind each record table, report.problems and the ordered output list.
import { type Cell, renderColumns } from '../../src/core';
import { RECOMPUTED_TABS } from '../contract-headers';
import { entriesGrid, portalGrid, records, report, unitsGrid } from './workbook';

const units = unitsGrid([
  ['S1', 'Sở Nội vụ', 'Sở, ban, ngành'],
  ['S2', 'Sở Tư pháp', 'SBN', '', '30%'],
  ['S3', 'Sở Y tế', 'SBN'],
  ['H1', 'Huyện Cao Phong', 'Huyện, thành phố', '', '25%'],
  ['X1', 'Xã Thu Phong', 'Xã, phường, thị trấn', 'H1', '30%'],
]);
const entries = entriesGrid([
  ['09/2020', 'S1', 100, 10],
  ['10/2020', 'S1', 300, 90],
  ['10/2020', 'S2', 50, 10],
  ['10/2020', 'H1', 200, 50],
  ['10/2020', 'X1', 100, 'nhiều'],
]);
// S1 in October differs from its entered 90/300 by more than the default threshold: one Đối chiếu row.
const portal = portalGrid([['10/2020', 'S1', 300, 150, 4]]);
const result = report({ units, entries, portal });

describe('typed rows', () => {
  it('carry the figures the tables print, blanks as null', () => {
    const s1 = result.rows.ratio.find((row) => row.code === 'S1');
    // Portal wins October by default: 10/100 + 150/300 = 160/400.
    expect(s1).toMatchObject({ resolved: 400, online: 160, ratio: 0.4, target: 0.2, status: 'met' });
    const s3 = result.rows.ratio.find((row) => row.code === 'S3');
    expect(s3).toMatchObject({
      resolved: null,
      online: null,
      ratio: null,
      status: 'noData',
      monthsReported: 0,
    });
    const s3Printed = records(result.tables.ratio).find((row) => row['Mã đơn vị'] === 'S3');
    expect([s3Printed?.['Tổng số hồ sơ'], s3Printed?.['Tỷ lệ'], s3Printed?.['Đánh giá']]).toEqual([
      '',
      '',
      'Chưa có số liệu',
    ]);
  });

  it('render every record table cell for cell through its columns', () => {
    const pairs = [
      [result.tables.ratio, result.rows.ratio.length],
      [result.tables.ranking, result.rows.ranking.length],
      [result.tables.reconciliation, result.rows.reconciliation.length],
      [result.tables.overview, result.rows.overview.length],
      [result.tables.problems, result.problems.length],
    ] as const;
    for (const [table, count] of pairs) expect(table.rows).toHaveLength(count);
    // The contract's headers typed here, each with the field it prints.
    const ratioFields: [string, (row: (typeof result.rows.ratio)[number]) => Cell | null][] = [
      ['Mã đơn vị', (r) => r.code],
      ['Tổng số hồ sơ', (r) => r.resolved],
      ['Hồ sơ trực tuyến mức độ 3, 4', (r) => r.online],
      ['Tỷ lệ', (r) => r.ratio],
      ['Chỉ tiêu', (r) => r.target],
      ['Hồ sơ cần thêm', (r) => r.needed],
      ['Điểm', (r) => r.points],
      ['Số tháng có số liệu', (r) => r.monthsReported],
    ];
    const printed = records(result.tables.ratio);
    result.rows.ratio.forEach((row, index) => {
      for (const [header, field] of ratioFields)
        expect([header, printed[index]?.[header]]).toEqual([header, field(row) ?? '']);
    });
    const ranked = records(result.tables.ranking);
    result.rows.ranking.forEach((row, index) => {
      expect([ranked[index]?.['Nhóm xếp hạng'], ranked[index]?.Hạng, ranked[index]?.['Mã đơn vị']]).toEqual([
        row.scope,
        row.rank ?? '',
        row.code,
      ]);
    });
    expect(result.rows.reconciliation).toEqual([
      expect.objectContaining({ month: '10/2020', code: 'S1', portalOnline: 150, enteredOnline: 90 }),
    ]);
    const overview = Object.fromEntries(result.rows.overview.map((row) => [row.scope, row]));
    // Sở, ban, ngành: S1 160/400 + S2 10/50 (S3 none) = 170/450.
    expect(overview['Sở, ban, ngành']).toMatchObject({ units: 3, met: 1, resolved: 450, online: 170 });
    expect(overview['Sở, ban, ngành']?.ratio).toBeCloseTo(170 / 450, 12);
  });

  it('renderColumns maps null to an empty cell and keeps 0', () => {
    const columns = [
      { header: 'A', format: 'integer' as const, value: (row: { a: number | null }) => row.a },
      { header: 'B', format: 'text' as const, value: () => 'x' },
    ];
    const rendered = renderColumns(columns, [{ a: null }, { a: 0 }]);
    expect(rendered).toEqual({
      header: ['A', 'B'],
      formats: ['integer', 'text'],
      rows: [
        ['', 'x'],
        [0, 'x'],
      ] as Cell[][],
    });
  });
});

describe('report.problems', () => {
  it('is Kiểm tra as records: same order, same words', () => {
    expect(result.problems.length).toBeGreaterThan(0);
    const printed = records(result.tables.problems);
    expect(
      result.problems.map((p) => [
        p.tab,
        p.cell,
        p.unitCode,
        p.month,
        p.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
      ]),
    ).toEqual(printed.map((row) => [row.Tab, row.Ô, row['Mã đơn vị'], row.Kỳ, row['Mức độ']]));
    // X1's online count is text: one Lỗi at Nhập liệu D6, the row it was typed in.
    expect(result.problems).toContainEqual(
      expect.objectContaining({ tab: 'Nhập liệu', cell: 'D6', unitCode: 'X1', severity: 'error' }),
    );
  });
});

describe('report.outputs', () => {
  it('lists every recomputed tab once, in the tab-bar order of the contract', () => {
    expect(result.outputs.map((table) => table.tab)).toEqual(RECOMPUTED_TABS);
  });

  it('holds the same tables as report.tables', () => {
    expect(new Set(result.outputs)).toEqual(new Set(Object.values(result.tables)));
  });
});
