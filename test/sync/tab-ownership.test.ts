// Contract 10.2 through the built CLI: the sync rewrites only tabs it made (marked) or adopts, never an office's own tab, never an input tab.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { RATIO_HEADER } from '../../src/core';
import {
  type FakeSheets,
  fakeSheet,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../fakes/sheets-api/server';
import { inputSheets, PROVINCE_TABS, readXlsxTabs, records, writeXlsxTabs } from './fixtures';
import { runCli } from './run-cli';
import { text } from './xlsx-parts';

const TOKEN = 'ya29.tab-ownership-token';
const ID = '1TabOwnershipSheet0123456789abcdef';

const sync = (args: string[], env: Record<string, string> = {}) => runCli(args, { env, timeout: 120_000 });
const googleEnv = (f: FakeSheets) => ({ SHEETS_API_ROOT: f.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN });

let dir: string;
let sheets: FakeSheets | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-ownership-'));
});
afterEach(async () => {
  await sheets?.close();
  sheets = null;
  rmSync(dir, { recursive: true, force: true });
});

/** An office's own report, named as the product's new output tab. */
const OWN_REPORT = [['BÁO CÁO CỦA PHÒNG HÀNH CHÍNH'], ['Nội dung', 'Ghi chú'], ['Họp giao ban', 'tháng 11']];

/** Tỷ lệ as an earlier version wrote it (no mark): title rows, the product's header, last year's rows. */
const OLD_RATIO = [
  ['TỶ LỆ NĂM 2019'],
  [],
  [...RATIO_HEADER],
  ['CŨ', 'Đơn vị cũ', 'Sở, ban, ngành', '', 9, 1],
];

/** The marks of an .xlsx: defined name `_dvc_tab` → the name of the tab its localSheetId points at. */
async function marksOf(path: string): Promise<string[]> {
  const xml = await text(await JSZip.loadAsync(readFileSync(path)), 'xl/workbook.xml');
  const tabs = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  return [...xml.matchAll(/<definedName\b([^>]*)>/g)]
    .filter(
      ([, attributes]) => /\bname="_dvc_tab"/.test(attributes ?? '') && /hidden="1"/.test(attributes ?? ''),
    )
    .map(([, attributes]) => tabs[Number(/localSheetId="(\d+)"/.exec(attributes ?? '')?.[1])] ?? '?');
}

/**
 * What Excel does when a tab is renamed and dragged to the front: the `<sheet>` entry renamed and moved,
 * every sheet-scoped name's localSheetId renumbered to its tab's new place, references to it renamed.
 */
