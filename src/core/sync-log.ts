// One row of Nhật ký đồng bộ, and the rule that keeps only the newest rows.
import type { Cell } from './cells';
import { SYNC_RESULT } from './labels';
import { formatTimestamp } from './month';
import { SYNC_LOG_LIMIT } from './schema';

export interface SyncLogEntry {
  readonly startedAt: Date;
  readonly result: keyof typeof SYNC_RESULT;
  readonly units: number;
  readonly portalRows: number;
  readonly durationMs: number;
  readonly error?: string;
}

export function syncLogRow(entry: SyncLogEntry): Cell[] {
  return [
    formatTimestamp(entry.startedAt),
    SYNC_RESULT[entry.result],
    entry.units,
    entry.portalRows,
    Math.round(entry.durationMs / 100) / 10,
    entry.error ?? '',
  ];
}

/** Existing log rows plus the new one, oldest dropped beyond the limit. */
export function appendLogRow<T>(rows: readonly T[], row: T, limit = SYNC_LOG_LIMIT): T[] {
  const all = [...rows, row];
  return all.slice(Math.max(0, all.length - limit));
}
