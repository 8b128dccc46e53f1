// buildPortalTab: catalogue filter, agency mapping through Mã trên Cổng DVC, unmapped codes, aggregated rows.
import { buildPortalTab, type PortalRecord, tableToGrid } from '../../src/core';
import { PORTAL_HEADER } from '../contract-headers';
import { problemsOf, ratioRow, records, report, settingsGrid, unitsGrid } from './workbook';

const input = {
  settings: settingsGrid([['Năm', 2020]]),
  units: unitsGrid([
    ['A', 'Sở An', 'SBN', '', '', 'P.A'],
    ['B', 'Sở Bình', 'SBN'],
    ['C', 'Sở Cao', 'SBN'],
  ]),
  catalogue: [
    ['DANH MỤC DVC MỨC ĐỘ 3, 4'],
    ['Mã TTHC'.normalize('NFD'), 'Tên TTHC', 'Mức độ'],
    ['1.001', 'Cấp giấy phép', 3],
    ['1.002', 'Đăng ký', '4'],
  ],
};
const record = (
  agencyCode: string,
  procedureCode: string | null,
  month: number,
  resolved: number,
  online: number,
  year = 2020,
): PortalRecord => ({ agencyCode, procedureCode, year, month, resolved, online });
const updatedAt = new Date('2020-11-01T00:00:00Z');
const records2020 = [
  record('P.A', '1.001', 10, 100, 30),
  record('P.A', '9.999', 10, 50, 20), // not in the catalogue: counts in the total only
  record(' p.a ', '1.002', 10, 10, 10),
  record('B', '1.001', 9, 20, 5),
  record('H99', '1.001', 10, 40, 4),
  record('C', null, 10, 30, 12), // aggregated row: taken as it is
  record('B', '1.001', 10, 500, 500, 2019), // another year: dropped
];

describe('buildPortalTab', () => {
  const tab = buildPortalTab(records2020, input, updatedAt, 'dossiers');

  it('writes one row per unit and month: total over all procedures, online over the catalogue only', () => {
    const stamp = '01/11/2020 07:00:00';
    expect(tab.table.header).toEqual(PORTAL_HEADER);
    expect(tab.table.rows).toEqual([
      ['09/2020', 'B', 20, 5, 1, stamp, 'dossiers', 1, 0, 'B', ''],
      // 100 + 50 + 10 resolved; 30 + 10 online (9.999 is not approved); 3 procedures, 2 of them approved.
      ['10/2020', 'A', 160, 40, 3, stamp, 'dossiers', 2, 0, 'P.A', ''],
      ['10/2020', 'C', 30, 12, '', stamp, 'dossiers', '', '', 'C', ''],
      // A code no unit has: Mã đơn vị empty, the code in Mã trên Cổng DVC (contract §10.1).
      ['10/2020', '', 40, 4, 1, stamp, 'dossiers', 1, 0, 'H99', ''],
    ]);
    expect(tab.rowCount).toBe(4);
    expect(tab.unmapped).toEqual(['H99']);
  });

  it('feeds the report, which warns about the unmapped code', () => {
    const result = report({
      ...input,
      entries: [
        ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4'],
      ],
      portal: tableToGrid(tab.table),
    });
    const a = ratioRow(result, 'A');
    expect([
      a['Tổng số hồ sơ'],
      a['Hồ sơ trực tuyến mức độ 3, 4'],
      a['Đánh giá'],
      a['Nguồn số liệu'],
    ]).toEqual([160, 40, 'Đạt', 'Cổng DVC']);
    expect(result.through).toEqual({ year: 2020, month: 10 });
    expect(problemsOf(result).map((p) => [p.Tab, p.Ô, p['Mã đơn vị'], p['Mức độ']])).toEqual([
      ['Dữ liệu Cổng DVC', 'J5', 'H99', 'Cảnh báo'],
    ]);
  });

  it('counts no per-procedure online dossiers without a catalogue, but keeps aggregated ones', () => {
    const bare = buildPortalTab(records2020, { settings: input.settings, units: input.units }, updatedAt);
    expect(
      records(bare.table).map((r) => [r['Mã đơn vị'], r['Số hồ sơ giải quyết trực tuyến mức độ 3, 4']]),
    ).toEqual([
      ['B', 0],
      ['A', 0],
      ['C', 12],
      ['', 0],
    ]);
  });
});
