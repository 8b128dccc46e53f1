// A sync, then the built add-in's recompute on what it wrote: Kiểm tra (and every output tab) identical, feed problems kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScript, type Value } from '../fakes/apps-script';
import { type FakePortal, startFakePortal } from '../fakes/portal/server';
import { ENTRIES, readXlsxTabs, records, SETTINGS, trimGrid, UNITS, writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

const OWNER = 'owner@example.vn';
const INPUT_TABS = ['Cấu hình', 'Đơn vị', 'Nhập liệu', 'Danh mục DVC', 'Dữ liệu Cổng DVC'];
const COMPARED = ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Tổng hợp'];
const THROUGH = '2020-02';
// The sync's --through, as the add-in reads it (the add-in has no command line).
const SETTINGS_THROUGH = [...SETTINGS, ['Kỳ báo cáo đến', '02/2020', '']];
// In the fixture province's catalogue: 1.000456 and 1.000532.
const CATALOGUE = [
  ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
  ['1.000456', 'Cấp Phiếu lý lịch tư pháp', 4],
  ['1.000532', 'Đăng ký khai sinh', 3],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-feed-parity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sync = (args: string[]) => runCli(args, { timeout: 0 });

/** The built add-in's Tính lại tỷ lệ và xếp hạng on the input tabs exactly as the sync left them. */
function recomputeInAddin(synced: Map<string, unknown[][]>): (tab: string) => unknown[][] {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet, world } = script;
  for (const tab of INPUT_TABS) spreadsheet._load(tab, (synced.get(tab) ?? []) as Value[][]);
  script.run('onOpen', { authMode: 'LIMITED' });
  const recompute = world.menus[0]?.items.find(
    (i) => i.caption === 'Tính lại tỷ lệ và xếp hạng',
  )?.functionName;
  expect(recompute).toBeDefined();
  script.run(recompute as string);
  return (tab) => trimGrid(spreadsheet._sheet(tab)._values());
}

async function expectParity(book: string): Promise<Record<string, unknown>[]> {
  const synced = await readXlsxTabs(book);
  const addin = recomputeInAddin(synced);
  for (const tab of COMPARED)
    expect({ tab, grid: addin(tab) }).toEqual({ tab, grid: trimGrid(synced.get(tab) ?? []) });
  return records(synced.get('Kiểm tra'));
}

const feedProblems = (checks: Record<string, unknown>[]) =>
  checks
    .filter((r) => (r.Tab === 'Danh mục DVC' || r.Tab === 'Dữ liệu Cổng DVC') && r['Ô'] === '')
    .map((r) => [r.Tab, r['Mức độ'], r['Nội dung']]);

test('an export file with an unmatched catalogue and rows without Mã TTHC: the Lỗi and the Cảnh báo survive the add-in', async () => {
  const sub = mkdtempSync(join(dir, 'export-'));
  const book = join(sub, 'tinh.xlsx');
  const csv = join(sub, 'xuat.csv');
  await writeProvinceXlsx(book, { 'Cấu hình': SETTINGS_THROUGH, 'Danh mục DVC': CATALOGUE });
  // Codes 9.1 and 9.2 are not in the catalogue; two rows have no Mã TTHC (H28.01 01/2020, H28.02 02/2020).
  writeFileSync(
    csv,
    'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến\n' +
      '01/2020,H28.01,9.1,40,10\n' +
      '01/2020,H28.01,,10,5\n' +
      '01/2020,H28.02,9.2,20,4\n' +
      '02/2020,H28.02,,6,6\n',
  );
  const run = await sync(['--workbook', book, '--portal-file', csv, '--through', THROUGH]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const checks = await expectParity(book);
  expect(feedProblems(checks)).toEqual([
    ['Danh mục DVC', 'Lỗi', expect.stringContaining('Không mã TTHC nào có hồ sơ trên Cổng DVC (2 dòng')],
    ['Dữ liệu Cổng DVC', 'Cảnh báo', expect.stringMatching(/^2 dòng không có Mã TTHC/)],
  ]);
  const tabs = await readXlsxTabs(book);
  expect(
    records(tabs.get('Dữ liệu Cổng DVC')).map((r) => [
      r.Kỳ,
      r['Mã đơn vị'],
      r['Tổng số hồ sơ đã giải quyết'],
      r['Số TTHC'],
      r['Số TTHC thuộc danh mục'],
      r['Số dòng không có Mã TTHC'],
    ]),
  ).toEqual([
    ['01/2020', 'SNV', 50, 2, 0, 1],
    ['01/2020', 'STP', 20, 1, 0, 0],
    ['02/2020', 'STP', 6, 1, 0, 1],
  ]);
  // The file is named in the run's output; Kiểm tra has the count.
  expect(run.stdout).toContain('xuat.csv: 2 dòng không có Mã TTHC');
});

describe('the mot-cua portal', () => {
  let portal: FakePortal | null = null;
  afterEach(async () => {
    await portal?.close();
    portal = null;
  });

  /**
   * Aggregated rows per agency; H28 is the province's own total (no parent code), H28.99 an agency of another
   * level that maps to no unit.
   */
  const rows = (_year: number, month: number) => [
    {
      maThongKe: 'H28',
      maThongKeCha: null,
      tongHoSoPhatSinh: 999,
      hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: 500,
    },
    {
      maThongKe: 'H28.01',
      maThongKeCha: 'H28',
      tongHoSoPhatSinh: 40 + month,
      hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: 12,
    },
    {
      maThongKe: 'H28.02',
      maThongKeCha: 'H28',
      tongHoSoPhatSinh: 20,
      hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: null,
    },
    {
      maThongKe: 'H28.99',
      maThongKeCha: 'H28',
      tongHoSoPhatSinh: 7,
      hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: 1,
    },
  ];

  test('aggregated rows: identical tabs, no catalogue Lỗi even with an empty catalogue', async () => {
    portal = await startFakePortal({ shape: { kind: 'mot-cua', rows } });
    const book = join(mkdtempSync(join(dir, 'mot-cua-')), 'tinh.xlsx');
    await writeProvinceXlsx(book, {
      'Cấu hình': SETTINGS_THROUGH,
      'Danh mục DVC': [CATALOGUE[0] as string[]],
    });
    const run = await sync([
      '--workbook',
      book,
      '--portal',
      portal.url,
      '--profile',
      'mot-cua',
      '--through',
      THROUGH,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const checks = await expectParity(book);
    expect(feedProblems(checks)).toEqual([]);
    // The province total (no maThongKeCha) is skipped without a word (issue 19); an agency of another
    // level that maps to no unit is one Cảnh báo per month, on its own row, in both halves.
    expect(checks.filter((r) => r['Mã đơn vị'] === 'H28')).toEqual([]);
    expect(checks.filter((r) => r['Mã đơn vị'] === 'H28.99').map((r) => [r['Ô'], r['Mức độ']])).toEqual([
      ['J4', 'Cảnh báo'],
      ['J7', 'Cảnh báo'],
    ]);
  });

  test('a portal that answers nothing: the warning is the run’s (output, Nhật ký đồng bộ), Kiểm tra identical', async () => {
    portal = await startFakePortal({ shape: { kind: 'mot-cua', rows: () => [] } });
    const book = join(mkdtempSync(join(dir, 'empty-')), 'tinh.xlsx');
    await writeProvinceXlsx(book, { 'Cấu hình': SETTINGS_THROUGH, 'Nhập liệu': ENTRIES, 'Đơn vị': UNITS });
    const run = await sync([
      '--workbook',
      book,
      '--portal',
      portal.url,
      '--profile',
      'mot-cua',
      '--through',
      THROUGH,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/không trả về dòng số liệu nào cho 01\/2020–02\/2020/);
    const checks = await expectParity(book);
    expect(checks.filter((r) => String(r['Nội dung']).includes('không trả về'))).toEqual([]);
    const tabs = await readXlsxTabs(book);
    const log = records(tabs.get('Nhật ký đồng bộ'), 'Kết quả');
    expect(log).toHaveLength(1);
    expect(String(log[0]?.['Lỗi'])).toMatch(/không trả về dòng số liệu nào cho 01\/2020–02\/2020/);
  });
});
