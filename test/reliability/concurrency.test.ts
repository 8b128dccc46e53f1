// Two people clicking at once: the document lock lets one run write, the other is told it is busy and writes nothing; tabs are never a mix of two runs.

import { ADDIN_TEXT } from '../../src/addin/texts';
import { buildReport, type Cell, tableToGrid, type WorkbookInput } from '../../src/core';
import { ENTRY_HEADER, RECOMPUTED_TABS, UNIT_HEADER } from '../contract-headers';
import { type LoadedScript, loadScript, type Value } from '../fakes/apps-script';

const OWNER = 'vanphong@hoabinh.gov.vn';
const ADMIN = 'sotttt@hoabinh.gov.vn';
const ADMIN2 = 'vpubnd@hoabinh.gov.vn';
const OUTPUT_TABS = RECOMPUTED_TABS;

function province(script: LoadedScript): void {
  const load = (tab: string, rows: Value[][]) => script.spreadsheet._load(tab, rows);
  load('Cấu hình', [
    ['Tham số', 'Giá trị'],
    ['Năm', 2020],
    ['Quản trị viên', `${ADMIN}, ${ADMIN2}`],
  ]);
  load('Đơn vị', [
    [...UNIT_HEADER],
    ['S01', 'Sở Nội vụ', 'SBN', '', '30%', '', 'snv@hoabinh.gov.vn'],
    ['S02', 'Sở Tư pháp', 'SBN', '', '', '', 'stp@hoabinh.gov.vn'],
    ['H01', 'Thành phố Hòa Bình', 'HUYEN', '', '25%', '', ''],
    ['X01', 'Phường Đồng Tiến', 'XA', 'H01', '55%', '', ''],
  ]);
  load('Nhập liệu', [
    ENTRY_HEADER,
    ['01/2020', 'S01', 100, 30, ''],
    ['01/2020', 'S02', 100, 10, ''],
    ['01/2020', 'H01', 400, 100, ''],
    ['01/2020', 'X01', 20, 11, ''],
  ]);
}

/** The tabs as the core computes them from the input tabs as they are now in the fake. */
function coreTabs(script: LoadedScript): Record<string, unknown[][]> {
  const grid = (tab: string) =>
    script.spreadsheet._hasSheet(tab) ? script.spreadsheet._sheet(tab)._values() : undefined;
  const input: WorkbookInput = {
    settings: grid('Cấu hình'),
    units: grid('Đơn vị'),
    entries: grid('Nhập liệu'),
  };
  const report = buildReport(input, { now: new Date() });
  return Object.fromEntries(
    Object.values(report.tables).map((table) => [
      table.tab,
      tableToGrid(table).map((row) => row.map((cell: Cell) => cell ?? '')),
    ]),
  );
}

const writtenTabs = (script: LoadedScript): Record<string, unknown[][]> =>
  Object.fromEntries(OUTPUT_TABS.map((tab) => [tab, script.spreadsheet._sheet(tab)._values()]));

/** Runs `second` as `who` right before the first call named `at` of the run in progress. */
function interleave(
  script: LoadedScript,
  at: string,
  who: string,
  second: string,
): { calls: Record<string, number> } {
  const during = { calls: {} as Record<string, number> };
  let fired = false;
  script.world.calls.beforeCall = (name) => {
    if (fired || name !== at) return;
    fired = true;
    const first = script.world.activeUser;
    const before = new Map(script.world.calls.counts);
    script.as(who);
    script.run(second);
    script.as(first);
    for (const [method, n] of script.world.calls.counts) {
      const delta = n - (before.get(method) ?? 0);
      if (delta > 0) during.calls[method] = delta;
    }
  };
  return during;
}

const lastUi = (script: LoadedScript) => script.world.ui[script.world.ui.length - 1];

