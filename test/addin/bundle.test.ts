// dist/Code.js as Apps Script sees it: top-level function declarations, JSDoc for autocomplete, no work at load time.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_PATH, loadScript } from '../fakes/apps-script';

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'recomputeAll',
  'checkFigures',
  'setUpSheet',
  'showHelp',
  'DVC_TYLE',
  'DVC_DANHGIA',
  'DVC_CANTHEM',
  'DVC_XEPHANG',
];
const CUSTOM_FUNCTIONS = ['DVC_TYLE', 'DVC_DANHGIA', 'DVC_CANTHEM', 'DVC_XEPHANG'];

describe('dist/Code.js', () => {
  const source = readFileSync(BUNDLE_PATH, 'utf8');

  test('every entry point is a top-level function declaration callable in a fresh V8 context', () => {
    const script = loadScript({ owner: 'owner@tinh.gov.vn' });
    for (const name of ENTRY_POINTS) {
      expect([name, new RegExp(`^function ${name}\\(`, 'm').test(source)]).toEqual([name, true]);
      expect([name, typeof script.context[name]]).toEqual([name, 'function']);
    }
  });

  test('loading the file calls no service (Apps Script loads it for every custom-function call)', () => {
    const script = loadScript({ owner: 'owner@tinh.gov.vn' });
    expect(script.world.calls.total).toBe(0);
  });

  test('no module syntax is left, and the code is not minified', () => {
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).toContain('function layoutEntries(');
  });

  test('custom functions keep their Vietnamese JSDoc with @param and @customfunction right above them', () => {
    for (const name of CUSTOM_FUNCTIONS) {
      const at = source.indexOf(`\nfunction ${name}(`);
      const doc = source.slice(source.lastIndexOf('/**', at), at);
      expect([name, doc.includes('@customfunction')]).toEqual([name, true]);
      expect([name, (doc.match(/@param/g) ?? []).length]).toEqual([
        name,
        name === 'DVC_TYLE' || name === 'DVC_XEPHANG' ? 2 : 3,
      ]);
      expect(doc).toMatch(/hồ sơ|Thứ hạng/);
      expect(source.slice(at, source.indexOf('}', at))).not.toContain('*/');
    }
  });

  test('dist/appsscript.json: V8, Asia/Ho_Chi_Minh, the Advanced Sheets service and the scopes it needs', () => {
    const manifest = JSON.parse(readFileSync(join(BUNDLE_PATH, '..', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
    // The recompute writes every output tab in one Sheets API batchUpdate, which needs the full
    // spreadsheets scope (the API does not accept spreadsheets.currentonly).
    // Set-up shares the sheet through the Advanced Drive service (no notification e-mails). Which entry
    // point needs which scope is the table of src/addin/scopes.ts, checked in scopes.test.ts.
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/drive',
    ]);
  });

  // 150 KB until the roll-out checks (scopes per menu item, sharing, locale: about 5 KB of code and texts).
  test('the bundle stays small (Apps Script loads all of it for every custom-function call): ≤ 176 KB, no date library', () => {
    // 169 KiB after issues 17–20 (tab ownership, stale markers, Decree 30 layout, the shared Sheets requests).
    expect(statSync(BUNDLE_PATH).size).toBeLessThanOrEqual(176 * 1024);
    expect(source).not.toMatch(/luxon|DateTime\.fromJSDate/);
  });

  test('clasp pushes exactly dist/Code.js and dist/appsscript.json (.clasp.json rootDir, .claspignore)', () => {
    const root = join(BUNDLE_PATH, '..', '..');
    const out = execFileSync(join(root, 'node_modules', '.bin', 'clasp'), ['show-file-status', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(JSON.parse(out).filesToPush.sort()).toEqual(['dist/Code.js', 'dist/appsscript.json']);
  });
});
