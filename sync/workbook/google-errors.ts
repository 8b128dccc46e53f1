// The one translator from googleapis/gaxios errors to stable codes and a clear one-line Vietnamese message.

import { oneLine, redact, SyncError, type SyncErrorCode } from '../errors';
import { SYNC_TEXT } from '../texts';

interface GoogleErrorShape {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

/** Google's body: {"error":{"code":403,"message":"…","status":"PERMISSION_DENIED"}}. */
function googleBody(error: GoogleErrorShape): { status?: string; message?: string } {
  const data = error.response?.data as
    | { error?: { status?: unknown; message?: unknown } }
    | string
    | undefined;
  if (typeof data === 'object' && data !== null && typeof data.error === 'object' && data.error !== null) {
    return {
      status: typeof data.error.status === 'string' ? data.error.status : undefined,
      message: typeof data.error.message === 'string' ? data.error.message : undefined,
    };
  }
  return {};
}

/** HTTP status of a googleapis error, or undefined for network faults. */
export function httpStatusOf(error: unknown): number | undefined {
  const e = error as GoogleErrorShape;
  const status = e?.response?.status ?? e?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether a Sheets call is worth retrying: 429, 5xx, resets and time-outs (no response at all). */
export function isTransient(error: unknown): boolean {
  if (error instanceof SyncError) return false;
  const status = httpStatusOf(error);
  if (status === undefined) {
    // No response: a reset or time-out of a request gaxios made (its errors carry the request config).
    // Errors raised before any request (unreadable key file, bad options) have no config: not transient.
    return typeof error === 'object' && error !== null && 'config' in error;
  }
  return status === 429 || status === 408 || status >= 500;
}

function codeOf(status: number | undefined, googleStatus: string | undefined): SyncErrorCode {
  switch (googleStatus) {
    case 'PERMISSION_DENIED':
      return 'PERMISSION_DENIED';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'RESOURCE_EXHAUSTED':
      return 'QUOTA';
    case 'UNAUTHENTICATED':
      return 'AUTH';
    case 'UNAVAILABLE':
    case 'INTERNAL':
    case 'DEADLINE_EXCEEDED':
      return 'UNAVAILABLE';
    case 'INVALID_ARGUMENT':
    case 'FAILED_PRECONDITION':
      return 'INVALID_REQUEST';
  }
  if (status === undefined) return 'UNAVAILABLE';
  if (status === 401) return 'AUTH';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'QUOTA';
  if (status >= 500 || status === 408) return 'UNAVAILABLE';
  if (status === 400) return 'INVALID_REQUEST';
  return 'SHEETS_UNKNOWN';
}

/** Any error of a Sheets call → SyncError with a stable code; secrets (the token) never appear. */
export function translateGoogleError(
  error: unknown,
  sheet: string,
  secrets: readonly (string | undefined)[] = [],
): SyncError {
  if (error instanceof SyncError) return error;
  const e = error as GoogleErrorShape;
  const status = httpStatusOf(error);
  const body = googleBody(e);
  const code = codeOf(status, body.status);
  const detail = oneLine(redact(body.message ?? e?.message ?? String(error), secrets)).slice(0, 300);
  const message = (() => {
    switch (code) {
      case 'AUTH':
        return SYNC_TEXT.googleAuth(detail);
      case 'PERMISSION_DENIED':
        return SYNC_TEXT.googleDenied(sheet);
      case 'NOT_FOUND':
        return SYNC_TEXT.googleNotFound(sheet);
      case 'QUOTA':
        return SYNC_TEXT.googleQuota;
      case 'UNAVAILABLE':
        return SYNC_TEXT.googleUnavailable(
          status === undefined ? String(e?.code ?? detail) : `HTTP ${status}`,
        );
      case 'INVALID_REQUEST':
        return SYNC_TEXT.googleInvalid(detail);
      default:
        return SYNC_TEXT.googleOther(status ?? 0, detail);
    }
  })();
  return new SyncError(code, message, { cause: error });
}
