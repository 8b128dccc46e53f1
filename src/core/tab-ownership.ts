// Which tabs the product owns (contract 10.2): the one place both halves ask before reading, writing or deleting a tab.
//
// The product marks every tab it creates: on a Google Sheet with sheet-level developer metadata
// (TAB_MARK_KEY), in an .xlsx with a hidden sheet-scoped defined name (XLSX_TAB_MARK_NAME), which Excel
// and LibreOffice keep on the sheet when it is renamed or moved. Given the workbook's tabs (name, marks,
// and for an unmarked tab with an output name its first rows) and the output tabs a run writes, planTabs
// says what each tab is and where each table goes, or why nothing may be written.
import type { Grid } from './cells';
import { SYSTEM_TEXT, TAB, VOCABULARY } from './labels';
import { isArchiveTab, TAB_HEADERS } from './schema';
import { fold } from './text';

/** Google Sheet: key of the sheet-level developer metadata on every tab the product creates (value: its name then). */
export const TAB_MARK_KEY = 'dvc.tab';
/** Google Sheet: key on the hidden staging tabs of a large sync write (value: the tab they fill). */
export const STAGING_MARK_KEY = 'dvc.staging';
/**
 * .xlsx: the hidden defined name scoped to every tab the product creates (`localSheetId` is the tab's place,
 * which Excel and LibreOffice renumber when tabs move, and keep when a tab is renamed). Letters and
 * underscores only, a name both programs accept.
 */
export const XLSX_TAB_MARK_NAME = '_dvc_tab';

/** Tabs people fill in: never deleted or rewritten by a write, whatever marks they carry. */
export const INPUT_TAB_NAMES: readonly string[] = TAB_HEADERS.filter((t) => !t.output).map((t) => t.tab);
/** Every tab the product writes (either half). */
export const OUTPUT_TAB_NAMES: readonly string[] = TAB_HEADERS.filter((t) => t.output).map((t) => t.tab);

/** What is known of one tab of the workbook, in tab order. */
export interface TabFacts {
  readonly name: string;
  /** Carries the product's tab mark. */
  readonly marked: boolean;
  /** Carries the staging mark of a large Google Sheet write. */
  readonly staging?: boolean;
  /**
   * The tab's first rows, when they were read (only needed for an unmarked tab named as an output tab):
   * undefined means unknown, and an unknown tab is never taken for the product's.
   */
  readonly top?: Grid;
}

/**
 * What a tab is to a write:
 * - input: an input tab, never deleted or rewritten;
 * - owned: the product's tab of a table written now (marked);
 * - adopt: an earlier version's tab of a table written now (unmarked, the product's header row): rewritten and marked;
 * - foreign-clash: an output tab's name in any form on a tab the product did not make: nothing is written;
 * - staging-deletable: a staging tab of a crashed write (marked, neither input nor output name): deleted;
 * - other: anything else (the office's tabs, the product's tabs not written now): left alone.
 */
export type TabVerdict =
  | { readonly kind: 'input' }
  | { readonly kind: 'owned'; readonly table: string }
  | { readonly kind: 'adopt'; readonly table: string }
  | { readonly kind: 'foreign-clash'; readonly table: string }
  | { readonly kind: 'staging-deletable' }
  | { readonly kind: 'other' };

export interface TabPlan {
  /** One verdict per tab, in the order given. */
  readonly verdicts: readonly TabVerdict[];
  /** Each written table's tab: its index in the list, or -1 when it is to be created (and marked). */
  readonly targets: ReadonlyMap<string, number>;
  /** Why nothing may be written (a Vietnamese sentence naming the tab), or null. */
  readonly refusal: string | null;
}

/**
 * Output tabs whose header grew over versions: an earlier version's header starts with this many of
 * today's columns (those of contract section 4), then has some of the later ones, in today's order.
 */
const EARLIER_HEADER_COLUMNS: Readonly<Record<string, number>> = {
  [TAB.ratio]: 12,
  [TAB.ranking]: 8,
  [TAB.portal]: 6,
};

/** Rows searched for the header row below an output tab's title rows (Báo cáo has the most). */
export const HEADER_SEARCH_ROWS = 30;

/** A month column of Diễn biến theo tháng (`Tháng 3/2026`): its year changes, so it is not compared. */
const MONTH_COLUMN = /^tháng \d{1,2}\/\d{4}$/;

/** Whether one of the first rows is the header row the product writes on `tab`, in either vocabulary. */
export function hasProductHeader(top: Grid, tab: string): boolean {
  const entry = TAB_HEADERS.find((t) => t.tab === tab);
  if (!entry) return false;
  // Both vocabularies of contract 8.1 compare as one: a tab keeps the header it was written with.
  const expected = entry.header.map((name) => headerKey(name));
  const least = EARLIER_HEADER_COLUMNS[tab] ?? expected.length;
  return top.slice(0, HEADER_SEARCH_ROWS).some((row) => {
    const cells = row.map(headerKey);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    const named = tab === TAB.monthly ? cells.filter((cell) => !MONTH_COLUMN.test(cell)) : cells;
    if (named.length < least || !named.slice(0, least).every((cell, i) => cell === expected[i])) return false;
    // The columns after those: today's, in today's order, some perhaps not there yet (added since).
    let next = least;
    for (const cell of named.slice(least)) {
      while (next < expected.length && expected[next] !== cell) next++;
      if (next === expected.length) return false;
      next++;
    }
    return true;
  });
}

