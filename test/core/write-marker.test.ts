// The write marker: parsing, expiry, and which marker blocks which half.
import {
  blockingMarker,
  newWriteMarker,
  parseWriteMarker,
  WRITE_MARKER_TTL_MS,
  writeMarkerValue,
} from '../../src/core/write-marker';

const now = new Date('2026-03-10T02:00:00Z');

describe('write marker', () => {
  it('round-trips through its metadata value and expires after its writer’s time to live', () => {
    const marker = newWriteMarker('sync', 'run-1', now);
    expect(marker.until).toBe('2026-03-10T02:15:00.000Z');
    expect(parseWriteMarker(writeMarkerValue(marker))).toEqual(marker);
    expect(WRITE_MARKER_TTL_MS.addin).toBe(7 * 60_000);
  });

  it('ignores values that are not markers', () => {
    for (const value of [null, undefined, '', 'x', '[]', '{"by":"me","runId":"a","until":"2030-01-01"}']) {
      expect(parseWriteMarker(value)).toBeNull();
    }
    expect(parseWriteMarker('{"by":"addin","runId":"a","until":"not a date"}')).toBeNull();
  });

  it('blocks only on the other half’s live marker', () => {
    const sync = writeMarkerValue(newWriteMarker('sync', 's', now));
    const addin = writeMarkerValue(newWriteMarker('addin', 'a', now));
    expect(blockingMarker([sync], 'addin', now)?.runId).toBe('s');
    expect(blockingMarker([sync], 'sync', now)).toBeNull();
    expect(blockingMarker([addin, 'junk'], 'sync', now)?.by).toBe('addin');
    const later = new Date(now.getTime() + WRITE_MARKER_TTL_MS.addin + 1);
    expect(blockingMarker([addin], 'sync', later)).toBeNull();
    expect(blockingMarker([sync], 'addin', later)?.by).toBe('sync');
  });
});
