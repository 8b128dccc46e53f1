// Granular consent: each entry point needs only its own scopes (one table, matched with appsscript.json), and one granted less is told what is missing before anything happens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_ITEMS } from '../../src/addin/menu';
import { ENTRY_SCOPES, type EntryName, SCOPE } from '../../src/addin/scopes';
import { ROLLOUT_TEXT } from '../../src/addin/texts';
import { AUTHORIZATION_REQUIRED, type LoadedScript } from '../fakes/apps-script';
import { ADMIN, OWNER, rolloutProvince, UNIT_EMAILS } from './rollout-world';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
  dependencies: { enabledAdvancedServices: { userSymbol: string; serviceId: string; version: string }[] };
};
const ENTRIES = Object.keys(ENTRY_SCOPES) as EntryName[];
const scopesOf = (entry: EntryName, part: 'needs' | 'uses'): string[] =>
  ENTRY_SCOPES[entry][part].map((key) => SCOPE[key]);

describe('the scope table and appsscript.json', () => {
  test('every declared scope is needed or used by some entry point, and no entry needs an undeclared one', () => {
    const inTable = new Set(
      ENTRIES.flatMap((entry) => [...scopesOf(entry, 'needs'), ...scopesOf(entry, 'uses')]),
    );
    expect([...inTable].sort()).toEqual([...manifest.oauthScopes].sort());
    expect(manifest.oauthScopes).toHaveLength(6);
  });

  test('every menu item, and the monthly trigger, has its row in the table', () => {
    for (const { functionName } of MENU_ITEMS)
      expect([functionName, functionName in ENTRY_SCOPES]).toEqual([functionName, true]);
    expect('remindMonthly' in ENTRY_SCOPES).toBe(true);
  });

  test("a clerk's Kiểm tra số liệu needs only the spreadsheet and the menu's UI; mail and triggers only their own items", () => {
    expect(scopesOf('checkFigures', 'needs')).toEqual([SCOPE.spreadsheets, SCOPE.ui]);
    const needing = (scope: string) => ENTRIES.filter((entry) => scopesOf(entry, 'needs').includes(scope));
    expect(needing(SCOPE.mail)).toEqual(['remindUnits', 'remindMonthly']);
    expect(needing(SCOPE.triggers)).toEqual(['toggleMonthlyReminders', 'remindMonthly']);
    expect(needing(SCOPE.drive)).toEqual(['setUpSheet']);
  });

  test("README's roll-out table says what the table says: each item's scopes, needed then used", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const rows = new Map(
      [...readme.matchAll(/^ {3}\| [^|]*\(`(\w+)`\) \| ([^|]*) \|/gm)].map(([, name, cell]) => [
        name,
        [...(cell ?? '').matchAll(/`([\w.]+)`/g)].map(
          ([, short]) => `https://www.googleapis.com/auth/${short}`,
        ),
      ]),
    );
    expect([...rows.keys()].sort()).toEqual([...ENTRIES].sort());
    for (const entry of ENTRIES)
      expect([entry, rows.get(entry)]).toEqual([
        entry,
        [...scopesOf(entry, 'needs'), ...scopesOf(entry, 'uses')],
      ]);
  });

  test('the Advanced Drive service (v3) is enabled beside the Sheets service, and the build ships the same manifest', () => {
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
    const built = JSON.parse(readFileSync(join(__dirname, '..', '..', 'dist', 'appsscript.json'), 'utf8'));
    expect(built).toEqual(manifest);
  });
});

/** What "nothing happened" covers: every cell, protection and tab, locale, editors, mail, triggers. */
function snapshot(script: LoadedScript): string {
  const { spreadsheet, world } = script;
  return JSON.stringify({
    state: spreadsheet._state(),
    locale: [spreadsheet.locale, spreadsheet.timeZone],
    editors: [...spreadsheet.collaborators].sort(),
    mail: world.sentMail,
    triggers: world.triggers,
    notifications: world.shareNotifications,
  });
}

/** A province whose monthly trigger is on, on 11 April 2026 at 08:00 in Vietnam: the day after Hạn nhập liệu. */
function world(granted?: readonly string[]): LoadedScript {
  const script = rolloutProvince({ granted, deadline: 10 });
  script.world.clock = () => Date.UTC(2026, 3, 11, 1, 0);
  script.world.triggers.push({
    id: 'trigger-1-remindMonthly',
    handler: 'remindMonthly',
    monthDay: 11,
    hour: 8,
  });
  return script;
}

/** Runs one entry point with every answer Yes; returns what the person saw last. */
function runYes(script: LoadedScript, entry: EntryName): { kind: string; text: string } | undefined {
  script.world.alertAnswers.push('YES', 'YES', 'YES');
  script.run(entry);
  return script.world.ui[script.world.ui.length - 1];
}

