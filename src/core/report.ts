// Inputs → the report: typed rows, Kiểm tra's problems and every output table in write order. The one computation both halves share.

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
import { type ClassificationKey, MSG, SOURCE, STATUS, TAB, type TabName, TITLE } from './labels';
import { readModelInto, type WorkbookInput } from './model';
import { addMonths, formatMonth, fromIndex, lastDay, type Month, monthIndex } from './month';
import { buildMonthlyTable } from './monthly';
import { buildOfficialReport, type ReportSection } from './official-report';
import { feedProblems } from './portal-checks';
import { type Problem, ProblemLog } from './problems';
import { communesByDistrict, type Ranked, rank, rankChange, type Scope, scopesOf } from './rank';
import { findMissing, type Reminder } from './reminders';
import {
  OVERVIEW_COLUMNS,
  type OverviewRow,
  PROBLEMS_COLUMNS,
  RANKING_COLUMNS,
  RATIO_COLUMNS,
  type RankingRow,
  type RatioRow,
  RECONCILIATION_COLUMNS,
  type ReconciliationRow,
} from './report-rows';
import { inVocabulary, TAB_HEADERS } from './schema';
import { type Settings, showPercent } from './settings';
import { type Column, type OutputTable, renderColumns } from './table';
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
  /** The records behind the record tables, typed: what a caller reads instead of re-parsing a tab. */
  readonly rows: {
    readonly ratio: readonly RatioRow[];
    readonly ranking: readonly RankingRow[];
    readonly reconciliation: readonly ReconciliationRow[];
    readonly overview: readonly OverviewRow[];
  };
  /** Kiểm tra's problems, in its order. */
  readonly problems: readonly Problem[];
  /**
   * Every output table the report makes, in the order the writers write them: a writer iterates this list,
   * so a new output tab is added here and in no file of either half.
   */
  readonly outputs: readonly OutputTable[];
  /** The same tables by name, for a caller that wants one of them. */
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

/** online / resolved, or null (an empty cell) when no dossier was resolved. */
const ratioOrNull = (online: number, resolved: number): number | null =>
  resolved > 0 ? online / resolved : null;
const ratioCell = (online: number, resolved: number): Cell => ratioOrNull(online, resolved) ?? '';
/** Whether any month of the period counts for the unit (contract §10.4): else it has no figures to print. */
const hasFigures = (t: UnitTotals): boolean => t.months.size > 0;
/** A unit's dossier count as printed: null (empty), not 0, when no month counts (0 would state "no dossiers"). */
const countOf = (t: UnitTotals, count: number): number | null => (hasFigures(t) ? count : null);

