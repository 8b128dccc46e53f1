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
  floorTooLow: (value: string) => `Chỉ tiêu tối thiểu ${value} thấp hơn 20% theo quy định. Hãy kiểm tra lại.`,
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
  noMonths: 'không tháng nào',
  summaryUnits: (units: number, ranked: number) => `Đồng bộ xong: ${units} đơn vị (${ranked} được xếp hạng)`,
  summaryMonths: (count: number, range: string) => `${count} tháng lấy từ Cổng DVC (${range})`,
  summaryNoPortal: 'không lấy số liệu Cổng DVC (tính lại từ bảng tính, giữ nguyên tab Dữ liệu Cổng DVC)',
  summaryFiles: (count: number) => `${count} tệp xuất từ Cổng DVC`,
  summaryPortalRows: (rows: number, unmapped: number) =>
    `${rows} dòng Dữ liệu Cổng DVC${unmapped > 0 ? ` (${unmapped} mã cơ quan chưa gán cho đơn vị nào)` : ''}`,
  summaryRebuilt: 'tab Dữ liệu Cổng DVC được làm mới hoàn toàn từ lần chạy này (--lam-moi-du-lieu-cong)',
  rebuiltLog: 'Làm mới tab Dữ liệu Cổng DVC từ lần chạy này (--lam-moi-du-lieu-cong).',
  rebuildWithoutSource:
    '--lam-moi-du-lieu-cong cần --portal hoặc --portal-file: không có nguồn số liệu thì không làm mới được tab Dữ liệu Cổng DVC (số liệu cũ được giữ nguyên).',
  summaryProblems: (errors: number, warnings: number) => `Kiểm tra: ${errors} lỗi, ${warnings} cảnh báo`,
  summaryThrough: (month: string | null) =>
    month ? `kỳ báo cáo đến ${month}` : 'chưa có kỳ báo cáo nào có số liệu',
  /** Contract §8.4: the catalogue Lỗi of Kiểm tra, repeated in the summary. */
  summaryCatalogue: (message: string) => `LỖI DANH MỤC: ${message}`,
  summaryDuration: (ms: number) => `thời gian ${(ms / 1000).toFixed(1).replace('.', ',')} giây`,
  summaryWritten: (where: string) => `Đã ghi vào ${where}.`,
  summaryDryRun: (where: string) => `Chạy thử (--dry-run): không ghi gì vào ${where}.`,
  googleRequests: (count: number) => `Google Sheets: ${count} yêu cầu.`,
  // Workbooks
  xlsxReadFailed: (path: string, reason: string) => `Không mở được tệp Excel "${path}": ${reason}.`,
  xlsxWriteFailed: (path: string, reason: string) => `Không ghi được tệp Excel "${path}": ${reason}.`,
  xlsxNoFolder: (folder: string) => `Thư mục "${folder}" không tồn tại.`,
  xlsxMissing: (path: string) =>
    `Không có tệp "${path}". Hãy kiểm tra lại đường dẫn và tên tệp. Nếu muốn tạo bảng tính mới ở đó, chạy lại với thêm --tao-moi.`,
  createNotXlsx: '--tao-moi chỉ dùng với tệp .xlsx trên máy; Google Sheet mới thì tạo trên Google Drive.',
  badSheetUrl: (url: string) =>
    `Địa chỉ "${url}" không phải là đường dẫn Google Sheets (…/spreadsheets/d/<mã>/…).`,
  badWorkbookArgument: (value: string) =>
    `--workbook "${value}" phải là tệp .xlsx, hoặc đường dẫn hay mã của một Google Sheet.`,
  googleNoCredentials:
    'Chưa có thông tin đăng nhập Google: hãy đặt GOOGLE_OAUTH_ACCESS_TOKEN hoặc GOOGLE_APPLICATION_CREDENTIALS (tệp khóa tài khoản dịch vụ).',
  googleAuth: (detail: string) =>
    `Google từ chối thông tin đăng nhập (token hết hạn hoặc tệp khóa sai): ${detail}`,
  googleDenied: (sheet: string) =>
    `Tài khoản đang dùng không có quyền sửa bảng tính ${sheet}. Hãy chia sẻ bảng tính (quyền Người chỉnh sửa) cho tài khoản này và thêm nó vào "Quản trị viên".`,
  googleNotFound: (sheet: string) =>
    `Không tìm thấy bảng tính ${sheet}. Hãy kiểm tra lại đường dẫn hoặc mã bảng tính.`,
  googleQuota:
    'Google Sheets báo vượt hạn mức truy cập (HTTP 429) sau nhiều lần thử lại. Hãy chạy lại sau ít phút.',
  googleUnavailable: (what: string) =>
    `Google Sheets tạm thời không phục vụ được (${what}) sau nhiều lần thử lại.`,
  googleInvalid: (detail: string) => `Google Sheets từ chối yêu cầu ghi (HTTP 400): ${detail}`,
  googleOther: (status: number, detail: string) => `Google Sheets trả lỗi HTTP ${status}: ${detail}`,
  // Runs
  throughOutsideYear: (month: string, year: number) =>
    `--through ${month} không thuộc năm đang theo dõi (${year}) trong tab Cấu hình.`,
  unexpected: (message: string) => `Lỗi không mong đợi: ${message}`,
  unfinished:
    'Lần đồng bộ dừng giữa chừng mà không có kết quả (lỗi của chương trình, hãy báo cho bộ phận kỹ thuật).',
  logFailed: (error: string, logError: string) => `${error} (Không ghi được Nhật ký đồng bộ: ${logError})`,
  locked: (path: string) =>
    `Một lần đồng bộ khác của bảng tính này đang chạy (khóa ${path}). Lần này dừng lại, không ghi gì.`,
  lockFailed: (path: string, reason: string) => `Không tạo được khóa ${path}: ${reason}.`,
  badDaily: (value: string) => `--daily "${value}" không hợp lệ: hãy nhập giờ dạng HH:MM, ví dụ 02:30.`,
  nextRun: (when: string) => `Lần đồng bộ tiếp theo: ${when} (giờ Việt Nam).`,
  nightFailedPrefix: 'Lần đồng bộ này thất bại',
  nightFailed: (message: string) => `Lần đồng bộ này thất bại, sẽ chạy lại vào giờ hẹn hôm sau: ${message}`,
  stopped: 'Đã dừng đồng bộ hằng ngày.',
  // Command line
  errorPrefix: 'Lỗi đồng bộ',
  badArguments: (detail: string) => `Tham số dòng lệnh không hợp lệ: ${detail}. Xem --help.`,
  missingWorkbook: 'Thiếu --workbook <tệp.xlsx | đường dẫn hoặc mã Google Sheet>. Xem --help.',
  badPortalUrl: (value: string) => `--portal "${value}" phải là địa chỉ http:// hoặc https://.`,
  badThroughOption: (value: string) =>
    `--through "${value}" không hợp lệ: hãy nhập tháng dạng YYYY-MM, ví dụ 2020-10.`,
  badNumberOption: (name: string, value: string, min: number, max: number) =>
    `${name} "${value}" không hợp lệ: hãy nhập số nguyên từ ${min} đến ${max}.`,
  // npm run demo
  demoHelp: (names: readonly string[]) =>
    `Chạy thử đồng bộ trên một tỉnh mẫu (số liệu giả định), không cần mạng: npm run demo -- [--province ${names.join('|')}] [--out <thư mục>]`,
  demoUnknown: (name: string, names: readonly string[]) =>
    `Không có tỉnh mẫu "${name}". Hãy chọn: ${names.join(', ')}.`,
  demoStart: (title: string) => `Tỉnh mẫu: ${title}.`,
  demoWritten: (path: string) => `Bảng tính kết quả: ${path}`,
  demoTarget: 'chỉ tiêu',
  demoRankingTitle: 'Đầu bảng xếp hạng:',
  /** After the demo's summary: its Kiểm tra findings are planted in the example, and where they are explained. */
  demoPlanted: (errors: number, warnings: number, readme: string, tab: string) =>
    `Lưu ý: ${errors} lỗi và ${warnings} cảnh báo ở trên là cố ý. Số liệu mẫu được cài sẵn sai sót (số trực tuyến lớn hơn tổng số, tháng nhập hai lần, mã gõ sai…) và đơn vị chưa nhập đủ các tháng, để thấy tab ${tab} hoạt động ra sao. Giải thích từng trường hợp: ${readme}; danh sách đầy đủ: tab ${tab} của bảng tính.`,
  help: `Đồng bộ số liệu Cổng DVC vào bảng tính (tỷ lệ hồ sơ giải quyết trực tuyến).

Cách dùng:
  npm run sync -- --workbook <tệp.xlsx | đường dẫn hoặc mã Google Sheet>
                  [--portal <URL gốc>] [--portal-file <tệp.csv|tệp.xlsx>]...
                  [--profile dossiers|aggregated|mot-cua|dvcqg|<tệp.json>] [--through YYYY-MM]
                  [--lam-moi-du-lieu-cong] [--dry-run] [--daily HH:MM] [--check] [--tao-moi]
  npm run sync -- --import <tệp.xlsx> --workbook <Google Sheet> [--ghi-de]

Tùy chọn:
  --workbook      Tệp .xlsx trên máy hoặc Google Sheet. Tệp .xlsx chưa có thì dừng (mã thoát 4),
                  trừ khi có --tao-moi.
  --tao-moi       Tạo tệp .xlsx mới với đủ các tab nếu tệp --workbook chưa có.
  --portal        Địa chỉ gốc của Cổng DVC; hỏi {portal}/statistics/dossiers từng tháng.
  --portal-file   Tệp xuất từ Cổng DVC (cột Kỳ, Mã đơn vị, Mã TTHC, Tổng số hồ sơ đã giải quyết,
                  Số hồ sơ giải quyết trực tuyến); dùng được nhiều lần.
  --profile       Dạng dữ liệu của Cổng: dossiers (mặc định, theo từng TTHC), aggregated (theo
                  đơn vị: govAgencyCode, releaseCount, dossierOnline3Count + dossierOnline4Count),
                  mot-cua (hệ thống một cửa TD.DichVuCongApi), dvcqg (Cổng DVC quốc gia, cần tham số
                  "Mã tỉnh trên Cổng DVC quốc gia" trong Cấu hình), hoặc một tệp .json mô tả dạng khác
                  (xem docs/portal-profiles.md).
  --through       Tháng cuối cùng được tính (mặc định: tháng hiện tại; tháng 12 nếu năm đã qua).
  --lam-moi-du-lieu-cong
                  Xóa hết dòng cũ của tab Dữ liệu Cổng DVC, chỉ giữ số liệu của lần chạy này
                  (mặc định: chỉ thay các tháng, đơn vị lấy được đầy đủ; dòng khác giữ nguyên).
  --dry-run       Tính và in tóm tắt, không ghi gì vào bảng tính (kể cả Nhật ký đồng bộ).
  --daily         Chạy liên tục, đồng bộ mỗi ngày lúc HH:MM giờ Việt Nam (Asia/Ho_Chi_Minh).
  --check         Chỉ kiểm tra rồi thoát (0 khi đạt): đọc và ghi được bảng tính (Google Sheet: ghi thử
                  rồi xóa một dấu kiểm tra), Cổng DVC trả lời (một yêu cầu, tháng 1 của Năm).
                  Nên chạy trước đêm đồng bộ đầu tiên; --daily cũng kiểm tra như vậy trước khi chờ.
  --import        Tệp .xlsx văn phòng đã dùng trước đây: chép các tab Cấu hình, Đơn vị, Nhập liệu,
                  Danh mục DVC, Dữ liệu Cổng DVC và Nhập liệu <năm> vào Google Sheet của --workbook
                  trong một lần ghi (hoặc không chép gì), rồi tính lại các tab kết quả.
  --ghi-de        Cùng --import: cho phép thay các tab của Google Sheet đã có dữ liệu.
  --timeout       Số giây chờ mỗi yêu cầu (mặc định 20).
  --retries       Số lần thử lại mỗi yêu cầu khi lỗi tạm thời (mặc định 4).
  --concurrency   Số yêu cầu gửi cùng lúc tới Cổng DVC (mặc định 4).
  -h, --help      Hướng dẫn này.

Biến môi trường:
  PORTAL_TOKEN                    Mã truy cập Cổng DVC (gửi dạng Authorization: Bearer).
  GOOGLE_OAUTH_ACCESS_TOKEN       Access token OAuth cho Google Sheets (ưu tiên dùng trước).
  GOOGLE_APPLICATION_CREDENTIALS  Tệp khóa JSON của tài khoản dịch vụ Google.
  SHEETS_API_ROOT                 Địa chỉ gốc của Sheets API (proxy, kiểm thử).

Mã thoát: 0 thành công; 2 sai tham số; 3 lỗi Cổng DVC hoặc tệp xuất; 4 lỗi bảng tính/Google;
5 đang có lần đồng bộ khác hoặc tiện ích đang ghi vào Google Sheet; 1 lỗi khác. Khi lỗi: không tab kết quả nào bị thay đổi, một dòng
được ghi vào Nhật ký đồng bộ, và một dòng lỗi được in ra stderr.`,
  // The Tổng hợp chart of .xlsx workbooks (sync/report/chart.ts) and first-run hints
  chartTitle: (classification: ClassificationKey) =>
    `Tỷ lệ hồ sơ giải quyết ${VOCABULARY[classification].onlineWords} so với chỉ tiêu, theo nhóm xếp hạng`,
  chartDistrictHeading: 'Xã, phường, thị trấn của từng huyện, thành phố',
  chartNoDossiers: 'không phát sinh hồ sơ',
  chartFigures: (target: string, met: number, units: number) =>
    ` · chỉ tiêu ${target} · ${met}/${units} đơn vị đạt`,
  chartLegendMet: 'Tỷ lệ: đạt chỉ tiêu',
  chartLegendNotMet: 'Tỷ lệ: chưa đạt',
  chartLegendTarget: 'Chỉ tiêu của nhóm (bình quân theo số hồ sơ)',
  chartWritten: (path: string) => `Biểu đồ tỷ lệ so với chỉ tiêu: ${path} (cũng được chèn vào tab Tổng hợp).`,
  usageExample:
    'Ví dụ: npm run sync -- --workbook tinh.xlsx --tao-moi (tạo bảng tính mới với đủ các tab; các lần sau bỏ --tao-moi); chạy thử không cần mạng: npm run demo; mọi tùy chọn: npm run sync -- --help.',
  unknownOption: (name: string) => `không có tùy chọn ${name}`,
  strayArgument: (value: string) =>
    `"${value}" thiếu tên tùy chọn đứng trước (ví dụ --workbook ${value}); khi chạy qua npm, nhớ đặt -- trước các tùy chọn: npm run sync -- --workbook ${value}`,
  missingValue: (name: string) => `tùy chọn ${name} cần một giá trị đi kèm`,
  // Large Google Sheets writes and the .xlsx chart (sync/workbook/, sync/cli.ts)
  stagedFinalTooLarge: (size: string, limit: string) =>
    `Chưa ghi gì: lần ghi cuối (thay mọi tab kết quả cùng lúc) cần ${size} MB, vượt giới hạn ${limit} MB của một yêu cầu Google Sheets.`,
  chartNotDrawn: (path: string, reason: string) =>
    `Không tạo được tệp ảnh biểu đồ ${path}: ${reason}. Sổ tính vẫn được ghi đầy đủ, biểu đồ vẫn có trong tab Tổng hợp.`,
  // The local .xlsx: file identity, user parts, a new workbook, printing (sync/workbook/xlsx.ts)
  xlsxReadOnly: (path: string) =>
    `Chưa ghi gì: tệp Excel "${path}" đang ở chế độ chỉ đọc. Hãy bỏ chế độ chỉ đọc (hoặc chỉ định tệp khác) rồi chạy lại.`,
  xlsxFolderReadOnly: (folder: string) =>
    `Chưa ghi gì: không được phép ghi vào thư mục "${folder}" (cần quyền ghi để lưu tệp Excel an toàn). Hãy cấp quyền ghi hoặc chọn thư mục khác.`,
  xlsxCannotKeep: (path: string, detail: string) =>
    `Chưa ghi gì: tệp Excel "${path}" có cấu trúc mà chương trình không ghi lại được mà vẫn giữ nguyên các phần khác (${detail}). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi chạy lại.`,
  /** Contract 10.3: Excel's `~$` or LibreOffice's `.~lock.…#` file beside the workbook. `who` from xlsxSomeone when unknown. */
  xlsxOpenBy: (path: string, who: string, app: string, lock: string) =>
    `Chưa ghi gì: tệp Excel "${path}" đang được ${who} mở bằng ${app}; hãy đóng tệp rồi chạy lại (nếu chắc không còn ai mở tệp, hãy xóa tệp khóa "${lock}").`,
  xlsxSomeone: 'một người khác',
  /** Contract 10.3: the file changed between the run's read and its rename. */
  xlsxChangedMeanwhile: (path: string) =>
    `Chưa ghi gì: tệp Excel "${path}" vừa được lưu lại trong lúc đồng bộ đang chạy, nên bản vừa lưu được giữ nguyên; hãy chạy lại đồng bộ để tính trên bản mới.`,
  xlsxCreated: (path: string) =>
    `Đã tạo bảng tính mới ${path} (trước đó chưa có tệp này) với đủ các tab; hãy điền các tab Cấu hình, Đơn vị, Danh mục DVC rồi chạy lại.`,
  chartEmpty:
    'Chưa vẽ biểu đồ: chưa nhóm xếp hạng nào có đơn vị (tab Đơn vị còn trống). Biểu đồ sẽ có sau lần đồng bộ đầu tiên có đơn vị.',
  /**
   * The footer of every printed page of the .xlsx (Excel codes: &A the tab, &P its page). No "/&N": when a
   * whole workbook is printed LibreOffice counts &N over every tab (Trang 1/76 on a 3-page tab), while &P
   * restarts at each tab (firstPageNumber), so the tab's name tells which tab's page 1 it is.
   */
  printFooter: '&L&A&CTrang &P',
} as const;

