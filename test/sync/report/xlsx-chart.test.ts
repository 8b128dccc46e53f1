// The chart in the .xlsx: embedded on Tổng hợp, written beside the workbook, never piling up on re-runs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildReport } from '../../../src/core';
import { renderPng } from '../../../sync/report/chart';
import { runSync } from '../../../sync/run';
import { chartPathOf, XlsxWorkbook } from '../../../sync/workbook/xlsx';
import { INPUT_GRIDS, writeProvinceXlsx } from '../fixtures';
import { sheetXmlOf, text, zipOf } from '../xlsx-parts';

const NOW = new Date('2020-11-15T03:00:00Z');
const PNG_SIGNATURE = '89504e470d0a1a0a';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-chart-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const media = (workbook as unknown as { media: { extension: string; buffer: Buffer }[] }).media;
  return { workbook, media };
}

const recompute = (path: string) =>
  runSync({
    workbook: new XlsxWorkbook(path, () => NOW),
    sources: null,
    through: null,
    dryRun: false,
    now: () => NOW,
  });

describe('the Tổng hợp chart in a local workbook', () => {
  test('a sync embeds one PNG on Tổng hợp, under the table on a page of its own, and writes the same PNG beside the workbook', async () => {
    const path = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(path);
    const workbook = new XlsxWorkbook(path, () => NOW);
    await runSync({ workbook, sources: null, through: null, dryRun: false, now: () => NOW });
    expect(workbook.chartPath).toBe(join(dir, 'tinh.chart.png'));
    const png = readFileSync(join(dir, 'tinh.chart.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);

    const { workbook: book, media } = await load(path);
    const images = book.getWorksheet('Tổng hợp')?.getImages() ?? [];
    expect(images).toHaveLength(1);
    // Under the table (2 title rows, the header, the rows), two rows apart, from column A.
    const tableRows = buildReport(INPUT_GRIDS, { now: NOW }).tables.overview.rows.length;
    expect(images[0]?.range.tl.nativeCol).toBe(0);
    expect(images[0]?.range.tl.nativeRow).toBe(3 + tableRows + 2);
    // A page break right before it, and the print area reaching past it.
    const xml = await sheetXmlOf(path, 'Tổng hợp');
    expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([3 + tableRows + 2]);
    const names = await text(await zipOf(path), 'xl/workbook.xml');
    const printed = /Print_Area" localSheetId="\d+">&apos;Tổng hợp&apos;!\$A\$1:\$[A-Z]+\$(\d+)</.exec(
      names,
    )?.[1];
    expect(Number(printed)).toBeGreaterThan(3 + tableRows + 2 + 10);
    expect(media).toHaveLength(1);
    expect(media[0]?.extension).toBe('png');
    expect(Buffer.from(media[0]?.buffer as Buffer).equals(png)).toBe(true);
  });

  test('re-running does not pile up images, and a picture of the province on another tab is kept', async () => {
    const path = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(path);
    {
      // The office put its logo on Đơn vị before the first sync.
      const { workbook } = await load(path);
      const picture = renderPng(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#c00"/></svg>',
      ).png;
      const logo = workbook.addImage({ buffer: picture as unknown as ExcelJS.Buffer, extension: 'png' });
      workbook
        .getWorksheet('Đơn vị')
        ?.addImage(logo, { tl: { col: 9, row: 1 }, ext: { width: 50, height: 50 } });
      await workbook.xlsx.writeFile(path);
    }
    for (let run = 0; run < 3; run++) await recompute(path);
    const { workbook, media } = await load(path);
    expect(media).toHaveLength(2);
    expect(workbook.getWorksheet('Tổng hợp')?.getImages()).toHaveLength(1);
    const logos = workbook.getWorksheet('Đơn vị')?.getImages() ?? [];
    expect(logos).toHaveLength(1);
    const chartId = Number(workbook.getWorksheet('Tổng hợp')?.getImages()[0]?.imageId);
    const logoId = Number(logos[0]?.imageId);
    expect(new Set([chartId, logoId])).toEqual(new Set([0, 1]));
    expect(Buffer.from(media[chartId]?.buffer as Buffer).equals(readFileSync(chartPathOf(path)))).toBe(true);
  });

  test('a dry run and a failed run write no chart', async () => {
    const path = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(path);
    const workbook = new XlsxWorkbook(path, () => NOW);
    await runSync({ workbook, sources: null, through: null, dryRun: true, now: () => NOW });
    expect(existsSync(chartPathOf(path))).toBe(false);
    await expect(
      runSync({ workbook, sources: null, through: { year: 2019, month: 3 }, dryRun: false, now: () => NOW }),
    ).rejects.toThrow();
    expect(existsSync(chartPathOf(path))).toBe(false);
    expect(workbook.chartPath).toBeNull();
  });

  test('the embedded chart shows the report that was written', async () => {
    const path = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(path);
    await recompute(path);
    const scopes = buildReport(INPUT_GRIDS, { now: NOW }).tables.overview.rows.map((row) => row[0]);
    expect(scopes.length).toBeGreaterThan(0);
    const { workbook } = await load(path);
    const overviewScopes: unknown[] = [];
    workbook.getWorksheet('Tổng hợp')?.eachRow((row, index) => {
      if (index > 3) overviewScopes.push(row.getCell(1).value);
    });
    expect(overviewScopes).toEqual(scopes);
  });

  test('Đánh giá and Kiểm tra carry the add-in colours, and wrapped headers get a taller row', async () => {
    const path = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(path);
    await recompute(path);
    const { workbook } = await load(path);
    type Rules = {
      ref: string;
      rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
    }[];
    const rulesOf = (tab: string) =>
      (workbook.getWorksheet(tab) as unknown as { conditionalFormattings: Rules }).conditionalFormattings;
    const ratio = rulesOf('Tỷ lệ');
    expect(ratio).toHaveLength(1);
    const rows = (workbook.getWorksheet('Tỷ lệ')?.rowCount ?? 0) as number;
    expect(ratio[0]?.ref).toBe(`I4:I${rows}`);
    expect(
      ratio[0]?.rules.map((rule) => [rule.formulae[0], rule.style.fill.bgColor.argb]).slice(0, 4),
    ).toEqual([
      ['EXACT($I4,"Đạt")', 'FFD9EAD3'],
      ['EXACT($I4,"Chưa đạt")', 'FFFCE5CD'],
      ['EXACT($I4,"Số liệu lỗi")', 'FFF4CCCC'],
      ['EXACT($I4,"Chưa có số liệu")', 'FFEFEFEF'],
    ]);
    expect(rulesOf('Kiểm tra')[0]?.ref.startsWith('E2:E')).toBe(true);
    expect(rulesOf('Tổng hợp') ?? []).toHaveLength(0);
    expect(workbook.getWorksheet('Tỷ lệ')?.getRow(3).height).toBeGreaterThan(30);
  });
});
