// npm run lint honours .gitignore: a key file git ignores is never linted, so never printed nor failing the push.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
// A made-up key fragment, built at run time so no key-shaped literal sits in the repository.
const SECRET = `-----BEGIN ${'PRIVATE'} KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC`;

function lint(cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIOME, 'check', '.'], { cwd, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        output: stdout + stderr,
      }),
    );
  });
}

let dir: string;
beforeEach(() => {
  // The project's own lint settings and ignore file, in a folder of their own.
  dir = mkdtempSync(join(tmpdir(), 'dvc-lint-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  copyFileSync(join(ROOT, '.gitignore'), join(dir, '.gitignore'));
  writeFileSync(join(dir, 'ok.ts'), 'export const ok = 1;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A key as someone saves it by hand: valid JSON, not formatted as biome would. */
const badlyFormattedKey = `{"type":"service_account",   "private_key":"${SECRET}"\n,"client_email":"a@b.iam.gserviceaccount.com"}`;

test('a badly formatted service-account*.json that git ignores is neither linted nor printed', async () => {
  writeFileSync(join(dir, 'service-account-x.json'), badlyFormattedKey);
  writeFileSync(join(dir, 'tinh.key.json'), badlyFormattedKey);
  const result = await lint(dir);
  expect(result.output).not.toContain('PRIVATE KEY');
  expect(result.code).toBe(0);
});

test('the same file under a name git does not ignore still fails lint (the check is live)', async () => {
  writeFileSync(join(dir, 'not-ignored.json'), badlyFormattedKey);
  const result = await lint(dir);
  expect(result.code).not.toBe(0);
  expect(result.output).toContain('not-ignored.json');
});
