// First run of npm run sync through the built bundle: missing or wrong options say what to type, in one or two lines.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

const sync = (args: string[], cwd: string) => runCli(args, { cwd });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-first-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = 'Ví dụ: npm run sync -- --workbook tinh.xlsx';

describe('npm run sync on a first try', () => {
  test.each([
    [[], 'Thiếu --workbook'],
    [['--wb', 'tinh.xlsx'], 'không có tùy chọn --wb'],
    // `npm run sync --workbook tinh.xlsx` (no --) leaves npm the option and the script the bare path.
    [['tinh.xlsx'], 'npm run sync -- --workbook tinh.xlsx'],
    [['--workbook'], 'tùy chọn --workbook cần một giá trị'],
  ])('%j: the problem in one stderr line, exit 2, and an example on stdout', async (args, problem) => {
    const result = await sync(args, dir);
    expect(result.code).toBe(2);
    const errorLines = result.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^Lỗi đồng bộ \[USAGE\]: /);
    expect(errorLines[0]).toContain(problem);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringContaining(EXAMPLE)]);
    expect(result.stdout).toContain('npm run demo');
  });

  test('a workbook in a folder that does not exist is named plainly, before any lock', async () => {
    const result = await sync(['--workbook', join(dir, 'khong-co', 'tinh.xlsx')], dir);
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toBe(
      `Lỗi đồng bộ [WORKBOOK_FILE]: Thư mục "${join(dir, 'khong-co')}" không tồn tại.`,
    );
    expect(existsSync(join(dir, 'khong-co'))).toBe(false);
  });

  test('a mistyped workbook path stops with exit 4 and names the file and --tao-moi; nothing is created', async () => {
    await writeProvinceXlsx(join(dir, 'tinh.xlsx'));
    const result = await sync(['--workbook', 'tnh.xlsx'], dir);
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toBe(
      `Lỗi đồng bộ [WORKBOOK_FILE]: Không có tệp "${join(dir, 'tnh.xlsx')}". Hãy kiểm tra lại đường dẫn và tên tệp. Nếu muốn tạo bảng tính mới ở đó, chạy lại với thêm --tao-moi.`,
    );
    expect(readdirSync(dir)).toEqual(['tinh.xlsx']);
  });

  test('--tao-moi is for a local .xlsx only: with a Google Sheet id it is a usage error', async () => {
    const result = await sync(
      ['--workbook', '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEf', '--tao-moi'],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--tao-moi chỉ dùng với tệp .xlsx trên máy');
  });

  test('the example from the hint works: a new workbook gets its tabs, and the summary names the chart', async () => {
    const empty = await sync(['--workbook', 'tinh.xlsx', '--tao-moi'], dir);
    expect(empty.code).toBe(0);
    expect(existsSync(join(dir, 'tinh.xlsx'))).toBe(true);
    // A new workbook is said; no unit yet, so no chart, and the output says why.
    expect(empty.stdout).toContain(`Đã tạo bảng tính mới ${join(dir, 'tinh.xlsx')}`);
    expect(empty.stdout).toContain('Chưa vẽ biểu đồ: chưa nhóm xếp hạng nào có đơn vị');
    expect(existsSync(join(dir, 'tinh.chart.png'))).toBe(false);
    // The second run on it: not new any more.
    const again = await sync(['--workbook', 'tinh.xlsx'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Đã tạo bảng tính mới');

    const book = join(dir, 'tinh-that.xlsx');
    await writeProvinceXlsx(book);
    const result = await sync(['--workbook', book], dir);
    expect(result.code).toBe(0);
    const chart = join(dir, 'tinh-that.chart.png');
    expect(result.stdout).toContain(
      `Biểu đồ tỷ lệ so với chỉ tiêu: ${chart} (cũng được chèn vào tab Tổng hợp).`,
    );
    expect(result.stdout).not.toContain('Đã tạo bảng tính mới');
    expect(result.stdout).not.toContain('Chưa vẽ biểu đồ');
    expect(readFileSync(chart).subarray(1, 4).toString()).toBe('PNG');
  });
});
