// Reminders through the built add-in: the Kiểm tra warnings, the confirmation, the e-mails MailApp sends within its quota, the log, the monthly trigger.
import { loadScript, type Value } from '../fakes/apps-script';

const OWNER = 'vanphong@tinh.gov.vn';
const ENTRY_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  'Ghi chú',
];

function province() {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  spreadsheet._load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2026],
    ['Hạn nhập liệu', 10],
    ['Cơ quan báo cáo', 'Sở Khoa học và Công nghệ'],
    ['Quản trị viên', 'admin@tinh.gov.vn'],
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
    ['A', 'Sở A', 'SBN', '', '30%', '', 'a@tinh.gov.vn'],
    ['B', 'Sở B', 'SBN', '', '30%', '', 'b1@tinh.gov.vn, b2@tinh.gov.vn'],
    ['C', 'Xã C', 'XA', '', '30%', '', 'c@tinh.gov.vn'],
    ['D', 'Xã D', 'XA', '', '30%', '', ''],
  ]);
  const entries: Value[][] = [ENTRY_HEADER];
  for (const [code, months] of [
    ['A', [1, 2, 3]],
    ['B', [1, 2]],
    ['C', []],
    ['D', [1, 2, 3]],
  ] as const) {
    for (let m = 1; m <= 3; m++) {
      const has = (months as readonly number[]).includes(m);
      entries.push([`0${m}/2026`, code, has ? 100 : '', has ? 40 : '', '']);
    }
  }
  entries[6] = ['03/2026', 'B', '', '', ''];
  spreadsheet._load('Nhập liệu', entries);
  spreadsheet._load('Danh mục DVC', [['Mã TTHC', 'Tên TTHC', 'Mức độ']]);
  script.run('onOpen', { authMode: 'LIMITED' });
  return script;
}

const menuFunction = (script: ReturnType<typeof loadScript>, caption: string): string => {
  const item = script.world.menus[0]?.items.find((i) => i.caption === caption);
  if (!item) throw new Error(`no menu item ${caption}`);
  return item.functionName;
};

test('Kiểm tra warns each unit missing months others reported, at its empty row', () => {
  const script = province();
  script.run(menuFunction(script, 'Tính lại tỷ lệ và xếp hạng'));
  const rows = script.spreadsheet
    ._sheet('Kiểm tra')
    ._values()
    .filter((row) => row[0] === 'Nhập liệu');
  expect(rows.map((row) => row.slice(0, 5))).toEqual([
    ['Nhập liệu', 'C7', 'B', '03/2026', 'Cảnh báo'],
    ['Nhập liệu', 'C8', 'C', '', 'Cảnh báo'],
  ]);
  expect(String(rows[1]?.[5])).toContain('tháng 01–03/2026');
});

test('the menu shows who would be written to, sends one e-mail per unit within the quota and logs every unit', () => {
  const script = province();
  const { world, spreadsheet } = script;
  // B has two addresses and C one: a quota of 2 recipients covers B only.
  world.mailQuota = 2;
  world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Nhắc đơn vị chưa nhập số liệu'));
  const confirm = world.ui.find((event) => event.text.startsWith('Sẽ gửi'));
  expect(confirm?.text).toContain('Sẽ gửi 1 email (2 người nhận; hạn mức gửi email còn lại hôm nay: 2)');
  expect(confirm?.text).toContain('Sở B (B), tháng 03/2026: b1@tinh.gov.vn, b2@tinh.gov.vn');
  expect(confirm?.text).toContain('Xã C (C), tháng 01–03/2026: c@tinh.gov.vn — Hết hạn mức gửi email');

  expect(world.sentMail).toHaveLength(1);
  const mail = world.sentMail[0];
  expect(mail?.to).toBe('b1@tinh.gov.vn,b2@tinh.gov.vn');
  expect(mail?.subject).toBe('[Dịch vụ công] Sở B: chưa có số liệu tháng 03/2026');
  expect(mail?.body).toContain('https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit');
  // Hạn nhập liệu 10: figures of March are due on 10 April.
  expect(mail?.body).toContain('Hạn nhập số liệu: ngày 10/04/2026.');
  expect(mail?.body).toContain('thay mặt Sở Khoa học và Công nghệ');
  expect(world.mailQuota).toBe(0);

  const log = spreadsheet._sheet('Nhật ký nhắc nhở')._values();
  expect(log[0]).toEqual([
    'Thời gian',
    'Mã đơn vị',
    'Tên đơn vị',
    'Gửi đến',
    'Tháng chưa có số liệu',
    'Kết quả',
    'Lý do',
  ]);
  expect(log.slice(1).map((row) => row.slice(1, 6))).toEqual([
    ['B', 'Sở B', 'b1@tinh.gov.vn, b2@tinh.gov.vn', '03/2026', 'Đã gửi'],
    ['C', 'Xã C', 'c@tinh.gov.vn', '01–03/2026', 'Chưa gửi'],
  ]);
  expect(String(log[2]?.[6])).toContain('cần 1 người nhận, còn 0');
  expect(world.ui[world.ui.length - 1]?.text).toContain('Đã gửi 1 email nhắc nhở; 1 đơn vị chưa được nhắc');

  // A second run the same day: nothing left in the quota, nothing sent, both logged again.
  world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Nhắc đơn vị chưa nhập số liệu'));
  expect(world.sentMail).toHaveLength(1);
  expect(spreadsheet._sheet('Nhật ký nhắc nhở')._values()).toHaveLength(5);
});

