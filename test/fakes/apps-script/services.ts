// SpreadsheetApp, Ui and menus, HtmlService, LockService, PropertiesService and Session over one FakeWorld.
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './builders';
import { counted } from './calls';
import { type FakeSpreadsheet, fakeUser } from './spreadsheet';
import type { FakeWorld } from './world';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };
const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

export class FakeMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addToUi'> {
  readonly self: FakeMenu;
  readonly items: { caption: string; functionName: string }[] = [];
  constructor(
    private readonly world: FakeWorld,
    private readonly caption: string,
  ) {
    this.self = counted(this, world.calls, 'Menu');
  }
  addItem(caption: string, functionName: string): GMenu {
    this.items.push({ caption, functionName });
    return this.self as unknown as GMenu;
  }
  addSeparator(): GMenu {
    return this.self as unknown as GMenu;
  }
  addToUi(): void {
    const at = this.world.menus.findIndex((menu) => menu.caption === this.caption);
    const record = { caption: this.caption, items: [...this.items] };
    if (at >= 0) this.world.menus[at] = record;
    else this.world.menus.push(record);
  }
}

export class FakeUi
  implements Pick<GUi, 'createMenu' | 'createAddonMenu' | 'alert' | 'showModalDialog' | 'showSidebar'>
{
  readonly self: FakeUi;
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  constructor(private readonly world: FakeWorld) {
    this.self = counted(this, world.calls, 'Ui');
  }
  createMenu(caption: string): GMenu {
    return new FakeMenu(this.world, caption).self as unknown as GMenu;
  }
  createAddonMenu(): GMenu {
    return new FakeMenu(this.world, 'Add-on').self as unknown as GMenu;
  }
  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const [title, text] = args.length === 3 ? [String(args[0]), String(args[1])] : ['', String(args[0])];
    this.world.ui.push({ kind: 'alert', title, text });
    const answer =
      args.length >= 2 && args[args.length - 1] !== BUTTON_SET.OK
        ? this.world.alertAnswers.shift()
        : undefined;
    return (answer ?? BUTTON.OK) as unknown as GoogleAppsScript.Base.Button;
  }
  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this.world.ui.push({ kind: 'dialog', title, text: (userInterface as unknown as FakeHtmlOutput).content });
  }
  showSidebar(userInterface: GHtmlOutput): void {
    const html = userInterface as unknown as FakeHtmlOutput;
    this.world.ui.push({ kind: 'sidebar', title: html.title, text: html.content });
  }
}

export class FakeHtmlOutput
  implements Pick<GHtmlOutput, 'setWidth' | 'setHeight' | 'setTitle' | 'getContent'>
{
  readonly self: FakeHtmlOutput;
  title = '';
  width = 0;
  height = 0;
  constructor(
    world: FakeWorld,
    readonly content: string,
  ) {
    this.self = counted(this, world.calls, 'HtmlOutput');
  }
  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this.self as unknown as GHtmlOutput;
  }
  setHeight(height: number): GHtmlOutput {
    this.height = height;
    return this.self as unknown as GHtmlOutput;
  }
  setTitle(title: string): GHtmlOutput {
    this.title = title;
    return this.self as unknown as GHtmlOutput;
  }
  getContent(): string {
    return this.content;
  }
}

export class FakeLock
  implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>
{
  readonly self: FakeLock;
  private held = false;
  constructor(private readonly world: FakeWorld) {
    this.self = counted(this, world.calls, 'Lock');
  }
  tryLock(_timeoutInMillis: number): boolean {
    if (this.world.lockHeldElsewhere || this.world.lockHeld) return false;
    this.world.lockHeld = true;
    this.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.held) this.world.lockHeld = false;
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
}

export class FakeProperties
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties'
    >
{
  readonly self: FakeProperties;
  constructor(
    world: FakeWorld,
    private readonly store: Map<string, string>,
  ) {
    this.self = counted(this, world.calls, 'Properties');
  }
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.store.set(key, String(value));
    return this.self as unknown as GoogleAppsScript.Properties.Properties;
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(key);
    return this.self as unknown as GoogleAppsScript.Properties.Properties;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
}