/** A record table: its header in the vocabulary of Cách phân loại, each row rendered through its columns. */
function recordTable<Row>(
  tab: TabName,
  title: readonly string[],
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  classification: ClassificationKey,
): OutputTable {
  const rendered = renderColumns(columns, rows);
  return { tab, title, ...rendered, header: inVocabulary(rendered.header, classification) };
}

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

  const ratioRows: RatioRow[] = units.list.map((unit) => {
    const t = now.totals.get(unit.key) as UnitTotals;
    const a = assessments.get(unit.key) as ReturnType<typeof assess>;
    const f = through
      ? forecast(t.months, monthIndex(through), through.month, t.online, t.resolved, unit.target)
      : { yearEndRatio: null, neededPerMonth: null };
    return {
      code: unit.code,
      name: unit.name,
      group: unit.groupText,
      parent: unit.parentText,
      resolved: countOf(t, t.resolved),
      online: countOf(t, t.online),
      ratio: ratioOrNull(t.online, t.resolved),
      target: toNumber(unit.target),
      status: a.status,
      needed: a.needed,
      points: a.points,
      source: sourceLabel(t.sources),
      forecast: f.yearEndRatio,
      neededPerMonth: f.neededPerMonth,
      monthsReported: t.months.size,
    };
  });

  const rankingRows: RankingRow[] = [];
  for (const scope of scopes) {
    const current = now.ranks.get(scope.name) as Map<string, number | null>;
    const earlier = before?.ranks.get(scope.name);
    const byKey = new Map(scope.members.map((unit) => [unit.key, unit]));
    for (const [key, place] of current) {
      const unit = byKey.get(key) as Unit;
      const t = now.totals.get(key) as UnitTotals;
      const a = assessments.get(key) as ReturnType<typeof assess>;
      const previousPlace = earlier?.get(key) ?? null;
      rankingRows.push({
        scope: scope.name,
        rank: place,
        code: unit.code,
        name: unit.name,
        ratio: ratioOrNull(t.online, t.resolved),
        target: toNumber(unit.target),
        status: a.status,
        change: rankChange(previousPlace, place),
        previousRank: previousPlace,
        resolved: countOf(t, t.resolved),
        online: countOf(t, t.online),
        points: a.points,
      });
    }
  }

  const overviewRows = scopes.map((scope) => overviewRow(scope, now.totals, assessments));
  const reconciliationRows = reconcile(units, entered, portal, settings, through);
  const reminders = findMissing(units, entered, portal, through, input.entries, log);
  const problems = sortProblems(log.items);
  const sections = reportSections(scopes, overviewRows, rankingRows);
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
  const words = settings.classification;
  const tables = {
    ratio: recordTable(TAB.ratio, [TITLE.ratio(year, words), periodLine], RATIO_COLUMNS, ratioRows, words),
    ranking: recordTable(
      TAB.ranking,
      [TITLE.ranking(year, words), periodLine],
      RANKING_COLUMNS,
      rankingRows,
      words,
    ),
    problems: recordTable(TAB.problems, [], PROBLEMS_COLUMNS, problems, words),
    reconciliation: recordTable(TAB.reconciliation, [], RECONCILIATION_COLUMNS, reconciliationRows, words),
    overview: recordTable(
      TAB.overview,
      [TITLE.overview(year), periodLine],
      OVERVIEW_COLUMNS,
      overviewRows,
      words,
    ),
    officialReport: buildOfficialReport(sections, settings, through, options.now),
    monthly,
  };

  return {
    year,
    through,
    settings,
    rows: {
      ratio: ratioRows,
      ranking: rankingRows,
      reconciliation: reconciliationRows,
      overview: overviewRows,
    },
    problems,
    outputs: [
      tables.ratio,
      tables.ranking,
      tables.problems,
      tables.reconciliation,
      tables.overview,
      tables.officialReport,
      tables.monthly,
    ],
    tables,
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
  overviewRows: readonly OverviewRow[],
  rankingRows: readonly RankingRow[],
): ReportSection[] {
  const seen = new Set<string>();
  // Xếp hạng's rows by scope (ranks are keyed by scope name), already in ranking order: Báo cáo prints them.
  const byScope = new Map<string, RankingRow[]>();
  for (const row of rankingRows) {
    const rows = byScope.get(row.scope);
    if (rows) rows.push(row);
    else byScope.set(row.scope, [row]);
  }
  return scopes.map((scope, index) => {
    const lines = (byScope.get(scope.name) ?? []).map((row) => ({
      code: row.code,
      name: row.name,
      resolved: row.resolved ?? '',
      online: row.online ?? '',
      ratio: row.ratio ?? '',
      target: row.target,
      status: STATUS[row.status],
      rank: row.rank,
    }));
    const group = scope.members.every((unit) => !seen.has(unit.key));
    for (const unit of scope.members) seen.add(unit.key);
    const total = overviewRows[index] as OverviewRow;
    return {
      name: scope.name,
      lines,
      resolved: total.resolved,
      online: total.online,
      ratio: total.ratio ?? '',
      target: total.target,
      met: total.met,
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
): OverviewRow {
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
  return {
    scope: scope.name,
    units: scope.members.length,
    met,
    resolved,
    online,
    ratio: ratioOrNull(online, resolved),
    target,
  };
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
): ReconciliationRow[] {
  if (!through) return [];
  const last = monthIndex(through);
  const threshold = settings.threshold;
  const used = settings.priority === 'portal' ? SOURCE.portal : SOURCE.entered;
  const entries: { month: number; unit: Unit; row: ReconciliationRow }[] = [];
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
        row: {
          month: formatMonth(fromIndex(month)),
          code: unit.code,
          name: unit.name,
          portalResolved: fp.resolved,
          enteredResolved: fe.resolved,
          portalOnline: fp.online,
          enteredOnline: fe.online,
          portalRatio: ratioOrNull(fp.online, fp.resolved),
          enteredRatio: ratioOrNull(fe.online, fe.resolved),
          difference: toNumber(diff),
          usedSource: used,
          totalDifference: toNumber(totalDiff),
        },
      });
    }
  }
  const order = new Map(units.list.map((unit, index) => [unit.key, index]));
  entries.sort((a, b) => a.month - b.month || (order.get(a.unit.key) ?? 0) - (order.get(b.unit.key) ?? 0));
  return entries.map((entry) => entry.row);
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