test('answering No sends nothing and writes nothing; a clerk may not send at all', () => {
  const script = province();
  const { world, spreadsheet } = script;
  world.alertAnswers.push('NO');
  script.run(menuFunction(script, 'Nhắc đơn vị chưa nhập số liệu'));
  expect(world.sentMail).toEqual([]);
  expect(spreadsheet._hasSheet('Nhật ký nhắc nhở')).toBe(false);
  expect(world.ui[world.ui.length - 1]?.text).toBe('Đã hủy: chưa gửi email nào.');

  script.as('b1@tinh.gov.vn');
  world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Nhắc đơn vị chưa nhập số liệu'));
  expect(world.sentMail).toEqual([]);
  expect(world.ui[world.ui.length - 1]?.text).toContain('không có quyền');
});

test('the monthly trigger: set on the day after Hạn nhập liệu, sends without asking, and can be turned off', () => {
  const script = province();
  const { world } = script;
  world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Bật/tắt nhắc nhở tự động hằng tháng'));
  expect(world.triggers).toEqual([
    expect.objectContaining({ handler: 'remindMonthly', monthDay: 11, hour: 8 }),
  ]);

  // The trigger runs as the owner who set it, every day: it sends on the day after Hạn nhập liệu (10)
  // only, in Asia/Ho_Chi_Minh. 16:59 UTC on 10 April is still the 10th there: nothing is sent.
  world.clock = () => Date.UTC(2026, 3, 10, 16, 59);
  script.run('remindMonthly');
  expect(world.sentMail).toEqual([]);
  // 17:00 UTC is midnight of the 11th in Vietnam: B (March) and C (January–March) are written to; D has
  // no address.
  world.clock = () => Date.UTC(2026, 3, 10, 17, 0);
  script.run('remindMonthly');
  expect(world.sentMail.map((mail) => mail.to)).toEqual(['b1@tinh.gov.vn,b2@tinh.gov.vn', 'c@tinh.gov.vn']);
  expect(world.sentMail[0]?.body).toContain('Hạn nhập số liệu: ngày 10/04/2026.');
  expect(world.triggers).toHaveLength(1);
  expect(world.triggers[0]?.monthDay).toBe(11);

  world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Bật/tắt nhắc nhở tự động hằng tháng'));
  expect(world.triggers).toEqual([]);
});

test('a unit without a valid Email nhập liệu is listed, not written to, and logged with the reason', () => {
  const script = province();
  const { world, spreadsheet } = script;
  // E has figures for no month and an address that is not one: nobody can be written to for it.
  const units = spreadsheet._sheet('Đơn vị')._values();
  spreadsheet._load('Đơn vị', [...units, ['E', 'Xã E', 'XA', '', '30%', '', 'chưa có']]);
  world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Nhắc đơn vị chưa nhập số liệu'));
  const confirm = world.ui.find((event) => event.text.startsWith('Sẽ gửi'));
  expect(confirm?.text).toContain('Sẽ gửi 2 email (3 người nhận');
  expect(confirm?.text).toContain(
    'Xã E (E), tháng 01–03/2026:  — Đơn vị chưa có Email nhập liệu hợp lệ trong tab Đơn vị',
  );
  expect(world.sentMail.map((mail) => mail.to)).toEqual(['b1@tinh.gov.vn,b2@tinh.gov.vn', 'c@tinh.gov.vn']);
  const log = spreadsheet._sheet('Nhật ký nhắc nhở')._values();
  expect(log.slice(1).map((row) => row.slice(1, 7))).toEqual([
    ['B', 'Sở B', 'b1@tinh.gov.vn, b2@tinh.gov.vn', '03/2026', 'Đã gửi', ''],
    ['C', 'Xã C', 'c@tinh.gov.vn', '01–03/2026', 'Đã gửi', ''],
    ['E', 'Xã E', '', '01–03/2026', 'Chưa gửi', 'Đơn vị chưa có Email nhập liệu hợp lệ trong tab Đơn vị'],
  ]);
});

test('the log is the product’s tab (marked when made); an office’s own "Nhật ký nhắc nhở" stops the reminders before any e-mail', () => {
  const script = province();
  script.world.alertAnswers.push('YES');
  script.run(menuFunction(script, 'Nhắc đơn vị chưa nhập số liệu'));
  const log = script.spreadsheet._sheet('Nhật ký nhắc nhở');
  expect(
    script.spreadsheet.developerMetadata.filter((m) => m.metadataKey === 'dvc.tab').map((m) => m.sheetId),
  ).toEqual([log.id]);

  const office = province();
  office.spreadsheet._load('Nhật ký nhắc nhở', [['Sổ theo dõi của văn thư'], ['Ngày', 'Việc']]);
  office.world.alertAnswers.push('YES');
  office.run(menuFunction(office, 'Nhắc đơn vị chưa nhập số liệu'));
  expect(office.world.sentMail).toHaveLength(0);
  expect(office.world.ui[office.world.ui.length - 1]?.text).toMatch(
    /^Không ghi được tab kết quả "Nhật ký nhắc nhở": tab thứ 5 "Nhật ký nhắc nhở" trùng tên/,
  );
  expect(office.spreadsheet._sheet('Nhật ký nhắc nhở')._values()).toEqual([
    ['Sổ theo dõi của văn thư', ''],
    ['Ngày', 'Việc'],
  ]);
});
