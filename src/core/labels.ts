// The Vietnamese texts of the shared domain: tab names, headers, statuses, settings, the core's messages (the sync's and the add-in's own texts live with them).

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
  officialReport: 'Báo cáo',
  monthly: 'Diễn biến theo tháng',
  reminderLog: 'Nhật ký nhắc nhở',
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
  portalSource: 'Nguồn',
  emptyAnswerAt: 'Nguồn trả về rỗng lúc',
  proceduresInCatalogue: 'Số TTHC thuộc danh mục',
  rowsWithoutProcedure: 'Số dòng không có Mã TTHC',
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
  serial: 'STT',
  yearToDate: 'Tỷ lệ lũy kế từ đầu năm',
  sentAt: 'Thời gian',
  recipients: 'Gửi đến',
  missingMonths: 'Tháng chưa có số liệu',
  reminderResult: 'Kết quả',
  reminderReason: 'Lý do',
  /** The online columns under Cách phân loại = Toàn trình, một phần (contract §8.1). */
  onlineModes: 'Số hồ sơ giải quyết trực tuyến',
  onlineDossiersModes: 'Hồ sơ trực tuyến',
} as const;

export const SETTING = {
  year: 'Năm',
  floor: 'Chỉ tiêu tối thiểu',
  priority: 'Nguồn ưu tiên',
  threshold: 'Ngưỡng chênh lệch',
  maxPoints: 'Điểm tối đa',
  through: 'Kỳ báo cáo đến',
  admins: 'Quản trị viên',
  deadline: 'Hạn nhập liệu',
  parentAgency: 'Cơ quan chủ quản',
  reportingAgency: 'Cơ quan báo cáo',
  place: 'Địa danh',
  reportNumber: 'Số ký hiệu báo cáo',
  recipients: 'Nơi nhận',
  classification: 'Cách phân loại',
  portalProvince: 'Mã tỉnh trên Cổng DVC quốc gia',
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
  deadline:
    'Ngày của tháng sau mà các đơn vị phải nhập xong số liệu của tháng trước, từ 1 đến 27, ví dụ 5. Nhắc nhở tự động gửi vào ngày hôm sau.',
  parentAgency: 'Tên cơ quan chủ quản in ở góc trái tab Báo cáo, ví dụ UBND tỉnh Hòa Bình.',
  reportingAgency: 'Tên cơ quan lập báo cáo, ví dụ Sở Thông tin và Truyền thông.',
  place: 'Địa danh ghi ở dòng ngày tháng của tab Báo cáo, ví dụ Hòa Bình.',
  reportNumber:
    'Số và ký hiệu in dưới tên cơ quan ở tab Báo cáo, ví dụ 125/BC-STTTT. Để trống: in "Số:      /BC-……" để ghi tay.',
  recipients:
    'Nơi nhận in ở cuối tab Báo cáo, mỗi nơi một dòng trong cùng ô (Alt+Enter để xuống dòng) hoặc cách nhau bởi dấu chấm phẩy, ví dụ: UBND tỉnh (để b/c); Các sở, ban, ngành; Lưu: VT.',
  classification:
    'Mức độ 3, 4 hoặc Toàn trình, một phần (Nghị định 42/2022/NĐ-CP). Để trống: Mức độ 3, 4 đến năm 2022, Toàn trình, một phần từ năm 2023.',
  portalProvince:
    'Mã của tỉnh trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), dùng khi đồng bộ với --profile dvcqg. Để trống nếu không dùng.',
};

/** Cách phân loại: how online services are named (contract §8.1); the texts the product writes follow it. */
export const CLASSIFICATION = {
  levels: 'Mức độ 3, 4',
  modes: 'Toàn trình, một phần',
} as const;
export type ClassificationKey = keyof typeof CLASSIFICATION;

/** Catalogue Mức độ values that put a procedure in Danh mục DVC, whatever Cách phân loại says. */
export const CATALOGUE_LEVELS = ['3', '4', 'Toàn trình', 'Một phần'] as const;

