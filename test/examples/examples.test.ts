// The bundled example provinces: facts, formats, contract headers, the generator's determinism, and
// what the core finds in them (the demo's Kiểm tra and Đối chiếu must have something to show).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXAMPLE_FILES,
  EXAMPLES,
  type ExampleName,
  exampleFolder,
  loadExample,
  readCsvGrid,
  repoRoot,
} from '../../examples';
import {
  buildPortalTab,
  buildReport,
  CATALOGUE_HEADER,
  COMMUNE_TWO_TIER,
  ENTRIES_HEADER,
  GROUP,
  inVocabulary,
  type Month,
  monthsText,
  type OutputTable,
  PORTAL_EXPORT_HEADER,
  type PortalRecord,
  parseCount,
  parseMonth,
  parsePercent,
  SETTINGS_HEADER,
  SEVERITY,
  tableToGrid,
  UNITS_HEADER,
} from '../../src/core';
import { overviewTotals, reportSections, sumsOfRatioRows } from '../core/totals';

const root = repoRoot();

/** Every header text of the example files. */
type Column =
  | (typeof SETTINGS_HEADER)[number]
  | (typeof UNITS_HEADER)[number]
  | (typeof ENTRIES_HEADER)[number]
  | (typeof CATALOGUE_HEADER)[number]
  | (typeof PORTAL_EXPORT_HEADER)[number];

/** Rows of an example file as objects keyed by header text (the headers are checked below). */
function records(name: ExampleName, file: string): Record<Column, string>[] {
  const [header = [], ...rows] = readCsvGrid(join(exampleFolder(name), file));
  return rows.map(
    (row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])) as Record<Column, string>,
  );
}

const ratioOf = (text: string): number => {
  const fraction = parsePercent(text);
  if (!fraction) throw new Error(`not a percentage: ${text}`);
  return fraction.n / fraction.d;
};

const monthOf = (text: string): Month => {
  const month = parseMonth(text);
  if (!month) throw new Error(`not a month: ${text}`);
  return month;
};

const PROCEDURE_CODE = /^1\.00\d{4}$/;

// Facts copied from the project's data notes (Hòa Bình 2020), independent of the generator's literals.
const HOA_BINH_DEPARTMENTS = [
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Thông tin và Truyền thông',
  'Sở Kế hoạch và Đầu tư',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Giao thông vận tải',
  'Sở Khoa học và Công nghệ',
  'Sở Y tế',
  'Sở Công Thương',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Giáo dục và Đào tạo',
  'Sở Tài nguyên và Môi trường',
  'Văn phòng UBND tỉnh',
  'Ban Dân tộc',
  'Thanh tra tỉnh',
  'Ban Quản lý các khu công nghiệp',
];
const HOA_BINH_COMMUNES_PER_DISTRICT: Record<string, number> = {
  'Thành phố Hòa Bình': 19,
  'Cao Phong': 10,
  'Lạc Thủy': 10,
  'Yên Thủy': 11,
  'Lương Sơn': 11,
  'Mai Châu': 16,
  'Tân Lạc': 16,
  'Kim Bôi': 17,
  'Lạc Sơn': 24,
  'Đà Bắc': 17,
};

describe('CSV headers', () => {
  const expected: Record<string, readonly string[]> = {
    [EXAMPLE_FILES.settings]: SETTINGS_HEADER,
    [EXAMPLE_FILES.units]: UNITS_HEADER,
    [EXAMPLE_FILES.entries]: ENTRIES_HEADER,
    [EXAMPLE_FILES.catalogue]: CATALOGUE_HEADER,
    [EXAMPLE_FILES.portalExport]: PORTAL_EXPORT_HEADER,
  };
  // Phú Thọ 2026 is in the vocabulary of Decree 42 (Cách phân loại = Toàn trình, một phần; contract §8.1).
  const classification = { 'hoa-binh-2020': 'levels', 'phu-tho-2026': 'modes' } as const;
  it.each(EXAMPLES)('%s: every file has exactly the contract header texts, in NFC', (name) => {
    expect(readdirSync(exampleFolder(name)).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, contractHeader] of Object.entries(expected)) {
      const header = inVocabulary(contractHeader, classification[name]);
      const text = readFileSync(join(exampleFolder(name), file), 'utf8');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).toBe(text.normalize('NFC'));
      expect(readCsvGrid(join(exampleFolder(name), file))[0]).toEqual([...header]);
    }
  });
});

