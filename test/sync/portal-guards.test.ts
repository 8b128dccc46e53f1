// Guards of the portal side through the built CLI: size bounds, FIFOs, SIGTERM, redaction, empty answers, code case.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakePortal, type Fault, type PortalRequest, startFakePortal } from '../fakes/portal/server';
import { portalItems, readXlsxTabs, records, writeProvinceXlsx } from './fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'node', 'sync.cjs');
const TOKEN = 'tok-SECRET-4711';

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI; `onStart` may signal it while it runs. */
function run(args: string[], onStart?: (child: ChildProcess) => void): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir(), PORTAL_TOKEN: TOKEN },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    onStart?.(child);
  });
}

let dir: string;
let workbook: string;
let portal: FakePortal | null = null;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-guards-'));
  workbook = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(workbook);
});
afterEach(async () => {
  await portal?.close();
  portal = null;
  rmSync(dir, { recursive: true, force: true });
});

async function serve(fault?: (r: PortalRequest) => Fault | undefined, items = portalItems) {
  portal = await startFakePortal({ items, serverPageSize: 4, fault });
  return portal;
}

const THROUGH = ['--through', '2020-02'];

describe('hangs and memory', () => {
  test('a small gzip answer that inflates past 50 MiB is cut at the bound, not read whole', async () => {
    const p = await serve(() => ({ kind: 'gzip', bytes: 80 * 1024 * 1024 }));
    const result = await run(['--workbook', workbook, '--portal', p.url, '--retries', '0', ...THROUGH]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/vượt 50 MB \(sau khi giải nén\)/);
  });

  test('a body that never ends is cut at the bound well before the time-out', async () => {
    const p = await serve(() => ({ kind: 'endless' }));
    const result = await run([
      '--workbook',
      workbook,
      '--portal',
      p.url,
      '--retries',
      '0',
      '--timeout',
      '600',
      ...THROUGH,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/vượt 50 MB/);
    expect(result.ms).toBeLessThan(50_000);
  });

  test('a FIFO as --portal-file or --profile is refused at once, nothing blocks', async () => {
    const fifo = join(dir, 'xuat.csv');
    execFileSync('mkfifo', [fifo]);
    const file = await run(['--workbook', workbook, '--portal-file', fifo]);
    expect(file.code).toBe(3);
    expect(file.stderr).toMatch(/không phải là một tệp thông thường/);
    const jsonFifo = join(dir, 'cong.json');
    execFileSync('mkfifo', [jsonFifo]);
    const profile = await run(['--workbook', workbook, '--profile', jsonFifo]);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/không phải là một tệp thông thường/);
  });

  test('SIGTERM ends a run that waits on a portal that never answers', async () => {
    const p = await serve(() => ({ kind: 'hang' }));
    let sent = 0;
    const result = await run(
      ['--workbook', workbook, '--portal', p.url, '--timeout', '600', ...THROUGH],
      (child) => {
        const poll = setInterval(() => {
          if (p.requests.length > 0) {
            clearInterval(poll);
            sent = Date.now();
            child.kill('SIGTERM');
          }
        }, 20);
        child.on('close', () => clearInterval(poll));
      },
    );
    expect(sent).toBeGreaterThan(0);
    expect(result.signal === 'SIGTERM' || (result.code ?? 0) !== 0).toBe(true);
    expect(Date.now() - sent).toBeLessThan(10_000);
  });
});

