// Set-up puts the sheet in Vietnam's locale and time zone and says so; a recompute or a check warns when someone changed them.
import { rolloutProvince } from './rollout-world';

const LOCALE_WARNING = 'Cảnh báo: bảng tính đang dùng khu vực';

test('set-up of a US sheet sets vi_VN and Asia/Ho_Chi_Minh and says what they were; a second set-up says nothing of it', () => {
  const script = rolloutProvince();
  script.spreadsheet.locale = 'en_US';
  script.spreadsheet.timeZone = 'America/New_York';
  script.world.alertAnswers.push('NO');
  script.run('setUpSheet');
  expect([script.spreadsheet.locale, script.spreadsheet.timeZone]).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);
  const toast = script.world.ui[script.world.ui.length - 1];
  expect(toast?.text).toContain(
    ' Đã đặt khu vực (định dạng số, ngày) là Việt Nam vi_VN (trước đó en_US) và múi giờ là Asia/Ho_Chi_Minh (trước đó America/New_York).',
  );
  script.world.alertAnswers.push('NO');
  script.run('setUpSheet');
  expect(script.world.ui[script.world.ui.length - 1]?.text).not.toContain('Đã đặt khu vực');
});

test('only the time zone changed: set-up names only that', () => {
  const script = rolloutProvince();
  script.spreadsheet.timeZone = 'Asia/Bangkok';
  script.world.alertAnswers.push('NO');
  script.run('setUpSheet');
  const toast = script.world.ui[script.world.ui.length - 1]?.text ?? '';
  expect(toast).toContain(' Đã đặt múi giờ là Asia/Ho_Chi_Minh (trước đó Asia/Bangkok).');
  expect(toast).not.toContain('vi_VN');
});

test('Kiểm tra số liệu on a sheet someone switched to en_US warns first, then checks as usual', () => {
  const script = rolloutProvince();
  script.spreadsheet.locale = 'en_US';
  script.run('checkFigures');
  const [warning, result] = script.world.ui.slice(-2);
  expect(warning?.kind).toBe('alert');
  expect(warning?.text).toContain(`${LOCALE_WARNING} en_US và múi giờ Asia/Ho_Chi_Minh`);
  expect(warning?.text).toContain('số gõ 1.234 có thể bị hiểu là một phẩy hai ba bốn');
  expect(result?.text).toBe('Đã kiểm tra số liệu: 0 lỗi và 2 cảnh báo (xem tab Kiểm tra).');
  // The locale is read in the layout request the check makes anyway: no extra round trip.
  expect(script.world.calls.counts.get('Spreadsheet.getSpreadsheetLocale')).toBeUndefined();
});

test('a clerk checking a sheet in Vietnam time but another locale is warned too; a Vietnamese sheet gets no warning', () => {
  const script = rolloutProvince({ user: 'c@tinh.gov.vn' });
  script.spreadsheet.locale = 'en_GB';
  script.run('checkFigures');
  expect(script.world.ui.filter((event) => event.text.startsWith(LOCALE_WARNING))).toHaveLength(1);

  const vietnamese = rolloutProvince({ user: 'c@tinh.gov.vn' });
  vietnamese.run('checkFigures');
  expect(vietnamese.world.ui.filter((event) => event.text.startsWith(LOCALE_WARNING))).toEqual([]);
});
