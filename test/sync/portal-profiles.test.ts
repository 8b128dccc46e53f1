// The four shipped profiles (§8.2) against loopback stand-ins: exact requests, answers, faults, concurrency, CLI figures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SyncError } from '../../sync/errors';
import { BUILT_IN_NAMES, DVCQG_PROFILE, MOT_CUA_PROFILE, resolveProfile } from '../../sync/portal/profiles';
import { gatherPortal, type PortalContext, type PortalSources } from '../../sync/portal/sources';
import type { RetryPolicy } from '../../sync/retry';
import { runSync } from '../../sync/run';
import type { Workbook } from '../../sync/workbook/workbook';
import { UNIT_HEADER } from '../contract-headers';
import { type FakePortal, type Fault, type PortalRequest, startFakePortal } from '../fakes/portal/server';
import { INPUT_GRIDS, portalItems, readXlsxTabs, records, writeXlsxTabs } from './fixtures';
import { runCli } from './run-cli';

const PROVINCE_ID = '11358';

function fastRetry(attempts = 4): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return {
    attempts,
    baseDelayMs: 10,
    maxDelayMs: 5000,
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    delays,
  };
}

/**
 * A two-tier 2026 province (no districts): two departments, three communes. Hand-worked figures for
 * January–February 2026 from the stand-ins below:
 *   SCT 240+100 = 340 dossiers, 150+30 = 180 online → 52.94%, target 50% → Đạt, rank 1 of the departments
 *   STP 50+50 = 100, 0 (null) + 20 = 20 → 20%, target 30% → Chưa đạt, 10 more needed, points 0.2/0.3
 *   X01 40+60 = 100, 30+30 = 60 → 60%, target 20% (floor) → Đạt, rank 1 of the communes
 *   X02 0 dossiers (January 0, February null or no answer) → Không phát sinh hồ sơ, no rank
 *   X03 20+30 = 50, 10+5 = 15 → 30%, target 30% → Đạt (exactly), rank 2; January's code is lower case
 */
const UNITS = [
  UNIT_HEADER,
  ['SCT', 'Sở Công Thương', 'SBN', '', '50%', 'H44.07', ''],
  ['STP', 'Sở Tư pháp', 'SBN', '', '30%', 'H44.08', ''],
  ['X01', 'Phường Ba Đình', 'XA', '', '', 'H44.51', ''],
  ['X02', 'Xã Hoằng Hóa', 'XA', '', '', 'H44.52', ''],
  ['X03', 'Đặc khu Hòn Ngư', 'XA', '', '30%', 'H44.53', ''],
];
/** dvcqg knows units by numeric ids: the same province with other Mã trên Cổng DVC. */
const DVCQG_IDS: Record<string, string> = { SCT: '1001', STP: '1002', X01: '2001', X02: '2002', X03: '2003' };

const FIGURES: Record<number, Record<string, [number | null, number | null]>> = {
  1: { 'H44.07': [240, 150], 'H44.08': [50, null], 'H44.51': [40, 30], 'H44.52': [0, 0], 'h44.53': [20, 10] },
  2: {
    'H44.07': [100, 30],
    'H44.08': [50, 20],
    'H44.51': [60, 30],
    'H44.52': [null, null],
    'H44.53': [30, 5],
  },
};

/** mot-cua rows at several levels: the province's own total (maps to no unit) and each agency. */
function motCuaRows(_year: number, month: number): unknown[] {
  const figures = FIGURES[month] ?? {};
  const rows: unknown[] = [
    {
      maThongKe: 'H44',
      maThongKeCha: null,
      catalog: 'tinh',
      tenThongKe: 'Toàn tỉnh',
      tongSo: 999,
      tongHoSoPhatSinh: 999,
      hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: 500,
    },
  ];
  for (const [code, [total, online]] of Object.entries(figures)) {
    rows.push({
      maThongKe: code,
      maThongKeCha: 'H44',
      catalog: code.startsWith('H44.0') ? 'so-ban-nganh' : 'xa-phuong',
      tenThongKe: code,
      tongSo: total,
      tongHoSoPhatSinh: total,
      hoSoPhatSinhTrongThuTucTrucTuyen: total,
      hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: online,
      hoSoPhatSinhTrucTuyenTrongThuTucToanTrinh: online,
      hoSoPhatSinhTrucTuyenTrongThuTucMotPhan: 0,
    });
  }
  return rows;
}

