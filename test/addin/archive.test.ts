// The archive plan of set-up, as pure functions: which rows leave, which come back, columns matched by header text.
import { alignToArchive, archiveTab, isArchiveTab, planArchive } from '../../src/addin/archive';

const HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  'Ghi chú',
];
const none = (grid: unknown[][]) => grid.map((row) => row.map(() => ''));

describe('planArchive', () => {
  // Month text is written with an apostrophe so Sheets keeps it as text (see toSheetValue).
  test('rows of other years with anything besides unit and month leave, by year; empty old slots are dropped', () => {
    const values = [
      ['Hướng dẫn'],
      HEADER,
      ['12/2019', 'S01', 5, 1, ''],
      ['01/2020', 'S01', 7, 2, ''],
      ['11/2019', 'S02', '', '', ''],
      ['2018-03', 'S02', '', '', 'chỉ có ghi chú'],
      ['T13/2019', 'S03', 1, 1, ''],
    ];
    const plan = planArchive({ values, formulas: none(values) }, 2020, undefined);
    expect(plan.values).toEqual([values[0], values[1], values[3], values[6]]);
    expect(plan.moves.map((move) => [move.tab, move.rows])).toEqual([
      ['Nhập liệu 2018', [["'2018-03", 'S02', '', '', 'chỉ có ghi chú']]],
      ['Nhập liệu 2019', [["'12/2019", 'S01', 5, 1, '']]],
    ]);
    expect(plan.restored).toBe(0);
  });

  test('a formula moves as a formula; the archive of Năm comes back matched by header text', () => {
    const values = [HEADER.concat('Người nhập'), ['01/2021', 'S01', 10, 2, '', 'An']];
    const formulas = none(values);
    (formulas[1] as string[])[2] = '=4+6';
    const archive = [
      [
        'Mã đơn vị',
        'Kỳ',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Tổng số hồ sơ đã giải quyết',
        'Cột riêng',
      ],
      ['S01', '12/2020', 3, 9, 'x'],
    ];
    const plan = planArchive({ values, formulas }, 2020, { values: archive, formulas: none(archive) });
    expect(plan.moves).toEqual([
      {
        year: 2021,
        tab: 'Nhập liệu 2021',
        header: [...HEADER, 'Người nhập'],
        rows: [["'01/2021", 'S01', '=4+6', 2, '', 'An']],
      },
    ]);
    expect(plan.restored).toBe(1);
    expect(plan.values[0]).toEqual([...HEADER, 'Người nhập', 'Cột riêng']);
    expect(plan.values[1]).toEqual(['12/2020', 'S01', 9, 3, '', '', 'x']);
  });

  test('a tab without the header is left alone', () => {
    const values = [['12/2019', 'S01', 5, 1]];
    expect(planArchive({ values, formulas: none(values) }, 2020, undefined).moves).toEqual([]);
  });
});

describe('alignToArchive', () => {
  test('rows follow the archive’s own column order; a column it lacks is added', () => {
    const aligned = alignToArchive(['Mã đơn vị', 'Kỳ', 'Ghi chú'], {
      year: 2019,
      tab: 'Nhập liệu 2019',
      header: ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết'],
      rows: [['12/2019', 'S01', 5]],
    });
    expect(aligned).toEqual({
      header: ['Mã đơn vị', 'Kỳ', 'Ghi chú', 'Tổng số hồ sơ đã giải quyết'],
      rows: [['S01', '12/2019', '', 5]],
    });
  });
});

test('archive tab names', () => {
  expect(archiveTab(2020)).toBe('Nhập liệu 2020');
  expect(isArchiveTab('nhập liệu 2019')).toBe(true);
  expect(isArchiveTab('Nhập liệu')).toBe(false);
  expect(isArchiveTab('Nhập liệu cũ')).toBe(false);
});
