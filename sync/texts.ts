// The sync job's own texts (Vietnamese): command-line help, progress, summaries, errors of the portal, files and Google.
import { type ClassificationKey, VOCABULARY } from '../src/core';
import { SYNC_DEFAULTS } from './defaults';

/** What each built-in portal profile reads, for --help (a profile without a line here is listed by name). */
const PROFILE_HELP: Readonly<Record<string, string>> = {
  dossiers: 'theo từng TTHC, mỗi tháng một yêu cầu.',
  aggregated: 'theo đơn vị (releaseCount, dossierOnline3Count + dossierOnline4Count).',
  'mot-cua': 'hệ thống một cửa TD.DichVuCongApi.',
  dvcqg: 'Cổng DVC quốc gia, cần tham số "Mã tỉnh trên Cổng DVC quốc gia" trong Cấu hình.',
};

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
  /** The command line's help: the built-in profile names as the code has them, the defaults from sync/defaults.ts. */
  help: (
    profiles: readonly string[],
  ) => `Đồng bộ số liệu Cổng DVC vào bảng tính (tỷ lệ hồ sơ giải quyết trực tuyến).

Cách dùng:
  npm run sync -- --workbook <tệp.xlsx | đường dẫn hoặc mã Google Sheet>
                  [--portal <URL gốc>] [--portal-file <tệp.csv|tệp.xlsx>]...
                  [--profile ${profiles.join('|')}|<tệp.json>] [--through YYYY-MM]
                  [--lam-moi-du-lieu-cong] [--dry-run] [--daily HH:MM] [--check] [--tao-moi]
  npm run sync -- --import <tệp.xlsx> --workbook <Google Sheet> [--ghi-de]

Tùy chọn:
  --workbook      Tệp .xlsx trên máy hoặc Google Sheet. Tệp .xlsx chưa có thì dừng (mã thoát 4),
                  trừ khi có --tao-moi.
  --tao-moi       Tạo tệp .xlsx mới với đủ các tab nếu tệp --workbook chưa có.
  --portal        Địa chỉ gốc của Cổng DVC; hỏi {portal}/statistics/dossiers từng tháng.
  --portal-file   Tệp xuất từ Cổng DVC (cột Kỳ, Mã đơn vị, Mã TTHC, Tổng số hồ sơ đã giải quyết,
                  Số hồ sơ giải quyết trực tuyến); dùng được nhiều lần.
  --profile       Dạng dữ liệu của Cổng (mặc định ${SYNC_DEFAULTS.profile}):
${profiles.map((name) => `                    ${name}: ${PROFILE_HELP[name] ?? ''}`).join('\n')}
                  hoặc một tệp .json mô tả dạng khác (xem docs/portal-profiles.md).
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
  --timeout       Số giây chờ mỗi yêu cầu (mặc định ${SYNC_DEFAULTS.timeoutSeconds}).
  --retries       Số lần thử lại mỗi yêu cầu khi lỗi tạm thời (mặc định ${SYNC_DEFAULTS.retries}).
  --concurrency   Số yêu cầu gửi cùng lúc tới Cổng DVC (mặc định ${SYNC_DEFAULTS.concurrency}).
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

/** The sync's writes at any size (sync/workbook/): Google Sheets staging tabs and Excel's sheet limits. */
export const SHEETS_WRITE_TEXT = {
  /** Hidden tabs a large Google Sheets write fills before replacing the output tabs at once. */
  stagingTab: (tab: string) => `~dvc ${tab}`,
  rowPayloadLimit: (tab: string, row: number, limit: string) =>
    `Chưa ghi gì: dòng ${row} của tab "${tab}" quá lớn để gửi trong một lần ghi (giới hạn ${limit} MB của Google Sheets).`,
  excelTooLarge: (tab: string, rows: string, columns: string) =>
    `Chưa ghi gì: tab "${tab}" cần ${rows} dòng và ${columns} cột, vượt giới hạn 1.048.576 dòng, 16.384 cột của một trang tính Excel. Hãy giảm số đơn vị hoặc số tháng, hoặc ghi vào Google Sheet.`,
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

/** How to turn a TCVN3 (ABC) file into Unicode: Unikey's converter, as offices do it. */
const TCVN3_STEPS =
  'Nếu tệp gõ bằng bảng mã TCVN3 (ABC, phông chữ .VnTime): mở tệp bằng Excel, chọn toàn bộ (Ctrl+A) và sao chép (Ctrl+C); mở Unikey > Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn "TCVN3 (ABC)", Đích "Unicode", bấm "Chuyển mã" rồi dán (Ctrl+V) vào một trang tính mới và lưu thành "CSV UTF-8 (Comma delimited) (*.csv)" hoặc .xlsx.';

/** Texts of the sync's portal side (sync/portal/): profiles, requests, answers and export files. */
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
