// Child process: one DVC_TYLE call over a 20,000-row range, through dist/Code.js in a vm as Sheets calls it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScript } from '../test/fakes/apps-script';
import { OWNER } from './lib/province';
import { emit, numberArg, spread, timeMs } from './lib/stats';

const rows = numberArg('rows', 20000);
const runs = numberArg('runs', 7);
const script = loadScript({ owner: OWNER, source: readFileSync(join(__dirname, '..', 'Code.js'), 'utf8') });
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
emit({ rows, cold, time: spread(samples), empty: out.filter((r) => r[0] === '').length });
