// --daily HH:MM in Asia/Ho_Chi_Minh, and the lock that keeps two syncs of one workbook from overlapping.
import * as nodeFs from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DateTime, FixedOffsetZone } from 'luxon';
import lockfile from 'proper-lockfile';
import { SYSTEM_TEXT, VIETNAM_OFFSET_MINUTES } from '../src/core';
import { oneLine, SyncError, translate } from './errors';
import { SYNC_TEXT } from './texts';
import type { WorkbookTarget } from './workbook/open';

/** Vietnam's fixed offset as a luxon zone (luxon serves the sync's schedule only, not the core). */
const VIETNAM_ZONE = FixedOffsetZone.instance(VIETNAM_OFFSET_MINUTES);

export interface DailyTime {
  readonly hour: number;
  readonly minute: number;
}

export function parseDailyTime(text: string): DailyTime {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new SyncError('USAGE', SYNC_TEXT.badDaily(text));
  return { hour, minute };
}

/** The next moment strictly after `now` whose Vietnamese wall-clock time is HH:MM. */
export function nextRunAt(now: Date, at: DailyTime): Date {
  const local = DateTime.fromJSDate(now, { zone: VIETNAM_ZONE });
  let next = local.set({ hour: at.hour, minute: at.minute, second: 0, millisecond: 0 });
  if (next.toMillis() <= now.getTime()) next = next.plus({ days: 1 });
  return next.toJSDate();
}

/** Where the lock of a workbook lives: beside an .xlsx, or in the temp folder for a Google Sheet. */
export function lockPathOf(target: WorkbookTarget): string {
  return target.kind === 'xlsx'
    ? `${resolve(target.path)}.sync-lock`
    : join(tmpdir(), `dvc-sync-${target.spreadsheetId}.lock`);
}

/** How long a lock goes without refresh before another run may take it over (a crashed run's lock). */
export const LOCK_STALE_MS = 30_000;

/** The lock held by a run: asked right before writing whether it is still this run's. */
export interface LockGuard {
  /** Throws LOCK_LOST when the lock was taken over (or could have been) while this run stalled. */
  assertHeld(): Promise<void>;
}

/**
 * Runs `task` holding the workbook's lock; a second sync of the same workbook fails at once (LOCKED).
 * The lock is refreshed while held and goes stale 30 s after a crash, so a killed run never blocks the next
 * night. A run that stalls past that (a blocked event loop, a suspended process) may have lost it to
 * another run: the task's guard says so before any write, so the stalled run writes nothing.
 */
export async function withLock<T>(
  lockPath: string,
  task: (guard: LockGuard) => Promise<T>,
  options: { readonly staleMs?: number } = {},
): Promise<T> {
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  let compromised = false;
  /** The guard found the lock taken by another run. */
  let lost = false;
  // The mtime proper-lockfile last gave the lock and when: a lock taken over is a new folder with
  // another mtime. Learnt through the fs it is given, since it keeps its own record private.
  let ourMtime = 0;
  let refreshedAt = 0;
  const fs = {
    ...nodeFs,
    utimes: (path: string, atime: Date, mtime: Date, done: (error: NodeJS.ErrnoException | null) => void) =>
      nodeFs.utimes(path, atime, mtime, (error) => {
        if (!error && resolve(path) === resolve(lockPath)) {
          ourMtime = mtime.getTime();
          refreshedAt = Date.now();
        }
        done(error);
      }),
    // proper-lockfile removes the lock folder on release and, synchronously, when the process exits, whoever
    // made it. A folder another run took over (its mtime is not ours) is that run's lock: left in place.
    rmdir: (path: string, done: (error: NodeJS.ErrnoException | null) => void) =>
      isOurLock(path) ? nodeFs.rmdir(path, done) : done(null),
    rmdirSync: (path: string) => {
      if (isOurLock(path)) nodeFs.rmdirSync(path);
    },
  };
  /** Whether `path` may be removed: not our lock folder at all, or still the folder we made and renewed. */
  function isOurLock(path: string): boolean {
    if (resolve(path) !== resolve(lockPath)) return true;
    if (lost) return false;
    try {
      return ourMtime === 0 || Math.abs(nodeFs.statSync(path).mtimeMs - ourMtime) < 1000;
    } catch {
      return true;
    }
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(lockPath, {
      realpath: false,
      lockfilePath: lockPath,
      stale: staleMs,
      retries: 0,
      fs,
      // Not thrown (it would crash a --daily process): remembered, and the guard refuses to write.
      onCompromised: () => {
        compromised = true;
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED')
      throw new SyncError('LOCKED', SYNC_TEXT.locked(lockPath));
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.lockFailed(lockPath, (error as Error).message), {
      cause: error,
    });
  }
  /** Resolves once the lock was renewed after `since`, or was reported lost, or a refresh period went by. */
  const refreshed = async (since: number): Promise<void> => {
    const until = Date.now() + Math.max(2000, staleMs / 2);
    while (!compromised && refreshedAt === since && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const guard: LockGuard = {
    async assertHeld() {
      // A long computation that blocked the event loop leaves the refresh overdue, not the lock lost: the
      // refresher gets its turn first (it re-checks that the lock is still ours and renews it), then the
      // lock is judged. Only a lock another run took (another mtime), or one that could not be renewed, fails.
      if (!compromised && Date.now() - refreshedAt >= staleMs / 2) await refreshed(refreshedAt);
      let held = !compromised && Date.now() - refreshedAt < staleMs;
      if (held) {
        try {
          // Within a second: file systems with seconds precision round it (a takeover is 30 s later).
          held = Math.abs((await stat(lockPath)).mtimeMs - ourMtime) < 1000;
        } catch {
          held = false;
        }
      }
      if (!held) {
        lost = true;
        throw new SyncError('LOCK_LOST', SYSTEM_TEXT.lockLost(lockPath));
      }
    },
  };
  try {
    return await task(guard);
  } finally {
    // Releasing a lock found lost leaves the other run's folder in place (isOurLock), so a third run cannot start.
    await release().catch(() => undefined);
  }
}

export interface DailyDeps {
  readonly now: () => Date;
  /** Resolves after ms, or early when the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly log: (line: string) => void;
  readonly signal: AbortSignal;
}

export const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((done) => {
    if (signal.aborted) return done();
    // Long waits in steps, so a suspended laptop or a clock change is caught up with within a minute.
    const timer = setTimeout(finish, Math.min(ms, 60_000));
    function finish() {
      signal.removeEventListener('abort', finish);
      clearTimeout(timer);
      done();
    }
    signal.addEventListener('abort', finish, { once: true });
  });

/**
 * Stays running: sleeps until the next HH:MM (Asia/Ho_Chi_Minh), runs, repeats until the signal aborts.
 * A failed night is reported and the loop goes on. Returns the number of runs that failed.
 */
export async function runDaily(at: DailyTime, run: () => Promise<void>, deps: DailyDeps): Promise<number> {
  let failures = 0;
  while (!deps.signal.aborted) {
    const due = nextRunAt(deps.now(), at);
    deps.log(
      SYNC_TEXT.nextRun(DateTime.fromJSDate(due, { zone: VIETNAM_ZONE }).toFormat('dd/MM/yyyy HH:mm')),
    );
    while (!deps.signal.aborted && deps.now().getTime() < due.getTime()) {
      await deps.sleep(due.getTime() - deps.now().getTime(), deps.signal);
    }
    if (deps.signal.aborted) break;
    try {
      await run();
    } catch (error) {
      failures++;
      deps.log(SYNC_TEXT.nightFailed(oneLine(translate(error).message)));
    }
  }
  return failures;
}
