// The DVC_* custom functions' arithmetic and their Vietnamese errors.
import fc from 'fast-check';
import { dvcNeeded, dvcRank, dvcRanker, dvcRatio, dvcStatus } from '../../src/core';

describe('DVC_TYLE', () => {
  it('divides online by total, empty when total is 0', () => {
    expect(dvcRatio(7, 35)).toBe(0.2);
    expect(dvcRatio('1.234', '2.468')).toBe(0.5);
    expect(dvcRatio(0, 0)).toBe('');
    expect(dvcRatio('', '')).toBe('');
  });

  it('throws Vietnamese sentences on bad input', () => {
    expect(() => dvcRatio(5, 3)).toThrow('Số hồ sơ trực tuyến (5) lớn hơn tổng số hồ sơ (3).');
    expect(() => dvcRatio(-1, 3)).toThrow(
      'Giá trị "-1" của số hồ sơ trực tuyến không hợp lệ: hãy dùng số nguyên không âm, ví dụ 1234.',
    );
    expect(() => dvcRatio(1, 'nhiều')).toThrow('Giá trị "nhiều" của tổng số hồ sơ không hợp lệ');
    expect(() => dvcRatio(1.5, 3)).toThrow(Error);
  });
});

describe('DVC_DANHGIA', () => {
  it.each([
    [11, 20, '55%', 'Đạt'],
    [10, 20, 0.55, 'Chưa đạt'],
    [7, 35, 20, 'Đạt'],
    [7, 35, '20,5%', 'Chưa đạt'],
    [0, 0, '20%', 'Không phát sinh hồ sơ'],
  ])('%p of %p at %p is %p', (online, total, target, status) => {
    expect(dvcStatus(online, total, target)).toBe(status);
  });

  it('says Chưa có số liệu when both counts are empty, a month not yet reported (contract §10.4)', () => {
    expect(dvcStatus('', '', '20%')).toBe('Chưa có số liệu');
    expect(dvcStatus(null, '  ', '')).toBe('Chưa có số liệu');
    // One count typed: the empty one is 0, as DVC_TYLE reads it, so 0 dossiers stays Không phát sinh hồ sơ.
    expect(dvcStatus('', 0, '20%')).toBe('Không phát sinh hồ sơ');
    expect(dvcStatus('', 40, '20%')).toBe('Chưa đạt');
  });

  it('takes an empty target as the 20% floor', () => {
    expect(dvcStatus(1, 5, '')).toBe('Đạt');
    expect(dvcStatus(1, 6, null)).toBe('Chưa đạt');
    expect(dvcNeeded(1, 6, '')).toBe(1);
  });

  it('rejects a bad target', () => {
    expect(() => dvcStatus(1, 2, 'cao')).toThrow(
      'Chỉ tiêu "cao" không hợp lệ: hãy dùng tỷ lệ phần trăm, ví dụ 20% hoặc 0,2.',
    );
    expect(() => dvcStatus(1, 2, '150%')).toThrow('Chỉ tiêu "150%" không hợp lệ');
  });
});

describe('DVC_CANTHEM', () => {
  it.each([
    [11, 20, '55%', 0],
    [10, 20, 0.55, 1],
    [7, 35, '20%', 0],
    [0, 10, '0,3', 3],
    [0, 0, '20%', ''],
  ])('%p of %p at %p needs %p', (online, total, target, needed) => {
    expect(dvcNeeded(online, total, target)).toBe(needed);
  });
});

describe('DVC_XEPHANG', () => {
  const values = [0.5, 0.3, '', 'không có', 0.3, null, 0.1];
  it('ranks highest first, ties sharing a rank, blanks and text ignored', () => {
    expect([0.5, 0.3, 0.1].map((v) => dvcRank(v, values))).toEqual([1, 2, 4]);
    expect(dvcRank('', values)).toBe('');
  });

  it('throws on a value that is not a number or not in the list', () => {
    expect(() => dvcRank('abc', values)).toThrow('Giá trị cần xếp hạng "abc" không phải là số.');
    expect(() => dvcRank(0.9, values)).toThrow('Giá trị 0.9 không có trong danh sách cần xếp hạng.');
  });

  it('sorting once gives the rank by definition: 1 + how many numbers of the list are greater', () => {
    const cell = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.double({ noNaN: true }),
      fc.constantFrom('', null, 'x'),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (pool) => {
        const rankOf = dvcRanker(pool);
        const numbers = pool.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
        for (const value of numbers)
          expect(rankOf(value)).toBe(1 + numbers.filter((other) => other > value).length);
      }),
      { numRuns: 500 },
    );
  });
});
