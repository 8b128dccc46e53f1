// Capped exponential back-off with jitter, Retry-After parsing, and an injectable sleep so tests run fast.
import { SYNC_DEFAULTS } from './defaults';

export interface RetryPolicy {
  /** Total tries of one request, the first included. */
  readonly attempts: number;
  /** Delay before the first retry; doubled each retry. */
  readonly baseDelayMs: number;
  /** Cap of any single delay, Retry-After included. */
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** 0 ≤ random() < 1, for jitter. */
  readonly random: () => number;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: SYNC_DEFAULTS.retries + 1,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  sleep: realSleep,
  random: Math.random,
};

/**
 * Delay before retry number `retry` (1 for the first retry): the server's Retry-After when given,
 * else base × 2^(retry−1) with ±50% "equal jitter", always capped.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, retryAfterMs: number | null = null): number {
  if (retryAfterMs !== null) return Math.min(Math.max(0, retryAfterMs), policy.maxDelayMs);
  const exponential = Math.min(policy.baseDelayMs * 2 ** Math.max(0, retry - 1), policy.maxDelayMs);
  return Math.round(exponential / 2 + (policy.random() * exponential) / 2);
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const when = Date.parse(text);
  return Number.isNaN(when) ? null : Math.max(0, when - now);
}

/** Outcome of one try, as the caller judges it. */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly error: Error;
      readonly retryAfterMs?: number | null;
    };

/**
 * Runs `once` until it succeeds, fails for good, or the attempts run out; the last error is thrown.
 * `onRetry` hears about each retry (for progress lines and request counting in tests).
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  once: (attempt: number) => Promise<Attempt<T>>,
  onRetry?: (error: Error, attempt: number, delayMs: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await once(attempt);
    if (outcome.ok) return outcome.value;
    if (!outcome.retryable || attempt >= policy.attempts || signal?.aborted) throw outcome.error;
    const delay = backoffDelay(policy, attempt, outcome.retryAfterMs ?? null);
    onRetry?.(outcome.error, attempt, delay);
    await policy.sleep(delay);
  }
}
