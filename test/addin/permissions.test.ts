// Who may recompute and set up: owner, Quản trị viên, and nobody else (shared drives: editors until admins exist).
import { decideAccess } from '../../src/addin/permissions';

describe('decideAccess', () => {
  const owner = 'chu@hoabinh.gov.vn';
  const admins = ['stttt@hoabinh.gov.vn', 'sync@dvc.iam.gserviceaccount.com'];

  test('the owner and every administrator may act', () => {
    expect(decideAccess(owner, owner, admins)).toEqual({ allowed: true, email: owner });
    expect(decideAccess(admins[1] as string, owner, admins)).toEqual({ allowed: true, email: admins[1] });
  });

  test('a unit clerk may not, and is told so by name', () => {
    const access = decideAccess('xa01@hoabinh.gov.vn', owner, admins);
    expect(access.allowed).toBe(false);
    expect(access.allowed ? '' : access.message).toContain('xa01@hoabinh.gov.vn');
  });

  test('an account Google does not reveal may never act', () => {
    expect(decideAccess('', '', []).allowed).toBe(false);
  });

  test('a shared-drive file (no owner) lets editors act only until an administrator is listed', () => {
    expect(decideAccess('xa01@hoabinh.gov.vn', '', []).allowed).toBe(true);
    expect(decideAccess('xa01@hoabinh.gov.vn', '', admins).allowed).toBe(false);
    expect(decideAccess(admins[0] as string, '', admins).allowed).toBe(true);
  });
});
