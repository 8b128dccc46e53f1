// --daily checks, before its first wait, that the night's sync can open and write its workbook.
import { constants } from 'node:fs';
import { access, open, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SYNC_TEXT, SYSTEM_TEXT } from '../src/core';
import { SyncError, translate } from './errors';
import type { GoogleSheetWorkbook } from './workbook/google-sheet';
import type { OpenOptions, WorkbookTarget } from './workbook/open';
import { openWorkbook } from './workbook/open';
import { XlsxWorkbook } from './workbook/xlsx';

/** Whether the folder takes a new file: a real file created and removed (ACLs, read-only mounts, quotas). */
async function assertFolderWritable(folder: string): Promise<void> {
  const probe = join(folder, `.dvc-sync-check-${process.pid}-${Date.now()}.tmp`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
    await unlink(probe);
  } catch (error) {
    throw new SyncError('WORKBOOK_FILE', SYSTEM_TEXT.folderNotWritable(folder, (error as Error).message), {
      cause: error,
    });
  }
}

/**
 * The checks, in the order a night would meet them; returns the line saying they passed, throws the
 * night's error otherwise (in the words of a failed sync, so a mistake surfaces now, not at 02:30).
 * - .xlsx: the folder exists and takes a new file; the file, if present, opens as a workbook with sound
 *   tab names and can be written.
 * - Google Sheet: the credentials are accepted and the sheet can be read (one request, the tab list), its
 *   tab names sound.
 */
export async function preflight(target: WorkbookTarget, options: OpenOptions): Promise<string> {
  try {
    if (target.kind === 'xlsx') {
      const path = resolve(target.path);
      const folder = dirname(path);
      const folderStat = await stat(folder).catch(() => null);
      if (!folderStat?.isDirectory()) throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxNoFolder(folder));
      await assertFolderWritable(folder);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) {
        if (!target.create) throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxMissing(path));
        return SYSTEM_TEXT.preflightXlsxNew(path);
      }
      await new XlsxWorkbook(path, options.now).read();
      try {
        await access(path, constants.W_OK);
      } catch (error) {
        throw new SyncError('WORKBOOK_FILE', SYSTEM_TEXT.fileNotWritable(path, (error as Error).message), {
          cause: error,
        });
      }
      return SYSTEM_TEXT.preflightXlsx(path);
    }
    const workbook = await openWorkbook(target, options);
    const title = await (workbook as GoogleSheetWorkbook).check();
    return SYSTEM_TEXT.preflightGoogle(workbook.location, title);
  } catch (error) {
    const translated = translate(error);
    throw new SyncError(translated.code, SYSTEM_TEXT.preflightFailed(translated.message), { cause: error });
  }
}
