// What goes wrong: service failures leave tabs whole, two-tier provinces, consumer accounts, missing tabs.

import { ENTRY_HEADER, UNIT_HEADER } from '../contract-headers';
import { type LoadedScript, loadScript, type Value } from '../fakes/apps-script';
import { ADMIN, CATALOGUE, OWNER, records } from './province';

/** A two-tier province (no districts, as since mid-2025): two departments, three communes. */
function twoTier(script: LoadedScript): void {
  const load = (tab: string, rows: Value[][]) => script.spreadsheet._load(tab, rows);
  load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2026],
    ['Quản trị viên', ADMIN],
  ]);
  load('Đơn vị', [
    [...UNIT_HEADER],
    ['H44.19', 'Sở Tư pháp', 'Sở, ban, ngành', '', '', '', 'stp@phutho.gov.vn'],
    ['H44.22', 'Sở Y tế', 'Sở, ban, ngành', '', '40%', '', ''],
    ['H44.202', 'UBND phường Hòa Bình', 'Xã, phường, thị trấn', '', '', '', 'phuonghb@phutho.gov.vn'],
    ['H44.203', 'UBND phường Thống Nhất', 'Xã, phường, thị trấn', '', '', '', ''],
    ['H44.204', 'UBND xã Mường Thàng', 'Xã, phường, thị trấn', '', '', '', ''],
  ]);
  load('Danh mục DVC', CATALOGUE);
  load('Nhập liệu', [
    ENTRY_HEADER,
    ['01/2026', 'H44.19', 300, 120, ''],
    ['01/2026', 'H44.22', 100, 10, ''],
    ['01/2026', 'H44.202', 50, 30, ''],
    ['01/2026', 'H44.203', 40, 24, ''],
    ['01/2026', 'H44.204', 0, 0, ''],
  ]);
}

describe('a service failure never leaves a half-written tab', () => {
  test('failing while reading: nothing is written, the lock is released, the clerk reads why', () => {
    const script = loadScript({ owner: OWNER });
    twoTier(script);
    script.run('recomputeAll');
    const before = JSON.stringify(script.spreadsheet._state());
    script.world.calls.failure = { name: 'Range.getValues', after: 2 };
    script.run('recomputeAll');
    const alert = script.world.ui[script.world.ui.length - 1];
    expect(alert?.kind).toBe('alert');
    expect(alert?.text).toMatch(/^Không thực hiện được: Service Spreadsheets failed/);
    expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
    expect(script.world.lockHeld).toBe(false);
  });

  test('failing on the third write: the tabs before it are new, that tab and the rest are as they were', () => {
    const script = loadScript({ owner: OWNER });
    twoTier(script);
    script.run('recomputeAll');
    const entries = script.spreadsheet._sheet('Nhập liệu');
    entries._at('C2').value = 600;
    entries._at('D2').value = 60;
    const states = () =>
      Object.fromEntries(
        ['Tỷ lệ', 'Xếp hạng', 'Đối chiếu', 'Kiểm tra', 'Tổng hợp'].map((tab) => [
          tab,
          JSON.stringify(script.spreadsheet._sheet(tab)._state()),
        ]),
      );
    const before = states();
    script.world.calls.failure = { name: 'Range.setValues', after: 2 };
    script.run('recomputeAll');
    const after = states();
    expect(after['Tỷ lệ']).not.toBe(before['Tỷ lệ']);
    expect(after['Xếp hạng']).not.toBe(before['Xếp hạng']);
    expect(after['Đối chiếu']).toBe(before['Đối chiếu']);
    expect(after['Kiểm tra']).toBe(before['Kiểm tra']);
    expect(after['Tổng hợp']).toBe(before['Tổng hợp']);
    // The tab that was written holds the new figures whole: 60 of 600 for Sở Tư pháp.
    const row = records(script.spreadsheet._sheet('Tỷ lệ')).find(
      ({ cells }) => cells['Mã đơn vị'] === 'H44.19',
    );
    expect(row?.cells['Tỷ lệ']).toBe(0.1);
  });
});

