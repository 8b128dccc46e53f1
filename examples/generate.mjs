// Writes the bundled example provinces' CSV files: deterministic (seeded PRNG), so re-running changes nothing.
// Usage: node examples/generate.mjs [output folder]   (default: the folder of this script)
// Facts (names, codes, counts) are literals below; every figure and placeholder name is made up.
import { mkdirSync, writeFileSync } from 'node:fs';

// ---------------------------------------------------------------- contract headers and labels

const SETTINGS_HEADER = ['Tham số', 'Giá trị', 'Diễn giải'];
const UNITS_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Nhóm',
  'Mã đơn vị cấp trên',
  'Chỉ tiêu',
  'Mã trên Cổng DVC',
  'Email nhập liệu',
];
const ENTRIES_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  'Ghi chú',
];
/** Nhập liệu under Cách phân loại = Toàn trình, một phần (Decree 42/2022, contract §8.1). */
const ENTRIES_HEADER_2026 = ENTRIES_HEADER.map((name) =>
  name === 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4' ? 'Số hồ sơ giải quyết trực tuyến' : name,
);
const CATALOGUE_HEADER = ['Mã TTHC', 'Tên TTHC', 'Mức độ'];
const EXPORT_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Mã TTHC',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến',
];
const GROUP = { department: 'Sở, ban, ngành', district: 'Huyện, thành phố', commune: 'Xã, phường, thị trấn' };
/** The commune group of a two-tier province, after the 2025 reform (contract §8.1). */
const COMMUNE_TWO_TIER = 'Xã, phường, đặc khu';

/**
 * The two vocabularies of Cách phân loại: Hòa Bình 2020 in levels 3 and 4 (no setting row, the year's
 * default), Phú Thọ 2026 in toàn trình / một phần (level 4 was the whole procedure online, level 3 part).
 */
const VOCABULARY = {
  levels: { entries: ENTRIES_HEADER, level: (level) => String(level), commune: GROUP.commune, setting: null },
  modes: {
    entries: ENTRIES_HEADER_2026,
    level: (level) => (level === 4 ? 'Toàn trình' : 'Một phần'),
    commune: COMMUNE_TWO_TIER,
    setting: [
      'Cách phân loại',
      'Toàn trình, một phần',
      'Mức độ 3, 4 hoặc Toàn trình, một phần (Nghị định 42/2022/NĐ-CP). Để trống: Mức độ 3, 4 đến năm 2022, Toàn trình, một phần từ năm 2023.',
    ],
  },
};

/** The Cấu hình tab: explanations as the add-in's set-up writes them. */
function settingsRows(year, vocabulary) {
  const rows = [
    ['Năm', String(year), `Năm theo dõi, ví dụ ${year}.`],
    ['Chỉ tiêu tối thiểu', '20%', 'Chỉ tiêu tối thiểu áp dụng cho mọi đơn vị, ví dụ 20%.'],
    [
      'Nguồn ưu tiên',
      'Cổng DVC',
      'Khi có cả số liệu Cổng DVC và số liệu đơn vị nhập: Cổng DVC hoặc Đơn vị nhập.',
    ],
    ['Ngưỡng chênh lệch', '5%', 'Chênh lệch tỷ lệ giữa hai nguồn được đưa vào tab Đối chiếu, ví dụ 5%.'],
    ['Điểm tối đa', '1', 'Điểm tối đa của tiêu chí trong bộ chỉ số CCHC, ví dụ 1.'],
    [
      'Kỳ báo cáo đến',
      '',
      `Tháng cuối cùng được tính, ví dụ 10/${year}. Để trống: tháng gần nhất có số liệu.`,
    ],
    [
      'Quản trị viên',
      '',
      'Email những người (ngoài chủ sở hữu) được tính lại và sửa các tab kết quả, cách nhau bởi dấu phẩy.',
    ],
  ];
  return vocabulary.setting ? [...rows, vocabulary.setting] : rows;
}

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: a tiny seeded PRNG, so the files are the same on every machine and Node version. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = seeded(seed);
  }
  float(low, high) {
    return low + (high - low) * this.next();
  }
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(probability) {
    return this.next() < probability;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** n items of list, kept in list order. */
  sample(list, n) {
    const indexes = list.map((_, i) => i);
    const chosen = [];
    while (chosen.length < n && indexes.length > 0) {
      chosen.push(indexes.splice(Math.floor(this.next() * indexes.length), 1)[0]);
    }
    return chosen.sort((a, b) => a - b).map((i) => list[i]);
  }
}

// ---------------------------------------------------------------- small helpers

const pad2 = (n) => String(n).padStart(2, '0');

