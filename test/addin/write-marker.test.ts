// The add-in side of the write marker (developer metadata dvc.writing) and the one atomic write of every output tab.
import { newWriteMarker, WRITE_MARKER_KEY, writeMarkerValue } from '../../src/core';
import { RECOMPUTED_TABS } from '../contract-headers';
import { type LoadedScript, loadScript } from '../fakes/apps-script';
import { OWNER, records, twoUnitProvince } from './province';

const OUTPUTS = RECOMPUTED_TABS;

/** A marker the nightly sync left, as the sync writes it through the Sheets API. */
function syncMarker(script: LoadedScript, until: Date): void {
  const marker = newWriteMarker('sync', 'sync-run-1', new Date(until.getTime() - 15 * 60_000));
  script.spreadsheet.developerMetadata.push({
    metadataId: 77,
    metadataKey: WRITE_MARKER_KEY,
    metadataValue: writeMarkerValue(marker),
    visibility: 'DOCUMENT',
  });
}

const ratioOf = (script: LoadedScript, code: string) =>
  records(script.spreadsheet._sheet('Tỷ lệ')).find(({ cells }) => cells['Mã đơn vị'] === code)?.cells[
    'Tỷ lệ'
  ];

test('while the nightly sync is writing, a recompute says so in Vietnamese and writes nothing', () => {
  const script = twoUnitProvince();
  script.run('recomputeAll');
  script.spreadsheet._sheet('Nhập liệu')._at('D2').value = 80;
  syncMarker(script, new Date(Date.now() + 10 * 60_000));
  const before = JSON.stringify(script.spreadsheet._state());
  const batches = script.sheets.batches.length;
  script.run('recomputeAll');
  const alert = script.world.ui[script.world.ui.length - 1];
  expect(alert?.kind).toBe('alert');
  expect(alert?.text).toMatch(
    /^Đợt đồng bộ số liệu từ Cổng DVC đang ghi vào bảng tính này \(chậm nhất đến \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d\)/,
  );
  expect(alert?.text).toContain('Chưa có tab nào bị thay đổi');
  expect(script.sheets.batches.length).toBe(batches);
  expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
  expect(
    script.spreadsheet.developerMetadata.filter((m) => m.sheetId === undefined).map((m) => m.metadataId),
  ).toEqual([77]);
  expect(script.world.lockHeld).toBe(false);
  // Kiểm tra số liệu writes too: refused the same way.
  script.run('checkFigures');
  expect(script.world.ui[script.world.ui.length - 1]?.text).toMatch(/^Đợt đồng bộ số liệu/);
  expect(ratioOf(script, 'S01')).toBe(0.4);
});

test('a sync marker past its expiry (a crashed sync) does not block the recompute', () => {
  const script = twoUnitProvince();
  syncMarker(script, new Date(Date.now() - 60_000));
  script.run('recomputeAll');
  expect(script.world.ui[script.world.ui.length - 1]?.kind).toBe('toast');
  expect(ratioOf(script, 'S01')).toBe(0.4);
});

test('a forged marker "until 9999", an unreadable one and one of no known writer block no recompute: removed, said in the toast', () => {
  const script = twoUnitProvince();
  const plant = (metadataId: number, metadataValue: string) =>
    script.spreadsheet.developerMetadata.push({
      metadataId,
      metadataKey: WRITE_MARKER_KEY,
      metadataValue,
      visibility: 'DOCUMENT',
    });
  plant(91, JSON.stringify({ by: 'sync', runId: 'x', until: '9999-12-31T23:59:59.000Z' }));
  plant(92, '{"by":"sync"');
  plant(93, JSON.stringify({ by: 'editor', runId: 'y', until: new Date(Date.now() + 60_000).toISOString() }));
  script.run('recomputeAll');
  const last = script.world.ui[script.world.ui.length - 1];
  expect(last?.kind).toBe('toast');
  expect(last?.text).toContain('Đã gỡ 3 dấu "đang ghi" (dvc.writing) không hợp lệ khỏi bảng tính');
  expect(ratioOf(script, 'S01')).toBe(0.4);
  // Removed in the figures' one batch, with the add-in's own marker.
  const [figures] = script.sheets.batches;
  const removed = (figures ?? []).flatMap((r) =>
    r.deleteDeveloperMetadata
      ? [r.deleteDeveloperMetadata.dataFilter?.developerMetadataLookup?.metadataId]
      : [],
  );
  expect(removed).toEqual(expect.arrayContaining([91, 92, 93]));
  // No write marker is left (the new tabs keep their own marks).
  expect(script.spreadsheet.developerMetadata.filter((m) => m.sheetId === undefined)).toEqual([]);
});

