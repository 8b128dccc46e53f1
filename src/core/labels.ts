// Every Vietnamese string a user sees: tab names, headers, statuses, settings, messages.

export const TAB = {
  settings: 'Cấu hình',
  units: 'Đơn vị',
  entries: 'Nhập liệu',
  catalogue: 'Danh mục DVC',
  ratio: 'Tỷ lệ',
  ranking: 'Xếp hạng',
  problems: 'Kiểm tra',
  portal: 'Dữ liệu Cổng DVC',
  reconciliation: 'Đối chiếu',
  syncLog: 'Nhật ký đồng bộ',
  overview: 'Tổng hợp',
} as const;

export type TabKey = keyof typeof TAB;
export type TabName = (typeof TAB)[TabKey];

export const COL = {
  param: 'Tham số',
  value: 'Giá trị',
  description: 'Diễn giải',
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  group: 'Nhóm',
  parentCode: 'Mã đơn vị cấp trên',
  target: 'Chỉ tiêu',
  portalCode: 'Mã trên Cổng DVC',
  editors: 'Email nhập liệu',
  month: 'Kỳ',
  resolved: 'Tổng số hồ sơ đã giải quyết',
  online: 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
  note: 'Ghi chú',
  procedureCode: 'Mã TTHC',
  procedureName: 'Tên TTHC',
  level: 'Mức độ',
  totalDossiers: 'Tổng số hồ sơ',
  onlineDossiers: 'Hồ sơ trực tuyến mức độ 3, 4',
  ratio: 'Tỷ lệ',
  status: 'Đánh giá',
  needed: 'Hồ sơ cần thêm',
  points: 'Điểm',
  source: 'Nguồn số liệu',
  forecast: 'Dự báo tỷ lệ cả năm',
  neededPerMonth: 'Hồ sơ trực tuyến cần mỗi tháng còn lại',
  monthsReported: 'Số tháng có số liệu',
  rankScope: 'Nhóm xếp hạng',
  rank: 'Hạng',
  rankChange: 'Thay đổi hạng',
  previousRank: 'Hạng tháng trước',
  tab: 'Tab',
  cell: 'Ô',
  severity: 'Mức độ',
  message: 'Nội dung',
  procedureCount: 'Số TTHC',
  updatedAt: 'Cập nhật lúc',
  portalResolved: 'Tổng số hồ sơ (Cổng DVC)',
  enteredResolved: 'Tổng số hồ sơ (đơn vị nhập)',
  portalOnline: 'Hồ sơ trực tuyến (Cổng DVC)',
  enteredOnline: 'Hồ sơ trực tuyến (đơn vị nhập)',
  portalRatio: 'Tỷ lệ (Cổng DVC)',
  enteredRatio: 'Tỷ lệ (đơn vị nhập)',
  difference: 'Chênh lệch tỷ lệ',
  usedSource: 'Nguồn được dùng',
  startedAt: 'Bắt đầu lúc',
  result: 'Kết quả',
  unitCount: 'Số đơn vị',
  portalRows: 'Số dòng Cổng DVC',
  duration: 'Thời gian (giây)',
  errorText: 'Lỗi',
  portalExportOnline: 'Số hồ sơ giải quyết trực tuyến',
  scopeUnits: 'Số đơn vị',
  scopeUnitsMet: 'Số đơn vị đạt',
  totalDifference: 'Chênh lệch tổng số hồ sơ',
} as const;

export const SETTING = {
  year: 'Năm',
  floor: 'Chỉ tiêu tối thiểu',
  priority: 'Nguồn ưu tiên',
  threshold: 'Ngưỡng chênh lệch',
  maxPoints: 'Điểm tối đa',
  through: 'Kỳ báo cáo đến',
  admins: 'Quản trị viên',
} as const;

export const SETTING_HELP: Record<keyof typeof SETTING, string> = {
  year: 'Năm theo dõi, ví dụ 2020.',
  floor: 'Chỉ tiêu tối thiểu áp dụng cho mọi đơn vị, ví dụ 20%.',
  priority: 'Khi có cả số liệu Cổng DVC và số liệu đơn vị nhập: Cổng DVC hoặc Đơn vị nhập.',
  threshold: 'Chênh lệch tỷ lệ giữa hai nguồn được đưa vào tab Đối chiếu, ví dụ 5%.',
  maxPoints: 'Điểm tối đa của tiêu chí trong bộ chỉ số CCHC, ví dụ 1.',
  through: 'Tháng cuối cùng được tính, ví dụ 10/2020. Để trống: tháng gần nhất có số liệu.',
  admins:
    'Email những người (ngoài chủ sở hữu) được tính lại và sửa các tab kết quả, cách nhau bởi dấu phẩy.',
};

export const GROUP = {
  department: 'Sở, ban, ngành',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
} as const;

