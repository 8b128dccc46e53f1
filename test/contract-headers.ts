// The contract's header rows typed out as text (docs/contract.md §3), so tests never borrow the code's own constants.

export const UNIT_HEADER = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Nhóm',
  'Mã đơn vị cấp trên',
  'Chỉ tiêu',
  'Mã trên Cổng DVC',
  'Email nhập liệu',
];

export const ENTRY_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  'Ghi chú',
];

/** Dữ liệu Cổng DVC as the sync writes it (contract §4, §8.1 levels vocabulary, §10.1 Nguồn). */
export const PORTAL_HEADER = [
  'Kỳ',
  'Mã đơn vị',
  'Tổng số hồ sơ đã giải quyết',
  'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  'Số TTHC',
  'Cập nhật lúc',
  'Nguồn',
  'Số TTHC thuộc danh mục',
  'Số dòng không có Mã TTHC',
  'Mã trên Cổng DVC',
  'Nguồn trả về rỗng lúc',
];

/**
 * Every tab a recompute writes (contract §4, §9.4, §9.5, and the overview `Tổng hợp`), in tab-bar order:
 * the tests of "all or nothing" check each one, so a new output tab is added here once.
 */
export const RECOMPUTED_TABS = [
  'Tỷ lệ',
  'Xếp hạng',
  'Kiểm tra',
  'Đối chiếu',
  'Tổng hợp',
  'Báo cáo',
  'Diễn biến theo tháng',
];

/** What a sync with a portal writes besides the sync log: the portal tab, then every recomputed tab. */
export const SYNCED_TABS = ['Dữ liệu Cổng DVC', ...RECOMPUTED_TABS];
