// Ranking order, shared ranks with gaps, tie order, unranked units last, rank change.
import { collationKey } from '../../src/core/collate';
import { type RankEntry, rank, rankAmong, rankChange } from '../../src/core/rank';

const entry = (
  key: string,
  name: string,
  online: number,
  resolved: number,
  eligible = resolved > 0,
): RankEntry => ({
  key,
  collation: collationKey(name),
  online,
  resolved,
  eligible,
});

describe('rank', () => {
  it('ranks 1, 2, 2, 4 with exact ties (1/3 and 2/6) and skips the next rank', () => {
    const ranked = rank([
      entry('c', 'Cao', 2, 6),
      entry('a', 'An', 1, 2),
      entry('d', 'Dân', 1, 10),
      entry('b', 'Bắc', 1, 3),
    ]);
    expect(ranked).toEqual([
      { key: 'a', rank: 1 },
      { key: 'c', rank: 2 }, // 2/6: more online than 1/3, listed first
      { key: 'b', rank: 2 },
      { key: 'd', rank: 4 },
    ]);
  });

  it('does not let float rounding split a tie or merge distinct ratios', () => {
    // 3/10 and 30/100 tie; 0.1 + 0.2 would not equal 0.3 as a float.
    const ranked = rank([
      entry('x', 'Xa', 3, 10),
      entry('y', 'Yên', 30, 100),
      entry('z', 'Zê', 299999999, 1000000000),
    ]);
    expect(ranked).toEqual([
      { key: 'y', rank: 1 },
      { key: 'x', rank: 1 },
      { key: 'z', rank: 3 },
    ]);
  });

  it('orders equals by online count, then by name in Vietnamese order', () => {
    const ranked = rank([
      entry('1', 'Đông', 1, 4),
      entry('2', 'Dương', 1, 4),
      entry('3', 'Ân', 1, 4),
      entry('4', 'Ăn', 1, 4),
      entry('5', 'Zô', 2, 8),
    ]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['5', 1],
      ['4', 1],
      ['3', 1],
      ['2', 1],
      ['1', 1],
    ]);
  });

  it('puts units without dossiers or with errors last, unranked, by name', () => {
    const ranked = rank([
      entry('e', 'Én', 0, 0),
      entry('b', 'Bình', 5, 10, false),
      entry('z', 'Zô', 0, 10),
      entry('a', 'An', 1, 10),
    ]);
    expect(ranked).toEqual([
      { key: 'a', rank: 1 },
      { key: 'z', rank: 2 },
      { key: 'b', rank: null },
      { key: 'e', rank: null },
    ]);
  });
});

describe('rankChange', () => {
  it.each([
    [3, 1, '▲2'],
    [1, 2, '▼1'],
    [2, 2, '='],
    [null, 2, ''],
    [undefined, 2, ''],
    [2, null, ''],
  ])('from %p to %p is %p', (previous, current, expected) => {
    expect(rankChange(previous, current)).toBe(expected);
  });
});

describe('rankAmong', () => {
  it('ranks highest first with shared ranks', () => {
    expect([0.5, 0.3, 0.3, 0.1].map((v) => rankAmong(v, [0.5, 0.3, 0.3, 0.1]))).toEqual([1, 2, 2, 4]);
  });
});