/** ASCII slug of a Vietnamese name, for made-up e-mail addresses. */
const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Splits a whole number by weights (largest remainder), so the parts add up exactly. */
function splitInt(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** Like splitInt, but no part above its cap (the caps must add up to at least the total). */
function splitCapped(total, weights, caps) {
  const parts = caps.map(() => 0);
  let left = total;
  while (left > 0) {
    const room = caps.map((cap, i) => (parts[i] < cap ? weights[i] || 1 : 0));
    const more = splitInt(left, room);
    more.forEach((extra, i) => {
      const taken = Math.min(extra, caps[i] - parts[i]);
      parts[i] += taken;
      left -= taken;
    });
  }
  return parts;
}

/** The ways clerks type a month, all accepted by the contract. */
const MONTH_STYLES = ['slash', 'slash', 'slash', 'T', 'thang', 'iso'];
function formatMonth(style, year, month) {
  if (style === 'T') return `T${month}/${year}`;
  if (style === 'thang') return `Tháng ${month}/${year}`;
  if (style === 'iso') return `${year}-${pad2(month)}`;
  return `${pad2(month)}/${year}`;
}

/** Counts as clerks type them: plain, or with a thousands dot (1.234). */
const formatCount = (value, dotted) =>
  dotted ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : String(value);

/** RFC 4180 CSV: fields quoted only when they must be, LF line ends, UTF-8 without BOM. */
function toCsv(rows) {
  const field = (value) => {
    const text = String(value ?? '').normalize('NFC');
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(field).join(',')).join('\n')}\n`;
}

// ---------------------------------------------------------------- procedures (codes made up)

/**
 * The approved level-3/4 catalogue (Danh mục DVC). Names follow real procedures; the codes have the
 * national format 1.00xxxx but are made up. owner: the department code, 'district' or 'commune'.
 */
const CATALOGUE = [
  [
    '1.000456',
    4,
    'STP',
    'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
  ],
  ['1.000532', 3, 'STP', 'Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng'],
  ['1.001612', 4, 'SKHDT', 'Đăng ký thành lập doanh nghiệp tư nhân'],
  ['1.005371', 4, 'SKHDT', 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên'],
  ['1.001977', 4, 'SKHDT', 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp'],
  ['1.002804', 4, 'SGTVT', 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp'],
  ['1.002835', 3, 'SGTVT', 'Cấp giấy phép lái xe quốc tế'],
  ['1.009972', 3, 'SXD', 'Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II'],
  ['1.009994', 3, 'SXD', 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III'],
  ['1.004616', 3, 'SYT', 'Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người Việt Nam'],
  ['1.003001', 3, 'SYT', 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược'],
  ['1.000521', 3, 'SCT', 'Cấp Giấy phép bán buôn sản phẩm rượu'],
  [
    '1.000467',
    3,
    'SCT',
    'Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm thuộc thẩm quyền của Sở Công Thương',
  ],
  [
    '1.004363',
    3,
    'SNN',
    'Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất nông lâm thủy sản',
  ],
  ['1.003605', 3, 'SNN', 'Cấp giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh'],
  ['1.004219', 4, 'STTTT', 'Cấp giấy phép xuất bản bản tin'],
  ['1.004474', 3, 'STTTT', 'Cấp giấy phép hoạt động in'],
  ['1.000459', 3, 'SLDTBXH', 'Cấp giấy phép lao động cho người nước ngoài làm việc tại Việt Nam'],
  ['1.000480', 3, 'SLDTBXH', 'Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp'],
  ['1.004257', 3, 'STNMT', 'Cấp giấy phép khai thác, sử dụng nước dưới đất'],
  ['1.004280', 3, 'STNMT', 'Thẩm định, phê duyệt phương án cải tạo, phục hồi môi trường'],
  ['1.001008', 3, 'SVHTTDL', 'Cấp giấy phép tổ chức biểu diễn nghệ thuật, trình diễn thời trang'],
  ['1.003563', 3, 'SKHCN', 'Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ'],
  ['1.005092', 3, 'SGDDT', 'Chỉnh sửa nội dung văn bằng, chứng chỉ'],
  ['1.005111', 4, 'SGDDT', 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc'],
  ['1.003918', 3, 'SNV', 'Thẩm định việc thành lập hội'],
  ['1.004988', 4, 'STC', 'Đăng ký mã số đơn vị có quan hệ với ngân sách'],
  ['1.009645', 3, 'BQLKCN', 'Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp'],
  ['1.002239', 3, 'VPUBND', 'Cho phép sử dụng thẻ đi lại của doanh nhân APEC'],
  ['1.008996', 3, 'district', 'Cấp giấy phép xây dựng nhà ở riêng lẻ'],
  ['1.001588', 3, 'district', 'Đăng ký thành lập hộ kinh doanh'],
  ['1.001240', 3, 'district', 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá'],
  ['1.001272', 3, 'district', 'Cấp Giấy phép bán lẻ sản phẩm rượu'],
  ['1.000894', 3, 'district', 'Đăng ký kết hôn có yếu tố nước ngoài'],
  ['1.001193', 3, 'commune', 'Đăng ký khai sinh'],
  ['1.000656', 3, 'commune', 'Đăng ký khai tử'],
  ['1.001022', 3, 'commune', 'Đăng ký kết hôn'],
  ['1.004873', 4, 'commune', 'Cấp bản sao Trích lục hộ tịch'],
  ['1.004819', 3, 'commune', 'Cấp Giấy xác nhận tình trạng hôn nhân'],
  ['1.000689', 3, 'commune', 'Đăng ký nhận cha, mẹ, con'],
  ['1.003583', 3, 'commune', 'Chứng thực chữ ký trong các giấy tờ, văn bản'],
  ['1.000419', 3, 'commune', 'Đăng ký giám hộ'],
  ['1.005412', 3, 'commune', 'Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình'],
];

/**
 * Procedures the portal reports that are NOT in the catalogue (not approved at level 3/4, e.g. copies
 * certified from originals, first land-use certificates): their online dossiers must not count.
 */
const NOT_IN_CATALOGUE = {
  STP: ['1.000878'],
  SGTVT: ['1.002781', '1.002793'],
  STNMT: ['1.004203'],
  SXD: ['1.009985'],
  SLDTBXH: ['1.001776'],
  SNN: ['1.003590'],
  SYT: ['1.004561'],
  TTT: ['1.002510'],
  BDT: ['1.004910'],
  district: ['1.004193', '1.004227'],
  commune: ['1.004227', '1.001699', '1.000775'],
  unmapped: ['1.001390', '1.001401'],
};

const catalogueOf = (owner) => CATALOGUE.filter((row) => row[2] === owner).map((row) => row[0]);

{
  const all = [...CATALOGUE.map((row) => row[0]), ...new Set(Object.values(NOT_IN_CATALOGUE).flat())];
  if (new Set(all).size !== all.length) throw new Error('generate.mjs: a procedure code is listed twice');
}

// ---------------------------------------------------------------- the figures model

/**
 * Gives a unit its procedures and fixed mix: catalogue procedures carry `share` of its dossiers and all
 * of its counted online ones; the rest go to procedures outside the catalogue.
 */
function withProcedures(rng, unit, catalogue, other, share) {
  const catalogueShare =
    catalogue.length === 0 ? 0 : other.length === 0 ? 1 : Math.max(share, unit.rate / 0.8);
  return {
    ...unit,
    catalogue,
    other,
    catalogueShare: Math.min(1, catalogueShare),
    catalogueWeights: catalogue.map(() => rng.float(0.3, 1)),
    otherWeights: other.map(() => rng.float(0.3, 1)),
  };
}

/** One unit-month: per-procedure resolved and online counts, and the unit's totals (catalogue online). */
function unitMonth(rng, unit, season, rateFactor) {
  const total = Math.round(unit.volume * season * rng.float(0.85, 1.15));
  const catalogueTotal = Math.round(total * unit.catalogueShare);
  const online = Math.min(catalogueTotal, Math.round(total * unit.rate * rateFactor * rng.float(0.8, 1.2)));
  const catalogueResolved = splitInt(
    catalogueTotal,
    unit.catalogueWeights.map((w) => w * rng.float(0.8, 1.2)),
  );
  const catalogueOnline = splitCapped(
    online,
    catalogueResolved.map((resolved) => resolved * rng.float(0.5, 1.5)),
    catalogueResolved,
  );
  const otherResolved = splitInt(
    total - catalogueTotal,
    unit.otherWeights.map((w) => w * rng.float(0.8, 1.2)),
  );
  const rows = [
    ...unit.catalogue.map((code, i) => ({
      code,
      resolved: catalogueResolved[i],
      online: catalogueOnline[i],
    })),
    // Online filings of procedures outside the catalogue (level 2): reported, but they do not count.
    ...unit.other.map((code, i) => ({
      code,
      resolved: otherResolved[i],
      online: Math.round(otherResolved[i] * rng.float(0, 0.05)),
    })),
  ].filter((row) => row.resolved > 0);
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { rows, total, online };
}

/** Portal export rows of a unit-month, keyed by the portal's agency code. */
const exportRows = (year, month, agencyCode, figures) =>
  figures.rows.map((row) => [
    `${pad2(month)}/${year}`,
    agencyCode,
    row.code,
    String(row.resolved),
    String(row.online),
  ]);

/** The Đơn vị row of a unit. */
const unitRow = (vocabulary) => (unit) => [
  unit.code,
  unit.name,
  unit.group === 'commune' ? vocabulary.commune : GROUP[unit.group],
  unit.parent ?? '',
  unit.target ?? '',
  unit.portalCode ?? '',
  unit.emails.join(', '),
];

/**
 * Builds a province: portal export for the portal's months, and the units' own entries (their own
 * books, close to the portal where both exist, with the requested discrepancies and mistakes).
 * Returns the files' rows and a few figures for the summary line.
 */
function buildFigures(rng, province) {
  const { year, units, season, portalMonths, entryMonths, discrepancies, unmappedAgency } = province;
  const portal = [EXPORT_HEADER];
  const portalFigures = new Map(); // `${code}|${month}` → figures after the catalogue filter
  let portalTotal = 0;
  let portalOnline = 0;
  for (const month of portalMonths) {
    for (const unit of units) {
      if (unit.onPortal) {
        const figures = unitMonth(rng, unit, season[month - 1], 1);
        portal.push(...exportRows(year, month, unit.exportCode, figures));
        portalFigures.set(`${unit.code}|${month}`, figures);
        portalTotal += figures.total;
        portalOnline += figures.online;
      }
      if (unmappedAgency && unit.code === unmappedAgency.after) {
        const figures = unitMonth(rng, unmappedAgency, season[month - 1], 1);
        portal.push(...exportRows(year, month, unmappedAgency.code, figures));
      }
    }
  }

  const entries = [province.vocabulary.entries];
  for (const month of entryMonths) {
    for (const unit of units) {
      if (!unit.enters) continue;
      const when = formatMonth(unit.monthStyle, year, month);
      if (month > unit.lastEnteredMonth) {
        entries.push([when, unit.code, '', '', '']); // prefilled row, not reported yet
        continue;
      }
      const fromPortal = portalFigures.get(`${unit.code}|${month}`);
      let total;
      let online;
      if (fromPortal) {
        // The unit's own book: the same dossiers, give or take a few filed late or counted twice.
        total = Math.max(0, fromPortal.total + Math.round(fromPortal.total * rng.float(-0.02, 0.02)));
        const slack = fromPortal.online >= 30 ? rng.int(-1, 1) : 0;
        online = Math.min(total, Math.max(0, fromPortal.online + slack));
        if (discrepancies.some(([code, m]) => code === unit.code && m === month)) {
          // Level-2 online filings counted as level 3/4: more than 5 points above the portal.
          online = Math.min(total, online + Math.ceil(total * rng.float(0.08, 0.14)) + 1);
        }
      } else {
        const before = month < (province.portalLive ?? 1) ? (unit.rate >= 0.25 ? 0.9 : 0.6) : 1;
        const figures = unitMonth(rng, unit, season[month - 1], before);
        total = figures.total;
        online = figures.online;
      }
      const note = rng.chance(0.04) ? rng.pick(province.notes) : '';
      entries.push([
        when,
        unit.code,
        formatCount(total, unit.dotted),
        formatCount(online, unit.dotted),
        note,
      ]);
    }
  }
  for (const mistake of province.mistakes ?? []) mistake(entries, rng);
  return { portal, entries, portalTotal, portalOnline };
}

/** Finds the entry row of a unit and month (as the generator wrote it). */
function findEntry(entries, province, code, month) {
  const unit = province.units.find((u) => u.code === code);
  const when = formatMonth(unit.monthStyle, province.year, month);
  const index = entries.findIndex((row) => row[0] === when && row[1] === code);
  if (index < 0) throw new Error(`generate.mjs: no entry for ${code} ${month}`);
  return index;
}

// ---------------------------------------------------------------- Hòa Bình 2020 (three tiers)

/** Departments and agencies named in Decision 2566/QĐ-UBND (2020); figures made up. */
const HB_DEPARTMENTS = [
  // code, name, dossiers a month, online share (catalogue), target
  ['SNV', 'Sở Nội vụ', 25, 0.06, '25%'],
  ['STP', 'Sở Tư pháp', 650, 0.07, '30%'],
  ['STC', 'Sở Tài chính', 40, 0.4, '25%'],
  ['SXD', 'Sở Xây dựng', 60, 0.05, '25%'],
  ['SNN', 'Sở Nông nghiệp và Phát triển nông thôn', 80, 0.03, '20%'],
  ['STTTT', 'Sở Thông tin và Truyền thông', 15, 0.45, '35%'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 210, 0.38, '30%'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 70, 0.04, '20%'],
  ['SGTVT', 'Sở Giao thông vận tải', 1300, 0.02, '20%'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 10, 0.12, '25%'],
  ['SYT', 'Sở Y tế', 120, 0.05, '25%'],
  ['SCT', 'Sở Công Thương', 90, 0.06, '25%'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 30, 0.05, '20%'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 50, 0.04, '20%'],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 150, 0.02, '20%'],
  ['VPUBND', 'Văn phòng UBND tỉnh', 10, 0.1, '20%'],
  ['BDT', 'Ban Dân tộc', 0, 0, '20%'],
  ['TTT', 'Thanh tra tỉnh', 4, 0, '20%'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp', 15, 0.3, '25%'],
];

/**
 * The city and 9 districts (after Kỳ Sơn joined the city, late 2019) with their number of communes,
 * of which phường and thị trấn (12 and 10 in all); figures and commune targets made up.
 */
const HB_DISTRICTS = [
  // code, name, short name, communes, phường, thị trấn, dossiers a month, online share, target, commune targets
  [
    'H-TPHOABINH',
    'UBND thành phố Hòa Bình',
    'Thành phố Hòa Bình',
    19,
    12,
    0,
    520,
    0.06,
    '30%',
    ['30%', '35%'],
  ],
  ['H-CAOPHONG', 'UBND huyện Cao Phong', 'Cao Phong', 10, 0, 1, 180, 0.05, '20%', ['', '', '20%']],
  ['H-LACTHUY', 'UBND huyện Lạc Thủy', 'Lạc Thủy', 10, 0, 2, 200, 0.04, '25%', ['25%', '30%']],
  ['H-YENTHUY', 'UBND huyện Yên Thủy', 'Yên Thủy', 11, 0, 1, 190, 0.05, '22%', ['22%', '25%']],
  ['H-LUONGSON', 'UBND huyện Lương Sơn', 'Lương Sơn', 11, 0, 1, 260, 0.3, '25%', ['25%', '30%']],
  ['H-MAICHAU', 'UBND huyện Mai Châu', 'Mai Châu', 16, 0, 1, 170, 0.04, '20%', ['', '20%', '25%']],
  ['H-TANLAC', 'UBND huyện Tân Lạc', 'Tân Lạc', 16, 0, 1, 230, 0.05, '22%', ['22%', '25%']],
  ['H-KIMBOI', 'UBND huyện Kim Bôi', 'Kim Bôi', 17, 0, 1, 240, 0.03, '25%', ['25%']],
  ['H-LACSON', 'UBND huyện Lạc Sơn', 'Lạc Sơn', 24, 0, 1, 300, 0.04, '20%', ['20%', '']],
  // On purpose: Đà Bắc gives every commune the floor, below its own 25% (Kiểm tra warns).
  ['H-DABAC', 'UBND huyện Đà Bắc', 'Đà Bắc', 17, 0, 1, 150, 0.03, '25%', ['20%']],
];

/** Communes doing well online (made up), so a few units reach their target. */
const HB_STRONG_COMMUNES = {
  'X-TPHOABINH-02': 0.33,
  'X-LUONGSON-01': 0.34,
  'X-CAOPHONG-01': 0.27,
  'X-YENTHUY-05': 0.29,
  'X-MAICHAU-01': 0.26,
};

/** Unit-months whose own books count level-2 filings as online: more than 5 points above the portal. */
const HB_DISCREPANCIES = [
  ['SCT', 8],
  ['H-TANLAC', 9],
  ['X-CAOPHONG-02', 7],
  ['SLDTBXH', 10],
  ['H-YENTHUY', 8],
  ['X-MAICHAU-05', 9],
];

/** Districts whose communes type their own figures into Nhập liệu (the others rely on the portal). */
const HB_ENTERING_DISTRICTS = ['H-CAOPHONG', 'H-LACTHUY', 'H-MAICHAU'];

const HB_NOTES = [
  'Số liệu theo sổ theo dõi của Bộ phận một cửa',
  'Đã rà soát lại với Bộ phận một cửa',
  'Số liệu tạm tính, sẽ cập nhật',
  'Có hồ sơ nộp qua dịch vụ bưu chính công ích',
];

/** The CSV files of one province: its settings, units, entries, the catalogue and the portal export. */
function provinceFiles(
  name,
  year,
  units,
  vocabulary,
  { portal, entries, portalTotal, portalOnline },
  extraSettings = [],
) {
  return {
    name,
    files: {
      'cau-hinh.csv': [SETTINGS_HEADER, ...settingsRows(year, vocabulary), ...extraSettings],
      'don-vi.csv': [UNITS_HEADER, ...units.map(unitRow(vocabulary))],
      'nhap-lieu.csv': entries,
      'danh-muc-dvc.csv': [
        CATALOGUE_HEADER,
        ...CATALOGUE.map(([code, level, , name]) => [code, name, vocabulary.level(level)]),
      ],
      'cong-dvc-export.csv': portal,
    },
    portalTotal,
    portalOnline,
  };
}

function hoaBinh() {
  const rng = new Random(2566);
  const year = 2020;
  const units = [];
  HB_DEPARTMENTS.forEach(([code, name, volume, rate, target], i) => {
    const lower = code.toLowerCase();
    const emails = [`motcua.${lower}@hoabinh.example`];
    if (rng.chance(0.3)) emails.push(`vanthu.${lower}@hoabinh.example`);
    const unit = {
      code,
      name,
      group: 'department',
      target,
      portalCode: `H28.${pad2(i + 1)}`,
      emails,
      volume,
      rate,
    };
    const share = { STP: 0.85, SGTVT: 0.3, STNMT: 0.35 }[code] ?? 0.6;
    units.push(withProcedures(rng, unit, catalogueOf(code), NOT_IN_CATALOGUE[code] ?? [], share));
  });
  HB_DISTRICTS.forEach(([code, name, , , , , volume, rate, target], i) => {
    const emails = [`motcua.${slug(code.slice(2))}@hoabinh.example`];
    const unit = { code, name, group: 'district', target, portalCode: `H28.${20 + i}`, emails, volume, rate };
    units.push(withProcedures(rng, unit, catalogueOf('district'), NOT_IN_CATALOGUE.district, 0.35));
  });
  HB_DISTRICTS.forEach(([district, , short, count, wards, towns, , , , communeTargets], d) => {
    const key = district.slice(2);
    for (let n = 1; n <= count; n++) {
      const kind = n <= wards ? 'phường' : n <= wards + towns ? 'thị trấn' : 'xã';
      const code = `X-${key}-${pad2(n)}`;
      const urban = kind !== 'xã';
      const unit = {
        code,
        name: `UBND ${kind} ${short} ${pad2(n)}`,
        group: 'commune',
        parent: district,
        target: rng.pick(communeTargets),
        portalCode: `H28.${20 + d}.${pad2(n)}`,
        emails: [`vanthu.${slug(kind)}${slug(short)}${pad2(n)}@hoabinh.example`],
        volume: urban ? rng.int(80, 170) : rng.int(25, 90),
        rate: HB_STRONG_COMMUNES[code] ?? rng.float(0.01, 0.06),
      };
      const procedures = ['1.001193', ...rng.sample(catalogueOf('commune').slice(1), rng.int(2, 4))];
      const other = ['1.004227', ...rng.sample(NOT_IN_CATALOGUE.commune.slice(1), rng.int(0, 2))];
      units.push(withProcedures(rng, unit, procedures, other, 0.4));
    }
  });

  const forcedOnPortal = new Set([
    ...HB_DISCREPANCIES.map(([code]) => code),
    ...Object.keys(HB_STRONG_COMMUNES),
  ]);
  const notYetReported = new Set(['SXD', 'SGDDT', 'H-LACSON']);
  for (const unit of units) {
    unit.exportCode = unit.portalCode;
    unit.onPortal =
      unit.group === 'commune'
        ? forcedOnPortal.has(unit.code) || rng.chance(0.92)
        : unit.volume > 0 && unit.code !== 'TTT';
    unit.enters = unit.group !== 'commune' || HB_ENTERING_DISTRICTS.includes(unit.parent);
    unit.monthStyle = rng.pick(MONTH_STYLES);
    unit.dotted = ['SGTVT', 'STP', 'H-TPHOABINH'].includes(unit.code) || rng.chance(0.3);
    const late =
      notYetReported.has(unit.code) || (unit.group === 'commune' && unit.enters && rng.chance(0.12));
    unit.lastEnteredMonth = late ? 9 : 10;
  }

  const province = {
    year,
    units,
    // Tết (late January) and the April 2020 social distancing lower the months' dossiers.
    season: [0.85, 0.75, 0.95, 0.6, 0.95, 1, 1, 1, 1.05, 1.05],
    portalLive: 7, // the provincial portal went live on 1/7/2020
    portalMonths: [7, 8, 9, 10],
    entryMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    discrepancies: HB_DISCREPANCIES,
    // An agency the portal reports that is not in Đơn vị (the provincial police): unmapped.
    unmappedAgency: withProcedures(
      rng,
      { code: 'H28.30', after: 'BQLKCN', volume: 45, rate: 0.05 },
      [],
      NOT_IN_CATALOGUE.unmapped,
      0,
    ),
    notes: HB_NOTES,
    vocabulary: VOCABULARY.levels,
  };
  province.mistakes = hoaBinhMistakes(province);
  // The names printed on Báo cáo and the reminders' deadline, as the provincial office fills them in.
  return provinceFiles('hoa-binh-2020', year, units, province.vocabulary, buildFigures(rng, province), [
    ['Hạn nhập liệu', '10', 'Ngày của tháng sau mà các đơn vị phải nhập xong số liệu của tháng trước.'],
    ['Cơ quan chủ quản', 'UBND tỉnh Hòa Bình', 'In ở góc trái tab Báo cáo.'],
    ['Cơ quan báo cáo', 'Sở Thông tin và Truyền thông', 'Cơ quan lập báo cáo.'],
    ['Địa danh', 'Hòa Bình', 'Địa danh ở dòng ngày tháng của tab Báo cáo.'],
    ['Số ký hiệu báo cáo', '125/BC-STTTT', 'Số, ký hiệu in dưới tên cơ quan ở tab Báo cáo.'],
    // Several recipients in one cell, one per line (Alt+Enter), as a clerk types them.
    [
      'Nơi nhận',
      'UBND tỉnh (để báo cáo);\nSở Nội vụ;\nCác sở, ban, ngành;\nUBND các huyện, thành phố;\nLưu: VT, CNTT.',
      'In ở cuối tab Báo cáo, mỗi nơi một dòng.',
    ],
  ]);
}

/** The handful of realistic mistakes the demo's Kiểm tra tab should find. */
function hoaBinhMistakes(province) {
  const count = (text) => Number(String(text).replace(/\./g, ''));
  return [
    // Online greater than total: the two counts typed the wrong way round.
    (entries) => {
      const row = entries[findEntry(entries, province, 'X-CAOPHONG-04', 3)];
      [row[2], row[3]] = [row[3], row[2]];
      if (count(row[3]) <= count(row[2])) row[3] = String(count(row[2]) + 9);
    },
    // The same unit and month twice: re-entered instead of corrected.
    (entries, rng) => {
      const index = findEntry(entries, province, 'SCT', 5);
      const row = entries[index];
      const again = [
        row[0],
        row[1],
        String(count(row[2]) + rng.int(1, 4)),
        row[3],
        'Nhập lại số liệu tháng 5',
      ];
      entries.splice(index + 1, 0, again);
    },
    // A typo'd unit code: Đ typed for D.
    (entries) => {
      entries[findEntry(entries, province, 'SLDTBXH', 6)][1] = 'SLĐTBXH';
    },
    // A month of the previous year, entered late.
    (entries, rng) => {
      const index = findEntry(entries, province, 'SNN', 1);
      const unit = province.units.find((u) => u.code === 'SNN');
      const total = rng.int(70, 95);
      const late = [
        formatMonth(unit.monthStyle, 2019, 12),
        'SNN',
        String(total),
        '2',
        'Số liệu tháng 12/2019 nhập bổ sung',
      ];
      entries.splice(index, 0, late);
    },
    // One count missing.
    (entries) => {
      entries[findEntry(entries, province, 'H-KIMBOI', 8)][3] = '';
    },
  ];
}

// ---------------------------------------------------------------- Phú Thọ 2026 (two tiers, no districts)

/**
 * Units of Phú Thọ as the national portal's Decision-766 dashboard lists them in 2026: national agency
 * code and name (real); 15 departments and agencies, then 148 communes and wards.
 */
const PHU_THO_DEPARTMENTS = `
H44.01 Văn phòng UBND Tỉnh
H44.03 Ban quản lý các khu công nghiệp
H44.07 Sở Công Thương
H44.08 Sở Giáo dục và Đào tạo
H44.13 Sở Ngoại vụ
H44.19 Sở Tư pháp
H44.20 Sở Văn hóa, Thể thao và Du lịch
H44.22 Sở Y tế
H44.23 Thanh tra tỉnh
H44.41 Sở Khoa học và Công nghệ
H44.42 Sở Nội vụ
H44.43 Sở Tài chính
H44.44 Sở Xây dựng
H44.45 Sở Nông nghiệp và Môi trường
H44.46 Sở Dân tộc và Tôn giáo
`;
const PHU_THO_COMMUNES = `
H44.100 UBND phường Việt Trì
H44.101 UBND phường Nông Trang
H44.102 UBND phường Thanh Miếu
H44.103 UBND phường Vân Phú
H44.104 UBND xã Hy Cương
H44.105 UBND xã Xuân Lũng
H44.106 UBND xã Lâm Thao
H44.107 UBND xã Phùng Nguyên
H44.108 UBND xã Bản Nguyên
H44.109 UBND phường Phong Châu
H44.110 UBND phường Phú Thọ
H44.111 UBND phường Âu Cơ
H44.112 UBND xã Phù Ninh
H44.113 UBND xã Dân Chủ
H44.114 UBND xã Phú Mỹ
H44.115 UBND xã Trạm Thản
H44.116 UBND xã Bình Phú
H44.117 UBND xã Thanh Ba
H44.118 UBND xã Quảng Yên
H44.119 UBND xã Hoàng Cương
H44.120 UBND xã Đông Thành
H44.121 UBND xã Chí Tiên
H44.122 UBND xã Liên Minh
H44.123 UBND xã Đoan Hùng
H44.124 UBND xã Tây Cốc
H44.125 UBND xã Chân Mộng
H44.126 UBND xã Chí Đám
H44.127 UBND xã Bằng Luân
H44.128 UBND xã Hạ Hòa
H44.129 UBND xã Đan Thượng
H44.130 UBND xã Yên Kỳ
H44.131 UBND xã Vĩnh Chân
H44.132 UBND xã Văn Lang
H44.133 UBND xã Hiền Lương
H44.134 UBND xã Cẩm Khê
H44.135 UBND xã Phú Khê
H44.136 UBND xã Hùng Việt
H44.137 UBND xã Đồng Lương
H44.138 UBND xã Tiên Lương
H44.139 UBND xã Vân Bán
H44.140 UBND xã Tam Nông
H44.141 UBND xã Thọ Văn
H44.142 UBND xã Vạn Xuân
H44.143 UBND xã Hiền Quan
H44.144 UBND xã Thanh Thủy
H44.145 UBND xã Đào Xá
H44.146 UBND xã Tu Vũ
H44.147 UBND xã Thanh Sơn
H44.148 UBND xã Võ Miếu
H44.149 UBND xã Văn Miếu
H44.150 UBND xã Cự Đồng
H44.151 UBND xã Hương Cần
H44.152 UBND xã Yên Sơn
H44.153 UBND xã Khả Cửu
H44.154 UBND xã Tân Sơn
H44.155 UBND xã Minh Đài
H44.156 UBND xã Lai Đồng
H44.157 UBND xã Thu Cúc
H44.158 UBND xã Xuân Đài
H44.159 UBND xã Long Cốc
H44.160 UBND xã Yên Lập
H44.161 UBND xã Thượng Long
H44.162 UBND xã Sơn Lương
H44.163 UBND xã Xuân Viên
H44.164 UBND xã Minh Hòa
H44.165 UBND xã Trung Sơn
H44.166 UBND xã Tam Sơn
H44.167 UBND xã Sông Lô
H44.168 UBND xã Hải Lựu
H44.169 UBND xã Yên Lãng
H44.170 UBND xã Lập Thạch
H44.171 UBND xã Tiên Lữ
H44.172 UBND xã Thái Hòa
H44.173 UBND xã Liên Hòa
H44.174 UBND xã Hợp Lý
H44.175 UBND xã Sơn Đông
H44.176 UBND xã Tam Đảo
H44.177 UBND xã Đại Đình
H44.178 UBND xã Đạo Trù
H44.179 UBND xã Tam Dương
H44.180 UBND xã Hội Thịnh
H44.181 UBND xã Hoàng An
H44.182 UBND xã Tam Dương Bắc
H44.183 UBND xã Vĩnh Tường
H44.184 UBND xã Thổ Tang
H44.185 UBND xã Vĩnh Hưng
H44.186 UBND xã Vĩnh An
H44.187 UBND xã Vĩnh Phú
H44.188 UBND xã Vĩnh Thành
H44.189 UBND xã Yên Lạc
H44.190 UBND xã Tề Lỗ
H44.191 UBND xã Liên Châu
H44.192 UBND xã Tam Hồng
H44.193 UBND xã Nguyệt Đức
H44.194 UBND xã Bình Nguyên
H44.195 UBND xã Xuân Lãng
H44.196 UBND xã Bình Xuyên
H44.197 UBND xã Bình Tuyền
H44.198 UBND phường Vĩnh Phúc
H44.199 UBND phường Vĩnh Yên
H44.200 UBND phường Phúc Yên
H44.201 UBND phường Xuân Hòa
H44.202 UBND phường Hòa Bình
H44.203 UBND phường Kỳ Sơn
H44.204 UBND phường Tân Hòa
H44.205 UBND phường Thống Nhất
H44.206 UBND xã Thịnh Minh
H44.207 UBND xã Cao Phong
H44.208 UBND xã Mường Thàng
H44.209 UBND xã Thung Nai
H44.210 UBND xã Đà Bắc
H44.211 UBND xã Cao Sơn
H44.212 UBND xã Đức Nhàn
H44.213 UBND xã Quy Đức
H44.214 UBND xã Tân Pheo
H44.215 UBND xã Tiền Phong
H44.216 UBND xã Kim Bôi
H44.217 UBND xã Mường Động
H44.218 UBND xã Dũng Tiến
H44.219 UBND xã Hợp Kim
H44.220 UBND xã Nật Sơn
H44.221 UBND xã Lạc Sơn
H44.222 UBND xã Mường Vang
H44.223 UBND xã Đại Đồng
H44.224 UBND xã Ngọc Sơn
H44.225 UBND xã Nhân Nghĩa
H44.226 UBND xã Quyết Thắng
H44.227 UBND xã Thượng Cốc
H44.228 UBND xã Yên Phú
H44.229 UBND xã Lạc Thủy
H44.230 UBND xã An Bình
H44.231 UBND xã An Nghĩa
H44.232 UBND xã Lương Sơn
H44.233 UBND xã Cao Dương
H44.234 UBND xã Liên Sơn
H44.235 UBND xã Mai Châu
H44.236 UBND xã Bao La
H44.237 UBND xã Mai Hạ
H44.238 UBND xã Pà Cò
H44.239 UBND xã Tân Mai
H44.240 UBND xã Tân Lạc
H44.241 UBND xã Mường Bi
H44.242 UBND xã Mường Hoa
H44.243 UBND xã Toàn Thắng
H44.244 UBND xã Vân Sơn
H44.245 UBND xã Yên Thủy
H44.246 UBND xã Lạc Lương
H44.247 UBND xã Yên Trị
`;

/** Which of the catalogue's owners each department took over after the 2025 mergers; figures made up. */
const PT_DEPARTMENT_FIGURES = {
  // code: [procedure owners, dossiers a month, online share, target]
  'H44.01': [['VPUBND'], 25, 0.9, '50%'],
  'H44.03': [['BQLKCN'], 60, 0.7, '50%'],
  'H44.07': [['SCT'], 280, 0.82, '50%'],
  'H44.08': [['SGDDT'], 150, 0.55, '50%'],
  'H44.13': [['VPUBND'], 12, 0.92, '40%'],
  'H44.19': [['STP'], 2200, 0.78, '50%'],
  'H44.20': [['SVHTTDL'], 110, 0.6, '50%'],
  'H44.22': [['SYT'], 420, 0.42, '50%'],
  'H44.23': [['TTT'], 0, 0, '40%'],
  'H44.41': [['SKHCN', 'STTTT'], 45, 0.88, '50%'],
  'H44.42': [['SNV', 'SLDTBXH'], 380, 0.48, '50%'],
  'H44.43': [['STC', 'SKHDT'], 1400, 0.74, '50%'],
  'H44.44': [['SXD', 'SGTVT'], 3100, 0.38, '50%'],
  'H44.45': [['SNN', 'STNMT'], 900, 0.3, '50%'],
  'H44.46': [['BDT', 'SNV'], 15, 0.2, '40%'],
};

const PT_DISCREPANCIES = [
  ['H44.22', 6],
  ['H44.120', 4],
];

const PT_NOTES = ['Số liệu theo Hệ thống thông tin giải quyết TTHC', 'Đã đối chiếu với Bộ phận một cửa'];

const parseUnitList = (text) =>
  text
    .trim()
    .split('\n')
    .map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space), line.slice(space + 1)];
    });

function phuTho() {
  const rng = new Random(766);
  const year = 2026;
  const units = [];
  for (const [code, name] of parseUnitList(PHU_THO_DEPARTMENTS)) {
    const [owners, volume, rate, target] = PT_DEPARTMENT_FIGURES[code];
    const unit = {
      code,
      name,
      group: 'department',
      target,
      emails: [`motcua.${slug(code)}@phutho.example`],
      volume,
      rate,
    };
    const catalogue = owners.flatMap(catalogueOf);
    const other = owners.flatMap((owner) => NOT_IN_CATALOGUE[owner] ?? []);
    units.push(withProcedures(rng, unit, catalogue, other, 0.7));
  }
  for (const [code, name] of parseUnitList(PHU_THO_COMMUNES)) {
    const ward = name.startsWith('UBND phường');
    const unit = {
      code,
      name,
      group: 'commune',
      target: ward ? '30%' : rng.chance(0.2) ? '25%' : '',
      emails: [`vanthu.${slug(name.replace('UBND ', ''))}@phutho.example`],
      volume: ward ? rng.int(250, 600) : rng.int(80, 300),
      rate: rng.chance(0.2) ? rng.float(0.08, 0.2) : rng.float(0.2, 0.75),
    };
    // Since mid-2025 communes also handle the former districts' procedures.
    const catalogue = [
      ...rng.sample(catalogueOf('district'), 1),
      '1.001193',
      ...rng.sample(catalogueOf('commune').slice(1), rng.int(0, 1)),
    ];
    units.push(withProcedures(rng, unit, catalogue, ['1.004227'], 0.6));
  }

  const forcedOnPortal = new Set(PT_DISCREPANCIES.map(([code]) => code));
  for (const unit of units) {
    unit.exportCode = unit.code;
    unit.onPortal =
      unit.volume > 0 && (unit.group === 'department' || forcedOnPortal.has(unit.code) || rng.chance(0.92));
    // A minority enters figures: the communes the portal misses, a few departments and communes checking it.
    unit.enters =
      (unit.volume > 0 && !unit.onPortal) ||
      forcedOnPortal.has(unit.code) ||
      ['H44.13', 'H44.46'].includes(unit.code) ||
      (unit.group === 'commune' && rng.chance(0.06));
    unit.monthStyle = rng.pick(MONTH_STYLES);
    unit.dotted = unit.volume >= 1000 || rng.chance(0.3);
    unit.lastEnteredMonth = rng.chance(0.15) ? 9 : 10;
  }

  const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const province = {
    year,
    units,
    season: [1, 0.7, 1, 1, 1, 1, 1, 1, 1, 1.05], // Tết in mid-February 2026
    portalMonths: months,
    entryMonths: months,
    discrepancies: PT_DISCREPANCIES,
    notes: PT_NOTES,
    vocabulary: VOCABULARY.modes,
  };
  return provinceFiles('phu-tho-2026', year, units, province.vocabulary, buildFigures(rng, province));
}

// ---------------------------------------------------------------- writing

const outputArgument = process.argv[2];
for (const province of [hoaBinh(), phuTho()]) {
  const folder = outputArgument
    ? `${outputArgument.replace(/\/+$/, '')}/${province.name}/`
    : new URL(`${province.name}/`, import.meta.url);
  mkdirSync(folder, { recursive: true });
  const counts = [];
  for (const [file, rows] of Object.entries(province.files)) {
    writeFileSync(typeof folder === 'string' ? `${folder}${file}` : new URL(file, folder), toCsv(rows));
    counts.push(`${file} ${rows.length - 1}`);
  }
  const rate = ((100 * province.portalOnline) / province.portalTotal).toFixed(1);
  console.log(`${province.name}: ${counts.join(', ')} rows; portal online rate ${rate}%`);
}
