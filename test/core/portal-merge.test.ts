// mergePortalTab: what a run fetched completely replaces its month or unit-month; every other row of Dữ liệu Cổng DVC stays (contract §10.1).
import {
  type Cell,
  emptyAnswerProblems,
  mergePortalTab,
  type PortalAnswer,
  type PortalRecord,
  tableToGrid,
} from '../../src/core';
import { PORTAL_HEADER } from '../contract-headers';
import { problemsOf, ratioRow, records, report, settingsGrid, unitsGrid } from './workbook';

const settings = settingsGrid([['Năm', 2026]]);
// Seven units; A's portal code is P.A, so an agency code "A" is no unit's (§10.1).
const CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const units = unitsGrid(CODES.map((code) => [code, `Sở ${code}`, 'SBN', '', '', code === 'A' ? 'P.A' : '']));
const portalCode = (code: string) => (code === 'A' ? 'P.A' : code);
const EARLIER = '01/11/2026 02:30:00';
const NOW = new Date('2026-12-07T19:30:00Z'); // 08/12/2026 02:30:00 in Vietnam
const STAMP = '08/12/2026 02:30:00';

/** A tab of an earlier run: months 01–11, every unit, 10 + month dossiers, 5 online, from `dossiers`. */
function earlierTab(): Cell[][] {
  const rows: Cell[][] = [];
  for (let month = 1; month <= 11; month++)
    for (const code of CODES)
      rows.push([
        `${String(month).padStart(2, '0')}/2026`,
        code,
        10 + month,
        5,
        '',
        EARLIER,
        'dossiers',
        '',
        '',
        portalCode(code),
        '',
      ]);
  return [PORTAL_HEADER, ...rows];
}

const record = (agencyCode: string, month: number, resolved: number, online: number): PortalRecord => ({
  agencyCode,
  procedureCode: null,
  year: 2026,
  month,
  resolved,
  online,
});
const monthAnswer = (month: number, records: PortalRecord[], source = 'dossiers'): PortalAnswer => ({
  source,
  grain: { kind: 'month', month: { year: 2026, month } },
  records,
});
const unitAnswer = (agency: string, month: number, records: PortalRecord[]): PortalAnswer => ({
  source: 'dvcqg',
  grain: { kind: 'unit-month', month: { year: 2026, month }, agency },
  records,
});
const fileAnswer = (source: string, records: PortalRecord[]): PortalAnswer => ({
  source,
  grain: { kind: 'file' },
  records,
});

const input = (portal: Cell[][] = earlierTab()) => ({ settings, units, portal });
const merged = (answers: PortalAnswer[], portal?: Cell[][], rebuild = false) =>
  mergePortalTab(input(portal), answers, NOW, rebuild);
const rowsOf = (result: ReturnType<typeof merged>) =>
  records(result.table).map((r) => [
    r.Kỳ,
    r['Mã đơn vị'],
    r['Tổng số hồ sơ đã giải quyết'],
    r['Cập nhật lúc'],
    r.Nguồn,
    r['Nguồn trả về rỗng lúc'],
  ]);
const monthOf = (result: ReturnType<typeof merged>, month: string) =>
  rowsOf(result).filter((row) => row[0] === month);

