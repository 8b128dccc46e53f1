// The only module Apps Script sees: triggers, menu actions and custom functions, each checking its OAuth scopes, then delegating to a plain module.
import { type Argument, needed, type Result, rank, ratio, status } from './functions';
import { addMenu, showHelpDialog } from './menu';
import { recompute } from './recompute';
import { remindNow, remindMonthly as sendMonthlyReminders, toggleMonthly } from './reminders';
import { grantedFor, SCOPE } from './scopes';
import { setUp } from './setup';

/** Adds the Dịch vụ công menu when the spreadsheet opens. */
export function onOpen(_e?: unknown): void {
  addMenu();
}

/** Adds the menu right after the add-on is installed, without reopening the file. */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** Menu: Tính lại tỷ lệ và xếp hạng. */
export function recomputeAll(): void {
  if (grantedFor('recomputeAll')) recompute('all');
}

/** Menu: Kiểm tra số liệu (writes Kiểm tra only). */
export function checkFigures(): void {
  const granted = grantedFor('checkFigures');
  if (granted) recompute('problems', granted.has(SCOPE.email));
}

/** Menu: Thiết lập bảng tính. */
export function setUpSheet(): void {
  if (grantedFor('setUpSheet')) setUp();
}

/** Menu: Nhắc đơn vị chưa nhập số liệu (e-mails to the units missing months, after confirmation). */
export function remindUnits(): void {
  if (grantedFor('remindUnits')) remindNow();
}

/** Menu: turns the monthly reminder trigger on or off. */
export function toggleMonthlyReminders(): void {
  if (grantedFor('toggleMonthlyReminders')) toggleMonthly();
}

/** Time-driven trigger: the monthly reminder, the day after Hạn nhập liệu. */
export function remindMonthly(): void {
  if (grantedFor('remindMonthly')) sendMonthlyReminders();
}

/** Menu: Hướng dẫn. */
export function showHelp(): void {
  if (grantedFor('showHelp')) showHelpDialog();
}

/**
 * Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ đã giải quyết. Để trống khi tổng số hồ sơ bằng 0.
 *
 * @param {number|Array<Array<number>>} online Số hồ sơ giải quyết trực tuyến mức độ 3, 4 (một ô hoặc một vùng).
 * @param {number|Array<Array<number>>} total Tổng số hồ sơ đã giải quyết (một ô hoặc một vùng cùng kích thước).
 * @return Tỷ lệ trực tuyến, ví dụ 0,35 là 35%.
 * @customfunction
 */
export function DVC_TYLE(online: Argument, total: Argument): Result {
  return ratio(online, total);
}

/**
 * Đánh giá so với chỉ tiêu: Đạt, Chưa đạt, Không phát sinh hồ sơ (tổng số hồ sơ bằng 0) hoặc Chưa có số liệu (cả hai ô số hồ sơ đều để trống).
 *
 * @param {number|Array<Array<number>>} online Số hồ sơ giải quyết trực tuyến mức độ 3, 4 (một ô hoặc một vùng).
 * @param {number|Array<Array<number>>} total Tổng số hồ sơ đã giải quyết.
 * @param {number|string|Array<Array<number>>} target Chỉ tiêu, ví dụ 30% hoặc 0,3.
 * @return Đạt, Chưa đạt, Không phát sinh hồ sơ hoặc Chưa có số liệu.
 * @customfunction
 */
export function DVC_DANHGIA(online: Argument, total: Argument, target: Argument): Result {
  return status(online, total, target);
}

/**
 * Số hồ sơ trực tuyến ít nhất cần có thêm (trong số hồ sơ đã giải quyết) để đạt chỉ tiêu. Để trống khi tổng số hồ sơ bằng 0.
 *
 * @param {number|Array<Array<number>>} online Số hồ sơ giải quyết trực tuyến mức độ 3, 4 (một ô hoặc một vùng).
 * @param {number|Array<Array<number>>} total Tổng số hồ sơ đã giải quyết.
 * @param {number|string|Array<Array<number>>} target Chỉ tiêu, ví dụ 55%: 11 trên 20 hồ sơ đã đạt nên cần thêm 0.
 * @return Số hồ sơ cần thêm (số nguyên không âm).
 * @customfunction
 */
export function DVC_CANTHEM(online: Argument, total: Argument, target: Argument): Result {
  return needed(online, total, target);
}

/**
 * Thứ hạng của một giá trị (hoặc từng giá trị của một vùng) trong danh sách, cao nhất là hạng 1; bằng nhau cùng hạng, hạng sau bị bỏ qua (1, 2, 2, 4).
 *
 * @param {number|Array<Array<number>>} value Giá trị cần xếp hạng, ví dụ tỷ lệ của một đơn vị.
 * @param {Array<Array<number>>} values Vùng chứa tất cả các giá trị để so sánh.
 * @return Thứ hạng (1 là cao nhất).
 * @customfunction
 */
export function DVC_XEPHANG(value: Argument, values: Argument): Result {
  return rank(value, values);
}
