// The sync's run control through the built CLI: exact tab names, staging tabs it owns, the write marker
// shared with the add-in, the lock a stalled run loses, --daily's preflight, errors in Vietnamese.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { newWriteMarker, WRITE_MARKER_KEY, writeMarkerValue } from '../../src/core';
import { type FakePortal, startFakePortal } from '../fakes/portal/server';
import {
  type FakeSheets,
  type FakeSpreadsheet,
  fakeSheet,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../fakes/sheets-api/server';
import {
  ENTRIES,
  inputSheets,
  PROVINCE_TABS,
  portalItems,
  records,
  SETTINGS,
  UNITS,
  writeXlsxTabs,
} from './fixtures';
import { CLI, runCli } from './run-cli';

const TOKEN = 'ya29.run-control-token';
const ID = '1RunControlSheet0123456789abcdefgh';

const sync = (args: string[], env: Record<string, string> = {}) => runCli(args, { env, timeout: 90_000 });

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((line) => line !== '');

let dir: string;
let sheets: FakeSheets | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-run-control-'));
});
afterEach(async () => {
  await sheets?.close();
  sheets = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Entries that would make every unit reach its target: what a decoy tab feeds. */
const DECOY = [ENTRIES[0] ?? [], ...ENTRIES.slice(1).map((row) => [row[0], row[1], 100, 99])];

const googleEnv = (f: FakeSheets) => ({ SHEETS_API_ROOT: f.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN });
const sheetNamed = (f: FakeSheets, title: string) => f.spreadsheet.sheets.find((s) => s.title === title);
const labels = (f: FakeSheets) => f.requests.map(requestLabel);

describe('tabs are matched by their exact name (item 1)', () => {
  test('.xlsx: a decoy Nhập liệu typed in NFD before the real one stops the run, nothing written', async () => {
    const book = join(dir, 'tinh.xlsx');
    const nfd = 'Nhập liệu'.normalize('NFD');
    await writeXlsxTabs(book, [
      ['Cấu hình', SETTINGS],
      ['Đơn vị', UNITS],
      [nfd, DECOY],
      ...PROVINCE_TABS.slice(2),
    ]);
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    // The names as they are (the decoy in NFD), told apart by their place in the tab bar.
    expect(result.stderr).toContain(`tab thứ 3 "${nfd}"`);
    expect(lines(result.stderr.normalize('NFC'))).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[TAB_NAMES\]: Bảng tính có nhiều tab cùng tên "Nhập liệu" .*tab thứ 3 "Nhập liệu", tab thứ 4 "Nhập liệu"\. Chưa ghi gì\./,
      ),
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('.xlsx: a spacing variant of an input tab beside the real one stops the run too', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, [...PROVINCE_TABS, ['Nhập  liệu ', DECOY]]);
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('tab thứ 3 "Nhập liệu", tab thứ 5 "Nhập  liệu "');
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('Google Sheet: an unprotected "nhập liệu" added before the real tab stops the run after one request', async () => {
    const tabs = inputSheets();
    tabs.splice(2, 0, fakeSheet(99, 'nhập liệu', DECOY));
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: tabs },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.code).toBe(4);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^Lỗi đồng bộ \[TAB_NAMES\]: .*tab thứ 3 "nhập liệu", tab thứ 4 "Nhập liệu"/),
    ]);
    expect(labels(sheets)).toEqual(['get']);
  });
});

