// Child process: time or peak memory of the core's full buildReport for one province size.
import { buildReport } from '../src/core';
import { NOW, province, workbookInput } from './lib/province';
import { emit, numberArg, stringArg, timeMs } from './lib/stats';

const size = numberArg('size', 200);
const input = workbookInput(province(size));

if (stringArg('mode') === 'memory') {
  // Run in a fresh process with --expose-gc. The baseline process builds the same input and stops there,
  // so its peak RSS is what the report's own work is measured against.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let rows = 0;
  if (!process.argv.includes('--baseline')) {
    const report = buildReport(input, { now: NOW });
    rows = report.tables.ratio.rows.length;
    gc();
    const retained = process.memoryUsage().heapUsed - heapBefore;
    emit({ size, rows, peakRssKb: process.resourceUsage().maxRSS, retainedBytes: retained });
  } else {
    emit({ size, rows, peakRssKb: process.resourceUsage().maxRSS, retainedBytes: 0 });
  }
} else {
  const runs = numberArg('runs', 5);
  let summary = { units: 0, ranked: 0, errors: 0, warnings: 0 };
  const cold = timeMs(() => {
    summary = buildReport(input, { now: NOW }).summary;
  });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(timeMs(() => buildReport(input, { now: NOW })));
  emit({ size, cold, samples, summary, entryRows: (input.entries?.length ?? 1) - 1 });
}
