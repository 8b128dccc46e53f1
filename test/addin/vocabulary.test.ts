// The built add-in under Cách phân loại (contract §8.1): set-up keeps a sheet's own online header, new
// headers and texts follow the setting, and a recompute reads either header to the same figures.
import { UNIT_HEADER } from '../contract-headers';
import { loadScript, type Value } from '../fakes/apps-script';
import { valuesOf } from './province';

const OWNER = 'vanphong@phutho.gov.vn';
const LEVELS = 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4';
const MODES = 'Số hồ sơ giải quyết trực tuyến';

const UNITS: Value[][] = [
  UNIT_HEADER,
  ['S1', 'Sở Công Thương', 'SBN', '', '50%', '', ''],
  ['X1', 'UBND xã Hy Cương', 'Xã, phường, đặc khu', '', '', '', ''],
];

function province(online: string, classification: string) {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  spreadsheet._load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2026],
    ['Cách phân loại', classification],
  ]);
  spreadsheet._load('Đơn vị', UNITS);
  spreadsheet._load('Nhập liệu', [
    ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', online, 'Ghi chú'],
    ['01/2026', 'S1', 100, 40, ''],
    ['01/2026', 'X1', 50, 20, ''],
  ]);
  script.as(OWNER);
  script.run('setUpSheet');
  script.run('recomputeAll');
  return { script, spreadsheet };
}

test('set-up keeps Nhập liệu’s own header; new tabs, the Tỷ lệ column and the title follow the setting', () => {
  const { spreadsheet } = province(LEVELS, '');
  const entries = valuesOf(spreadsheet._sheet('Nhập liệu'));
  const header = entries.find((row) => row.includes('Mã đơn vị')) ?? [];
  expect(header).toContain(LEVELS);
  expect(header).not.toContain(MODES);
  // Dữ liệu Cổng DVC is new: 2026 with Cách phân loại empty gives the new words.
  expect(valuesOf(spreadsheet._sheet('Dữ liệu Cổng DVC'))[0]?.[3]).toBe(MODES);
  const ratio = valuesOf(spreadsheet._sheet('Tỷ lệ'));
  expect(ratio[0]?.[0]).toBe('TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN NĂM 2026');
  expect(ratio[2]).toContain('Hồ sơ trực tuyến');
  const x1 = ratio.find((row) => row[0] === 'X1') ?? [];
  expect(x1.slice(2, 7)).toEqual(['Xã, phường, đặc khu', '', 50, 20, 0.4]);
});

test('the same figures under the other header and Cách phân loại = Mức độ 3, 4; only the words differ', () => {
  const levels = province(MODES, 'Mức độ 3, 4').spreadsheet;
  const modes = province(LEVELS, '').spreadsheet;
  const rows = (sheet: ReturnType<typeof levels._sheet>) => valuesOf(sheet).slice(3);
  expect(rows(levels._sheet('Tỷ lệ'))).toEqual(rows(modes._sheet('Tỷ lệ')));
  expect(rows(levels._sheet('Xếp hạng'))).toEqual(rows(modes._sheet('Xếp hạng')));
  expect(valuesOf(levels._sheet('Tỷ lệ'))[2]).toContain('Hồ sơ trực tuyến mức độ 3, 4');
  expect(valuesOf(levels._sheet('Tỷ lệ'))[0]?.[0]).toBe(
    'TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN MỨC ĐỘ 3, 4 NĂM 2026',
  );
});

test('the help dialog speaks the sheet’s vocabulary', () => {
  const { script } = province(LEVELS, '');
  script.run('showHelp');
  const text = String(script.world.ui[script.world.ui.length - 1]?.text);
  expect(text).toContain(MODES);
  expect(text).not.toContain('mức độ 3, 4');
  expect(text).toContain('10/2026');
  const old = province(LEVELS, 'Mức độ 3, 4').script;
  old.run('showHelp');
  expect(String(old.world.ui[old.world.ui.length - 1]?.text)).toContain(LEVELS);
});
