// Set-up shares the sheet with the units' accounts and the administrators: after a Yes/No, without Google's e-mails, only who is missing, refusals explained.
import { planSharing, shareReason } from '../../src/addin/sharing';
import type { LoadedScript } from '../fakes/apps-script';
import { ADMIN, OWNER, rolloutProvince, UNIT_EMAILS } from './rollout-world';

const setUp = (script: LoadedScript, answer: 'YES' | 'NO') => {
  const from = script.world.ui.length;
  script.world.alertAnswers.push(answer);
  script.run('setUpSheet');
  return script.world.ui.slice(from);
};

test('asks once with the count and the names, adds all five as editors, and Google sends no e-mail', () => {
  const script = rolloutProvince();
  script.spreadsheet.collaborators.add('thongke@tinh.gov.vn');
  const seen = setUp(script, 'YES');
  const question = seen.find((event) => event.title === 'Chia sẻ bảng tính với các đơn vị');
  expect(question?.text).toMatch(/^Thêm 5 người làm người chỉnh sửa bảng tính/);
  expect(question?.text).toContain(['• admin@tinh.gov.vn', ...UNIT_EMAILS.map((e) => `• ${e}`)].join('\n'));
  expect(question?.text).toContain('Google sẽ không gửi email thông báo');
  expect([...script.spreadsheet.collaborators].sort()).toEqual(
    ['thongke@tinh.gov.vn', ADMIN, ...UNIT_EMAILS].sort(),
  );
  expect(script.world.shareNotifications).toEqual([]);
  const toast = seen[seen.length - 1];
  expect(toast?.kind).toBe('toast');
  expect(toast?.text).toContain('Đã thêm 5 người làm người chỉnh sửa (không gửi email thông báo).');
  expect(script.world.calls.counts.get('Drive.Permissions.create')).toBe(5);
});

test('a second set-up reads the editors first, asks nothing and adds nobody; an existing editor is never removed', () => {
  const script = rolloutProvince();
  setUp(script, 'YES');
  script.world.calls.reset();
  const seen = setUp(script, 'YES');
  expect(seen.map((event) => event.kind)).toEqual(['toast']);
  expect(seen[0]?.text).toContain(
    'Mọi Email nhập liệu và Quản trị viên đều đã có quyền chỉnh sửa bảng tính.',
  );
  expect(script.world.calls.counts.get('Drive.Permissions.create')).toBeUndefined();
  expect(script.spreadsheet.collaborators.size).toBe(5);
  // The answer queued for a question that was not asked is still there.
  expect(script.world.alertAnswers).toEqual(['YES']);
});

test('answering No shares with nobody and says so', () => {
  const script = rolloutProvince();
  const seen = setUp(script, 'NO');
  expect(script.spreadsheet.collaborators.size).toBe(0);
  expect(seen[seen.length - 1]?.text).toContain('Chưa chia sẻ bảng tính với ai (bạn chọn Không).');
});

test('sharing restricted to the domain: the outside address is refused with Google words, the others added, a re-run asks only for it', () => {
  const script = rolloutProvince({ extraEmails: 'sonv.hoabinh@gmail.com' });
  script.world.sharingDomain = 'tinh.gov.vn';
  const seen = setUp(script, 'YES');
  const refusal = seen[seen.length - 1];
  expect(refusal?.kind).toBe('alert');
  expect(refusal?.text).toMatch(/^Không thêm được 1 người làm người chỉnh sửa bảng tính:/);
  expect(refusal?.text).toContain(
    '• sonv.hoabinh@gmail.com: địa chỉ ngoài tổ chức, mà cài đặt chia sẻ của tổ chức không cho chia sẻ ra ngoài (API call to drive.permissions.create failed with error: Bad Request. User message: "ACL change not allowed.")',
  );
  expect(seen[seen.length - 2]?.text).toContain('Đã thêm 5 người');
  expect(script.spreadsheet.collaborators.has('sonv.hoabinh@gmail.com')).toBe(false);

  const again = setUp(script, 'NO');
  expect(again.find((event) => event.title === 'Chia sẻ bảng tính với các đơn vị')?.text).toMatch(
    /^Thêm 1 người làm người chỉnh sửa bảng tính[\s\S]*• sonv\.hoabinh@gmail\.com\n\n/,
  );
});

test('an address with no Google account is refused (Drive wants to send an invitation), and said so in plain words', () => {
  const script = rolloutProvince({ extraEmails: 'vanthu@tinh.gov.vn' });
  script.world.noGoogleAccount.add('vanthu@tinh.gov.vn');
  const seen = setUp(script, 'YES');
  expect(seen[seen.length - 1]?.text).toContain('• vanthu@tinh.gov.vn: địa chỉ này chưa có tài khoản Google');
  expect(script.world.shareNotifications).toEqual([]);
  expect(script.spreadsheet.collaborators.size).toBe(5);
});

test('an administrator who is an editor (not the owner) may share too', () => {
  const script = rolloutProvince({ user: ADMIN });
  script.spreadsheet.collaborators.add(ADMIN);
  setUp(script, 'YES');
  expect(script.spreadsheet.collaborators.size).toBe(5);
});

describe('planSharing', () => {
  test('only the missing, each once, case folded; the owner and current editors are skipped; a bad address is set apart', () => {
    expect(
      planSharing(['A@x.vn', 'a@x.vn', 'b@x.vn', OWNER, 'khong-phai-email', ' c@x.vn '], [OWNER, 'B@x.vn']),
    ).toEqual({ add: ['a@x.vn', 'c@x.vn'], invalid: ['khong-phai-email'] });
  });

  test('reasons keep Google words in brackets', () => {
    expect(
      shareReason(new Error('API call to drive.permissions.create failed with error: Internal Error')),
    ).toBe('Google từ chối (API call to drive.permissions.create failed with error: Internal Error)');
  });
});
