// The one error type of the sync: a stable code for scripts and exit codes, a Vietnamese sentence for people.

/** Stable codes; the CLI maps each family to an exit code (see exitCodeOf). */
export type SyncErrorCode =
  | 'USAGE'
  | 'LOCKED'
  | 'PORTAL_HTTP'
  | 'PORTAL_DATA'
  | 'PORTAL_FILE'
  | 'WORKBOOK_FILE'
  | 'AUTH'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'QUOTA'
  | 'UNAVAILABLE'
  | 'INVALID_REQUEST'
  /** A write refused before it was sent: it would break a Google Sheets size limit. */
  | 'LIMIT'
  | 'SHEETS_UNKNOWN'
  | 'INTERNAL';

export class SyncError extends Error {
  override readonly name = 'SyncError';

  /** What went wrong underneath, for debugging (never shown to users). */
  readonly cause: unknown;

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    this.cause = options?.cause;
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

/** Exit codes documented in --help: 2 usage, 3 portal, 4 workbook or Google, 5 locked, 1 anything else. */
export function exitCodeOf(error: unknown): number {
  if (!isSyncError(error)) return 1;
  switch (error.code) {
    case 'USAGE':
      return 2;
    case 'PORTAL_HTTP':
    case 'PORTAL_DATA':
    case 'PORTAL_FILE':
      return 3;
    case 'LOCKED':
      return 5;
    case 'INTERNAL':
      return 1;
    default:
      return 4;
  }
}

/** One line, whatever the error: newlines collapsed, so logs and the Nhật ký đồng bộ cell stay readable. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Removes a secret from text that might echo it (error bodies, URLs). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}