/** Texts of the Apps Script add-in (src/addin): menu, alerts, toasts, help, protections, validation, chart. */
export const ADDIN_TEXT = {
  menu: 'Dịch vụ công',
  menuRecompute: 'Tính lại tỷ lệ và xếp hạng',
  menuCheck: 'Kiểm tra số liệu',
  menuSetUp: 'Thiết lập bảng tính',
  menuHelp: 'Hướng dẫn',
  title: 'Dịch vụ công trực tuyến',
  noEmail:
    'Không xác định được tài khoản Google của bạn (thường gặp khi dùng tài khoản cá nhân ngoài tên miền của cơ quan). Vì vậy bạn chưa được tính lại hay thiết lập bảng tính. Hãy đăng nhập bằng tài khoản công vụ, hoặc nhờ chủ sở hữu bảng tính thực hiện. Bảng tính không thay đổi.',
  notAllowed: (email: string) =>
    `Tài khoản ${email} không có quyền thực hiện thao tác này. Chỉ chủ sở hữu bảng tính và những người có tên ở dòng "Quản trị viên" của tab Cấu hình mới được tính lại và thiết lập bảng tính. Bảng tính không thay đổi.`,
  noProtectionRights:
    'tài khoản của bạn chưa được quyền sửa các tab được bảo vệ. Quản trị viên mới thêm vào tab Cấu hình chỉ có quyền sau khi chủ sở hữu bảng tính chạy lại "Thiết lập bảng tính"',
  busy: 'Một lần tính lại hoặc thiết lập khác đang chạy trên bảng tính này. Hãy đợi khoảng một phút rồi thử lại.',
  failed: (detail: string) =>
    `Không thực hiện được: ${detail}. Các tab chưa được ghi vẫn giữ nguyên như trước. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.`,
  recomputed: (units: number, errors: number, warnings: number) =>
    `Đã tính ${units} đơn vị. Phát hiện ${errors} lỗi và ${warnings} cảnh báo (xem tab Kiểm tra).`,
  checked: (errors: number, warnings: number) =>
    `Đã kiểm tra số liệu: ${errors} lỗi và ${warnings} cảnh báo (xem tab Kiểm tra).`,
  ownProblemsNone: 'Số liệu của đơn vị bạn phụ trách chưa có lỗi hay cảnh báo nào.',
  ownProblems: (count: number, lines: string) =>
    `Số liệu của đơn vị bạn phụ trách có ${count} vấn đề cần xem lại:\n\n${lines}`,
  ownProblemsMore: (more: number) => `… và ${more} vấn đề khác.`,
  ownProblemLine: (tab: string, cell: string, month: string, message: string) =>
    `• Tab ${tab}${cell ? `, ô ${cell}` : ''}${month ? ` (kỳ ${month})` : ''}: ${message}`,
  setUpDone: (created: number, rows: number, kept: number, protections: number) =>
    `Đã thiết lập bảng tính: tạo ${created} tab, ${rows} dòng nhập liệu (mỗi đơn vị 12 tháng), giữ ${kept} dòng chưa xếp được (không rõ đơn vị, kỳ sai hoặc trùng tháng) ở cuối tab Nhập liệu, ${protections} vùng bảo vệ.`,
  setUpArchived: (rows: number, tabs: readonly string[], year: number) =>
    ` Đã chuyển ${rows} dòng số liệu không thuộc năm ${year} sang tab ${tabs.join(', ')} (không mất số liệu nào; các tab này không được tính).`,
  setUpRestored: (rows: number, tab: string) => ` Đã đưa ${rows} dòng từ tab ${tab} trở lại tab Nhập liệu.`,
  entriesIntro: (classification: ClassificationKey) =>
    `HƯỚNG DẪN: mỗi đơn vị có sẵn 12 dòng, mỗi tháng một dòng. Chỉ nhập ở các dòng của đơn vị mình: Tổng số hồ sơ đã giải quyết và ${VOCABULARY[classification].online} của tháng (số nguyên, ví dụ 1234; không có hồ sơ thì nhập 0; tháng chưa có số liệu thì để trống cả hai ô), Ghi chú nếu cần. Kết quả ở tab Tỷ lệ; lỗi cần sửa ở tab Kiểm tra. Xem thêm: menu Dịch vụ công > Hướng dẫn.`,
  setUpUnchanged: 'Bảng tính đã được thiết lập đầy đủ; không có gì thay đổi.',
  chartTitle: (year: number, classification: ClassificationKey = 'levels') =>
    `Tỷ lệ hồ sơ ${VOCABULARY[classification].onlineWords} so với chỉ tiêu, theo nhóm xếp hạng, năm ${year}`,
  /** Marks the protections the add-in owns, so a second set-up recognises them. */
  protectionPrefix: '[DVC] ',
  protectTab: (tab: string) => `[DVC] Tab ${tab}: chỉ chủ sở hữu và Quản trị viên được sửa`,
  protectEntries: (tab: string) =>
    `[DVC] Tab ${tab}: mỗi đơn vị chỉ sửa được số liệu và ghi chú của mình; phần còn lại chỉ chủ sở hữu và Quản trị viên`,
  protectUnitRows: (code: string, name: string) => `[DVC] Số liệu của ${name} (${code})`,
  protectCommuneTargets: (code: string, name: string) =>
    `[DVC] Chỉ tiêu các xã, phường, thị trấn thuộc ${name} (${code})`,
  helpGroup:
    'Chọn một trong ba nhóm: Sở, ban, ngành; Huyện, thành phố; Xã, phường, thị trấn (tỉnh không còn cấp huyện: Xã, phường, đặc khu); có thể viết tắt SBN, HUYEN, XA.',
  helpTarget: 'Nhập tỷ lệ phần trăm, ví dụ 30% hoặc 30,5%. Để trống: dùng chỉ tiêu tối thiểu.',
  helpCount: 'Nhập số nguyên không âm, ví dụ 1234 (nhập 0 nếu không có hồ sơ).',
  helpMonth: 'Nhập tháng dạng 10/2020, T10/2020, Tháng 10/2020 hoặc 2020-10.',
  helpPriority: 'Chọn Cổng DVC hoặc Đơn vị nhập.',
  helpClassification:
    'Chọn Mức độ 3, 4 hoặc Toàn trình, một phần (Nghị định 42/2022/NĐ-CP); để trống: theo năm (đến 2022 Mức độ 3, 4).',
  helpLevel: 'Chọn một trong: 3; 4; Toàn trình; Một phần.',
  cellInRange: (row: number, column: number, message: string) =>
    `Dòng ${row}, cột ${column} của vùng: ${message}`,
  helpTitle: 'Hướng dẫn sử dụng',
  helpHtml: (
    classification: ClassificationKey,
    year: number,
  ) => `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">
<p><b>Menu Dịch vụ công</b></p>
<ul>
<li><b>Thiết lập bảng tính</b>: tạo các tab còn thiếu, mỗi đơn vị 12 dòng trong tab Nhập liệu và phân quyền: mỗi đơn vị chỉ sửa được số liệu của mình. Chạy lại bất cứ lúc nào, số liệu đã nhập không mất.</li>
<li><b>Tính lại tỷ lệ và xếp hạng</b>: cập nhật các tab Tỷ lệ, Xếp hạng, Kiểm tra, Đối chiếu, Tổng hợp, Báo cáo, Diễn biến theo tháng (chủ sở hữu và Quản trị viên).</li>
<li><b>Kiểm tra số liệu</b>: chỉ cập nhật tab Kiểm tra; cán bộ đơn vị nhận danh sách vấn đề của đơn vị mình.</li>
<li><b>Nhắc đơn vị chưa nhập số liệu</b>: gửi email tới các đơn vị chưa có số liệu của tháng mà đơn vị khác đã có, sau khi hỏi lại; ghi vào tab Nhật ký nhắc nhở (chủ sở hữu và Quản trị viên). <b>Bật/tắt nhắc nhở tự động hằng tháng</b>: gửi như vậy vào ngày sau Hạn nhập liệu.</li>
</ul>
<p><b>Nhập số liệu</b> (tab Nhập liệu): mỗi tháng nhập <i>Tổng số hồ sơ đã giải quyết</i> và <i>${VOCABULARY[classification].online}</i>. Tháng chưa có số liệu thì để trống cả hai ô; không có hồ sơ thì nhập 0.</p>
<ul>
<li>Kỳ (tháng): <code>10/2020</code>, <code>T10/2020</code>, <code>Tháng 10/2020</code>, <code>Tháng 10 năm 2020</code>, <code>2020-10</code> hoặc một ô ngày bất kỳ trong tháng.</li>
<li>Số hồ sơ: số nguyên không âm, ví dụ <code>1234</code>, <code>1.234</code>, <code>1,234</code> hoặc <code>1 234</code>.</li>
<li>Chỉ tiêu, tỷ lệ: <code>30%</code>, <code>30,5%</code>, <code>0,3</code> hoặc <code>30</code>.</li>
</ul>
<p><b>Hàm tính nhanh</b> (dùng được với một ô hoặc cả vùng):</p>
<ul>
<li><code>=DVC_TYLE(C2; B2)</code>: tỷ lệ trực tuyến.</li>
<li><code>=DVC_DANHGIA(C2; B2; D2)</code>: Đạt / Chưa đạt / Không phát sinh hồ sơ (tổng số hồ sơ bằng 0) / Chưa có số liệu (cả hai ô để trống).</li>
<li><code>=DVC_CANTHEM(C2; B2; D2)</code>: số hồ sơ trực tuyến cần thêm để đạt chỉ tiêu.</li>
<li><code>=DVC_XEPHANG(E2; E$2:E$30)</code>: thứ hạng, cao nhất là 1, bằng nhau cùng hạng.</li>
</ul>
<p><b>Ví dụ</b>: tháng 10/${year} Sở Nội vụ giải quyết 1.234 hồ sơ, trong đó 400 hồ sơ ${VOCABULARY[classification].onlineWords}. Cán bộ của Sở tìm dòng <code>10/${year}</code> | <code>SNV</code> và nhập <code>1234</code> vào cột <i>Tổng số hồ sơ đã giải quyết</i>, <code>400</code> vào cột <i>${VOCABULARY[classification].online}</i>. Tháng không có hồ sơ: nhập <code>0</code> và <code>0</code>.</p>
<p><b>Màu ở cột Đánh giá</b>: xanh là Đạt, cam là Chưa đạt, đỏ là Số liệu lỗi, xám là Chưa có số liệu (chưa có tháng nào có số liệu được tính; các cột số hồ sơ để trống). Không phát sinh hồ sơ (số liệu đã nhập cộng lại bằng 0) không tô màu. Tab <b>Kiểm tra</b> ghi từng lỗi (đỏ) và cảnh báo (vàng) kèm ô cần sửa, ví dụ <i>Nhập liệu D7</i>; sửa ô đó rồi chọn <b>Kiểm tra số liệu</b> lại. <b>Hồ sơ cần thêm</b> là số hồ sơ trực tuyến tối thiểu còn thiếu để đạt chỉ tiêu.</p>
<p>Tỷ lệ = tổng hồ sơ trực tuyến / tổng hồ sơ đã giải quyết từ đầu năm (không lấy bình quân các tháng).</p>
</div>`,
} as const;