/** The global services a pushed script sees, all over one world and one spreadsheet. */
export function appsScriptGlobals(world: FakeWorld, spreadsheet: FakeSpreadsheet) {
  const calls = world.calls;
  const SpreadsheetApp: Pick<
    GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    | 'getActiveSpreadsheet'
    | 'getActive'
    | 'getUi'
    | 'newDataValidation'
    | 'newConditionalFormatRule'
    | 'ProtectionType'
    | 'flush'
  > = counted(
    {
      ProtectionType: {
        RANGE: 'RANGE',
        SHEET: 'SHEET',
      } as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType,
      getActiveSpreadsheet: () => spreadsheet.self as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
      getActive: () => spreadsheet.self as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
      getUi: () => new FakeUi(world).self as unknown as GUi,
      newDataValidation: () =>
        new FakeDataValidationBuilder(world)
          .self as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      newConditionalFormatRule: () =>
        new FakeConditionalFormatRuleBuilder(world)
          .self as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      flush: () => undefined,
    },
    calls,
    'SpreadsheetApp',
  );
  const HtmlService: Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput'> = counted(
    {
      createHtmlOutput: (html?: unknown) =>
        new FakeHtmlOutput(world, String(html ?? '')).self as unknown as GHtmlOutput,
    },
    calls,
    'HtmlService',
  );
  const LockService: Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock'> = counted(
    {
      getDocumentLock: () => new FakeLock(world).self as unknown as GoogleAppsScript.Lock.Lock,
      getScriptLock: () => new FakeLock(world).self as unknown as GoogleAppsScript.Lock.Lock,
    },
    calls,
    'LockService',
  );
  const PropertiesService: Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties'> =
    counted(
      {
        getDocumentProperties: () =>
          new FakeProperties(world, world.documentProperties)
            .self as unknown as GoogleAppsScript.Properties.Properties,
      },
      calls,
      'PropertiesService',
    );
  const Session: Pick<
    GoogleAppsScript.Base.Session,
    'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone'
  > = counted(
    {
      getActiveUser: () => fakeUser(world, world.activeUser),
      getEffectiveUser: () => fakeUser(world, world.activeUser),
      getScriptTimeZone: () => 'Asia/Ho_Chi_Minh',
    },
    calls,
    'Session',
  );
  const MailApp: Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota' | 'sendEmail'> = counted(
    {
      getRemainingDailyQuota: () => world.mailQuota,
      sendEmail: ((message: { to: string; subject: string; body: string }) => {
        const recipients = message.to.split(',').filter((to) => to.trim() !== '').length;
        if (recipients > world.mailQuota)
          throw new Error('Service invoked too many times for one day: email.');
        world.mailQuota -= recipients;
        world.sentMail.push({ to: message.to, subject: message.subject, body: message.body });
      }) as unknown as GoogleAppsScript.Mail.MailApp['sendEmail'],
    },
    calls,
    'MailApp',
  );
  const ScriptApp: Pick<
    GoogleAppsScript.Script.ScriptApp,
    | 'newTrigger'
    | 'getProjectTriggers'
    | 'deleteTrigger'
    | 'getAuthorizationInfo'
    | 'requireScopes'
    | 'AuthMode'
    | 'AuthorizationStatus'
  > = counted(
    {
      AuthMode: AUTH_MODE as unknown as typeof GoogleAppsScript.Script.AuthMode,
      AuthorizationStatus:
        AUTHORIZATION_STATUS as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationInfo: ((authMode: unknown, oAuthScopes?: unknown) =>
        authorizationInfo(
          world,
          authMode,
          oAuthScopes,
        )) as GoogleAppsScript.Script.ScriptApp['getAuthorizationInfo'],
      requireScopes: (authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]) => {
        const missing = scopeList(authMode, oAuthScopes).filter((scope) => !world.granted.has(scope));
        if (missing.length === 0) return;
        // The execution ends and Google shows its consent screen for the missing scopes.
        world.ui.push({ kind: 'consent', title: '', text: missing.join(' ') });
        throw new Error(AUTHORIZATION_REQUIRED);
      },
      newTrigger: (handler: string) => fakeTriggerBuilder(world, handler),
      getProjectTriggers: () => world.triggers.map((t) => fakeTrigger(t)),
      deleteTrigger: (trigger: GoogleAppsScript.Script.Trigger) => {
        const at = world.triggers.findIndex((t) => t.id === trigger.getUniqueId());
        if (at >= 0) world.triggers.splice(at, 1);
      },
    },
    calls,
    'ScriptApp',
  );
  return { SpreadsheetApp, HtmlService, LockService, PropertiesService, Session, MailApp, ScriptApp };
}

const AUTH_MODE = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' };
const AUTHORIZATION_STATUS = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
/** What Apps Script throws when an execution needs an authorization the person has not given. */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

