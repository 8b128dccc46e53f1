// Workbooks saved by openpyxl with a comment, a picture, a chart or a table (contract 10.5) are read and written, their parts kept byte for byte; through the built CLI.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxTabs, records } from './fixtures';
import { runCli } from './run-cli';
import { zipOf } from './xlsx-parts';

/** Made once by test/sync/openpyxl/make-fixtures.py (openpyxl 3.0.9); no Python at test time. */
const FIXTURES = join(__dirname, 'openpyxl');
/** Parts the composer rewrites by design: the tab list, its relationships, content types and styles. */
const REWRITTEN = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
  'xl/styles.xml',
]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-openpyxl-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every part of a package but the rewritten ones, with its bytes. */
async function keptParts(path: string): Promise<Map<string, Buffer>> {
  const zip = await zipOf(path);
  const parts = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir && !REWRITTEN.has(file.name)) parts.set(file.name, await file.async('nodebuffer'));
  }
  return parts;
}

describe.each([
  ['comment', ['xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml']],
  ['picture', ['xl/drawings/drawing1.xml', 'xl/media/image1.png']],
  ['chart', ['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml']],
  ['table', ['xl/tables/table1.xml']],
  [
    'all',
    ['xl/comments/comment1.xml', 'xl/media/image1.png', 'xl/charts/chart1.xml', 'xl/tables/table1.xml'],
  ],
] as const)('an openpyxl workbook with %s', (kind, own) => {
  test('is read and written twice; its own parts and input tabs stay byte for byte', async () => {
    const book = join(dir, `${kind}.xlsx`);
    copyFileSync(join(FIXTURES, `${kind}.xlsx`), book);
    const before = await keptParts(book);
    for (const part of own) expect(before.has(part)).toBe(true);
    for (let run = 1; run <= 2; run++) {
      const result = await runCli(['--workbook', book], { timeout: 120_000 });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const after = await keptParts(book);
      for (const [part, bytes] of before) {
        expect({ part, same: after.get(part)?.equals(bytes) }).toEqual({ part, same: true });
      }
    }
    // The figures of Nhập liệu and Đơn vị as openpyxl wrote them: STP 10 of 20 online against 25%.
    const tabs = await readXlsxTabs(book);
    const stp = records(tabs.get('Tỷ lệ')).find((row) => row['Mã đơn vị'] === 'STP');
    expect(stp).toMatchObject({
      'Tổng số hồ sơ': 20,
      'Hồ sơ trực tuyến mức độ 3, 4': 10,
      'Tỷ lệ': 0.5,
      'Chỉ tiêu': 0.25,
      'Đánh giá': 'Đạt',
    });
    expect(records(tabs.get('Nhật ký đồng bộ'), 'Bắt đầu lúc')).toHaveLength(2);
    expect(readFileSync(book).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
