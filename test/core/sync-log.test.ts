// Nhật ký đồng bộ: one row per run, newest 1,000 kept.
import { appendLogRow, SYNC_LOG_HEADER, SYNC_LOG_LIMIT, syncLogRow } from '../../src/core';

describe('syncLogRow', () => {
  it('writes start time in Vietnam, result, counts, seconds and error text', () => {
    expect(SYNC_LOG_HEADER.length).toBe(6);
    expect(
      syncLogRow({
        startedAt: new Date('2020-10-01T01:02:03Z'),
        result: 'success',
        units: 8,
        portalRows: 120,
        durationMs: 12345,
      }),
    ).toEqual(['01/10/2020 08:02:03', 'Thành công', 8, 120, 12.3, '']);
    expect(
      syncLogRow({
        startedAt: new Date('2020-10-01T17:00:00Z'),
        result: 'failure',
        units: 0,
        portalRows: 0,
        durationMs: 950,
        error: 'Cổng DVC trả lỗi 503',
      }),
    ).toEqual(['02/10/2020 00:00:00', 'Thất bại', 0, 0, 1, 'Cổng DVC trả lỗi 503']);
    expect(
      syncLogRow({ startedAt: new Date(0), result: 'dryRun', units: 1, portalRows: 2, durationMs: 0 })[1],
    ).toBe('Chạy thử (không ghi)');
  });
});

describe('appendLogRow', () => {
  it('keeps the newest 1,000 rows', () => {
    expect(SYNC_LOG_LIMIT).toBe(1000);
    const rows = Array.from({ length: 999 }, (_, i) => i);
    expect(appendLogRow(rows, 999)).toHaveLength(1000);
    const full = appendLogRow(appendLogRow(rows, 999), 1000);
    expect(full).toHaveLength(1000);
    expect(full[0]).toBe(1);
    expect(full[999]).toBe(1000);
    expect(appendLogRow([1, 2, 3], 4, 2)).toEqual([3, 4]);
    expect(appendLogRow([], 'first')).toEqual(['first']);
  });
});