describe('user tabs are never replaced or deleted (item 3)', () => {
  test('.xlsx: "Kiểm  tra " (a spacing variant the product did not make) stops the run, the file unchanged', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, [...PROVINCE_TABS, ['Kiểm  tra ', [['ghi chú của tôi', 7]]]]);
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[TAB_NAMES\]: Không ghi được tab kết quả "Kiểm tra": tab thứ 5 "Kiểm {2}tra " trùng tên .*Hãy đổi tên tab đó/,
      ),
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('.xlsx: "TỔNG HỢP" (a case variant) is refused before writing, not replaced', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, [...PROVINCE_TABS, ['TỔNG HỢP', [['bảng của tôi']]]]);
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[TAB_NAMES\]: Không ghi được tab kết quả "Tổng hợp": tab thứ 5 "TỔNG HỢP" trùng tên/,
      ),
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('Google Sheet: "TỔNG HỢP" refused before any write; a user tab named "~dvc …" is never deleted', async () => {
    const spreadsheet: FakeSpreadsheet = {
      spreadsheetId: ID,
      locale: 'vi_VN',
      sheets: [...inputSheets(), fakeSheet(50, 'TỔNG HỢP', [['bảng của tôi']])],
    };
    sheets = await startFakeSheets({ spreadsheet, token: TOKEN });
    const refused = await sync(['--workbook', ID], googleEnv(sheets));
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(
      /\[TAB_NAMES\]: Không ghi được tab kết quả "Tổng hợp": tab thứ 5 "TỔNG HỢP"/,
    );
    expect(labels(sheets)).toEqual(['get']);
    await sheets.close();
    // A user's "~dvc Tỷ lệ" (unmarked) and a marked leftover of a crashed staged write.
    sheets = await startFakeSheets({
      spreadsheet: {
        spreadsheetId: ID,
        locale: 'vi_VN',
        sheets: [
          ...inputSheets(),
          fakeSheet(60, '~dvc Tỷ lệ', [['của tôi']]),
          { ...fakeSheet(61, '~dvc Xếp hạng', []), hidden: true },
        ],
        developerMetadata: [
          {
            metadataId: 7,
            metadataKey: 'dvc.staging',
            metadataValue: 'Xếp hạng',
            location: { locationType: 'SHEET', sheetId: 61 },
            visibility: 'DOCUMENT',
          },
        ],
      },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(valuesOf(sheetNamed(sheets, '~dvc Tỷ lệ'))).toEqual([['của tôi']]);
    expect(sheetNamed(sheets, '~dvc Xếp hạng')).toBeUndefined();
    expect(valuesOf(sheetNamed(sheets, 'Tỷ lệ')).length).toBeGreaterThan(1);
  });
});