/** The texts that name online services, in each vocabulary of Cách phân loại. */
export const VOCABULARY: Record<
  ClassificationKey,
  {
    /** Nhập liệu and Dữ liệu Cổng DVC: the online count column. */
    readonly online: string;
    /** Tỷ lệ, Xếp hạng, Tổng hợp: the online dossiers column. */
    readonly onlineDossiers: string;
    /** "trực tuyến mức độ 3, 4" or "trực tuyến": how titles and sentences say online. */
    readonly onlineWords: string;
    readonly catalogueName: string;
  }
> = {
  levels: {
    online: COL.online,
    onlineDossiers: COL.onlineDossiers,
    onlineWords: 'trực tuyến mức độ 3, 4',
    catalogueName: 'Danh mục DVC mức độ 3, 4',
  },
  modes: {
    online: COL.onlineModes,
    onlineDossiers: COL.onlineDossiersModes,
    onlineWords: 'trực tuyến',
    catalogueName: 'Danh mục DVC toàn trình, một phần',
  },
};

export const GROUP = {
  department: 'Sở, ban, ngành',
  district: 'Huyện, thành phố',
  commune: 'Xã, phường, thị trấn',
} as const;

export type GroupKey = keyof typeof GROUP;

/** The commune group of a two-tier province (no Huyện, thành phố unit; contract §8.1). */
export const COMMUNE_TWO_TIER = 'Xã, phường, đặc khu';

export const SOURCE = {
  portal: 'Cổng DVC',
  entered: 'Đơn vị nhập',
  both: 'Cổng DVC, Đơn vị nhập',
} as const;

