// A recompute makes the same number of spreadsheet service calls for 20 units as for 2,000 (and any number of months).

import { UNIT_HEADER } from '../contract-headers';
import { loadScript, type Value } from '../fakes/apps-script';

const OWNER = 'vanphong@tinh.gov.vn';

/** A made-up province: 1/10 departments, 1/10 districts, the rest communes spread over the districts. */
function province(units: number, months: number): Record<string, Value[][]> {
  const departments = Math.max(1, Math.floor(units / 10));
  const districts = Math.max(1, Math.floor(units / 10));
  const unitRows: Value[][] = [[...UNIT_HEADER]];
  for (let i = 0; i < units; i++) {
    const code = `U${String(i).padStart(5, '0')}`;
    if (i < departments) unitRows.push([code, `Sở số ${i}`, 'SBN', '', '25%', '', `u${i}@tinh.gov.vn`]);
    else if (i < departments + districts) unitRows.push([code, `Huyện số ${i}`, 'HUYEN', '', '', '', '']);
    else {
      const district = `U${String(departments + (i % districts)).padStart(5, '0')}`;
      unitRows.push([code, `Xã số ${i}`, 'XA', district, '30%', '', `u${i}@tinh.gov.vn`]);
    }
  }
  const entries: Value[][] = [
    [
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ],
  ];
  const portal: Value[][] = [
    [
      'Kỳ',
      'Mã đơn vị',
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Số TTHC',
      'Cập nhật lúc',
    ],
  ];
  for (let i = 0; i < units; i++) {
    const code = String(unitRows[i + 1]?.[0]);
    for (let m = 1; m <= months; m++) {
      const month = `${String(m).padStart(2, '0')}/2020`;
      entries.push([month, code, 10 + ((i * 7 + m) % 50), (i + m) % 10, i % 17 === 0 ? '=ghi chú' : '']);
      if (i % 3 === 0)
        portal.push([month, code, 12 + ((i + m) % 40), (i * m) % 12, 3, '01/11/2020 02:00:00']);
    }
  }
  return {
    'Cấu hình': [
      ['Tham số', 'Giá trị'],
      ['Năm', 2020],
      ['Quản trị viên', 'admin@tinh.gov.vn'],
    ],
    'Đơn vị': unitRows,
    'Nhập liệu': entries,
    'Danh mục DVC': [
      ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
      ['1.000001', 'Thủ tục mẫu', 4],
    ],
    'Dữ liệu Cổng DVC': portal,
  };
}

/** Service calls of the second recompute (the first one also creates the output tabs and the chart). */
function recomputeCalls(
  units: number,
  months: number,
): { total: number; byMethod: Record<string, number>; rows: number } {
  const script = loadScript({ owner: OWNER, user: 'admin@tinh.gov.vn' });
  for (const [tab, rows] of Object.entries(province(units, months))) script.spreadsheet._load(tab, rows);
  script.run('recomputeAll');
  script.world.calls.reset();
  script.run('recomputeAll');
  const toast = script.world.ui[script.world.ui.length - 1];
  expect(toast?.kind).toBe('toast');
  expect(toast?.text).toContain(`Đã tính ${units} đơn vị`);
  return {
    total: script.world.calls.total,
    byMethod: script.world.calls.snapshot(),
    rows: script.spreadsheet._sheet('Tỷ lệ')._values().length,
  };
}

/** Round trips to Google the recompute may make, whatever the size (issue 11). */
const ROUND_TRIP_BUDGET = 30;

test('one recompute costs the same round trips for 20 units and for 2,000 units, at most 30', () => {
  const small = recomputeCalls(20, 3);
  const large = recomputeCalls(2000, 12);
  expect(small.rows).toBe(3 + 20);
  expect(large.rows).toBe(3 + 2000);
  // Báo cáo and Diễn biến theo tháng take the 2,000-unit, 12-month write past one 10 MiB request: its
  // figures then go in two batches (the write marker guards them), one round trip more, within budget.
  const batches = 'Sheets.Spreadsheets.batchUpdate';
  const { [batches]: largeBatches, ...largeRest } = large.byMethod;
  const { [batches]: smallBatches, ...smallRest } = small.byMethod;
  expect(largeRest).toEqual(smallRest);
  expect([smallBatches, largeBatches]).toEqual([2, 3]);
  expect(large.total).toBe(small.total + 1);
  expect(large.total).toBeLessThanOrEqual(ROUND_TRIP_BUDGET);
  // One read per input tab, no SpreadsheetApp write, and every output tab in one atomic batch
  // (a second one for colours and the chart).
  expect(small.byMethod['Range.getValues']).toBe(5);
  expect(small.byMethod['Range.setValues']).toBeUndefined();
  expect(small.byMethod['Sheets.Spreadsheets.get']).toBe(1);
  expect(small.byMethod['Sheets.Spreadsheets.batchUpdate']).toBe(2);
  expect(small.total).toBeLessThanOrEqual(ROUND_TRIP_BUDGET);
  console.log(
    `service calls per recompute: ${small.total} for 20 units, ${large.total} for 2,000 units`,
    small.byMethod,
  );
});

test('the owner (not listed as Quản trị viên) stays within the budget too', () => {
  const script = loadScript({ owner: OWNER });
  for (const [tab, rows] of Object.entries(province(200, 12))) script.spreadsheet._load(tab, rows);
  script.run('recomputeAll');
  script.world.calls.reset();
  script.run('recomputeAll');
  expect(script.world.ui[script.world.ui.length - 1]?.kind).toBe('toast');
  expect(script.world.calls.total).toBeLessThanOrEqual(ROUND_TRIP_BUDGET);
});

/** Round trips of a set-up on a fresh sheet with `units` units, then of a second set-up. */
function setUpCalls(units: number): {
  first: number;
  second: number;
  protections: number;
  byMethod: Record<string, number>;
} {
  const script = loadScript({ owner: OWNER });
  for (const [tab, rows] of Object.entries(province(units, 3))) script.spreadsheet._load(tab, rows);
  script.run('setUpSheet');
  const first = script.world.calls.total;
  const byMethod = script.world.calls.snapshot();
  expect(script.world.ui[script.world.ui.length - 1]?.text).toMatch(/^Đã thiết lập/);
  script.world.calls.reset();
  script.run('setUpSheet');
  return {
    first,
    second: script.world.calls.total,
    protections: script.spreadsheet.protections.length,
    byMethod,
  };
}

test('set-up makes the same number of round trips for 20 units as for 2,000 (protections in one batch)', () => {
  const small = setUpCalls(20);
  const large = setUpCalls(2000);
  // Each unit with accounts gets its own protected ranges: thousands at 2,000 units, still one request.
  expect(large.protections).toBeGreaterThan(3000);
  expect(large.byMethod).toEqual(small.byMethod);
  expect(large.first).toBe(small.first);
  expect(large.second).toBe(small.second);
  // One batch adds every missing tab with its mark (contract 10.2), one sets every protection.
  expect(small.byMethod['Sheets.Spreadsheets.batchUpdate']).toBe(2);
  expect(small.byMethod['Range.protect'] ?? 0).toBe(0);
  console.log(
    `set-up round trips: ${small.first} (20 units), ${large.first} (2,000 units); again: ${large.second}`,
  );
});
