// Who may recompute and set up: the spreadsheet's owner and the accounts listed as Quản trị viên.
import { ADDIN_TEXT } from './texts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type Access =
  | { readonly allowed: true; readonly email: string }
  | { readonly allowed: false; readonly message: string };

/** The person clicking, lower-cased; '' when Google does not reveal it (consumer accounts outside the domain). */
export function activeEmail(): string {
  return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
}

/** The owner's email, lower-cased; '' for files on a shared drive, which have no owner. */
export function ownerEmail(spreadsheet: Spreadsheet): string {
  const owner = spreadsheet.getOwner();
  return owner ? (owner.getEmail() || '').trim().toLowerCase() : '';
}

/**
 * Owner or administrator may act; an unknown account never may, with a message that says why. A file
 * on a shared drive has no owner: until someone is listed as Quản trị viên, any identified editor may
 * act, or nobody could ever set the sheet up.
 */
export function decideAccess(email: string, owner: string, admins: readonly string[]): Access {
  if (email === '') return { allowed: false, message: ADDIN_TEXT.noEmail };
  if (email === owner || admins.includes(email)) return { allowed: true, email };
  if (owner === '' && admins.length === 0) return { allowed: true, email };
  return { allowed: false, message: ADDIN_TEXT.notAllowed(email) };
}
