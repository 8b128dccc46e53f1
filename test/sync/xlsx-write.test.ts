// The .xlsx writer's safety: the chart PNG only after the workbook is saved, stale temp files of a killed save removed, Excel's sheet limits.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { OutputTable } from '../../src/core';
import { isSyncError } from '../../sync/errors';
import { runSync } from '../../sync/run';
import { chartPathOf, removeStaleTemps, XlsxWorkbook } from '../../sync/workbook/xlsx';
import { writeProvinceXlsx } from './fixtures';

const NOW = new Date('2020-11-15T03:00:00Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-write-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const syncXlsx = (book: string) =>
  runSync({
    workbook: new XlsxWorkbook(book, () => NOW),
    sources: null,
    through: null,
    dryRun: false,
    now: () => NOW,
  });

/** The pid of a process that has ended (a child run to completion). */
function deadPid(): number {
  const pid = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
  expect(pid).toBeGreaterThan(0);
  return pid;
}

test('a failed save (rename refused) leaves the old workbook and the old PNG; the next save writes both', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  await syncXlsx(book);
  const png = chartPathOf(book);
  expect(existsSync(png)).toBe(true);
  // A PNG that is not the chart of any run, to tell old from new.
  writeFileSync(png, 'old png');
  const bookBefore = readFileSync(book);
  const realRename = fsp.rename;
  const renames: string[] = [];
  jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
    renames.push(String(to));
    if (String(to).endsWith('.xlsx'))
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    return realRename(from, to);
  });
  const workbook = new XlsxWorkbook(book, () => NOW);
  const error = await runSync({
    workbook,
    sources: null,
    through: null,
    dryRun: false,
    now: () => NOW,
  }).catch((e: unknown) => e);
  expect(isSyncError(error) && error.code).toBe('WORKBOOK_FILE');
  // The run's save and the failure row's save both failed at the rename: the PNG was never attempted.
  expect(renames.every((to) => to.endsWith('.xlsx'))).toBe(true);
  expect(readFileSync(book).equals(bookBefore)).toBe(true);
  expect(readFileSync(png, 'utf8')).toBe('old png');
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  jest.restoreAllMocks();
  await syncXlsx(book);
  expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  expect(readFileSync(book).equals(bookBefore)).toBe(false);
});

test('a PNG that cannot be written after the save: the run stands, the stale PNG is removed, the reason kept', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  await syncXlsx(book);
  const png = chartPathOf(book);
  const realRename = fsp.rename;
  jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
    if (String(to).endsWith('.png'))
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return realRename(from, to);
  });
  const workbook = new XlsxWorkbook(book, () => NOW);
  const result = await runSync({ workbook, sources: null, through: null, dryRun: false, now: () => NOW });
  expect(result.written).toBe(true);
  expect(workbook.chartPath).toBeNull();
  expect(workbook.chartError).toMatch(/ENOSPC/);
  expect(existsSync(png)).toBe(false);
});

test('temp files of a killed save are removed at the next save; those of running processes are kept', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const dead = deadPid();
  const killed = join(dir, `.tinh.xlsx.${dead}.0badc0de.tmp`);
  const killedPng = join(dir, `.tinh.chart.png.${dead}.0badc0de.tmp`);
  const running = join(dir, `.tinh.xlsx.${process.ppid}.12345678.tmp`);
  const ancient = join(dir, `.tinh.xlsx.${process.ppid}.87654321.tmp`);
  const other = join(dir, `.khac.xlsx.${dead}.0badc0de.tmp`);
  for (const file of [killed, killedPng, running, ancient, other]) writeFileSync(file, 'half a workbook');
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  utimesSync(ancient, twoDaysAgo, twoDaysAgo);
  await syncXlsx(book);
  const left = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  expect(left.sort()).toEqual([`.khac.xlsx.${dead}.0badc0de.tmp`, `.tinh.xlsx.${process.ppid}.12345678.tmp`]);
  // Nothing else matches: a second pass removes nothing.
  expect(await removeStaleTemps([book, chartPathOf(book)])).toEqual([]);
});

const table = (rows: number, columns: number): OutputTable => ({
  tab: 'Dữ liệu Cổng DVC',
  title: [],
  header: Array.from({ length: columns }, (_, i) => `C${i}`),
  // Sparse: only the length is read by the check, which runs before anything else.
  rows: new Array(rows),
  formats: [],
});

test("a tab over Excel's 1,048,576 rows or 16,384 columns is refused before anything is written", async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const bytes = readFileSync(book);
  const cases: [OutputTable, RegExp][] = [
    [table(1_048_576, 6), /cần 1\.048\.577 dòng và 6 cột, vượt giới hạn 1\.048\.576 dòng, 16\.384 cột/],
    [table(10, 16_385), /cần 11 dòng và 16\.385 cột/],
  ];
  for (const [big, message] of cases) {
    const error = await new XlsxWorkbook(book, () => NOW).write([big]).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('LIMIT');
    expect((error as Error).message).toMatch(/^Chưa ghi gì: tab "Dữ liệu Cổng DVC"/);
    expect((error as Error).message).toMatch(message);
  }
  expect(readFileSync(book).equals(bytes)).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(['tinh.xlsx']);
  // Exactly at the limit it is not refused by the check (1 header row + 1,048,575 rows).
  const { assertFitsExcel } = await import('../../sync/workbook/xlsx');
  expect(() => assertFitsExcel([table(1_048_575, 16_384)])).not.toThrow();
});

test('the .xlsx colours the column the core names: Đánh giá of Tỷ lệ, Xếp hạng and Báo cáo, Kiểm tra’s Mức độ', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const result = await syncXlsx(book);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const rulesOf = (tab: string) =>
    (
      workbook.getWorksheet(tab) as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[];
      }
    ).conditionalFormattings.flatMap((f) => f.rules.map((rule) => [f.ref, rule.formulae?.[0]]));
  const statuses = ['Đạt', 'Chưa đạt', 'Số liệu lỗi', 'Chưa có số liệu'];
  // Tỷ lệ: two title rows, the header, then one row per unit; Đánh giá is column I.
  const ratioLast = 3 + result.report.rows.ratio.length;
  expect(rulesOf('Tỷ lệ')).toEqual(statuses.map((s) => [`I4:I${ratioLast}`, `EXACT($I4,"${s}")`]));
  // Xếp hạng: Đánh giá is column G.
  const rankingLast = 3 + result.report.rows.ranking.length;
  expect(rulesOf('Xếp hạng')).toEqual(statuses.map((s) => [`G4:G${rankingLast}`, `EXACT($G4,"${s}")`]));
  // Kiểm tra: no title; Mức độ is column E, Lỗi red and Cảnh báo yellow, nothing else.
  const problemsLast = 1 + result.report.problems.length;
  expect(result.report.problems.length).toBeGreaterThan(0);
  expect(rulesOf('Kiểm tra')).toEqual([
    [`E2:E${problemsLast}`, 'EXACT($E2,"Lỗi")'],
    [`E2:E${problemsLast}`, 'EXACT($E2,"Cảnh báo")'],
  ]);
  // Báo cáo: its Đánh giá column (H) gets the statuses; Đối chiếu and Tổng hợp have no coloured column.
  const report = rulesOf('Báo cáo').map(
    ([, formula]) => /^EXACT\(\$H\d+,"(.+)"\)$/.exec(String(formula))?.[1],
  );
  expect(report).toEqual(statuses);
  expect(rulesOf('Đối chiếu')).toEqual([]);
  expect(rulesOf('Tổng hợp')).toEqual([]);
}, 120_000);
