// What goes wrong: service failures leave tabs whole, two-tier provinces, consumer accounts, missing tabs.

import { ENTRY_HEADER, RECOMPUTED_TABS, UNIT_HEADER } from '../contract-headers';
import { FakeProtection, type LoadedScript, loadScript, type Value } from '../fakes/apps-script';
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

  test('the write is refused midway (a protected tab): no output tab changes, the marker is not left behind', () => {
    const script = loadScript({ owner: OWNER });
    twoTier(script);
    script.run('recomputeAll');
    const entries = script.spreadsheet._sheet('Nhập liệu');
    entries._at('C2').value = 600;
    entries._at('D2').value = 60;
    const outputs = RECOMPUTED_TABS;
    const states = () =>
      Object.fromEntries(
        outputs.map((tab) => [tab, JSON.stringify(script.spreadsheet._sheet(tab)._state())]),
      );
    const before = states();
    // Kiểm tra protected for the owner alone: the administrator's batch fails at that tab's cells,
    // after the requests for Tỷ lệ and Xếp hạng, and Sheets applies none of it.
    const protection = new FakeProtection(script.spreadsheet._sheet('Kiểm tra'), 'SHEET', {
      row: 1,
      column: 1,
      numRows: 1000,
      numColumns: 26,
    });
    protection.editors = new Set([OWNER]);
    script.spreadsheet.protections.push(protection);
    script.as(ADMIN);
    script.run('recomputeAll');
    const alert = script.world.ui[script.world.ui.length - 1];
    expect(alert?.kind).toBe('alert');
    expect(alert?.text).toContain('Không thực hiện được');
    expect(alert?.text).toContain('chưa được quyền sửa các tab được bảo vệ');
    expect(states()).toEqual(before);
    // No write marker left (the tabs' own marks, from the first recompute, stay).
    expect(script.spreadsheet.developerMetadata.filter((m) => m.sheetId === undefined)).toEqual([]);
    expect(script.world.lockHeld).toBe(false);
    // The batch did carry every tab: Kiểm tra's cells came after Tỷ lệ's.
    const batch = script.sheets.batches[script.sheets.batches.length - 1] ?? [];
    const sheetIdOf = (tab: string) => script.spreadsheet._sheet(tab).id;
    const written = batch.flatMap((r) => (r.updateCells ? [r.updateCells.range?.sheetId] : []));
    expect(written.indexOf(sheetIdOf('Tỷ lệ'))).toBeLessThan(written.indexOf(sheetIdOf('Kiểm tra')));
  });

  test('the atomic write fails as a service outage: every tab as it was, the clerk reads why', () => {
    const script = loadScript({ owner: OWNER });
    twoTier(script);
    script.run('recomputeAll');
    script.spreadsheet._sheet('Nhập liệu')._at('C2').value = 600;
    const before = JSON.stringify(script.spreadsheet._state());
    script.world.calls.failure = { name: 'Sheets.Spreadsheets.batchUpdate', after: 0 };
    script.run('recomputeAll');
    expect(script.world.ui[script.world.ui.length - 1]?.text).toMatch(
      /^Không thực hiện được: Service Spreadsheets failed/,
    );
    expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
    expect(script.world.lockHeld).toBe(false);
  });
});

describe('a cosmetic step that fails never stops the figures', () => {
  test('colours and chart fail: every output tab is written, the toast says so, the lock is released', () => {
    const script = loadScript({ owner: OWNER });
    twoTier(script);
    // The second batch (conditional colours and the chart) fails; the figures' batch went through.
    script.world.calls.failure = { name: 'Sheets.Spreadsheets.batchUpdate', after: 1 };
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