describe('the write marker shared with the add-in (item 12, sync side)', () => {
  const marker = (by: 'addin' | 'sync', until: Date) => ({
    metadataId: 4242,
    metadataKey: WRITE_MARKER_KEY,
    metadataValue: writeMarkerValue(newWriteMarker(by, 'run-1', new Date(until.getTime() - 7 * 60_000))),
    location: { locationType: 'SPREADSHEET', spreadsheet: true },
    visibility: 'DOCUMENT',
  });

  test('the add-in is recomputing: exit 5, one line, no tab changed, no log row, no marker left', async () => {
    const addin = marker('addin', new Date(Date.now() + 5 * 60_000));
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets(), developerMetadata: [addin] },
      token: TOKEN,
    });
    const before = structuredClone(sheets.spreadsheet.sheets);
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.code).toBe(5);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^Lỗi đồng bộ \[BUSY\]: Tiện ích Dịch vụ công trong Google Sheet đang tính lại/),
    ]);
    // Read, set own marker and see the add-in's, remove own marker: nothing else.
    expect(labels(sheets)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    expect(sheets.spreadsheet.sheets.map((s) => [s.title, valuesOf(s)])).toEqual(
      before.map((s) => [s.title, valuesOf(s)]),
    );
    expect(sheets.spreadsheet.developerMetadata).toEqual([addin]);
  });

  test('an expired add-in marker does not block; the sync sets its own and removes it in its one write', async () => {
    const stale = marker('addin', new Date(Date.now() - 60_000));
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets(), developerMetadata: [stale] },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(labels(sheets)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    const claim = sheets.requests[2]?.body as {
      requests: {
        createDeveloperMetadata?: {
          developerMetadata: { metadataKey: string; metadataValue: string; visibility: string };
        };
      }[];
    };
    const created = claim.requests[0]?.createDeveloperMetadata?.developerMetadata;
    expect(created?.metadataKey).toBe(WRITE_MARKER_KEY);
    expect(created?.visibility).toBe('DOCUMENT');
    expect(JSON.parse(created?.metadataValue ?? '{}')).toMatchObject({ by: 'sync' });
    // Only the add-in's expired marker stays at spreadsheet level (each new tab carries its own mark).
    expect(sheets.spreadsheet.developerMetadata?.filter((m) => m.location?.spreadsheet)).toEqual([stale]);
    expect(valuesOf(sheetNamed(sheets, 'Nhật ký đồng bộ'))[1]?.[1]).toBe('Thành công');
  });

  test('a marker "until 9999", an unreadable one and one of an unknown writer block nothing: removed, said in the output and the log row', async () => {
    const entry = (metadataId: number, metadataValue: string) => ({
      metadataId,
      metadataKey: WRITE_MARKER_KEY,
      metadataValue,
      location: { locationType: 'SPREADSHEET', spreadsheet: true },
      visibility: 'DOCUMENT',
    });
    const forged = entry(501, JSON.stringify({ by: 'addin', runId: 'x', until: '9999-12-31T23:59:59.000Z' }));
    const unreadable = entry(502, 'đang ghi, đừng chạm');
    const unknown = entry(
      503,
      JSON.stringify({ by: 'macro', runId: 'y', until: new Date(Date.now() + 60_000).toISOString() }),
    );
    sheets = await startFakeSheets({
      spreadsheet: {
        spreadsheetId: ID,
        locale: 'vi_VN',
        sheets: inputSheets(),
        developerMetadata: [forged, unreadable, unknown],
      },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const said = 'Đã gỡ 3 dấu "đang ghi" (dvc.writing) không hợp lệ khỏi bảng tính';
    // Said once on stdout, in the summary.
    expect(result.stdout.split(said)).toHaveLength(2);
    // Removed in the one write, with this run's own marker: none is left.
    expect(labels(sheets)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    expect((sheets.spreadsheet.developerMetadata ?? []).filter((m) => m.location?.spreadsheet)).toEqual([]);
    const log = valuesOf(sheetNamed(sheets, 'Nhật ký đồng bộ'));
    expect(log[1]?.[1]).toBe('Thành công');
    expect(String(log[1]?.[5])).toContain(said);
    expect(valuesOf(sheetNamed(sheets, 'Tỷ lệ')).length).toBeGreaterThan(1);
  });

  test('a live add-in marker still blocks beside a forged one; the forged one is left for the write that goes ahead', async () => {
    const addin = marker('addin', new Date(Date.now() + 5 * 60_000));
    const forged = {
      ...addin,
      metadataId: 601,
      metadataValue: JSON.stringify({ by: 'addin', runId: 'x', until: '9999-12-31T23:59:59.000Z' }),
    };
    sheets = await startFakeSheets({
      spreadsheet: {
        spreadsheetId: ID,
        locale: 'vi_VN',
        sheets: inputSheets(),
        developerMetadata: [forged, addin],
      },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/\[BUSY\]: Tiện ích Dịch vụ công trong Google Sheet đang tính lại/);
    expect(sheetNamed(sheets, 'Tỷ lệ')).toBeUndefined();
  });

  test('the log row’s duration covers the write up to its last request (a slow marker batch shows in it)', async () => {
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets() },
      token: TOKEN,
      writeDelayMs: 1500,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.code).toBe(0);
    const log = records(valuesOf(sheetNamed(sheets, 'Nhật ký đồng bộ')), 'Bắt đầu lúc');
    expect(Number(log[0]?.['Thời gian (giây)'] ?? Object.values(log[0] ?? {})[4])).toBeGreaterThanOrEqual(
      1.5,
    );
  });
});

describe('the lock (item 4)', () => {
  let portal: FakePortal | null = null;
  let child: ChildProcess | null = null;
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await portal?.close();
    portal = null;
  });

  test('a run stopped (SIGSTOP) while another takes its lock writes nothing once resumed, and says so', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, PROVINCE_TABS);
    const before = readFileSync(book);
    let first: (() => void) | null = null;
    const asked = new Promise<void>((resolve) => {
      first = resolve;
    });
    // The portal answers each page 10 s late: the run is surely still fetching when it is stopped.
    portal = await startFakePortal({
      items: portalItems,
      delayMs: 10_000,
      fault: () => {
        first?.();
        return undefined;
      },
    });
    child = spawn(
      process.execPath,
      [CLI, '--workbook', book, '--portal', portal.url, '--through', '2020-01', '--timeout', '120'],
      {
        env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir() },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
    await asked;
    child.kill('SIGSTOP');
    // Longer than the takeover's stale time below (5 s; proper-lockfile may date its lock up to 1 s ahead):
    // the stopped run cannot refresh its lock.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const lockPath = `${book}.sync-lock`;
    const takeover = await lockfile.lock(book, { realpath: false, lockfilePath: lockPath, stale: 5000 });
    try {
      child.kill('SIGCONT');
      const code = await exited;
      expect(code).toBe(5);
      expect(lines(stderr)).toEqual([
        expect.stringMatching(/^Lỗi đồng bộ \[LOCK_LOST\]: Lần đồng bộ này đã mất khóa /),
      ]);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(stdout).not.toMatch(/Đồng bộ xong/);
      // The lock is the other run's now: the stopped run leaves it in place (it once deleted it on exit).
      expect(existsSync(lockPath)).toBe(true);
    } finally {
      await takeover();
    }
  }, 90_000);
});