export type GroupKey = keyof typeof GROUP;

export const SOURCE = {
  portal: 'Cổng DVC',
  entered: 'Đơn vị nhập',
  both: 'Cổng DVC, Đơn vị nhập',
} as const;

export const STATUS = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  noDossiers: 'Không phát sinh hồ sơ',
  dataError: 'Số liệu lỗi',
} as const;

export const SEVERITY = { error: 'Lỗi', warning: 'Cảnh báo' } as const;
export type Severity = keyof typeof SEVERITY;

export const SYNC_RESULT = {
  success: 'Thành công',
  failure: 'Thất bại',
  dryRun: 'Chạy thử (không ghi)',
} as const;

/** Commune scope within one district, as CONTRACT.md names it. */
export const districtScope = (districtName: string): string => `${GROUP.commune} - ${districtName}`;

export const TITLE = {
  ratio: (year: number) => `TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN MỨC ĐỘ 3, 4 NĂM ${year}`,
  ranking: (year: number) => `XẾP HẠNG TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN MỨC ĐỘ 3, 4 NĂM ${year}`,
  overview: (year: number) => `TỔNG HỢP THEO NHÓM XẾP HẠNG NĂM ${year}`,
  period: (from: string, to: string) => `Kỳ báo cáo: từ ngày ${from} đến ngày ${to}`,
  noPeriod: 'Kỳ báo cáo: chưa có số liệu',
};