/** Texts of the sync's reliability guards (sync/): Google key file checks and spreadsheet size limits. */
export const RELIABILITY_TEXT = {
  cellLimit: (cells: string, limit: string) =>
    `Chưa ghi gì: sau lần ghi này bảng tính sẽ có ${cells} ô, vượt giới hạn ${limit} ô của Google Sheets (tính cả dòng, cột trống của mọi tab). Hãy xóa bớt tab hoặc dòng, cột thừa rồi chạy lại.`,
  payloadLimit: (megabytes: string, limit: string) =>
    `Chưa ghi gì: dữ liệu cần ghi (${megabytes} MB) vượt giới hạn ${limit} MB của một lần ghi vào Google Sheets. Hãy giảm số đơn vị hoặc số tháng, hoặc ghi ra tệp .xlsx.`,
  /** In place of the log write's error when it is the run's own error again (said once, not twice). */
  sameError: 'cùng lỗi trên',
  portalUrlCredentials:
    'Địa chỉ --portal không được chứa tên đăng nhập hay mật khẩu (dạng https://tên:mật-khẩu@…): hãy bỏ chúng khỏi địa chỉ và đặt mã truy cập vào biến môi trường PORTAL_TOKEN.',
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

/** The sync's writes at any size (sync/workbook/): Google Sheets staging tabs and Excel's sheet limits. */
export const SHEETS_WRITE_TEXT = {
  /** Hidden tabs a large Google Sheets write fills before replacing the output tabs at once. */
  stagingTab: (tab: string) => `~dvc ${tab}`,
  rowPayloadLimit: (tab: string, row: number, limit: string) =>
    `Chưa ghi gì: dòng ${row} của tab "${tab}" quá lớn để gửi trong một lần ghi (giới hạn ${limit} MB của Google Sheets).`,
  excelTooLarge: (tab: string, rows: string, columns: string) =>
    `Chưa ghi gì: tab "${tab}" cần ${rows} dòng và ${columns} cột, vượt giới hạn 1.048.576 dòng, 16.384 cột của một trang tính Excel. Hãy giảm số đơn vị hoặc số tháng, hoặc ghi vào Google Sheet.`,
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

/** The add-in's reminders (src/addin/reminders.ts): menu, confirmation, the e-mail, the log, the monthly trigger. */
export const REMINDER_TEXT = {
  menu: 'Nhắc đơn vị chưa nhập số liệu',
  menuTrigger: 'Bật/tắt nhắc nhở tự động hằng tháng',
  title: 'Nhắc đơn vị chưa nhập số liệu',
  nobody:
    'Không có đơn vị nào cần nhắc: mọi đơn vị đã có số liệu đến kỳ báo cáo (hoặc chưa đơn vị nào có số liệu).',
  confirm: (emails: number, recipients: number, quota: number, lines: string, skipped: string) =>
    `Sẽ gửi ${emails} email (${recipients} người nhận; hạn mức gửi email còn lại hôm nay: ${quota}) tới:\n\n${lines}${skipped ? `\n\nKhông gửi được:\n${skipped}` : ''}\n\nGửi ngay?`,
  confirmNone: (skipped: string) => `Không gửi được email nào:\n${skipped}`,
  line: (name: string, code: string, months: string, to: string) =>
    `• ${name} (${code}), tháng ${months}: ${to}`,
  more: (count: number) => `… và ${count} đơn vị khác.`,
  cancelled: 'Đã hủy: chưa gửi email nào.',
  done: (sent: number, notSent: number) =>
    `Đã gửi ${sent} email nhắc nhở${notSent > 0 ? `; ${notSent} đơn vị chưa được nhắc (xem lý do ở tab Nhật ký nhắc nhở)` : ''}.`,
  subject: (name: string, months: string) => `[Dịch vụ công] ${name}: chưa có số liệu tháng ${months}`,
  body: (p: { name: string; code: string; months: string; deadline: string; url: string; office: string }) =>
    `Kính gửi ${p.name} (mã ${p.code}),\n\nĐến nay bảng tổng hợp tỷ lệ hồ sơ giải quyết trực tuyến chưa có số liệu của đơn vị tháng ${p.months}.\n\nĐề nghị đơn vị nhập Tổng số hồ sơ đã giải quyết và số hồ sơ giải quyết trực tuyến của các tháng trên (nhập 0 nếu không có hồ sơ) vào tab Nhập liệu của bảng tính:\n${p.url}\n\nHạn nhập số liệu: ngày ${p.deadline}.\n\nEmail này được gửi tự động${p.office ? ` thay mặt ${p.office}` : ''}; nếu số liệu đã được nhập, xin bỏ qua.`,
  sent: 'Đã gửi',
  notSent: 'Chưa gửi',
  noEmail: 'Đơn vị chưa có Email nhập liệu hợp lệ trong tab Đơn vị',
  quota: (needed: number, left: number) =>
    `Hết hạn mức gửi email trong ngày của tài khoản (cần ${needed} người nhận, còn ${left}); hãy gửi lại vào ngày mai`,
  failed: (detail: string) => `Gửi lỗi: ${detail}`,
  triggerOn: (day: number) =>
    `Đã bật nhắc nhở tự động: hằng tháng vào ngày ${day} (ngày sau Hạn nhập liệu), lúc khoảng 8 giờ, các đơn vị chưa có số liệu sẽ nhận email. Chọn lại mục này để tắt.`,
  triggerOff: 'Đã tắt nhắc nhở tự động hằng tháng.',
  triggerAsk: (day: number) =>
    `Bật nhắc nhở tự động? Hằng tháng vào ngày ${day} (ngày sau Hạn nhập liệu), email sẽ được gửi tới các đơn vị chưa có số liệu, từ tài khoản của bạn.`,
  triggerAskOff: 'Nhắc nhở tự động hằng tháng đang bật. Tắt?',
} as const;

/**
 * The add-in's roll-out texts: the permissions a menu item needs (in the plain words of Google's consent
 * screen), sharing the sheet with the units, and the spreadsheet's locale and time zone.
 */
export const ROLLOUT_TEXT = {
  /** What each OAuth scope lets the add-in do, as a clerk would say it. */
  scope: {
    spreadsheets: 'xem và sửa bảng tính Google này',
    ui: 'hiển thị menu, hộp thoại và thông báo trong bảng tính',
    email: 'xem địa chỉ email của bạn (để biết ai đang thao tác)',
    mail: 'gửi thư thay bạn',
    triggers: 'chạy khi bạn không có mặt (nhắc nhở tự động)',
    drive: 'xem và quản lý tệp trên Google Drive của bạn (để chia sẻ bảng tính với các đơn vị)',
  },
  scopesMissing: (action: string, missing: readonly string[]) =>
    `Để dùng "${action}", tiện ích cần quyền bạn chưa cho phép:\n\n${missing.map((words) => `• ${words}`).join('\n')}\n\nChưa có gì thay đổi. Sau khi bấm OK, Google sẽ hỏi lại: đánh dấu chọn các quyền trên, bấm Tiếp tục, rồi chọn lại mục này trong menu Dịch vụ công.`,
  /** Written to the execution log when the monthly trigger runs without a permission it needs. */
  triggerScopesMissing: (missing: readonly string[]) =>
    `Nhắc nhở tự động không chạy: tài khoản đã bật nhắc nhở chưa cho phép ${missing.join('; ')}. Hãy chọn lại "Bật/tắt nhắc nhở tự động hằng tháng" để Google hỏi lại.`,
  noEmailScope:
    'Bạn chưa cho phép tiện ích xem địa chỉ email của bạn, nên chưa biết bạn phụ trách đơn vị nào. Các vấn đề của toàn bộ bảng tính:',
  localeSet: (changes: readonly string[]) => ` Đã đặt ${changes.join(' và ')}.`,
  localeChange: (what: string, value: string, before: string) => `${what} ${value} (trước đó ${before})`,
  localeWhat: 'khu vực (định dạng số, ngày) là Việt Nam',
  timeZoneWhat: 'múi giờ là',
  localeWrong: (locale: string, timeZone: string) =>
    `Cảnh báo: bảng tính đang dùng khu vực ${locale} và múi giờ ${timeZone}, không phải Việt Nam (vi_VN, Asia/Ho_Chi_Minh). Khi đó số gõ 1.234 có thể bị hiểu là một phẩy hai ba bốn, và tháng, ngày có thể bị đảo. Hãy nhờ chủ sở hữu hoặc Quản trị viên chạy lại "Thiết lập bảng tính" (hoặc vào Tệp > Cài đặt, chọn Khu vực Việt Nam, Múi giờ GMT+07:00), rồi xem lại các số vừa nhập.`,
  shareTitle: 'Chia sẻ bảng tính với các đơn vị',
  shareAsk: (count: number, list: string) =>
    `Thêm ${count} người làm người chỉnh sửa bảng tính (Email nhập liệu của các đơn vị và Quản trị viên chưa có quyền)?\n\n${list}\n\nGoogle sẽ không gửi email thông báo cho từng người: hãy gửi đường liên kết bảng tính cho các đơn vị. Không ai bị bỏ quyền.`,
  shareMore: (count: number) => `… và ${count} người khác.`,
  shareAll: ' Mọi Email nhập liệu và Quản trị viên đều đã có quyền chỉnh sửa bảng tính.',
  shareCancelled: ' Chưa chia sẻ bảng tính với ai (bạn chọn Không).',
  shareAdded: (count: number) => ` Đã thêm ${count} người làm người chỉnh sửa (không gửi email thông báo).`,
  shareFailed: (count: number, lines: string) =>
    `Không thêm được ${count} người làm người chỉnh sửa bảng tính:\n\n${lines}\n\nSửa Email nhập liệu trong tab Đơn vị (hoặc nhờ quản trị viên Google Workspace cho phép), rồi chạy lại "Thiết lập bảng tính": chỉ những người còn thiếu được thêm.`,
  shareLine: (email: string, reason: string) => `• ${email}: ${reason}`,
  shareLeft: (count: number, limit: number) =>
    ` Còn ${count} người chưa được thêm (mỗi lần chạy thêm tối đa ${limit} người cho kịp giới hạn 6 phút của Google): hãy chạy lại "Thiết lập bảng tính".`,
  shareInvalid: 'không phải địa chỉ email hợp lệ',
  shareOutsideDomain: 'địa chỉ ngoài tổ chức, mà cài đặt chia sẻ của tổ chức không cho chia sẻ ra ngoài',
  shareNoAccount:
    'địa chỉ này chưa có tài khoản Google (hãy tạo tài khoản, hoặc dùng địa chỉ công vụ đã có tài khoản)',
  shareOther: 'Google từ chối',
  shareGoogleWords: (reason: string, detail: string) => `${reason} (${detail})`,
  noDriveService:
    'Dự án Apps Script chưa bật dịch vụ nâng cao Drive API (v3), cần để chia sẻ bảng tính với các đơn vị mà không gửi email thông báo. Hãy đưa lại tệp appsscript.json của dự án lên (npm run push) rồi thử lại. Bảng tính không thay đổi.',
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

/** The sync as an IT person rolls it out: the preflight's question to the portal, and --import (sync/import.ts). */
export const SYNC_ROLLOUT_TEXT = {
  // The preflight's one request to the portal: its answer, then what to do
  portalCheckFailed: (request: string, answer: string, fix: string) =>
    `Cổng DVC không trả lời được yêu cầu thử (${request}): ${answer}.${fix ? ` ${fix}` : ''}`,
  portalFixDenied:
    'Hãy đặt đúng PORTAL_TOKEN trong môi trường chạy đồng bộ (cron và systemd không đọc tệp cấu hình của shell).',
  portalFixNotFound:
    'Hãy kiểm tra địa chỉ --portal (địa chỉ gốc của API) và --profile có đúng với hệ thống của Cổng không.',
  portalFixRejected: (profile: string) =>
    `Yêu cầu theo dạng ${profile} không hợp với Cổng này: hãy kiểm tra --profile và các tham số Cấu hình nó dùng.`,
  portalFixBusy: 'Cổng đang quá tải hoặc gặp sự cố: hãy thử lại sau, hoặc báo đơn vị quản lý Cổng.',
  portalFixNetwork:
    'Hãy kiểm tra địa chỉ --portal, DNS, tường lửa hoặc proxy của máy chạy đồng bộ (thử mở địa chỉ đó bằng curl từ chính máy này).',
  portalFixTimeout: 'Hãy tăng --timeout, hoặc kiểm tra đường mạng tới Cổng.',
  portalFixNotApi:
    'Địa chỉ này không trả về dữ liệu JSON của API (có thể là trang web hoặc trang đăng nhập): hãy kiểm tra --portal.',
  portalFixShape: (profile: string) =>
    `Câu trả lời không khớp dạng ${profile}: hãy chọn đúng --profile, hoặc sửa tệp cấu hình Cổng (docs/portal-profiles.md).`,
  // --import <file.xlsx> --workbook <Google Sheet> [--ghi-de]
  importNeedsXlsx: (path: string) => `--import cần đường dẫn một tệp .xlsx (nhận được "${path}").`,
  importNeedsSheet:
    '--import chép dữ liệu vào một Google Sheet: --workbook phải là đường dẫn hoặc mã của Google Sheet.',
  importNotWith: (option: string) => `--import không dùng cùng ${option}: hãy chạy riêng.`,
  overwriteWithoutImport: '--ghi-de chỉ dùng cùng --import.',
  importNoInputTabs: (path: string, tabs: readonly string[]) =>
    `Chưa chép gì: tệp "${path}" không có tab nào để chép (cần ít nhất một trong: ${tabs.join(', ')}).`,
  importNotEmpty: (tabs: readonly string[]) =>
    `Chưa chép gì: Google Sheet đã có dữ liệu ở ${tabs.map((tab) => `"${tab}"`).join(', ')}. Để thay dữ liệu ở đó bằng dữ liệu của tệp .xlsx, chạy lại với --ghi-de.`,
  importFormulaWithoutValue: (path: string, tab: string, cell: string) =>
    `Chưa chép gì: ô ${cell} của tab "${tab}" trong tệp "${path}" chứa công thức nhưng tệp chưa lưu giá trị đã tính. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.`,
  importTooLarge: (size: string, limit: string) =>
    `Chưa chép gì: dữ liệu cần chép (${size} MB) vượt giới hạn ${limit} MB của một yêu cầu Google Sheets. Hãy chuyển bớt các tab lưu trữ "Nhập liệu <năm>" sang tệp khác rồi chạy lại.`,
  importTab: (tab: string, rows: number, replaced: boolean) =>
    `"${tab}" (${rows} dòng${replaced ? ', thay dữ liệu cũ' : ''})`,
  importDone: (path: string, sheet: string, tabs: readonly string[]) =>
    `Đã chép từ ${path} vào ${sheet}, trong một lần ghi: ${tabs.join(', ')}.`,
  importRecompute: 'Tính lại các tab kết quả từ dữ liệu vừa chép:',
} as const;

/** Texts of the sync's portal side (sync/portal/): profiles, requests, answers and export files. */
/** How to turn a TCVN3 (ABC) file into Unicode: Unikey's converter, as offices do it. */
const TCVN3_STEPS =
  'Nếu tệp gõ bằng bảng mã TCVN3 (ABC, phông chữ .VnTime): mở tệp bằng Excel, chọn toàn bộ (Ctrl+A) và sao chép (Ctrl+C); mở Unikey > Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn "TCVN3 (ABC)", Đích "Unicode", bấm "Chuyển mã" rồi dán (Ctrl+V) vào một trang tính mới và lưu thành "CSV UTF-8 (Comma delimited) (*.csv)" hoặc .xlsx.';

export const PORTAL_TEXT = {
  badProfile: (source: string, field: string, reason: string) =>
    `Cấu hình Cổng DVC "${source}" không hợp lệ ở trường "${field}": ${reason}. Chưa gửi yêu cầu nào. Xem docs/portal-profiles.md.`,
  profileUnreadable: (source: string, reason: string) =>
    `Không đọc được tệp cấu hình Cổng DVC "${source}": ${reason}.`,
  profileNotJson: (source: string, reason: string) =>
    `Tệp cấu hình Cổng DVC "${source}" không phải JSON hợp lệ: ${reason}.`,
  expectedText: 'cần một chuỗi không rỗng',
  expectedObject: 'cần một đối tượng JSON {…}',
  expectedList: 'cần một danh sách chuỗi không rỗng',
  expectedWhole: (min: number, max: number) => `cần một số nguyên từ ${min} đến ${max}`,
  expectedOneOf: (values: readonly string[]) => `chỉ nhận một trong: ${values.join(', ')}`,
  unknownField: 'trường này không có trong mẫu cấu hình (gõ nhầm tên?)',
  missingField: 'thiếu trường bắt buộc',
  unknownPlaceholder: (name: string, allowed: readonly string[]) =>
    `không có chỗ điền {${name}}; dùng được: ${allowed.map((a) => `{${a}}`).join(', ')}, {setting:<tên tham số trong Cấu hình>}`,
  bodyWithGet: 'yêu cầu GET không có nội dung (json, form); hãy dùng query',
  jsonAndForm: 'chỉ dùng một trong hai: json hoặc form',
  agencyNeeded: 'khi mỗi yêu cầu lấy một tháng (per = month), cần đường dẫn tới mã cơ quan của từng dòng',
  procedureNeeded: 'dòng theo từng TTHC (rowsPer = procedure) cần đường dẫn tới mã TTHC',
  procedureUnexpected: 'dòng đã tổng hợp (rowsPer = unit) không có mã TTHC',
  badNumberTemplate: 'cần dạng {"$number": "{month}"}',
  noRequest: (source: string) =>
    `Cấu hình Cổng DVC "${source}" chỉ có ánh xạ cột cho tệp xuất (columns), không dùng được với --portal.`,
  missingSetting: (profile: string, setting: string) =>
    `Cấu hình Cổng DVC "${profile}" cần tham số "${setting}" trong tab Cấu hình, nhưng ô Giá trị của nó đang trống hoặc chưa có dòng này. Hãy điền rồi chạy lại. Chưa gửi yêu cầu nào.`,
  noUnitsToAsk: (profile: string) =>
    `Cấu hình Cổng DVC "${profile}" hỏi từng đơn vị, nhưng tab Đơn vị chưa có đơn vị nào.`,
  badNumberValue: (value: string) => `"${value}" không phải là số`,
  // Answers
  responseTooLarge: (limit: string) =>
    `câu trả lời của Cổng DVC vượt ${limit} MB (sau khi giải nén); đã dừng đọc để tránh treo máy`,
  runTooLarge: (limit: string) =>
    `Các câu trả lời của Cổng DVC trong lần đồng bộ này đã vượt ${limit} MB (tính cả các trang và số liệu giữ lại), quá nhiều so với số liệu một tỉnh thật sự có: đã dừng để máy không hết bộ nhớ, chưa ghi gì. Hãy kiểm tra địa chỉ --portal và cấu hình --profile (kích thước trang, đường dẫn tới danh sách dòng), hoặc hỏi ít tháng hơn mỗi lần (--through), rồi chạy lại.`,
  wrongProfile: (status: number, profile: string, profiles: string, detail: string) =>
    `Cổng DVC không nhận kiểu yêu cầu của cấu hình "${profile}" (HTTP ${status} ở yêu cầu đầu tiên${detail ? `: ${detail}` : ''}; không thử lại vì thử lại cũng vậy). Thường là do chọn sai cấu hình Cổng DVC hoặc sai địa chỉ: hãy chạy lại với --profile ${profiles} (hoặc tệp .json của mình) đúng với hệ thống của tỉnh, và kiểm tra địa chỉ --portal`,
  notAList: (path: string) => `không có danh sách dòng ở "${path || '(gốc)'}"`,
  badCount: (agency: string, field: string, value: string) =>
    `đơn vị ${agency}: trường "${field}" có giá trị ${value}, không phải số hồ sơ (số nguyên không âm)`,
  onlineAboveTotal: (agency: string, online: number, total: number) =>
    `đơn vị ${agency}: số hồ sơ trực tuyến (${online}) lớn hơn tổng số hồ sơ (${total})`,
  unitMonthFailed: (month: string, unit: string, reason: string) =>
    `Không lấy đủ số liệu tháng ${month} của đơn vị ${unit} từ Cổng DVC: ${reason}.`,
  progressUnits: (month: string, requests: number, rows: number) =>
    `Cổng DVC tháng ${month}: ${requests} yêu cầu (mỗi đơn vị một yêu cầu), ${rows} dòng.`,
  emptyAnswer: (months: string) =>
    `Cổng DVC không trả về dòng số liệu nào cho ${months}. Nếu đơn vị đã có hồ sơ, hãy kiểm tra Cổng DVC (địa chỉ, mã truy cập, cấu hình --profile, mã tỉnh và mã đơn vị trên Cổng).`,
  // Export files
  notRegularFile: (file: string) =>
    `"${file}" không phải là một tệp thông thường (có thể là thư mục, FIFO hay thiết bị): chỉ đọc được tệp .csv, .xlsx hoặc .json.`,
  fileTooLarge: (file: string, limit: string) => `Tệp "${file}" lớn hơn ${limit} MB, không đọc.`,
  badEncoding: (file: string) =>
    `Tệp "${file}" không ở bảng mã đọc được (UTF-8, UTF-16 có BOM hoặc Windows-1258). Hãy mở tệp bằng Excel và chọn Lưu thành (Save As) > "CSV UTF-8 (Comma delimited) (*.csv)", hoặc lưu thành tệp .xlsx, rồi chạy lại. ${TCVN3_STEPS}`,
  tcvn3: (file: string) =>
    `Tệp "${file}" được gõ bằng bảng mã TCVN3 (ABC, phông chữ .VnTime), không phải bảng mã đọc được (UTF-8, UTF-16 có BOM hoặc Windows-1258). ${TCVN3_STEPS}`,
  legacyXls: (file: string) =>
    `Tệp "${file}" là tệp Excel kiểu cũ (.xls, Excel 97-2003), chưa đọc được. Hãy mở tệp bằng Excel và chọn Lưu thành (Save As) > "Excel Workbook (*.xlsx)" hoặc "CSV UTF-8 (Comma delimited) (*.csv)"; bằng LibreOffice Calc: Tệp (File) > Lưu thành (Save As) > "Excel 2007-365 (.xlsx)", hoặc "Văn bản CSV (.csv)" với bộ ký tự Unicode (UTF-8). Rồi chạy lại với tệp mới.`,
  exportColumnsMissing: (
    file: string,
    missing: readonly string[],
    found: readonly string[],
    mapping: string,
    anchor?: string,
  ) =>
    `Tệp "${file}" ${anchor ? `không có dòng tiêu đề chứa cột "${anchor}", nên ` : ''}thiếu cột ${missing.map((name) => `"${name}"`).join(', ')}${found.length > 0 ? ` (${anchor ? 'dòng đầu tiên' : 'dòng tiêu đề'} của tệp có: ${found.map((name) => `"${name}"`).join(', ')})` : ''}. Nếu hệ thống của tỉnh xuất các cột này dưới tên khác, hãy tạo một tệp cấu hình .json có phần ánh xạ cột "columns" (xem docs/portal-profiles.md), ví dụ ${mapping}, rồi chạy lại với --profile <tệp>.json.`,
  columnInFile: '<tên cột trong tệp>',
  rowsWithoutProcedure: (file: string, rows: number) =>
    `Tệp ${file}: ${rows} dòng không có Mã TTHC nên không lọc được theo Danh mục DVC; tổng số hồ sơ của các dòng này vẫn được tính, số hồ sơ trực tuyến thì không.`,
  badColumnsMapping: (column: string, allowed: readonly string[]) =>
    `"${column}" không phải là cột của tệp xuất; dùng được: ${allowed.join(', ')}`,
} as const;