describe('--daily checks before it waits (issue 12)', () => {
  const daily = (args: string[], env: Record<string, string> = {}) =>
    sync([...args, '--daily', '02:30'], env);
  /** Starts `--daily 02:30`, and once it says when the next sync is, ends it with SIGTERM: exit code, stdout. */
  async function dailyUntilWaiting(args: string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [CLI, ...args, '--daily', '02:30'], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir(), ...env },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (!/Lần đồng bộ tiếp theo/.test(stdout) && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    return { code: await exited, stdout };
  }

  test('a folder that does not exist, a text file named .xlsx: exit 4 at once with the reason', async () => {
    const missing = await daily(['--workbook', join(dir, 'khong-co', 'tinh.xlsx')]);
    expect(missing.code).toBe(4);
    expect(lines(missing.stderr)).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[WORKBOOK_FILE\]: Kiểm tra trước khi chờ giờ đồng bộ không đạt: Thư mục ".*khong-co" không tồn tại\.$/,
      ),
    ]);
    expect(missing.stdout).not.toMatch(/Lần đồng bộ tiếp theo/);
    const text = join(dir, 'tinh.xlsx');
    writeFileSync(text, 'Mã đơn vị,Tên đơn vị\n');
    const notXlsx = await daily(['--workbook', text]);
    expect(notXlsx.code).toBe(4);
    expect(notXlsx.stderr).toMatch(
      /không phải là bảng tính Excel \.xlsx hợp lệ .*\(Can't find end of central directory/,
    );
    expect(notXlsx.stdout).not.toMatch(/Lần đồng bộ tiếp theo/);
  });

  test('a sound workbook: says the check passed and when the next sync is, then waits (SIGTERM ends it, exit 0)', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, PROVINCE_TABS);
    const { code, stdout } = await dailyUntilWaiting(['--workbook', book]);
    expect(code).toBe(0);
    expect(lines(stdout).slice(0, 2)).toEqual([
      `Đã kiểm tra: mở và ghi được tệp ${book}.`,
      expect.stringMatching(/^Lần đồng bộ tiếp theo: \d\d\/\d\d\/\d{4} 02:30 \(giờ Việt Nam\)\.$/),
    ]);
  });

  test('Google Sheet: refused credentials exit 4 at once; accepted ones cost a read and a write check before waiting', async () => {
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets() },
      token: TOKEN,
    });
    const refused = await daily(['--workbook', ID], {
      SHEETS_API_ROOT: sheets.rootUrl,
      GOOGLE_OAUTH_ACCESS_TOKEN: 'ya29.expired',
    });
    expect(refused.code).toBe(4);
    expect(lines(refused.stderr)).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[AUTH\]: Kiểm tra trước khi chờ giờ đồng bộ không đạt: Google từ chối/,
      ),
    ]);
    sheets.requests.length = 0;
    const { code, stdout } = await dailyUntilWaiting(['--workbook', ID], googleEnv(sheets));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Đã kiểm tra: đăng nhập Google được, đọc được và ghi được bảng tính "Fake"/);
    expect(labels(sheets)).toEqual(['get', 'batchUpdate']);
  });
});