describe('mergePortalTab', () => {
  it("one month's export file over 11 months of rows: 77 rows stay 77, month 10 replaced, the rest as they were", () => {
    const file = fileAnswer(
      'thang-10.csv',
      CODES.map((code) => record(portalCode(code), 10, 100, 50)),
    );
    const result = merged([file]);
    expect(result.rowCount).toBe(77);
    expect(result.keptRows).toBe(70);
    expect(monthOf(result, '10/2026')).toEqual(
      CODES.map((code) => ['10/2026', code, 100, STAMP, 'thang-10.csv', '']),
    );
    expect(monthOf(result, '09/2026')).toEqual(
      CODES.map((code) => ['09/2026', code, 19, EARLIER, 'dossiers', '']),
    );
    expect(monthOf(result, '11/2026')).toHaveLength(7);
  });

  it('an export file replaces only the unit-months it has rows for: B of 10/2026, not A or C', () => {
    const result = merged([fileAnswer('b.csv', [record('B', 10, 40, 4)])]);
    expect(result.rowCount).toBe(77);
    expect(monthOf(result, '10/2026').slice(0, 3)).toEqual([
      ['10/2026', 'A', 20, EARLIER, 'dossiers', ''],
      ['10/2026', 'B', 40, STAMP, 'b.csv', ''],
      ['10/2026', 'C', 20, EARLIER, 'dossiers', ''],
    ]);
  });

  it('an empty answer for a month with rows keeps them, stamps them, and Kiểm tra warns once for the month', () => {
    const answers = [
      monthAnswer(10, []),
      monthAnswer(
        11,
        CODES.map((code) => record(portalCode(code), 11, 30, 3)),
      ),
    ];
    const result = merged(answers);
    expect(result.rowCount).toBe(77);
    expect(result.keptDespiteEmpty).toBe(7);
    expect(monthOf(result, '10/2026')).toEqual(
      CODES.map((code) => ['10/2026', code, 20, EARLIER, 'dossiers', STAMP]),
    );
    expect(monthOf(result, '11/2026').map((row) => row[2])).toEqual([30, 30, 30, 30, 30, 30, 30]);
    const grid = tableToGrid(result.table);
    const warnings = emptyAnswerProblems(grid);
    expect(warnings.map((p) => [p.cell, p.unitCode, p.month, p.severity])).toEqual([
      ['K65', '', '10/2026', 'warning'],
    ]);
    expect(warnings[0]?.message).toContain('kỳ 10/2026; 7 dòng lấy trước đó được giữ nguyên');
    // The add-in's recompute reads the same warning from the tab alone.
    const fromReport = problemsOf(report({ settings, units, portal: grid })).filter(
      (p) => p.Tab === 'Dữ liệu Cổng DVC' && p['Kỳ'] === '10/2026',
    );
    expect(fromReport.map((p) => [p.Ô, p['Mức độ']])).toEqual([['K65', 'Cảnh báo']]);
    // A later run that answers the month with rows clears the stamp.
    const again = mergePortalTab(input(grid), [monthAnswer(10, [record('B', 10, 7, 1)])], NOW);
    expect(monthOf(again, '10/2026')).toEqual([['10/2026', 'B', 7, STAMP, 'dossiers', '']]);
    expect(emptyAnswerProblems(tableToGrid(again.table))).toEqual([]);
  });

  it('an earlier --through (months 01–05 fetched) keeps the rows of 06–11 as they were', () => {
    const answers = [1, 2, 3, 4, 5].map((m) =>
      monthAnswer(
        m,
        CODES.map((code) => record(portalCode(code), m, 1, 0)),
      ),
    );
    const result = merged(answers);
    expect(result.rowCount).toBe(77);
    expect(rowsOf(result).filter((row) => row[3] === EARLIER)).toHaveLength(42);
    expect(monthOf(result, '06/2026')[0]).toEqual(['06/2026', 'A', 16, EARLIER, 'dossiers', '']);
  });

  it('a complete, non-empty province answer drops a unit absent from it', () => {
    const answer = monthAnswer(
      10,
      CODES.filter((code) => code !== 'G').map((code) => record(portalCode(code), 10, 9, 9)),
    );
    const result = merged([answer]);
    expect(result.rowCount).toBe(76);
    expect(monthOf(result, '10/2026').map((row) => row[1])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(monthOf(result, '11/2026').map((row) => row[1])).toContain('G');
  });

  it('dvcqg replaces only the unit-months it fetched; an empty one keeps its row and is warned for that unit', () => {
    const result = merged([unitAnswer('P.A', 10, [record('P.A', 10, 55, 5)]), unitAnswer('B', 10, [])]);
    expect(result.rowCount).toBe(77);
    expect(monthOf(result, '10/2026').slice(0, 3)).toEqual([
      ['10/2026', 'A', 55, STAMP, 'dvcqg', ''],
      ['10/2026', 'B', 20, EARLIER, 'dossiers', STAMP],
      ['10/2026', 'C', 20, EARLIER, 'dossiers', ''],
    ]);
    expect(emptyAnswerProblems(tableToGrid(result.table)).map((p) => [p.unitCode, p.month])).toEqual([
      ['B', '10/2026'],
    ]);
  });

  it('rebuild (--lam-moi-du-lieu-cong) keeps nothing of the earlier tab', () => {
    const result = merged([monthAnswer(1, [record('B', 1, 3, 1)])], undefined, true);
    expect(rowsOf(result)).toEqual([['01/2026', 'B', 3, STAMP, 'dossiers', '']]);
    expect(result.keptRows).toBe(0);
  });

  it('an agency code equal to a Mã đơn vị but not its Mã trên Cổng DVC is unassigned, never added (10 stays 10)', () => {
    const result = merged(
      [monthAnswer(3, [record('P.A', 3, 10, 4), record('A', 3, 10, 10)])],
      [PORTAL_HEADER],
    );
    expect(result.unmapped).toEqual(['A']);
    expect(
      records(result.table).map((r) => [
        r['Mã đơn vị'],
        r['Mã trên Cổng DVC'],
        r['Tổng số hồ sơ đã giải quyết'],
      ]),
    ).toEqual([
      ['A', 'P.A', 10],
      ['', 'A', 10],
    ]);
    const result2 = report({ settings, units, portal: tableToGrid(result.table) });
    expect(ratioRow(result2, 'A')['Tổng số hồ sơ']).toBe(10);
    expect(
      problemsOf(result2)
        .filter((p) => p.Tab === 'Dữ liệu Cổng DVC')
        .map((p) => [p.Ô, p['Mã đơn vị'], p['Mức độ'], p['Nội dung']]),
    ).toEqual([['J3', 'A', 'Cảnh báo', expect.stringContaining('Mã cơ quan "A" trên Cổng DVC chưa gán')]]);
  });

  it('a tab of an earlier version (no Nguồn, no newer columns) is read and its other months kept', () => {
    const old: Cell[][] = [
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Số TTHC',
        'Cập nhật lúc',
      ],
      ['01/2026', 'B', 12, 2, '', EARLIER],
      ['02/2026', 'B', 13, 3, '', EARLIER],
    ];
    const result = merged([monthAnswer(2, [record('B', 2, 30, 3)])], old);
    expect(result.table.header).toEqual(PORTAL_HEADER);
    expect(rowsOf(result)).toEqual([
      ['01/2026', 'B', 12, EARLIER, '', ''],
      ['02/2026', 'B', 30, STAMP, 'dossiers', ''],
    ]);
  });
});
