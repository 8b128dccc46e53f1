// The add-in's own texts (Vietnamese): menu, alerts, toasts, help dialog, reminders.
import { type ClassificationKey, VOCABULARY } from '../core';

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
