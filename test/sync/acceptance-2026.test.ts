// Acceptance of contract §8 end to end: a two-tier 2026 province with traps, synced through the built CLI from an independent loopback portal of each §8.2 shape, checked cell by cell against hand-worked figures and the built add-in.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { loadScript, type Value } from '../fakes/apps-script';
import { readXlsxTabs, records } from './fixtures';

type Row = (string | number | null)[];
const nfd = (s: string): string => s.normalize('NFD');
const OWNER = 'owner@example.vn';
const CLI = join(__dirname, '..', '..', 'dist', 'node', 'sync.cjs');

// Cách phân loại left empty with Năm 2026: the default must be Toàn trình, một phần.
const SETTINGS: Row[] = [
  ['Tham số', 'Giá trị'],
  ['Năm', 2026],
  ['Cách phân loại', ''],
  ['Chỉ tiêu tối thiểu', '20%'],
  ['Nguồn ưu tiên', 'Cổng DVC'],
  ['Ngưỡng chênh lệch', '5%'],
  ['Điểm tối đa', 2],
  ['Mã tỉnh trên Cổng DVC quốc gia', '44'],
];

// Two tiers: no Huyện, thành phố. Names typed NFD; portal codes differ from Mã đơn vị.
const UNITS: Row[] = [
  [
    'Mã đơn vị',
    'Tên đơn vị',
    'Nhóm',
    'Mã đơn vị cấp trên',
    'Chỉ tiêu',
    'Mã trên Cổng DVC',
    'Email nhập liệu',
  ],
  ['SCT', nfd('Sở Công Thương'), 'Sở, ban, ngành', '', '30%', 'H44.07', ''],
  ['STP', 'Sở Tư pháp', 'SBN', '', 0.25, 'H44.08', ''],
  ['SYT', 'Sở Y tế', 'SBN', '', '', '', ''],
  ['XNT', 'Xã Nghĩa Trung', nfd('Xã, phường, đặc khu'), '', '55%', 'H44.201', ''],
  ['XTL', 'Xã Thanh Lâm', 'XA', '', '', 'H44.202', ''],
  ['PBH', nfd('Phường Bạch Hạc'), 'Xã, phường, thị trấn', '', '50%', 'H44.203', ''],
  ['PAC', nfd('Phường Âu Cơ'), 'XA', '', '', 'H44.204', ''],
  ['XYL', 'Xã Yên Lập', 'XA', '', '', 'H44.205', ''],
  ['DCT', 'Đặc khu Cô Tô', 'Xã, phường, đặc khu', '', '30%', 'H44.206', ''],
];

// The old online header kept; SCT January differs from the portal; XYL has an error row in May.
const ENTRIES: Row[] = [
  ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4', 'Ghi chú'],
  ['01/2026', 'SCT', 100, 50, ''],
  ['01/2026', 'SYT', '', '', ''],
  ['05/2026', 'XYL', 10, 20, ''],
];

const CATALOGUE: Row[] = [
  ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
  ['1.001', 'Cấp giấy phép', 'Toàn trình'],
  ['1.002', 'Đăng ký khai sinh', nfd('một phần')],
  ['1.003', 'Cấp bản sao', 4],
  ['1.004', 'Chứng thực', 'Mức 2'],
];

/** Per portal code, per month (1..3): [total, online]; null = the portal's null count. */
const FIGURES: Record<string, [number, number | null][]> = {
  'H44.07': [
    [100, 30],
    [100, 30],
    [100, 40],
  ],
  'h44.08': [
    [50, 10],
    [50, 10],
    [60, null],
  ],
  'H44.201': [
    [10, 5],
    [5, 2],
    [5, 4],
  ],
  'H44.202': [
    [20, 12],
    [10, 4],
    [10, 4],
  ],
  'H44.203': [
    [8, 4],
    [6, 3],
    [6, 3],
  ],
  'H44.204': [
    [10, 5],
    [5, 3],
    [5, 2],
  ],
  'H44.205': [
    [10, 4],
    [10, 4],
    [10, 4],
  ],
  'H44.206': [
    [4, null],
    [3, 1],
    [3, 0],
  ],
  'H44.99': [
    [7, 7],
    [7, 7],
    [7, 7],
  ],
};

const lastDay = (m: number): string =>
  `2026-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(2026, m, 0)).getUTCDate()).padStart(2, '0')}`;