describe("the portal's words", () => {
  test('a progress line echoing the token (as a page number) is redacted like errors', async () => {
    const p = await serve((r) =>
      r.month === 1 && r.page === 1 && r.attempt === 1
        ? { kind: 'body', body: { page: `${TOKEN}\u001b[2J`, totalPages: 1, items: [] } }
        : undefined,
    );
    const result = await run(['--workbook', workbook, '--portal', p.url, ...THROUGH]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/thử lại lần 1/);
    expect(result.stdout).toMatch(/\*\*\*/);
    expect(result.stdout).not.toContain(TOKEN);
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('silently wrong portal figures', () => {
  test('a portal that had rows and answers none: previous rows kept, one warning per month in Kiểm tra, the summary and the log row, exit 0', async () => {
    const full = await serve();
    const first = await run(['--workbook', workbook, '--portal', full.url, ...THROUGH]);
    expect(first.code).toBe(0);
    await full.close();
    portal = null;
    const before = records((await readXlsxTabs(workbook)).get('Dữ liệu Cổng DVC'));
    expect(before.length).toBe(10);
    const empty = await serve(undefined, () => []);
    const second = await run(['--workbook', workbook, '--portal', empty.url, ...THROUGH]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /không trả về dòng nào cho kỳ 01\/2020; 5 dòng lấy trước đó được giữ nguyên/,
    );
    expect(second.stdout).toMatch(
      /không trả về dòng nào cho kỳ 02\/2020; 5 dòng lấy trước đó được giữ nguyên/,
    );
    const tabs = await readXlsxTabs(workbook);
    // Every row kept as it was (its own Cập nhật lúc and Nguồn), stamped with the run that got nothing.
    const after = records(tabs.get('Dữ liệu Cổng DVC'));
    const stamp = after[0]?.['Nguồn trả về rỗng lúc'];
    expect(stamp).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
    expect(after).toEqual(before.map((row) => ({ ...row, 'Nguồn trả về rỗng lúc': stamp })));
    // In Kiểm tra too, derived from the tab, so the add-in's recompute says the same: one per month.
    const kept = records(tabs.get('Kiểm tra')).filter((r) => String(r['Nội dung']).includes('giữ nguyên'));
    expect(kept.map((r) => [r.Tab, r['Ô'], r['Kỳ'], r['Mức độ']])).toEqual([
      ['Dữ liệu Cổng DVC', 'K2', '01/2020', 'Cảnh báo'],
      ['Dữ liệu Cổng DVC', 'K7', '02/2020', 'Cảnh báo'],
    ]);
    const log = records(tabs.get('Nhật ký đồng bộ'), 'Kết quả');
    expect(log.map((r) => String(r['Lỗi']).includes('được giữ nguyên'))).toEqual([false, true]);
    // The figures are still those of the kept rows.
    const ratio = records(tabs.get('Tỷ lệ')).find((r) => r['Mã đơn vị'] === 'SNV');
    expect(ratio?.['Tổng số hồ sơ']).toBe(100);
  });

  test('the same row under agency codes differing only in case is not counted twice', async () => {
    const p = await serve(undefined, (year, month) => [
      ...portalItems(year, month),
      { ...(portalItems(year, month)[0] as Record<string, unknown>), agencyCode: 'h28.01' },
    ]);
    const result = await run(['--workbook', workbook, '--portal', p.url, '--retries', '0', ...THROUGH]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/h28\.01, TTHC 1\.000456 lặp lại/i);
  });

  test('codes differing only in case for different procedures are one unit', async () => {
    const p = await serve(undefined, (year, month) =>
      portalItems(year, month).map((item, i) => (i === 1 ? { ...item, agencyCode: 'h28.01' } : item)),
    );
    const result = await run(['--workbook', workbook, '--portal', p.url, ...THROUGH]);
    expect(result.code).toBe(0);
    const rows = records((await readXlsxTabs(workbook)).get('Dữ liệu Cổng DVC')).filter(
      (r) =>
        String(r['Mã đơn vị']).toLowerCase() === 'snv' || String(r['Mã đơn vị']).toLowerCase() === 'h28.01',
    );
    expect(rows.map((r) => [r.Kỳ, r['Mã đơn vị'], r['Tổng số hồ sơ đã giải quyết']])).toEqual([
      ['01/2020', 'SNV', 50],
      ['02/2020', 'SNV', 50],
    ]);
  });
});
