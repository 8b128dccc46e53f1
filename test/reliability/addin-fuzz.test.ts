// A sample of the hostile workbooks through the BUILT add-in (dist/Code.js in the Apps Script fake): the tabs it writes are the core's tables, cell for cell, with no formula anywhere.
import fc from 'fast-check';
import { buildReport, type Cell, tableToGrid } from '../../src/core';
import { loadScript } from '../fakes/apps-script';
import { buildHostile, hostileShape } from './hostile';

const SAMPLE = 30;
const OWNER = 'vanphong@hoabinh.gov.vn';

/** The value Sheets stores for a core cell: '' for empty, numbers and text as they are. */
const stored = (cell: Cell): unknown => (cell === null || cell === undefined ? '' : cell);

test('the add-in writes exactly the core tables for hostile workbooks, and never a formula', () => {
  let sheets = 0;
  let cells = 0;
  let formulaLike = 0;
  fc.assert(
    fc.property(hostileShape, (shape) => {
      const hostile = buildHostile(shape);
      const script = loadScript({ owner: OWNER });
      script.spreadsheet._load('Cấu hình', hostile.input.settings);
      script.spreadsheet._load('Đơn vị', hostile.input.units);
      script.spreadsheet._load('Nhập liệu', hostile.input.entries);
      script.run('recomputeAll');
      const toast = script.world.ui[script.world.ui.length - 1];
      expect(toast?.kind).toBe('toast');

      const report = buildReport(hostile.input, { now: new Date() });
      for (const table of Object.values(report.tables)) {
        const sheet = script.spreadsheet._sheet(table.tab);
        const want = tableToGrid(table).map((row) => row.map(stored));
        expect([table.tab, sheet._values()]).toEqual([table.tab, want]);
        for (const cell of sheet.rows.flat()) {
          // Text such as =1+1, +84…, @x, #N/A, 10/2020 stays text: Sheets made no formula of it.
          expect(cell.formula).toBe('');
          if (typeof cell.value === 'string' && /^\s*[=+\-@#]/.test(cell.value)) formulaLike++;
          cells++;
        }
      }
      sheets++;
    }),
    { numRuns: SAMPLE },
  );
  expect(sheets).toBe(SAMPLE);
  // The sample really carried text that Sheets would have turned into formulas or errors.
  expect(formulaLike).toBeGreaterThan(SAMPLE / 3);
  console.log(
    `fuzz (built add-in): ${sheets} hostile sheets recomputed in the Apps Script fake, ${cells} output cells equal to ` +
      `the core's tables, ${formulaLike} of them formula-like text kept as text`,
  );
});
