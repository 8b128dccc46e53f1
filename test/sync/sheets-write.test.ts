// The Google Sheets write at any size: compact bodies, formats by range, staged writes under the payload bound, all or nothing.
import { google, type sheets_v4 } from 'googleapis';
import { type Cell, type OutputTable, tableToGrid } from '../../src/core';
import { isSyncError, type SyncError } from '../../sync/errors';
import { runSync } from '../../sync/run';
import { GoogleSheetWorkbook, SHEETS_LIMITS } from '../../sync/workbook/google-sheet';
import { valueRows } from '../../sync/workbook/sheets-write';
import { RECOMPUTED_TABS } from '../contract-headers';
import {
  type FakeSheet,
  type FakeSheets,
  type FakeSpreadsheet,
  fakeSheet,
  fieldPaths,
  type RecordedRequest,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../fakes/sheets-api/server';
import { inputSheets, instantRetry, UNITS } from './fixtures';

const TOKEN = 'ya29.sheets-write-token';
const ID = '1SheetsWriteSheetId0123456789abcdef';
const NOW = new Date('2020-11-15T03:00:00Z');
const OUTPUT = [...RECOMPUTED_TABS, 'Nhật ký đồng bộ'];
const fastRetry = instantRetry(3);

const ENTRY_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
];

/** Input grids of a province of n communes over 2 districts, with `months` entered months per unit. */
function provinceGrids(n: number, months: number) {
  const units: unknown[][] = [UNITS[0] as unknown[]];
  const entries: unknown[][] = [ENTRY_HEADER];
  for (const d of [1, 2]) units.push([`H${d}`, `UBND huyện số ${d}`, 'Huyện, thành phố', '', '25%', '', '']);
  for (let i = 1; i <= n; i++) {
    const code = `X${String(i).padStart(5, '0')}`;
    units.push([code, `UBND xã Hòa Sơn ${i}`, 'Xã, phường, thị trấn', `H${(i % 2) + 1}`, '25%', '', '']);
    for (let m = 1; m <= months; m++) entries.push([`${m}/2020`, code, 100 + (i % 50), 20 + ((i * m) % 60)]);
  }
  return { units, entries };
}

/** Fake tabs of a province, built once per size and cloned per run. */
const provinces = new Map<string, FakeSheet[]>();
function inputTabs(n: number, months = 1): FakeSheet[] {
  const key = `${n}:${months}`;
  if (!provinces.has(key)) {
    const { units, entries } = provinceGrids(n, months);
    provinces.set(key, [...inputSheets(units, entries)]);
  }
  return provinces.get(key) as FakeSheet[];
}

const spreadsheetOf = (sheets: readonly FakeSheet[]): FakeSpreadsheet => ({
  spreadsheetId: ID,
  locale: 'vi_VN',
  sheets: structuredClone([...sheets]),
});

let fake: FakeSheets | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function workbookOn(f: FakeSheets, payloadBytes: number = SHEETS_LIMITS.payloadBytes) {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN });
  return new GoogleSheetWorkbook({
    spreadsheetId: ID,
    auth,
    rootUrl: f.rootUrl,
    retry: fastRetry,
    timeoutMs: 60_000,
    limits: { cells: SHEETS_LIMITS.cells, payloadBytes },
  });
}

async function sync(f: FakeSheets, payloadBytes?: number) {
  return runSync({
    workbook: await workbookOn(f, payloadBytes),
    sources: null,
    through: null,
    dryRun: false,
    now: () => NOW,
  });
}

const label = requestLabel;
const bodyOf = (r: RecordedRequest | undefined) =>
  (r?.body ?? {}) as sheets_v4.Schema$BatchUpdateSpreadsheetRequest;
const kindsOf = (r: RecordedRequest | undefined) =>
  (bodyOf(r).requests ?? []).map((request) => Object.keys(request)[0]);
const sheetNamed = (f: FakeSheets, title: string) => f.spreadsheet.sheets.find((s) => s.title === title);
const stagingTabs = (f: FakeSheets) => f.spreadsheet.sheets.filter((s) => s.title.startsWith('~dvc '));

