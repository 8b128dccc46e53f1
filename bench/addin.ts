// Child process: spreadsheet service calls and time of one recompute in the Apps Script fake, product vs naive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadedScript, loadScript } from '../test/fakes/apps-script';
import { naiveRecompute } from './lib/naive';
import { ADMIN, OWNER, province } from './lib/province';
import { emit, numberArg, spread, timeMs } from './lib/stats';

const size = numberArg('size', 200);
const runs = numberArg('runs', 5);
const naiveRuns = numberArg('naive-runs', 3);
const source = readFileSync(join(__dirname, '..', 'Code.js'), 'utf8');
const tabs = province(size).tabs;

/**
 * The province loaded into a fresh fake. `trimmed`: empty columns deleted from the input tabs, as an owner
 * does to stay under Google's 10,000,000-cell limit (a new tab has 26 columns, A–Z).
 */
function loaded(trimmed = true): LoadedScript {
  const script = loadScript({ owner: OWNER, user: ADMIN, source });
  for (const [tab, rows] of Object.entries(tabs)) {
    const sheet = script.spreadsheet._load(tab, rows);
    if (trimmed) sheet.maxColumns = Math.max(...rows.slice(0, 1).map((row) => row.length));
  }
  return script;
}

/** Whether a recompute of the untrimmed sheet (26 columns per input tab) runs, or its refusal message. */
function untrimmed(): string | null {
  const script = loaded(false);
  script.run('recomputeAll');
  const toast = script.world.ui[script.world.ui.length - 1]?.text ?? '';
  return toast.includes(`Đã tính ${size} đơn vị`) ? null : toast;
}

/** Calls of the first recompute (creates the output tabs) and of the steady ones after, with their times. */
function product() {
  const script = loaded();
  const first = timeMs(() => script.run('recomputeAll'));
  const firstCalls = script.world.calls.total;
  const times: number[] = [];
  const totals: number[] = [];
  let byMethod: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    script.world.calls.reset();
    times.push(timeMs(() => script.run('recomputeAll')));
    totals.push(script.world.calls.total);
    byMethod = script.world.calls.snapshot();
  }
  const toast = script.world.ui[script.world.ui.length - 1]?.text ?? '';
  if (!toast.includes(`Đã tính ${size} đơn vị`)) throw new Error(`recompute did not run: ${toast}`);
  const ratioRows = script.spreadsheet._sheet('Tỷ lệ')._values().length;
  return { firstCalls, firstMs: first, calls: spread(totals), byMethod, time: spread(times), ratioRows };
}

function naive() {
  const times: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < naiveRuns; i++) {
    const script = loaded();
    const app = (script.context as { SpreadsheetApp: Parameters<typeof naiveRecompute>[0] }).SpreadsheetApp;
    naiveRecompute(app); // creates its output tabs; the measured run is the next one, as for the product
    script.world.calls.reset();
    times.push(timeMs(() => naiveRecompute(app)));
    totals.push(script.world.calls.total);
  }
  return { calls: spread(totals), time: spread(times) };
}

emit({ size, product: product(), naive: naive(), untrimmed: untrimmed() });
