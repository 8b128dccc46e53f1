// DVC_TYLE, DVC_DANHGIA, DVC_CANTHEM, DVC_XEPHANG called in the bundle as Sheets calls them: values or 2-D ranges.
import vm from 'node:vm';
import { loadScript } from '../fakes/apps-script';

const script = loadScript({ owner: 'owner@tinh.gov.vn' });
const call = (name: string, ...args: unknown[]) => script.run(name, ...args);
/** Plain arrays, so results built in the vm compare with toEqual. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('DVC_TYLE', () => {
  test('single values: online over total, empty when there are no dossiers', () => {
    expect(call('DVC_TYLE', 11, 20)).toBe(0.55);
    expect(call('DVC_TYLE', 0, 0)).toBe('');
    expect(call('DVC_TYLE', 617, '1.234')).toBe(0.5);
    expect(call('DVC_TYLE', '1 234', '2,468')).toBe(0.5);
  });

  test('ranges in, an array of the same shape out', () => {
    expect(plain(call('DVC_TYLE', [[1], [0], [3]], [[4], [0], [4]]))).toEqual([[0.25], [''], [0.75]]);
    expect(plain(call('DVC_TYLE', [[1, 2]], [[4, 8]]))).toEqual([[0.25, 0.25]]);
    expect(call('DVC_TYLE', [[3]], [[4]])).toBe(0.75);
  });

  test('bad input: a Vietnamese sentence, with the position inside a range', () => {
    expect(() => call('DVC_TYLE', 30, 20)).toThrow('Số hồ sơ trực tuyến (30) lớn hơn tổng số hồ sơ (20).');
    expect(() => call('DVC_TYLE', 'nhiều', 20)).toThrow(
      'Giá trị "nhiều" của số hồ sơ trực tuyến không hợp lệ',
    );
    expect(() => call('DVC_TYLE', [[1], [5]], [[2], [4]])).toThrow(
      'Dòng 2, cột 1 của vùng: Số hồ sơ trực tuyến (5) lớn hơn tổng số hồ sơ (4).',
    );
    expect(() => call('DVC_TYLE', [[1], [2]], [[2], [4], [6]])).toThrow(
      'Các vùng dữ liệu đưa vào hàm phải có cùng số dòng và số cột.',
    );
  });
});

describe('DVC_DANHGIA and DVC_CANTHEM', () => {
  test('exact at the boundary: 11 of 20 at 55% is met and needs 0 more', () => {
    expect(call('DVC_DANHGIA', 11, 20, '55%')).toBe('Đạt');
    expect(call('DVC_CANTHEM', 11, 20, '55%')).toBe(0);
    expect(call('DVC_DANHGIA', 7, 35, 0.2)).toBe('Đạt');
    expect(call('DVC_CANTHEM', 7, 35, 20)).toBe(0);
  });

  test('not met: the least whole number of dossiers that would reach the target', () => {
    expect(call('DVC_DANHGIA', 10, 20, '55%')).toBe('Chưa đạt');
    expect(call('DVC_CANTHEM', 10, 20, '55%')).toBe(1);
    expect(call('DVC_CANTHEM', 10, 100, '20%')).toBe(10);
    expect(call('DVC_CANTHEM', 0, 3, '30,5%')).toBe(1);
  });

  test('no dossiers', () => {
    expect(call('DVC_DANHGIA', 0, 0, 0.2)).toBe('Không phát sinh hồ sơ');
    expect(call('DVC_CANTHEM', 0, 0, 0.2)).toBe('');
  });

  test('no figures: both cells empty is Chưa có số liệu, not Không phát sinh hồ sơ', () => {
    expect(call('DVC_DANHGIA', '', '', 0.2)).toBe('Chưa có số liệu');
    expect(call('DVC_CANTHEM', '', '', 0.2)).toBe('');
    expect(plain(call('DVC_DANHGIA', [[11], [''], [0]], [[20], [''], [0]], '55%'))).toEqual([
      ['Đạt'],
      ['Chưa có số liệu'],
      ['Không phát sinh hồ sơ'],
    ]);
  });

  test('ranges with one target for every row', () => {
    expect(plain(call('DVC_DANHGIA', [[11], [10], [0]], [[20], [20], [0]], '55%'))).toEqual([
      ['Đạt'],
      ['Chưa đạt'],
      ['Không phát sinh hồ sơ'],
    ]);
    expect(plain(call('DVC_CANTHEM', [[11], [10]], [[20], [20]], [['55%'], ['60%']]))).toEqual([[0], [2]]);
  });

  test('a bad target is a Vietnamese sentence', () => {
    expect(() => call('DVC_DANHGIA', 1, 2, 'cao')).toThrow('Chỉ tiêu "cao" không hợp lệ');
  });
});

describe('DVC_XEPHANG', () => {
  const values = [[0.9], [0.5], [''], [0.5], [0.1]];
  test('highest first, ties share a rank and the next rank is skipped', () => {
    expect(call('DVC_XEPHANG', 0.9, values)).toBe(1);
    expect(call('DVC_XEPHANG', 0.5, values)).toBe(2);
    expect(call('DVC_XEPHANG', 0.1, values)).toBe(4);
    expect(plain(call('DVC_XEPHANG', values, values))).toEqual([[1], [2], [''], [2], [4]]);
  });

  test('a value that is not in the list, or not a number', () => {
    expect(() => call('DVC_XEPHANG', 0.7, values)).toThrow(
      'Giá trị 0.7 không có trong danh sách cần xếp hạng.',
    );
    expect(() => call('DVC_XEPHANG', 'cao', values)).toThrow('Giá trị cần xếp hạng "cao" không phải là số.');
  });
});

test('DVC_XEPHANG ranks a 20,000-cell range against itself (sorted once: the quadratic version took over a minute)', () => {
  const rows = 20000;
  const column = Array.from({ length: rows }, (_, i) => [i % 1000 === 0 ? '' : (i * 7919) % 5003]);
  const ranks = call('DVC_XEPHANG', column, column) as unknown[][];
  expect(ranks).toHaveLength(rows);
  const numbers = column.map((row) => row[0]).filter((v): v is number => typeof v === 'number');
  const greater = (v: number) => numbers.filter((other) => other > v).length;
  for (const i of [1, 2, 5003, 19999]) expect(ranks[i]?.[0]).toBe(1 + greater(column[i]?.[0] as number));
  expect(ranks[0]?.[0]).toBe('');
  expect(ranks.filter((row) => row[0] === 1)).toHaveLength(numbers.filter((v) => v === 5002).length);
});

test('DVC_XEPHANG walks its list a fixed number of times, not once per ranked cell', () => {
  // Counts the elements every array scan visits inside the script's realm: linear work stays near a
  // few passes over the list, while ranking each cell by scanning the whole list is cells × list.
  const counted = loadScript({ owner: 'owner@tinh.gov.vn' });
  const visited = { elements: 0 };
  counted.context.__visited = visited;
  vm.runInContext(
    `for (const name of ['filter', 'includes', 'indexOf', 'some', 'every', 'forEach', 'map', 'reduce', 'find', 'findIndex']) {
       const original = Array.prototype[name];
       Array.prototype[name] = function (...args) { __visited.elements += this.length; return original.apply(this, args); };
     }`,
    counted.context,
  );
  const rows = 2000;
  // Built in the script's realm, as Sheets hands a range to a custom function.
  const column = vm.runInContext(
    `Array.from({ length: ${rows} }, (_, i) => [(i * 37) % 701])`,
    counted.context,
  ) as number[][];
  counted.run('DVC_XEPHANG', column, column);
  expect(visited.elements).toBeLessThan(20 * rows);
});

test('custom functions touch no spreadsheet service', () => {
  expect(script.world.calls.total).toBe(0);
});
