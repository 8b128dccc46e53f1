// The Tổng hợp chart: bars read from the overview table, SVG drawn by hand, PNG rendered with DejaVu Sans.
import { Resvg } from '@resvg/resvg-js';
import { buildReport, NUMBER_PATTERNS, type OutputTable, percentText } from '../../../src/core';
import { overviewChart, overviewChartSvg, renderPng, scopeBars } from '../../../sync/report/chart';
import { INPUT_GRIDS } from '../fixtures';

const NOW = new Date('2020-11-15T03:00:00Z');
const overview = (): OutputTable => buildReport(INPUT_GRIDS, { now: NOW }).tables.overview;

/** A Tổng hợp written by hand, with a district scope, a scope meeting its target and one without dossiers. */
const HAND_MADE: OutputTable = {
  tab: 'Tổng hợp',
  title: ['TỔNG HỢP THEO NHÓM XẾP HẠNG NĂM 2020', 'Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/10/2020'],
  header: [
    'Nhóm xếp hạng',
    'Số đơn vị',
    'Số đơn vị đạt',
    'Tổng số hồ sơ',
    'Hồ sơ trực tuyến mức độ 3, 4',
    'Tỷ lệ',
    'Chỉ tiêu',
  ],
  rows: [
    ['Sở, ban, ngành', 19, 4, 1000, 350, 0.35, 0.25],
    ['Huyện, thành phố', 10, 1, 1000, 100, 0.1, 0.2],
    ['Xã, phường, thị trấn', 3, 0, 0, 0, '', 0.2],
    ['Xã, phường, thị trấn - UBND huyện Lạc Thủy', 3, 0, 0, 0, '', 0.2],
  ],
  formats: [],
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Width and height from the PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('scopeBars', () => {
  test('reads each scope by header text; a district scope shows the district name', () => {
    const bars = scopeBars(HAND_MADE);
    expect(
      bars.map((bar) => [bar.label, bar.perDistrict, bar.ratio, bar.target, bar.unitsMet, bar.units]),
    ).toEqual([
      ['Sở, ban, ngành', false, 0.35, 0.25, 4, 19],
      ['Huyện, thành phố', false, 0.1, 0.2, 1, 10],
      ['Xã, phường, thị trấn', false, null, 0.2, 0, 3],
      ['UBND huyện Lạc Thủy', true, null, 0.2, 0, 3],
    ]);
  });

  test('follows the core report: one bar per ranking scope with its exact figures', () => {
    const table = overview();
    const bars = scopeBars(table);
    expect(bars.map((bar) => bar.scope)).toEqual(table.rows.map((row) => row[0]));
    expect(bars.length).toBeGreaterThanOrEqual(3);
    const ratioAt = table.header.indexOf('Tỷ lệ');
    expect(bars.map((bar) => bar.ratio)).toEqual(
      table.rows.map((row) => (row[ratioAt] === '' ? null : row[ratioAt])),
    );
  });

  test("percent text is the table's Tỷ lệ format (two decimals) with the Vietnamese decimal comma", () => {
    expect(percentText(0.064701)).toBe('6,47%');
    expect(percentText(0.06475)).toBe('6,48%');
    expect(percentText(0.2)).toBe('20,00%');
    expect(percentText(1)).toBe('100,00%');
  });
});

test("a bar's label shows the ratio as the Tỷ lệ column's format does: 6,47%, not 6,5%", () => {
  const table: OutputTable = {
    ...HAND_MADE,
    rows: [['Sở, ban, ngành', 19, 4, 10000, 647, 647 / 10000, 0.2]],
  };
  expect(NUMBER_PATTERNS.percent).toBe('0.00%');
  const svg = overviewChartSvg(table);
  expect(svg).toContain('>6,47%<');
  expect(svg).toContain('chỉ tiêu 20,00% · 4/19 đơn vị đạt');
  expect(svg).not.toContain('6,5%');
});

describe('overviewChartSvg', () => {
  const svg = overviewChartSvg(HAND_MADE);

  test('has Vietnamese labels, the period, a percent axis and a heading for per-district scopes', () => {
    for (const text of [
      'Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4 so với chỉ tiêu',
      'Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/10/2020',
      '>Sở, ban, ngành<',
      '>UBND huyện Lạc Thủy<',
      'Xã, phường, thị trấn của từng huyện, thành phố',
      '>0%<',
      '>40%<',
      '>35,00%<',
      'chỉ tiêu 25,00% · 4/19 đơn vị đạt',
      'không phát sinh hồ sơ',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).not.toContain('>50%<');
  });

  test('draws a bar for each scope with dossiers (green when met, orange when not) and a target mark for every scope', () => {
    const bars = [
      ...svg.matchAll(/<rect x="(\d+)" y="[\d.]+" width="([\d.]+)" height="22" rx="2" fill="(#\w+)"/g),
    ];
    expect(bars.map((m) => m[3])).toEqual(['#38761d', '#e69138']);
    // 35% is 3.5 times 10% on the same axis.
    const [met, notMet] = bars.map((m) => Number(m[2]));
    expect((met as number) / (notMet as number)).toBeCloseTo(3.5, 2);
    const marks = svg.match(/stroke="#a61c00" stroke-width="4"/g) ?? [];
    expect(marks.length).toBe(4 + 1); // one per scope, one in the legend
  });

  test('escapes text that would break the SVG', () => {
    const table = { ...HAND_MADE, rows: [['Sở <Tài chính> & "Kế hoạch"', 1, 1, 10, 5, 0.5, 0.2]] };
    const drawn = overviewChartSvg(table);
    expect(drawn).toContain('Sở &lt;Tài chính&gt; &amp; &quot;Kế hoạch&quot;');
    expect(() => new Resvg(drawn)).not.toThrow();
  });
});

describe('PNG rendering', () => {
  test('the chart is a PNG of the size reported, wide enough to read', () => {
    const chart = overviewChart(HAND_MADE);
    expect(chart).not.toBeNull();
    const { png, width, height } = chart as NonNullable<typeof chart>;
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width, height });
    expect(width).toBe(1400);
    expect(height).toBe(400); // title, 5 rows (4 scopes and a heading), axis and legend
  });

  test('Vietnamese text is drawn with the bundled font (no system font needed)', () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#fff"/><text x="10" y="40" font-size="28" font-family="DejaVu Sans">${text}</text></svg>`;
    const darkPixels = (text: string): number => {
      const image = new Resvg(svg(text), {
        font: {
          loadSystemFonts: false,
          fontFiles: [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')],
          defaultFontFamily: 'DejaVu Sans',
        },
      }).render();
      const pixels = image.pixels; // a copy on each access: read once
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] as number) < 128) dark++;
      return dark;
    };
    expect(darkPixels('Tỷ lệ đạt')).toBeGreaterThan(200);
    // Same letters with and without Vietnamese marks differ: the marks themselves are drawn.
    expect(darkPixels('Tỷ lệ đạt')).not.toBe(darkPixels('Ty le dat'));
    expect(pngSize(renderPng(svg('Tỷ lệ')).png)).toEqual({ width: 300, height: 60 });
  });

  test('nothing to draw without scopes', () => {
    expect(overviewChart({ ...HAND_MADE, rows: [] })).toBeNull();
  });
});