export const STATUS = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  noDossiers: 'Không phát sinh hồ sơ',
  /** No month of the period has figures that count (contract §10.4): never printed as 0 dossiers. */
  noData: 'Chưa có số liệu',
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
  ratio: (year: number, classification: ClassificationKey = 'levels') =>
    `TỶ LỆ HỒ SƠ GIẢI QUYẾT ${VOCABULARY[classification].onlineWords.toUpperCase()} NĂM ${year}`,
  ranking: (year: number, classification: ClassificationKey = 'levels') =>
    `XẾP HẠNG TỶ LỆ HỒ SƠ GIẢI QUYẾT ${VOCABULARY[classification].onlineWords.toUpperCase()} NĂM ${year}`,
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
  floorTooLow: (value: string, floor: string) =>
    `Chỉ tiêu tối thiểu ${value} thấp hơn ${floor} theo quy định. Hãy kiểm tra lại.`,
  missingUnitCode: 'Dòng này có số liệu nhưng thiếu mã đơn vị. Hãy nhập mã đơn vị.',
  duplicateUnit: (code: string, firstCell: string) =>
    `Mã đơn vị "${code}" đã có ở ô ${firstCell}. Mỗi đơn vị chỉ được khai báo một lần; dòng này bị bỏ qua.`,
  missingUnitName: (code: string) => `Đơn vị "${code}" chưa có tên đơn vị. Hãy nhập tên đơn vị.`,
  badGroup: (value: string) =>
    `Nhóm "${value}" không hợp lệ. Hãy chọn một trong: Sở, ban, ngành; Huyện, thành phố; Xã, phường, thị trấn (tỉnh không còn cấp huyện: Xã, phường, đặc khu). Đơn vị này không được xếp hạng.`,
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
  emptyAnswerKept: (month: string, at: string, rows: number) =>
    `Lần đồng bộ lúc ${at}, nguồn số liệu không trả về dòng nào cho kỳ ${month}; ${rows} dòng lấy trước đó được giữ nguyên (xem cột "Cập nhật lúc" và "Nguồn"). Hãy kiểm tra Cổng DVC hoặc tệp xuất trước khi dùng số liệu kỳ này.`,
  unmappedAgency: (code: string) =>
    `Mã cơ quan "${code}" trên Cổng DVC chưa gán cho đơn vị nào. Hãy điền mã này vào cột "Mã trên Cổng DVC" của tab Đơn vị.`,
  badProcedureLevel: (value: string) =>
    `Mức độ "${value}" không hợp lệ. Hãy nhập một trong bốn giá trị: 3; 4; Toàn trình; Một phần. Thủ tục này vẫn được tính là thuộc danh mục.`,
  duplicateProcedure: (code: string, firstCell: string) => `Mã TTHC "${code}" đã có ở ô ${firstCell}.`,
  // The online counts of Dữ liệu Cổng DVC were filtered by the catalogue when the sync fetched them: a
  // recompute reads those counts again, so only a new sync fixes them.
  catalogueEmpty: (catalogue: string) =>
    `${catalogue} trống nên không hồ sơ trực tuyến nào lấy từ Cổng DVC theo từng TTHC được tính. Hãy nhập danh mục vào tab Danh mục DVC rồi chạy đồng bộ lại (lấy lại số liệu từ Cổng DVC): số hồ sơ trực tuyến được lọc theo danh mục lúc đồng bộ, nên chỉ tính lại thì số liệu không đổi.`,
  catalogueUnmatched: (catalogue: string, rows: number) =>
    `Không mã TTHC nào có hồ sơ trên Cổng DVC (${rows} dòng của tab Dữ liệu Cổng DVC) thuộc ${catalogue}, nên không hồ sơ trực tuyến nào theo từng TTHC được tính. Hãy kiểm tra cột Mã TTHC của tab Danh mục DVC (mã phải giống mã trên Cổng DVC) rồi đồng bộ lại.`,
  rowsWithoutProcedure: (rows: number, catalogue: string) =>
    `${rows} dòng không có Mã TTHC trong số liệu lấy từ Cổng DVC hoặc tệp xuất nên không lọc được theo ${catalogue}; tổng số hồ sơ của các dòng này vẫn được tính, số hồ sơ trực tuyến thì không. Cột "Số dòng không có Mã TTHC" của tab Dữ liệu Cổng DVC cho biết đơn vị và kỳ.`,
  missingHeaderRow: (tab: string, column: string) =>
    `Tab "${tab}" không có dòng tiêu đề chứa cột "${column}" (tiêu đề bị đổi tên hoặc gộp ô?). Số liệu của tab này chưa được tính; hãy sửa lại dòng tiêu đề.`,
  missingColumnIgnored: (tab: string, column: string) =>
    `Tab "${tab}" thiếu cột "${column}" (tiêu đề bị đổi tên hoặc gộp ô?). Số liệu của tab này chưa được tính; hãy thêm lại cột này vào dòng tiêu đề.`,
  missingTargetColumn: (floor: string) =>
    `Tab "Đơn vị" thiếu cột "Chỉ tiêu" (tiêu đề bị đổi tên hoặc gộp ô?): mọi đơn vị đang dùng chỉ tiêu tối thiểu ${floor}. Hãy thêm lại cột này vào dòng tiêu đề.`,
  formulaWithoutValue: (column: string) =>
    `Ô ở cột "${column}" chứa công thức nhưng tệp chưa lưu giá trị đã tính (tệp được ghi bởi chương trình không tính công thức). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại, hoặc nhập số trực tiếp.`,
  formulaError: (column: string, error: string) =>
    `Ô ở cột "${column}" có công thức báo lỗi ${error}. Hãy sửa công thức hoặc nhập số trực tiếp.`,
  /** How a formula cell with no cached value is quoted in a message. */
  formulaPlaceholder: '(công thức chưa có giá trị)',
  badClassification: (value: string) =>
    `Cách phân loại "${value}" không hợp lệ. Hãy chọn "Mức độ 3, 4" hoặc "Toàn trình, một phần". Đang dùng cách phân loại mặc định theo năm.`,
  noUnits: 'Tab Đơn vị chưa có đơn vị nào. Hãy nhập danh sách đơn vị.',
  missingFigures: (months: string) =>
    `Đơn vị chưa có số liệu tháng ${months} (không có ở tab Nhập liệu lẫn Dữ liệu Cổng DVC) trong khi các đơn vị khác đã có. Hãy nhập Tổng số hồ sơ đã giải quyết và số hồ sơ trực tuyến của các tháng này (nhập 0 nếu không có hồ sơ).`,
  badDeadline: (value: string, fallback: number) =>
    `Hạn nhập liệu "${value}" không hợp lệ. Hãy nhập một ngày từ 1 đến 27 của tháng sau. Đang dùng ngày ${fallback}.`,
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

