// Inputs → every output table: Tỷ lệ, Xếp hạng, Kiểm tra, Đối chiếu, Tổng hợp. The one computation both halves share.

import { assess, forecast } from './assess';
import type { Cell } from './cells';
import { type CollationKey, collationKey } from './collate';
import {
  mergeUnit,
  readFigures,
  type SourceFigures,
  totalsThrough,
  type UnitMonths,
  type UnitTotals,
} from './figures';
import { compare, type Fraction, toNumber } from './fraction';
import { MSG, SEVERITY, SOURCE, STATUS, TAB, TITLE } from './labels';
import { readModelInto, type WorkbookInput } from './model';
import { addMonths, formatMonth, fromIndex, lastDay, type Month, monthIndex } from './month';
import { buildMonthlyTable } from './monthly';
import { buildOfficialReport, type ReportSection } from './official-report';
import { feedProblems } from './portal-checks';
import { type Problem, ProblemLog } from './problems';
import { communesByDistrict, type Ranked, rank, rankChange, type Scope, scopesOf } from './rank';
import { findMissing, type Reminder } from './reminders';
import {
  inVocabulary,
  OVERVIEW_FORMATS,
  OVERVIEW_HEADER,
  PROBLEMS_FORMATS,
  PROBLEMS_HEADER,
  RANKING_FORMATS,
  RANKING_HEADER,
  RATIO_FORMATS,
  RATIO_HEADER,
  RECONCILIATION_FORMATS,
  RECONCILIATION_HEADER,
  TAB_HEADERS,
} from './schema';
import { type Settings, showPercent } from './settings';
import type { OutputTable } from './table';
import type { Unit, UnitDirectory } from './units';

export interface ReportOptions {
  /** The moment of the run: the default year is the current year in Asia/Ho_Chi_Minh. */
  readonly now: Date;
  /** Last month included (the sync's --through); else Kỳ báo cáo đến; else the last month with figures. */
  readonly through?: Month | null;
}

export interface Report {
  readonly year: number;
  readonly through: Month | null;
  readonly settings: Settings;
  readonly tables: {
    readonly ratio: OutputTable;
    readonly ranking: OutputTable;
    readonly problems: OutputTable;
    readonly reconciliation: OutputTable;
    readonly overview: OutputTable;
    readonly officialReport: OutputTable;
    readonly monthly: OutputTable;
  };
  /** Units with no figures for a month others have reported, for the add-in's reminder e-mails. */
  readonly reminders: readonly Reminder[];
  readonly summary: {
    readonly units: number;
    readonly ranked: number;
    readonly errors: number;
    readonly warnings: number;
  };
}

const ratioCell = (online: number, resolved: number): Cell => (resolved > 0 ? online / resolved : '');
const blankIfNull = (value: number | null): Cell => (value === null ? '' : value);
/** Whether any month of the period counts for the unit (contract §10.4): else it has no figures to print. */
const hasFigures = (t: UnitTotals): boolean => t.months.size > 0;
/** A unit's dossier count as printed: empty, not 0, when no month counts (0 would state "no dossiers"). */
const countCell = (t: UnitTotals, count: number): Cell => (hasFigures(t) ? count : '');

/** The figures of every unit through one month, ranked in every scope. */
interface Period {
  readonly totals: Map<string, UnitTotals>;
  readonly ranks: Map<string, Map<string, number | null>>;
}

function periodThrough(
  units: UnitDirectory,
  scopes: readonly Scope[],
  merged: ReadonlyMap<string, UnitMonths>,
  through: Month | null,
  collations: ReadonlyMap<string, CollationKey>,
  anyError = false,
): Period {
  const totals = new Map<string, UnitTotals>();
  for (const unit of units.list)
    totals.set(unit.key, totalsThrough(merged.get(unit.key) as UnitMonths, through, anyError));
  const ranks = new Map<string, Map<string, number | null>>();
  for (const scope of scopes) {
    const ranked: Ranked[] = rank(
      scope.members.map((unit) => {
        const t = totals.get(unit.key) as UnitTotals;
        return {
          key: unit.key,
          collation: collations.get(unit.key) ?? collationKey(unit.name),
          online: t.online,
          resolved: t.resolved,
          eligible: t.resolved > 0 && !t.hasError,
        };
      }),
    );
    ranks.set(scope.name, new Map(ranked.map((entry) => [entry.key, entry.rank])));
  }
  return { totals, ranks };
}

