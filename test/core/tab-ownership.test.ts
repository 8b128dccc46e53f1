// The one decision of contract 10.2: which tabs the product owns, adopts, must not touch, or may delete.
import {
  hasProductHeader,
  inVocabulary,
  isStagingLeftover,
  MONTHLY_LEAD_HEADER,
  MONTHLY_TAIL_HEADER,
  PORTAL_HEADER,
  planTabs,
  RATIO_HEADER,
  REPORT_HEADER,
  readRefusal,
  TAB,
} from '../../src/core';

const WRITES = [TAB.ratio, TAB.officialReport, TAB.overview];

test('marked tabs are owned, input tabs are input whatever their marks, the office’s own tabs are left alone', () => {
  const plan = planTabs(
    [
      { name: 'Cấu hình', marked: true },
      { name: 'Nhập liệu', marked: false, staging: true },
      { name: 'Nhập liệu 2025', marked: false, staging: true },
      { name: 'Tỷ lệ', marked: true },
      { name: 'Ghi chú', marked: false },
      { name: 'Xếp hạng', marked: true },
    ],
    WRITES,
  );
  expect(plan.verdicts.map((v) => v.kind)).toEqual(['input', 'input', 'input', 'owned', 'other', 'other']);
  expect(plan.refusal).toBeNull();
  // Tỷ lệ goes into the 4th tab, Báo cáo and Tổng hợp are created (-1).
  expect([...plan.targets]).toEqual([
    [TAB.ratio, 3],
    [TAB.officialReport, -1],
    [TAB.overview, -1],
  ]);
});

test('an unmarked Báo cáo, TỔNG HỢP or "Tỷ  lệ " the product did not make is a foreign clash: the refusal names the first', () => {
  const own = [['BÁO CÁO CỦA PHÒNG'], ['Nội dung', 'Ghi chú']];
  const plan = planTabs(
    [
      { name: 'Cấu hình', marked: false },
      { name: 'Báo cáo', marked: false, top: own },
      { name: 'TỔNG HỢP', marked: false, top: [] },
      { name: 'Tỷ  lệ ', marked: false },
    ],
    WRITES,
  );
  expect(plan.verdicts.map((v) => v.kind)).toEqual([
    'input',
    'foreign-clash',
    'foreign-clash',
    'foreign-clash',
  ]);
  expect(plan.refusal).toBe(
    'Không ghi được tab kết quả "Báo cáo": tab thứ 2 "Báo cáo" trùng tên với nó (khi bỏ qua chữ hoa, chữ thường, khoảng trắng, cách gõ dấu) nhưng không phải do Dịch vụ công tạo ra, nên không bị ghi đè. Chưa ghi gì. Hãy đổi tên tab đó (ví dụ "Báo cáo của đơn vị") rồi chạy lại.',
  );
  // A Báo cáo whose rows were never read is not taken for the product's either.
  expect(planTabs([{ name: 'Báo cáo', marked: false }], WRITES).verdicts[0]?.kind).toBe('foreign-clash');
  // Not written by this run (Kiểm tra only): the office's Báo cáo is no obstacle.
  expect(planTabs([{ name: 'Báo cáo', marked: false, top: own }], [TAB.problems]).refusal).toBeNull();
});