/** A table as the fake stores it (valuesOf): trailing empty cells and rows left out. */
function gridOf(table: OutputTable): unknown[][] {
  return tableToGrid(table).map((row) => {
    const out = row.map((c: Cell) => (c === null || c === undefined ? '' : c));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });
}

/** The format every cell showed when each cell carried its own (the write before formats by range). */
function formatBefore(table: OutputTable, r: number, c: number): sheets_v4.Schema$CellFormat | undefined {
  const header = table.title.length;
  // Title and header rows are plain text under their style, as the add-in writes them (src/sheets).
  const text = { type: 'TEXT', pattern: '@' };
  if (r < header) return { numberFormat: text, textFormat: { bold: true } };
  if (r === header) {
    return {
      numberFormat: text,
      textFormat: { bold: true },
      // #ddebf7, the xlsx header fill.
      backgroundColor: { red: 221 / 255, green: 235 / 255, blue: 247 / 255 },
      wrapStrategy: 'WRAP',
      verticalAlignment: 'MIDDLE',
    };
  }
  const patterns = { text: '@', integer: '#,##0', percent: '0.00%', decimal: '0.00' } as const;
  const types = { text: 'TEXT', integer: 'NUMBER', percent: 'PERCENT', decimal: 'NUMBER' } as const;
  const format = table.formats[c];
  return format ? { numberFormat: { type: types[format], pattern: patterns[format] } } : undefined;
}

/** Every cell of the tab's grid and a row and column beyond: its stored format equals formatBefore. */
function expectFormatsAsBefore(sheet: FakeSheet | undefined, table: OutputTable): void {
  expect(sheet).toBeDefined();
  const rows = table.title.length + 1 + table.rows.length;
  const width = table.header.length;
  const wrong: string[] = [];
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= width; c++) {
      const want = r < rows && c < width ? formatBefore(table, r, c) : undefined;
      const got = sheet?.formats[r]?.[c];
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`R${r + 1}C${c + 1}`);
    }
  }
  expect(wrong).toEqual([]);
}

