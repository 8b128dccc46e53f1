// Báo cáo: the official report to the People's Committee, laid out as a Vietnamese administrative report for A4 landscape.
import type { Cell } from './cells';
import { REPORT_TEXT, TAB, TITLE } from './labels';
import { lastDay, type Month } from './month';
import { inVocabulary, REPORT_FORMATS, REPORT_HEADER } from './schema';
import type { Settings } from './settings';
import type { Block, BlockStyle, OutputTable } from './table';

/** One unit's line of a section, in ranking order. */
export interface ReportLine {
  readonly code: string;
  readonly name: string;
  /** Empty for a unit with no figures that count (Chưa có số liệu), as in Tỷ lệ. */
  readonly resolved: Cell;
  readonly online: Cell;
  readonly ratio: Cell;
  readonly target: number;
  readonly status: string;
  readonly rank: number | null;
}

/** One ranking scope: its units by rank and its total (the figures of Tổng hợp: the sums of its lines). */
export interface ReportSection {
  readonly name: string;
  readonly lines: readonly ReportLine[];
  readonly resolved: number;
  readonly online: number;
  readonly ratio: Cell;
  readonly target: number;
  readonly met: number;
  /** Whether its units were not counted by an earlier section (a group, not a district's communes). */
  readonly group: boolean;
}

const WIDTH = REPORT_HEADER.length;
/** The left header block (issuing body, preparer) and the right one (national motto, head). */
const LEFT = { column: 0, columns: 4 } as const;
const RIGHT = { column: 4, columns: WIDTH - 4 } as const;
/** Widths in characters: the nine columns fill an A4 landscape page at the default font. */
const WIDTHS = [5, 12, 32, 12, 14, 9, 9, 20, 7];

/** I, II, III, IV… for the sections. */
export function roman(n: number): string {
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of parts) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** The calendar day of an instant in Vietnam (UTC+7 all year, so plain arithmetic is exact). */
function vietnamDay(instant: Date): { day: number; month: number; year: number } {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, year: local.getUTCFullYear() };
}

const upper = (text: string): string => (text === '' ? REPORT_TEXT.blank : text.toLocaleUpperCase('vi'));