/** The online columns' two names (contract 8.1), folded: the second is read as the first. */
const VOCABULARY_PAIRS: readonly (readonly [string, string])[] = [
  [fold(VOCABULARY.levels.online), fold(VOCABULARY.modes.online)],
  [fold(VOCABULARY.levels.onlineDossiers), fold(VOCABULARY.modes.onlineDossiers)],
];

/** A header cell's key: folded, with the online columns of either vocabulary as one. */
function headerKey(cell: unknown): string {
  const key = fold(cell);
  for (const [a, b] of VOCABULARY_PAIRS) if (key === b) return a;
  return key;
}

const isInputName = (name: string): boolean =>
  INPUT_TAB_NAMES.some((tab) => fold(tab) === fold(name)) || isArchiveTab(name);

const nfc = (text: string): string => text.normalize('NFC');

const isOutputName = (name: string): boolean => OUTPUT_TAB_NAMES.some((tab) => fold(tab) === fold(name));

/**
 * A staging tab of a crashed large write, the only kind of tab the product ever deletes: it carries the
 * staging mark and not the tab mark, and its name is neither an input nor an output tab's (any editor can
 * put a mark on `Nhập liệu`; that never makes it deletable).
 */
export const isStagingLeftover = (tab: Pick<TabFacts, 'name' | 'marked' | 'staging'>): boolean =>
  tab.staging === true && !tab.marked && !isInputName(tab.name) && !isOutputName(tab.name);

/** A tab's place in the tab bar and its name, as the messages show it. */
const tabAt = (tabs: readonly TabFacts[], index: number): string =>
  SYSTEM_TEXT.tabAt(index + 1, tabs[index]?.name ?? '');

/**
 * The one decision: for each tab what it is (see TabVerdict), for each table to write where it goes, and
 * the refusal when an output tab's name (any case, spacing or Unicode form) is on a tab the product did
 * not make and cannot adopt. Of the product's tabs folding to one output name, the one with the exact name
 * wins (a marked tab renamed by case or spacing is still the product's).
 */
export function planTabs(tabs: readonly TabFacts[], writes: readonly string[]): TabPlan {
  const verdicts: TabVerdict[] = tabs.map((tab) => {
    if (isInputName(tab.name)) return { kind: 'input' };
    const table = writes.find((name) => fold(name) === fold(tab.name));
    if (table !== undefined) {
      if (tab.marked) return { kind: 'owned', table };
      // An earlier version wrote the exact name; only that tab, with the product's header, is adopted.
      if (nfc(tab.name) === nfc(table) && tab.top !== undefined && hasProductHeader(tab.top, table))
        return { kind: 'adopt', table };
      return { kind: 'foreign-clash', table };
    }
    return isStagingLeftover(tab) ? { kind: 'staging-deletable' } : { kind: 'other' };
  });
  const clash = verdicts.findIndex((verdict) => verdict.kind === 'foreign-clash');
  const targets = new Map<string, number>();
  for (const table of writes) {
    const candidates = verdicts
      .map((verdict, index) => ({ verdict, index }))
      .filter(
        ({ verdict }) => (verdict.kind === 'owned' || verdict.kind === 'adopt') && verdict.table === table,
      );
    const exact = candidates.find(({ index }) => nfc(tabs[index]?.name ?? '') === nfc(table));
    const chosen = exact ?? candidates[0];
    targets.set(table, chosen ? chosen.index : -1);
    // The product's other tabs of that name (renamed copies) are left as they are.
    for (const { index } of candidates) if (index !== chosen?.index) verdicts[index] = { kind: 'other' };
  }
  const refusal =
    clash >= 0
      ? SYSTEM_TEXT.outputTabForeign((verdicts[clash] as { table: string }).table, tabAt(tabs, clash))
      : null;
  return { verdicts, targets, refusal };
}

/**
 * The reading rule: a tab a run reads (input tabs, and the output tabs it reads back) must be the only one
 * whose name folds to its name, and carry that name exactly, so a decoy `nhập liệu` beside `Nhập liệu`
 * never feeds the figures. Returns the refusal (a Vietnamese sentence) or null.
 */
export function readRefusal(names: readonly string[], reads: readonly string[]): string | null {
  const at = (index: number) => SYSTEM_TEXT.tabAt(index + 1, names[index] ?? '');
  for (const tab of reads) {
    const similar = names.flatMap((name, index) => (fold(name) === fold(tab) ? [index] : []));
    if (similar.length > 1) return SYSTEM_TEXT.tabsClash(tab, similar.map(at).join(', '));
    const only = similar[0];
    if (only !== undefined && nfc(names[only] ?? '') !== nfc(tab))
      return SYSTEM_TEXT.tabMisnamed(tab, at(only));
  }
  return null;
}

/** The tab a run reads by name: the one with exactly that name (NFC), as readRefusal has made sure. */
export function findTab<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  return items.find((item) => nfc(nameOf(item)) === nfc(name));
}
