// The one translator of system and library errors: each errno and each load failure of a non-.xlsx file
// becomes a Vietnamese reason with what to do, the system's own words kept in brackets.
import { readFileSync } from 'node:fs';
import { exitCodeOf, reasonOf, SyncError, translate } from '../../sync/errors';
import { withoutChildren, XmlPartError } from '../../sync/workbook/xlsx-xml';

/** An error as Node raises it: code and message `CODE: text, syscall 'path'`. */
const nodeError = (code: string, text: string) =>
  Object.assign(new Error(`${code}: ${text}, open '/data/tinh.xlsx'`), { code, syscall: 'open' });

test.each([
  ['EACCES', 'permission denied', /không có quyền truy cập; hãy cấp quyền đọc, ghi/],
  ['EPERM', 'operation not permitted', /đang mở trong Excel, hoặc thiếu quyền/],
  ['EROFS', 'read-only file system', /chỉ cho phép đọc; hãy chọn một thư mục ghi được/],
  ['ENOSPC', 'no space left on device', /hết chỗ trống; hãy giải phóng dung lượng/],
  ['ENOENT', 'no such file or directory', /không có tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn/],
  ['EISDIR', 'illegal operation on a directory', /là một thư mục, không phải tệp/],
  ['ENOTDIR', 'not a directory', /là tệp chứ không phải thư mục/],
  ['EBUSY', 'resource busy or locked', /chương trình khác sử dụng/],
  ['EIO', 'i/o error', /ổ đĩa báo lỗi đọc ghi/],
  ['EXYZ', 'something new', /hệ thống báo lỗi khi đọc hoặc ghi tệp/],
])('%s: a Vietnamese reason with the fix, the system words in brackets', (code, text, sentence) => {
  const error = nodeError(code, text);
  const reason = reasonOf(error) ?? '';
  expect(reason).toMatch(sentence);
  expect(reason.endsWith(`(${error.message})`)).toBe(true);
});

test('a SyncError quoting a system error has the quote replaced; the code and exit code stay', () => {
  const cause = nodeError('EROFS', 'read-only file system');
  const error = new SyncError(
    'WORKBOOK_FILE',
    `Không ghi được tệp Excel "/data/tinh.xlsx": ${cause.message}.`,
    {
      cause,
    },
  );
  const translated = translate(error);
  expect(translated.code).toBe('WORKBOOK_FILE');
  expect(exitCodeOf(translated)).toBe(4);
  expect(translated.message).toBe(
    `Không ghi được tệp Excel "/data/tinh.xlsx": ổ đĩa hoặc thư mục này chỉ cho phép đọc; hãy chọn một thư mục ghi được (${cause.message}).`,
  );
});

test('a bare system error is SYSTEM (exit 4), not a bug to report; anything else stays INTERNAL (exit 1)', () => {
  const system = translate(nodeError('ENOSPC', 'no space left on device'));
  expect(system.code).toBe('SYSTEM');
  expect(exitCodeOf(system)).toBe(4);
  expect(system.message).toMatch(/^Lỗi hệ thống: ổ đĩa đã hết chỗ trống/);
  const bug = translate(new TypeError('x is undefined'));
  expect(bug.code).toBe('INTERNAL');
  expect(exitCodeOf(bug)).toBe(1);
});

test('jszip and exceljs load failures read as "not a valid .xlsx"; other texts are left alone', () => {
  for (const text of [
    "Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/jszip/documentation/howto/read_zip.html",
    'End of data reached (data length = 0, asked index = 4). Corrupted zip ?',
  ]) {
    expect(reasonOf(new Error(text))).toMatch(/^tệp không phải là bảng tính Excel \.xlsx hợp lệ .*\(.*\)$/);
  }
  expect(reasonOf(new Error('Cổng DVC trả lỗi HTTP 500'))).toBeNull();
});

test('the exit codes README documents: BUSY and LOCK_LOST are 5, TAB_NAMES and SYSTEM 4', () => {
  expect(
    ['BUSY', 'LOCK_LOST', 'TAB_NAMES', 'SYSTEM'].map((code) => exitCodeOf(new SyncError(code as never, ''))),
  ).toEqual([5, 5, 4, 4]);
  const readme = readFileSync(`${__dirname}/../../README.md`, 'utf8');
  expect(readme).toMatch(/\| 5 +\| `LOCKED`, `LOCK_LOST`, `BUSY`/);
  expect(readme).toMatch(/\| 4 +\| .*`TAB_NAMES`, `SYSTEM`/);
});

test('a package part that is not well-formed XML reads as a damaged .xlsx; a file in use or saved meanwhile exits 5', () => {
  const damaged = (() => {
    try {
      withoutChildren('<worksheet><sheetData>', 'xl/worksheets/sheet1.xml', new Set(['drawing']));
    } catch (error) {
      return error;
    }
    return null;
  })();
  expect(damaged).toBeInstanceOf(XmlPartError);
  expect(reasonOf(damaged)).toMatch(
    /^tệp không phải là bảng tính Excel \.xlsx hợp lệ .*\(xl\/worksheets\/sheet1\.xml: /,
  );
  expect(exitCodeOf(new SyncError('FILE_IN_USE', 'x'))).toBe(5);
  expect(exitCodeOf(new SyncError('FILE_CHANGED', 'x'))).toBe(5);
});
