// Shared state of one fake Apps Script run: who is acting, the call log, the UI log, the lock, the clock.
import { CallLog } from './calls';

export type Value = string | number | boolean | Date;

export interface UiEvent {
  /** consent: Google's own authorization prompt (ScriptApp.requireScopes), listing the scopes it asks for. */
  kind: 'menu' | 'alert' | 'toast' | 'dialog' | 'sidebar' | 'consent';
  title: string;
  text: string;
}

export interface MenuRecord {
  caption: string;
  items: { caption: string; functionName: string }[];
}

export class FakeWorld {
  readonly calls = new CallLog();
  readonly ui: UiEvent[] = [];
  readonly menus: MenuRecord[] = [];
  /** Another execution holds the document lock (a second click while a recompute runs). */
  lockHeldElsewhere = false;
  lockHeld = false;
  readonly documentProperties = new Map<string, string>();
  /** MailApp: recipients left today (each address of an e-mail counts, as Google counts them), and what was sent. */
  mailQuota = 100;
  readonly sentMail: { to: string; subject: string; body: string }[] = [];
  /** Project triggers (ScriptApp), as created. */
  readonly triggers: { id: string; handler: string; monthDay: number | null; hour: number | null }[] = [];
  /** Answers of the next alerts with buttons (YES, NO…); an alert with none answered gets OK. */
  readonly alertAnswers: string[] = [];
  /**
   * The OAuth scopes the person granted on Google's granular consent screen (loadScript starts with every
   * scope of appsscript.json). A service called without its scope refuses, as Apps Script does.
   */
  readonly granted = new Set<string>();
  /** Scopes appsscript.json declares (loadScript reads them). */
  readonly declared = new Set<string>();
  /** Google Workspace sharing restricted to this domain (outside addresses are refused), or null. */
  sharingDomain: string | null = null;
  /** Addresses with no Google account behind them. */
  readonly noGoogleAccount = new Set<string>();
  /** "Shared with you" e-mails Google sent, one per address. */
  readonly shareNotifications: string[] = [];
  /** The Date of the script's realm, so `instanceof Date` holds inside a vm context as in Apps Script. */
  DateClass: DateConstructor = Date;
  /**
   * The script's clock in ms since the epoch (`new Date()` and `Date.now()` inside the script); null is the
   * machine's. Tests whose outcome depends on the day of the month set it, so they hold on every day.
   */
  clock: (() => number) | null = null;

  constructor(
    readonly owner: string,
    /** Email of the person running the script; '' as for a consumer account outside the domain. */
    public activeUser: string,
  ) {}

  /** Midnight of a calendar day in Asia/Ho_Chi_Minh, as Sheets stores a date cell of a Vietnamese sheet. */
  localDate(year: number, month: number, day: number): Date {
    return new this.DateClass(Date.UTC(year, month - 1, day) - 7 * 3600 * 1000);
  }

  copyDate(date: Date): Date {
    return new this.DateClass(date.getTime());
  }

  /** Everyone may edit what the owner may; the owner's rights cannot be taken away. */
  isOwner(email: string): boolean {
    return email !== '' && email.toLowerCase() === this.owner.toLowerCase();
  }
}