/** The add-in's guard before writing (recompute): Sheets' cell limit, in the words a provincial officer reads. */
export const ADDIN_LIMIT_TEXT = {
  /** 10000000 → 10.000.000, as Vietnamese writes numbers (no locale data needed at run time). */
  thousands: (value: number): string => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  cellLimit: (cells: string, limit: string) =>
    `Không tính lại được: sau khi ghi kết quả, bảng tính sẽ có ${cells} ô, vượt giới hạn ${limit} ô của Google Trang tính (tính cả hàng, cột trống của mọi tab). Chưa có tab nào bị thay đổi. Hãy xóa bớt các hàng, cột trống hoặc các tab không còn dùng (ví dụ số liệu các năm trước) rồi thử lại.`,
} as const;

/** The add-in's one atomic write through the Advanced Sheets service, and the marker it shares with the sync. */
export const ADDIN_WRITE_TEXT = {
  /** The nightly sync's write marker is live: nothing is written. `until` is a Vietnamese time, e.g. 02:45. */
  syncWriting: (until: string) =>
    `Đợt đồng bộ số liệu từ Cổng DVC đang ghi vào bảng tính này (chậm nhất đến ${until}). Chưa có tab nào bị thay đổi. Hãy thử lại sau vài phút.`,
  /** Both halves: markers that claimed more than their writer's limit, could not be read or named no known writer. */
  staleMarkersRemoved: (count: number) =>
    `Đã gỡ ${count} dấu "đang ghi" (dvc.writing) không hợp lệ khỏi bảng tính: dấu hẹn giờ quá thời hạn cho phép, không đọc được hoặc không rõ bên ghi. Dấu như vậy không chặn việc ghi; nếu nó xuất hiện lại, hãy kiểm tra ai đã thêm nó.`,
  noAdvancedService:
    'Không thực hiện được: dịch vụ nâng cao "Google Sheets API" chưa được bật cho tiện ích (tệp appsscript.json). Chưa có tab nào bị thay đổi. Hãy báo cán bộ kỹ thuật cài đặt lại tiện ích bằng npm run push.',
} as const;

/** The official report tab Báo cáo: a Vietnamese administrative report, as the office prints and signs it. */
export const REPORT_TEXT = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  /** Shown for a Cấu hình name left empty, so the printed page has room to write it by hand. */
  blank: '……………………',
  /** The number and symbol line under the issuing body (Decree 30: Số, ký hiệu). */
  number: (value: string) => `Số: ${value}`,
  /** Số ký hiệu báo cáo left empty: room for the number and the body's abbreviation, written by hand. */
  numberBlank: 'Số:       /BC-……',
  recipientsTitle: 'Nơi nhận:',
  /** One recipient line, as Decree 30 lists them: each starts with a dash; the office types the rest. */
  recipient: (line: string) => `- ${line}`,
  title: 'BÁO CÁO',
  subtitle: 'Kết quả thực hiện chỉ tiêu tỷ lệ hồ sơ giải quyết trực tuyến',
  unitOfMeasure: 'Đơn vị tính: hồ sơ; tỷ lệ: %',
  /** The total row of a section (its name is the section row just above). */
  total: 'Cộng',
  unitsMet: (met: number, units: number) => `${met}/${units} đơn vị đạt`,
  summary: (met: number, units: number, groups: string) =>
    `Tổng hợp: ${met}/${units} đơn vị đạt chỉ tiêu${groups ? ` (${groups})` : ''}.`,
  summaryGroup: (group: string, met: number, units: number) => `${group}: ${met}/${units}`,
  summaryNoData: (count: number) =>
    `${count} đơn vị chưa được xếp hạng (không phát sinh hồ sơ, chưa có số liệu hoặc số liệu lỗi).`,
  placeDate: (place: string, day: number, month: number, year: number) =>
    `${place}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`,
  preparer: 'NGƯỜI LẬP BIỂU',
  head: 'THỦ TRƯỞNG ĐƠN VỊ',
  sign: '(Ký, ghi rõ họ tên)',
  signSeal: '(Ký, ghi rõ họ tên, đóng dấu)',
} as const;