/** The scopes argument of getAuthorizationInfo / requireScopes, checked as Apps Script checks its arguments. */
function scopeList(authMode: unknown, oAuthScopes: unknown): string[] {
  if (!Object.values(AUTH_MODE).includes(String(authMode)))
    throw new Error(`Invalid argument: authMode (${String(authMode)})`);
  if (!Array.isArray(oAuthScopes) || oAuthScopes.some((scope) => typeof scope !== 'string'))
    throw new Error('Invalid argument: oAuthScopes');
  return oAuthScopes as string[];
}

/** ScriptApp.getAuthorizationInfo(authMode[, oAuthScopes]) over the person's granular grants. */
function authorizationInfo(
  world: FakeWorld,
  authMode: unknown,
  oAuthScopes: unknown,
): GoogleAppsScript.Script.AuthorizationInfo {
  const asked = oAuthScopes === undefined ? null : scopeList(authMode, oAuthScopes);
  const wanted = asked ?? [...world.declared];
  const complete = wanted.every((scope) => world.granted.has(scope));
  return {
    getAuthorizationStatus: () =>
      (complete
        ? AUTHORIZATION_STATUS.NOT_REQUIRED
        : AUTHORIZATION_STATUS.REQUIRED) as unknown as GoogleAppsScript.Script.AuthorizationStatus,
    getAuthorizationUrl: () => (complete ? null : 'https://script.google.com/macros/d/fake/authorize'),
    getAuthorizedScopes: () => (asked ? asked.filter((scope) => world.granted.has(scope)) : null),
  } as unknown as GoogleAppsScript.Script.AuthorizationInfo;
}

const SCOPE_URL = 'https://www.googleapis.com/auth/';
/** The scope each service call needs in Apps Script (calls not listed need none, e.g. locks, onOpen's menu). */
function scopeOfCall(name: string): string | null {
  // onOpen's menu runs as a simple trigger, with no authorization at all.
  if (name === 'SpreadsheetApp.getUi' || /^Ui\.create(Addon)?Menu$/.test(name)) return null;
  if (/^(Ui|HtmlService|HtmlOutput)\./.test(name)) return `${SCOPE_URL}script.container.ui`;
  if (
    /^(SpreadsheetApp|Spreadsheet|Sheet|Range|Protection|DataValidation|DataValidationBuilder|ConditionalFormatRule|ConditionalFormatRuleBuilder|EmbeddedChart|EmbeddedChartBuilder|Sheets\.Spreadsheets)\./.test(
      name,
    )
  )
    return `${SCOPE_URL}spreadsheets`;
  if (name === 'Session.getActiveUser' || name === 'Session.getEffectiveUser')
    return `${SCOPE_URL}userinfo.email`;
  if (name.startsWith('MailApp.')) return `${SCOPE_URL}script.send_mail`;
  if (/^ScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)$/.test(name))
    return `${SCOPE_URL}script.scriptapp`;
  if (name.startsWith('Drive.')) return `${SCOPE_URL}drive`;
  return null;
}

/** A call whose scope the person did not grant fails with Apps Script's words, before it does anything. */
export function scopeGuard(world: FakeWorld): (name: string) => void {
  return (name) => {
    const scope = scopeOfCall(name);
    if (scope && !world.granted.has(scope))
      throw new Error(`You do not have permission to call ${name}. Required permissions: ${scope}`);
  };
}

type TriggerRecord = FakeWorld['triggers'][number];

function fakeTrigger(record: TriggerRecord): GoogleAppsScript.Script.Trigger {
  return {
    getHandlerFunction: () => record.handler,
    getUniqueId: () => record.id,
  } as unknown as GoogleAppsScript.Script.Trigger;
}

/** ScriptApp.newTrigger(handler).timeBased().onMonthDay(d).atHour(h).create(), as the reminders use it. */
function fakeTriggerBuilder(world: FakeWorld, handler: string): GoogleAppsScript.Script.TriggerBuilder {
  const record: TriggerRecord = {
    id: `trigger-${world.triggers.length + 1}-${handler}`,
    handler,
    monthDay: null,
    hour: null,
  };
  const clock = {
    onMonthDay: (day: number) => {
      if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error(`Invalid argument: ${day}`);
      record.monthDay = day;
      return clock;
    },
    atHour: (hour: number) => {
      record.hour = hour;
      return clock;
    },
    create: () => {
      world.triggers.push(record);
      return fakeTrigger(record);
    },
  };
  return { timeBased: () => clock } as unknown as GoogleAppsScript.Script.TriggerBuilder;
}
