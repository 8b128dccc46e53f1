// The write marker: parsing, expiry, and which marker blocks which half.
import {
  blockingMarker,
  judgeMarker,
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

  it('trusts a marker only within its writer’s own limit: a forged, unreadable or foreign one is stale and blocks no one', () => {
    const forged = JSON.stringify({ by: 'addin', runId: 'x', until: '9999-12-31T23:59:59Z' });
    const unreadable = '{"by":"addin","until":';
    const foreign = JSON.stringify({ by: 'excel', runId: 'x', until: '2026-03-10T02:05:00Z' });
    for (const value of [forged, unreadable, foreign, '']) {
      expect(judgeMarker(value, now)).toEqual({ state: 'stale' });
    }
    expect(blockingMarker([forged, unreadable, foreign], 'sync', now)).toBeNull();
    expect(blockingMarker([forged], 'addin', now)).toBeNull();
    // 7 minutes for the add-in, 15 for the sync, counted from now, with one minute of clock difference.
    const addinFor = (minutes: number) =>
      JSON.stringify({
        by: 'addin',
        runId: 'a',
        until: new Date(now.getTime() + minutes * 60_000).toISOString(),
      });
    expect(judgeMarker(addinFor(7), now).state).toBe('live');
    expect(judgeMarker(addinFor(8), now).state).toBe('live');
    expect(judgeMarker(addinFor(8.01), now).state).toBe('stale');
    expect(judgeMarker(addinFor(15), now).state).toBe('stale');
    expect(judgeMarker(addinFor(-1), now).state).toBe('expired');
    const syncFor15 = writeMarkerValue(newWriteMarker('sync', 's', now));
    expect(judgeMarker(syncFor15, now).state).toBe('live');
    expect(blockingMarker([forged, addinFor(6)], 'sync', now)?.runId).toBe('a');
  });
});