/** The Diễn biến theo tháng tab: each unit's ratio month by month. */
export const MONTHLY_TEXT = {
  title: (year: number) => `DIỄN BIẾN TỶ LỆ HỒ SƠ GIẢI QUYẾT TRỰC TUYẾN THEO THÁNG NĂM ${year}`,
  /** A month column's header: Tháng 3/2026, a month the product's own reader recognises. */
  month: (month: number, year: number) => `Tháng ${month}/${year}`,
  legend:
    'Màu theo tỷ lệ của tháng so với chỉ tiêu của đơn vị: xanh là đạt, cam là chưa đạt; ô trống là tháng chưa có số liệu hoặc không phát sinh hồ sơ.',
} as const;

/**
 * The sync's translation of system and library errors (sync/errors.ts): what happened and what to do, the
 * system's own words kept in brackets by the caller. Also the run control of the sync (--daily preflight,
 * the lock, tab names, the write marker shared with the add-in).
 */
export const SYSTEM_TEXT = {
  ENOENT: 'không có tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn',
  EACCES:
    'tài khoản chạy đồng bộ không có quyền truy cập; hãy cấp quyền đọc, ghi cho tài khoản đó hoặc chọn thư mục khác',
  EPERM:
    'hệ điều hành không cho phép thao tác này (tệp đang mở trong Excel, hoặc thiếu quyền); hãy đóng tệp hoặc cấp quyền rồi chạy lại',
  EROFS: 'ổ đĩa hoặc thư mục này chỉ cho phép đọc; hãy chọn một thư mục ghi được',
  ENOSPC: 'ổ đĩa đã hết chỗ trống; hãy giải phóng dung lượng rồi chạy lại',
  EDQUOT: 'tài khoản đã dùng hết hạn mức dung lượng; hãy giải phóng dung lượng rồi chạy lại',
  EISDIR: 'đường dẫn này là một thư mục, không phải tệp; hãy đưa đường dẫn của tệp',
  ENOTDIR: 'một phần của đường dẫn là tệp chứ không phải thư mục; hãy kiểm tra lại đường dẫn',
  EBUSY: 'tệp đang được chương trình khác sử dụng; hãy đóng chương trình đó (ví dụ Excel) rồi chạy lại',
  EMFILE: 'máy đang mở quá nhiều tệp cùng lúc; hãy chạy lại sau',
  ENFILE: 'máy đang mở quá nhiều tệp cùng lúc; hãy chạy lại sau',
  EIO: 'ổ đĩa báo lỗi đọc ghi; hãy kiểm tra ổ đĩa (hoặc ổ mạng) rồi chạy lại',
  ENAMETOOLONG: 'đường dẫn quá dài; hãy chọn tên hoặc thư mục ngắn hơn',
  ELOOP: 'đường dẫn có liên kết tượng trưng vòng quanh; hãy kiểm tra lại đường dẫn',
  EXDEV: 'không chuyển được tệp giữa hai ổ đĩa; hãy đặt bảng tính trên một ổ đĩa cục bộ',
  ETIMEDOUT: 'ổ mạng không trả lời; hãy kiểm tra kết nối rồi chạy lại',
  other: 'hệ thống báo lỗi khi đọc hoặc ghi tệp; hãy kiểm tra đường dẫn, quyền và dung lượng ổ đĩa',
  notXlsx:
    'tệp không phải là bảng tính Excel .xlsx hợp lệ (bị hỏng, rỗng, hoặc là tệp khác được đổi tên thành .xlsx); hãy mở tệp gốc bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx)',
  withReason: (sentence: string, reason: string) => `${sentence} (${reason})`,
  systemFailed: (sentence: string) => `Lỗi hệ thống: ${sentence}.`,
  keyFileUnreadable: (path: string, reason: string) =>
    `Không đọc được tệp khóa tài khoản dịch vụ "${path}" (biến GOOGLE_APPLICATION_CREDENTIALS): ${reason}.`,
  keyFileNotKey: (path: string, what: string) =>
    `Tệp "${path}" (biến GOOGLE_APPLICATION_CREDENTIALS) không phải là tệp khóa tài khoản dịch vụ Google (${what}). Hãy tạo khóa JSON mới cho tài khoản dịch vụ trong Google Cloud console (IAM → Tài khoản dịch vụ → Khóa) và đặt đường dẫn của nó vào biến này.`,
  keyNotJson: 'nội dung không phải JSON',
  keyWrongType: (type: string) => `loại "${type}", cần "service_account"`,
  keyMissingFields: (fields: string) => `thiếu ${fields}`,
  keyBadPrivateKey: 'trường private_key không phải là khóa riêng PEM',
  // --daily and --check preflight: the line lists what was proved
  preflightPassed: (proved: readonly string[]) => `Đã kiểm tra: ${proved.join('; ')}.`,
  preflightXlsx: (path: string) => `mở và ghi được tệp ${path}`,
  preflightXlsxNew: (path: string) =>
    `thư mục ghi được; tệp ${path} chưa có, sẽ được tạo ở lần đồng bộ đầu tiên`,
  preflightGoogle: (sheet: string, title: string) =>
    `đăng nhập Google được, đọc được và ghi được bảng tính "${title}" (${sheet}; đã ghi thử rồi xóa một dấu kiểm tra)`,
  preflightPortal: (url: string, profile: string, month: string, rows: number) =>
    `Cổng DVC ${url} (dạng ${profile}) trả lời tháng ${month}: ${rows} dòng`,
  preflightFailed: (message: string, waiting: boolean) =>
    `${waiting ? 'Kiểm tra trước khi chờ giờ đồng bộ không đạt' : 'Kiểm tra không đạt'}: ${message}`,
  folderNotWritable: (folder: string, reason: string) =>
    `Không ghi được vào thư mục "${folder}" của bảng tính (${reason}).`,
  fileNotWritable: (path: string, reason: string) => `Không ghi được tệp Excel "${path}" (${reason}).`,
  // The lock
  lockLost: (path: string) =>
    `Lần đồng bộ này đã mất khóa ${path} (tiến trình bị treo hoặc tạm dừng quá lâu, một lần đồng bộ khác đã lấy khóa). Lần này dừng lại, không ghi gì; lần đồng bộ kia vẫn chạy bình thường.`,
  // Tab names
  tabAt: (position: number, name: string) => `tab thứ ${position} "${name}"`,
  tabsClash: (tab: string, tabs: string) =>
    `Bảng tính có nhiều tab cùng tên "${tab}" (khi bỏ qua chữ hoa, chữ thường, khoảng trắng, cách gõ dấu): ${tabs}. Chưa ghi gì. Hãy đổi tên hoặc xóa các tab thừa để chỉ còn một tab tên đúng "${tab}".`,
  tabMisnamed: (tab: string, found: string) =>
    `Không có tab tên đúng "${tab}" mà có ${found} gần giống. Chưa ghi gì. Hãy đổi tên tab đó thành đúng "${tab}" (chữ hoa, chữ thường, khoảng trắng như vậy).`,
  outputTabForeign: (tab: string, found: string) =>
    `Không ghi được tab kết quả "${tab}": ${found} trùng tên với nó (khi bỏ qua chữ hoa, chữ thường, khoảng trắng, cách gõ dấu) nhưng không phải do Dịch vụ công tạo ra, nên không bị ghi đè. Chưa ghi gì. Hãy đổi tên tab đó (ví dụ "${tab} của đơn vị") rồi chạy lại.`,
  // The write marker shared with the add-in (src/core/write-marker.ts)
  addinWriting: (until: string) =>
    `Tiện ích Dịch vụ công trong Google Sheet đang tính lại và ghi các tab kết quả (đến muộn nhất ${until}). Lần đồng bộ này dừng lại, không ghi gì; hãy chạy lại sau vài phút.`,
} as const;
