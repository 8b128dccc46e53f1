// The add-in's side of contract 10.2: each tab's marks from the layout read, the first rows of an unmarked tab named as an output tab, and the core's verdict.
import {
  type Cell,
  HEADER_SEARCH_ROWS,
  planTabs,
  readRefusal,
  TAB,
  type TabFacts,
  type TabPlan,
} from '../core';
import { markTabRequest } from '../sheets/tab-mark';
import type { Layout } from './sheets-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Tabs the add-in reads by name: a look-alike beside one of them could feed the figures. */
const READ_TABS: readonly string[] = [TAB.settings, TAB.units, TAB.entries, TAB.catalogue, TAB.portal];

const nfc = (text: string): string => text.normalize('NFC');

/**
 * The ownership plan of a write of `writes` (src/core/tab-ownership.ts), with `refusal` set when nothing may
 * be written: a look-alike of a tab read, or an output tab's name (any case, spacing, Unicode form) on a tab
 * the product did not make. Only an unmarked tab named exactly as an output tab costs calls (its first
 * rows, once: adopted, it is marked by the write).
 */
export function tabPlan(spreadsheet: Spreadsheet, layout: Layout, writes: readonly string[]): TabPlan {
  const unreadable = readRefusal(
    layout.tabs.map((tab) => tab.title),
    READ_TABS,
  );
  if (unreadable) return { verdicts: [], targets: new Map(), refusal: unreadable };
  const facts = layout.tabs.map((tab): TabFacts => {
    const known = { name: tab.title, marked: tab.marked, staging: tab.staging };
    if (tab.marked || !writes.some((name) => nfc(name) === nfc(tab.title))) return known;
    const sheet = spreadsheet.getSheetByName(tab.title);
    const rows = Math.min(HEADER_SEARCH_ROWS, tab.rows);
    if (!sheet || rows < 1 || tab.columns < 1) return known;
    return { ...known, top: sheet.getRange(1, 1, rows, tab.columns).getValues() as Cell[][] };
  });
  return planTabs(facts, writes);
}

/**
 * Set-up's way to create tabs: each added with its mark in one batchUpdate (sheet ids chosen after the
 * highest in use, so the mark can name the tab in the same batch), and any earlier version's tab it adopts
 * marked there too. Returns a maker that remembers the ids it used for a later call.
 */
export function tabMaker(
  api: GoogleAppsScript.Sheets,
  spreadsheetId: string,
  layout: Layout,
): (names: readonly string[], adopt?: readonly { sheetId: number; tab: string }[]) => void {
  let nextId = Math.max(0, ...layout.tabs.map((tab) => tab.sheetId)) + 1;
  return (names, adopt = []) => {
    const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
    for (const title of names) {
      const sheetId = nextId++;
      requests.push({ addSheet: { properties: { sheetId, title } } }, markTabRequest(sheetId, title));
    }
    for (const { sheetId, tab } of adopt) requests.push(markTabRequest(sheetId, tab));
    if (requests.length > 0) api.Spreadsheets.batchUpdate({ requests }, spreadsheetId);
  };
}