describe('compact write', () => {
  test('values only per cell, formats by range: the same formats as one per cell, bounded bytes per unit', async () => {
    fake = await startFakeSheets({ spreadsheet: spreadsheetOf(inputTabs(2000, 3)), token: TOKEN });
    const result = await sync(fake);
    // The third request sets the write marker (src/core/write-marker.ts); the fourth writes everything.
    expect(fake.requests.map(label)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    const write = fake.requests[3];
    const cells = (bodyOf(write).requests ?? []).flatMap((r) =>
      (r.updateCells?.rows ?? []).flatMap((row) => row.values ?? []),
    );
    // No cell carries a format; empty cells are {} (trailing ones left out).
    expect(cells.length).toBeGreaterThan(40_000);
    expect(cells.filter((cell) => 'userEnteredFormat' in cell)).toEqual([]);
    expect(cells.filter((cell) => Object.keys(cell).length === 0).length).toBeGreaterThan(0);
    // Formats per tab: the table as text, a title band, a header band and one repeatCell per run of
    // adjacent number columns sharing a format (block styles come on top).
    const repeats = (bodyOf(write).requests ?? []).filter((r) => r.repeatCell);
    const tables = [...Object.values(result.report.tables)];
    const runs = (formats: readonly string[]) =>
      formats.filter((f, c) => f !== 'text' && (c === 0 || formats[c - 1] !== f)).length;
    const expected = tables.reduce(
      (sum, t) => sum + 1 + (t.title.length > 0 ? 1 : 0) + 1 + (t.rows.length > 0 ? runs(t.formats) : 0),
      0,
    );
    expect(repeats.length).toBeGreaterThanOrEqual(expected);
    for (const table of tables) {
      expect(valuesOf(sheetNamed(fake, table.tab))).toEqual(gridOf(table));
      // Tabs with block styles (Báo cáo) are pinned by test/sync/cycle-tabs.test.ts.
      if (!table.layout?.styles) expectFormatsAsBefore(sheetNamed(fake, table.tab), table);
    }
    // The same tables with a format on every cell, as the write was before: the bytes it would have sent.
    const legacy = tables.reduce((sum, table) => {
      const rows = tableToGrid(table).map((row, r) => ({
        values: row.map((cell, c) => {
          const format = formatBefore(table, r, c);
          const value =
            cell === '' || cell === null || cell === undefined
              ? {}
              : {
                  userEnteredValue:
                    typeof cell === 'number' ? { numberValue: cell } : { stringValue: String(cell) },
                };
          return { ...value, ...(format ? { userEnteredFormat: format } : {}) };
        }),
      }));
      return sum + Buffer.byteLength(JSON.stringify(rows), 'utf8');
    }, 0);
    const perUnit = (write?.bytes ?? 0) / 2000;
    const legacyPerUnit = legacy / 2000;
    // Measured: about 3,330 bytes per unit with Báo cáo and Diễn biến theo tháng (1,930 before them).
    expect(perUnit).toBeLessThan(3_500);
    expect(perUnit / legacyPerUnit).toBeLessThan(0.45);
    console.log(
      `compact write, 2,000 communes × 3 months: ${Math.round(perUnit)} bytes per unit (a format per cell: ${Math.round(legacyPerUnit)})`,
    );
  });

  test('percent columns show as percent in a vi_VN sheet: the column format reaches the stored number', async () => {
    fake = await startFakeSheets({ spreadsheet: spreadsheetOf(inputTabs(3)), token: TOKEN });
    await sync(fake);
    const client = google.sheets({ version: 'v4', rootUrl: fake.rootUrl });
    const shown = await client.spreadsheets.values.batchGet(
      { spreadsheetId: ID, ranges: ["'Tỷ lệ'"], valueRenderOption: 'FORMATTED_VALUE' },
      { fetchImplementation: fetch, headers: { Authorization: `Bearer ${TOKEN}` } },
    );
    const rows = shown.data.valueRanges?.[0]?.values ?? [];
    const header = rows.findIndex((r) => r[0] === 'Mã đơn vị');
    const ratio = (rows[header] as string[]).indexOf('Tỷ lệ');
    const commune = rows.find((r) => String(r[0]).startsWith('X')) ?? [];
    expect(commune[ratio]).toMatch(/^\d+,\d\d%$/);
  });
});

describe('request counts at every size', () => {
  test('200 and 2,000 units: 4 requests (2 reads, the write marker, the write); 20,000: 2 reads + staging tabs added + RAW values batches + 1 final, each under 10 MiB', async () => {
    const counts: Record<number, string[]> = {};
    for (const n of [200, 2000, 20_000]) {
      fake = await startFakeSheets({ spreadsheet: spreadsheetOf(inputTabs(n)), token: TOKEN });
      const result = await sync(fake);
      counts[n] = fake.requests.map(label);
      for (const r of fake.requests) expect(r.bytes).toBeLessThanOrEqual(SHEETS_LIMITS.payloadBytes);
      for (const table of Object.values(result.report.tables))
        expect(valuesOf(sheetNamed(fake, table.tab))).toEqual(gridOf(table));
      expect(stagingTabs(fake)).toEqual([]);
      if (n === 20_000) {
        const posts = fake.requests.filter((r) => r.method === 'POST');
        const valuesBytes = posts
          .filter((r) => label(r) === 'values.batchUpdate')
          .reduce((sum, r) => sum + r.bytes, 0);
        // The same values as CellData rows, as the staging batches sent them before.
        const cellDataBytes = result.tables.reduce(
          (sum, table) => sum + Buffer.byteLength(JSON.stringify(valueRows(table)), 'utf8'),
          0,
        );
        expect(valuesBytes / cellDataBytes).toBeLessThan(0.3);
        console.log(
          `20,000 units: ${fake.requests.length} requests (${counts[n]?.join(', ')}); bodies of ${posts.map((r) => (r.bytes / 1_048_576).toFixed(1)).join(', ')} MB; RAW values ${(valuesBytes / 1_048_576).toFixed(1)} MB against ${(cellDataBytes / 1_048_576).toFixed(1)} MB as CellData`,
        );
      }
      await fake.close();
      fake = null;
    }
    expect(counts[200]).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    expect(counts[2000]).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    // About 14.6 MB of RAW values with Báo cáo and Diễn biến theo tháng (8.3 MB before them), which
    // would take 6 staging batches as 58 MB of CellData: two values batches.
    expect(counts[20_000]).toEqual([
      'get',
      'get cells',
      'batchUpdate',
      'values.batchUpdate',
      'values.batchUpdate',
      'batchUpdate',
    ]);
  }, 180_000); // 20,000 units through the fake on a shared 2-core machine: no tight limit
});

/** A province already synced once (live output tabs with their ids), as the start of the staged runs. */
async function syncedOnce(n: number): Promise<FakeSpreadsheet> {
  const first = await startFakeSheets({ spreadsheet: spreadsheetOf(inputTabs(n, 2)), token: TOKEN });
  try {
    await sync(first);
    return structuredClone(first.spreadsheet);
  } finally {
    await first.close();
  }
}

/**
 * A bound that forces a 200-unit write into several staged batches (its RAW values are about 100 kB),
 * while its final batch (requests only, Báo cáo's layout and Diễn biến's six colour rules included,
 * about 40.1 kB) still fits.
 */
const SMALL_BOUND = 50_000;

describe('staged write (payload bound lowered so 200 units need several batches)', () => {
  test('hidden staging tabs, each batch under the bound, then one final batch: live tabs keep their ids', async () => {
    const before = await syncedOnce(200);
    const ids = new Map(before.sheets.map((s) => [s.title, s.sheetId]));
    fake = await startFakeSheets({ spreadsheet: structuredClone(before), token: TOKEN });
    const result = await sync(fake, SMALL_BOUND);
    const posts = fake.requests.filter((r) => r.method === 'POST');
    const values = posts.slice(1, -1);
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(fake.requests.map(label)).toEqual([
      'get',
      'get cells',
      'batchUpdate',
      ...values.map(() => 'values.batchUpdate'),
      'batchUpdate',
    ]);
    for (const r of posts) expect(r.bytes).toBeLessThanOrEqual(SMALL_BOUND);
    // The first batch adds the hidden staging tabs, sized to their tables, and writes nothing else.
    const adds = (bodyOf(posts[0]).requests ?? []).flatMap((r) =>
      r.addSheet ? [r.addSheet.properties] : [],
    );
    expect(adds.map((p) => p?.title)).toEqual(OUTPUT.map((t) => `~dvc ${t}`));
    expect(adds.every((p) => p?.hidden === true)).toBe(true);
    // Each staging tab marked in the batch that adds it, and this run's write marker set with them.
    expect(kindsOf(posts[0])).toEqual([
      ...OUTPUT.flatMap(() => ['addSheet', 'createDeveloperMetadata']),
      'createDeveloperMetadata',
    ]);
    // The values batches: RAW, plain arrays, only into staging tabs, each tab's rows once and in order.
    const rowsOf = new Map<string, number>();
    for (const post of values) {
      const body = post.body as sheets_v4.Schema$BatchUpdateValuesRequest;
      expect(body.valueInputOption).toBe('RAW');
      for (const range of body.data ?? []) {
        const [, title = '', row = ''] = /^'(.*)'!A(\d+)$/.exec(range.range ?? '') ?? [];
        expect(title).toMatch(/^~dvc /);
        expect(Number(row)).toBe((rowsOf.get(title) ?? 0) + 1);
        rowsOf.set(title, (rowsOf.get(title) ?? 0) + (range.values?.length ?? 0));
        for (const cells of range.values ?? [])
          for (const cell of cells) expect(['string', 'number', 'boolean']).toContain(typeof cell);
      }
    }
    for (const table of Object.values(result.report.tables))
      expect(rowsOf.get(`~dvc ${table.tab}`)).toBe(tableToGrid(table).length);
    // The final batch: per tab resize, clear, copyPaste, formats, resize columns, delete its staging tab.
    const final = posts[posts.length - 1];
    expect(kindsOf(final).filter((k) => k === 'copyPaste')).toHaveLength(OUTPUT.length);
    expect(kindsOf(final).filter((k) => k === 'deleteSheet')).toHaveLength(OUTPUT.length);
    expect(kindsOf(final).filter((k) => k === 'updateCells')).toHaveLength(OUTPUT.length);
    expect(stagingTabs(fake)).toEqual([]);
    for (const table of Object.values(result.report.tables)) {
      const sheet = sheetNamed(fake, table.tab);
      expect(sheet?.sheetId).toBe(ids.get(table.tab));
      expect(sheet?.frozenRowCount).toBe(table.layout?.freeze === false ? 0 : table.title.length + 1);
      expect(valuesOf(sheet)).toEqual(gridOf(table));
      if (!table.layout?.styles) expectFormatsAsBefore(sheet, table);
    }
    const log = valuesOf(sheetNamed(fake, 'Nhật ký đồng bộ'));
    expect(log.map((r) => r[1])).toEqual(['Kết quả', 'Thành công', 'Thành công']);
  });

  test('a failure midway leaves every live tab as it was; the failure row cleans up this run’s staging tabs', async () => {
    const before = await syncedOnce(200);
    let posts = 0;
    fake = await startFakeSheets({
      spreadsheet: structuredClone(before),
      token: TOKEN,
      // The second values batch is refused (a non-retryable 400), after the first filled staging tabs.
      fault: (r) =>
        r.method === 'POST' && ++posts === 3
          ? { code: 400, message: 'Invalid data[0]: refused', status: 'INVALID_ARGUMENT' }
          : undefined,
    });
    const error = (await sync(fake, SMALL_BOUND).catch((e: unknown) => e)) as SyncError;
    expect(isSyncError(error) && error.code).toBe('INVALID_REQUEST');
    expect(fake.requests.map(label)).toEqual([
      'get',
      'get cells',
      'batchUpdate',
      'values.batchUpdate',
      'values.batchUpdate',
      'batchUpdate',
      'get',
      'batchUpdate',
      'batchUpdate',
    ]);
    // The failed write removes the staging tabs it added with its marker; then the failure row is written.
    expect(kindsOf(fake.requests[5])).toEqual([
      ...OUTPUT.map(() => 'deleteSheet'),
      'deleteDeveloperMetadata',
    ]);
    // No write marker and no staging mark left: only the output tabs' own marks (from the first sync).
    expect((fake.spreadsheet.developerMetadata ?? []).map((m) => m.metadataKey)).toEqual(
      OUTPUT.map(() => 'dvc.tab'),
    );
    expect(stagingTabs(fake)).toEqual([]);
    for (const tab of OUTPUT.slice(0, -1)) {
      expect(valuesOf(sheetNamed(fake, tab))).toEqual(valuesOf(before.sheets.find((s) => s.title === tab)));
    }
    const log = valuesOf(sheetNamed(fake, 'Nhật ký đồng bộ'));
    expect(log.map((r) => r[1])).toEqual(['Kết quả', 'Thành công', 'Thất bại']);
  });

  test('a run that dies midway (no failure row either) leaves hidden staging tabs; the next run deletes them first', async () => {
    const before = await syncedOnce(200);
    let posts = 0;
    const crashing = await startFakeSheets({
      spreadsheet: structuredClone(before),
      token: TOKEN,
      // Every write after the first staging batch fails, the failure row's too: as if the process died.
      fault: (r) =>
        r.method === 'POST' && ++posts >= 2
          ? { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' }
          : undefined,
    });
    let left: FakeSpreadsheet;
    try {
      const error = await sync(crashing, SMALL_BOUND).catch((e: unknown) => e);
      expect(isSyncError(error) && error.code).toBe('PERMISSION_DENIED');
      left = structuredClone(crashing.spreadsheet);
    } finally {
      await crashing.close();
    }
    const leftovers = left.sheets.filter((s) => s.title.startsWith('~dvc '));
    expect(leftovers).toHaveLength(OUTPUT.length);
    expect(leftovers.every((s) => s.hidden === true)).toBe(true);
    for (const tab of OUTPUT) {
      expect(valuesOf(left.sheets.find((s) => s.title === tab))).toEqual(
        valuesOf(before.sheets.find((s) => s.title === tab)),
      );
    }
    // The next run, small enough for one write: its one batchUpdate deletes the leftovers first.
    fake = await startFakeSheets({ spreadsheet: left, token: TOKEN });
    await sync(fake);
    expect(fake.requests.map(label)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
    expect(kindsOf(fake.requests[3]).slice(0, OUTPUT.length)).toEqual(OUTPUT.map(() => 'deleteSheet'));
    expect(stagingTabs(fake)).toEqual([]);
    expect(valuesOf(sheetNamed(fake, 'Nhật ký đồng bộ')).map((r) => r[1])).toEqual([
      'Kết quả',
      'Thành công',
      'Thành công',
    ]);
  });

  test('lost answers: a committed first staging batch is redone from a re-read tab list; a committed final one is not resent', async () => {
    const before = await syncedOnce(200);
    const runLosing = async (lose: (post: number) => boolean) => {
      let posts = 0;
      const f = await startFakeSheets({
        spreadsheet: structuredClone(before),
        token: TOKEN,
        fault: (r) => (r.method === 'POST' && lose(++posts) ? 'commitThenReset' : undefined),
      });
      try {
        return { f, result: await sync(f, SMALL_BOUND) };
      } finally {
        await f.close();
      }
    };
    const clean = await runLosing(() => false);
    const labels = clean.f.requests.map(label);
    const batches = labels.filter((l) => l.endsWith('batchUpdate')).length;
    expect(labels.filter((l) => l === 'values.batchUpdate').length).toBeGreaterThanOrEqual(3);
    const first = await runLosing((post) => post === 1);
    expect(first.f.requests.map(label)).toEqual([...labels.slice(0, 3), 'get', ...labels.slice(2)]);
    // The redone first batch deletes the staging tabs the lost one had added, then adds them again.
    expect(kindsOf(first.f.requests[4]).slice(0, OUTPUT.length)).toEqual(OUTPUT.map(() => 'deleteSheet'));
    // A values batch whose answer is lost is sent again as it was: the same values into the same cells.
    const values = await runLosing((post) => post === 2);
    expect(values.f.requests.map(label)).toEqual([...labels.slice(0, 4), ...labels.slice(3)]);
    expect(values.f.requests[4]?.body).toEqual(values.f.requests[3]?.body);
    const last = await runLosing((post) => post === batches);
    expect(last.f.requests.map(label)).toEqual([...labels, 'get']);
    for (const run of [first, values, last]) {
      expect(run.f.spreadsheet.sheets.filter((s) => s.title.startsWith('~dvc '))).toEqual([]);
      for (const table of Object.values(run.result.report.tables)) {
        expect(valuesOf(run.f.spreadsheet.sheets.find((s) => s.title === table.tab))).toEqual(gridOf(table));
      }
    }
  });

  test('RAW staging keeps text that looks like a formula, a month or a number as text, and numbers as numbers', async () => {
    const tricky = ['=1+1', '01/2020', '0012', '1.234', 'TRUE', '+84 912', '@x'];
    const table: OutputTable = {
      tab: 'Kiểm tra',
      title: ['Tiêu đề'],
      header: ['Mã đơn vị', 'Giá trị', 'Tỷ lệ', 'Cờ'],
      rows: Array.from({ length: 400 }, (_, i) => [
        tricky[i % tricky.length] as string,
        i,
        i / 400,
        i % 2 === 0,
      ]),
      formats: ['text', 'integer', 'percent', 'text'],
    };
    fake = await startFakeSheets({ spreadsheet: spreadsheetOf(inputTabs(3)), token: TOKEN });
    const workbook = await workbookOn(fake, 4_000);
    await workbook.write([table]);
    expect(fake.requests.map(label).filter((l) => l === 'values.batchUpdate').length).toBeGreaterThan(1);
    const sheet = sheetNamed(fake, 'Kiểm tra');
    expect(valuesOf(sheet)).toEqual(gridOf(table));
    const kinds = (column: number) => new Set(sheet?.cells.slice(2).map((row) => row?.[column]?.kind));
    expect(kinds(0)).toEqual(new Set(['text']));
    expect(kinds(1)).toEqual(new Set(['number']));
    expect(kinds(2)).toEqual(new Set(['number']));
    expect(kinds(3)).toEqual(new Set(['bool']));
    // Control: the same strings USER_ENTERED are parsed (or refused, for the formula) by the fake, as by Sheets.
    const client = google.sheets({ version: 'v4', rootUrl: fake.rootUrl });
    const put = (values: unknown[][]) =>
      client.spreadsheets.values
        .batchUpdate(
          {
            spreadsheetId: ID,
            requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: "'Kiểm tra'!B2", values }] },
          },
          { fetchImplementation: fetch, retry: false, headers: { Authorization: `Bearer ${TOKEN}` } },
        )
        .then(
          () => null,
          (e: { response?: { status?: number } }) => e.response?.status,
        );
    expect(await put([['0012', '01/2020']])).toBeNull();
    expect(sheetNamed(fake, 'Kiểm tra')?.cells[1]?.slice(1, 3)).toEqual([
      { kind: 'number', value: 12 },
      { kind: 'date', value: 43831 },
    ]);
    expect(await put([['=1+1']])).toBe(400);
  });

  test('a final batch over the bound (it cannot be split) is refused before anything is sent', async () => {
    const before = await syncedOnce(200);
    fake = await startFakeSheets({ spreadsheet: structuredClone(before), token: TOKEN });
    const { tables } = await runSync({
      workbook: await workbookOn(fake),
      sources: null,
      through: null,
      dryRun: true,
      now: () => NOW,
    });
    // Every row fits in 3,000 bytes; the final batch (6 tabs: resize, clear, copy, formats, delete) does not.
    const error = await (await workbookOn(fake, 3_000)).write(tables).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('LIMIT');
    expect((error as Error).message).toMatch(/^Chưa ghi gì: lần ghi cuối .* cần [\d,]+ MB, vượt giới hạn/);
    expect(fake.requests.map(label)).toEqual(['get', 'get cells', 'get']);
    expect(JSON.stringify(fake.spreadsheet)).toBe(JSON.stringify(before));
  });

  test('the cell limit counts the staging tabs: refused before anything is sent', async () => {
    const before = await syncedOnce(200);
    const cells = before.sheets.reduce((sum, s) => sum + s.rowCount * s.columnCount, 0);
    fake = await startFakeSheets({ spreadsheet: structuredClone(before), token: TOKEN });
    const { tables } = await runSync({
      workbook: await workbookOn(fake),
      sources: null,
      through: null,
      dryRun: true,
      now: () => NOW,
    });
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: TOKEN });
    // Room for the live tabs as they are, not for a second copy of the output in staging tabs.
    const workbook = new GoogleSheetWorkbook({
      spreadsheetId: ID,
      auth,
      rootUrl: fake.rootUrl,
      retry: fastRetry,
      timeoutMs: 10_000,
      limits: { cells: cells + 100, payloadBytes: SMALL_BOUND },
    });
    const error = await workbook.write(tables).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('LIMIT');
    expect((error as Error).message).toMatch(/^Chưa ghi gì: sau lần ghi này bảng tính sẽ có/);
    expect(fake.requests.map(label)).toEqual(['get', 'get cells', 'get']);
    // The same tables fit when the staging tabs do.
    const roomy = new GoogleSheetWorkbook({
      spreadsheetId: ID,
      auth,
      rootUrl: fake.rootUrl,
      retry: fastRetry,
      timeoutMs: 10_000,
      limits: { cells: cells + 20_000, payloadBytes: SMALL_BOUND },
    });
    await roomy.write(tables);
    expect(valuesOf(sheetNamed(fake, 'Tỷ lệ'))).toEqual(gridOf(tables[0] as OutputTable));
  });
});

