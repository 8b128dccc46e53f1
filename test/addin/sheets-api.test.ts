// The requests of the add-in's write: one batch for any real province, packed batches under 10 MiB beyond.
import { figureBatches, place, REQUEST_PAYLOAD_LIMIT, utf8Length } from '../../src/addin/sheets-api';
import { newWriteMarker, type OutputTable, planTabs, RATIO_FORMATS, RATIO_HEADER, TAB } from '../../src/core';

const marker = newWriteMarker('addin', 'run-1', new Date('2026-11-28T00:00:00Z'));

function ratioTable(rows: number, nameLength: number): OutputTable {
  return {
    tab: TAB.ratio,
    title: ['TỶ LỆ', 'Kỳ báo cáo'],
    header: [...RATIO_HEADER],
    formats: RATIO_FORMATS,
    rows: Array.from({ length: rows }, (_, i) =>
      RATIO_HEADER.map((_, c) =>
        c === 1 ? `Ủy ban nhân dân xã số ${i} ${'đ'.repeat(nameLength)}` : c === 4 ? i : '',
      ),
    ),
  };
}

const layout = {
  tabs: [
    {
      sheetId: 7,
      title: TAB.ratio,
      rows: 1000,
      columns: 26,
      conditionalRules: 3,
      chartIds: [],
      marked: true,
      staging: false,
    },
  ],
  markers: [],
  locale: 'vi_VN',
  timeZone: 'Asia/Ho_Chi_Minh',
};
/** The product's own Tỷ lệ (marked): the table goes into it. */
const plan = planTabs([{ name: TAB.ratio, marked: true }], [TAB.ratio]);

test('UTF-8 bytes are counted as Google counts them', () => {
  expect(utf8Length('Tỷ lệ')).toBe(Buffer.byteLength('Tỷ lệ', 'utf8'));
  expect(utf8Length('a😀đ')).toBe(Buffer.byteLength('a😀đ', 'utf8'));
});

test('a province-sized table is one batch: marker set first, removed last, every row in one band', () => {
  const batches = figureBatches(place(layout, [ratioTable(2000, 10)], plan), marker, 42);
  expect(batches).toHaveLength(1);
  const [batch = []] = batches;
  expect(batch[0]?.createDeveloperMetadata?.developerMetadata?.metadataId).toBe(42);
  expect(
    batch[batch.length - 1]?.deleteDeveloperMetadata?.dataFilter?.developerMetadataLookup?.metadataId,
  ).toBe(42);
  const bands = batch.filter((r) => r.updateCells);
  // 2,003 rows of about 200 bytes: three 1 MiB bands at most, contiguous, the last one reaching the grid's end.
  expect(bands.length).toBeLessThanOrEqual(3);
  expect(bands[0]?.updateCells?.range?.startRowIndex).toBe(0);
  expect(bands[bands.length - 1]?.updateCells?.range?.endRowIndex).toBe(2003);
});

test('past 10 MiB the requests are packed into several batches, each under the limit, the marker across them', () => {
  const table = ratioTable(40_000, 120);
  const batches = figureBatches(place(layout, [table], plan), marker, 43);
  expect(batches.length).toBeGreaterThan(1);
  for (const batch of batches)
    expect(Buffer.byteLength(JSON.stringify({ requests: batch }), 'utf8')).toBeLessThanOrEqual(
      REQUEST_PAYLOAD_LIMIT,
    );
  const all = batches.flat();
  expect(all[0]?.createDeveloperMetadata).toBeDefined();
  expect(all[all.length - 1]?.deleteDeveloperMetadata).toBeDefined();
  expect(all.filter((r) => r.createDeveloperMetadata || r.deleteDeveloperMetadata)).toHaveLength(2);
  // The value bands tile the tab from row 0 to its end, with every data row exactly once.
  const bands = all.flatMap((r) => (r.updateCells ? [r.updateCells] : []));
  let next = 0;
  let rows = 0;
  for (const band of bands) {
    expect(band.range?.startRowIndex).toBe(next);
    next = band.range?.endRowIndex ?? -1;
    rows += band.rows?.length ?? 0;
  }
  expect(rows).toBe(table.title.length + 1 + table.rows.length);
  expect(next).toBe(40_003);
});