/** Sentences for the Kiểm tra tab; a commune clerk must understand each without help. */
export const MSG = {
  missingTab: (tab: string) =>
    `Không tìm thấy tab "${tab}". Hãy chạy "Thiết lập bảng tính" trong menu Dịch vụ công.`,
  missingColumn: (tab: string, column: string) =>
    `Tab "${tab}" thiếu cột "${column}". Hãy thêm lại cột này vào dòng tiêu đề.`,
  badYear: (value: string) => `Năm "${value}" không hợp lệ. Hãy nhập năm bằng 4 chữ số, ví dụ 2020.`,
  badPercentSetting: (name: string, value: string) =>
    `Giá trị "${value}" của "${name}" không phải là tỷ lệ phần trăm hợp lệ (ví dụ 20%). Đang dùng giá trị mặc định.`,
  badPriority: (value: string) =>
    `Nguồn ưu tiên "${value}" không hợp lệ. Hãy chọn "Cổng DVC" hoặc "Đơn vị nhập". Đang dùng "Cổng DVC".`,
  badPoints: (value: string) =>
    `Điểm tối đa "${value}" không hợp lệ. Hãy nhập một số lớn hơn 0. Đang dùng 1.`,
  badThrough: (value: string) =>
    `Kỳ báo cáo đến "${value}" không hợp lệ. Hãy nhập tháng dạng 10/2020. Đang dùng tháng gần nhất có số liệu.`,
  throughOutsideYear: (value: string, year: number) =>
    `Kỳ báo cáo đến "${value}" không thuộc năm ${year}. Đang dùng tháng gần nhất có số liệu.`,
  unknownSetting: (name: string) => `Tham số "${name}" không được sử dụng. Hãy kiểm tra lại tên tham số.`,
  duplicateSetting: (name: string) =>
    `Tham số "${name}" được khai báo nhiều lần; chỉ dòng đầu tiên được dùng.`,
  floorTooLow: (value: string) => `Chỉ tiêu tối thiểu ${value} thấp hơn 20% theo quy định. Hãy kiểm tra lại.`,
  missingUnitCode: 'Dòng này có số liệu nhưng thiếu mã đơn vị. Hãy nhập mã đơn vị.',
  duplicateUnit: (code: string, firstCell: string) =>
    `Mã đơn vị "${code}" đã có ở ô ${firstCell}. Mỗi đơn vị chỉ được khai báo một lần; dòng này bị bỏ qua.`,
  missingUnitName: (code: string) => `Đơn vị "${code}" chưa có tên đơn vị. Hãy nhập tên đơn vị.`,
  badGroup: (value: string) =>
    `Nhóm "${value}" không hợp lệ. Hãy chọn một trong: Sở, ban, ngành; Huyện, thành phố; Xã, phường, thị trấn. Đơn vị này không được xếp hạng.`,
  unknownParent: (code: string) =>
    `Mã đơn vị cấp trên "${code}" không có trong danh sách đơn vị hoặc không phải là huyện, thành phố.`,
  parentNotAllowed: 'Chỉ xã, phường, thị trấn mới có mã đơn vị cấp trên. Ô này bị bỏ qua.',
  missingParent: 'Tỉnh có cấp huyện nhưng xã, phường, thị trấn này chưa có mã đơn vị cấp trên (mã huyện).',
  badTarget: (value: string, floor: string) =>
    `Chỉ tiêu "${value}" không phải là tỷ lệ phần trăm hợp lệ. Đang dùng chỉ tiêu tối thiểu ${floor}.`,
  targetBelowFloor: (value: string, floor: string) =>
    `Chỉ tiêu ${value} thấp hơn chỉ tiêu tối thiểu ${floor}. Đang dùng chỉ tiêu tối thiểu ${floor}.`,
  targetAboveMax: (value: string, floor: string) =>
    `Chỉ tiêu ${value} lớn hơn 100%. Đang dùng chỉ tiêu tối thiểu ${floor}.`,
  duplicatePortalCode: (code: string, firstCell: string) =>
    `Mã trên Cổng DVC "${code}" đã được gán cho đơn vị ở ô ${firstCell}. Mỗi mã chỉ gán cho một đơn vị.`,
  badEmail: (value: string) => `"${value}" không phải là địa chỉ email hợp lệ.`,
  districtTargetsShort: (district: string, weighted: string, own: string) =>
    `Chỉ tiêu giao cho các xã, phường, thị trấn của ${district} (bình quân theo số hồ sơ: ${weighted}) thấp hơn chỉ tiêu của huyện (${own}). Hãy giao lại chỉ tiêu cho các xã.`,
  unknownUnit: (code: string) => `Mã đơn vị "${code}" không có trong tab Đơn vị. Hãy kiểm tra lại mã đơn vị.`,
  badMonth: (value: string) => `Kỳ "${value}" không hợp lệ. Hãy nhập tháng dạng 10/2020 hoặc Tháng 10/2020.`,
  missingMonth: 'Dòng này có số liệu nhưng thiếu kỳ (tháng). Hãy nhập tháng, ví dụ 10/2020.',
  monthOutsideYear: (month: string, year: number) =>
    `Kỳ ${month} không thuộc năm đang theo dõi (${year}). Hãy sửa lại tháng hoặc năm trong tab Cấu hình.`,
  badCount: (column: string, value: string) =>
    `"${value}" ở cột "${column}" không phải là số hồ sơ hợp lệ. Hãy nhập số nguyên không âm, ví dụ 1234.`,
  missingCount: (column: string) =>
    `Thiếu "${column}". Hãy nhập đủ cả tổng số hồ sơ và số hồ sơ trực tuyến (nhập 0 nếu không có).`,
  onlineAboveTotal: (online: number, total: number) =>
    `Số hồ sơ trực tuyến (${online}) lớn hơn tổng số hồ sơ đã giải quyết (${total}). Hãy kiểm tra lại.`,
  duplicateMonth: (code: string, month: string, firstCell: string) =>
    `Đơn vị ${code} đã nhập số liệu kỳ ${month} ở dòng có ô ${firstCell}. Mỗi đơn vị chỉ nhập một dòng cho mỗi tháng; cả hai dòng bị bỏ qua đến khi sửa.`,
  unmappedAgency: (code: string) =>
    `Mã cơ quan "${code}" trên Cổng DVC chưa gán cho đơn vị nào. Hãy điền mã này vào cột "Mã trên Cổng DVC" của tab Đơn vị.`,
  badProcedureLevel: (value: string) => `Mức độ "${value}" không hợp lệ. Hãy nhập 3 hoặc 4.`,
  duplicateProcedure: (code: string, firstCell: string) => `Mã TTHC "${code}" đã có ở ô ${firstCell}.`,
  emptyCatalogue:
    'Danh mục DVC mức độ 3, 4 đang trống: số hồ sơ trực tuyến lấy từ Cổng DVC theo từng TTHC sẽ không được tính.',
  noUnits: 'Tab Đơn vị chưa có đơn vị nào. Hãy nhập danh sách đơn vị.',
} as const;

/** Errors of the DVC_* custom functions, shown in the cell's error tooltip. */
export const FORMULA_MSG = {
  online: 'số hồ sơ trực tuyến',
  total: 'tổng số hồ sơ',
  badCount: (what: string, value: string) =>
    `Giá trị "${value}" của ${what} không hợp lệ: hãy dùng số nguyên không âm, ví dụ 1234.`,
  onlineAboveTotal: (online: number, total: number) =>
    `Số hồ sơ trực tuyến (${online}) lớn hơn tổng số hồ sơ (${total}).`,
  badTarget: (value: string) =>
    `Chỉ tiêu "${value}" không hợp lệ: hãy dùng tỷ lệ phần trăm, ví dụ 20% hoặc 0,2.`,
  badRankValue: (value: string) => `Giá trị cần xếp hạng "${value}" không phải là số.`,
  notInList: (value: string) => `Giá trị ${value} không có trong danh sách cần xếp hạng.`,
  shapeMismatch: 'Các vùng dữ liệu đưa vào hàm phải có cùng số dòng và số cột.',
} as const;

