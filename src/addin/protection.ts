// Protections the add-in owns (description prefix [DVC]): created, corrected or removed in one Sheets API batch, so set-up can run any number of times at any size.
import { a1 } from '../core';
import { ADDIN_TEXT } from './texts';

/** 1-based rectangle on a sheet. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface ProtectionPlan {
  readonly sheetName: string;
  /** The protected cells; null protects the whole sheet. */
  readonly block: Block | null;
  readonly description: string;
  /** Accounts allowed besides the owner (lower-case). */
  readonly editors: readonly string[];
  /** For a sheet protection: cells left editable by everyone (range protections then narrow them). */
  readonly unprotected?: readonly Block[];
}

/** A1 notation as Range.getA1Notation gives it: C5 for one cell, C5:E16 otherwise. */
export function blockA1(block: Block): string {
  const first = a1(block.row - 1, block.column - 1);
  if (block.numRows === 1 && block.numColumns === 1) return first;
  return `${first}:${a1(block.row + block.numRows - 2, block.column + block.numColumns - 2)}`;
}

const keyOf = (sheetName: string, description: string, where: string): string =>
  `${sheetName}\u0000${description}\u0000${where}`;

type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type Request = GoogleAppsScript.Sheets.Schema.Request;

/** A1 of a protected GridRange ('' for a whole-sheet protection, which has no row or column bounds). */
function whereOf(range: GridRange | undefined): string {
  if (!range || range.startRowIndex === undefined || range.startColumnIndex === undefined) return '';
  return blockA1({
    row: range.startRowIndex + 1,
    column: range.startColumnIndex + 1,
    numRows: (range.endRowIndex ?? range.startRowIndex + 1) - range.startRowIndex,
    numColumns: (range.endColumnIndex ?? range.startColumnIndex + 1) - range.startColumnIndex,
  });
}

const gridOf = (sheetId: number, block: Block): GridRange => ({
  sheetId,
  startRowIndex: block.row - 1,
  endRowIndex: block.row - 1 + block.numRows,
  startColumnIndex: block.column - 1,
  endColumnIndex: block.column - 1 + block.numColumns,
});

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((item) => y.has(item));
};

/**
 * Brings the add-in's protections in line with `plans` in two round trips whatever the number of
 * units: one Sheets API read of every protected range, and one batchUpdate that removes stale ones,
 * adds missing ones and corrects editors and unprotected ranges where they differ (nothing when all
 * match, so a second set-up changes nothing). The owner and the person running set-up stay editors of
 * every protection, as Sheets keeps them. Returns how many protections were added, changed or removed.
 */
export function applyProtections(
  api: GoogleAppsScript.Sheets,
  spreadsheetId: string,
  plans: readonly ProtectionPlan[],
  owner: string,
  acting: string,
): { kept: number; changed: number } {
  const read = api.Spreadsheets.get(spreadsheetId, {
    fields: 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges)',
  });
  const sheetIds = new Map<string, number>();
  const sizes = new Map<string, { rows: number; columns: number }>();
  const existing = new Map<string, ProtectedRange>();
  const requests: Request[] = [];
  for (const sheet of read.sheets ?? []) {
    const title = sheet.properties?.title ?? '';
    sheetIds.set(title, sheet.properties?.sheetId ?? 0);
    const grid = sheet.properties?.gridProperties;
    sizes.set(title, { rows: grid?.rowCount ?? 0, columns: grid?.columnCount ?? 0 });
    for (const range of sheet.protectedRanges ?? []) {
      const description = range.description ?? '';
      if (!description.startsWith(ADDIN_TEXT.protectionPrefix)) continue;
      const key = keyOf(title, description, whereOf(range.range));
      // A duplicate (two set-ups at once in an older version): keep the first.
      if (existing.has(key))
        requests.push({ deleteProtectedRange: { protectedRangeId: range.protectedRangeId } });
      else existing.set(key, range);
    }
  }
  // A protected range must lie inside the grid: a tab the layout is about to lengthen (Nhập liệu with
  // new units) grows first, in the same batch.
  for (const [title, size] of sizes) {
    const blocks = plans
      .filter((plan) => plan.sheetName === title)
      .flatMap((plan) => [...(plan.block ? [plan.block] : []), ...(plan.unprotected ?? [])]);
    const rows = Math.max(size.rows, ...blocks.map((b) => b.row - 1 + b.numRows));
    const columns = Math.max(size.columns, ...blocks.map((b) => b.column - 1 + b.numColumns));
    if (rows === size.rows && columns === size.columns) continue;
    requests.push({
      updateSheetProperties: {
        properties: {
          sheetId: sheetIds.get(title),
          gridProperties: { rowCount: rows, columnCount: columns },
        },
        fields: 'gridProperties.rowCount,gridProperties.columnCount',
      },
    });
  }
  const wanted = new Set(
    plans.map((plan) => keyOf(plan.sheetName, plan.description, plan.block ? blockA1(plan.block) : '')),
  );
  for (const [key, range] of existing) {
    if (wanted.has(key)) continue;
    requests.push({ deleteProtectedRange: { protectedRangeId: range.protectedRangeId } });
    existing.delete(key);
  }
  for (const plan of plans) {
    const sheetId = sheetIds.get(plan.sheetName);
    if (sheetId === undefined) continue;
    const key = keyOf(plan.sheetName, plan.description, plan.block ? blockA1(plan.block) : '');
    const users = [...new Set([owner, acting, ...plan.editors].filter((email) => email !== ''))];
    const unprotected = plan.block ? [] : (plan.unprotected ?? []).map((block) => gridOf(sheetId, block));
    const current = existing.get(key);
    if (!current) {
      requests.push({
        addProtectedRange: {
          protectedRange: {
            range: plan.block ? gridOf(sheetId, plan.block) : { sheetId },
            description: plan.description,
            warningOnly: false,
            editors: { users, domainUsersCanEdit: false },
            ...(plan.block ? {} : { unprotectedRanges: unprotected }),
          },
        },
      });
      continue;
    }
    const currentUsers = (current.editors?.users ?? []).map((email) => email.toLowerCase());
    const fields: string[] = [];
    if (!sameSet(currentUsers, users) || current.editors?.domainUsersCanEdit) fields.push('editors');
    if (current.warningOnly) fields.push('warningOnly');
    const unprotectedNow = (current.unprotectedRanges ?? []).map(whereOf);
    if (!plan.block && !sameSet(unprotectedNow, unprotected.map(whereOf))) fields.push('unprotectedRanges');
    if (fields.length === 0) continue;
    requests.push({
      updateProtectedRange: {
        protectedRange: {
          protectedRangeId: current.protectedRangeId,
          editors: { users, domainUsersCanEdit: false },
          warningOnly: false,
          unprotectedRanges: unprotected,
        },
        fields: fields.join(','),
      },
    });
  }
  if (requests.length > 0) api.Spreadsheets.batchUpdate({ requests }, spreadsheetId);
  return { kept: plans.length, changed: requests.length };
}

/** Runs of consecutive numbers: [2,3,4,7] → [[2,3], [7,1]] as [start, length]. */
export function runs(numbers: readonly number[]): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}
