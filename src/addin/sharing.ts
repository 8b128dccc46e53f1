// Set-up shares the sheet with every unit's Email nhập liệu and every Quản trị viên as editors, without Google's notification e-mails, adding only who is missing.
import { isEmail, type Model } from '../core';
import { describeError } from './feedback';
import { ROLLOUT_TEXT } from './texts';

/**
 * Drive.Permissions.create calls one run makes: each is a round trip of about half a second, and a run
 * has 6 minutes; a second set-up adds the rest (it reads who is already an editor first).
 */
export const SHARE_LIMIT = 200;
/** People listed by name in the Yes/No question; the rest are counted. */
const LISTED = 15;

/** The Advanced Drive service (v3), or null when appsscript.json does not enable it. */
export function driveService(): GoogleAppsScript.Drive | null {
  return typeof Drive === 'undefined' || !Drive ? null : Drive;
}

/** Who set-up will add: wanted accounts that are not the owner or an editor yet, each once, in order. */
export function planSharing(
  wanted: readonly string[],
  current: readonly string[],
): { readonly add: readonly string[]; readonly invalid: readonly string[] } {
  const have = new Set(current.map((email) => email.trim().toLowerCase()));
  const add: string[] = [];
  const invalid: string[] = [];
  for (const raw of wanted) {
    const email = raw.trim().toLowerCase();
    if (email === '' || have.has(email)) continue;
    have.add(email);
    (isEmail(email) ? add : invalid).push(email);
  }
  return { add, invalid };
}

/** Why Google refused one address, in plain words, Google's own words kept in brackets. */
export function shareReason(error: unknown): string {
  const detail = describeError(error);
  const reason = /ACL change not allowed|outside (of )?(your|the) (domain|organi[sz]ation)/i.test(detail)
    ? ROLLOUT_TEXT.shareOutsideDomain
    : /no Google account/i.test(detail)
      ? ROLLOUT_TEXT.shareNoAccount
      : ROLLOUT_TEXT.shareOther;
  return ROLLOUT_TEXT.shareGoogleWords(reason, detail);
}

/** What set-up says about sharing: a note for its toast, and the people Google refused, for an alert. */
export interface ShareResult {
  readonly notice: string;
  readonly refused: string;
}

/**
 * Asks (Yes/No, with the count and the first names), then adds each missing account as an editor through
 * the Advanced Drive service with sendNotificationEmail false, so 160 clerks do not each get Google's
 * "shared with you" e-mail. Existing editors are never removed or changed.
 */
export function shareWithUnits(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  model: Model,
  owner: string,
): ShareResult {
  const wanted = [...model.settings.admins, ...model.units.list.flatMap((unit) => unit.editors)];
  const current = [owner, ...spreadsheet.getEditors().map((user) => user.getEmail())];
  const { add, invalid } = planSharing(wanted, current);
  const invalidLines = invalid.map((email) => ROLLOUT_TEXT.shareLine(email, ROLLOUT_TEXT.shareInvalid));
  const refused = (lines: readonly string[]): string =>
    lines.length > 0 ? ROLLOUT_TEXT.shareFailed(lines.length, lines.join('\n')) : '';
  if (add.length === 0)
    return { notice: invalid.length > 0 ? '' : ROLLOUT_TEXT.shareAll, refused: refused(invalidLines) };
  const list = add.slice(0, LISTED).map((email) => `• ${email}`);
  if (add.length > LISTED) list.push(ROLLOUT_TEXT.shareMore(add.length - LISTED));
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    ROLLOUT_TEXT.shareTitle,
    ROLLOUT_TEXT.shareAsk(add.length, list.join('\n')),
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return { notice: ROLLOUT_TEXT.shareCancelled, refused: '' };
  const drive = driveService();
  if (!drive) throw new Error(ROLLOUT_TEXT.noDriveService);
  const fileId = spreadsheet.getId();
  const now = add.slice(0, SHARE_LIMIT);
  const failures = [...invalidLines];
  let added = 0;
  for (const email of now) {
    try {
      drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: email }, fileId, {
        sendNotificationEmail: false,
        supportsAllDrives: true,
        fields: 'id',
      });
      added++;
    } catch (error) {
      failures.push(ROLLOUT_TEXT.shareLine(email, shareReason(error)));
    }
  }
  const left = add.length - now.length;
  return {
    notice: ROLLOUT_TEXT.shareAdded(added) + (left > 0 ? ROLLOUT_TEXT.shareLeft(left, SHARE_LIMIT) : ''),
    refused: refused(failures),
  };
}
