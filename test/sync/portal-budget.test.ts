// Contract §10.5: one run holds at most 512 MiB of portal answers in all; past the bound it stops cleanly.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerBudget, KEPT_RECORD_BYTES, MAX_RUN_ANSWER_BYTES } from '../../sync/portal/http';
import { dossierItems, type FakePortal, startFakePortal } from '../fakes/portal/server';
import { readXlsxTabs, records, writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

let dir: string;
let portal: FakePortal | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-budget-'));
});
afterEach(async () => {
  await portal?.close();
  portal = null;
  rmSync(dir, { recursive: true, force: true });
});

/** 60 agencies × 50 procedures = 3,000 rows a month, sent 500 to a page: 6 pages of about 60 KB. */
const ITEMS = dossierItems(
  Array.from({ length: 60 }, (_, a) => `H28.${String(a + 1).padStart(2, '0')}`),
  Array.from({ length: 50 }, (_, p) => `1.${String(p).padStart(6, '0')}`),
);

const OUTPUT_TABS = ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Tổng hợp', 'Dữ liệu Cổng DVC'];

test('the budget counts bytes received and records kept, and refuses past its limit', () => {
  expect(MAX_RUN_ANSWER_BYTES).toBe(536_870_912);
  const budget = new AnswerBudget(1_000_000);
  budget.take(600_000);
  budget.take(3000 * KEPT_RECORD_BYTES); // 360,000: 960,000 in all, still within
  expect(budget.usedBytes).toBe(960_000);
  expect(() => budget.take(40_001)).toThrow(
    expect.objectContaining({ code: 'PORTAL_DATA', message: expect.stringMatching(/vượt 1 MB/) }),
  );
});

test('a run past its answer budget (lowered to 1 MiB for the test): exit 3, one line, tabs unchanged, lock released', async () => {
  portal = await startFakePortal({ items: ITEMS, serverPageSize: 500 });
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const before = await readXlsxTabs(book);
  const args = ['--workbook', book, '--portal', portal.url, '--through', '2020-06'];
  const result = await runCli(args, { env: { DVC_TEST_ANSWER_BUDGET_BYTES: String(1024 * 1024) } });
  expect(result.code).toBe(3);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toEqual([
    expect.stringMatching(
      /^Lỗi đồng bộ \[PORTAL_DATA\]: Các câu trả lời của Cổng DVC trong lần đồng bộ này đã vượt 1 MB .*chưa ghi gì\. Hãy kiểm tra địa chỉ --portal và cấu hình --profile .*--through/,
    ),
  ]);
  expect(result.stdout).not.toMatch(/Đồng bộ xong/);
  // 6 months × 6 pages of ~60 KB plus 120 bytes a row kept: about 1 MiB by the second month, so the run
  // stopped long before asking all 36 pages.
  expect(portal.requests.length).toBeLessThan(36);
  const after = await readXlsxTabs(book);
  for (const tab of OUTPUT_TABS) expect(after.get(tab)).toEqual(before.get(tab));
  const log = records(after.get('Nhật ký đồng bộ'), 'Bắt đầu lúc');
  expect(log).toHaveLength(1);
  expect(JSON.stringify(log[0])).toMatch(/vượt 1 MB/);
  expect(existsSync(`${book}.sync-lock`)).toBe(false);

  // Control: the same portal within the default budget (512 MiB) syncs: a row per agency and month, 60 × 6.
  const control = await runCli(args);
  expect(control.stderr).toBe('');
  expect(control.code).toBe(0);
  const synced = await readXlsxTabs(book);
  expect(records(synced.get('Dữ liệu Cổng DVC'))).toHaveLength(360);
}, 120_000);