/** The whole report from the input tabs' grids. Never throws on any cell content. */
export function buildReport(input: WorkbookInput, options: ReportOptions): Report {
  const log = new ProblemLog();
  const { settings, units, catalogue } = readModelInto(input, options.now, log);
  const entered = readFigures(input.entries, 'entered', units, settings, log);
  const portal = readFigures(input.portal, 'portal', units, settings, log);
  // From the tab alone, never from the run: a sync and the add-in's recompute after it list the same.
  log.items.push(...feedProblems(input.portal, catalogue, settings.classification));

  const scopes = scopesOf(units);
  const collations = new Map(units.list.map((unit) => [unit.key, collationKey(unit.name)]));
  const merged = new Map(
    units.list.map((unit) => [unit.key, mergeUnit(unit.key, entered, portal, settings.priority)] as const),
  );
  // The last month with figures counts only unit-months that contribute (contract §8.4): a month with an
  // error in either source, or a unit that is not in Đơn vị, does not move the period.
  let lastReported = -1;
  for (const unitMonths of merged.values())
    for (const { month } of unitMonths.chosen) if (month > lastReported) lastReported = month;
  const through = options.through ?? settings.through ?? (lastReported >= 0 ? fromIndex(lastReported) : null);
  const previous = through && through.month > 1 ? addMonths(through, -1) : null;
  // A period taken from the figures still flags a unit's error rows after it (they did not move it).
  const derived = !options.through && !settings.through;
  const now = periodThrough(units, scopes, merged, through, collations, derived);
  const before = previous ? periodThrough(units, scopes, merged, previous, collations) : null;

  const assessments = new Map(
    units.list.map((unit) => {
      const t = now.totals.get(unit.key) as UnitTotals;
      const a = assess(t.online, t.resolved, unit.target, t.hasError, settings.maxPoints, hasFigures(t));
      return [unit.key, a] as const;
    }),
  );
  checkDistrictTargets(units, now.totals, log);

  const periodLine = through
    ? TITLE.period(
        `01/01/${through.year}`,
        `${lastDay(through)}/${String(through.month).padStart(2, '0')}/${through.year}`,
      )
    : TITLE.noPeriod;

  const ratioRows = units.list.map((unit) => {
    const t = now.totals.get(unit.key) as UnitTotals;
    const a = assessments.get(unit.key);
    if (!a) return [];
    const f = through
      ? forecast(t.months, monthIndex(through), through.month, t.online, t.resolved, unit.target)
      : { yearEndRatio: null, neededPerMonth: null };
    return [
      unit.code,
      unit.name,
      unit.groupText,
      unit.parentText,
      countCell(t, t.resolved),
      countCell(t, t.online),
      ratioCell(t.online, t.resolved),
      toNumber(unit.target),
      STATUS[a.status],
      blankIfNull(a.needed),
      blankIfNull(a.points),
      sourceLabel(t.sources),
      blankIfNull(f.yearEndRatio),
      blankIfNull(f.neededPerMonth),
      t.months.size,
    ];
  });

  const rankingRows: Cell[][] = [];
  for (const scope of scopes) {
    const current = now.ranks.get(scope.name) as Map<string, number | null>;
    const earlier = before?.ranks.get(scope.name);
    const byKey = new Map(scope.members.map((unit) => [unit.key, unit]));
    for (const [key, place] of current) {
      const unit = byKey.get(key) as Unit;
      const t = now.totals.get(key) as UnitTotals;
      const a = assessments.get(key);
      if (!a) continue;
      const previousPlace = earlier?.get(key) ?? null;
      rankingRows.push([
        scope.name,
        blankIfNull(place),
        unit.code,
        unit.name,
        ratioCell(t.online, t.resolved),
        toNumber(unit.target),
        STATUS[a.status],
        rankChange(previousPlace, place),
        blankIfNull(previousPlace),
        countCell(t, t.resolved),
        countCell(t, t.online),
        blankIfNull(a.points),
      ]);
    }
  }

  const overviewRows = scopes.map((scope) => overviewRow(scope, now.totals, assessments));
  const reconciliationRows = reconcile(units, entered, portal, settings, through);
  const reminders = findMissing(units, entered, portal, through, input.entries, log);
  const problems = sortProblems(log.items);
  const sections = reportSections(scopes, now, assessments, overviewRows);
  const monthly = buildMonthlyTable(
    settings.year,
    through,
    units.list.map((unit) => {
      const t = now.totals.get(unit.key) as UnitTotals;
      const a = assessments.get(unit.key);
      return {
        unit,
        merged: merged.get(unit.key) as UnitMonths,
        ratio: ratioCell(t.online, t.resolved),
        target: toNumber(unit.target),
        status: a ? STATUS[a.status] : '',
      };
    }),
    periodLine,
  );
  const year = settings.year;

  return {
    year,
    through,
    settings,
    tables: {
      ratio: {
        tab: TAB.ratio,
        title: [TITLE.ratio(year, settings.classification), periodLine],
        header: inVocabulary(RATIO_HEADER, settings.classification),
        rows: ratioRows,
        formats: RATIO_FORMATS,
      },
      ranking: {
        tab: TAB.ranking,
        title: [TITLE.ranking(year, settings.classification), periodLine],
        header: inVocabulary(RANKING_HEADER, settings.classification),
        rows: rankingRows,
        formats: RANKING_FORMATS,
      },
      problems: {
        tab: TAB.problems,
        title: [],
        header: [...PROBLEMS_HEADER],
        rows: problems.map((p) => [p.tab, p.cell, p.unitCode, p.month, SEVERITY[p.severity], p.message]),
        formats: PROBLEMS_FORMATS,
      },
      reconciliation: {
        tab: TAB.reconciliation,
        title: [],
        header: [...RECONCILIATION_HEADER],
        rows: reconciliationRows,
        formats: RECONCILIATION_FORMATS,
      },
      overview: {
        tab: TAB.overview,
        title: [TITLE.overview(year), periodLine],
        header: inVocabulary(OVERVIEW_HEADER, settings.classification),
        rows: overviewRows,
        formats: OVERVIEW_FORMATS,
      },
      officialReport: buildOfficialReport(sections, settings, through, options.now),
      monthly,
    },
    reminders,
    summary: {
      units: units.list.length,
      ranked: [...assessments.values()].filter((a) => a.status === 'met' || a.status === 'notMet').length,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

/** Each ranking scope for Báo cáo: its units in ranking order and its Tổng hợp figures. */
function reportSections(
  scopes: readonly Scope[],
  now: Period,
  assessments: Map<string, ReturnType<typeof assess>>,
  overviewRows: readonly Cell[][],
): ReportSection[] {
  const seen = new Set<string>();
  return scopes.map((scope, index) => {
    const byKey = new Map(scope.members.map((unit) => [unit.key, unit]));
    const ranks = now.ranks.get(scope.name) as Map<string, number | null>;
    const lines = [...ranks].map(([key, place]) => {
      const unit = byKey.get(key) as Unit;
      const t = now.totals.get(key) as UnitTotals;
      const a = assessments.get(key);
      return {
        code: unit.code,
        name: unit.name,
        resolved: countCell(t, t.resolved),
        online: countCell(t, t.online),
        ratio: ratioCell(t.online, t.resolved),
        target: toNumber(unit.target),
        status: a ? STATUS[a.status] : '',
        rank: place,
      };
    });
    const group = scope.members.every((unit) => !seen.has(unit.key));
    for (const unit of scope.members) seen.add(unit.key);
    const row = overviewRows[index] ?? [];
    return {
      name: scope.name,
      lines,
      resolved: Number(row[3] ?? 0),
      online: Number(row[4] ?? 0),
      ratio: row[5] ?? '',
      target: Number(row[6] ?? 0),
      met: Number(row[2] ?? 0),
      group,
    };
  });
}

function sourceLabel(sources: ReadonlySet<string>): string {
  if (sources.has('portal') && sources.has('entered')) return SOURCE.both;
  if (sources.has('portal')) return SOURCE.portal;
  if (sources.has('entered')) return SOURCE.entered;
  return '';
}

/** A district whose communes' targets, weighted by their dossiers so far, average below its own gets a warning. */
function checkDistrictTargets(units: UnitDirectory, totals: Map<string, UnitTotals>, log: ProblemLog): void {
  const byDistrict = communesByDistrict(units);
  for (const district of units.list) {
    if (district.group !== 'district') continue;
    const communes = byDistrict.get(district.key) ?? [];
    if (communes.length === 0) continue;
    const weights = communes.map((unit) => BigInt(totals.get(unit.key)?.resolved ?? 0));
    const anyDossiers = weights.some((w) => w > 0n);
    const weightOf = (index: number) => (anyDossiers ? (weights[index] as bigint) : 1n);
    // Σ wᵢ·tᵢ < t_D · Σ wᵢ, over a common denominator of every target involved.
    const denominators = [district.target.d, ...communes.map((unit) => unit.target.d)].map(BigInt);
    const common = denominators.reduce((acc, d) => (acc * d) / gcd(acc, d), 1n);
    let weighted = 0n;
    let weightSum = 0n;
    communes.forEach((unit, index) => {
      weighted += weightOf(index) * BigInt(unit.target.n) * (common / BigInt(unit.target.d));
      weightSum += weightOf(index);
    });
    const own = BigInt(district.target.n) * (common / BigInt(district.target.d)) * weightSum;
    if (weighted < own) {
      // Shown only: the exact average is weighted / (common · weightSum); BigInt division would truncate it.
      const average: Fraction = { n: Number(weighted), d: Number(common * weightSum) };
      log.warning(
        TAB.units,
        district.targetCell,
        MSG.districtTargetsShort(district.name, showPercent(average), showPercent(district.target)),
        district.code,
      );
    }
  }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

/**
 * A scope's row of Tổng hợp (and its Cộng in Báo cáo): the sums of its units' figures as their own rows
 * print them, a unit with Số liệu lỗi included with the months that count (contract §10.4), so a reader
 * who adds up the rows finds the total. The target is weighted by the same dossiers.
 */
function overviewRow(
  scope: Scope,
  totals: Map<string, UnitTotals>,
  assessments: Map<string, ReturnType<typeof assess>>,
): Cell[] {
  let resolved = 0;
  let online = 0;
  let met = 0;
  // Target sums kept exact so the result does not depend on the order of the units.
  let weightedTarget: BigFraction = { n: 0n, d: 1n };
  let plainTarget: BigFraction = { n: 0n, d: 1n };
  for (const unit of scope.members) {
    const t = totals.get(unit.key) as UnitTotals;
    const status = assessments.get(unit.key)?.status;
    if (status === 'met') met++;
    plainTarget = addBig(plainTarget, BigInt(unit.target.n), BigInt(unit.target.d));
    resolved += t.resolved;
    online += t.online;
    weightedTarget = addBig(
      weightedTarget,
      BigInt(t.resolved) * BigInt(unit.target.n),
      BigInt(unit.target.d),
    );
  }
  const target =
    resolved > 0
      ? bigToNumber(weightedTarget, BigInt(resolved))
      : bigToNumber(plainTarget, BigInt(scope.members.length));
  return [scope.name, scope.members.length, met, resolved, online, ratioCell(online, resolved), target];
}

interface BigFraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** x + n/d, reduced, so equal sums have equal representations. */
function addBig(x: BigFraction, n: bigint, d: bigint): BigFraction {
  const sumN = x.n * d + n * x.d;
  const sumD = x.d * d;
  const g = gcd(sumN, sumD);
  return { n: sumN / g, d: sumD / g };
}

/** x / divisor as a number, from the reduced exact fraction. */
function bigToNumber(x: BigFraction, divisor: bigint): number {
  const d = x.d * divisor;
  const g = gcd(x.n, d);
  return Number(x.n / g) / Number(d / g);
}

/** Unit-months where both sources exist and differ by more than Ngưỡng chênh lệch, in ratio or in total. */
function reconcile(
  units: UnitDirectory,
  entered: SourceFigures,
  portal: SourceFigures,
  settings: Settings,
  through: Month | null,
): Cell[][] {
  if (!through) return [];
  const last = monthIndex(through);
  const rows: Cell[][] = [];
  const threshold = settings.threshold;
  const used = settings.priority === 'portal' ? SOURCE.portal : SOURCE.entered;
  const entries: { month: number; unit: Unit; row: Cell[] }[] = [];
  for (const unit of units.list) {
    const e = entered.valid.get(unit.key);
    const p = portal.valid.get(unit.key);
    if (!e || !p) continue;
    for (const [month, fe] of e) {
      const fp = p.get(month);
      if (!fp || month > last) continue;
      // |rp − re| > threshold, exactly: ratios with no dossiers count as 0.
      const rp: Fraction = fp.resolved > 0 ? { n: fp.online, d: fp.resolved } : { n: 0, d: 1 };
      const re: Fraction = fe.resolved > 0 ? { n: fe.online, d: fe.resolved } : { n: 0, d: 1 };
      const diff = absDifference(rp, re);
      const maxTotal = Math.max(fp.resolved, fe.resolved);
      const totalDiff: Fraction =
        maxTotal > 0 ? { n: Math.abs(fp.resolved - fe.resolved), d: maxTotal } : { n: 0, d: 1 };
      if (compare(diff, threshold) <= 0 && compare(totalDiff, threshold) <= 0) continue;
      entries.push({
        month,
        unit,
        row: [
          formatMonth(fromIndex(month)),
          unit.code,
          unit.name,
          fp.resolved,
          fe.resolved,
          fp.online,
          fe.online,
          ratioCell(fp.online, fp.resolved),
          ratioCell(fe.online, fe.resolved),
          toNumber(diff),
          used,
          toNumber(totalDiff),
        ],
      });
    }
  }
  const order = new Map(units.list.map((unit, index) => [unit.key, index]));
  entries.sort((a, b) => a.month - b.month || (order.get(a.unit.key) ?? 0) - (order.get(b.unit.key) ?? 0));
  for (const entry of entries) rows.push(entry.row);
  return rows;
}

/** |x − y| as an exact fraction (BigInt inside, so large counts stay exact). */
function absDifference(x: Fraction, y: Fraction): Fraction {
  const n = BigInt(x.n) * BigInt(y.d) - BigInt(y.n) * BigInt(x.d);
  const d = BigInt(x.d) * BigInt(y.d);
  const abs = n < 0n ? -n : n;
  const g = gcd(abs, d);
  return { n: Number(abs / g), d: Number(d / g) };
}

const TAB_ORDER = new Map<string, number>(TAB_HEADERS.map((entry, index) => [entry.tab, index]));

/** Kiểm tra order: by tab as set-up lays them out, then by row, then by column. */
function sortProblems(problems: readonly Problem[]): Problem[] {
  const position = (cell: string): [number, number] => {
    const match = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!match) return [0, 0];
    const letters = match[1] as string;
    let column = 0;
    for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
    return [Number(match[2]), column];
  };
  return problems
    .map((problem, index) => ({ problem, index, at: position(problem.cell) }))
    .sort(
      (a, b) =>
        (TAB_ORDER.get(a.problem.tab) ?? 99) - (TAB_ORDER.get(b.problem.tab) ?? 99) ||
        a.at[0] - b.at[0] ||
        a.at[1] - b.at[1] ||
        a.index - b.index,
    )
    .map((entry) => entry.problem);
}
