// The whole story against dist/Code.js in a vm: open → menu → set-up → clerks type figures → recompute → every tab checked.
import { type LoadedScript, loadScript, PROTECTED_MESSAGE } from '../fakes/apps-script';
import { ADMIN, CATALOGUE, CLERK, entryRow, OWNER, oldEntries, records, UNITS, valuesOf } from './province';

/** A clerk (or anyone) typing values into cells of a tab, through the same Range API and protections. */
function type(script: LoadedScript, email: string, tab: string, a1: string, values: unknown[][]): void {
  script.as(email);
  const sheet = script.spreadsheet._sheet(tab);
  (sheet.self.getRange(a1) as unknown as { setValues(v: unknown[][]): void }).setValues(values);
}

function lastUi(script: LoadedScript) {
  return script.world.ui[script.world.ui.length - 1];
}

describe('the add-in, from a fresh spreadsheet to the ranking', () => {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet, world } = script;
  const sheet = (name: string) => spreadsheet._sheet(name);
  const menuItem = (caption: string): string => {
    const item = world.menus[0]?.items.find((i) => i.caption === caption);
    if (!item) throw new Error(`no menu item ${caption}`);
    return item.functionName;
  };

  beforeAll(() => {
    // The file is shared with every clerk and the administrator as editors, as provinces do.
    for (const email of [...Object.values(CLERK), 'ttcp2@hoabinh.gov.vn', ADMIN])
      spreadsheet.collaborators.add(email);
    spreadsheet._load('Đơn vị', UNITS);
    spreadsheet._load('Danh mục DVC', CATALOGUE);
    spreadsheet._load('Nhập liệu', oldEntries(script));
  });

  test('opening adds the Dịch vụ công menu whose items call top-level functions', () => {
    script.run('onOpen', { authMode: 'LIMITED' });
    expect(world.menus.map((m) => m.caption)).toEqual(['Dịch vụ công']);
    const captions = world.menus[0]?.items.map((i) => i.caption);
    expect(captions).toEqual([
      'Tính lại tỷ lệ và xếp hạng',
      'Kiểm tra số liệu',
      'Thiết lập bảng tính',
      'Nhắc đơn vị chưa nhập số liệu',
      'Bật/tắt nhắc nhở tự động hằng tháng',
      'Hướng dẫn',
    ]);
    for (const item of world.menus[0]?.items ?? [])
      expect(typeof script.context[item.functionName]).toBe('function');
  });

  test('the help dialog is Vietnamese and shows accepted months and numbers', () => {
    script.run(menuItem('Hướng dẫn'));
    const dialog = lastUi(script);
    expect(dialog?.kind).toBe('dialog');
    expect(dialog?.title).toBe('Hướng dẫn sử dụng');
    for (const example of ['10/2020', 'T10/2020', 'Tháng 10/2020', '1.234', '1,234', '30,5%', 'DVC_TYLE']) {
      expect(dialog?.text).toContain(example);
    }
  });

  test('the first set-up creates the missing tabs and default settings, archiving every old row by year', () => {
    script.as(OWNER);
    script.run(menuItem('Thiết lập bảng tính'));
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Đơn vị',
      'Danh mục DVC',
      'Nhập liệu',
      'Cấu hình',
      'Tỷ lệ',
      'Xếp hạng',
      'Kiểm tra',
      'Dữ liệu Cổng DVC',
      'Đối chiếu',
      'Nhật ký đồng bộ',
      'Tổng hợp',
      'Báo cáo',
      'Diễn biến theo tháng',
      'Nhật ký nhắc nhở',
      'Nhập liệu 2019',
      'Nhập liệu 2020',
    ]);
    const settings = valuesOf(sheet('Cấu hình'));
    const currentYear = Number(
      new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
    );
    expect(settings.map((row) => row.slice(0, 2))).toEqual([
      ['Tham số', 'Giá trị'],
      ['Năm', currentYear],
      ['Chỉ tiêu tối thiểu', 0.2],
      ['Nguồn ưu tiên', 'Cổng DVC'],
      ['Ngưỡng chênh lệch', 0.05],
      ['Điểm tối đa', 1],
      ['Kỳ báo cáo đến', ''],
      ['Quản trị viên', ''],
      ['Hạn nhập liệu', 5],
      ['Cơ quan chủ quản', ''],
      ['Cơ quan báo cáo', ''],
      ['Địa danh', ''],
      ['Số ký hiệu báo cáo', ''],
      ['Nơi nhận', ''],
      // Empty: the year's default vocabulary (contract §8.1).
      ['Cách phân loại', ''],
    ]);
    expect(settings[0]?.[2]).toBe('Diễn giải');
    expect(String(settings[2]?.[2])).toContain('20%');
    expect(sheet('Cấu hình')._at('B3').numberFormat).toBe('0.00%');
    // A new tab's online header follows Cách phân loại: the current year's default (after 2022: toàn trình, một phần).
    expect(valuesOf(sheet('Dữ liệu Cổng DVC'))).toEqual([
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        currentYear <= 2022 ? 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4' : 'Số hồ sơ giải quyết trực tuyến',
        'Số TTHC',
        'Cập nhật lúc',
        'Nguồn',
        'Số TTHC thuộc danh mục',
        'Số dòng không có Mã TTHC',
        'Mã trên Cổng DVC',
        'Nguồn trả về rỗng lúc',
      ],
    ]);
    expect(valuesOf(sheet('Nhật ký đồng bộ'))[0]?.[0]).toBe('Bắt đầu lúc');
    // Năm is not 2020 yet: each unit gets 12 rows of the current year, and the rows of 2019 and 2020
    // with figures go to one archive tab per year (not counted, so no unit shows Số liệu lỗi for them).
    const entries = valuesOf(sheet('Nhập liệu'));
    expect(entries.length).toBe(1 + 10 * 12);
    expect(entries[1]?.slice(0, 2)).toEqual([`01/${currentYear}`, 'S01']);
    const archived2020 = valuesOf(sheet('Nhập liệu 2020'));
    expect(archived2020[0]).toEqual(valuesOf(sheet('Nhập liệu'))[0]);
    expect(archived2020.slice(1).map((row) => row.slice(1, 5))).toEqual([
      ['S01', '1.234', 400, 'số liệu quý I'],
      ['X04', 40, 10, ''],
      ['x04', 60, 20, ''],
      ['X03', 10, 3, ''],
      ['X03', 10, 4, 'nhập trùng'],
      ['Z99', 5, 1, 'đơn vị lạ'],
    ]);
    expect(archived2020[2]?.[0]).toBeInstanceOf(world.DateClass);
    expect(valuesOf(sheet('Nhập liệu 2019'))[1]?.slice(0, 5)).toEqual(['2019-12', 'S03', 7, 1, 'năm trước']);
    expect(lastUi(script)?.kind).toBe('toast');
    expect(lastUi(script)?.text).toContain('Đã chuyển 7 dòng số liệu không thuộc năm');
  });

  test('a newly listed administrator gets rights only when the owner runs set-up again', () => {
    type(script, OWNER, 'Cấu hình', 'B2', [[2020]]);
    type(script, OWNER, 'Cấu hình', 'B8', [[ADMIN]]);
    const before = JSON.stringify(spreadsheet._state());
    script.as(ADMIN);
    script.run(menuItem('Thiết lập bảng tính'));
    expect(lastUi(script)?.kind).toBe('alert');
    expect(lastUi(script)?.text).toContain('chủ sở hữu bảng tính chạy lại "Thiết lập bảng tính"');
    expect(JSON.stringify(spreadsheet._state())).toBe(before);
  });

  test('the owner lays Nhập liệu out for 2020: archived figures back at their unit-month, the rest kept below', () => {
    script.as(OWNER);
    script.run(menuItem('Thiết lập bảng tính'));
    expect(lastUi(script)?.text).toContain('Đã đưa 6 dòng từ tab Nhập liệu 2020 trở lại tab Nhập liệu.');
    expect(valuesOf(sheet('Nhập liệu 2020')).filter((row) => row.some((cell) => cell !== ''))).toHaveLength(
      1,
    );
    const entries = sheet('Nhập liệu');
    // Later the owner pastes last year's December below the table: it is checked until the next set-up.
    type(script, OWNER, 'Nhập liệu', 'A124:E124', [["'2019-12", 'S03', 7, 1, 'năm trước']]);
    const grid = valuesOf(entries);
    expect(grid.length).toBe(1 + 10 * 12 + 3);
    expect(grid.slice(1, 13).map((row) => row.slice(0, 2))).toEqual(
      Array.from({ length: 12 }, (_, i) => [`${String(i + 1).padStart(2, '0')}/2020`, 'S01']),
    );
    // Month cells are written as text, never turned into dates by the sheet.
    expect(entries._at('A2').value).toBe('01/2020');
    expect(grid[2]?.slice(1, 5)).toEqual(['S01', '1.234', 400, 'số liệu quý I']);
    const x04 = 1 + 9 * 12;
    expect(grid[x04 + 1]?.slice(0, 4)).toEqual(['02/2020', 'X04', 40, 10]);
    expect(grid[x04 + 2]?.slice(0, 4)).toEqual(['03/2020', 'X04', 60, 20]);
    expect(grid[1 + 8 * 12 + 1]?.slice(0, 4)).toEqual(['02/2020', 'X03', 10, 3]);
    // What has no slot stays below: the second February of X03, the unknown unit; then the pasted row.
    expect(grid.slice(121).map((row) => row.slice(0, 5))).toEqual([
      ['Tháng 2/2020', 'X03', 10, 4, 'nhập trùng'],
      ['01/2020', 'Z99', 5, 1, 'đơn vị lạ'],
      ['2019-12', 'S03', 7, 1, 'năm trước'],
    ]);
    expect(entries.frozenRows).toBe(1);
    expect(entries._at('C2').numberFormat).toBe('#,##0');
  });

  test('protections: a clerk edits only the counts and notes of their own unit', () => {
    const entries = sheet('Nhập liệu');
    const s01Jan = entryRow(entries, 'S01', '01/2020');
    type(script, CLERK.S01, 'Nhập liệu', `C${s01Jan}:E${s01Jan}`, [[100, 30, 'đã rà soát']]);
    expect(entries._at(`C${s01Jan}`).value).toBe(100);
    const s02Jan = entryRow(entries, 'S02', '01/2020');
    expect(() => type(script, CLERK.S01, 'Nhập liệu', `C${s02Jan}:D${s02Jan}`, [[1, 1]])).toThrow(
      PROTECTED_MESSAGE,
    );
    expect(() => type(script, CLERK.S01, 'Nhập liệu', `B${s01Jan}`, [['S02']])).toThrow(PROTECTED_MESSAGE);
    expect(() => type(script, CLERK.S01, 'Tỷ lệ', 'A1', [['x']])).toThrow(PROTECTED_MESSAGE);
    expect(() => type(script, CLERK.S01, 'Cấu hình', 'B2', [[2021]])).toThrow(PROTECTED_MESSAGE);
    // A district's accounts set their communes' targets, not their own nor another district's communes.
    type(script, CLERK.H01, 'Đơn vị', 'D9', [['55%']]);
    expect(sheet('Đơn vị')._at('D9').value).toBe(0.55);
    expect(() => type(script, CLERK.H01, 'Đơn vị', 'D7', [['20%']])).toThrow(PROTECTED_MESSAGE);
    expect(() => type(script, CLERK.H01, 'Đơn vị', 'D11', [['20%']])).toThrow(PROTECTED_MESSAGE);
    expect(() => type(script, CLERK.X01, 'Đơn vị', 'D9', [['20%']])).toThrow(PROTECTED_MESSAGE);
    // The second account listed for a unit may type too.
    const x04Jan = entryRow(entries, 'X04', '01/2020');
    type(script, 'ttcp2@hoabinh.gov.vn', 'Nhập liệu', `C${x04Jan}:D${x04Jan}`, [[50, 5]]);
  });

  test('clerks type the rest of the figures', () => {
    const entries = sheet('Nhập liệu');
    const put = (code: keyof typeof CLERK, month: string, total: unknown, online: unknown) => {
      const row = entryRow(entries, code, month);
      type(script, CLERK[code], 'Nhập liệu', `C${row}:D${row}`, [[total, online]]);
    };
    put('S02', '01/2020', 50, 5);
    put('S02', '02/2020', 50, 5);
    put('S03', '01/2020', 40, 10);
    put('S04', '01/2020', 0, 0);
    put('H01', '01/2020', 200, 50);
    put('H01', '02/2020', 200, 50);
    put('H02', '01/2020', 100, 25);
    put('H02', '02/2020', 20, 30);
    put('X01', '01/2020', 20, 11);
    put('X02', '01/2020', 20, 11);
    put('X03', '01/2020', 10, 2);
  });

  test('someone who is neither owner nor administrator cannot recompute, and nothing changes', () => {
    const before = JSON.stringify(spreadsheet._state());
    script.as(CLERK.S02);
    script.run(menuItem('Tính lại tỷ lệ và xếp hạng'));
    expect(lastUi(script)).toMatchObject({ kind: 'alert' });
    expect(lastUi(script)?.text).toContain('Tài khoản stp@hoabinh.gov.vn không có quyền');
    script.as('');
    script.run(menuItem('Tính lại tỷ lệ và xếp hạng'));
    expect(lastUi(script)?.text).toContain('Không xác định được tài khoản Google của bạn');
    script.as(ADMIN);
    world.lockHeldElsewhere = true;
    script.run(menuItem('Tính lại tỷ lệ và xếp hạng'));
    world.lockHeldElsewhere = false;
    expect(lastUi(script)?.text).toContain('đang chạy');
    expect(JSON.stringify(spreadsheet._state())).toBe(before);
    expect(world.lockHeld).toBe(false);
  });

  test('the administrator recomputes: Tỷ lệ cell by cell', () => {
    script.as(ADMIN);
    script.run(menuItem('Tính lại tỷ lệ và xếp hạng'));
    expect(lastUi(script)).toMatchObject({ kind: 'toast' });
    expect(lastUi(script)?.text).toMatch(/^Đã tính 10 đơn vị\. Phát hiện \d+ lỗi và \d+ cảnh báo/);
    const ratio = sheet('Tỷ lệ');
    const grid = valuesOf(ratio);
    expect(grid[0]?.[0]).toBe('TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN MỨC ĐỘ 3, 4 NĂM 2020');
    expect(grid[1]?.[0]).toBe('Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/03/2020');
    expect(grid[2]?.slice(0, 12)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhóm',
      'Mã đơn vị cấp trên',
      'Tổng số hồ sơ',
      'Hồ sơ trực tuyến mức độ 3, 4',
      'Tỷ lệ',
      'Chỉ tiêu',
      'Đánh giá',
      'Hồ sơ cần thêm',
      'Điểm',
      'Nguồn số liệu',
    ]);
    const rows = Object.fromEntries(records(ratio).map(({ cells }) => [String(cells['Mã đơn vị']), cells]));
    const pick = (code: string) => {
      const r = rows[code] as Record<string, unknown>;
      return [
        r['Tổng số hồ sơ'],
        r['Hồ sơ trực tuyến mức độ 3, 4'],
        r['Tỷ lệ'],
        r['Chỉ tiêu'],
        r['Đánh giá'],
        r['Hồ sơ cần thêm'],
        r.Điểm,
      ];
    };
    // S01: 100 + 1.234 (text with a thousands dot) = 1 334 dossiers, 30 + 400 = 430 online; 30% of 1 334 = 400.2 ≤ 430.
    expect(pick('S01')).toEqual([1334, 430, 430 / 1334, 0.3, 'Đạt', 0, 1]);
    // S02: 10 of 100 at the 20% floor: 10 more needed, half the points.
    expect(pick('S02')).toEqual([100, 10, 0.1, 0.2, 'Chưa đạt', 10, 0.5]);
    // S03: a 15% target is under the floor (20% used), and last year's row is an error.
    expect(pick('S03').slice(0, 5)).toEqual([40, 10, 0.25, 0.2, 'Số liệu lỗi']);
    // S04: no dossiers: empty ratio.
    expect(pick('S04').slice(0, 5)).toEqual([0, 0, '', 0.2, 'Không phát sinh hồ sơ']);
    // H01: 100 of 400 is exactly its 25% target.
    expect(pick('H01')).toEqual([400, 100, 0.25, 0.25, 'Đạt', 0, 1]);
    // H02: February has more online than total dossiers: the month counts nothing, the unit shows the error.
    expect(pick('H02').slice(0, 5)).toEqual([100, 25, 0.25, 0.2, 'Số liệu lỗi']);
    // X01: 11 of 20 at 55% is met, 0 more needed (not 1).
    expect(pick('X01')).toEqual([20, 11, 0.55, 0.55, 'Đạt', 0, 1]);
    expect(pick('X02')).toEqual([20, 11, 0.55, 0.3, 'Đạt', 0, 1]);
    // X03: February twice: both rows ignored until fixed.
    expect(pick('X03').slice(0, 5)).toEqual([10, 2, 0.2, 0.2, 'Số liệu lỗi']);
    // X04: January typed by its second account, February from a date cell, March typed T3/2020: 35 of 150.
    expect(pick('X04')).toEqual([150, 35, 35 / 150, 0.2, 'Đạt', 0, 1]);
    expect(rows.X01?.['Tên đơn vị']).toBe('Phường Đồng Tiến');
    expect(rows.X02?.['Tên đơn vị']).toBe('Xã Hòa Bình'.normalize('NFC'));
    expect(rows.S01?.Nhóm).toBe('Sở, ban, ngành');
    expect(rows.X01?.['Mã đơn vị cấp trên']).toBe('H01');
    expect(rows.S01?.['Nguồn số liệu']).toBe('Đơn vị nhập');
  });

  test('text that looks like a formula is written back as text', () => {
    const ratio = sheet('Tỷ lệ');
    const row = records(ratio).find(({ cells }) => cells['Mã đơn vị'] === 'X03')?.row as number;
    expect(ratio._at(`B${row}`)).toMatchObject({ value: '=Xã Thu Phong', formula: '' });
    const problems = sheet('Kiểm tra');
    const months = records(problems)
      .map(({ cells }) => cells.Kỳ)
      .filter((m) => m !== '');
    expect(months.length).toBeGreaterThan(0);
    for (const month of months) expect(typeof month).toBe('string');
  });

  test('formats: percent ratios and targets, integer counts, bold frozen header, status colours', () => {
    const ratio = sheet('Tỷ lệ');
    expect(ratio._at('G4').numberFormat).toBe('0.00%');
    expect(ratio._at('H4').numberFormat).toBe('0.00%');
    expect(ratio._at('E4').numberFormat).toBe('#,##0');
    expect(ratio._at('A3').bold).toBe(true);
    expect(ratio._at('A4').bold).toBe(false);
    expect(ratio.frozenRows).toBe(3);
    const rules = ratio.conditionalRules.map(
      (rule) => rule._describe() as { values: string[]; background: string; ranges: string[] },
    );
    expect(rules.map((r) => [r.values[0], r.background, r.ranges])).toEqual([
      ['Đạt', '#d9ead3', ['Tỷ lệ!I4:I13']],
      ['Chưa đạt', '#fce5cd', ['Tỷ lệ!I4:I13']],
      ['Số liệu lỗi', '#f4cccc', ['Tỷ lệ!I4:I13']],
      ['Chưa có số liệu', '#efefef', ['Tỷ lệ!I4:I13']],
    ]);
    expect(sheet('Xếp hạng').conditionalRules.length).toBe(4);
  });

  test('Xếp hạng: scopes, shared ranks, unranked last, tie order', () => {
    const ranking = records(sheet('Xếp hạng')).map(({ cells }) => [
      cells['Nhóm xếp hạng'],
      cells.Hạng,
      cells['Mã đơn vị'],
    ]);
    const scope = (name: string) => ranking.filter(([s]) => s === name).map(([, rank, code]) => [rank, code]);
    expect(scope('Sở, ban, ngành').slice(0, 2)).toEqual([
      [1, 'S01'],
      [2, 'S02'],
    ]);
    expect(
      scope('Sở, ban, ngành')
        .slice(2)
        .map(([rank]) => rank),
    ).toEqual(['', '']);
    expect(
      new Set(
        scope('Sở, ban, ngành')
          .slice(2)
          .map(([, code]) => code),
      ),
    ).toEqual(new Set(['S03', 'S04']));
    expect(scope('Huyện, thành phố')).toEqual([
      [1, 'H01'],
      ['', 'H02'],
    ]);
    // X01 and X02: 11 of 20 each, same online count: shared rank 1, then Vietnamese name order (Phường before Xã); next rank is 3.
    expect(scope('Xã, phường, thị trấn')).toEqual([
      [1, 'X01'],
      [1, 'X02'],
      [3, 'X04'],
      ['', 'X03'],
    ]);
    expect(scope('Xã, phường, thị trấn - Thành phố Hòa Bình')).toEqual([
      [1, 'X01'],
      [1, 'X02'],
    ]);
    // Through February X04 had 15 of 90 and was third too: "=" is written as text, not as a formula.
    const rankingSheet = sheet('Xếp hạng');
    const x04 = records(rankingSheet).find(
      ({ cells }) => cells['Mã đơn vị'] === 'X04' && cells['Nhóm xếp hạng'] === 'Xã, phường, thị trấn',
    );
    expect(x04?.cells['Thay đổi hạng']).toBe('=');
    expect(x04?.cells['Hạng tháng trước']).toBe(3);
    expect(rankingSheet._at(`H${x04?.row}`).formula).toBe('');
    expect(scope('Xã, phường, thị trấn - Huyện Cao Phong')).toEqual([
      [1, 'X04'],
      ['', 'X03'],
    ]);
  });

  test('Kiểm tra lists each trap where a clerk can find it', () => {
    const problems = records(sheet('Kiểm tra')).map(({ cells }) => cells);
    const find = (code: string, fragment: string) =>
      problems.find((p) => p['Mã đơn vị'] === code && String(p['Nội dung']).includes(fragment));
    const entries = sheet('Nhập liệu');
    expect(find('S03', 'thấp hơn chỉ tiêu tối thiểu')).toMatchObject({
      Tab: 'Đơn vị',
      Ô: 'D5',
      'Mức độ': 'Lỗi',
    });
    expect(find('S03', 'không thuộc năm')).toMatchObject({ Tab: 'Nhập liệu', Ô: 'A124' });
    expect(find('Z99', 'không có trong tab Đơn vị')).toMatchObject({ Tab: 'Nhập liệu', Ô: 'B123' });
    expect(find('X03', 'đã nhập số liệu kỳ 02/2020')).toMatchObject({
      Tab: 'Nhập liệu',
      Ô: 'B122',
      Kỳ: '02/2020',
    });
    const h02Feb = entryRow(entries, 'H02', '02/2020');
    expect(find('H02', 'lớn hơn tổng số')).toMatchObject({ Ô: `D${h02Feb}`, Kỳ: '02/2020', 'Mức độ': 'Lỗi' });
    const rules = sheet('Kiểm tra').conditionalRules.map(
      (rule) => (rule._describe() as { values: string[] }).values[0],
    );
    expect(rules).toEqual(['Lỗi', 'Cảnh báo']);
  });

  test('Tổng hợp has one row per scope and one chart of ratio against target', () => {
    const overview = sheet('Tổng hợp');
    const rows = records(overview, 'Nhóm xếp hạng').map(({ cells }) => cells);
    const sbn = rows.find((r) => r['Nhóm xếp hạng'] === 'Sở, ban, ngành');
    // The rows of Tỷ lệ added up, S03 (Số liệu lỗi) with the months that count (contract §10.4):
    // S01 + S02 + S03 + S04 = 1 334 + 100 + 40 + 0 dossiers, 430 + 10 + 10 + 0 online.
    expect(sbn).toMatchObject({
      'Số đơn vị': 4,
      'Số đơn vị đạt': 1,
      'Tổng số hồ sơ': 1474,
      'Hồ sơ trực tuyến mức độ 3, 4': 450,
    });
    expect(sbn?.['Tỷ lệ']).toBeCloseTo(450 / 1474, 12);
    expect(rows.length).toBe(5);
    expect(overview.charts.length).toBe(1);
    const chart = overview.charts[0]?._describe() as {
      type: string;
      ranges: string[];
      options: Record<string, unknown>;
    };
    expect(chart.type).toBe('COMBO');
    expect(chart.ranges).toEqual(['Tổng hợp!A3:A8', 'Tổng hợp!F3:F8', 'Tổng hợp!G3:G8']);
    expect(chart.options.title).toContain('năm 2020');
    script.run(menuItem('Tính lại tỷ lệ và xếp hạng'));
    expect(overview.charts.length).toBe(1);
  });

  test('Kiểm tra số liệu: administrators refresh Kiểm tra only; a clerk sees their own problems, nothing written', () => {
    const ratioBefore = JSON.stringify(sheet('Tỷ lệ')._state());
    script.as(ADMIN);
    script.run(menuItem('Kiểm tra số liệu'));
    expect(lastUi(script)?.text).toMatch(/^Đã kiểm tra số liệu/);
    expect(JSON.stringify(sheet('Tỷ lệ')._state())).toBe(ratioBefore);
    const before = JSON.stringify(spreadsheet._state());
    script.as(CLERK.X03);
    script.run(menuItem('Kiểm tra số liệu'));
    expect(lastUi(script)?.kind).toBe('alert');
    expect(lastUi(script)?.text).toContain('Đơn vị X03 đã nhập số liệu kỳ 02/2020');
    expect(lastUi(script)?.text).not.toContain('H02');
    expect(JSON.stringify(spreadsheet._state())).toBe(before);
  });

  test('running set-up a second time changes nothing', () => {
    script.as(ADMIN);
    script.run(menuItem('Thiết lập bảng tính'));
    // The pasted 2019 row joined its archive.
    expect(valuesOf(sheet('Nhập liệu 2019')).map((row) => row[1])).toEqual(['Mã đơn vị', 'S03', 'S03']);
    const before = JSON.stringify(spreadsheet._state());
    world.calls.reset();
    script.run(menuItem('Thiết lập bảng tính'));
    expect(JSON.stringify(spreadsheet._state())).toBe(before);
    for (const method of [
      'setValues',
      'protect',
      'remove',
      'addEditors',
      'removeEditors',
      'setUnprotectedRanges',
      'insertSheet',
      'batchUpdate',
    ]) {
      expect([method, world.calls.count(method)]).toEqual([method, 0]);
    }
  });
});
