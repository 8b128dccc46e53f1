// Security of the add-in: no formula injection from user text, set-up's protections cell by cell, a non-admin changes nothing, narrow OAuth scopes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, CATALOGUE, CLERK, OWNER, oldEntries, records, UNITS } from '../addin/province';
import { UNIT_HEADER } from '../contract-headers';
import {
  type FakeSheet,
  type LoadedScript,
  loadScript,
  PROTECTED_MESSAGE,
  type Value,
} from '../fakes/apps-script';

const ROOT = join(__dirname, '..', '..');

/** Text Sheets would run or parse if written as typed: formulas, signs, mentions, error literals, quotes. */
const HOSTILE = [
  '=IMPORTXML("http://evil.example/x","//a")',
  '=HYPERLINK("http://evil.example","Bấm vào đây")',
  '+84912345678',
  '-1',
  '@Nguyễn Văn A',
  '#N/A',
  ' =1+1',
  ' +84 912 345 678',
  "'=trích",
  '=cmd|" /C calc"!A0',
] as const;

/** Every cell of every tab: none may hold a formula the product did not put there on purpose. */
function formulas(script: LoadedScript): string[] {
  const found: string[] = [];
  for (const sheet of script.spreadsheet.sheets) {
    for (const [r, row] of sheet.rows.entries())
      for (const [c, cell] of row.entries())
        if (cell.formula !== '') found.push(`${sheet.name}!R${r + 1}C${c + 1}: ${cell.formula}`);
  }
  return found;
}

const columnValues = (sheet: FakeSheet, header: string, anchor = 'Mã đơn vị'): Value[] =>
  records(sheet, anchor).map(({ cells }) => cells[header] as Value);