const body = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      s += c;
    });
    req.on('end', () => resolve(s));
  });

interface Portal {
  url: string;
  requests: string[];
  faults: string[];
  close(): Promise<void>;
}

/** An independent loopback portal speaking §8.2's mot-cua and dvcqg exactly as printed. */
type Fault = 'status503' | 'status429' | 'reset' | 'hang' | 'malformed' | 'badCount';

async function startPortal(
  opts: { negative?: boolean; fault?: (key: string, attempt: number) => Fault | undefined } = {},
): Promise<Portal> {
  const requests: string[] = [];
  const faults: string[] = [];
  const attempts = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const text = await body(req);
    requests.push(`${req.method} ${req.url} ${text}`);
    // The request's key: the month (mot-cua), or the unit's code and the month (dvcqg).
    let key = '';
    if (req.url === '/jsp/rest.jsp') {
      const params = JSON.parse(new URLSearchParams(text).get('params') ?? '{}') as Record<string, unknown>;
      key = `${String(params.p_huyen_id)} ${String(params.p_thang)}`;
    } else if (text.startsWith('{'))
      key = String(Number((JSON.parse(text) as { tuNgay: string }).tuNgay.slice(5, 7)));
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const fault = opts.fault?.(key, attempt);
    if (fault === 'hang') return;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'status503' || fault === 'status429') {
      res.writeHead(fault === 'status503' ? 503 : 429, fault === 'status429' ? { 'Retry-After': '1' } : {});
      res.end();
      return;
    }
    if (fault === 'malformed') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"data": [');
      return;
    }
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      let out = JSON.stringify(value);
      if (fault === 'badCount')
        out = out.replace(/"HTN_TRUCTUYEN_TOTAL":"\d+"/, '"HTN_TRUCTUYEN_TOTAL":"12.5"');
      if (fault === 'badCount')
        // In a unit's row (maThongKeCha "H44"), not the province total, which the profile skips.
        out = out.replace(
          /("maThongKeCha":"H44"[^}]*"hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen":)\d+/,
          '$1"abc"',
        );
      res.end(out);
    };
    if (req.method === 'POST' && req.url === '/quyetdinhs/chitieudvctructuyen') {
      if (!String(req.headers['content-type']).startsWith('application/json'))
        faults.push('mot-cua content-type');
      if (req.headers.authorization) faults.push('authorization sent without PORTAL_TOKEN');
      const { tuNgay, denNgay } = JSON.parse(text) as { tuNgay: string; denNgay: string };
      const m = Number(tuNgay.slice(5, 7));
      if (tuNgay !== `2026-${String(m).padStart(2, '0')}-01` || denNgay !== lastDay(m))
        faults.push(`mot-cua dates ${tuNgay} ${denNgay}`);
      const data: Record<string, unknown>[] = [];
      let sumT = 0;
      let sumO = 0;
      for (const [code, months] of Object.entries(FIGURES)) {
        const f = months[m - 1];
        if (!f) continue;
        sumT += f[0];
        sumO += f[1] ?? 0;
        data.push({
          maThongKe: code,
          maThongKeCha: 'H44',
          catalog: code.startsWith('H44.2') ? 'xa-phuong' : 'so-ban-nganh',
          tenThongKe: code,
          tongSo: f[0],
          tongHoSoPhatSinh: f[0],
          hoSoPhatSinhTrongThuTucTrucTuyen: f[0],
          hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen:
            opts.negative && code === 'H44.203' && m === 2 ? -1 : f[1],
          hoSoPhatSinhTrucTuyenTrongThuTucToanTrinh: null,
          hoSoPhatSinhTrucTuyenTrongThuTucMotPhan: null,
        });
      }
      // The province's own total, a level above every unit.
      if (data.length > 0)
        data.unshift({
          maThongKe: 'H44',
          maThongKeCha: null,
          catalog: 'tinh',
          tenThongKe: 'Toàn tỉnh',
          tongSo: sumT,
          tongHoSoPhatSinh: sumT,
          hoSoPhatSinhTrongThuTucTrucTuyen: sumT,
          hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen: sumO,
        });
      json(200, { data });
      return;
    }
    if (req.method === 'POST' && req.url === '/jsp/rest.jsp') {
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        faults.push('dvcqg content-type');
      const params = JSON.parse(new URLSearchParams(text).get('params') ?? '{}') as Record<string, unknown>;
      if (params.type !== 'ref' || params.service !== 'report_by_month_sum_service' || params.p_linhvuc !== 0)
        faults.push(`dvcqg params ${JSON.stringify(params)}`);
      if (params.p_nam !== '2026' || typeof params.p_thang !== 'string' || params.p_tinh_id !== '44') {
        faults.push(`dvcqg params ${JSON.stringify(params)}`);
        json(200, []);
        return;
      }
      const m = Number(params.p_thang);
      const code = String(params.p_huyen_id).toLowerCase();
      const key = Object.keys(FIGURES).find((k) => k.toLowerCase() === code);
      const f = key ? FIGURES[key]?.[m - 1] : undefined;
      json(200, f ? [{ HS_TOTAL: String(f[0]), HTN_TRUCTUYEN_TOTAL: String(f[1] ?? 0), TEN: 'x' }] : []);
      return;
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    faults,
  };
}

