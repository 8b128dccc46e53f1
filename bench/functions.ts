// Child process: the custom functions through dist/Code.js in a vm as Sheets calls them: bundle size, cold call, 20,000-row ranges.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadScript } from '../test/fakes/apps-script';
import { OWNER } from './lib/province';
import { emit, numberArg, spread, stringArg, timeMs } from './lib/stats';

const rows = numberArg('rows', 20000);
const runs = numberArg('runs', 7);
// --bundle: another build of the add-in (an older commit's dist/Code.js) measured the same way.
const bundlePath = stringArg('bundle') ?? join(__dirname, '..', 'Code.js');
const rankRows = numberArg('rank-rows', rows);
const source = readFileSync(bundlePath, 'utf8');

// Apps Script loads the whole file for every custom-function call: a cold call is a fresh context that
// parses and runs the bundle, then one small DVC_TYLE call.
const coldSamples: number[] = [];
for (let i = 0; i < runs; i++)
  coldSamples.push(
    timeMs(() => {
      const fresh = loadScript({ owner: OWNER, source });
      fresh.run('DVC_TYLE', 11, 20);
    }),
  );

const script = loadScript({ owner: OWNER, source });
// Sheets passes a range as a 2-D array; a few cells hold text counts and zero totals, as real sheets do.
const total = Array.from({ length: rows }, (_, i) => [
  i % 97 === 0 ? 0 : i % 40 === 0 ? '1.234' : 300 + (i % 500),
]);
const online = Array.from({ length: rows }, (_, i) => [
  i % 97 === 0 ? 0 : i % 50 === 0 ? `${i % 300}` : (i * 7) % 300,
]);
let result: unknown = null;
const cold = timeMs(() => {
  result = script.run('DVC_TYLE', online, total);
});
const out = result as unknown[][];
if (!Array.isArray(out) || out.length !== rows) throw new Error('DVC_TYLE did not return a column');
const samples: number[] = [];
for (let i = 0; i < runs; i++) samples.push(timeMs(() => script.run('DVC_TYLE', online, total)));

// DVC_XEPHANG(range, range): every value of a 20,000-row column ranked among all of them.
const ratios = Array.from({ length: rankRows }, (_, i) => [((i * 7919) % 10007) / 10007]);
const rankSamples: number[] = [];
for (let i = 0; i < Math.min(runs, 3); i++) {
  let ranks: unknown = null;
  rankSamples.push(
    timeMs(() => {
      ranks = script.run('DVC_XEPHANG', ratios, ratios);
    }),
  );
  if (!Array.isArray(ranks) || ranks.length !== rankRows)
    throw new Error('DVC_XEPHANG did not return a column');
}

emit({
  rows,
  bundleBytes: statSync(bundlePath).size,
  coldCall: spread(coldSamples),
  cold,
  time: spread(samples),
  rankRows,
  rank: spread(rankSamples),
  empty: out.filter((r) => r[0] === '').length,
});
