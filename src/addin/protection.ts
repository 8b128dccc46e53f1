// Protections the add-in owns (description prefix [DVC]): created, corrected or removed so set-up can run any number of times.
import { ADDIN_TEXT, a1 } from '../core';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** 1-based rectangle on a sheet. */
export interface Block {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface ProtectionPlan {
  readonly sheet: Sheet;
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

/**
 * Brings the add-in's protections in line with `plans`: stale ones removed, missing ones created,
 * editors and unprotected ranges corrected only where they differ. Returns how many calls changed something.
 */
export function applyProtections(
  spreadsheet: Spreadsheet,
  plans: readonly ProtectionPlan[],
  owner: string,
  acting: string,
): { kept: number; changed: number } {
  const existing = new Map<string, Protection>();
  let changed = 0;
  for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
    for (const protection of spreadsheet.getProtections(type)) {
      const description = protection.getDescription();
      if (!description.startsWith(ADDIN_TEXT.protectionPrefix)) continue;
      const range = protection.getRange();
      const where = type === SpreadsheetApp.ProtectionType.SHEET ? '' : range.getA1Notation();
      const key = keyOf(range.getSheet().getName(), description, where);
      if (existing.has(key)) {
        protection.remove();
        changed++;
      } else existing.set(key, protection);
    }
  }
  const wanted = new Set(
    plans.map((plan) => keyOf(plan.sheetName, plan.description, plan.block ? blockA1(plan.block) : '')),
  );
  for (const [key, protection] of existing) {
    if (wanted.has(key)) continue;
    protection.remove();
    existing.delete(key);
    changed++;
  }
  for (const plan of plans) {
    const key = keyOf(plan.sheetName, plan.description, plan.block ? blockA1(plan.block) : '');
    let protection = existing.get(key);
    if (!protection) {
      protection = plan.block
        ? plan.sheet
            .getRange(plan.block.row, plan.block.column, plan.block.numRows, plan.block.numColumns)
            .protect()
        : plan.sheet.protect();
      protection.setDescription(plan.description);
      // A new protection mirrors the file's editors until its list is changed: freeze it to the
      // person running set-up (and the owner, who always stays), as Google's own sample does.
      protection.addEditor(acting);
      protection.removeEditors(protection.getEditors());
      changed++;
    }
    changed += syncEditors(protection, [owner, ...plan.editors], owner, acting);
    if (protection.canDomainEdit()) {
      protection.setDomainEdit(false);
      changed++;
    }
    if (!plan.block) changed += syncUnprotected(protection, plan);
  }
  return { kept: plans.length, changed };
}

function syncEditors(
  protection: Protection,
  wanted: readonly string[],
  owner: string,
  acting: string,
): number {
  const desired = new Set(wanted.filter((email) => email !== ''));
  const current = new Set(protection.getEditors().map((user) => user.getEmail().toLowerCase()));
  // The owner and the person running set-up cannot be taken off a protection.
  const extra = [...current].filter((email) => !desired.has(email) && email !== owner && email !== acting);
  const missing = [...desired].filter((email) => !current.has(email));
  if (extra.length > 0) protection.removeEditors(extra);
  if (missing.length > 0) protection.addEditors(missing);
  return (extra.length > 0 ? 1 : 0) + (missing.length > 0 ? 1 : 0);
}

function syncUnprotected(protection: Protection, plan: ProtectionPlan): number {
  const wanted = (plan.unprotected ?? []).map(blockA1).sort();
  const current = protection
    .getUnprotectedRanges()
    .map((range) => range.getA1Notation())
    .sort();
  if (wanted.length === current.length && wanted.every((a, i) => a === current[i])) return 0;
  protection.setUnprotectedRanges(
    (plan.unprotected ?? []).map((b) => plan.sheet.getRange(b.row, b.column, b.numRows, b.numColumns)),
  );
  return 1;
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