describe('no formula injection from user text', () => {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  beforeAll(() => {
    spreadsheet._load('Cấu hình', [
      ['Tham số', 'Giá trị'],
      ['Năm', 2020],
      ['Nguồn ưu tiên', HOSTILE[0]],
      ['Quản trị viên', `${ADMIN}, ${HOSTILE[4]}`],
      ['Ngưỡng chênh lệch', HOSTILE[2]],
    ]);
    spreadsheet._load('Đơn vị', [
      [...UNIT_HEADER],
      ...HOSTILE.map((text, i): Value[] => [
        i === 2 ? text : `U${i}`,
        text,
        i === 5 ? text : 'SBN',
        i === 3 ? text : '',
        i === 6 ? text : '',
        '',
        '',
      ]),
    ]);
    spreadsheet._load('Danh mục DVC', CATALOGUE);
    spreadsheet._load('Nhập liệu', [
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Ghi chú',
      ],
      ...HOSTILE.map((text, i): Value[] => ['01/2020', `U${i}`, 10 + i, i, text]),
      ['01/2020', HOSTILE[2], 50, 20, 'mã là số điện thoại'],
      [HOSTILE[1], 'U1', 5, 1, 'kỳ là công thức'],
      ['02/2020', HOSTILE[0], 5, 1, 'mã là công thức'],
      ['03/2020', 'U7', HOSTILE[3], HOSTILE[4], 'số là chữ'],
    ]);
    script.run('setUpSheet');
    script.run('recomputeAll');
  });

  test('set-up and recompute leave no formula in any cell of any tab', () => {
    // No failure alert (set-up's sharing question, left unanswered, is the only alert).
    const alerts = script.world.ui.filter((e) => e.kind === 'alert');
    expect(alerts.map((e) => e.title)).toEqual(['Chia sẻ bảng tính với các đơn vị']);
    expect(formulas(script)).toEqual([]);
  });

  test('unit names, codes, groups and parents are stored as the exact strings typed (trimmed)', () => {
    const ratio = spreadsheet._sheet('Tỷ lệ');
    const names = columnValues(ratio, 'Tên đơn vị');
    for (const text of HOSTILE) expect(names).toContain(text.trim());
    expect(columnValues(ratio, 'Mã đơn vị')).toContain('+84912345678');
    expect(columnValues(ratio, 'Nhóm')).toContain('#N/A');
    expect(columnValues(ratio, 'Mã đơn vị cấp trên')).toContain('-1');
    for (const tab of ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra'])
      for (const row of spreadsheet._sheet(tab)._values())
        for (const cell of row)
          if (typeof cell === 'string') expect(cell.startsWith("'") && cell !== "'=trích").toBe(false);
  });

  test('Kiểm tra quotes user text as text: codes, months and messages', () => {
    const problems = records(spreadsheet._sheet('Kiểm tra')).map(({ cells }) => cells);
    expect(problems.find((p) => p['Mã đơn vị'] === HOSTILE[0])?.['Nội dung']).toContain(
      'không có trong tab Đơn vị',
    );
    expect(problems.find((p) => p.Kỳ === HOSTILE[1])?.['Nội dung']).toContain('không hợp lệ');
    expect(problems.find((p) => String(p['Nội dung']).includes(`"${HOSTILE[0]}"`))?.Tab).toBe('Cấu hình');
    expect(problems.find((p) => String(p['Nội dung']).includes(`"${HOSTILE[3]}"`))?.Ô).toMatch(/^C\d+$/);
    expect(problems.find((p) => String(p['Nội dung']).includes(`"${HOSTILE[4]}"`))?.Ô).toMatch(/^D\d+$/);
  });

  test("set-up's rewrite of Nhập liệu keeps notes and codes as the strings typed", () => {
    const entries = spreadsheet._sheet('Nhập liệu');
    const notes = columnValues(entries, 'Ghi chú');
    for (const text of HOSTILE) expect(notes).toContain(text);
    expect(columnValues(entries, 'Mã đơn vị')).toContain('+84912345678');
    expect(columnValues(entries, 'Kỳ')).toContain(HOSTILE[1]);
    // Settings the user typed are never rewritten: the hostile Nguồn ưu tiên is still the text typed.
    expect(spreadsheet._sheet('Cấu hình')._at('B3').value).toBe(HOSTILE[0]);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('protections from set-up, cell by cell', () => {
  const script = loadScript({ owner: OWNER });
  const { spreadsheet } = script;
  const clerks = [...Object.values(CLERK), 'ttcp2@hoabinh.gov.vn'];
  beforeAll(() => {
    for (const email of [...clerks, ADMIN]) spreadsheet.collaborators.add(email);
    spreadsheet._load('Cấu hình', [
      ['Tham số', 'Giá trị'],
      ['Năm', 2020],
      ['Quản trị viên', ADMIN],
    ]);
    spreadsheet._load('Đơn vị', UNITS);
    spreadsheet._load('Danh mục DVC', CATALOGUE);
    spreadsheet._load('Nhập liệu', oldEntries(script));
    script.run('setUpSheet');
    script.as(ADMIN);
    script.run('recomputeAll');
  });

  /** Whether `email` may change one cell, by the same check every write of the fake goes through. */
  const mayEdit = (email: string, sheet: FakeSheet, row: number, column: number): boolean => {
    script.as(email);
    try {
      spreadsheet._assertCanEdit(sheet, { row, column, numRows: 1, numColumns: 1 });
      return true;
    } catch (error) {
      expect((error as Error).message).toBe(PROTECTED_MESSAGE);
      return false;
    }
  };
  /** Units whose Email nhập liệu lists the account. */
  const unitsOf = (email: string): string[] =>
    Object.entries(CLERK)
      .filter(([, e]) => e === email)
      .map(([code]) => code)
      .concat(email === 'ttcp2@hoabinh.gov.vn' ? ['X04'] : []);

  test('Nhập liệu: each clerk edits exactly the two counts and Ghi chú of their own unit rows', () => {
    const sheet = spreadsheet._sheet('Nhập liệu');
    const grid = sheet._values();
    const header = grid[0] as Value[];
    const editable = [
      'Tổng số hồ sơ đã giải quyết',
      'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      'Ghi chú',
    ].map((name) => header.indexOf(name) + 1);
    const unitColumn = header.indexOf('Mã đơn vị');
    let tried = 0;
    let allowed = 0;
    for (const email of clerks) {
      const own = unitsOf(email);
      const wrong: string[] = [];
      for (let row = 1; row <= grid.length + 2; row++) {
        // Prefilled rows (12 per unit) are the unit's; rows kept below the layout belong to no clerk.
        const prefilled = row >= 2 && row <= 1 + 10 * 12;
        const code = prefilled ? String(grid[row - 1]?.[unitColumn]) : '';
        for (let column = 1; column <= header.length + 2; column++) {
          const want = own.includes(code) && editable.includes(column);
          const got = mayEdit(email, sheet, row, column);
          tried++;
          if (got) allowed++;
          if (got !== want) wrong.push(`R${row}C${column}: ${got ? 'editable' : 'locked'}`);
        }
      }
      expect([email, wrong]).toEqual([email, []]);
    }
    // Ten units × 12 months × 3 columns, each unit's cells for its own accounts (X04 has two).
    expect(allowed).toBe(11 * 12 * 3);
    console.log(
      `protections: Nhập liệu ${tried} clerk-cell edits tried, ${allowed} allowed (own counts and notes only)`,
    );
  });

  test("Đơn vị: only a district's accounts, and only on its own communes' Chỉ tiêu", () => {
    const sheet = spreadsheet._sheet('Đơn vị');
    // Rows 9–10 are H01's communes (X01, X02), rows 11–12 H02's (X03, X04); Chỉ tiêu is column D.
    const communeTargets: Record<string, number[]> = { [CLERK.H01]: [9, 10], [CLERK.H02]: [11, 12] };
    for (const email of clerks) {
      const wrong: string[] = [];
      for (let row = 1; row <= 14; row++)
        for (let column = 1; column <= 9; column++) {
          const want = column === 4 && (communeTargets[email] ?? []).includes(row);
          if (mayEdit(email, sheet, row, column) !== want) wrong.push(`R${row}C${column}`);
        }
      expect([email, wrong]).toEqual([email, []]);
    }
  });

  test('output tabs, Cấu hình and Danh mục DVC: no clerk edits any cell; the administrator edits them all', () => {
    const tabs = [
      'Cấu hình',
      'Danh mục DVC',
      'Tỷ lệ',
      'Xếp hạng',
      'Kiểm tra',
      'Dữ liệu Cổng DVC',
      'Đối chiếu',
      'Nhật ký đồng bộ',
      'Tổng hợp',
    ];
    let tried = 0;
    for (const tab of tabs) {
      const sheet = spreadsheet._sheet(tab);
      for (const email of clerks) {
        for (let row = 1; row <= 25; row += 3)
          for (let column = 1; column <= 16; column += 3) {
            expect([tab, email, row, column, mayEdit(email, sheet, row, column)]).toEqual([
              tab,
              email,
              row,
              column,
              false,
            ]);
            tried++;
          }
      }
      expect([tab, mayEdit(ADMIN, sheet, 2, 2), mayEdit(OWNER, sheet, 2, 2)]).toEqual([tab, true, true]);
    }
    console.log(`protections: ${tried} clerk edits of output and settings tabs tried, all refused`);
  });

  test('a clerk can neither remove nor widen a protection', () => {
    script.as(CLERK.S01);
    const protection = spreadsheet.protections.find((p) => p.description.includes('(S02)'));
    expect(() => protection?.self.remove()).toThrow(PROTECTED_MESSAGE);
    expect(() => protection?.self.addEditor(CLERK.S01)).toThrow(PROTECTED_MESSAGE);
    expect(() => protection?.self.setUnprotectedRanges([])).toThrow(PROTECTED_MESSAGE);
  });

  test('no clerk can recompute, check into Kiểm tra or set up: nothing in the spreadsheet changes', () => {
    const before = JSON.stringify(spreadsheet._state());
    for (const email of [...clerks, 'nguoila@gmail.com']) {
      script.as(email);
      for (const action of ['recomputeAll', 'checkFigures', 'setUpSheet']) {
        script.run(action);
        expect(script.world.ui[script.world.ui.length - 1]?.kind).toBe('alert');
      }
    }
    expect(JSON.stringify(spreadsheet._state())).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('OAuth scopes', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
  };
  const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
  };
  const bundle = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');

  test('exactly six scopes: spreadsheets (the Sheets API needs it), menus and dialogs, the clicking account, sending mail, the reminder trigger, sharing through Drive', () => {
    const scopes = [
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/drive',
    ];
    expect([...manifest.oauthScopes].sort()).toEqual([...scopes].sort());
    expect(built.oauthScopes).toEqual(manifest.oauthScopes);
  });

  test('each scope is used by the bundle, and no service that would need a wider one is', () => {
    // spreadsheets: the active spreadsheet, through SpreadsheetApp and the Advanced Sheets service with
    // that spreadsheet's own id only; container.ui: alerts and the help dialog; userinfo.email: who
    // clicked, for the owner/administrator check.
    expect(bundle).toContain('SpreadsheetApp.getActiveSpreadsheet()');
    const sheetsCalls = bundle.match(/Spreadsheets\.(\w+)\(/g) ?? [];
    expect(new Set(sheetsCalls)).toEqual(new Set(['Spreadsheets.get(', 'Spreadsheets.batchUpdate(']));
    expect(bundle).not.toMatch(/Spreadsheets\.(create|Values|DeveloperMetadata|Sheets\.copyTo)/);
    expect(bundle).toMatch(/getUi\(\)\.(alert|showModalDialog)|ui\.alert/);
    expect(bundle).toContain('Session.getActiveUser()');
    // script.send_mail: the reminders send through MailApp (never GmailApp, which reads the mailbox);
    // script.scriptapp: the monthly reminder trigger.
    expect(bundle).toContain('MailApp.sendEmail(');
    expect(bundle).toContain('ScriptApp.newTrigger(');
    // drive: set-up adds the units' accounts as editors of this sheet (its own id), and nothing else of Drive.
    expect(new Set(bundle.match(/\bPermissions\.\w+\(/g) ?? [])).toEqual(new Set(['Permissions.create(']));
    expect(bundle).not.toMatch(/\b(Drive|drive)\.(Files|Drives|About|Changes|Comments|Revisions)\b/);
    for (const wider of [
      'SpreadsheetApp.openById',
      'SpreadsheetApp.openByUrl',
      'SpreadsheetApp.open(',
      'UrlFetchApp',
      'DriveApp',
      'GmailApp',
      'DocumentApp',
      'CalendarApp',
    ])
      expect([wider, bundle.includes(wider)]).toEqual([wider, false]);
  });
});