export function buildOfficialReport(
  sections: readonly ReportSection[],
  settings: Settings,
  through: Month | null,
  now: Date,
): OutputTable {
  const periodLine = through
    ? TITLE.period(
        `01/01/${through.year}`,
        `${String(lastDay(through)).padStart(2, '0')}/${String(through.month).padStart(2, '0')}/${through.year}`,
      )
    : TITLE.noPeriod;
  const titleRows: Cell[][] = [
    [upper(settings.parentAgency), '', '', '', REPORT_TEXT.nation],
    [upper(settings.reportingAgency), '', '', '', REPORT_TEXT.motto],
    [],
    [REPORT_TEXT.title],
    [REPORT_TEXT.subtitle],
    [periodLine],
    [REPORT_TEXT.unitOfMeasure],
  ];
  const header = titleRows.length;
  const merges: Block[] = [
    { row: 0, ...LEFT, rows: 1 },
    { row: 0, ...RIGHT, rows: 1 },
    { row: 1, ...LEFT, rows: 1 },
    { row: 1, ...RIGHT, rows: 1 },
    ...[3, 4, 5, 6].map((row) => ({ row, column: 0, columns: WIDTH, rows: 1 })),
  ];
  const styles: BlockStyle[] = [
    { row: 0, ...LEFT, rows: 2, align: 'center', bold: false },
    { row: 1, ...LEFT, rows: 1, bold: true },
    { row: 0, ...RIGHT, rows: 2, align: 'center', bold: true },
    { row: 3, column: 0, columns: WIDTH, rows: 1, align: 'center', bold: true, size: 14 },
    { row: 4, column: 0, columns: WIDTH, rows: 1, align: 'center', bold: true, size: 12 },
    { row: 5, column: 0, columns: WIDTH, rows: 1, align: 'center', bold: false, italic: true },
    { row: 6, column: 0, columns: WIDTH, rows: 1, align: 'right', bold: false, italic: true },
    { row: header, column: 0, columns: WIDTH, rows: 1, align: 'center', wrap: true },
  ];

  const rows: Cell[][] = [];
  const at = () => header + 1 + rows.length;
  // Section and total rows in bold; a total row and the next section's row make one block.
  let lastBold: { row: number; rows: number } | null = null;
  const boldBlocks: { row: number; rows: number }[] = [];
  const bold = (row: number) => {
    if (lastBold && lastBold.row + lastBold.rows === row) lastBold.rows++;
    else {
      lastBold = { row, rows: 1 };
      boldBlocks.push(lastBold);
    }
  };
  sections.forEach((section, index) => {
    bold(at());
    rows.push([roman(index + 1), '', section.name]);
    section.lines.forEach((line, i) => {
      rows.push([
        i + 1,
        line.code,
        line.name,
        line.resolved,
        line.online,
        line.ratio,
        line.target,
        line.status,
        line.rank ?? '',
      ]);
    });
    bold(at());
    rows.push([
      '',
      '',
      REPORT_TEXT.total,
      section.resolved,
      section.online,
      section.ratio,
      section.target,
      REPORT_TEXT.unitsMet(section.met, section.lines.length),
      '',
    ]);
  });
  const tableEnd = at();
  for (const block of boldBlocks) styles.push({ ...block, column: 0, columns: WIDTH, bold: true });
  // STT and Hạng centred over the whole table.
  for (const column of [0, WIDTH - 1])
    styles.push({ row: header + 1, column, columns: 1, rows: tableEnd - header - 1, align: 'center' });

  rows.push([]);
  const groups = sections.filter((section) => section.group);
  const met = groups.reduce((sum, s) => sum + s.met, 0);
  const units = groups.reduce((sum, s) => sum + s.lines.length, 0);
  const unranked = groups.reduce((sum, s) => sum + s.lines.filter((line) => line.rank === null).length, 0);
  const summary: string[] = [
    REPORT_TEXT.summary(
      met,
      units,
      groups.map((s) => REPORT_TEXT.summaryGroup(s.name, s.met, s.lines.length)).join('; '),
    ),
  ];
  if (unranked > 0) summary.push(REPORT_TEXT.summaryNoData(unranked));
  for (const line of summary) {
    merges.push({ row: at(), column: 0, columns: WIDTH, rows: 1 });
    styles.push({ row: at(), column: 0, columns: WIDTH, rows: 1, align: 'left' });
    rows.push([line]);
  }
  rows.push([]);
  const today = vietnamDay(now);
  const place = settings.place === '' ? REPORT_TEXT.blank : settings.place;
  const placeRow = at();
  rows.push(['', '', '', '', REPORT_TEXT.placeDate(place, today.day, today.month, today.year)]);
  rows.push([REPORT_TEXT.preparer, '', '', '', REPORT_TEXT.head]);
  rows.push([REPORT_TEXT.sign, '', '', '', REPORT_TEXT.signSeal]);
  for (let row = placeRow; row < placeRow + 3; row++) {
    if (row > placeRow) merges.push({ row, ...LEFT, rows: 1 });
    merges.push({ row, ...RIGHT, rows: 1 });
  }
  styles.push(
    { row: placeRow, ...RIGHT, rows: 1, align: 'center', italic: true },
    { row: placeRow + 1, column: 0, columns: WIDTH, rows: 1, align: 'center', bold: true },
    { row: placeRow + 2, column: 0, columns: WIDTH, rows: 1, align: 'center', italic: true },
  );

  return {
    tab: TAB.officialReport,
    title: titleRows.map((row) => String(row.find((cell) => cell !== '' && cell !== undefined) ?? '')),
    titleRows,
    header: inVocabulary(REPORT_HEADER, settings.classification),
    rows,
    formats: REPORT_FORMATS,
    layout: {
      merges,
      styles,
      borders: [{ row: header, column: 0, columns: WIDTH, rows: tableEnd - header }],
      widths: WIDTHS,
      freeze: false,
    },
  };
}
