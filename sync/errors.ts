// The one error type of the sync: a stable code for scripts and exit codes, a Vietnamese sentence for people;
// and the one translator of system and library errors (Node's errno codes, a file that is not an .xlsx).
import { type Cell, type OutputTable, SYSTEM_TEXT } from '../src/core';

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
  /** Two tabs whose names differ only in case or spacing where one is the product's: refused before writing. */
  | 'TAB_NAMES'
  /** A file or folder of this machine failed outside the workbook (disk full, permissions…). */
  | 'SYSTEM'
  /** The add-in is writing the Google Sheet (its write marker is live): nothing written, run again later. */
  | 'BUSY'
  /** This run's lock was taken over by another run while it stalled: nothing written. */
  | 'LOCK_LOST'
  /** The .xlsx is open in Excel or LibreOffice (their lock file is beside it): nothing written. */
  | 'FILE_IN_USE'
  /** The .xlsx was saved by someone else between the run's read and its rename: nothing written. */
  | 'FILE_CHANGED'
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

/** Exit codes documented in --help and README: 2 usage, 3 portal, 4 workbook or Google, 5 busy, 1 anything else. */
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
    case 'BUSY':
    case 'LOCK_LOST':
    case 'FILE_IN_USE':
    case 'FILE_CHANGED':
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

/** A row with the secrets removed from its text cells; the same array when none was there. */
export function redactRow<T extends readonly Cell[]>(row: T, secrets: readonly (string | undefined)[]): T {
  let changed = false;
  const out = row.map((cell) => {
    if (typeof cell !== 'string') return cell;
    const clean = redact(cell, secrets);
    if (clean !== cell) changed = true;
    return clean;
  });
  return changed ? (out as unknown as T) : row;
}

/**
 * A table about to be written, with the secrets removed from every text cell (title, header, rows) as they
 * are from messages: whatever a portal echoes, no cell the sync writes holds them (contract §10.4). Rows
 * without a secret stay the same arrays (the log row is completed in place right before the write).
 */
export function redactTable(table: OutputTable, secrets: readonly (string | undefined)[]): OutputTable {
  if (!secrets.some((secret) => secret && secret.length >= 4)) return table;
  return {
    ...table,
    title: table.title.map((text) => redact(text, secrets)),
    header: table.header.map((text) => redact(text, secrets)),
    rows: table.rows.map((row) => redactRow(row, secrets)),
    ...(table.titleRows ? { titleRows: table.titleRows.map((row) => redactRow(row, secrets)) } : {}),
  };
}

/** Failures after which the run must not write even its failure row: the write itself is what is unsafe. */
export function forbidsWriting(error: unknown): boolean {
  return (
    isSyncError(error) &&
    (error.code === 'BUSY' ||
      error.code === 'LOCK_LOST' ||
      error.code === 'TAB_NAMES' ||
      error.code === 'FILE_IN_USE' ||
      error.code === 'FILE_CHANGED')
  );
}

/** Node's errno code of an error (or of a message that starts with it, as Node's messages do). */
function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /^(E[A-Z]{2,}):/.exec(text)?.[1];
}

/** jszip's and exceljs's words for a file that is not a zip, is cut short, or is not a workbook. */
const NOT_XLSX = [
  /end of central directory/i,
  /corrupted zip/i,
  /end of data reached/i,
  /is this a zip file/i,
  /invalid (signature|zip|compressed)/i,
  /encrypted zip/i,
  /unsupported compression/i,
  /not a valid workbook/i,
];

/** Whether an error (or its text) is a load failure of a file that is not a readable .xlsx. */
export function isNotXlsx(error: unknown): boolean {
  // A part of the package that is not well-formed XML (sync/workbook/xlsx-xml.ts).
  if (error instanceof Error && error.name === 'XmlPartError') return true;
  const text = error instanceof Error ? error.message : String(error);
  return NOT_XLSX.some((pattern) => pattern.test(text));
}

/**
 * A system or library reason in Vietnamese, with what to do, the system's own words in brackets; null
 * when the error is neither (its text is then used as it is).
 */
export function reasonOf(error: unknown): string | null {
  const raw = oneLine(error instanceof Error ? error.message : String(error));
  const errno = errnoOf(error);
  if (errno) {
    const known = (SYSTEM_TEXT as Record<string, unknown>)[errno];
    return SYSTEM_TEXT.withReason(typeof known === 'string' ? known : SYSTEM_TEXT.other, raw);
  }
  if (isNotXlsx(error)) return SYSTEM_TEXT.withReason(SYSTEM_TEXT.notXlsx, raw);
  return null;
}

/**
 * The sentence a person reads for any error. A SyncError built around a system or library error quotes
 * that error's English text: it is replaced by the Vietnamese reason (the English kept in brackets). A bare
 * system error is one sentence of its own.
 */
export function translate(error: unknown): SyncError {
  if (isSyncError(error)) {
    const cause = error.cause;
    const raw = cause instanceof Error ? cause.message : undefined;
    const reason = cause === undefined ? null : reasonOf(cause);
    if (!reason || raw === undefined || !error.message.includes(raw)) return error;
    const message = error.message.split(raw).join(reason);
    return new SyncError(error.code, message, { cause });
  }
  const reason = errnoOf(error) ? reasonOf(error) : null;
  if (reason) return new SyncError('SYSTEM', SYSTEM_TEXT.systemFailed(reason), { cause: error });
  return new SyncError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
}
