// Contract 10.2 in the add-in: a recompute writes only the product's tabs (marked, or an earlier version's adopted), and says so before any write otherwise.
import { RATIO_HEADER } from '../../src/core';
import { type LoadedScript, loadScript } from '../fakes/apps-script';
import { OWNER, records, twoUnitProvince } from './province';

/** The office's own report, named as the product's new output tab. */
const OWN_REPORT = [['BÁO CÁO CỦA PHÒNG HÀNH CHÍNH'], ['Nội dung', 'Ghi chú'], ['Họp giao ban', 'tháng 11']];

const lastUi = (script: LoadedScript) => script.world.ui[script.world.ui.length - 1];

test('an office’s own "Báo cáo": the alert names it and asks to rename it; no batchUpdate is sent, nothing changes', () => {
  const script = twoUnitProvince([['Báo cáo', OWN_REPORT]]);
  const before = JSON.stringify(script.spreadsheet._state());
  script.run('recomputeAll');
  expect(lastUi(script)?.kind).toBe('alert');
  expect(lastUi(script)?.text).toMatch(
    /^Không ghi được tab kết quả "Báo cáo": tab thứ 5 "Báo cáo" trùng tên .*không phải do Dịch vụ công tạo ra.*Chưa ghi gì\. Hãy đổi tên tab đó \(ví dụ "Báo cáo của đơn vị"\) rồi chạy lại\.$/,
  );
  expect(script.sheets.batches).toHaveLength(0);
  expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
  expect(script.world.lockHeld).toBe(false);
});

test('"TỔNG HỢP" (a case variant Sheets would refuse a "Tổng hợp" beside): the same Vietnamese alert, nothing sent', () => {
  const script = twoUnitProvince([['TỔNG HỢP', [['bảng của tôi']]]]);
  const before = JSON.stringify(script.spreadsheet._state());
  script.run('recomputeAll');
  expect(lastUi(script)?.kind).toBe('alert');
  expect(lastUi(script)?.text).toMatch(
    /^Không ghi được tab kết quả "Tổng hợp": tab thứ 5 "TỔNG HỢP" trùng tên với nó \(khi bỏ qua chữ hoa, chữ thường/,
  );
  expect(script.sheets.batches).toHaveLength(0);
  expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
  // Kiểm tra số liệu writes Kiểm tra only: it is not stopped by a tab it does not write.
  script.run('checkFigures');
  expect(lastUi(script)?.kind).toBe('toast');
  expect(script.spreadsheet._sheet('TỔNG HỢP')._at('A1').value).toBe('bảng của tôi');
});

test('an earlier version’s unmarked "Tỷ lệ" is adopted: the same tab rewritten and marked; every tab written is marked', () => {
  const oldRatio = [['TỶ LỆ NĂM 2019'], [''], [...RATIO_HEADER], ['CŨ', 'Đơn vị cũ', 'SBN', '', 9, 1]];
  const script = twoUnitProvince([['Tỷ lệ', oldRatio]]);
  const id = script.spreadsheet._sheet('Tỷ lệ').id;
  script.run('recomputeAll');
  expect(lastUi(script)?.kind).toBe('toast');
  const ratio = script.spreadsheet._sheet('Tỷ lệ');
  expect(ratio.id).toBe(id);
  expect(records(ratio).map(({ cells }) => cells['Mã đơn vị'])).toEqual(['S01', 'S02']);
  const marks = script.spreadsheet.developerMetadata.filter((m) => m.metadataKey === 'dvc.tab');
  expect(marks.find((m) => m.sheetId === id)).toMatchObject({
    metadataValue: 'Tỷ lệ',
    visibility: 'DOCUMENT',
  });
  const marked = marks.map((m) => script.spreadsheet.sheets.find((s) => s.id === m.sheetId)?.name);
  expect(marked).toEqual(expect.arrayContaining(['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Tổng hợp', 'Báo cáo']));
  expect(marked).not.toContain('Nhập liệu');
  // Once marked, the next recompute reads no first rows and adds no mark.
  const batches = script.sheets.batches.length;
  script.run('recomputeAll');
  const again = script.sheets.batches.slice(batches).flat();
  expect(
    again.filter((r) => r.createDeveloperMetadata?.developerMetadata?.metadataKey === 'dvc.tab'),
  ).toEqual([]);
});

test('set-up marks every tab it creates, in the batch that adds it; an office’s own "Báo cáo" stops it before any change', () => {
  const script = loadScript({ owner: OWNER, user: OWNER });
  script.run('setUpSheet');
  expect(lastUi(script)?.kind).toBe('toast');
  const adds = script.sheets.batches.flat().filter((r) => r.addSheet);
  const names = script.spreadsheet.sheets.map((s) => s.name);
  const markedIds = script.spreadsheet.developerMetadata
    .filter((m) => m.metadataKey === 'dvc.tab')
    .map((m) => m.sheetId);
  // Every tab set-up added (inputs and outputs alike) carries the mark.
  expect(adds.map((r) => r.addSheet?.properties?.title)).toEqual(names);
  expect(markedIds).toEqual(script.spreadsheet.sheets.map((s) => s.id));

  const office = twoUnitProvince([['Báo cáo', OWN_REPORT]]);
  const before = JSON.stringify(office.spreadsheet._state());
  office.as(OWNER);
  office.run('setUpSheet');
  expect(lastUi(office)?.text).toMatch(
    /^Không ghi được tab kết quả "Báo cáo": tab thứ 5 "Báo cáo" trùng tên/,
  );
  expect(office.sheets.batches).toHaveLength(0);
  expect(JSON.stringify(office.spreadsheet._state())).toBe(before);
});