test('a live sync marker within its 15 minutes still blocks beside a forged one', () => {
  const script = twoUnitProvince();
  syncMarker(script, new Date(Date.now() + 14 * 60_000));
  script.spreadsheet.developerMetadata.push({
    metadataId: 94,
    metadataKey: WRITE_MARKER_KEY,
    metadataValue: JSON.stringify({ by: 'sync', runId: 'x', until: '9999-12-31T23:59:59.000Z' }),
    visibility: 'DOCUMENT',
  });
  script.run('recomputeAll');
  expect(script.world.ui[script.world.ui.length - 1]?.text).toMatch(/^Đợt đồng bộ số liệu/);
  expect(script.spreadsheet.developerMetadata.map((m) => m.metadataId)).toEqual([77, 94]);
});

test("the add-in's own marker and every output tab travel in one batchUpdate; the marker is gone afterwards", () => {
  const script = twoUnitProvince();
  script.run('recomputeAll');
  const [figures, decoration] = script.sheets.batches;
  // The write marker's two requests (each new tab's own mark travels with its addSheet: contract 10.2).
  const markerRequests = (figures ?? []).filter(
    (r) =>
      r.createDeveloperMetadata?.developerMetadata?.metadataKey === WRITE_MARKER_KEY ||
      r.deleteDeveloperMetadata,
  );
  expect(figures?.[0]?.createDeveloperMetadata?.developerMetadata).toMatchObject({
    metadataKey: WRITE_MARKER_KEY,
    location: { spreadsheet: true },
    visibility: 'DOCUMENT',
  });
  const value = JSON.parse(figures?.[0]?.createDeveloperMetadata?.developerMetadata?.metadataValue ?? '{}');
  expect(value.by).toBe('addin');
  expect(Date.parse(value.until)).toBeGreaterThan(Date.now());
  expect(figures?.[figures.length - 1]?.deleteDeveloperMetadata?.dataFilter?.developerMetadataLookup).toEqual(
    {
      metadataId: figures?.[0]?.createDeveloperMetadata?.developerMetadata?.metadataId,
    },
  );
  expect(markerRequests).toHaveLength(2);
  // Every output tab is written in that one batch; the chart and the colours come in the second, but for
  // Diễn biến theo tháng's, which contract 9.5 puts with its values.
  const titles = (figures ?? []).flatMap((r) => (r.addSheet ? [r.addSheet.properties?.title] : []));
  expect(titles).toEqual(expect.arrayContaining(OUTPUTS));
  expect((decoration ?? []).some((r) => r.addChart)).toBe(true);
  expect((figures ?? []).some((r) => r.addChart)).toBe(false);
  const monthly = (figures ?? []).find((r) => r.addSheet?.properties?.title === 'Diễn biến theo tháng')
    ?.addSheet?.properties?.sheetId;
  const ruleSheets = (figures ?? []).flatMap(
    (r) => r.addConditionalFormatRule?.rule?.ranges?.map((g) => g.sheetId) ?? [],
  );
  expect(new Set(ruleSheets)).toEqual(new Set([monthly]));
  expect(script.spreadsheet.developerMetadata.filter((m) => m.sheetId === undefined)).toEqual([]);
  // The second recompute updates the chart in place instead of adding one.
  script.run('recomputeAll');
  const again = script.sheets.batches[3] ?? [];
  expect(again.some((r) => r.addChart)).toBe(false);
  expect(again.filter((r) => r.updateChartSpec)).toHaveLength(1);
  expect(script.spreadsheet._sheet('Tổng hợp').charts).toHaveLength(1);
});

test('without the Advanced Sheets service (an old manifest), a recompute explains and changes nothing', () => {
  const script = loadScript({ owner: OWNER, advancedSheets: false });
  script.spreadsheet._load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2020],
  ]);
  const before = JSON.stringify(script.spreadsheet._state());
  script.run('recomputeAll');
  expect(script.world.ui[script.world.ui.length - 1]?.text).toContain('Google Sheets API');
  expect(JSON.stringify(script.spreadsheet._state())).toBe(before);
});
