// The add-in's recompute (dist/Code.js in the Apps Script fake) and the sync give identical tabs for the same inputs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScript, type Value } from '../fakes/apps-script';
import { type FakePortal, startFakePortal } from '../fakes/portal/server';
import {
  CATALOGUE,
  ENTRIES,
  portalItems,
  readXlsxTabs,
  SETTINGS,
  UNITS,
  writeProvinceXlsx,
} from './fixtures';

const OWNER = 'owner@example.vn';
const COMPARED = ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Tổng hợp'];

const trim = (grid: readonly (readonly unknown[])[]): unknown[][] => {
  const rows = grid.map((row) => {
    const out = [...row];
    while (out.length > 0 && (out[out.length - 1] === '' || out[out.length - 1] === null)) out.pop();
    return out;
  });
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
  return rows;
};

let dir: string;
let portal: FakePortal;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-parity-'));
  portal = await startFakePortal({ items: portalItems });
});
afterAll(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

test('sync on an .xlsx, then the add-in recomputes the same grids: every output tab identical', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const code = await new Promise<number>((resolve) =>
    execFile(
      process.execPath,
      [
        join(__dirname, '..', '..', 'dist', 'node', 'sync.cjs'),
        '--workbook',
        book,
        '--portal',
        portal.url,
        '--through',
        '2020-03',
      ],
      { env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir() } },
      (error) => resolve(error ? 1 : 0),
    ),
  );
  expect(code).toBe(0);
  const synced = await readXlsxTabs(book);

  const script = loadScript({ owner: OWNER });
  const { spreadsheet, world } = script;
  const settings = [...SETTINGS, ['Kỳ báo cáo đến', '03/2020', '']];
  spreadsheet._load('Cấu hình', settings as Value[][]);
  spreadsheet._load('Đơn vị', UNITS as Value[][]);
  spreadsheet._load('Nhập liệu', ENTRIES as Value[][]);
  spreadsheet._load('Danh mục DVC', CATALOGUE as Value[][]);
  spreadsheet._load('Dữ liệu Cổng DVC', synced.get('Dữ liệu Cổng DVC') as Value[][]);
  script.run('onOpen', { authMode: 'LIMITED' });
  const recompute = world.menus[0]?.items.find(
    (i) => i.caption === 'Tính lại tỷ lệ và xếp hạng',
  )?.functionName;
  expect(recompute).toBeDefined();
  script.run(recompute as string);

  expect(trim(synced.get('Tỷ lệ') ?? []).length).toBe(2 + 1 + 4); // title, period, header, 4 units
  for (const tab of COMPARED) {
    const addin = trim(spreadsheet._sheet(tab)._values());
    expect({ tab, grid: addin }).toEqual({ tab, grid: trim(synced.get(tab) ?? []) });
  }
});
