// Saving a local workbook keeps the file what it was (issue 13, break 7): a link stays a link, mode and owner stay, read-only is refused; through the built CLI.
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeProvinceXlsx } from './fixtures';
import { CLI, runCli } from './run-cli';

const sync = (args: string[]) => runCli(args, { timeout: 120_000 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-identity-'));
});
afterEach(() => {
  // A read-only folder of a test must be writable again to be removed.
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;
const temps = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('the identity of a local workbook across a sync', () => {
  test('a symbolic link is written through: the link stays, its target gets the tabs', async () => {
    const real = join(dir, 'that');
    mkdirSync(real);
    const target = join(real, 'tinh.xlsx');
    await writeProvinceXlsx(target);
    const before = readFileSync(target);
    const link = join(dir, 'tinh.xlsx');
    symlinkSync(target, link);
    const result = await sync(['--workbook', link]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(false);
    expect(readdirSync(real)).toEqual(['tinh.xlsx']);
    expect(temps(dir)).toEqual([]);
    // The chart PNG goes beside the name the office uses.
    expect(existsSync(join(dir, 'tinh.chart.png'))).toBe(true);
  });

  test('a 0600 workbook stays 0600, and its chart PNG gets the same mode', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    chmodSync(book, 0o600);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(0);
    expect(modeOf(book)).toBe(0o600);
    expect(modeOf(join(dir, 'tinh.chart.png'))).toBe(0o600);
    // A 0640 one stays 0640 on the next run (the mode is copied, not fixed).
    chmodSync(book, 0o640);
    expect((await sync(['--workbook', book])).code).toBe(0);
    expect(modeOf(book)).toBe(0o640);
    expect(modeOf(join(dir, 'tinh.chart.png'))).toBe(0o640);
  });

  test('a read-only workbook is refused before anything runs: exit 4, one line, the file untouched', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    chmodSync(book, 0o444);
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    expect(result.stderr.trim().split('\n')).toEqual([
      `Lỗi đồng bộ [WORKBOOK_FILE]: Chưa ghi gì: tệp Excel "${book}" đang ở chế độ chỉ đọc. Hãy bỏ chế độ chỉ đọc (hoặc chỉ định tệp khác) rồi chạy lại.`,
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(modeOf(book)).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['tinh.xlsx']);
    // A dry run only reads: allowed.
    const dry = await sync(['--workbook', book, '--dry-run']);
    expect(dry.code).toBe(0);
  });

  test('a read-only folder is refused before anything runs, the workbook untouched', async () => {
    const folder = join(dir, 'chi-doc');
    mkdirSync(folder);
    const book = join(folder, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const before = readFileSync(book);
    chmodSync(folder, 0o555);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    // An ordinary user is refused by the system (its reason in brackets); root is stopped by the
    // folder's permission bits, which it would otherwise ignore.
    const line = result.stderr.trim();
    if (process.getuid?.() === 0) {
      expect(line).toBe(
        `Lỗi đồng bộ [WORKBOOK_FILE]: Chưa ghi gì: không được phép ghi vào thư mục "${folder}" (cần quyền ghi để lưu tệp Excel an toàn). Hãy cấp quyền ghi hoặc chọn thư mục khác.`,
      );
    } else {
      expect(line).toMatch(
        new RegExp(
          `^Lỗi đồng bộ \\[WORKBOOK_FILE\\]: Không ghi được vào thư mục "${folder}" của bảng tính \\(.*\\(EACCES`,
        ),
      );
    }
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(['tinh.xlsx']);
  });

  // Giving a file to another owner needs root: this case runs where the tests run as root (as here).
  const asRoot = process.getuid?.() === 0 ? test : test.skip;
  asRoot('the owner and group of the workbook stay those of the office, not of the sync', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    chownSync(book, 4321, 4322);
    chmodSync(book, 0o660);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(0);
    const info = statSync(book);
    expect([info.uid, info.gid, info.mode & 0o777]).toEqual([4321, 4322, 0o660]);
    const png = statSync(join(dir, 'tinh.chart.png'));
    expect([png.uid, png.gid]).toEqual([4321, 4322]);
  });

  // The sync as an ordinary user (nobody) in the workbook's group, on a file another user owns: the file
  // cannot be given back to its owner, but it keeps its group and mode, so the group can still use it.
  // nobody must be able to load the built CLI: a checkout in a private folder (mktemp -d, /root) is out of
  // its reach, and then this case cannot run there; it skips and its name says why.
  const cliUnreadable = process.getuid?.() === 0 ? unreadableByNobody(CLI) : null;
  const asNobody = process.getuid?.() === 0 && !cliUnreadable ? test : test.skip;
  asNobody(
    `run by a member of its group, a shared workbook keeps its group and mode${cliUnreadable ? ` (skipped: ${cliUnreadable})` : ''}`,
    async () => {
      const group = 4323;
      // nobody must reach the folder: not under this test run's private TMPDIR (0700), but beside it.
      const runDir = process.env.DVC_TEST_RUN_DIR;
      const shared = mkdtempSync(join(runDir ? dirname(runDir) : tmpdir(), 'dvc-xlsx-group-'));
      chmodSync(shared, 0o777);
      try {
        const book = join(shared, 'tinh.xlsx');
        await writeProvinceXlsx(book);
        chownSync(book, 4321, group);
        chmodSync(book, 0o664);
        const drop = `process.setgroups([${group}]); process.setgid(65534); process.setuid(65534); require(${JSON.stringify(CLI)});`;
        const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            ['-e', drop, 'x', '--workbook', book],
            { env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 },
            (error, _stdout, stderr) =>
              resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
          );
        });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const info = statSync(book);
        expect([info.uid, info.gid, info.mode & 0o777]).toEqual([65534, group, 0o664]);
      } finally {
        rmSync(shared, { recursive: true, force: true });
      }
    },
  );
});

/** Why the user nobody cannot load `file` (a folder on its path it may not enter), or null when it can. */
function unreadableByNobody(file: string): string | null {
  const probe = `process.setgid(65534); process.setuid(65534); require('node:fs').accessSync(${JSON.stringify(file)}, require('node:fs').constants.R_OK);`;
  try {
    execFileSync(process.execPath, ['-e', probe], { stdio: 'pipe', env: { PATH: process.env.PATH ?? '' } });
    return null;
  } catch {
    return `the user nobody cannot read ${file}: the checkout is in a folder only root may enter`;
  }
}
