// Child process: round trips and time of one recompute (or one set-up) in the Apps Script fake: product, careful baseline, naive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadedScript, loadScript } from '../test/fakes/apps-script';
import { carefulRecompute } from './lib/careful';
import { naiveRecompute } from './lib/naive';
import { ADMIN, OWNER, province } from './lib/province';
import { emit, numberArg, spread, stringArg, timeMs } from './lib/stats';

const size = numberArg('size', 200);
const runs = numberArg('runs', 5);
const naiveRuns = numberArg('naive-runs', 3);
const mode = stringArg('mode') ?? 'recompute';
// --bundle: another build of the add-in (e.g. an older commit's dist/Code.js) measured the same way.
const source = readFileSync(stringArg('bundle') ?? join(__dirname, '..', 'Code.js'), 'utf8');
const tabs = province(size).tabs;

/**
 * Calls that go to Google. Builders (newConditionalFormatRule(), newDataValidation(), chart builders) and
 * the rules and validations they build are assembled in the script and cost no round trip.
 */
function roundTrips(byMethod: Record<string, number>): number {
  let sum = 0;
  for (const [name, n] of Object.entries(byMethod)) {
    const [object = '', method = ''] = name.split(/\.(?=[^.]+$)/);
    const local =
      object.endsWith('Builder') ||
      object === 'ConditionalFormatRule' ||
      object === 'DataValidation' ||
      (object === 'SpreadsheetApp' && method.startsWith('new'));
    if (!local) sum += n;
  }
  return sum;
}

/**
 * The province loaded into a fresh fake. `trimmed`: empty columns deleted from the input tabs, as an owner
 * does to stay under Google's 10,000,000-cell limit (a new tab has 26 columns, A–Z).
 */
function loaded(trimmed = true, user = ADMIN): LoadedScript {
  const script = loadScript({ owner: OWNER, user, source });
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
  const firstCalls = roundTrips(script.world.calls.snapshot());
  const times: number[] = [];
  const totals: number[] = [];
  const trips: number[] = [];
  let byMethod: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    script.world.calls.reset();
    times.push(timeMs(() => script.run('recomputeAll')));
    totals.push(script.world.calls.total);
    byMethod = script.world.calls.snapshot();
    trips.push(roundTrips(byMethod));
  }
  const toast = script.world.ui[script.world.ui.length - 1]?.text ?? '';
  if (!toast.includes(`Đã tính ${size} đơn vị`)) throw new Error(`recompute did not run: ${toast}`);
  const ratioRows = script.spreadsheet._sheet('Tỷ lệ')._values().length;
  // Bytes of the figures' batchUpdate as it would travel (JSON), the largest single request.
  const batchBytes = Math.max(
    0,
    ...script.sheets.batches.map((batch) => Buffer.byteLength(JSON.stringify({ requests: batch }), 'utf8')),
  );
  return {
    firstCalls,
    firstMs: first,
    calls: spread(totals),
    roundTrips: spread(trips),
    byMethod,
    time: spread(times),
    ratioRows,
    batchBytes,
  };
}

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** Every output tab's values after one product recompute: what a baseline must also write. */
function productTabs(): Map<string, unknown[][]> {
  const script = loaded();
  script.run('recomputeAll');
  return new Map(
    script.spreadsheet.sheets
      .filter((sheet) => !(sheet.name in tabs))
      .map((sheet) => [sheet.name, sheet._values()]),
  );
}

/**
 * A baseline script run twice (the first creates its tabs), the second measured. `sameJob`: the tabs the
 * product writes, with the values it writes, are there after the baseline (checked on the last run).
 */
function baseline(recompute: (app: App) => number, count: number, expected: Map<string, unknown[][]> | null) {
  const times: number[] = [];
  const totals: number[] = [];
  let differs: string[] = [];
  for (let i = 0; i < count; i++) {
    const script = loaded();
    const app = (script.context as { SpreadsheetApp: App }).SpreadsheetApp;
    recompute(app);
    script.world.calls.reset();
    times.push(timeMs(() => recompute(app)));
    totals.push(roundTrips(script.world.calls.snapshot()));
    if (expected)
      differs = [...expected]
        .filter(
          ([name, values]) =>
            !script.spreadsheet._hasSheet(name) ||
            JSON.stringify(script.spreadsheet._sheet(name)._values()) !== JSON.stringify(values),
        )
        .map(([name]) => name);
  }
  return { calls: spread(totals), time: spread(times), differs };
}

/** A set-up by the owner on the province's sheet, then a second one (which should change nothing). */
function setUp() {
  const script = loaded(true, OWNER);
  const time = timeMs(() => script.run('setUpSheet'));
  const calls = roundTrips(script.world.calls.snapshot());
  const message = script.world.ui[script.world.ui.length - 1]?.text ?? '';
  script.world.calls.reset();
  script.run('setUpSheet');
  return {
    size,
    calls,
    again: roundTrips(script.world.calls.snapshot()),
    time,
    protections: script.spreadsheet.protections.length,
    done: message.startsWith('Đã thiết lập'),
  };
}

if (mode === 'setup') emit(setUp());
else
  emit({
    size,
    product: product(),
    careful: baseline(carefulRecompute, naiveRuns, productTabs()),
    naive: baseline(naiveRecompute, naiveRuns, null),
    untrimmed: untrimmed(),
  });
