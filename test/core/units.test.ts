// Đơn vị: groups (and short forms), districts, targets against the floor, portal codes, editors.
import { readModel } from '../../src/core';
import { NOW, settingsGrid, unitsGrid, year2020 } from './workbook';

const read = (rows: unknown[][], settings = year2020) =>
  readModel({ settings, units: unitsGrid(rows as never) }, NOW);
const unitsProblems = (model: ReturnType<typeof readModel>) =>
  model.problems.filter((p) => p.tab === 'Đơn vị');

describe('Đơn vị', () => {
  it('reads units with groups, short forms, NFD text and districts', () => {
    const model = read([
      ['SNV', 'Sở Nội vụ', 'Sở, ban, ngành'],
      ['H01'.normalize('NFD'), 'Huyện Cao Phong'.normalize('NFD'), 'HUYEN'],
      ['X01', 'Xã Thu Phong', 'Xã, phường, thị trấn'.normalize('NFD'), 'h01'],
      ['X02', 'Thị trấn Cao Phong', 'XA', 'H01'],
    ]);
    expect(model.problems).toEqual([]);
    expect(model.units.hasDistricts).toBe(true);
    expect(model.units.list.map((u) => [u.code, u.name, u.group, u.districtKey])).toEqual([
      ['SNV', 'Sở Nội vụ', 'department', null],
      ['H01', 'Huyện Cao Phong', 'district', null],
      ['X01', 'Xã Thu Phong', 'commune', 'h01'],
      ['X02', 'Thị trấn Cao Phong', 'commune', 'h01'],
    ]);
    expect(model.units.list[1]?.name).toBe('Huyện Cao Phong'.normalize('NFC'));
    expect(model.units.list.map((u) => [u.row, u.targetCell])).toEqual([
      [1, 'E2'],
      [2, 'E3'],
      [3, 'E4'],
      [4, 'E5'],
    ]);
  });

  it('reads targets: empty is the floor, below the floor and above 100% are errors (floor used)', () => {
    const model = read([
      ['A', 'Đơn vị A', 'SBN', '', ''],
      ['B', 'Đơn vị B', 'SBN', '', '35%'],
      ['C', 'Đơn vị C', 'SBN', '', 0.305],
      ['D', 'Đơn vị D', 'SBN', '', '15%'],
      ['E', 'Đơn vị E', 'SBN', '', '150%'],
      ['F', 'Đơn vị F', 'SBN', '', 'cao'],
      ['G', 'Đơn vị G', 'SBN', '', 20],
      ['H', 'Đơn vị H', 'SBN', '', 0.19999],
    ]);
    expect(model.units.list.map((u) => [u.code, u.target.n / u.target.d])).toEqual([
      ['A', 0.2],
      ['B', 0.35],
      ['C', 0.305],
      ['D', 0.2],
      ['E', 0.2],
      ['F', 0.2],
      ['G', 0.2],
      ['H', 0.2],
    ]);
    expect(unitsProblems(model).map((p) => [p.cell, p.severity, p.unitCode])).toEqual([
      ['E5', 'error', 'D'],
      ['E6', 'error', 'E'],
      ['E7', 'error', 'F'],
      ['E9', 'error', 'H'],
    ]);
    expect(unitsProblems(model)[0]?.message).toBe(
      'Chỉ tiêu 15% thấp hơn chỉ tiêu tối thiểu 20%. Đang dùng chỉ tiêu tối thiểu 20%.',
    );
  });

  it('measures targets against a floor set in Cấu hình', () => {
    const model = read(
      [
        ['A', 'Đơn vị A', 'SBN', '', '40%'],
        ['B', 'Đơn vị B', 'SBN'],
      ],
      settingsGrid([
        ['Năm', 2020],
        ['Chỉ tiêu tối thiểu', '51%'],
      ]),
    );
    expect(model.units.list.map((u) => u.target)).toEqual([
      { n: 51, d: 100 },
      { n: 51, d: 100 },
    ]);
    expect(unitsProblems(model).map((p) => p.cell)).toEqual(['E2']);
  });

  it('maps portal codes: the mapped code, else the unit code when no mapping is given', () => {
    const model = read([
      ['SNV', 'Sở Nội vụ', 'SBN', '', '', '000.01.H28'],
      ['STP', 'Sở Tư pháp', 'SBN', '', '', ''],
      ['SYT', 'Sở Y tế', 'SBN', '', '', 'H28.10, H28.11'],
    ]);
    const { units } = model;
    expect(units.resolveAgency('000.01.h28')?.code).toBe('SNV');
    expect(units.resolveAgency('SNV')).toBeUndefined();
    expect(units.resolveAgency(' stp ')?.code).toBe('STP');
    expect(units.resolveAgency('H28.11')?.code).toBe('SYT');
    expect(units.resolveAgency('H99')).toBeUndefined();
    expect(units.resolve('SNV')?.code).toBe('SNV');
    expect(units.resolve('000.01.H28')?.code).toBe('SNV');
  });

  it('reports duplicate codes, bad groups, bad parents, missing parents and bad emails', () => {
    const model = read([
      ['H01', 'Huyện Cao Phong', 'HUYEN'],
      ['H01', 'Huyện trùng', 'HUYEN'],
      ['S1', 'Sở Một', 'Tỉnh'],
      ['X1', 'Xã Một', 'XA', 'SNV'],
      ['X2', 'Xã Hai', 'XA', ''],
      ['S2', 'Sở Hai', 'SBN', 'H01', '', '', 'nhap@tinh.vn khong-phai-email'],
    ]);
    expect(unitsProblems(model).map((p) => [p.cell, p.severity, p.unitCode])).toEqual([
      ['A3', 'error', 'H01'],
      ['C4', 'error', 'S1'],
      ['D5', 'error', 'X1'],
      ['D6', 'warning', 'X2'],
      ['D7', 'warning', 'S2'],
      ['G7', 'warning', 'S2'],
    ]);
    expect(model.units.list.map((u) => u.code)).toEqual(['H01', 'S1', 'X1', 'X2', 'S2']);
    expect(model.units.list.find((u) => u.code === 'S2')?.editors).toEqual(['nhap@tinh.vn']);
  });

  it('accepts a two-tier province: communes without a parent and no districts', () => {
    const model = read([
      ['H44.01', 'Sở Nội vụ', 'SBN'],
      ['H44.202', 'Phường Hòa Bình', 'XA'],
    ]);
    expect(model.problems).toEqual([]);
    expect(model.units.hasDistricts).toBe(false);
  });

  it('reads editors separated by commas or spaces, lower-cased', () => {
    const model = read([['X1', 'Xã Một', 'XA', '', '', '', 'A@tinh.vn,b@tinh.vn  C@tinh.vn']]);
    expect(model.units.list[0]?.editors).toEqual(['a@tinh.vn', 'b@tinh.vn', 'c@tinh.vn']);
  });
});
