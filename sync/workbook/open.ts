// --workbook → the right implementation: a local .xlsx path, or a Google Sheet by URL or id.
import { extname } from 'node:path';
import { SyncError } from '../errors';
import type { RetryPolicy } from '../retry';
import { SYNC_TEXT } from '../texts';
import { GoogleSheetWorkbook, googleAuthFromEnv, spreadsheetIdOf } from './google-sheet';
import type { Workbook } from './workbook';
import { XlsxWorkbook } from './xlsx';

/** `create`: a missing .xlsx is made from the template (--tao-moi); without it a missing file stops the run. */
export type WorkbookTarget =
  | { kind: 'xlsx'; path: string; create?: boolean }
  | { kind: 'google'; spreadsheetId: string };

/** Which workbook an argument names; a path with another extension is a usage error, said clearly. */
export function workbookTarget(argument: string): WorkbookTarget {
  const text = argument.trim();
  if (/^https?:\/\//i.test(text)) {
    const id = spreadsheetIdOf(text);
    if (!id) throw new SyncError('USAGE', SYNC_TEXT.badSheetUrl(text));
    return { kind: 'google', spreadsheetId: id };
  }
  const extension = extname(text).toLowerCase();
  if (extension === '.xlsx') return { kind: 'xlsx', path: text };
  if (extension === '' && !/[\\/]/.test(text)) {
    const id = spreadsheetIdOf(text);
    if (id) return { kind: 'google', spreadsheetId: id };
  }
  throw new SyncError('USAGE', SYNC_TEXT.badWorkbookArgument(text));
}

export interface OpenOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly now: () => Date;
  readonly onRetry?: (what: string, attempt: number, delayMs: number) => void;
}

export async function openWorkbook(target: WorkbookTarget, options: OpenOptions): Promise<Workbook> {
  if (target.kind === 'xlsx') return new XlsxWorkbook(target.path, options.now, target.create ?? false);
  const { auth, secrets } = await googleAuthFromEnv(options.env);
  return new GoogleSheetWorkbook({
    spreadsheetId: target.spreadsheetId,
    auth,
    rootUrl: options.env.SHEETS_API_ROOT?.trim() || undefined,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    secrets,
    onRetry: options.onRetry,
    now: options.now,
  });
}
