// --daily (before its first wait) and --check prove that a night's sync can read and write its workbook and that the portal answers.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatMonth, readModel, SYSTEM_TEXT } from '../src/core';
import { SyncError, translate } from './errors';
import { checkPortal } from './portal/check';
import { type PortalSources, portalContext } from './portal/sources';
import { SYNC_TEXT } from './texts';
import type { GoogleSheetWorkbook } from './workbook/google-sheet';
import type { OpenOptions, WorkbookTarget } from './workbook/open';
import { openWorkbook } from './workbook/open';
import type { Workbook } from './workbook/workbook';
import { XlsxWorkbook } from './workbook/xlsx';

export interface PreflightOptions extends OpenOptions {
  /** The run's portal sources: with a portal URL it is asked once. */
  readonly sources: PortalSources | null;
  /** --daily: the checks come before the wait (a failure says so); --check: they are the whole run. */
  readonly waiting: boolean;
}

/** The portal asked once, for the first month of the workbook's Năm: what was proved, or its failure. */
async function portalProof(workbook: Workbook, sources: PortalSources, now: Date): Promise<string[]> {
  const baseUrl = sources.baseUrl;
  if (baseUrl === undefined) return [];
  const { input } = await workbook.read();
  const model = readModel(input, now);
  const month = { year: model.settings.year, month: 1 };
  const check = await checkPortal({ ...sources, baseUrl }, portalContext(input, model), month);
  return [SYSTEM_TEXT.preflightPortal(baseUrl, sources.profile.name, formatMonth(month), check.rows)];
}

/**
 * The checks, in the order a night would meet them; returns the line listing what they proved, throws the
 * night's error otherwise (its code and words, so a mistake surfaces now, not at 02:30).
 * - .xlsx: the folder exists; the file, if present, opens as a workbook with sound tab names; the run's own
 *   writability check passes (a read-only file is refused even for root, as the run refuses it).
 * - Google Sheet: the credentials are accepted and the tab list read (one request, tab names checked), and
 *   the account can write (one batch that sets and deletes a marker).
 * - With --portal: one request of the first month of Năm, for the configured profile.
 */
export async function preflight(target: WorkbookTarget, options: PreflightOptions): Promise<string> {
  try {
    const proved: string[] = [];
    let workbook: Workbook;
    if (target.kind === 'xlsx') {
      const path = resolve(target.path);
      const folder = dirname(path);
      const folderStat = await stat(folder).catch(() => null);
      if (!folderStat?.isDirectory()) throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxNoFolder(folder));
      const xlsx = new XlsxWorkbook(path, options.now, target.create ?? false);
      const exists = existsSync(path);
      if (exists) await xlsx.read();
      await xlsx.assertWritable();
      // A missing file without --tao-moi stops the night as it stops the run (a mistyped path), after the
      // folder's checks as there.
      if (!exists && !target.create) throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxMissing(path));
      proved.push(exists ? SYSTEM_TEXT.preflightXlsx(path) : SYSTEM_TEXT.preflightXlsxNew(path));
      workbook = xlsx;
    } else {
      const google = (await openWorkbook(target, options)) as GoogleSheetWorkbook;
      const title = await google.check();
      await google.checkWrite();
      proved.push(SYSTEM_TEXT.preflightGoogle(google.location, title));
      workbook = google;
    }
    if (options.sources) proved.push(...(await portalProof(workbook, options.sources, options.now())));
    return SYSTEM_TEXT.preflightPassed(proved);
  } catch (error) {
    const translated = translate(error);
    throw new SyncError(translated.code, SYSTEM_TEXT.preflightFailed(translated.message, options.waiting), {
      cause: error,
    });
  }
}