describe('granted everything: each entry point works', () => {
  test('Tính lại tỷ lệ và xếp hạng writes the output tabs', () => {
    const script = world();
    expect(runYes(script, 'recomputeAll')?.text).toBe(
      'Đã tính 4 đơn vị. Phát hiện 0 lỗi và 2 cảnh báo (xem tab Kiểm tra).',
    );
    expect(script.spreadsheet._hasSheet('Tỷ lệ')).toBe(true);
  });

  test('Kiểm tra số liệu writes Kiểm tra', () => {
    const script = world();
    expect(runYes(script, 'checkFigures')?.text).toBe(
      'Đã kiểm tra số liệu: 0 lỗi và 2 cảnh báo (xem tab Kiểm tra).',
    );
  });

  test('Thiết lập bảng tính lays the sheet out and shares it with the five accounts', () => {
    const script = world();
    expect(runYes(script, 'setUpSheet')?.text).toContain('Đã thêm 5 người làm người chỉnh sửa');
    expect([...script.spreadsheet.collaborators].sort()).toEqual([ADMIN, ...UNIT_EMAILS].sort());
  });

  test('Nhắc đơn vị chưa nhập số liệu sends two e-mails (Sở B, Xã C)', () => {
    const script = world();
    runYes(script, 'remindUnits');
    expect(script.world.sentMail.map((mail) => mail.to)).toEqual([
      'b1@tinh.gov.vn,b2@tinh.gov.vn',
      'c@tinh.gov.vn',
    ]);
  });

  test('Bật/tắt nhắc nhở tự động turns the trigger off (it was on)', () => {
    const script = world();
    runYes(script, 'toggleMonthlyReminders');
    expect(script.world.triggers).toEqual([]);
  });

  test('Hướng dẫn shows the help dialog', () => {
    const script = world();
    expect(runYes(script, 'showHelp')?.kind).toBe('dialog');
  });

  test('the monthly trigger sends on the day after Hạn nhập liệu', () => {
    const script = world();
    script.run('remindMonthly');
    expect(script.world.sentMail.map((mail) => mail.to)).toEqual([
      'b1@tinh.gov.vn,b2@tinh.gov.vn',
      'c@tinh.gov.vn',
    ]);
  });
});

describe('granted less: the entry point names what is missing, asks Google again, and changes nothing', () => {
  const cases = ENTRIES.flatMap((entry) => ENTRY_SCOPES[entry].needs.map((key) => [entry, key] as const));

  test.each(cases)('%s without %s', (entry, key) => {
    const scope = SCOPE[key];
    const script = world(manifest.oauthScopes.filter((s) => s !== scope));
    const before = snapshot(script);
    const errors: string[] = [];
    const log = jest.spyOn(console, 'error').mockImplementation((message: string) => errors.push(message));
    try {
      if (entry === 'remindMonthly') script.run(entry);
      else expect(() => runYes(script, entry)).toThrow(AUTHORIZATION_REQUIRED);
    } finally {
      log.mockRestore();
    }
    expect(snapshot(script)).toBe(before);
    const seen = script.world.ui.filter((event) => event.kind !== 'menu');
    if (entry === 'remindMonthly') {
      // A trigger has nobody to ask: the reason goes to the execution log.
      expect(seen).toEqual([]);
      expect(errors.join('\n')).toContain(ROLLOUT_TEXT.scope[key]);
      return;
    }
    const consent = { kind: 'consent', title: '', text: scope };
    if (key === 'ui') {
      // No alert can be shown without the UI scope: Google's own prompt is all the person gets.
      expect(seen).toEqual([consent]);
      return;
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]?.kind).toBe('alert');
    expect(seen[0]?.text).toContain(`Để dùng "${ENTRY_SCOPES[entry].caption}"`);
    expect(seen[0]?.text).toContain(`• ${ROLLOUT_TEXT.scope[key]}`);
    expect(seen[0]?.text).toContain('Chưa có gì thay đổi');
    expect(seen[1]).toEqual(consent);
  });

  test('a reminder without the mail scope says "gửi thư thay bạn" in plain words', () => {
    const script = world(manifest.oauthScopes.filter((s) => s !== SCOPE.mail));
    expect(() => runYes(script, 'remindUnits')).toThrow(AUTHORIZATION_REQUIRED);
    expect(script.world.ui[0]?.text).toContain('• gửi thư thay bạn');
    expect(script.world.sentMail).toEqual([]);
  });

  test('two scopes missing are both named, and Google is asked for exactly those two', () => {
    const script = world([SCOPE.spreadsheets, SCOPE.ui]);
    expect(() => runYes(script, 'toggleMonthlyReminders')).toThrow(AUTHORIZATION_REQUIRED);
    expect(script.world.ui.map((event) => event.kind)).toEqual(['alert', 'consent']);
    expect(script.world.ui[0]?.text).toContain('• xem địa chỉ email của bạn');
    expect(script.world.ui[0]?.text).toContain('• chạy khi bạn không có mặt');
    expect(script.world.ui[1]?.text).toBe(`${SCOPE.email} ${SCOPE.triggers}`);
  });
});

describe("a clerk's everyday path on the spreadsheet and UI scopes alone", () => {
  test('Kiểm tra số liệu without the e-mail scope lists the problems without asking who is clicking', () => {
    const script = rolloutProvince({ user: UNIT_EMAILS[3], granted: [SCOPE.spreadsheets, SCOPE.ui] });
    const before = snapshot(script);
    script.run('checkFigures');
    expect(script.world.calls.counts.get('Session.getActiveUser')).toBeUndefined();
    const alert = script.world.ui[script.world.ui.length - 1];
    expect(alert?.kind).toBe('alert');
    expect(alert?.text).toContain(ROLLOUT_TEXT.noEmailScope);
    expect(alert?.text).toContain('có 2 vấn đề cần xem lại');
    expect(alert?.text).toMatch(/Tab Nhập liệu, ô C\d+ \(kỳ 03\/2026\)/);
    expect(snapshot(script)).toBe(before);
  });

  test('with the e-mail scope the clerk gets only their own unit (Xã C: one problem)', () => {
    const script = rolloutProvince({ user: 'c@tinh.gov.vn' });
    script.run('checkFigures');
    expect(script.world.ui[script.world.ui.length - 1]?.text).toMatch(
      /^Số liệu của đơn vị bạn phụ trách có 1 vấn đề/,
    );
  });

  test('the owner (not a clerk) is unaffected: OWNER still recomputes', () => {
    const script = rolloutProvince({ user: OWNER });
    script.run('recomputeAll');
    expect(script.world.ui[script.world.ui.length - 1]?.kind).toBe('toast');
  });
});