describe('a cosmetic step that fails never stops the figures', () => {
  test('the chart fails: every output tab is written, the toast says so, the lock is released', () => {
    const script = loadScript({ owner: OWNER });
    twoTier(script);
    script.world.calls.failure = { name: 'Sheet.getCharts', after: 0 };
    script.run('recomputeAll');
    expect(script.world.calls.failure).toBeNull();
    const ratio = records(script.spreadsheet._sheet('Tỷ lệ'));
    // 120 of 300 for Sở Tư pháp, 0 of 0 for Mường Thàng.
    expect(ratio.find(({ cells }) => cells['Mã đơn vị'] === 'H44.19')?.cells['Tỷ lệ']).toBe(0.4);
    expect(ratio.find(({ cells }) => cells['Mã đơn vị'] === 'H44.204')?.cells['Đánh giá']).toBe(
      'Không phát sinh hồ sơ',
    );
    const scopes = script.spreadsheet
      ._sheet('Tổng hợp')
      ._values()
      .map((row) => row[0]);
    expect(scopes).toEqual(expect.arrayContaining(['Sở, ban, ngành', 'Xã, phường, đặc khu']));
    expect(script.world.ui[script.world.ui.length - 1]?.kind).toBe('toast');
    expect(script.world.lockHeld).toBe(false);
  });
});

describe('a two-tier province (no districts)', () => {
  const script = loadScript({ owner: OWNER, user: ADMIN });
  twoTier(script);

  test('set-up protects without district scopes, and a recompute ranks communes province-wide only', () => {
    script.as(OWNER);
    script.run('setUpSheet');
    const descriptions = script.spreadsheet.protections.map((p) => p.description);
    expect(descriptions.filter((d) => d.startsWith('[DVC] Chỉ tiêu các xã'))).toEqual([]);
    expect(descriptions.filter((d) => d.startsWith('[DVC] Số liệu của')).length).toBe(5);
    script.as(ADMIN);
    script.run('recomputeAll');
    const ranking = records(script.spreadsheet._sheet('Xếp hạng')).map(({ cells }) => [
      cells['Nhóm xếp hạng'],
      cells.Hạng,
      cells['Mã đơn vị'],
    ]);
    // 30 of 50 and 24 of 40 are both 60%: shared rank 1, larger online count first; no dossiers last.
    expect(ranking).toEqual([
      ['Sở, ban, ngành', 1, 'H44.19'],
      ['Sở, ban, ngành', 2, 'H44.22'],
      // Contract §8.1: no district, so the commune group is Xã, phường, đặc khu.
      ['Xã, phường, đặc khu', 1, 'H44.202'],
      ['Xã, phường, đặc khu', 1, 'H44.203'],
      ['Xã, phường, đặc khu', '', 'H44.204'],
    ]);
    const overview = records(script.spreadsheet._sheet('Tổng hợp'), 'Nhóm xếp hạng').map(
      ({ cells }) => cells['Nhóm xếp hạng'],
    );
    expect(overview).toEqual(['Sở, ban, ngành', 'Xã, phường, đặc khu']);
  });
});

describe('accounts Google does not reveal', () => {
  test('an empty email may neither set up nor recompute, and is told why', () => {
    const script = loadScript({ owner: OWNER, user: '' });
    twoTier(script);
    const before = JSON.stringify(script.spreadsheet._state());
    for (const action of ['setUpSheet', 'recomputeAll', 'checkFigures']) {
      script.run(action);
      expect(script.world.ui[script.world.ui.length - 1]?.text).toContain(
        'Không xác định được tài khoản Google của bạn',
      );
    }
    expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
  });
});

describe('a recompute on a sheet never set up', () => {
  test('creates the output tabs and reports the missing input tabs in Kiểm tra', () => {
    const script = loadScript({ owner: OWNER });
    script.run('recomputeAll');
    const problems = records(script.spreadsheet._sheet('Kiểm tra')).map(({ cells }) => [
      cells.Tab,
      cells['Mức độ'],
    ]);
    expect(problems).toContainEqual(['Đơn vị', 'Lỗi']);
    expect(problems).toContainEqual(['Nhập liệu', 'Lỗi']);
    expect(script.spreadsheet._hasSheet('Tỷ lệ')).toBe(true);
  });
});