describe('Hòa Bình 2020 (three tiers)', () => {
  const units = records('hoa-binh-2020', EXAMPLE_FILES.units);
  const departments = units.filter((u) => u.Nhóm === GROUP.department);
  const districts = units.filter((u) => u.Nhóm === GROUP.district);
  const communes = units.filter((u) => u.Nhóm === GROUP.commune);

  it('has the 19 departments, the city and 9 districts, and 151 communes', () => {
    expect(units).toHaveLength(180);
    expect(departments.map((u) => u['Tên đơn vị']).sort()).toEqual([...HOA_BINH_DEPARTMENTS].sort());
    expect(districts).toHaveLength(10);
    expect(communes).toHaveLength(151);
    expect(new Set(units.map((u) => u['Mã đơn vị'])).size).toBe(180);
  });

  it('gives each district its number of communes, 12 phường and 10 thị trấn, with placeholder names', () => {
    const districtCodes = new Set(districts.map((d) => d['Mã đơn vị']));
    for (const commune of communes) expect(districtCodes.has(commune['Mã đơn vị cấp trên'])).toBe(true);
    for (const unit of [...departments, ...districts]) expect(unit['Mã đơn vị cấp trên']).toBe('');
    const perDistrict: Record<string, number> = {};
    for (const district of districts) {
      const short = district['Tên đơn vị'].replace(/^UBND (huyện|thành phố) /, '');
      const key = short === 'Hòa Bình' ? 'Thành phố Hòa Bình' : short;
      const own = communes.filter((c) => c['Mã đơn vị cấp trên'] === district['Mã đơn vị']);
      for (const commune of own) {
        expect(commune['Tên đơn vị']).toMatch(new RegExp(`^UBND (xã|phường|thị trấn) ${key} \\d{2}$`));
      }
      perDistrict[key] = own.length;
    }
    expect(perDistrict).toEqual(HOA_BINH_COMMUNES_PER_DISTRICT);
    const kind = (prefix: string) => communes.filter((c) => c['Tên đơn vị'].startsWith(`UBND ${prefix} `));
    expect(kind('phường')).toHaveLength(12);
    expect(kind('thị trấn')).toHaveLength(10);
    expect(kind('xã')).toHaveLength(129);
  });

  it('sets targets of 20%–35%; only Đà Bắc assigns its communes less than its own target', () => {
    for (const unit of units) {
      const target = unit['Chỉ tiêu'] === '' ? 0.2 : ratioOf(unit['Chỉ tiêu']);
      expect(target).toBeGreaterThanOrEqual(0.2);
      expect(target).toBeLessThanOrEqual(0.35);
    }
    const below = districts.filter((district) => {
      const own = communes.filter((c) => c['Mã đơn vị cấp trên'] === district['Mã đơn vị']);
      return own.some(
        (c) => (c['Chỉ tiêu'] === '' ? 0.2 : ratioOf(c['Chỉ tiêu'])) < ratioOf(district['Chỉ tiêu']),
      );
    });
    expect(below.map((d) => d['Mã đơn vị'])).toEqual(['H-DABAC']);
  });

  it('maps units to unique portal agency codes and made-up .example e-mails', () => {
    for (const unit of [...departments, ...districts])
      expect(unit['Mã trên Cổng DVC']).toMatch(/^H28\.\d{2}$/);
    for (const unit of communes) expect(unit['Mã trên Cổng DVC']).toMatch(/^H28\.\d{2}\.\d{2}$/);
    expect(new Set(units.map((u) => u['Mã trên Cổng DVC'])).size).toBe(units.length);
    for (const unit of units) {
      for (const email of unit['Email nhập liệu'].split(/[,\s]+/))
        expect(email).toMatch(/^[a-z0-9.-]+@[a-z]+\.example$/);
    }
  });

  it('reads settings for 2020 with the contract defaults', () => {
    const settings = Object.fromEntries(
      records('hoa-binh-2020', EXAMPLE_FILES.settings).map((r) => [r['Tham số'], r['Giá trị']]),
    );
    expect(settings).toEqual({
      Năm: '2020',
      'Chỉ tiêu tối thiểu': '20%',
      'Nguồn ưu tiên': 'Cổng DVC',
      'Ngưỡng chênh lệch': '5%',
      'Điểm tối đa': '1',
      'Kỳ báo cáo đến': '',
      'Quản trị viên': '',
      'Hạn nhập liệu': '10',
      'Cơ quan chủ quản': 'UBND tỉnh Hòa Bình',
      'Cơ quan báo cáo': 'Sở Thông tin và Truyền thông',
      'Địa danh': 'Hòa Bình',
      'Số ký hiệu báo cáo': '125/BC-STTTT',
      'Nơi nhận':
        'UBND tỉnh (để báo cáo);\nSở Nội vụ;\nCác sở, ban, ngành;\nUBND các huyện, thành phố;\nLưu: VT, CNTT.',
    });
  });

  it('exports portal months 07–10/2020 only, with an unmapped agency and procedures outside the catalogue', () => {
    const catalogue = new Set(records('hoa-binh-2020', EXAMPLE_FILES.catalogue).map((r) => r['Mã TTHC']));
    const exported = records('hoa-binh-2020', EXAMPLE_FILES.portalExport);
    const months = new Set(exported.map((r) => r.Kỳ));
    expect([...months].sort()).toEqual(['07/2020', '08/2020', '09/2020', '10/2020']);
    const known = new Set(units.map((u) => u['Mã trên Cổng DVC']));
    expect([...new Set(exported.map((r) => r['Mã đơn vị']).filter((code) => !known.has(code)))]).toEqual([
      'H28.30',
    ]);
    expect(
      exported.some((r) => !catalogue.has(r['Mã TTHC']) && Number(r['Số hồ sơ giải quyết trực tuyến']) > 0),
    ).toBe(true);
    // About 5.7% online in 2020: catalogue online over all resolved, for the mapped agencies.
    let total = 0;
    let online = 0;
    for (const row of exported.filter((r) => known.has(r['Mã đơn vị']))) {
      total += Number(row['Tổng số hồ sơ đã giải quyết']);
      if (catalogue.has(row['Mã TTHC'])) online += Number(row['Số hồ sơ giải quyết trực tuyến']);
    }
    expect(online / total).toBeGreaterThan(0.05);
    expect(online / total).toBeLessThan(0.065);
  });

  it('has entries for 01–10/2020 in several accepted month formats, plus one month of 2019', () => {
    const entries = records('hoa-binh-2020', EXAMPLE_FILES.entries);
    const months = entries.map((r) => monthOf(r.Kỳ));
    expect(months.filter((m) => m.year === 2019)).toEqual([{ year: 2019, month: 12 }]);
    expect(new Set(months.filter((m) => m.year === 2020).map((m) => m.month))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
    const styles = new Set(entries.map((r) => r.Kỳ.replace(/\d+/g, '9')));
    expect(styles).toEqual(new Set(['9/9', 'T9/9', 'Tháng 9/9', '9-9']));
    expect(entries.some((r) => /^\d{1,3}(\.\d{3})+$/.test(r['Tổng số hồ sơ đã giải quyết']))).toBe(true);
    for (const row of entries) {
      for (const column of [
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
      ] as const) {
        if (row[column] !== '') expect(parseCount(row[column])).not.toBeNull();
      }
    }
  });
});

describe('Phú Thọ 2026 (two tiers)', () => {
  const units = records('phu-tho-2026', EXAMPLE_FILES.units);
  const [, ...facts] = readCsvGrid(join(__dirname, 'fixtures', 'phu-tho-2026-units.csv'));

  it('lists the 15 departments and 148 communes of the national dashboard, with their real codes', () => {
    expect(units.map((u) => [u['Mã đơn vị'], u['Tên đơn vị'], u.Nhóm])).toEqual(facts);
    expect(units.filter((u) => u.Nhóm === GROUP.department)).toHaveLength(15);
    expect(units.filter((u) => u.Nhóm === COMMUNE_TWO_TIER)).toHaveLength(148);
    for (const unit of units) {
      expect(unit['Mã đơn vị']).toMatch(/^H44\.\d{2,3}$/);
      expect(unit['Mã đơn vị cấp trên']).toBe('');
      expect(unit['Mã trên Cổng DVC']).toBe('');
    }
  });

  it('exports 01–10/2026 for most units, and entries for a minority', () => {
    const exported = records('phu-tho-2026', EXAMPLE_FILES.portalExport);
    const months = [...new Set(exported.map((r) => r.Kỳ))].sort();
    expect(months).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `${m}/2026`),
    );
    const codes = new Set(units.map((u) => u['Mã đơn vị']));
    const onPortal = new Set(exported.map((r) => r['Mã đơn vị']));
    for (const code of onPortal) expect(codes.has(code)).toBe(true);
    expect(onPortal.size / codes.size).toBeGreaterThan(0.85);
    const entering = new Set(records('phu-tho-2026', EXAMPLE_FILES.entries).map((r) => r['Mã đơn vị']));
    expect(entering.size).toBeGreaterThan(0);
    expect(entering.size / codes.size).toBeLessThan(0.5);
    const settings = records('phu-tho-2026', EXAMPLE_FILES.settings);
    expect(settings.find((r) => r['Tham số'] === 'Năm')?.['Giá trị']).toBe('2026');
    expect(settings.find((r) => r['Tham số'] === 'Cách phân loại')?.['Giá trị']).toBe('Toàn trình, một phần');
  });
});