describe('system and library errors in one Vietnamese sentence (issue 12, item 13)', () => {
  test('an empty .xlsx, a folder named .xlsx, a path through a file, a missing export file', async () => {
    const empty = join(dir, 'rong.xlsx');
    writeFileSync(empty, '');
    const folder = join(dir, 'thu-muc.xlsx');
    mkdirSync(folder);
    const file = join(dir, 'tep.txt');
    writeFileSync(file, 'x');
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, PROVINCE_TABS);
    const cases: [string[], number, RegExp][] = [
      [
        ['--workbook', empty],
        4,
        /\[WORKBOOK_FILE\]: Không mở được tệp Excel ".*rong\.xlsx": tệp không phải là bảng tính Excel \.xlsx hợp lệ .*\(End of data reached/,
      ],
      [
        ['--workbook', folder],
        4,
        /\[WORKBOOK_FILE\]: .*đường dẫn này là một thư mục, không phải tệp; hãy đưa đường dẫn của tệp \(EISDIR: /,
      ],
      [
        ['--workbook', join(file, 'tinh.xlsx')],
        4,
        /\[WORKBOOK_FILE\]: .*một phần của đường dẫn là tệp chứ không phải thư mục; hãy kiểm tra lại đường dẫn \(ENOTDIR: /,
      ],
      [
        ['--workbook', book, '--portal-file', join(dir, 'khong-co.csv')],
        3,
        /\[PORTAL_FILE\]: Không đọc được tệp ".*khong-co\.csv": không có tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn \(ENOENT: /,
      ],
    ];
    for (const [args, code, pattern] of cases) {
      const result = await sync(args);
      expect(result.code).toBe(code);
      expect(lines(result.stderr)).toEqual([expect.stringMatching(pattern)]);
    }
    expect(readFileSync(empty).length).toBe(0);
  });

  // /sys refuses new files even to root (tests may run as root, where chmod does not bite): a folder the
  // account cannot write, as an office's read-only share would be.
  (existsSync('/sys/kernel') ? test : test.skip)(
    'a folder the account cannot write: Vietnamese reason, system words in brackets, at once with --daily',
    async () => {
      const once = await sync(['--workbook', '/sys/tinh.xlsx']);
      expect(once.code).toBe(4);
      expect(lines(once.stderr)).toEqual([
        expect.stringMatching(
          // Refused before the lock beside the workbook is tried: the folder does not take a new file.
          /^Lỗi đồng bộ \[WORKBOOK_FILE\]: Không ghi được vào thư mục "\/sys" của bảng tính \(.*; hãy .* \((EACCES|EPERM): [^)]*\)\)\.$/,
        ),
      ]);
      const daily = await sync(['--workbook', '/sys/tinh.xlsx', '--daily', '02:30']);
      expect(daily.code).toBe(4);
      expect(lines(daily.stderr)).toEqual([
        expect.stringMatching(
          /^Lỗi đồng bộ \[WORKBOOK_FILE\]: Kiểm tra trước khi chờ giờ đồng bộ không đạt: Không ghi được vào thư mục "\/sys" của bảng tính \(.*\((EACCES|EPERM): /,
        ),
      ]);
      expect(daily.stdout).not.toMatch(/Lần đồng bộ tiếp theo/);
    },
  );

  test('a garbage key file is "not a service-account key", not "Sheets unavailable"', async () => {
    const cases: [string, RegExp][] = [
      [
        '{"client_email":"a@b.iam.gserviceaccount.com","private_key":"not a key"}',
        /private_key không phải là khóa riêng PEM/,
      ],
      [
        '{"type":"authorized_user","client_id":"x","refresh_token":"y"}',
        /loại "authorized_user", cần "service_account"/,
      ],
      ['{"type":"service_account"}', /thiếu client_email, private_key/],
      ['PK\u0003\u0004 garbage', /nội dung không phải JSON/],
    ];
    for (const [content, reason] of cases) {
      const key = join(dir, 'sa.json');
      writeFileSync(key, content);
      const result = await sync(['--workbook', ID, '--retries', '0'], {
        GOOGLE_APPLICATION_CREDENTIALS: key,
      });
      expect(result.code).toBe(4);
      expect(lines(result.stderr)).toEqual([
        expect.stringMatching(
          /^Lỗi đồng bộ \[AUTH\]: Tệp ".*sa\.json" \(biến GOOGLE_APPLICATION_CREDENTIALS\) không phải là tệp khóa tài khoản dịch vụ Google/,
        ),
      ]);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr).not.toContain('not a key');
    }
  });
});