async function writeBook(path: string, tabs: Record<string, Row[]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

const INPUTS = { 'Cấu hình': SETTINGS, 'Đơn vị': UNITS, 'Nhập liệu': ENTRIES, 'Danh mục DVC': CATALOGUE };

function sync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir() } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const trim = (grid: readonly (readonly unknown[])[]): unknown[][] => {
  const rows = grid.map((row) => {
    const out = [...row];
    while (out.length > 0 && (out[out.length - 1] === '' || out[out.length - 1] === null)) out.pop();
    return out;
  });
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
  return rows;
};
const pick = (r: Record<string, unknown> | undefined, ...keys: string[]) =>
  keys.map((k) => {
    const v = r?.[k];
    return typeof v === 'string' ? v.normalize('NFC') : v;
  });

/** Requests per month asked: one (mot-cua) or one per unit (dvcqg). */
const perMonth = (profile: string): number => (profile === 'mot-cua' ? 1 : UNITS.length - 1);

let dir: string;
let portal: Portal;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-accept-'));
  portal = await startPortal();
});
afterAll(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

const RATIO_COLUMNS = [
  'Nhóm',
  'Tổng số hồ sơ',
  'Hồ sơ trực tuyến',
  'Tỷ lệ',
  'Chỉ tiêu',
  'Đánh giá',
  'Hồ sơ cần thêm',
];
const G = 'Xã, phường, đặc khu';
// Hand-worked through 03/2026 (the May error row must not move the period).
const EXPECTED: Record<string, { row: unknown[]; points: number }> = {
  SCT: { row: ['Sở, ban, ngành', 300, 100, 1 / 3, 0.3, 'Đạt', 0], points: 2 },
  STP: { row: ['Sở, ban, ngành', 160, 20, 0.125, 0.25, 'Chưa đạt', 20], points: 1 },
  XNT: { row: [G, 20, 11, 0.55, 0.55, 'Đạt', 0], points: 2 },
  XTL: { row: [G, 40, 20, 0.5, 0.2, 'Đạt', 0], points: 2 },
  PBH: { row: [G, 20, 10, 0.5, 0.5, 'Đạt', 0], points: 2 },
  PAC: { row: [G, 20, 10, 0.5, 0.2, 'Đạt', 0], points: 2 },
  DCT: { row: [G, 10, 1, 0.1, 0.3, 'Chưa đạt', 2], points: (2 * 0.1) / 0.3 },
};

describe.each(['mot-cua', 'dvcqg'])('profile %s on a two-tier 2026 province with traps', (profile) => {
  let tabs: Map<string, unknown[][]>;
  let run: { code: number; stdout: string; stderr: string };
  let book: string;
  beforeAll(async () => {
    book = join(dir, `${profile}.xlsx`);
    await writeBook(book, INPUTS);
    portal.requests.length = 0;
    run = await sync(['--workbook', book, '--portal', portal.url, '--profile', profile]);
    tabs = await readXlsxTabs(book);
  });

  test('exit 0, the requests as the contract prints them: one per month (mot-cua) or per unit and month (dvcqg)', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(portal.faults).toEqual([]);
    // Asked for every month of Năm up to the current month in Asia/Ho_Chi_Minh (December for a past year).
    const [month, year] = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Ho_Chi_Minh',
      month: 'numeric',
      year: 'numeric',
    })
      .format(new Date())
      .split('/')
      .map(Number);
    const months = (year ?? 0) > 2026 ? 12 : (month ?? 0);
    expect(portal.requests).toHaveLength(months * perMonth(profile));
  });

  test('Tỷ lệ: every figure as worked by hand, header Hồ sơ trực tuyến', () => {
    const grid = tabs.get('Tỷ lệ') ?? [];
    const header = grid.find((r) => r.includes('Mã đơn vị')) ?? [];
    expect(header).toContain('Hồ sơ trực tuyến');
    expect(header).not.toContain('Hồ sơ trực tuyến mức độ 3, 4');
    const ratio = new Map(records(grid).map((r) => [r['Mã đơn vị'], r]));
    for (const [code, e] of Object.entries(EXPECTED)) {
      const r = ratio.get(code);
      const got = pick(r, ...RATIO_COLUMNS);
      expect({ code, got: [...got.slice(0, 3), ...got.slice(4)] }).toEqual({
        code,
        got: [...e.row.slice(0, 3), ...e.row.slice(4)],
      });
      expect(r?.['Tỷ lệ']).toBeCloseTo(e.row[3] as number, 12);
      expect(r?.Điểm).toBeCloseTo(e.points, 12);
      expect(r?.['Nguồn số liệu']).toBe('Cổng DVC');
    }
    // SYT's only row is the empty prefilled one: no figures, which is not 0 dossiers (contract §10.4).
    expect(pick(ratio.get('SYT'), 'Nhóm', 'Tổng số hồ sơ', 'Tỷ lệ', 'Đánh giá')).toEqual([
      'Sở, ban, ngành',
      '',
      '',
      'Chưa có số liệu',
    ]);
    expect(pick(ratio.get('XYL'), 'Nhóm', 'Tổng số hồ sơ', 'Hồ sơ trực tuyến', 'Đánh giá')).toEqual([
      G,
      30,
      12,
      'Số liệu lỗi',
    ]);
  });

  test('Xếp hạng: shared ranks, online then Vietnamese name order, changes against February', () => {
    const ranking = records(tabs.get('Xếp hạng')).map((r) =>
      pick(r, 'Nhóm xếp hạng', 'Hạng', 'Mã đơn vị', 'Thay đổi hạng'),
    );
    expect(ranking).toEqual([
      ['Sở, ban, ngành', 1, 'SCT', '='],
      ['Sở, ban, ngành', 2, 'STP', '='],
      ['Sở, ban, ngành', '', 'SYT', ''],
      [G, 1, 'XNT', '▲3'],
      [G, 2, 'XTL', '▼1'],
      [G, 2, 'PAC', '▼1'],
      [G, 2, 'PBH', '▲1'],
      [G, 5, 'DCT', '▲1'],
      [G, '', 'XYL', ''],
    ]);
  });

  test('Kiểm tra, Đối chiếu, Dữ liệu Cổng DVC', () => {
    const checks = records(tabs.get('Kiểm tra'), 'Mức độ').map((r) =>
      pick(r, 'Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ', 'Nội dung'),
    );
    // mot-cua: another level maps to no unit: listed, never counted (§8.2); the province total (no
    // maThongKeCha) is skipped without a warning (issue 19).
    const unmapped = [
      ...new Set(checks.filter((c) => c[4] === 'Cảnh báo' && c[0] === 'Dữ liệu Cổng DVC').map((c) => c[2])),
    ];
    expect(unmapped).toEqual(profile === 'mot-cua' ? ['H44.99'] : []);
    const bad = checks.find((c) => c[0] === 'Danh mục DVC');
    expect(bad?.[4]).toBe('Cảnh báo');
    for (const v of ['3', '4', 'Toàn trình', 'Một phần']) expect(String(bad?.[5])).toContain(v);
    expect(checks.find((c) => c[0] === 'Nhập liệu' && c[2] === 'XYL')?.[4]).toBe('Lỗi');
    expect(checks.filter((c) => c[4] === 'Lỗi')).toHaveLength(1);
    expect(records(tabs.get('Đối chiếu')).map((r) => pick(r, 'Kỳ', 'Mã đơn vị'))).toEqual([
      ['01/2026', 'SCT'],
    ]);
    const data = tabs.get('Dữ liệu Cổng DVC') ?? [];
    expect(data[0]).toContain('Số hồ sơ giải quyết trực tuyến');
    const portalRows = records(data).map((r) =>
      pick(r, 'Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến'),
    );
    expect(portalRows).toContainEqual(['03/2026', 'STP', 60, 0]);
    expect(portalRows).toContainEqual(['01/2026', 'DCT', 4, 0]);
  });

  test('the built add-in recomputes identical tabs', () => {
    const script = loadScript({ owner: OWNER });
    const { spreadsheet } = script;
    spreadsheet._load('Cấu hình', SETTINGS as Value[][]);
    spreadsheet._load('Đơn vị', UNITS as Value[][]);
    spreadsheet._load('Nhập liệu', ENTRIES as Value[][]);
    spreadsheet._load('Danh mục DVC', CATALOGUE as Value[][]);
    spreadsheet._load('Dữ liệu Cổng DVC', tabs.get('Dữ liệu Cổng DVC') as Value[][]);
    script.run('recomputeAll');
    for (const tab of ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Tổng hợp']) {
      const addin = trim(spreadsheet._sheet(tab)._values());
      expect({ tab, grid: addin }).toEqual({ tab, grid: trim(tabs.get(tab) ?? []) });
    }
  });
});