describe('Sheets fake: the requests a staged write uses, as Google answers them', () => {
  test('field masks with groups', () => {
    expect(fieldPaths('userEnteredValue,userEnteredFormat(textFormat,numberFormat)')).toEqual([
      'userEnteredValue',
      'userEnteredFormat.textFormat',
      'userEnteredFormat.numberFormat',
    ]);
    expect(fieldPaths('gridProperties(rowCount,columnCount),hidden')).toEqual([
      'gridProperties.rowCount',
      'gridProperties.columnCount',
      'hidden',
    ]);
  });

  test('repeatCell, copyPaste, deleteSheet and hidden tabs; bad ones refused with Google’s error shape, nothing applied', async () => {
    fake = await startFakeSheets({
      spreadsheet: spreadsheetOf([
        fakeSheet(1, 'A', [
          ['x', 1],
          ['y', 2],
        ]),
        fakeSheet(2, 'B', []),
      ]),
      token: TOKEN,
    });
    const client = google.sheets({ version: 'v4', rootUrl: fake.rootUrl });
    const send = (requests: sheets_v4.Schema$Request[]) =>
      client.spreadsheets
        .batchUpdate(
          { spreadsheetId: ID, requestBody: { requests } },
          { fetchImplementation: fetch, retry: false, headers: { Authorization: `Bearer ${TOKEN}` } },
        )
        .then(
          () => null,
          (e: { response?: { status?: number; data?: unknown } }) => e.response,
        );
    expect(
      await send([
        { addSheet: { properties: { sheetId: 3, title: '~dvc A', hidden: true } } },
        {
          repeatCell: {
            range: { sheetId: 1, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 },
            cell: { userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0%' } } },
            fields: 'userEnteredFormat.numberFormat',
          },
        },
        {
          copyPaste: {
            source: { sheetId: 1, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
            destination: {
              sheetId: 2,
              startRowIndex: 1,
              endRowIndex: 2,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
            pasteType: 'PASTE_NORMAL',
          },
        },
      ]),
    ).toBeNull();
    expect(valuesOf(sheetNamed(fake, 'B'))).toEqual([[], ['x', 1], ['y', 2]]);
    expect(sheetNamed(fake, 'B')?.formats[2]?.[1]).toEqual({
      numberFormat: { type: 'PERCENT', pattern: '0%' },
    });
    expect(sheetNamed(fake, '~dvc A')?.hidden).toBe(true);
    const state = JSON.stringify(fake.spreadsheet);
    const refused = await send([
      { deleteSheet: { sheetId: 3 } },
      {
        copyPaste: {
          source: { sheetId: 3, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          destination: {
            sheetId: 2,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: 0,
            endColumnIndex: 1,
          },
          pasteType: 'PASTE_NORMAL',
        },
      },
    ]);
    expect(refused?.status).toBe(400);
    expect(refused?.data).toEqual({
      error: { code: 400, message: 'Invalid requests[1]: No grid with id: 3', status: 'INVALID_ARGUMENT' },
    });
    const beyond = await send([
      {
        repeatCell: {
          range: { sheetId: 2, startRowIndex: 0, endRowIndex: 5000 },
          cell: {},
          fields: 'userEnteredFormat',
        },
      },
    ]);
    expect((beyond?.data as { error: { message: string } } | undefined)?.error.message).toMatch(
      /exceeds grid limits/,
    );
    expect(JSON.stringify(fake.spreadsheet)).toBe(state);
  });

  test('fakeSheet takes 240,000 rows (no spread into Math.max)', () => {
    const rows = Array.from({ length: 240_000 }, (_, i) => [
      '01/2020',
      `X${i}`,
      10,
      2,
      i === 7 ? 'a'.repeat(3) : '',
    ]);
    rows.push(Array.from({ length: 30 }, () => 1));
    const sheet = fakeSheet(1, 'Nhập liệu', rows);
    expect(sheet.rowCount).toBe(240_001);
    expect(sheet.columnCount).toBe(30);
  });
});
