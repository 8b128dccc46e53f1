// Rankings: the scopes of CONTRACT.md, order by exact ratio, shared ranks with gaps, tie order, rank change.
import { type CollationKey, compareKeys } from './collate';
import { compare } from './fraction';
import { districtScope, GROUP } from './labels';
import { groupName, type Unit, type UnitDirectory } from './units';

export interface Scope {
  readonly name: string;
  readonly members: readonly Unit[];
}

/**
 * Sở, ban, ngành; Huyện, thành phố; Xã, phường, thị trấn (whole province); then one scope per
 * district for its communes, in the order districts are listed. Empty scopes are left out, so a
 * two-tier province (no districts) has no per-district scopes, and its commune scope is named
 * Xã, phường, đặc khu (contract §8.1).
 */
export function scopesOf(units: UnitDirectory): Scope[] {
  const of = (group: Unit['group']) => units.list.filter((unit) => unit.group === group);
  const scopes: Scope[] = [
    { name: GROUP.department, members: of('department') },
    { name: GROUP.district, members: of('district') },
    { name: groupName('commune', units.hasDistricts), members: of('commune') },
  ];
  const communes = communesByDistrict(units);
  for (const district of of('district')) {
    scopes.push({ name: districtScope(district.name), members: communes.get(district.key) ?? [] });
  }
  return scopes.filter((scope) => scope.members.length > 0);
}

/** Communes grouped by their district's key, in listing order. */
export function communesByDistrict(units: UnitDirectory): Map<string, Unit[]> {
  const groups = new Map<string, Unit[]>();
  for (const unit of units.list) {
    if (unit.group !== 'commune' || unit.districtKey === null) continue;
    const members = groups.get(unit.districtKey) ?? [];
    groups.set(unit.districtKey, members);
    members.push(unit);
  }
  return groups;
}

export interface RankEntry {
  readonly key: string;
  readonly collation: CollationKey;
  readonly online: number;
  readonly resolved: number;
  /** False for units with no dossiers or with data errors: they come last, unranked. */
  readonly eligible: boolean;
}

export interface Ranked {
  readonly key: string;
  readonly rank: number | null;
}

/**
 * Orders by ratio (exact fractions), highest first; equal ratios share a rank and the next rank is
 * skipped (1, 2, 2, 4); among equals the larger online count first, then the name in Vietnamese order.
 */
export function rank(entries: readonly RankEntry[]): Ranked[] {
  const byName = (a: RankEntry, b: RankEntry) =>
    compareKeys(a.collation, b.collation) || (a.key < b.key ? -1 : 1);
  const eligible = entries.filter((entry) => entry.eligible);
  eligible.sort(
    (a, b) =>
      compare({ n: b.online, d: b.resolved }, { n: a.online, d: a.resolved }) ||
      b.online - a.online ||
      byName(a, b),
  );
  const ranked: Ranked[] = [];
  let previous: RankEntry | undefined;
  let previousRank = 0;
  eligible.forEach((entry, position) => {
    const tied =
      previous !== undefined &&
      compare({ n: entry.online, d: entry.resolved }, { n: previous.online, d: previous.resolved }) === 0;
    const place = tied ? previousRank : position + 1;
    ranked.push({ key: entry.key, rank: place });
    previous = entry;
    previousRank = place;
  });
  const rest = entries.filter((entry) => !entry.eligible).sort(byName);
  for (const entry of rest) ranked.push({ key: entry.key, rank: null });
  return ranked;
}

/** ▲2 (up two places), ▼1, = (unchanged), or empty where either month has no rank. */
export function rankChange(previous: number | null | undefined, current: number | null): string {
  if (previous === null || previous === undefined || current === null) return '';
  const gain = previous - current;
  if (gain > 0) return `▲${gain}`;
  if (gain < 0) return `▼${-gain}`;
  return '=';
}

/** Rank of `value` among `values`, highest first, ties sharing a rank: 1 + how many are greater. */
export function rankAmong(value: number, values: readonly number[]): number {
  let greater = 0;
  for (const other of values) if (other > value) greater++;
  return greater + 1;
}