/** Texts of the nightly sync (sync/): progress lines, summary, and the errors written into Nhật ký đồng bộ. */
export const SYNC_TEXT = {
  // Portal profiles
  unknownProfile: (name: string, known: readonly string[]) =>
    `Không có cấu hình Cổng DVC tên "${name}". Hãy dùng một trong: ${known.join(', ')}, hoặc đường dẫn tệp .json.`,
  badProfileFile: (source: string, what: string) =>
    `Tệp cấu hình Cổng DVC "${source}" không hợp lệ (${what}).`,
  // Portal over HTTP
  portalTimeout: 'Cổng DVC không trả lời trong thời gian cho phép',
  portalNetwork: (code: string) => `không kết nối được Cổng DVC (${code})`,
  portalAborted: 'đã dừng vì một tháng khác bị lỗi',
  portalStatus: (status: number) => `Cổng DVC trả lỗi HTTP ${status}`,
  portalDenied: (status: number, hasToken: boolean) =>
    hasToken
      ? `Cổng DVC từ chối truy cập (HTTP ${status}): mã truy cập PORTAL_TOKEN không đúng hoặc đã hết hạn`
      : `Cổng DVC từ chối truy cập (HTTP ${status}): hãy đặt biến môi trường PORTAL_TOKEN`,
  portalRejected: (status: number, detail: string) =>
    `Cổng DVC từ chối yêu cầu (HTTP ${status})${detail ? `: ${detail}` : ''}`,
  portalBadJson: 'Cổng DVC trả về dữ liệu không phải JSON hợp lệ',
  portalBadPage: (page: number, what: string) => `trang ${page} không đúng định dạng: ${what}`,
  notAnObject: 'nội dung không phải là một đối tượng JSON',
  wrongPageNumber: (got: string) => `số trang trả về là "${got}"`,
  badTotalPages: 'tổng số trang (totalPages) không hợp lệ',
  missingItems: (path: string) => `thiếu danh sách dòng "${path}"`,
  badItem: (index: number, field: string) => `dòng thứ ${index} có trường "${field}" thiếu hoặc sai`,
  page: 'trang',
  totalPagesChanged: (first: number, now: number, page: number) =>
    `tổng số trang thay đổi từ ${first} thành ${now} ở trang ${page}`,
  duplicateRow: (agency: string, procedure: string | null, firstPage: number, page: number) =>
    `dòng của đơn vị ${agency}${procedure ? `, TTHC ${procedure}` : ''} lặp lại (trang ${firstPage} và trang ${page})`,
  monthFailed: (month: string, reason: string) =>
    `Không lấy đủ số liệu tháng ${month} từ Cổng DVC: ${reason}.`,
  sourcesOverlap: (agency: string, month: string, first: string, second: string) =>
    `Số liệu của đơn vị ${agency} tháng ${month} có ở cả hai nguồn "${first}" và "${second}"; mỗi tháng chỉ được lấy từ một nguồn.`,
  // Portal export files
  exportBadExtension: (file: string) => `Tệp xuất từ Cổng DVC "${file}" phải là .csv hoặc .xlsx.`,
  exportUnreadable: (file: string, reason: string) => `Không đọc được tệp "${file}": ${reason}`,
  exportNoHeader: (file: string, column: string) =>
    `Tệp "${file}" không có dòng tiêu đề chứa cột "${column}".`,
  exportMissingColumn: (file: string, column: string) => `Tệp "${file}" thiếu cột "${column}".`,
  exportBadRow: (file: string, line: number, reason: string) => `${file}:${line}: ${reason}`,
  exportBadMonth: (value: string) => `kỳ "${value}" không hợp lệ (ví dụ 10/2020)`,
  exportMissingUnit: 'thiếu mã đơn vị',
  exportBadCount: (column: string, value: string) =>
    `"${value}" ở cột "${column}" không phải là số hồ sơ hợp lệ`,
  exportOnlineAboveTotal: (online: number, total: number) =>
    `số hồ sơ trực tuyến (${online}) lớn hơn tổng số hồ sơ (${total})`,
  exportDuplicateRow: (firstLine: number) => `trùng kỳ, đơn vị và mã TTHC với dòng ${firstLine}`,
  // Progress and summary (standard output)
  progressMonth: (month: string, pages: number, rows: number) =>
    `Cổng DVC tháng ${month}: ${pages} trang, ${rows} dòng.`,
  progressRetry: (what: string, attempt: number, delayMs: number) =>
    `  thử lại lần ${attempt} sau ${(delayMs / 1000).toFixed(1)} giây (${what})`,
  progressFile: (file: string, rows: number, skipped: number) =>
    `Tệp ${file}: ${rows} dòng${skipped > 0 ? ` (bỏ qua ${skipped} dòng ngoài năm theo dõi)` : ''}.`,
} as const;
