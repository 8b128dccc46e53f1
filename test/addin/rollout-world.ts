// A four-unit province for the roll-out tests (scopes, sharing, locale): units missing months, an administrator, every account distinct.
import { loadScript, type Value } from '../fakes/apps-script';

export const OWNER = 'vanphong@tinh.gov.vn';
export const ADMIN = 'admin@tinh.gov.vn';
/** Every unit account, in the order of Đơn vị. */
export const UNIT_EMAILS = ['a@tinh.gov.vn', 'b1@tinh.gov.vn', 'b2@tinh.gov.vn', 'c@tinh.gov.vn'];

/**
 * Sở A reported January to March, Sở B January and February, Xã C nothing, Xã D (no account) everything.
 * Hạn nhập liệu is `deadline` (the monthly trigger sends on the day after it).
 */
export function rolloutProvince(
  options: { user?: string; granted?: readonly string[]; deadline?: number; extraEmails?: string } = {},
) {
  const script = loadScript({ owner: OWNER, user: options.user, granted: options.granted });
  const { spreadsheet } = script;
  spreadsheet._load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2026],
    ['Hạn nhập liệu', options.deadline ?? 10],
    ['Quản trị viên', ADMIN],
  ]);
  spreadsheet._load('Đơn vị', [
    [
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhóm',
      'Mã đơn vị cấp trên',
      'Chỉ tiêu',
      'Mã trên Cổng DVC',
      'Email nhập liệu',
    ],
    [
      'A',
      'Sở A',
      'SBN',
      '',
      '30%',
      '',
      `a@tinh.gov.vn${options.extraEmails ? `, ${options.extraEmails}` : ''}`,
    ],
    ['B', 'Sở B', 'SBN', '', '30%', '', 'b1@tinh.gov.vn, B2@tinh.gov.vn'],
    ['C', 'Xã C', 'XA', '', '30%', '', 'c@tinh.gov.vn'],
    ['D', 'Xã D', 'XA', '', '30%', '', ''],
  ]);
  const entries: Value[][] = [
    [
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ],
  ];
  const reported: Record<string, number[]> = { A: [1, 2, 3], B: [1, 2], C: [], D: [1, 2, 3] };
  for (const [code, months] of Object.entries(reported))
    for (let m = 1; m <= 3; m++) {
      const has = months.includes(m);
      entries.push([`0${m}/2026`, code, has ? 100 : '', has ? 40 : '', '']);
    }
  spreadsheet._load('Nhập liệu', entries);
  spreadsheet._load('Danh mục DVC', [['Mã TTHC', 'Tên TTHC', 'Mức độ']]);
  return script;
}
