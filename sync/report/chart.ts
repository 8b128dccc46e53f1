// The Tổng hợp chart for .xlsx workbooks: each ranking scope's ratio against its target, drawn as SVG, rendered to PNG.
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import {
  type Cell,
  COL,
  classificationOfTable,
  GROUP,
  type OutputTable, // The labels show a ratio exactly as the table's Tỷ lệ column does (6, 47%, not 6, 5%).
  percentText,
} from '../../src/core';
import { SYNC_TEXT } from '../texts';

/** One horizontal bar: a ranking scope as the chart shows it. */
export interface ScopeBar {
  /** The scope exactly as Tổng hợp names it. */
  readonly scope: string;
  /** What the chart prints: the district's name for a per-district commune scope. */
  readonly label: string;
  /** Province-wide groups first, then the communes of each district under their own heading. */
  readonly perDistrict: boolean;
  readonly ratio: number | null;
  readonly target: number;
  readonly units: number;
  readonly unitsMet: number;
}

const DISTRICT_PREFIX = `${GROUP.commune} - `;

const numberOf = (cell: Cell): number | null =>
  typeof cell === 'number' && Number.isFinite(cell) ? cell : null;

/** The bars of Tổng hợp, read by header text; rows without a scope name are skipped. */
export function scopeBars(table: OutputTable): ScopeBar[] {
  const at = (name: string) => table.header.indexOf(name);
  const [scope, ratio, target, units, met] = [
    COL.rankScope,
    COL.ratio,
    COL.target,
    COL.scopeUnits,
    COL.scopeUnitsMet,
  ].map(at) as [number, number, number, number, number];
  return table.rows
    .filter((row) => String(row[scope] ?? '').trim() !== '')
    .map((row) => {
      const name = String(row[scope]);
      const perDistrict = name.startsWith(DISTRICT_PREFIX);
      return {
        scope: name,
        label: perDistrict ? name.slice(DISTRICT_PREFIX.length) : name,
        perDistrict,
        ratio: numberOf(row[ratio]),
        target: numberOf(row[target]) ?? 0,
        units: numberOf(row[units]) ?? 0,
        unitsMet: numberOf(row[met]) ?? 0,
      };
    });
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The axis runs to the next 10% above every bar and target; gridlines every 5% up to 30%, else 10%. */
function axisOf(bars: readonly ScopeBar[]): { max: number; step: number } {
  const highest = Math.max(0.1, ...bars.flatMap((bar) => [bar.ratio ?? 0, bar.target]));
  const max = Math.min(1, Math.ceil(highest * 10 - 1e-9) / 10);
  return { max, step: max <= 0.3 ? 0.05 : 0.1 };
}

const COLOUR = {
  met: '#38761d',
  notMet: '#e69138',
  target: '#a61c00',
  grid: '#d9d9d9',
  text: '#222222',
  muted: '#666666',
  band: '#f3f6fa',
};

const WIDTH = 1400;
const ROW = 36;
const BAR = 22;
const FONT = 15;
/** DejaVu Sans is wide: about 0.6 em per character on average, enough to size the label column. */
const CHAR_WIDTH = 0.6 * FONT;

/**
 * The chart as SVG written by hand: a title, one bar per scope (green when the scope meets its target,
 * orange otherwise), a red mark at the target, each bar's figures at its end, a percent axis, a legend.
 */
export function overviewChartSvg(table: OutputTable): string {
  const bars = scopeBars(table);
  const { max, step } = axisOf(bars);
  const provinceWide = bars.filter((bar) => !bar.perDistrict);
  const perDistrict = bars.filter((bar) => bar.perDistrict);
  const longest = Math.max(10, ...bars.map((bar) => bar.label.length));
  const left = Math.min(520, Math.ceil(longest * CHAR_WIDTH) + 40);
  const figuresWidth = 380;
  const plotWidth = WIDTH - left - figuresWidth;
  const x = (value: number) => left + (Math.min(value, max) / max) * plotWidth;

  const parts: string[] = [];
  const text = (tx: number, ty: number, content: string, attributes = '') =>
    parts.push(`<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`);

  let y = 44;
  text(
    24,
    y,
    SYNC_TEXT.chartTitle(classificationOfTable(table)),
    `font-size="24" font-weight="bold" fill="${COLOUR.text}"`,
  );
  for (const line of table.title) {
    y += 28;
    text(24, y, line, `font-size="16" fill="${COLOUR.muted}"`);
  }
  y += 34;
  const plotTop = y;

  const rows: { bar: ScopeBar | null; heading?: string }[] = [
    ...provinceWide.map((bar) => ({ bar })),
    ...(perDistrict.length > 0
      ? [{ bar: null, heading: SYNC_TEXT.chartDistrictHeading }, ...perDistrict.map((bar) => ({ bar }))]
      : []),
  ];
  const plotBottom = plotTop + rows.length * ROW;

  // Gridlines and percent axis labels, above and below the bars.
  for (let tick = 0; tick <= max + 1e-9; tick += step) {
    const tx = x(tick);
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${plotTop - 6}" x2="${tx.toFixed(1)}" y2="${plotBottom + 6}" stroke="${COLOUR.grid}" stroke-width="1"/>`,
    );
    for (const ty of [plotTop - 12, plotBottom + 24]) {
      text(
        tx,
        ty,
        `${Math.round(tick * 100)}%`,
        `font-size="13" text-anchor="middle" fill="${COLOUR.muted}"`,
      );
    }
  }

  rows.forEach(({ bar, heading }, index) => {
    const top = plotTop + index * ROW;
    const middle = top + ROW / 2;
    if (!bar) {
      text(24, middle + 5, heading ?? '', `font-size="${FONT}" font-weight="bold" fill="${COLOUR.text}"`);
      return;
    }
    if (index % 2 === 0)
      parts.push(`<rect x="12" y="${top}" width="${WIDTH - 24}" height="${ROW}" fill="${COLOUR.band}"/>`);
    text(left - 14, middle + 5, bar.label, `font-size="${FONT}" text-anchor="end" fill="${COLOUR.text}"`);
    const met = bar.ratio !== null && bar.ratio >= bar.target;
    if (bar.ratio !== null) {
      const width = Math.max(x(bar.ratio) - left, 1.5);
      parts.push(
        `<rect x="${left}" y="${(middle - BAR / 2).toFixed(1)}" width="${width.toFixed(1)}" height="${BAR}" rx="2" fill="${met ? COLOUR.met : COLOUR.notMet}"/>`,
      );
    }
    const tx = x(bar.target);
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${top + 3}" x2="${tx.toFixed(1)}" y2="${top + ROW - 3}" stroke="${COLOUR.target}" stroke-width="4"/>`,
    );
    const figuresX = (left + plotWidth + 16).toFixed(1);
    if (bar.ratio === null) {
      text(
        left + plotWidth + 16,
        middle + 5,
        SYNC_TEXT.chartNoDossiers,
        `font-size="${FONT}" fill="${COLOUR.muted}"`,
      );
    } else {
      parts.push(
        `<text x="${figuresX}" y="${(middle + 5).toFixed(1)}" font-size="${FONT}" fill="${COLOUR.text}">` +
          `<tspan font-weight="bold" fill="${met ? COLOUR.met : COLOUR.notMet}">${escapeXml(percentText(bar.ratio))}</tspan>` +
          `${escapeXml(SYNC_TEXT.chartFigures(percentText(bar.target), bar.unitsMet, bar.units))}</text>`,
      );
    }
  });

  // Legend.
  const legendY = plotBottom + 58;
  parts.push(`<rect x="24" y="${legendY - 13}" width="26" height="16" fill="${COLOUR.met}"/>`);
  text(58, legendY, SYNC_TEXT.chartLegendMet, `font-size="${FONT}" fill="${COLOUR.text}"`);
  parts.push(`<rect x="250" y="${legendY - 13}" width="26" height="16" fill="${COLOUR.notMet}"/>`);
  text(284, legendY, SYNC_TEXT.chartLegendNotMet, `font-size="${FONT}" fill="${COLOUR.text}"`);
  parts.push(
    `<line x1="520" y1="${legendY - 16}" x2="520" y2="${legendY + 5}" stroke="${COLOUR.target}" stroke-width="4"/>`,
  );
  text(534, legendY, SYNC_TEXT.chartLegendTarget, `font-size="${FONT}" fill="${COLOUR.text}"`);
  const height = legendY + 28;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** DejaVu Sans from the dejavu-fonts-ttf package: it covers Vietnamese, and no system font is needed. */
function fontFiles(): string[] {
  const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(folder, 'DejaVuSans.ttf'), join(folder, 'DejaVuSans-Bold.ttf')];
}

export interface ChartImage {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** SVG → PNG with resvg, offline and the same on every machine (system fonts are not loaded). */
export function renderPng(svg: string): ChartImage {
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'original' },
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The Tổng hợp chart as PNG, or null when the table has no scope to draw. */
export function overviewChart(table: OutputTable): ChartImage | null {
  if (scopeBars(table).length === 0) return null;
  return renderPng(overviewChartSvg(table));
}
