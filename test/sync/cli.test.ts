// The sync end to end through the built CLI bundle on an .xlsx: figures, exit codes, all or nothing, idempotence.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { buildReport, type Cell, tableToGrid } from '../../src/core';
import { SYNCED_TABS, UNIT_HEADER } from '../contract-headers';
import { type FakePortal, startFakePortal } from '../fakes/portal/server';
import {
  EXPECTED_RATIO,
  INPUT_GRIDS,
  portalItems,
  readXlsxTabs,
  records,
  writeProvinceXlsx,
} from './fixtures';
import { runCli } from './run-cli';

const OUTPUT_TABS = SYNCED_TABS;

const sync = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

let dir: string;
let portal: FakePortal;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-sync-cli-'));
  portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
});
afterEach(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Output tabs without the time stamp column of Dữ liệu Cổng DVC. */
function outputsWithoutStamps(tabs: Map<string, unknown[][]>): Record<string, unknown[][]> {
  return Object.fromEntries(
    OUTPUT_TABS.map((tab) => [
      tab,
      (tabs.get(tab) ?? []).map((row) => (tab === 'Dữ liệu Cổng DVC' ? row.slice(0, 5) : row)),
    ]),
  );
}

const trimRow = (row: readonly Cell[]): unknown[] => {
  const out = row.map((c) => (c === null || c === undefined ? '' : c));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

describe('npm run sync (dist/node/sync.cjs)', () => {
  test('--help prints the usage and exits 0', async () => {
    const result = await sync(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--workbook/);
    expect(result.stdout).toMatch(/--daily HH:MM/);
    // The profiles README documents, each on its own line with what it reads; the defaults README gives.
    expect(result.stdout).toContain('[--profile dossiers|aggregated|mot-cua|dvcqg|<tệp.json>]');
    for (const name of ['dossiers', 'aggregated', 'mot-cua', 'dvcqg'])
      expect(result.stdout).toMatch(new RegExp(`^ +${name}: \\S`, 'm'));
    expect(result.stdout).toMatch(/--timeout .*\(mặc định 20\)/);
    expect(result.stdout).toMatch(/--retries .*\(mặc định 4\)/);
    expect(result.stdout).toMatch(/--concurrency .*\(mặc định 4\)/);
  });

  test('usage errors exit 2 with one clear line on stderr', async () => {
    for (const args of [
      [],
      ['--workbook', 'a.xls'],
      ['--workbook', 'x.xlsx', '--through', '13/2020'],
      ['--bogus'],
    ]) {
      const result = await sync(args);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^Lỗi đồng bộ \[USAGE\]: /);
    }
  });

  test('a small province computed by hand, cell by cell, and the same tabs as the core on the same grids', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book, { 'Ghi chú riêng': [['do not touch', 42]] });
    const result = await sync(['--workbook', book, '--portal', portal.url, '--through', '2020-03'], {
      PORTAL_TOKEN: 'tok-abcdef',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^Cổng DVC tháng \d\d\/2020/gm)).toHaveLength(3);
    expect(result.stdout).toMatch(/4 đơn vị/);
    expect(portal.requests).toHaveLength(6); // 6 items per month, 4 per page: 2 pages × 3 months
    expect(portal.requests.every((r) => r.authorization === 'Bearer tok-abcdef')).toBe(true);

    const tabs = await readXlsxTabs(book);
    const ratio = records(tabs.get('Tỷ lệ'));
    for (const [code, want] of Object.entries(EXPECTED_RATIO)) {
      const row = ratio.find((r) => r['Mã đơn vị'] === code);
      expect(row).toBeDefined();
      expect(row?.['Tổng số hồ sơ']).toBe(want.total);
      expect(row?.['Hồ sơ trực tuyến mức độ 3, 4']).toBe(want.online);
      expect(row?.['Tỷ lệ']).toBeCloseTo(want.ratio, 12);
      expect(row?.['Chỉ tiêu']).toBeCloseTo(want.target, 12);
      expect(row?.['Đánh giá']).toBe(want.status);
      expect(row?.['Hồ sơ cần thêm']).toBe(want.needed);
      expect(row?.Điểm).toBeCloseTo(want.points, 4);
    }
    expect(ratio.find((r) => r['Mã đơn vị'] === 'STP')?.['Nguồn số liệu']).toMatch(/Cổng DVC/);

    // SNV and STP tie at exactly 20%: they share rank 1, the larger online count (SNV, 30) listed first.
    const ranking = records(tabs.get('Xếp hạng')).filter((r) => r['Nhóm xếp hạng'] === 'Sở, ban, ngành');
    expect(ranking.map((r) => [r.Hạng, r['Mã đơn vị']])).toEqual([
      [1, 'SNV'],
      [1, 'STP'],
    ]);

    // Portal tab: one row per unit and month after the catalogue filter; H99.99 kept under its own code.
    const portalRows = records(tabs.get('Dữ liệu Cổng DVC'));
    const snvJanuary = portalRows.find((r) => r['Mã đơn vị'] === 'SNV' && r.Kỳ === '01/2020');
    expect(snvJanuary?.['Tổng số hồ sơ đã giải quyết']).toBe(50);
    expect(snvJanuary?.['Số hồ sơ giải quyết trực tuyến mức độ 3, 4']).toBe(10);
    expect(snvJanuary?.['Số TTHC']).toBe(2);
    const problems = records(tabs.get('Kiểm tra'));
    expect(problems.some((p) => p['Mức độ'] === 'Cảnh báo' && String(p['Nội dung']).includes('H99.99'))).toBe(
      true,
    );
    const reconciliation = records(tabs.get('Đối chiếu'));
    expect(reconciliation.some((r) => r['Mã đơn vị'] === 'STP' && r.Kỳ === '01/2020')).toBe(true);

    // Input and other tabs untouched; one success row in the log.
    expect(tabs.get('Đơn vị')).toEqual(INPUT_GRIDS.units.map((row) => trimRow(row)));
    expect(tabs.get('Ghi chú riêng')).toEqual([['do not touch', 42]]);
    const log = records(tabs.get('Nhật ký đồng bộ'), 'Bắt đầu lúc');
    expect(log).toHaveLength(1);
    expect(log[0]?.['Kết quả']).toBe('Thành công');
    expect(log[0]?.['Số đơn vị']).toBe(4);

    // The tabs equal the core's tables for the same grids (what the add-in's recompute writes).
    const input = {
      ...INPUT_GRIDS,
      portal: tabs.get('Dữ liệu Cổng DVC') as Cell[][],
    };
    const report = buildReport(input, { now: new Date(), through: { year: 2020, month: 3 } });
    for (const [tab, table] of [
      ['Tỷ lệ', report.tables.ratio],
      ['Xếp hạng', report.tables.ranking],
      ['Kiểm tra', report.tables.problems],
      ['Đối chiếu', report.tables.reconciliation],
      ['Tổng hợp', report.tables.overview],
    ] as const) {
      expect(tabs.get(tab)).toEqual(tableToGrid(table).map(trimRow));
    }
  });

  test('same sync twice gives the same workbook (time stamps and log rows aside)', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const args = ['--workbook', book, '--portal', portal.url, '--through', '2020-03'];
    expect((await sync(args)).code).toBe(0);
    const first = await readXlsxTabs(book);
    expect((await sync(args)).code).toBe(0);
    const second = await readXlsxTabs(book);
    expect(outputsWithoutStamps(second)).toEqual(outputsWithoutStamps(first));
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(records(second.get('Nhật ký đồng bộ'), 'Bắt đầu lúc')).toHaveLength(2);
  });

  test('a month that fails after retries: output tabs unchanged, one failure row logged, exit 3', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    expect((await sync(['--workbook', book, '--portal', portal.url, '--through', '2020-03'])).code).toBe(0);
    const before = await readXlsxTabs(book);
    const failing = await startFakePortal({
      items: portalItems,
      fault: (r) => (r.month === 2 ? { kind: 'status', status: 503, retryAfter: '0' } : undefined),
    });
    try {
      const result = await sync(
        ['--workbook', book, '--portal', failing.url, '--through', '2020-03', '--retries', '2'],
        { PORTAL_TOKEN: 'tok-secret-99' },
      );
      expect(result.code).toBe(3);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/02\/2020.*HTTP 503/);
      expect(failing.requests.filter((r) => r.month === 2)).toHaveLength(3);
    } finally {
      await failing.close();
    }
    const after = await readXlsxTabs(book);
    for (const tab of OUTPUT_TABS) expect(after.get(tab)).toEqual(before.get(tab));
    const log = records(after.get('Nhật ký đồng bộ'), 'Bắt đầu lúc');
    expect(log).toHaveLength(2);
    expect(log[1]?.['Kết quả']).toBe('Thất bại');
    expect(String(log[1]?.Lỗi)).toMatch(/Không lấy đủ số liệu tháng 02\/2020 từ Cổng DVC/);
    expect(String(log[1]?.Lỗi)).not.toContain('tok-secret-99');
  });

  test('a portal export file gives the same figures as the HTTP portal', async () => {
    const viaHttp = join(dir, 'http.xlsx');
    const viaFile = join(dir, 'file.xlsx');
    await writeProvinceXlsx(viaHttp);
    await writeProvinceXlsx(viaFile);
    expect((await sync(['--workbook', viaHttp, '--portal', portal.url, '--through', '2020-03'])).code).toBe(
      0,
    );
    const csv = [
      'Kỳ;Mã đơn vị;Mã TTHC;Tổng số hồ sơ đã giải quyết;Số hồ sơ giải quyết trực tuyến',
      ...[1, 2, 3].flatMap((m) =>
        portalItems(2020, m).map(
          (i) =>
            `Tháng ${m}/2020;${i.agencyCode};${i.procedureCode};${i.resolvedCount};${i.resolvedOnlineCount}`,
        ),
      ),
    ].join('\r\n');
    const file = join(dir, 'export.csv');
    writeFileSync(file, `\uFEFF${csv}\r\n`);
    const result = await sync(['--workbook', viaFile, '--portal-file', file, '--through', '2020-03']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const a = outputsWithoutStamps(await readXlsxTabs(viaHttp));
    const b = outputsWithoutStamps(await readXlsxTabs(viaFile));
    expect(b).toEqual(a);
  });

  test('a bad export row fails the run with file:row, nothing written but the log', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến\n01/2020,H28.01,1.000456,40,10\n02/2020,H28.01,1.000456,mười,1\n',
    );
    const result = await sync(['--workbook', book, '--portal-file', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file}:3:`);
    const tabs = await readXlsxTabs(book);
    expect(tabs.has('Tỷ lệ')).toBe(false);
    expect(records(tabs.get('Nhật ký đồng bộ'), 'Bắt đầu lúc')).toHaveLength(1);
  });

  test('--dry-run computes and prints the summary but writes nothing', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const bytes = readFileSync(book);
    const mtime = statSync(book).mtimeMs;
    const result = await sync([
      '--workbook',
      book,
      '--portal',
      portal.url,
      '--through',
      '2020-03',
      '--dry-run',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--dry-run/);
    expect(readFileSync(book).equals(bytes)).toBe(true);
    expect(statSync(book).mtimeMs).toBe(mtime);
  });

  test('without a portal option it recomputes from the workbook alone; a new path with --tao-moi gets a usable template', async () => {
    const book = join(dir, 'moi.xlsx');
    const result = await sync(['--workbook', book, '--tao-moi']);
    expect(result.code).toBe(0);
    const tabs = await readXlsxTabs(book);
    expect(tabs.get('Đơn vị')?.[0]).toEqual([...UNIT_HEADER]);
    expect(tabs.get('Cấu hình')?.map((row) => row[0])).toContain('Kỳ báo cáo đến');
    expect(tabs.has('Tỷ lệ')).toBe(true);
    expect(tabs.has('Dữ liệu Cổng DVC')).toBe(false);
  });

  test('a chart PNG that cannot be written: one Vietnamese line saying why, the workbook saved, exit 0', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    // A folder where the PNG goes: the rename onto it fails (EISDIR), after the workbook is saved.
    const png = join(dir, 'tinh.chart.png');
    mkdirSync(png);
    const result = await sync(['--workbook', book]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line.includes('biểu đồ'));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Không tạo được tệp ảnh biểu đồ ${png.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: đường dẫn này là một thư mục, không phải tệp; hãy đưa đường dẫn của tệp \\(EISDIR[^\\n]*\\)\\. Sổ tính vẫn được ghi đầy đủ, biểu đồ vẫn có trong tab Tổng hợp\\.$`,
        ),
      ),
    ]);
    expect(statSync(png).isDirectory()).toBe(true);
    const tabs = await readXlsxTabs(book);
    expect(tabs.get('Nhật ký đồng bộ')?.[1]?.[1]).toBe('Thành công');
    expect(records(tabs.get('Tỷ lệ')).find((row) => row['Mã đơn vị'] === 'STP')?.['Tổng số hồ sơ']).toBe(20);
    // The next run with the folder gone writes the PNG and says where.
    rmSync(png, { recursive: true });
    const again = await sync(['--workbook', book]);
    expect(again.stdout).toContain(`Biểu đồ tỷ lệ so với chỉ tiêu: ${png}`);
    expect(again.stdout).not.toContain('Không tạo được');
    expect(statSync(png).isFile()).toBe(true);
  });

  test('a second sync of the same workbook while one runs exits 5 and writes nothing', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const release = await lockfile.lock(book, { realpath: false, lockfilePath: `${book}.sync-lock` });
    try {
      const result = await sync(['--workbook', book, '--portal', portal.url]);
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(/\[LOCKED\]/);
      expect(portal.requests).toHaveLength(0);
    } finally {
      await release();
    }
  });
});
