// The memory bench's goals (stated before measuring), the trial's figures it is compared with, and its doc lines.

/** Contract §10.5: a sync fed an export at the 200 MiB cap peaks under 1 GiB. */
export const EXPORT_GOAL_KB = 1024 * 1024;
/** A portal answering 500 pages of 1 MB is refused cleanly (PORTAL_DATA) before the sync passes 700 MB. */
export const PORTAL_GOAL_KB = 700 * 1000;
/** The trial on main before the fix (2026-12): a 160–199 MB export took 2.4–4.4 GB, then a false LOCK_LOST. */
export const TRIAL_EXPORT = '2.4–4.4 GB, then a false `[LOCK_LOST]`';
/** The trial: many under-cap pages took the process to 4.7 GB and an out-of-memory crash, no error line. */
export const TRIAL_PORTAL = '4.7 GB, then an out-of-memory crash with no error line and the lock left behind';

export interface MemoryRun {
  /** Peak resident memory of the sync process (its own maxRSS, KiB). */
  readonly peakRssKb: number;
  readonly exitCode: number | null;
  /** The sync's stderr line (empty on success). */
  readonly error: string;
  readonly seconds: number;
  /** Whether the workbook's lock folder was gone after the run. */
  readonly lockReleased: boolean;
}

export interface MemoryResult {
  readonly export: MemoryRun & { readonly fileBytes: number; readonly rows: number };
  readonly portal: MemoryRun & {
    readonly pages: number;
    readonly pageBytes: number;
    readonly served: number;
  };
}

const mb = (kb: number) => `${Math.round((kb * 1024) / 1e6).toLocaleString('en-US')} MB`;
const yes = (ok: boolean) => (ok ? '**met**' : '**NOT met**');

export const exportMet = (r: MemoryResult): boolean =>
  r.export.exitCode === 0 && r.export.peakRssKb < EXPORT_GOAL_KB && !/LOCK_LOST/.test(r.export.error);
export const portalMet = (r: MemoryResult): boolean =>
  r.portal.exitCode === 3 &&
  /\[PORTAL_DATA\]/.test(r.portal.error) &&
  r.portal.lockReleased &&
  r.portal.peakRssKb < PORTAL_GOAL_KB;

/** Rows of the summary table. */
export function memorySummary(r: MemoryResult): string[] {
  return [
    `| Sync: a ${(r.export.fileBytes / 2 ** 20).toFixed(0)} MiB export (cap 200 MiB) peaks under 1 GiB, no false LOCK_LOST | ${mb(r.export.peakRssKb)}, exit ${r.export.exitCode} (trial before the fix: ${TRIAL_EXPORT}) | ${yes(exportMet(r))} |`,
    `| Sync: ${r.portal.pages} portal pages of 1 MB refused cleanly under 700 MB | ${mb(r.portal.peakRssKb)}, exit ${r.portal.exitCode} after ${r.portal.served} pages (trial: ${TRIAL_PORTAL}) | ${yes(portalMet(r))} |`,
  ];
}

/** The section of docs/benchmarks.md. */
export function memorySection(r: MemoryResult): string[] {
  return [
    '## 5. Memory bounds (contract §10.5)',
    '',
    'Each row is one real sync (`dist/node/sync.cjs`, lock taken, `.xlsx` of 300 units) in a child process of its',
    "own; the peak is that process's `process.resourceUsage().maxRSS`, reported as it exits.",
    '',
    '| Run | Peak RSS | Goal | Status | Exit | Time | Outcome | Before the fix (trial) |',
    '|---|---:|---|---|---:|---:|---|---|',
    `| \`--portal-file\`: ${(r.export.fileBytes / 2 ** 20).toFixed(1)} MiB CSV, ${r.export.rows.toLocaleString('en-US')} rows | ${mb(r.export.peakRssKb)} | under 1 GiB, no false \`[LOCK_LOST]\` | ${yes(exportMet(r))} | ${r.export.exitCode} | ${r.export.seconds.toFixed(0)} s | ${r.export.error === '' ? 'written' : r.export.error.slice(0, 120)} | ${TRIAL_EXPORT} |`,
    `| \`--portal\`: ${r.portal.pages} pages of ${(r.portal.pageBytes / 1e6).toFixed(2)} MB (one month) | ${mb(r.portal.peakRssKb)} | refused cleanly under 700 MB | ${yes(portalMet(r))} | ${r.portal.exitCode} | ${r.portal.seconds.toFixed(0)} s | ${r.portal.served} pages served, then \`${(/\[[A-Z_]+\]/.exec(r.portal.error) ?? ['?'])[0]}\`; lock ${r.portal.lockReleased ? 'released' : 'LEFT BEHIND'} | ${TRIAL_PORTAL} |`,
    '',
    'The export is what a portal writes (`Kỳ`, `Mã đơn vị`, `Tên đơn vị`, `Mã TTHC`, `Tên TTHC` and the two counts;',
    'about 125 bytes a row): it is read as a stream, a row at a time, and only the records are kept; the reading',
    "gives the event loop a turn every 50 ms, and the lock's guard lets an overdue refresh run before judging the",
    'lock: computing the tabs of 1.7 million rows blocks the event loop in one go (up to 21 s seen on this machine',
    'under load), which is no false `[LOCK_LOST]`. The portal pages are the default feed, 8,960 rows of 117 bytes each: the run counts every byte',
    'received and 120 bytes for every row kept against its 512 MiB budget, so it stops about half way.',
    '',
  ];
}