/** dvcqg answers per unit id, numeric strings; X02 in February answers an empty array (no figures). */
function dvcqgRows(_year: number, month: number, unit: string, province: string): unknown[] {
  if (province !== PROVINCE_ID) return [];
  const code = Object.entries(DVCQG_IDS).find(([, id]) => id === unit)?.[0];
  const portalCode = UNITS.find((row) => row[0] === code)?.[5] ?? '';
  const figures = FIGURES[month] ?? {};
  const entry = Object.entries(figures).find(([key]) => key.toLowerCase() === portalCode.toLowerCase())?.[1];
  if (!entry || (month === 2 && code === 'X02')) return [];
  return [
    {
      HS_TOTAL: String(entry[0] ?? 0),
      HTN_TRUCTUYEN_TOTAL: String(entry[1] ?? 0),
      HS_TRUCTUYEN: '0',
      TEN_DON_VI: code,
    },
  ];
}

const dvcqgContext: PortalContext = {
  settings: new Map([['mã tỉnh trên cổng dvc quốc gia', PROVINCE_ID]]),
  unitCodes: Object.values(DVCQG_IDS),
};
const JAN_FEB = [
  { year: 2026, month: 1 },
  { year: 2026, month: 2 },
];

let portal: FakePortal | null = null;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-profiles-'));
});
afterEach(async () => {
  await portal?.close();
  portal = null;
  rmSync(dir, { recursive: true, force: true });
});

const sourcesOf = (
  url: string,
  profile: PortalSources['profile'],
  extra: Partial<PortalSources> = {},
): PortalSources => ({
  baseUrl: url,
  profile,
  files: [],
  timeoutMs: 2000,
  retry: fastRetry(),
  concurrency: 4,
  ...extra,
});

async function motCua(fault?: (r: PortalRequest) => Fault | undefined, delayMs = 0) {
  portal = await startFakePortal({ shape: { kind: 'mot-cua', rows: motCuaRows }, fault, delayMs });
  return portal;
}
async function dvcqg(fault?: (r: PortalRequest) => Fault | undefined, delayMs = 0) {
  portal = await startFakePortal({ shape: { kind: 'dvcqg', rows: dvcqgRows }, fault, delayMs });
  return portal;
}

