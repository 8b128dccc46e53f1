// --daily: the next run in Asia/Ho_Chi_Minh, a loop that survives a failed night, and the lock, without real waiting.
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncError } from '../../sync/errors';
import { lockPathOf, nextRunAt, parseDailyTime, runDaily, withLock } from '../../sync/schedule';

describe('nextRunAt', () => {
  test('later today, in Vietnamese time (UTC+7)', () => {
    // 2020-10-05 01:00 in Hà Nội is 2020-10-04T18:00Z; 02:30 local is 19:30Z the same UTC day.
    expect(nextRunAt(new Date('2020-10-04T18:00:00Z'), parseDailyTime('02:30')).toISOString()).toBe(
      '2020-10-04T19:30:00.000Z',
    );
  });

  test('tomorrow when the time has passed, or is exactly now', () => {
    expect(nextRunAt(new Date('2020-10-04T19:30:00Z'), parseDailyTime('02:30')).toISOString()).toBe(
      '2020-10-05T19:30:00.000Z',
    );
    // 23:59 UTC on 31 Dec is 06:59 on 1 Jan in Vietnam: 02:30 is next on 2 Jan local.
    expect(nextRunAt(new Date('2020-12-31T23:59:00Z'), parseDailyTime('2:30')).toISOString()).toBe(
      '2021-01-01T19:30:00.000Z',
    );
  });

  test('bad times are usage errors', () => {
    for (const text of ['24:00', '7', '07:60', 'ab:cd'])
      expect(() => parseDailyTime(text)).toThrow(SyncError);
  });
});

describe('runDaily', () => {
  test('sleeps until each HH:MM, runs, and goes on after a failed night', async () => {
    let clock = new Date('2020-10-04T12:00:00Z').getTime();
    const runs: string[] = [];
    const lines: string[] = [];
    const stop = new AbortController();
    let night = 0;
    const failures = await runDaily(
      parseDailyTime('02:00'),
      async () => {
        runs.push(new Date(clock).toISOString());
        night++;
        if (night === 2) throw new SyncError('PORTAL_HTTP', 'Cổng DVC lỗi');
        if (night === 3) stop.abort();
      },
      {
        now: () => new Date(clock),
        sleep: async (ms) => {
          clock += ms;
        },
        log: (line) => lines.push(line),
        signal: stop.signal,
      },
    );
    expect(runs).toEqual([
      '2020-10-04T19:00:00.000Z',
      '2020-10-05T19:00:00.000Z',
      '2020-10-06T19:00:00.000Z',
    ]);
    expect(failures).toBe(1);
    expect(lines.filter((l) => l.includes('thất bại'))).toHaveLength(1);
    expect(lines[0]).toBe('Lần đồng bộ tiếp theo: 05/10/2020 02:00 (giờ Việt Nam).');
  });
});

describe('withLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a second run of the same workbook fails at once with LOCKED; the lock is released after', async () => {
    const path = lockPathOf({ kind: 'xlsx', path: join(dir, 'a.xlsx') });
    let release!: () => void;
    const first = withLock(path, () => new Promise<string>((done) => (release = () => done('first'))));
    await new Promise((r) => setTimeout(r, 50));
    await expect(withLock(path, async () => 'second')).rejects.toMatchObject({ code: 'LOCKED' });
    release();
    await expect(first).resolves.toBe('first');
    await expect(withLock(path, async () => 'third')).resolves.toBe('third');
  });

  test('a computation that blocks the event loop past the stale time is no false LOCK_LOST', async () => {
    const path = lockPathOf({ kind: 'xlsx', path: join(dir, 'b.xlsx') });
    // Stale after 2 s; the task then blocks for 2.5 s (as the core computing a 200 MiB export's tabs does).
    const outcome = withLock(
      path,
      async (guard) => {
        const until = Date.now() + 2500;
        while (Date.now() < until) {
          // nothing: the event loop is blocked, no refresh can run
        }
        await guard.assertHeld();
        return 'written';
      },
      { staleMs: 2000 },
    );
    await expect(outcome).resolves.toBe('written');
  });

  test('a lock another run took over while this one was blocked is LOCK_LOST', async () => {
    const path = lockPathOf({ kind: 'xlsx', path: join(dir, 'c.xlsx') });
    const outcome = withLock(
      path,
      async (guard) => {
        const until = Date.now() + 2500;
        let takenOver = false;
        while (Date.now() < until) {
          if (!takenOver && Date.now() > until - 1000) {
            // What another run does to a lock gone stale: replaces it with its own, of another mtime.
            rmSync(path, { recursive: true, force: true });
            mkdirSync(path);
            const later = new Date(Date.now() + 5000);
            utimesSync(path, later, later);
            takenOver = true;
          }
        }
        return guard.assertHeld();
      },
      { staleMs: 2000 },
    );
    await expect(outcome).rejects.toMatchObject({ code: 'LOCK_LOST' });
  });

  test('a failed run releases the lock too', async () => {
    const path = lockPathOf({ kind: 'google', spreadsheetId: `test-${Date.now()}` });
    await expect(withLock(path, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withLock(path, async () => 'next night')).resolves.toBe('next night');
  });
});
