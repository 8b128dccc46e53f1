// Báo cáo: the official report to the People's Committee, laid out as a Vietnamese administrative report for A4 landscape.
import type { Cell } from './cells';
import { COL, REPORT_TEXT, TAB, TITLE } from './labels';
import { lastDay, type Month } from './month';
import { inVocabulary, REPORT_FORMATS, REPORT_HEADER } from './schema';
import type { Settings } from './settings';
import { type Block, type BlockStyle, type OutputTable, STATUS_COLOURS } from './table';

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
/**
 * Widths in characters of the default font, for 13 pt Times New Roman on an A4 landscape page (printed at
 * about 87%). Chosen so each heading rule sits centred under its block on whole columns: column C is as
 * far from the left block's edges as A+B = D (26), and F:G as far from the right block's as E = H+I (27).
 */
const WIDTHS = [5, 21, 36, 26, 27, 11, 11, 20, 7];
/** The rules: C under the issuing body (36 of 88, about two fifths), F:G under the motto (22 of 76). */
const BODY_RULE = { column: 2, columns: 1 } as const;
const MOTTO_RULE = { column: 5, columns: 2 } as const;

/**
 * Decree 30/2020/NĐ-CP, Appendix I, Part I, section V (the table of type sizes and styles per element),
 * Times New Roman throughout (section I.4): national name 12–13 upright bold, motto 13–14 upright bold;
 * parent body 12–13 upright, issuing body 12–13 upright bold; number and symbol 13 upright; place and date
 * 13–14 italic; document type (BÁO CÁO) 13–14 bold, its summary line 13–14 bold; body text 13–14; the
 * signer's title 13–14 bold; "Nơi nhận" 12 bold italic, the recipients 11 upright.
 */
export const REPORT_FONT = {
  family: 'Times New Roman',
  body: 13,
  bodies: 12,
  nation: 12,
  motto: 13,
  number: 13,
  title: 14,
  subtitle: 13,
  placeDate: 13,
  signer: 13,
  recipientsTitle: 12,
  recipients: 11,
} as const;
/** Rows left blank under the signers' titles, for the signatures (and the seal on the right). */
const SIGNATURE_ROWS = 4;
/** The height of the row that carries only the heading rules, in points: the line sits just under the text. */
const RULE_ROW_POINTS = 4;

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
  const number =
    settings.reportNumber === '' ? REPORT_TEXT.numberBlank : REPORT_TEXT.number(settings.reportNumber);
  const titleRows: Cell[][] = [
    [upper(settings.parentAgency), '', '', '', REPORT_TEXT.nation],
    [upper(settings.reportingAgency), '', '', '', REPORT_TEXT.motto],
    // The heading rules: a thin row whose bottom border is drawn under C and under F:G.
    [],
    [number],
    [],
    [REPORT_TEXT.title],
    [REPORT_TEXT.subtitle],
    [periodLine],
    [REPORT_TEXT.unitOfMeasure],
  ];
  const [ruleRow, numberRow, , titleRow, subtitleRow, periodRow, unitRow] = [2, 3, 4, 5, 6, 7, 8] as const;
  const header = titleRows.length;
  const whole = (row: number) => ({ row, column: 0, columns: WIDTH, rows: 1 });
  const merges: Block[] = [
    { row: 0, ...LEFT, rows: 1 },
    { row: 0, ...RIGHT, rows: 1 },
    { row: 1, ...LEFT, rows: 1 },
    { row: 1, ...RIGHT, rows: 1 },
    { row: numberRow, ...LEFT, rows: 1 },
    ...[titleRow, subtitleRow, periodRow, unitRow].map(whole),
  ];
  const size = REPORT_FONT;
  const styles: BlockStyle[] = [
    { row: 0, ...LEFT, rows: 2, align: 'center', bold: false, size: size.bodies },
    { row: 1, ...LEFT, rows: 1, bold: true },
    { row: 0, ...RIGHT, rows: 1, align: 'center', bold: true, size: size.nation },
    { row: 1, ...RIGHT, rows: 1, align: 'center', bold: true, size: size.motto },
    { row: numberRow, ...LEFT, rows: 1, align: 'center', bold: false, size: size.number },
    { ...whole(titleRow), align: 'center', bold: true, size: size.title },
    { ...whole(subtitleRow), align: 'center', bold: true, size: size.subtitle },
    { ...whole(periodRow), align: 'center', bold: false, italic: true },
    { ...whole(unitRow), align: 'right', bold: false, italic: true },
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
  // STT and Hạng centred over the whole table; a long unit name or status wraps inside its column.
  for (const column of [0, WIDTH - 1])
    styles.push({ row: header + 1, column, columns: 1, rows: tableEnd - header - 1, align: 'center' });
  for (const column of [2, WIDTH - 2])
    styles.push({ row: header + 1, column, columns: 1, rows: tableEnd - header - 1, wrap: true });

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
    styles.push({ row: at(), column: 0, columns: WIDTH, rows: 1, align: 'left', wrap: true });
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
    { row: placeRow, ...RIGHT, rows: 1, align: 'center', italic: true, size: size.placeDate },
    { row: placeRow + 1, column: 0, columns: WIDTH, rows: 1, align: 'center', bold: true, size: size.signer },
    { row: placeRow + 2, column: 0, columns: WIDTH, rows: 1, align: 'center', italic: true },
  );
  for (let i = 0; i < SIGNATURE_ROWS; i++) rows.push([]);

  // Nơi nhận, bottom left under the signatures: the heading, then one line per recipient as typed (an
  // empty setting leaves dotted lines to fill by hand).
  const recipientsRow = at();
  const recipients =
    settings.recipients.length > 0 ? settings.recipients : [REPORT_TEXT.blank, REPORT_TEXT.blank];
  rows.push([REPORT_TEXT.recipientsTitle]);
  for (const line of recipients) rows.push([REPORT_TEXT.recipient(line)]);
  for (let row = recipientsRow; row < at(); row++) merges.push({ row, ...LEFT, rows: 1 });
  styles.push(
    {
      row: recipientsRow,
      ...LEFT,
      rows: 1,
      align: 'left',
      bold: true,
      italic: true,
      size: size.recipientsTitle,
    },
    {
      row: recipientsRow + 1,
      ...LEFT,
      rows: recipients.length,
      align: 'left',
      wrap: true,
      size: size.recipients,
    },
  );

  return {
    tab: TAB.officialReport,
    title: titleRows.map((row) => String(row.find((cell) => cell !== '' && cell !== undefined) ?? '')),
    titleRows,
    header: inVocabulary(REPORT_HEADER, settings.classification),
    rows,
    formats: REPORT_FORMATS,
    palette: { column: REPORT_HEADER.indexOf(COL.status), palette: STATUS_COLOURS },
    layout: {
      font: { family: REPORT_FONT.family, size: REPORT_FONT.body },
      padded: true,
      merges,
      styles,
      borders: [{ row: header, column: 0, columns: WIDTH, rows: tableEnd - header }],
      rules: [
        { row: ruleRow, ...BODY_RULE, rows: 1 },
        { row: ruleRow, ...MOTTO_RULE, rows: 1 },
      ],
      heights: [{ row: ruleRow, points: RULE_ROW_POINTS }],
      widths: WIDTHS,
      freeze: false,
    },
  };
}
