// Fuzzed whole hostile workbooks through the core: it never throws, every bad cell is in Kiểm tra at its exact address, good rows keep their figures.
import fc from 'fast-check';
import { buildReport, type Cell, MSG, type Report, STATUS } from '../../src/core';
import { buildHostile, type ExpectedProblem, hostileShape } from './hostile';

/** Sheets tried: a few hundred keeps the file within a few seconds. */
const FUZZ_RUNS = 300;
const NOW = new Date('2020-12-20T03:00:00Z');

const recordsOf = (table: Report['tables']['ratio']): Record<string, Cell>[] =>
  table.rows.map((row) => Object.fromEntries(table.header.map((name, i) => [name, row[i]])));

const problemKey = (p: ExpectedProblem): string =>
  JSON.stringify([p.tab, p.cell, p.severity, p.message, p.unitCode, p.month]);

/** The start of the missing-figure reminder's message. */
const MISSING =
  MSG.missingFigures('')
    .split(' (')[0]
    ?.replace(/ tháng\s*$/, '') ?? '';

const tally = { sheets: 0, rows: 0, badCells: 0, problems: 0, cleanUnits: 0, dirtyUnits: 0 };

describe('hostile workbooks through the core', () => {
  it('never throw; Kiểm tra lists exactly the planted problems at their cells; good rows keep their figures', () => {
    fc.assert(
      fc.property(hostileShape, (shape) => {
        const hostile = buildHostile(shape);
        const report = buildReport(hostile.input, { now: NOW });
        const alone = buildReport(hostile.alone, { now: NOW });

        // Kiểm tra: the same multiset of (tab, cell, severity, message, unit, month) as planted, nothing else
        // (but the reminders of units missing months others reported, pinned by test/addin/reminders.test.ts
        // and test/sync/cycle-tabs.test.ts: the hostile rows leave such gaps at random).
        const found = recordsOf(report.tables.problems)
          .filter((p) => !String(p['Nội dung']).startsWith(MISSING))
          .map((p) =>
            problemKey({
              tab: String(p.Tab),
              cell: String(p.Ô),
              severity: String(p['Mức độ']),
              message: String(p['Nội dung']),
              unitCode: String(p['Mã đơn vị']),
              month: String(p.Kỳ),
            }),
          )
          .sort();
        expect(found).toEqual(hostile.expected.map(problemKey).sort());

        // Clean units: the whole Tỷ lệ row is what their rows give alone, in the plain layout.
        const rows = new Map(recordsOf(report.tables.ratio).map((r) => [String(r['Mã đơn vị']), r]));
        const aloneRows = new Map(recordsOf(alone.tables.ratio).map((r) => [String(r['Mã đơn vị']), r]));
        for (const code of hostile.cleanUnits)
          expect([code, rows.get(code)]).toEqual([code, aloneRows.get(code)]);
        // Units with a bad row: Số liệu lỗi, and the exact sums of the good months no error touches
        // (empty when no good month is left: no figures, not 0 dossiers, contract §10.4).
        for (const [code, sums] of hostile.dirtyUnits) {
          const row = rows.get(code) as Record<string, Cell>;
          expect([code, row['Đánh giá'], row['Tổng số hồ sơ'], row['Hồ sơ trực tuyến mức độ 3, 4']]).toEqual([
            code,
            STATUS.dataError,
            sums.months > 0 ? sums.resolved : '',
            sums.months > 0 ? sums.online : '',
          ]);
          expect(row['Số tháng có số liệu']).toBe(sums.months);
          // A unit with a data error is never ranked.
          for (const r of recordsOf(report.tables.ranking).filter((x) => x['Mã đơn vị'] === code))
            expect(r.Hạng).toBe('');
        }
        expect(report.summary.units).toBe(hostile.cleanUnits.length + hostile.dirtyUnits.size);

        tally.sheets++;
        tally.rows += hostile.input.entries.length;
        tally.badCells += hostile.badCells;
        tally.problems += hostile.expected.length;
        tally.cleanUnits += hostile.cleanUnits.length;
        tally.dirtyUnits += hostile.dirtyUnits.size;
      }),
      { numRuns: FUZZ_RUNS },
    );
    // Enough variety was really tried: hundreds of sheets, thousands of planted problems.
    expect(tally.sheets).toBe(FUZZ_RUNS);
    expect(tally.problems).toBeGreaterThan(FUZZ_RUNS * 3);
    expect(tally.cleanUnits).toBeGreaterThan(FUZZ_RUNS);
    expect(tally.dirtyUnits).toBeGreaterThan(FUZZ_RUNS);
    console.log(
      `fuzz (core): ${tally.sheets} hostile sheets, ${tally.rows} Nhập liệu rows, ${tally.badCells} bad cells planted, ` +
        `${tally.problems} problems expected and found at their exact cells, ${tally.cleanUnits} clean unit rows equal ` +
        `to their rows alone, ${tally.dirtyUnits} units with errors summed exactly`,
    );
  });
});