/** Text as Excel on a Vietnamese Windows saves it: base letters â ê ô ơ ư ă precomposed, tone marks combining. */
const cp1258 = (text: string): Buffer =>
  iconv.encode(
    text.normalize('NFD').replace(/(\p{L})(\p{M}+)/gu, (_, base: string, marks: string) => {
      const shape = [...marks].filter((m) => /[\u0302\u0306\u031B]/.test(m)).join('');
      const tones = [...marks].filter((m) => !/[\u0302\u0306\u031B]/.test(m)).join('');
      return (base + shape).normalize('NFC') + tones;
    }),
    'windows1258',
  );
const utf16bom = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const EXPORT = [
  'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến',
  'Tháng 01/2026,H44.07,1.001,100,40',
  'Tháng 01/2026,H44.07,9.999,50,50',
  'Tháng 01/2026,h44.201,1.002,10,6',
  'Tháng 01/2026,H44.201,,10,10',
].join('\r\n');

describe('more traps of the same province', () => {
  test.each(['mot-cua', 'dvcqg'])(
    '%s: a unit with two portal codes (one typed lower-case), settings typed NFD, Cách phân loại given as Mức độ 3, 4',
    async (profile) => {
      const sub = mkdtempSync(join(dir, 'more-'));
      const book = join(sub, 'book.xlsx');
      const settings = SETTINGS.map((r, i) =>
        i === 0
          ? r
          : r[0] === 'Cách phân loại'
            ? [nfd('cách phân loại'), nfd('mức độ 3, 4')]
            : [nfd(String(r[0])), r[1] ?? null],
      );
      // SCT also answers under H44.99 (its old code), typed lower-case in Đơn vị.
      const units = UNITS.map((r) => (r[0] === 'SCT' ? [...r.slice(0, 5), 'H44.07, h44.99', ''] : r));
      await writeBook(book, { ...INPUTS, 'Cấu hình': settings, 'Đơn vị': units });
      const run = await sync([
        '--workbook',
        book,
        '--portal',
        portal.url,
        '--profile',
        profile,
        '--through',
        '2026-03',
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const tabs = await readXlsxTabs(book);
      const grid = tabs.get('Tỷ lệ') ?? [];
      expect(grid.find((r) => r.includes('Mã đơn vị'))).toContain('Hồ sơ trực tuyến mức độ 3, 4');
      expect(records(tabs.get('Dữ liệu Cổng DVC'))[0]).toHaveProperty([
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      ]);
      const ratio = new Map(records(grid).map((r) => [r['Mã đơn vị'], r]));
      // 300 + 21 resolved, 100 + 21 online.
      expect(pick(ratio.get('SCT'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Điểm')).toEqual([
        321, 121, 2,
      ]);
      expect(pick(ratio.get('STP'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến mức độ 3, 4', 'Điểm')).toEqual([
        160, 20, 1,
      ]);
      const ranking = records(tabs.get('Xếp hạng')).map((r) => pick(r, 'Nhóm xếp hạng', 'Mã đơn vị'));
      expect(ranking.filter((r) => r[0] === G)).toHaveLength(6);
    },
  );
});

interface Spoilable {
  request: { per?: string };
  response: { fields: { resolved?: string } };
}

describe('export files, profile files and a bad count through the built CLI', () => {
  test.each([
    ['Windows-1258', cp1258],
    ['UTF-16 with BOM', utf16bom],
  ])(
    'a %s CSV export: figures through the catalogue, a row without Mã TTHC warned once',
    async (_, encode) => {
      const sub = mkdtempSync(join(dir, 'csv-'));
      const book = join(sub, 'book.xlsx');
      const csv = join(sub, 'export.csv');
      const bytes = encode(EXPORT);
      expect(bytes.toString('utf8')).not.toContain('Tổng số'); // really not UTF-8
      writeFileSync(csv, bytes);
      await writeBook(book, INPUTS);
      const run = await sync(['--workbook', book, '--portal-file', csv]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const tabs = await readXlsxTabs(book);
      const ratio = new Map(records(tabs.get('Tỷ lệ')).map((r) => [r['Mã đơn vị'], r]));
      // SCT: 150 resolved, 40 online (9.999 is not in the catalogue); XNT: 20 resolved, 6 online (no Mã TTHC: not online).
      expect(
        pick(ratio.get('SCT'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến', 'Đánh giá', 'Hồ sơ cần thêm'),
      ).toEqual([150, 40, 'Chưa đạt', 5]);
      expect(
        pick(ratio.get('XNT'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến', 'Đánh giá', 'Hồ sơ cần thêm'),
      ).toEqual([20, 6, 'Chưa đạt', 5]);
      const warnings = records(tabs.get('Kiểm tra'), 'Mức độ').filter((r) =>
        String(r['Nội dung']).includes('Mã TTHC'),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.['Mức độ']).toBe('Cảnh báo');
      expect(String(warnings[0]?.['Nội dung'])).toMatch(/\b1\b/);
    },
  );

  test.each([
    ['empty', [['Mã TTHC', 'Tên TTHC', 'Mức độ']]],
    [
      'unmatched',
      [
        ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
        ['2.000', 'Khác', 'Toàn trình'],
      ],
    ],
  ])(
    'an %s catalogue with per-procedure export rows: Lỗi in Kiểm tra and in the summary, figures written',
    async (_, catalogue) => {
      const sub = mkdtempSync(join(dir, 'cat-'));
      const book = join(sub, 'book.xlsx');
      const csv = join(sub, 'export.csv');
      writeFileSync(csv, `\uFEFF${EXPORT}`);
      await writeBook(book, { ...INPUTS, 'Danh mục DVC': catalogue as Row[] });
      const run = await sync(['--workbook', book, '--portal-file', csv]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/danh mục/i);
      const tabs = await readXlsxTabs(book);
      const errors = records(tabs.get('Kiểm tra'), 'Mức độ').filter(
        (r) => r.Tab === 'Danh mục DVC' && r['Mức độ'] === 'Lỗi',
      );
      expect(errors).toHaveLength(1);
      const ratio = new Map(records(tabs.get('Tỷ lệ')).map((r) => [r['Mã đơn vị'], r]));
      expect(pick(ratio.get('SCT'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([150, 0]);
    },
  );

  test.each([
    ['response.fields.resolved', (p: Spoilable) => delete p.response.fields.resolved],
    ['request.per', (p: Spoilable) => (p.request.per = 'week')],
  ])(
    'a profile file without a fitting %s: refused before any request, the field named',
    async (field, spoil) => {
      const sub = mkdtempSync(join(dir, 'profile-'));
      const book = join(sub, 'book.xlsx');
      const profile = JSON.parse(
        JSON.stringify({
          name: 'tinh',
          request: {
            method: 'POST',
            path: '/quyetdinhs/chitieudvctructuyen',
            per: 'month',
            json: { tuNgay: '{firstDay}', denNgay: '{lastDay}' },
          },
          paging: null,
          response: {
            rows: 'data',
            rowsPer: 'unit',
            fields: {
              agency: 'maThongKe',
              resolved: 'tongHoSoPhatSinh',
              online: ['hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen'],
            },
            numbers: 'numbers',
            nullCounts: 'zero',
          },
        }),
      );
      spoil(profile);
      writeFileSync(join(sub, 'tinh.json'), JSON.stringify(profile));
      await writeBook(book, INPUTS);
      portal.requests.length = 0;
      const run = await sync([
        '--workbook',
        book,
        '--portal',
        portal.url,
        '--profile',
        join(sub, 'tinh.json'),
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(field);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(portal.requests).toEqual([]);
    },
  );

  test.each(['mot-cua', 'dvcqg'])(
    '%s: 503, 429 with Retry-After, a reset and a time-out are retried; the figures are whole',
    async (profile) => {
      const flaky = await startPortal({
        fault: (key, attempt) => {
          if (key === (profile === 'mot-cua' ? '1' : 'H44.07 1'))
            return (['status503', 'status429', 'reset'] as const)[attempt - 1];
          if (key === (profile === 'mot-cua' ? '2' : 'H44.08 2') && attempt === 1) return 'hang';
          return undefined;
        },
      });
      try {
        const sub = mkdtempSync(join(dir, 'flaky-'));
        const book = join(sub, 'book.xlsx');
        await writeBook(book, INPUTS);
        const run = await sync([
          '--workbook',
          book,
          '--portal',
          flaky.url,
          '--profile',
          profile,
          '--timeout',
          '2',
          '--through',
          '2026-03',
        ]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const ratio = new Map(
          records((await readXlsxTabs(book)).get('Tỷ lệ')).map((r) => [r['Mã đơn vị'], r]),
        );
        expect(pick(ratio.get('SCT'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([300, 100]);
        expect(pick(ratio.get('STP'), 'Tổng số hồ sơ', 'Hồ sơ trực tuyến')).toEqual([160, 20]);
        // Through March: three months asked; three retries of the first request, one of the hung one.
        expect(flaky.requests).toHaveLength(3 * perMonth(profile) + 4);
      } finally {
        await flaky.close();
      }
    },
  );

  test.each([
    ['mot-cua', 'malformed', '2', /02\/2026/],
    ['dvcqg', 'malformed', 'H44.203 2', /02\/2026/],
    [
      'mot-cua',
      'badCount',
      '2',
      /02\/2026.*hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen|hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen.*02\/2026/,
    ],
    ['dvcqg', 'badCount', 'H44.203 2', /H44\.203/],
  ] as const)('%s: persistent %s fails the run, output tabs unchanged', async (profile, fault, key, said) => {
    const bad = await startPortal({ fault: (k) => (k === key ? (fault as Fault) : undefined) });
    try {
      const sub = mkdtempSync(join(dir, 'bad-'));
      const book = join(sub, 'book.xlsx');
      await writeBook(book, INPUTS);
      expect((await sync(['--workbook', book, '--portal', portal.url, '--profile', profile])).code).toBe(0);
      const before = await readXlsxTabs(book);
      const run = await sync([
        '--workbook',
        book,
        '--portal',
        bad.url,
        '--profile',
        profile,
        '--retries',
        '1',
      ]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(said);
      if (fault === 'badCount') expect(run.stderr).toMatch(/02\/2026/);
      if (profile === 'dvcqg' && fault === 'badCount') expect(run.stderr).toContain('HTN_TRUCTUYEN_TOTAL');
      const after = await readXlsxTabs(book);
      for (const tab of ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Dữ liệu Cổng DVC', 'Tổng hợp'])
        expect({ tab, grid: after.get(tab) }).toEqual({ tab, grid: before.get(tab) });
    } finally {
      await bad.close();
    }
  });

  test('a mot-cua negative count fails the run: output tabs unchanged, the unit, month and field named', async () => {
    const bad = await startPortal({ negative: true });
    try {
      const book = join(dir, 'mot-cua.xlsx'); // synced above
      const before = await readXlsxTabs(book);
      const run = await sync([
        '--workbook',
        book,
        '--portal',
        bad.url,
        '--profile',
        'mot-cua',
        '--retries',
        '1',
      ]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('H44.203');
      expect(run.stderr).toContain('02/2026');
      expect(run.stderr).toContain('hoSoPhatSinhTrucTuyenTrongThuTucTrucTuyen');
      const after = await readXlsxTabs(book);
      for (const tab of ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Dữ liệu Cổng DVC', 'Tổng hợp'])
        expect({ tab, grid: after.get(tab) }).toEqual({ tab, grid: before.get(tab) });
      const log = after.get('Nhật ký đồng bộ') ?? [];
      expect(JSON.stringify(log[log.length - 1])).toContain('Thất bại');
    } finally {
      await bad.close();
    }
  });
});