async function renameAndMoveFirst(path: string, from: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  let xml = await text(zip, 'xl/workbook.xml');
  const entries = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const at = entries.findIndex((entry) => entry.includes(`name="${from}"`));
  const order = [at, ...entries.map((_, i) => i).filter((i) => i !== at)];
  const moved = order.map((i) => (entries[i] as string).replace(`name="${from}"`, `name="${to}"`));
  xml = xml.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${moved.join('')}</sheets>`);
  xml = xml.replace(/localSheetId="(\d+)"/g, (_, n: string) => `localSheetId="${order.indexOf(Number(n))}"`);
  xml = xml.split(`'${from}'!`).join(`'${to}'!`);
  zip.file('xl/workbook.xml', xml);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('.xlsx', () => {
  test('an office’s own "Báo cáo" stops the run with TAB_NAMES (exit 4) naming it; the file is byte-identical', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, [...PROVINCE_TABS, ['Báo cáo', OWN_REPORT]]);
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toMatch(
      /^Lỗi đồng bộ \[TAB_NAMES\]: Không ghi được tab kết quả "Báo cáo": tab thứ 5 "Báo cáo" trùng tên .* không phải do Dịch vụ công tạo ra.*Hãy đổi tên tab đó/,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
  }, 180_000);

  test('an earlier version’s unmarked "Tỷ lệ" is adopted and marked; renamed and moved in Excel it is still the product’s', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeXlsxTabs(book, [...PROVINCE_TABS, ['Tỷ lệ', OLD_RATIO], ['Ghi chú', [['của văn phòng']]]]);
    const first = await sync(['--workbook', book]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    let tabs = await readXlsxTabs(book);
    // Replaced in place (5th tab), last year's row gone, this year's units in.
    expect([...tabs.keys()].slice(0, 6)).toEqual([
      ...PROVINCE_TABS.map(([name]) => name),
      'Tỷ lệ',
      'Ghi chú',
    ]);
    expect(records(tabs.get('Tỷ lệ')).map((row) => row['Mã đơn vị'])).toEqual(['SNV', 'STP', 'HLS', 'XHS']);
    const marks = await marksOf(book);
    // Every tab the sync wrote carries the mark, the input tabs and the office's own tab do not.
    expect(marks).toContain('Tỷ lệ');
    expect(marks).toContain('Báo cáo');
    expect(marks).toHaveLength(8);
    expect(marks.filter((tab) => [...PROVINCE_TABS.map(([name]) => name), 'Ghi chú'].includes(tab))).toEqual(
      [],
    );

    // Renamed (by case: Excel keeps only one of the two spellings) and dragged to the front.
    await renameAndMoveFirst(book, 'Tỷ lệ', 'TỶ LỆ');
    expect(await marksOf(book)).toContain('TỶ LỆ');
    const second = await sync(['--workbook', book]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    tabs = await readXlsxTabs(book);
    // Written in place under the office's spelling: no second Tỷ lệ, the office's tab untouched.
    expect([...tabs.keys()][0]).toBe('TỶ LỆ');
    expect(tabs.has('Tỷ lệ')).toBe(false);
    expect(records(tabs.get('TỶ LỆ')).map((row) => row['Mã đơn vị'])).toEqual(['SNV', 'STP', 'HLS', 'XHS']);
    expect(tabs.get('Ghi chú')).toEqual([['của văn phòng']]);
    expect((await marksOf(book)).sort()).toEqual(
      marks.map((tab) => (tab === 'Tỷ lệ' ? 'TỶ LỆ' : tab)).sort(),
    );
  }, 240_000);
});

describe('Google Sheet', () => {
  test('an office’s own "Báo cáo" stops the run with TAB_NAMES before any write; the Sheet is unchanged', async () => {
    sheets = await startFakeSheets({
      spreadsheet: {
        spreadsheetId: ID,
        locale: 'vi_VN',
        sheets: [...inputSheets(), fakeSheet(30, 'Báo cáo', OWN_REPORT)],
      },
      token: TOKEN,
    });
    const before = structuredClone(sheets.spreadsheet);
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.code).toBe(4);
    expect(result.stderr.trim()).toMatch(
      /^Lỗi đồng bộ \[TAB_NAMES\]: Không ghi được tab kết quả "Báo cáo": tab thứ 5 "Báo cáo" trùng tên/,
    );
    // The tab list, then the cells (its header row is not the product's): no batchUpdate at all.
    expect(sheets.requests.map(requestLabel)).toEqual(['get', 'get cells']);
    expect(sheets.spreadsheet).toEqual(before);
  }, 180_000);

  test('a dvc.staging mark someone put on "Nhập liệu" deletes nothing: the figures are kept and counted', async () => {
    sheets = await startFakeSheets({
      spreadsheet: {
        spreadsheetId: ID,
        locale: 'vi_VN',
        sheets: inputSheets(),
        developerMetadata: [
          {
            metadataId: 77,
            metadataKey: 'dvc.staging',
            metadataValue: 'Tỷ lệ',
            location: { locationType: 'SHEET', sheetId: 12 },
            visibility: 'DOCUMENT',
          },
        ],
      },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const entries = sheets.spreadsheet.sheets.find((s) => s.sheetId === 12);
    expect(entries?.title).toBe('Nhập liệu');
    expect(valuesOf(entries)).toEqual(valuesOf(inputSheets()[2]));
    const ratio = records(valuesOf(sheets.spreadsheet.sheets.find((s) => s.title === 'Tỷ lệ')));
    const stp = ratio.find((row) => row['Mã đơn vị'] === 'STP');
    expect([stp?.['Tổng số hồ sơ'], stp?.['Hồ sơ trực tuyến mức độ 3, 4'], stp?.['Tỷ lệ']]).toEqual([
      20, 10, 0.5,
    ]);
  }, 180_000);

  test('an earlier version’s unmarked "Tỷ lệ" is adopted: same tab, rewritten, and marked in the write', async () => {
    sheets = await startFakeSheets({
      spreadsheet: {
        spreadsheetId: ID,
        locale: 'vi_VN',
        sheets: [...inputSheets(), fakeSheet(20, 'Tỷ lệ', OLD_RATIO)],
      },
      token: TOKEN,
    });
    const result = await sync(['--workbook', ID], googleEnv(sheets));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sheets.requests.map(requestLabel)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    const ratio = sheets.spreadsheet.sheets.filter((s) => s.title === 'Tỷ lệ');
    expect(ratio.map((s) => s.sheetId)).toEqual([20]);
    expect(records(valuesOf(ratio[0])).map((row) => row['Mã đơn vị'])).toEqual(['SNV', 'STP', 'HLS', 'XHS']);
    const marks = (sheets.spreadsheet.developerMetadata ?? []).filter((m) => m.metadataKey === 'dvc.tab');
    expect(marks.find((m) => m.location?.sheetId === 20)).toMatchObject({
      metadataValue: 'Tỷ lệ',
      visibility: 'DOCUMENT',
      location: { locationType: 'SHEET', sheetId: 20 },
    });
    // The input tabs are not marked; every output tab written is (8 of them, Tỷ lệ included).
    expect(marks.some((m) => [0, 11, 12, 13].includes(m.location?.sheetId ?? -1))).toBe(false);
    expect(marks).toHaveLength(8);
  }, 180_000);
});

test('the Sheets stand-in refuses what Google refuses: a tab name equal but for case, a mark without visibility', async () => {
  sheets = await startFakeSheets({
    spreadsheet: {
      spreadsheetId: ID,
      locale: 'vi_VN',
      sheets: [...inputSheets(), fakeSheet(50, 'TỔNG HỢP', [])],
    },
    token: TOKEN,
  });
  const send = async (requests: object[]) => {
    const response = await fetch(`${sheets?.rootUrl}v4/spreadsheets/${ID}:batchUpdate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
  };
  const added = await send([
    {
      updateSheetProperties: {
        properties: { sheetId: 0, gridProperties: { rowCount: 50 } },
        fields: 'gridProperties.rowCount',
      },
    },
    { addSheet: { properties: { title: 'Tổng hợp' } } },
  ]);
  expect(added.status).toBe(400);
  expect(added.body.error?.message).toBe(
    'Invalid requests[1].addSheet: A sheet with the name "Tổng hợp" already exists. Please enter another name.',
  );
  const mark = await send([
    { createDeveloperMetadata: { developerMetadata: { metadataKey: 'dvc.tab', location: { sheetId: 50 } } } },
  ]);
  expect(mark.status).toBe(400);
  expect(mark.body.error?.message).toMatch(/visibility must be DOCUMENT or PROJECT/);
  // Nothing of either batch was applied.
  expect(sheets.spreadsheet.sheets.map((s) => s.title)).toEqual([
    ...inputSheets().map((s) => s.title),
    'TỔNG HỢP',
  ]);
  expect(sheets.spreadsheet.developerMetadata ?? []).toEqual([]);
});
