// Diễn biến theo tháng (contract 9.5): each month's own ratio, blank where the month has no figures or lies after the reporting month.
import { entriesGrid, records, report, unitsGrid } from './workbook';

const units = unitsGrid([
  ['S1', 'Sở Một', 'SBN', '', '30%'],
  ['S2', 'Sở Hai', 'SBN', '', '30%'],
]);

// S1 reports January–April; S2 January and March (February empty, a month with no dossiers in March).
const entries = entriesGrid([
  ['01/2020', 'S1', 10, 4],
  ['02/2020', 'S1', 20, 5],
  ['03/2020', 'S1', 40, 30],
  ['04/2020', 'S1', 50, 50],
  ['01/2020', 'S2', 8, 2],
  ['03/2020', 'S2', 0, 0],
]);

test('a month after the reporting month is blank, though it has figures', () => {
  const table = report({ units, entries }, { year: 2020, month: 3 }).tables.monthly;
  const s1 = records(table).find((row) => row['Mã đơn vị'] === 'S1');
  expect([1, 2, 3, 4, 5].map((m) => s1?.[`Tháng ${m}/2020`])).toEqual([0.4, 0.25, 0.75, '', '']);
  // The year to date stops at March too: 39 of 70.
  expect(s1?.['Tỷ lệ lũy kế từ đầu năm']).toBeCloseTo(39 / 70, 12);
});

test('through April the April cell is that month alone; no figures or no dossiers stay blank', () => {
  const table = report({ units, entries }, { year: 2020, month: 4 }).tables.monthly;
  const rows = records(table);
  const s1 = rows.find((row) => row['Mã đơn vị'] === 'S1');
  const s2 = rows.find((row) => row['Mã đơn vị'] === 'S2');
  expect([1, 2, 3, 4].map((m) => s1?.[`Tháng ${m}/2020`])).toEqual([0.4, 0.25, 0.75, 1]);
  expect([1, 2, 3, 4].map((m) => s2?.[`Tháng ${m}/2020`])).toEqual([0.25, '', '', '']);
});