describe('profiles as data', () => {
  test('the four built-in profiles are shipped and fit the shape', () => {
    expect(BUILT_IN_NAMES.sort()).toEqual(['aggregated', 'dossiers', 'dvcqg', 'mot-cua']);
    for (const name of BUILT_IN_NAMES) expect(resolveProfile(name).name).toBe(name);
  });

  const badProfiles: [string, unknown, RegExp][] = [
    [
      'method',
      { ...MOT_CUA_PROFILE, request: { ...MOT_CUA_PROFILE.request, method: 'PUT' } },
      /"request\.method"/,
    ],
    ['typo', { ...MOT_CUA_PROFILE, reponse: {} }, /"reponse"/],
    [
      'placeholder',
      { ...MOT_CUA_PROFILE, request: { ...MOT_CUA_PROFILE.request, json: { tuNgay: '{fristDay}' } } },
      /"request\.json\.tuNgay".*\{fristDay\}/,
    ],
    [
      'query not an object',
      { ...MOT_CUA_PROFILE, request: { ...MOT_CUA_PROFILE.request, json: undefined, query: 'year=2026' } },
      /"request\.query"/,
    ],
    [
      'a query value of the wrong kind (the old fixedQuery was never checked)',
      { ...MOT_CUA_PROFILE, request: { ...MOT_CUA_PROFILE.request, query: { token: { $number: 5 } } } },
      /"request\.query\.token"/,
    ],
    [
      'page placeholder without paging',
      { ...DVCQG_PROFILE, request: { ...DVCQG_PROFILE.request, query: { p: '{page}' } } },
      /"request\.query\.p".*\{page\}/,
    ],
    [
      'per month without an agency field',
      { ...DVCQG_PROFILE, request: { ...DVCQG_PROFILE.request, per: 'month', form: { a: '{year}' } } },
      /"response\.fields\.agency"/,
    ],
    [
      'online not a list',
      {
        ...MOT_CUA_PROFILE,
        response: { ...MOT_CUA_PROFILE.response, fields: { agency: 'a', resolved: 'b', online: 'c' } },
      },
      /"response\.fields\.online"/,
    ],
    [
      'numbers',
      { ...MOT_CUA_PROFILE, response: { ...MOT_CUA_PROFILE.response, numbers: 'strings' } },
      /"response\.numbers"/,
    ],
    ['columns', { name: 'x', columns: { 'Mã cơ quan': 'A' } }, /"columns\.Mã cơ quan"/],
  ];
  test.each(badProfiles)(
    'a profile file that does not fit is refused naming the field: %s',
    (_, profile, field) => {
      const file = join(dir, 'p.json');
      writeFileSync(file, JSON.stringify(profile));
      const error = (() => {
        try {
          resolveProfile(file);
        } catch (e) {
          return e as SyncError;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(SyncError);
      expect(error?.code).toBe('USAGE');
      expect(error?.message).toMatch(field);
    },
  );
});

describe('mot-cua', () => {
  test('one POST per month with the exact JSON body; null counts are 0; the province total row is skipped', async () => {
    const p = await motCua();
    const gathered = await gatherPortal(
      sourcesOf(p.url, MOT_CUA_PROFILE, { token: 'tok-1' }),
      JAN_FEB,
      2026,
      () => {},
    );
    expect(p.requests.map((r) => [r.method, r.path, r.contentType, r.body, r.authorization])).toEqual([
      [
        'POST',
        '/quyetdinhs/chitieudvctructuyen',
        'application/json',
        '{"tuNgay":"2026-01-01","denNgay":"2026-01-31"}',
        'Bearer tok-1',
      ],
      [
        'POST',
        '/quyetdinhs/chitieudvctructuyen',
        'application/json',
        '{"tuNgay":"2026-02-01","denNgay":"2026-02-28"}',
        'Bearer tok-1',
      ],
    ]);
    expect(gathered.requests).toBe(2);
    const jan = gathered.records.filter((r) => r.month === 1);
    // The province's own total (maThongKeCha null) is skipped; every agency row comes back.
    expect(jan.map((r) => [r.agencyCode, r.procedureCode, r.resolved, r.online])).toEqual([
      ['H44.07', null, 240, 150],
      ['H44.08', null, 50, 0],
      ['H44.51', null, 40, 30],
      ['H44.52', null, 0, 0],
      ['h44.53', null, 20, 10],
    ]);
  });

  test('a leap February asks for the 29th', async () => {
    const p = await motCua();
    await gatherPortal(sourcesOf(p.url, MOT_CUA_PROFILE), [{ year: 2028, month: 2 }], 2028, () => {});
    expect(p.requests[0]?.body).toBe('{"tuNgay":"2028-02-01","denNgay":"2028-02-29"}');
  });

  test.each([
    ['negative', -3, /-3/],
    ['fractional', 2.5, /2\.5/],
    ['text', 'mười', /"mười"/],
  ])('a %s count fails the run naming the unit, the month and the field', async (_, value, shown) => {
    const p = await motCua((r) =>
      r.month === 2
        ? {
            kind: 'body',
            body: {
              data: [
                {
                  maThongKe: 'H44.08',
                  tongHoSoPhatSinh: 10,
                  hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: value,
                },
              ],
            },
          }
        : undefined,
    );
    const error = (await gatherPortal(
      sourcesOf(p.url, MOT_CUA_PROFILE, { retry: fastRetry(2) }),
      JAN_FEB,
      2026,
      () => {},
    ).catch((e: unknown) => e)) as SyncError;
    expect(error).toBeInstanceOf(SyncError);
    expect(error.code).toBe('PORTAL_HTTP');
    expect(error.message).toMatch(/tháng 02\/2026/);
    expect(error.message).toMatch(/H44\.08/);
    expect(error.message).toMatch(/hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen/);
    expect(error.message).toMatch(shown);
  });

  test('faults of the default feed are retried the same way: 503, 429 with Retry-After, reset, time-out', async () => {
    const p = await motCua((r) => {
      if (r.month === 1 && r.attempt === 1) return { kind: 'status', status: 503 };
      if (r.month === 1 && r.attempt === 2) return { kind: 'status', status: 429, retryAfter: '2' };
      if (r.month === 1 && r.attempt === 3) return { kind: 'reset' };
      if (r.month === 2 && r.attempt === 1) return { kind: 'hang' };
      return undefined;
    });
    const retry = fastRetry(5);
    const gathered = await gatherPortal(
      sourcesOf(p.url, MOT_CUA_PROFILE, { retry, timeoutMs: 300 }),
      JAN_FEB,
      2026,
      () => {},
    );
    expect(gathered.records).toHaveLength(10);
    expect(p.requests.filter((r) => r.month === 1)).toHaveLength(4);
    expect(p.requests.filter((r) => r.month === 2)).toHaveLength(2);
    expect(retry.delays).toContain(2000);
  });

  test('malformed JSON that persists fails the whole gathering (all or nothing)', async () => {
    const p = await motCua((r) => (r.month === 2 ? { kind: 'malformed' } : undefined));
    await expect(
      gatherPortal(sourcesOf(p.url, MOT_CUA_PROFILE, { retry: fastRetry(3) }), JAN_FEB, 2026, () => {}),
    ).rejects.toThrow(/tháng 02\/2026.*JSON/);
    expect(p.requests.filter((r) => r.month === 2)).toHaveLength(3);
  });
});

describe('dvcqg', () => {
  test('one form POST per unit and month with params as JSON; numeric strings; an empty array is no figures', async () => {
    const p = await dvcqg();
    const gathered = await gatherPortal(
      sourcesOf(p.url, DVCQG_PROFILE),
      JAN_FEB,
      2026,
      () => {},
      dvcqgContext,
    );
    expect(gathered.requests).toBe(10);
    expect(p.requests).toHaveLength(10);
    const first = p.requests[0] as PortalRequest;
    expect([first.method, first.path, first.contentType]).toEqual([
      'POST',
      '/jsp/rest.jsp',
      'application/x-www-form-urlencoded',
    ]);
    expect(first.body).toBe(
      `params=${encodeURIComponent('{"type":"ref","service":"report_by_month_sum_service","p_nam":"2026","p_thang":"1","p_tinh_id":"11358","p_huyen_id":"1001","p_linhvuc":0}')}`,
    );
    expect(new Set(p.requests.map((r) => `${r.month}:${r.unit}`)).size).toBe(10);
    const byKey = new Map(
      gathered.records.map((r) => [`${r.month}:${r.agencyCode}`, [r.resolved, r.online]]),
    );
    expect(byKey.get('1:1001')).toEqual([240, 150]);
    expect(byKey.get('1:1002')).toEqual([50, 0]);
    expect(byKey.has('2:2002')).toBe(false); // []: no figures
    expect(gathered.records).toHaveLength(9);
  });

  test('at most 4 requests at once by default, even when --concurrency asks for more', async () => {
    const p = await dvcqg(undefined, 30);
    const gathered = await gatherPortal(
      sourcesOf(p.url, DVCQG_PROFILE, { concurrency: 12 }),
      JAN_FEB,
      2026,
      () => {},
      dvcqgContext,
    );
    expect(gathered.requests).toBe(10);
    expect(p.maxInFlight()).toBe(4);
    expect(gathered.maxInFlight).toBe(4);
  });

  test('without the province id in Cấu hình nothing is asked', async () => {
    const p = await dvcqg();
    const error = await gatherPortal(sourcesOf(p.url, DVCQG_PROFILE), JAN_FEB, 2026, () => {}, {
      settings: new Map(),
      unitCodes: ['1001'],
    }).catch((e: unknown) => e);
    expect((error as SyncError).code).toBe('USAGE');
    expect((error as SyncError).message).toMatch(/Mã tỉnh trên Cổng DVC quốc gia/);
    expect(p.requests).toHaveLength(0);
  });

  test.each<[string, Fault]>([
    ['503', { kind: 'status', status: 503 }],
    ['429', { kind: 'status', status: 429, retryAfter: '1' }],
    ['a reset', { kind: 'reset' }],
    ['a time-out', { kind: 'hang' }],
    ['malformed JSON', { kind: 'malformed' }],
    ['a bad count', { kind: 'body', body: [{ HS_TOTAL: '12', HTN_TRUCTUYEN_TOTAL: '-1' }] }],
  ])('%s for one unit and month, every time, fails everything; once, is retried', async (_, fault) => {
    const always = await dvcqg((r) => (r.unit === '2001' && r.month === 2 ? fault : undefined));
    const error = (await gatherPortal(
      sourcesOf(always.url, DVCQG_PROFILE, { retry: fastRetry(2), timeoutMs: 1000 }),
      JAN_FEB,
      2026,
      () => {},
      dvcqgContext,
    ).catch((e: unknown) => e)) as SyncError;
    expect(error).toBeInstanceOf(SyncError);
    expect(error.message).toMatch(/tháng 02\/2026 của đơn vị 2001/);
    await always.close();
    const once = await dvcqg((r) =>
      r.unit === '2001' && r.month === 2 && r.attempt === 1 ? fault : undefined,
    );
    const gathered = await gatherPortal(
      sourcesOf(once.url, DVCQG_PROFILE, { retry: fastRetry(2), timeoutMs: 5000 }),
      JAN_FEB,
      2026,
      () => {},
      dvcqgContext,
    );
    expect(gathered.records).toHaveLength(9);
    expect(gathered.requests).toBe(11);
  });
});

// Through the built CLI on an .xlsx, as the acceptance checks run it.
const sync = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });
/** Syncs `workbook` from `url` with `profile` through 02/2026, the two months the stand-ins answer. */
const syncProfile = (workbook: string, url: string, profile: string, ...more: string[]) =>
  sync(['--workbook', workbook, '--portal', url, '--profile', profile, '--through', '2026-02', ...more]);

async function writeProvince(path: string, portalCodes: Record<string, string> | null): Promise<void> {
  const tabs: Record<string, unknown[][]> = {
    'Cấu hình': [
      ['Tham số', 'Giá trị'],
      ['Năm', 2026],
      ['Chỉ tiêu tối thiểu', '20%'],
      ['Mã tỉnh trên Cổng DVC quốc gia', PROVINCE_ID],
    ],
    'Đơn vị': UNITS.map((row, i) =>
      i === 0 || portalCodes === null
        ? row
        : row.map((cell, c) => (c === 5 ? (portalCodes[row[0] as string] ?? cell) : cell)),
    ),
    'Nhập liệu': [
      ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến', 'Ghi chú'],
    ],
    'Danh mục DVC': [
      ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
      ['1.000456', 'Cấp Phiếu lý lịch tư pháp', 'Toàn trình'],
    ],
  };
  await writeXlsxTabs(path, Object.entries(tabs));
}

function expectHandWorkedFigures(tabs: Map<string, unknown[][]>): void {
  const ratio = new Map(records(tabs.get('Tỷ lệ')).map((r) => [r['Mã đơn vị'], r]));
  const row = (code: string) => ratio.get(code) as Record<string, unknown>;
  expect([row('SCT')['Tổng số hồ sơ'], row('SCT')['Tỷ lệ'], row('SCT')['Đánh giá']]).toEqual([
    340,
    180 / 340,
    'Đạt',
  ]);
  expect([
    row('STP')['Tổng số hồ sơ'],
    row('STP')['Tỷ lệ'],
    row('STP')['Đánh giá'],
    row('STP')['Hồ sơ cần thêm'],
  ]).toEqual([100, 0.2, 'Chưa đạt', 10]);
  expect(row('STP')['Điểm']).toBeCloseTo(0.2 / 0.3, 10);
  expect([row('X01')['Tổng số hồ sơ'], row('X01')['Tỷ lệ'], row('X01')['Đánh giá']]).toEqual([
    100,
    0.6,
    'Đạt',
  ]);
  expect([row('X02')['Tổng số hồ sơ'], row('X02')['Đánh giá']]).toEqual([0, 'Không phát sinh hồ sơ']);
  expect([
    row('X03')['Tổng số hồ sơ'],
    row('X03')['Tỷ lệ'],
    row('X03')['Đánh giá'],
    row('X03')['Hồ sơ cần thêm'],
  ]).toEqual([50, 0.3, 'Đạt', 0]);
  const ranks = new Map(records(tabs.get('Xếp hạng')).map((r) => [r['Mã đơn vị'], r['Hạng']]));
  expect([ranks.get('SCT'), ranks.get('STP'), ranks.get('X01'), ranks.get('X03'), ranks.get('X02')]).toEqual([
    1,
    2,
    1,
    2,
    '',
  ]);
}

describe('npm run sync with --profile mot-cua and dvcqg', () => {
  test('mot-cua: every figure and rank as worked by hand; the province total row is skipped without a warning', async () => {
    portal = await startFakePortal({
      shape: { kind: 'mot-cua', rows: motCuaRows },
      path: '/api/v1/quyetdinhs/chitieudvctructuyen',
    });
    const p = portal;
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvince(workbook, null);
    const result = await syncProfile(workbook, `${p.url}/api/v1`, 'mot-cua');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(p.requests.map((r) => r.path)).toEqual([
      '/api/v1/quyetdinhs/chitieudvctructuyen',
      '/api/v1/quyetdinhs/chitieudvctructuyen',
    ]);
    const tabs = await readXlsxTabs(workbook);
    expectHandWorkedFigures(tabs);
    const portalRows = records(tabs.get('Dữ liệu Cổng DVC'));
    // One row per unit and month (X03's two spellings are one unit); the province's own total (no parent
    // code maThongKeCha) is no unit's and no row, and gives no nightly warning (issue 19).
    expect(portalRows.filter((r) => r['Mã đơn vị'] === 'X03')).toHaveLength(2);
    expect(portalRows).toHaveLength(10);
    expect(portalRows.filter((r) => r['Mã trên Cổng DVC'] === 'H44')).toEqual([]);
    const problems = records(tabs.get('Kiểm tra'), 'Mã đơn vị');
    expect(problems.filter((r) => String(r['Nội dung']).includes('"H44"'))).toEqual([]);
    expect(result.stdout).not.toMatch(/mã cơ quan chưa gán/);
  });

  test('dvcqg: every figure and rank as worked by hand, 10 requests for 5 units × 2 months', async () => {
    const p = await dvcqg(undefined, 20);
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvince(workbook, DVCQG_IDS);
    const result = await syncProfile(workbook, p.url, 'dvcqg', '--concurrency', '12');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(p.requests).toHaveLength(10);
    expect(p.maxInFlight()).toBeLessThanOrEqual(4);
    expect(result.stdout).toMatch(/tháng 01\/2026: 5 yêu cầu/);
    expectHandWorkedFigures(await readXlsxTabs(workbook));
  });

  test.each(['mot-cua', 'dvcqg'])(
    '%s: one request failing for good changes no output tab (all or nothing)',
    async (name) => {
      const workbook = join(dir, 'tinh.xlsx');
      await writeProvince(workbook, name === 'dvcqg' ? DVCQG_IDS : null);
      const run = (url: string) => syncProfile(workbook, url, name, '--retries', '0');
      const good = name === 'dvcqg' ? await dvcqg() : await motCua();
      expect((await run(good.url)).code).toBe(0);
      await good.close();
      portal = null;
      const before = await readXlsxTabs(workbook);
      const bad =
        name === 'dvcqg'
          ? await dvcqg((r) =>
              r.unit === '2003' && r.month === 2 ? { kind: 'status', status: 503 } : undefined,
            )
          : await motCua((r) => (r.month === 2 ? { kind: 'status', status: 503 } : undefined));
      const result = await run(bad.url);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/tháng 02\/2026.*HTTP 503/);
      const after = await readXlsxTabs(workbook);
      for (const tab of ['Dữ liệu Cổng DVC', 'Tỷ lệ', 'Xếp hạng', 'Kiểm tra'])
        expect(after.get(tab)).toEqual(before.get(tab));
      expect(records(after.get('Nhật ký đồng bộ'), 'Kết quả').map((r) => r['Kết quả'])).toEqual([
        'Thành công',
        'Thất bại',
      ]);
    },
  );

  test('dvcqg with a wrong province id: every answer empty, said on stdout and in Nhật ký đồng bộ, not in Kiểm tra', async () => {
    const p = await dvcqg();
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvince(workbook, DVCQG_IDS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const settings = book.getWorksheet('Cấu hình');
    if (!settings) throw new Error('no Cấu hình');
    expect(settings.getCell('A4').value).toBe('Mã tỉnh trên Cổng DVC quốc gia');
    settings.getCell('B4').value = '99999';
    await book.xlsx.writeFile(workbook);
    const result = await syncProfile(workbook, p.url, 'dvcqg');
    expect(result.code).toBe(0);
    expect(p.requests).toHaveLength(10);
    expect(result.stdout).toMatch(/không trả về dòng số liệu nào cho 01\/2026–02\/2026/);
    const tabs = await readXlsxTabs(workbook);
    // About the run, not the figures: the add-in's recompute could not repeat it (contract §4 parity).
    expect(
      records(tabs.get('Kiểm tra')).filter((r) =>
        String(r['Nội dung']).includes('không trả về dòng số liệu nào'),
      ),
    ).toEqual([]);
    const log = records(tabs.get('Nhật ký đồng bộ'), 'Kết quả');
    expect(String(log[log.length - 1]?.['Lỗi'])).toMatch(
      /không trả về dòng số liệu nào cho 01\/2026–02\/2026/,
    );
  });

  test('a profile file that does not fit: exit 2, the field named, not one request', async () => {
    const p = await motCua();
    const file = join(dir, 'cong.json');
    writeFileSync(
      file,
      JSON.stringify({ ...MOT_CUA_PROFILE, request: { ...MOT_CUA_PROFILE.request, per: 'day' } }),
    );
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvince(workbook, null);
    const result = await sync(['--workbook', workbook, '--portal', p.url, '--profile', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"request\.per"/);
    expect(p.requests).toHaveLength(0);
  });

  test('an office profile file of its own works like a built-in one', async () => {
    const p = await motCua();
    const file = join(dir, 'cong.json');
    writeFileSync(file, JSON.stringify({ ...MOT_CUA_PROFILE, name: 'thanh-hoa' }));
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvince(workbook, null);
    const result = await syncProfile(workbook, p.url, file);
    expect(result.code).toBe(0);
    expectHandWorkedFigures(await readXlsxTabs(workbook));
  });
});

describe('the fetch overlaps the workbook read when --through gives the year', () => {
  /** A workbook whose read answers only once `ready()` holds (or after 3 s), like a slow Google Sheet. */
  function slowWorkbook(year: number, ready: () => boolean) {
    const writes: string[][] = [];
    let waitedMs = 0;
    const workbook: Workbook = {
      location: 'slow',
      read: async () => {
        const started = Date.now();
        while (!ready() && Date.now() - started < 3000) await new Promise((r) => setTimeout(r, 10));
        waitedMs = Date.now() - started;
        return {
          input: {
            settings: [
              ['Tham số', 'Giá trị'],
              ['Năm', year],
            ],
            units: INPUT_GRIDS.units,
            entries: INPUT_GRIDS.entries,
            catalogue: INPUT_GRIDS.catalogue,
          },
          syncLog: undefined,
        };
      },
      write: async (tables) => {
        writes.push(tables.map((t) => t.tab));
      },
    };
    return { workbook, writes, waited: () => waitedMs };
  }

  test('the portal is asked while the workbook is still being read, and its rows are used', async () => {
    portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
    const p = portal;
    const slow = slowWorkbook(2020, () => p.requests.length > 0);
    const result = await runSync({
      workbook: slow.workbook,
      sources: sourcesOf(p.url, resolveProfile('dossiers')),
      through: { year: 2020, month: 2 },
      dryRun: true,
    });
    expect(slow.waited()).toBeLessThan(2500); // released by the portal's first request, not by the 3 s limit
    expect(p.requests).toHaveLength(4); // 2 months × 2 pages, asked once
    expect(result.portalRows).toBe(10);
  });

  test('a workbook of another year than --through: the early fetch is dropped silently, the run refused', async () => {
    portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
    const p = portal;
    const slow = slowWorkbook(2020, () => p.requests.length > 0);
    const lines: string[] = [];
    const error = await runSync({
      workbook: slow.workbook,
      sources: sourcesOf(p.url, resolveProfile('dossiers')),
      through: { year: 2021, month: 2 },
      dryRun: true,
      progress: (line) => lines.push(line),
    }).catch((e: unknown) => e);
    expect((error as SyncError).code).toBe('USAGE');
    expect(lines.filter((l) => l.includes('2021'))).toEqual([]); // the dropped fetch says nothing
  });

  test('a per-unit profile waits for the workbook (it needs the units)', async () => {
    const p = await dvcqg();
    const slow = slowWorkbook(2026, () => p.requests.length > 0);
    await runSync({
      workbook: slow.workbook,
      sources: sourcesOf(p.url, DVCQG_PROFILE),
      through: { year: 2026, month: 1 },
      dryRun: true,
    }).catch(() => undefined);
    expect(slow.waited()).toBeGreaterThanOrEqual(2900);
  });
});
