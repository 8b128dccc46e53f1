// A deterministic, realistic province of any size: three tiers, 12 months of entries, portal rows, a few traps.

import { ENTRIES_HEADER, PORTAL_HEADER, UNITS_HEADER } from '../../src/core';

/** A plain cell as both the Apps Script fake and the Sheets fake accept it. */
export type BenchCell = string | number | boolean | Date;
export type BenchGrid = BenchCell[][];

export interface Province {
  readonly units: number;
  readonly departments: number;
  readonly districts: number;
  readonly communes: number;
  /** Input tabs by name, header first. */
  readonly tabs: Record<string, BenchGrid>;
}

export const YEAR = 2020;
export const OWNER = 'vanphong@tinh.gov.vn';
export const ADMIN = 'sotttt@tinh.gov.vn';
/** The recompute's clock: mid-November of the tracked year, so the whole year has figures. */
export const NOW = new Date(Date.UTC(YEAR, 11, 15, 3));

// Syllables of real place names, so names collate like Vietnamese ones (tones, đ, shared prefixes).
const SYLLABLES = [
  'Tân',
  'Hòa',
  'Bình',
  'Đông',
  'Tây',
  'Phú',
  'Thịnh',
  'An',
  'Lạc',
  'Sơn',
  'Thủy',
  'Mỹ',
  'Đức',
  'Quang',
  'Hưng',
  'Yên',
  'Định',
  'Thành',
  'Lương',
  'Cao',
  'Ân',
  'Ứng',
];
const DEPARTMENTS = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Y tế', 'Sở Tài chính', 'Ban Dân tộc', 'Sở Công Thương'];

/** A small deterministic generator (mulberry32), so every run and every process sees the same province. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length] as T;
const code = (prefix: string, i: number) => `${prefix}${String(i).padStart(5, '0')}`;

/**
 * `units` units: departments and districts each about 1/20 of the units, the rest communes spread over
 * the districts; 12 months of entries per unit; a third of the units also on the portal. About 1% of the
 * rows carry a trap the contract names (bad count, online above total, unknown unit, duplicate month,
 * target below the floor), and counts arrive as numbers or text with either thousands separator.
 */
export function province(units: number): Province {
  const rnd = random(units * 7919 + 17);
  const departments = Math.max(1, Math.round(units / 20));
  const districts = Math.max(1, Math.round(units / 20));
  const communes = units - departments - districts;
  const unitRows: BenchGrid = [[...UNITS_HEADER]];
  const codes: string[] = [];
  for (let i = 0; i < departments; i++) {
    const c = code('S', i);
    codes.push(c);
    const name = i < DEPARTMENTS.length ? DEPARTMENTS[i] : `${pick(DEPARTMENTS, rnd())} ${i}`;
    unitRows.push([c, name as string, 'Sở, ban, ngành', '', '30%', '', `so${i}@tinh.gov.vn`]);
  }
  for (let i = 0; i < districts; i++) {
    const c = code('H', i);
    codes.push(c);
    const name = `Huyện ${pick(SYLLABLES, rnd())} ${pick(SYLLABLES, rnd())} ${i}`;
    unitRows.push([c, name, 'HUYEN', '', i % 10 === 3 ? '40%' : 0.25, '', `huyen${i}@tinh.gov.vn`]);
  }
  for (let i = 0; i < communes; i++) {
    const c = code('X', i);
    codes.push(c);
    const kind = pick(['Xã', 'Phường', 'Thị trấn'], rnd());
    const name = `${kind} ${pick(SYLLABLES, rnd())} ${pick(SYLLABLES, rnd())}`;
    const parent = code('H', i % districts);
    // Targets: empty (the floor), text, a number, and now and then one below the floor (an error).
    const target = i % 97 === 5 ? '15%' : i % 3 === 0 ? '' : i % 3 === 1 ? '35%' : 0.3;
    unitRows.push([
      c,
      name,
      'Xã, phường, thị trấn',
      parent,
      target,
      '',
      `xa${i}@tinh.gov.vn, vp${i}@tinh.gov.vn`,
    ]);
  }
  const entries: BenchGrid = [[...ENTRIES_HEADER]];
  const portal: BenchGrid = [[...PORTAL_HEADER]];
  codes.forEach((unit, u) => {
    const scale = unit.startsWith('X') ? 40 : 400;
    for (let m = 1; m <= 12; m++) {
      const total = Math.floor(scale * (0.5 + rnd()));
      let online = Math.floor(total * (0.1 + 0.5 * rnd()));
      const month =
        m % 2 === 0 ? `${String(m).padStart(2, '0')}/${YEAR}` : `${YEAR}-${String(m).padStart(2, '0')}`;
      let totalCell: BenchCell = total >= 1000 && u % 2 === 0 ? total.toLocaleString('de-DE') : total;
      let note = '';
      const trap = (u * 12 + m) % 401;
      if (trap === 7) {
        online = total + 3;
        note = 'nhập nhầm';
      } else if (trap === 23) {
        totalCell = 'mười hai';
      }
      entries.push([month, unit, totalCell, online, note]);
      if (trap === 41) entries.push([month, unit, total, online, 'nhập trùng']);
      if (u % 3 === 0) {
        // The portal mostly agrees; every 7th unit-month differs beyond the 5% threshold.
        const portalOnline = (u + m) % 7 === 0 ? Math.floor(online * 0.5) : online;
        portal.push([month, unit, total, Math.min(portalOnline, total), 3, `01/12/${YEAR} 02:00:00`]);
      }
    }
    if (u % 211 === 3) entries.push([`01/${YEAR}`, `Z${u}`, 10, 1, 'đơn vị lạ']);
  });
  return {
    units,
    departments,
    districts,
    communes,
    tabs: {
      'Cấu hình': [
        ['Tham số', 'Giá trị'],
        ['Năm', YEAR],
        ['Chỉ tiêu tối thiểu', '20%'],
        ['Quản trị viên', ADMIN],
      ],
      'Đơn vị': unitRows,
      'Nhập liệu': entries,
      'Danh mục DVC': [
        ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
        ['1.004227', 'Cấp giấy phép xây dựng', 4],
        ['2.000488', 'Đăng ký khai sinh', 3],
        ['1.000456', 'Đăng ký kết hôn', 4],
      ],
      'Dữ liệu Cổng DVC': portal,
    },
  };
}

/** The core's WorkbookInput of a province (the Sheets tabs keyed as readModel expects). */
export function workbookInput(p: Province) {
  return {
    settings: p.tabs['Cấu hình'],
    units: p.tabs['Đơn vị'],
    entries: p.tabs['Nhập liệu'],
    catalogue: p.tabs['Danh mục DVC'],
    portal: p.tabs['Dữ liệu Cổng DVC'],
  };
}
