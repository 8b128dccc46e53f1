// npm run demo: both bundled provinces through the real sync, offline, into out/<province>.xlsx (here a temporary out/, never the user's).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxTabs, records } from './fixtures';
import { runCli } from './run-cli';

const ROOT = join(__dirname, '..', '..');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-demo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demo = (args: string[]) =>
  runCli(['--out', join(dir, 'out'), ...args], {
    script: join(ROOT, 'dist', 'node', 'demo.cjs'),
    cwd: dir,
  });

test.each([
  ['hoa-binh-2020', [], 'Huyện, thành phố'],
  ['phu-tho-2026', ['--province', 'phu-tho-2026'], 'Xã, phường, đặc khu'],
])('demo %s writes out/<province>.xlsx and prints the top of the ranking', async (name, args, scope) => {
  const result = await demo(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`out/${name}.xlsx`);
  expect(result.stdout).toMatch(/Đầu bảng xếp hạng:/);
  // The summary's Kiểm tra counts, said again as planted, with where to read about them.
  const [, errors, warnings] = /Kiểm tra: (\d+) lỗi, (\d+) cảnh báo/.exec(result.stdout) ?? [];
  expect(Number(errors) + Number(warnings)).toBeGreaterThan(0);
  expect(result.stdout).toContain(`Lưu ý: ${errors} lỗi và ${warnings} cảnh báo ở trên là cố ý.`);
  expect(result.stdout).toMatch(
    /Giải thích từng trường hợp: examples\/README\.md; danh sách đầy đủ: tab Kiểm tra/,
  );
  expect(result.stdout).toContain(`  ${scope}\n     1. `);
  const tabs = await readXlsxTabs(join(dir, 'out', `${name}.xlsx`));
  expect(records(tabs.get('Tỷ lệ')).length).toBeGreaterThan(100);
  expect(records(tabs.get('Dữ liệu Cổng DVC')).length).toBeGreaterThan(100);
  expect(records(tabs.get('Nhật ký đồng bộ'), 'Bắt đầu lúc').map((r) => r['Kết quả'])).toEqual([
    'Thành công',
  ]);
});

test('an unknown province is a usage error: exit 2, one Vietnamese line naming the examples, the usage on stdout', async () => {
  const result = await demo(['--province', 'ha-noi-1999']);
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toEqual([
    expect.stringMatching(/^Lỗi đồng bộ: Không có tỉnh mẫu "ha-noi-1999"\. .*hoa-binh-2020/),
  ]);
  expect(result.stdout).toContain('npm run demo -- [--province');
  const bogus = await demo(['--tinh', 'x']);
  expect(bogus.code).toBe(2);
});
