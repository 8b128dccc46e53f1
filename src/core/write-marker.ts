// The "writing now" marker both halves leave on a Google Sheet, so neither writes while the other is writing.
//
// It is spreadsheet-level developer metadata (visible to the Sheets API and to Apps Script alike):
// key WRITE_MARKER_KEY, value the JSON of a WriteMarker. A writer refuses to start while the other
// half's marker is live, sets its own before its first write, and removes it with (or right after) its
// last write. A marker carries its own expiry, so a writer that died never blocks the other for long,
// and is trusted only within its writer's own limit (judgeMarker), so a forged one blocks no one.

/** Which half is writing. */
export type Writer = 'addin' | 'sync';

export interface WriteMarker {
  readonly by: Writer;
  /** A run's own id, so a writer removes only its own marker. */
  readonly runId: string;
  /** When the marker stops counting, whatever happened to its writer (ISO 8601 instant). */
  readonly until: string;
}

/** Developer-metadata key of the marker. */
export const WRITE_MARKER_KEY = 'dvc.writing';

/**
 * How long a marker counts. The add-in's recompute is bounded by Apps Script's 6-minute limit; a sync's
 * write, staged or not, takes well under this. A longer wait after a crash is the price of never
 * overlapping a slow writer.
 */
export const WRITE_MARKER_TTL_MS: Readonly<Record<Writer, number>> = {
  addin: 7 * 60_000,
  sync: 15 * 60_000,
};

export function newWriteMarker(by: Writer, runId: string, now: Date): WriteMarker {
  return { by, runId, until: new Date(now.getTime() + WRITE_MARKER_TTL_MS[by]).toISOString() };
}

export const writeMarkerValue = (marker: WriteMarker): string => JSON.stringify(marker);

/** The marker in a metadata value, or null when the value is not one (a foreign or damaged entry). */
export function parseWriteMarker(value: string | null | undefined): WriteMarker | null {
  if (typeof value !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { by, runId, until } = parsed as Record<string, unknown>;
  if ((by !== 'addin' && by !== 'sync') || typeof runId !== 'string' || typeof until !== 'string')
    return null;
  if (Number.isNaN(Date.parse(until))) return null;
  return { by, runId, until };
}

/**
 * Clock difference tolerated between the two halves (Apps Script's servers and the sync's machine): a
 * marker the other half set a moment ago may seem to claim up to this much more than its limit.
 */
export const WRITE_MARKER_SKEW_MS = 60_000;

/**
 * What a marker value is worth now (contract 10.3): `live` within its writer's own limit, `expired` past
 * its `until`, `stale` when it claims more than its writer's limit from now, cannot be read, or names no
 * known writer. A stale marker never blocks anyone, and the next writer removes it: else anyone able to
 * edit developer metadata could stop every write for ever with one "until 9999".
 */
export type MarkerVerdict =
  | { readonly state: 'live' | 'expired'; readonly marker: WriteMarker }
  | { readonly state: 'stale' };

export function judgeMarker(value: string | null | undefined, now: Date): MarkerVerdict {
  const marker = parseWriteMarker(value);
  if (!marker) return { state: 'stale' };
  const left = Date.parse(marker.until) - now.getTime();
  if (left > WRITE_MARKER_TTL_MS[marker.by] + WRITE_MARKER_SKEW_MS) return { state: 'stale' };
  return { state: left > 0 ? 'live' : 'expired', marker };
}

/** The other half's live marker among the values found, if any: the reason to refuse to write now. */
export function blockingMarker(
  values: readonly (string | null | undefined)[],
  me: Writer,
  now: Date,
): WriteMarker | null {
  for (const value of values) {
    const verdict = judgeMarker(value, now);
    if (verdict.state === 'live' && verdict.marker.by !== me) return verdict.marker;
  }
  return null;
}
