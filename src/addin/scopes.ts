// The OAuth scopes each entry point needs (one table, also checked against appsscript.json) and the check every entry makes before any work.

import { alertUser } from './feedback';
import { ADDIN_TEXT, REMINDER_TEXT, ROLLOUT_TEXT } from './texts';

/** The scopes appsscript.json declares, by what they are for. */
export const SCOPE = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  drive: 'https://www.googleapis.com/auth/drive',
} as const;

type ScopeKey = keyof typeof SCOPE;
export type Scope = (typeof SCOPE)[ScopeKey];

/**
 * What each entry point needs before it may start (`needs`), and what it uses when granted but can do
 * without (`uses`). Kiểm tra số liệu, a clerk's everyday item, needs only the spreadsheet and the menu's UI;
 * knowing the clerk's e-mail only narrows the list of problems shown.
 */
export const ENTRY_SCOPES = {
  recomputeAll: { caption: ADDIN_TEXT.menuRecompute, needs: ['spreadsheets', 'ui', 'email'], uses: [] },
  checkFigures: { caption: ADDIN_TEXT.menuCheck, needs: ['spreadsheets', 'ui'], uses: ['email'] },
  setUpSheet: { caption: ADDIN_TEXT.menuSetUp, needs: ['spreadsheets', 'ui', 'email', 'drive'], uses: [] },
  remindUnits: { caption: REMINDER_TEXT.menu, needs: ['spreadsheets', 'ui', 'email', 'mail'], uses: [] },
  toggleMonthlyReminders: {
    caption: REMINDER_TEXT.menuTrigger,
    needs: ['spreadsheets', 'ui', 'email', 'triggers'],
    uses: [],
  },
  showHelp: { caption: ADDIN_TEXT.menuHelp, needs: ['spreadsheets', 'ui'], uses: [] },
  // The monthly trigger: no one to show a menu or an alert to.
  remindMonthly: {
    caption: REMINDER_TEXT.menuTrigger,
    needs: ['spreadsheets', 'email', 'mail', 'triggers'],
    uses: [],
  },
} as const satisfies Record<
  string,
  { caption: string; needs: readonly ScopeKey[]; uses: readonly ScopeKey[] }
>;

export type EntryName = keyof typeof ENTRY_SCOPES;

/** The scopes of the entry's `needs` and `uses` that the user has granted (granular consent). */
function grantedOf(entry: EntryName): ReadonlySet<Scope> {
  const { needs, uses } = ENTRY_SCOPES[entry];
  const asked: Scope[] = [...needs, ...uses].map((key) => SCOPE[key]);
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, asked);
  const authorized = info.getAuthorizedScopes();
  if (authorized) return new Set(asked.filter((scope) => authorized.includes(scope)));
  // No list from Google: all or nothing, as the status says.
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED
    ? new Set(asked)
    : new Set();
}

/**
 * The granted scopes when every scope the entry needs is granted; otherwise null, after telling the
 * person in plain words what is missing and asking Google for it (requireScopes ends the execution and
 * shows the consent prompt for the missing scopes), before anything was read or written.
 */
export function grantedFor(entry: EntryName): ReadonlySet<Scope> | null {
  const granted = grantedOf(entry);
  const missing = ENTRY_SCOPES[entry].needs.filter((key) => !granted.has(SCOPE[key]));
  if (missing.length === 0) return granted;
  const words = missing.map((key) => ROLLOUT_TEXT.scope[key]);
  if (entry === 'remindMonthly') {
    // A trigger cannot ask anyone: it says why in the execution log and stops.
    console.error(`Dịch vụ công: ${ROLLOUT_TEXT.triggerScopesMissing(words)}`);
    return null;
  }
  if (granted.has(SCOPE.ui)) alertUser(ROLLOUT_TEXT.scopesMissing(ENTRY_SCOPES[entry].caption, words));
  ScriptApp.requireScopes(
    ScriptApp.AuthMode.FULL,
    missing.map((key) => SCOPE[key]),
  );
  return null;
}