describe('procedure codes', () => {
  const levels = { 'hoa-binh-2020': ['3', '4'], 'phu-tho-2026': ['Toàn trình', 'Một phần'] };
  it.each(EXAMPLES)('%s: catalogue and export codes have the national format 1.00xxxx', (name) => {
    const catalogue = records(name, EXAMPLE_FILES.catalogue);
    expect(catalogue.length).toBeGreaterThanOrEqual(35);
    expect(new Set(catalogue.map((r) => r['Mã TTHC'])).size).toBe(catalogue.length);
    for (const row of catalogue) {
      expect(row['Mã TTHC']).toMatch(PROCEDURE_CODE);
      expect(levels[name]).toContain(row['Mức độ']);
    }
    for (const row of records(name, EXAMPLE_FILES.portalExport))
      expect(row['Mã TTHC']).toMatch(PROCEDURE_CODE);
  });
});

describe('generator', () => {
  it('writes exactly the committed files (deterministic)', () => {
    const out = mkdtempSync(join(tmpdir(), 'examples-'));
    try {
      execFileSync(process.execPath, [join(root, 'examples', 'generate.mjs'), out], { stdio: 'pipe' });
      for (const name of EXAMPLES) {
        expect(readdirSync(join(out, name)).sort()).toEqual(readdirSync(exampleFolder(name)).sort());
        for (const file of readdirSync(join(out, name))) {
          const fresh = readFileSync(join(out, name, file), 'utf8');
          expect({ file, same: fresh === readFileSync(join(exampleFolder(name), file), 'utf8') }).toEqual({
            file,
            same: true,
          });
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('loadExample', () => {
  it('finds the repository root from the bundle folder dist/node as from the sources', () => {
    expect(repoRoot(join(root, 'dist', 'node'))).toBe(root);
    expect(repoRoot(join(root, 'examples'))).toBe(root);
  });

  it.each(EXAMPLES)('%s: loads the input grids as strings and names the portal export', (name) => {
    const example = loadExample(name);
    expect(example.portalExportFile).toBe(join(root, 'examples', name, EXAMPLE_FILES.portalExport));
    expect(example.title).toMatch(/giả định/);
    expect(example.input.units?.[0]).toEqual([...UNITS_HEADER]);
    for (const grid of [
      example.input.settings,
      example.input.units,
      example.input.entries,
      example.input.catalogue,
    ]) {
      expect(grid?.length).toBeGreaterThan(1);
      for (const row of grid ?? []) for (const cell of row) expect(typeof cell).toBe('string');
    }
  });
});

describe('what the core finds in the examples', () => {
  function report(name: ExampleName, now: Date) {
    const example = loadExample(name);
    const [, ...rows] = readCsvGrid(example.portalExportFile);
    const portalRecords: PortalRecord[] = rows.map(
      ([month = '', agencyCode = '', procedureCode = '', resolved, online]) => ({
        agencyCode,
        procedureCode,
        ...monthOf(month),
        resolved: Number(resolved),
        online: Number(online),
      }),
    );
    const portal = buildPortalTab(portalRecords, example.input, now);
    return { portal, report: buildReport({ ...example.input, portal: tableToGrid(portal.table) }, { now }) };
  }

  it('Hòa Bình: the planned mistakes, the Đà Bắc warning, the unmapped agency, six reconciliations', () => {
    const { portal, report: hoaBinh } = report('hoa-binh-2020', new Date('2020-11-05T03:00:00Z'));
    expect(portal.unmapped).toEqual(['H28.30']);
    const problems = hoaBinh.tables.problems.rows.map((row) => `${row[4]} ${row[0]} ${row[2]} ${row[3]}`);
    expect(problems.filter((p) => p.startsWith(SEVERITY.error)).sort()).toEqual(
      [
        'Lỗi Nhập liệu H-KIMBOI 08/2020',
        'Lỗi Nhập liệu SCT 05/2020',
        'Lỗi Nhập liệu SLĐTBXH 06/2020',
        'Lỗi Nhập liệu SNN 12/2019',
        'Lỗi Nhập liệu X-CAOPHONG-04 03/2020',
      ].sort(),
    );
    expect(problems).toContain('Cảnh báo Đơn vị H-DABAC ');
    expect(hoaBinh.tables.reconciliation.rows.map((row) => `${row[1]} ${row[0]}`).sort()).toEqual(
      [
        'H-TANLAC 09/2020',
        'H-YENTHUY 08/2020',
        'SCT 08/2020',
        'SLDTBXH 10/2020',
        'X-CAOPHONG-02 07/2020',
        'X-MAICHAU-05 09/2020',
      ].sort(),
    );
    const statuses = hoaBinh.tables.ratio.rows.map((row) => String(row[8]));
    const met = statuses.filter((s) => s === 'Đạt').length;
    expect(met).toBeGreaterThanOrEqual(3);
    expect(met).toBeLessThan(statuses.length / 10);
  });

  it('Phú Thọ: no problems but the units still missing months, two reconciliations, no district scopes', () => {
    const { portal, report: phuTho } = report('phu-tho-2026', new Date('2026-11-05T03:00:00Z'));
    expect(portal.unmapped).toEqual([]);
    // One commune has nothing all year and two have not reported October: the reminders, nothing else.
    expect(phuTho.tables.problems.rows.map((row) => [row[1], row[2], row[3], row[4]])).toEqual([
      ['', 'H44.23', '', 'Cảnh báo'],
      ['C285', 'H44.208', '10/2026', 'Cảnh báo'],
      ['C291', 'H44.243', '10/2026', 'Cảnh báo'],
    ]);
    expect(phuTho.reminders.map((r) => [r.code, monthsText(r.months)])).toEqual([
      ['H44.23', '01–10/2026'],
      ['H44.208', '10/2026'],
      ['H44.243', '10/2026'],
    ]);
    expect(phuTho.tables.reconciliation.rows).toHaveLength(2);
    const scopes = new Set(phuTho.tables.ranking.rows.map((row) => String(row[0])));
    expect(scopes).toEqual(new Set([GROUP.department, COMMUNE_TWO_TIER]));
    // Output in the new vocabulary: Hồ sơ trực tuyến, titles without "mức độ 3, 4".
    expect(phuTho.tables.ratio.header).toContain('Hồ sơ trực tuyến');
    expect(phuTho.tables.ratio.title[0]).toBe('TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN NĂM 2026');
    expect(portal.table.header).toContain('Số hồ sơ giải quyết trực tuyến');
  });
});

describe('Báo cáo and Diễn biến theo tháng on the bundled examples', () => {
  function reportOf(name: ExampleName, now: Date) {
    const example = loadExample(name);
    const [, ...rows] = readCsvGrid(example.portalExportFile);
    const portal = buildPortalTab(
      rows.map(([month = '', agencyCode = '', procedureCode = '', resolved, online]) => ({
        agencyCode,
        procedureCode,
        ...monthOf(month),
        resolved: Number(resolved),
        online: Number(online),
      })),
      example.input,
      now,
    );
    return buildReport({ ...example.input, portal: tableToGrid(portal.table) }, { now });
  }

  it('Hòa Bình: the administrative layout, a section per ranking scope with its total, the summary', () => {
    // The example's Cấu hình names the bodies and the place (examples/generate.mjs).
    const hoaBinh = reportOf('hoa-binh-2020', new Date('2020-11-05T03:00:00Z'));
    const table = hoaBinh.tables.officialReport;
    const grid = tableToGrid(table);
    expect(grid.slice(0, 10).map((row) => [row[0], row[4]])).toEqual([
      ['UBND TỈNH HÒA BÌNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Độc lập - Tự do - Hạnh phúc'],
      // The thin row of the rules under the issuing body and the motto, then Số under the body (Decree 30).
      ['', ''],
      ['Số: 125/BC-STTTT', ''],
      ['', ''],
      ['BÁO CÁO', ''],
      ['Kết quả thực hiện chỉ tiêu tỷ lệ hồ sơ giải quyết trực tuyến', ''],
      ['Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/10/2020', ''],
      ['Đơn vị tính: hồ sơ; tỷ lệ: %', ''],
      ['STT', 'Hồ sơ trực tuyến mức độ 3, 4'],
    ]);
    // Sections in the order of Xếp hạng's scopes, each unit in ranking order, then a total row equal to Tổng hợp.
    const sections = grid.filter((row) => /^[IVXLC]+$/.test(String(row[0])));
    const scopes = hoaBinh.tables.overview.rows.map((row) => row[0]);
    expect(sections.map((row) => row[2])).toEqual(scopes);
    expect(sections[0]?.[0]).toBe('I');
    const departments = grid.findIndex((row) => row[0] === 'I');
    expect(grid[departments + 1]?.slice(0, 3)).toEqual([1, 'STTTT', 'Sở Thông tin và Truyền thông']);
    expect(grid[departments + 1]?.[5]).toBeCloseTo(58 / 140, 12);
    expect(grid[departments + 1]?.[8]).toBe(1);
    // The departments' Cộng: the sums of the 19 lines above it, worked by hand from the example's files
    // (portal months 07–10 win over entries, the catalogue filters online, SCT's May counts nothing).
    const total = grid.find((row) => row[2] === 'Cộng') ?? [];
    const lines = grid.slice(departments + 1, grid.indexOf(total));
    expect(lines).toHaveLength(19);
    expect([total[3], total[4]]).toEqual([26_526, 1_676]);
    expect(total[5]).toBeCloseTo(1_676 / 26_526, 12);
    expect(total[7]).toBe(`${lines.filter((row) => row[7] === 'Đạt').length}/19 đơn vị đạt`);
    // The summary counts each unit once (the per-district scopes repeat the communes).
    const groups = hoaBinh.tables.overview.rows.slice(0, 3);
    const met = groups.reduce((sum, row) => sum + Number(row[2]), 0);
    const units = groups.reduce((sum, row) => sum + Number(row[1]), 0);
    const summary = grid.find((row) => String(row[0]).startsWith('Tổng hợp:'));
    expect(summary?.[0]).toBe(
      `Tổng hợp: ${met}/${units} đơn vị đạt chỉ tiêu (${groups.map((row) => `${row[0]}: ${row[2]}/${row[1]}`).join('; ')}).`,
    );
    // Place and date (Vietnam's calendar day of the run), the two signature blocks, room to sign, then
    // Nơi nhận bottom left with the example's recipients, one per line.
    const place = grid.findIndex((row) => row[4] === 'Hòa Bình, ngày 05 tháng 11 năm 2020');
    expect(grid.slice(place).map((row) => [row[0], row[4]])).toEqual([
      ['', 'Hòa Bình, ngày 05 tháng 11 năm 2020'],
      ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ'],
      ['(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên, đóng dấu)'],
      ['', ''],
      ['', ''],
      ['', ''],
      ['', ''],
      ['Nơi nhận:', ''],
      ['- UBND tỉnh (để báo cáo);', ''],
      ['- Sở Nội vụ;', ''],
      ['- Các sở, ban, ngành;', ''],
      ['- UBND các huyện, thành phố;', ''],
      ['- Lưu: VT, CNTT.', ''],
    ]);
    // Printed layout: nothing frozen, the motto blocks and the title merged, the table bordered.
    expect(table.layout?.freeze).toBe(false);
    expect(table.layout?.merges).toContainEqual({ row: 0, column: 4, rows: 1, columns: 5 });
    expect(table.layout?.merges).toContainEqual({ row: 5, column: 0, rows: 1, columns: 9 });
    const lastTotal = grid.reduce((at, row, index) => (row[2] === 'Cộng' ? index : at), 0);
    expect(table.layout?.borders).toEqual([{ row: 9, column: 0, columns: 9, rows: lastTotal - 9 + 1 }]);
  });

  it('Hòa Bình: every Cộng and every Tổng hợp row is the sum of the rows printed for its scope (contract §10.4)', () => {
    const hoaBinh = reportOf('hoa-binh-2020', new Date('2020-11-05T03:00:00Z'));
    const { added, printed } = reportSections(hoaBinh);
    expect(printed).toHaveLength(hoaBinh.tables.overview.rows.length);
    expect(printed).toEqual(added);
    expect(overviewTotals(hoaBinh)).toEqual(sumsOfRatioRows(hoaBinh));
    // Worked by hand from the CSV files: each group's counted months, SNN, SCT, H-KIMBOI and
    // X-CAOPHONG-04 (Số liệu lỗi) with their good months.
    expect(overviewTotals(hoaBinh).slice(0, 3)).toEqual([
      { scope: GROUP.department, units: 19, met: 4, resolved: 26_526, online: 1_676 },
      { scope: GROUP.district, units: 10, met: 1, resolved: 22_168, online: 1_398 },
      { scope: GROUP.commune, units: 151, met: 4, resolved: 51_698, online: 2_546 },
    ]);
  });

  it('Hòa Bình: the 8 communes that never reported are Chưa có số liệu in every tab, never 0 | 0', () => {
    const hoaBinh = reportOf('hoa-binh-2020', new Date('2020-11-05T03:00:00Z'));
    // From the files: units with no filled Nhập liệu row and no portal export row under their agency code.
    const units = records('hoa-binh-2020', 'don-vi.csv');
    const entered = new Set(
      records('hoa-binh-2020', 'nhap-lieu.csv')
        .filter(
          (row) =>
            row['Tổng số hồ sơ đã giải quyết'] !== '' ||
            row['Số hồ sơ giải quyết trực tuyến mức độ 3, 4'] !== '',
        )
        .map((row) => row['Mã đơn vị']),
    );
    const exported = new Set(records('hoa-binh-2020', 'cong-dvc-export.csv').map((row) => row['Mã đơn vị']));
    const silent = units
      .filter((unit) => !entered.has(unit['Mã đơn vị']) && !exported.has(unit['Mã trên Cổng DVC']))
      .map((unit) => unit['Mã đơn vị']);
    expect(silent).toEqual([
      'X-LUONGSON-05',
      'X-TANLAC-12',
      'X-TANLAC-14',
      'X-KIMBOI-08',
      'X-KIMBOI-10',
      'X-LACSON-05',
      'X-LACSON-16',
      'X-DABAC-06',
    ]);
    const noData = (table: OutputTable) => {
      const code = table.header.indexOf('Mã đơn vị');
      const status = table.header.indexOf('Đánh giá');
      return table.rows.filter((row) => row[status] === 'Chưa có số liệu').map((row) => String(row[code]));
    };
    const { ratio, ranking, officialReport, monthly } = hoaBinh.tables;
    expect(noData(ratio)).toEqual(silent);
    expect(noData(monthly)).toEqual(silent);
    // Xếp hạng and Báo cáo list each commune twice: province-wide and in its district's scope.
    expect(noData(ranking).sort()).toEqual([...silent, ...silent].sort());
    expect(noData(officialReport).sort()).toEqual([...silent, ...silent].sort());
    for (const row of officialReport.rows.filter((line) => silent.includes(String(line[1]))))
      expect(row.slice(3, 6)).toEqual(['', '', '']);
    // Ban Dân tộc reported 0 dossiers every month: that is Không phát sinh hồ sơ, and 0 | 0 is true.
    const zero = officialReport.rows.filter((row) => row[3] === 0 && row[4] === 0);
    expect(zero.map((row) => [row[1], row[7]])).toEqual([['BDT', 'Không phát sinh hồ sơ']]);
  });

  it('Phú Thọ: empty names leave dotted spaces to fill in by hand; two sections, no district', () => {
    const phuTho = reportOf('phu-tho-2026', new Date('2026-11-05T03:00:00Z'));
    const grid = tableToGrid(phuTho.tables.officialReport);
    expect(grid[0]?.[0]).toBe('……………………');
    // A two-tier province: the commune group under its 2025 name (contract 8.1).
    expect(grid.filter((row) => /^[IVX]+$/.test(String(row[0]))).map((row) => row[2])).toEqual([
      GROUP.department,
      COMMUNE_TWO_TIER,
    ]);
    expect(grid[3]?.[0]).toBe('Số:       /BC-……');
    expect(grid.find((row) => String(row[4]).includes(', ngày 05 tháng 11 năm 2026'))?.[4]).toBe(
      '……………………, ngày 05 tháng 11 năm 2026',
    );
    expect(grid.slice(-3).map((row) => row[0])).toEqual(['Nơi nhận:', '- ……………………', '- ……………………']);
  });

  it('Hòa Bình: the monthly matrix, month by month, blank after the reporting month, coloured against the target', () => {
    const hoaBinh = reportOf('hoa-binh-2020', new Date('2020-11-05T03:00:00Z'));
    const table = hoaBinh.tables.monthly;
    expect(table.header.slice(0, 4)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Tháng 1/2020']);
    expect(table.header.slice(-4)).toEqual([
      'Tháng 12/2020',
      'Tỷ lệ lũy kế từ đầu năm',
      'Chỉ tiêu',
      'Đánh giá',
    ]);
    expect(table.header.slice(3, 15).map((h) => parseMonth(h)?.month)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    const ratio = new Map(hoaBinh.tables.ratio.rows.map((row) => [row[0], row]));
    for (const row of table.rows) {
      const ytd = ratio.get(row[0]) ?? [];
      expect([row[15], row[16], row[17]]).toEqual([ytd[6], ytd[7], ytd[8]]);
      expect([row[13], row[14]]).toEqual(['', '']);
    }
    // Sở Nội vụ's months are the ratio of that month alone, never an average.
    const snv = table.rows.find((row) => row[0] === 'SNV') ?? [];
    expect(snv[3]).toBeCloseTo(1 / 18, 12);
    // A commune whose district reported only from July (the portal went live then): January–June blank.
    const late = table.rows.find((row) => row[3] === '' && row[9] !== '') ?? [];
    expect(late.slice(3, 9)).toEqual(['', '', '', '', '', '']);
    expect(table.layout?.colourRules?.map((rule) => [rule.formula, rule.colour])).toEqual([
      ['AND(ISNUMBER(D5),D5>=$Q5)', 'met'],
      ['AND(ISNUMBER(D5),D5<$Q5)', 'notMet'],
      ['$R5="Đạt"', 'met'],
      ['$R5="Chưa đạt"', 'notMet'],
      ['$R5="Số liệu lỗi"', 'dataError'],
      ['$R5="Chưa có số liệu"', 'noData'],
    ]);
    expect(table.layout?.colourRules?.[0]?.block).toEqual({
      row: 4,
      column: 3,
      rows: table.rows.length,
      columns: 13,
    });
  });
});