test('an earlier version’s tab is adopted by its header row (title rows above, either vocabulary, an older shorter header)', () => {
  const titled = [['TỶ LỆ NĂM 2022'], [], [...RATIO_HEADER]];
  const modes = [[...inVocabulary(RATIO_HEADER, 'modes')]];
  const older = [[...RATIO_HEADER.slice(0, 12)]];
  const tooShort = [[...RATIO_HEADER.slice(0, 11)]];
  expect([titled, modes, older, tooShort].map((top) => hasProductHeader(top, TAB.ratio))).toEqual([
    true,
    true,
    true,
    false,
  ]);
  // Dữ liệu Cổng DVC as the first version wrote it (6 columns), as the next one did (the catalogue columns
  // after them, before Nguồn came between), not with a column of its own; Báo cáo below its 8 title rows.
  const catalogueColumns = PORTAL_HEADER.filter(
    (name) => name === 'Số TTHC thuộc danh mục' || name === 'Số dòng không có Mã TTHC',
  );
  expect(catalogueColumns).toHaveLength(2);
  expect(
    [
      PORTAL_HEADER.slice(0, 6),
      [...PORTAL_HEADER.slice(0, 6), ...catalogueColumns],
      [...PORTAL_HEADER.slice(0, 6), 'Ghi chú của tôi'],
      [...catalogueColumns.reverse(), ...PORTAL_HEADER.slice(0, 6)],
    ].map((header) => hasProductHeader([header], TAB.portal)),
  ).toEqual([true, true, false, false]);
  expect(
    hasProductHeader([...Array.from({ length: 8 }, () => ['']), [...REPORT_HEADER]], TAB.officialReport),
  ).toBe(true);
  // Diễn biến theo tháng with last year's month columns, or as set-up made it (no month columns).
  const months = Array.from({ length: 12 }, (_, m) => `Tháng ${m + 1}/2025`);
  expect(hasProductHeader([[...MONTHLY_LEAD_HEADER, ...months, ...MONTHLY_TAIL_HEADER]], TAB.monthly)).toBe(
    true,
  );
  expect(hasProductHeader([[...MONTHLY_LEAD_HEADER, ...MONTHLY_TAIL_HEADER]], TAB.monthly)).toBe(true);
  const plan = planTabs(
    [
      { name: 'Tỷ lệ', marked: false, top: titled },
      { name: 'tổng hợp', marked: false, top: [['Nhóm xếp hạng', 'Số đơn vị']] },
    ],
    [TAB.ratio],
  );
  expect(plan.verdicts.map((v) => v.kind)).toEqual(['adopt', 'other']);
  expect(plan.targets.get(TAB.ratio)).toBe(0);
});

test('a marked tab renamed by case is still the product’s; with two, the exact name wins and the other is left', () => {
  expect(planTabs([{ name: 'TỶ LỆ', marked: true }], [TAB.ratio]).targets.get(TAB.ratio)).toBe(0);
  const both = planTabs(
    [
      { name: 'TỶ  LỆ', marked: true },
      { name: 'Tỷ lệ', marked: true },
    ],
    [TAB.ratio],
  );
  expect(both.targets.get(TAB.ratio)).toBe(1);
  expect(both.verdicts.map((v) => v.kind)).toEqual(['other', 'owned']);
});

test('only a staging-marked tab named neither as an input nor an output tab may be deleted', () => {
  const cases = [
    { name: '~dvc Tỷ lệ', marked: false, staging: true },
    { name: '~dvc Tỷ lệ', marked: false, staging: false },
    { name: 'Nhập liệu', marked: false, staging: true },
    { name: 'nhập liệu 2024', marked: false, staging: true },
    { name: 'Báo cáo', marked: false, staging: true },
    { name: '~dvc Xếp hạng', marked: true, staging: true },
  ];
  expect(cases.map(isStagingLeftover)).toEqual([true, false, false, false, false, false]);
  expect(planTabs(cases, []).verdicts.map((v) => v.kind)).toEqual([
    'staging-deletable',
    'other',
    'input',
    'input',
    'other',
    'other',
  ]);
});

test('the reading rule: a look-alike of a tab read stops the run, naming both places', () => {
  expect(readRefusal(['Cấu hình', 'nhập liệu', 'Nhập liệu'], [TAB.entries])).toMatch(
    /^Bảng tính có nhiều tab cùng tên "Nhập liệu" .*tab thứ 2 "nhập liệu", tab thứ 3 "Nhập liệu"/,
  );
  expect(readRefusal(['NHẬP LIỆU'], [TAB.entries])).toMatch(
    /^Không có tab tên đúng "Nhập liệu" mà có tab thứ 1/,
  );
  expect(readRefusal(['Nhập liệu'.normalize('NFD')], [TAB.entries])).toBeNull();
});