describe('two runs at once', () => {
  test('the fake lock is a document lock: a second tryLock while one is held fails until it is released', () => {
    const script = loadScript({ owner: OWNER, source: '' });
    const services = script.context as unknown as { LockService: GoogleAppsScript.Lock.LockService };
    const first = services.LockService.getDocumentLock();
    const second = services.LockService.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(second.tryLock(1000)).toBe(false);
    expect(() => second.waitLock(1000)).toThrow('Lock timeout');
    second.releaseLock(); // not its lock: releases nothing
    expect(services.LockService.getDocumentLock().tryLock(0)).toBe(false);
    first.releaseLock();
    expect(second.tryLock(1000)).toBe(true);
    second.releaseLock();
  });

  test.each([
    ['recomputeAll', 'Sheets.Spreadsheets.batchUpdate', 'recomputeAll'],
    ['recomputeAll', 'Range.getValues', 'checkFigures'],
    ['recomputeAll', 'Sheets.Spreadsheets.get', 'setUpSheet'],
    ['checkFigures', 'Sheets.Spreadsheets.batchUpdate', 'recomputeAll'],
  ])(
    'a second click (%s running, at its first %s, then %s): busy message, nothing read or written by it',
    (first, at, second) => {
      const script = loadScript({ owner: OWNER, user: ADMIN });
      province(script);
      const during = interleave(script, at, ADMIN2, second);
      script.run(first);
      // The second run stopped at the lock: no Range call at all, one alert with the busy text.
      expect(
        Object.keys(during.calls).filter(
          (m) => m.startsWith('Range.') || m.startsWith('Sheet.') || m.startsWith('Sheets.'),
        ),
      ).toEqual([]);
      const busy = script.world.ui.filter((e) => e.kind === 'alert' && e.text === ADDIN_TEXT.busy);
      expect(busy.length).toBe(1);
      // The first run finished and released the lock.
      expect(lastUi(script)?.kind).toBe('toast');
      expect(script.world.lockHeld).toBe(false);
    },
  );

  test('a recompute during set-up is refused; set-up finishes whole', () => {
    const script = loadScript({ owner: OWNER });
    province(script);
    const during = interleave(script, 'Sheets.Spreadsheets.batchUpdate', ADMIN, 'recomputeAll');
    script.run('setUpSheet');
    expect(during.calls['Range.setValues'] ?? 0).toBe(0);
    expect(during.calls['Sheets.Spreadsheets.batchUpdate'] ?? 0).toBe(0);
    expect(script.world.ui.some((e) => e.kind === 'alert' && e.text === ADDIN_TEXT.busy)).toBe(true);
    expect(lastUi(script)?.text).toMatch(/^Đã thiết lập bảng tính/);
    expect(script.spreadsheet._hasSheet('Tỷ lệ')).toBe(true);
    // The refused recompute wrote no figures: Tỷ lệ holds only set-up's header.
    expect(script.spreadsheet._sheet('Tỷ lệ')._values().length).toBe(1);
  });

  test("a clerk's edit in the middle of a recompute: every tab is from one snapshot, the retry from the next", () => {
    const script = loadScript({ owner: OWNER, user: ADMIN });
    province(script);
    const before = coreTabs(script);
    // Between the run's reads and its writes, a clerk changes S02's January figures and an administrator clicks.
    let fired = false;
    script.world.calls.beforeCall = (name) => {
      if (fired || name !== 'Sheets.Spreadsheets.batchUpdate') return;
      fired = true;
      script.spreadsheet._sheet('Nhập liệu')._at('D3').value = 90;
      script.as(ADMIN2);
      script.run('recomputeAll');
      script.as(ADMIN);
    };
    script.run('recomputeAll');
    script.world.calls.beforeCall = null;
    const written = writtenTabs(script);
    // All five tabs are the pre-edit figures (S02: 10 of 100), none the post-edit ones.
    for (const tab of OUTPUT_TABS) expect([tab, written[tab]]).toEqual([tab, before[tab]]);
    const s02 = (written['Tỷ lệ'] as unknown[][]).find((row) => row[0] === 'S02');
    expect(s02?.slice(4, 7)).toEqual([100, 10, 0.1]);
    expect(script.world.ui.filter((e) => e.text === ADDIN_TEXT.busy).length).toBe(1);

    // The administrator clicks again once the first run is over: the lock is free, the new figures land.
    script.as(ADMIN2);
    script.run('recomputeAll');
    const after = writtenTabs(script);
    for (const tab of OUTPUT_TABS) expect([tab, after[tab]]).toEqual([tab, coreTabs(script)[tab]]);
    const s02After = (after['Tỷ lệ'] as unknown[][]).find((row) => row[0] === 'S02');
    expect(s02After?.slice(4, 7)).toEqual([100, 90, 0.9]);
  });

  test('a run that fails midway still releases the lock, so the next click works', () => {
    const script = loadScript({ owner: OWNER, user: ADMIN });
    province(script);
    script.world.calls.failure = { name: 'Sheets.Spreadsheets.batchUpdate', after: 0 };
    script.run('recomputeAll');
    expect(lastUi(script)?.text).toMatch(/^Không thực hiện được/);
    expect(script.world.lockHeld).toBe(false);
    script.run('recomputeAll');
    expect(lastUi(script)?.kind).toBe('toast');
    const written = writtenTabs(script);
    const core = coreTabs(script);
    for (const tab of OUTPUT_TABS) expect([tab, written[tab]]).toEqual([tab, core[tab]]);
  });
});
