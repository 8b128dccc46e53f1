// Jest global set-up: build dist/ once so tests run the real bundles, as Apps Script and npm run sync do;
// and give this run its own TMPDIR, so two `npm test` runs at once share no lock or temporary file.
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = () => {
  // Workers and the child processes tests start inherit it (tests pass TMPDIR on to children).
  const runDir = mkdtempSync(join(tmpdir(), 'dvc-test-run-'));
  process.env.DVC_TEST_RUN_DIR = runDir;
  process.env.TMPDIR = runDir;
  // build.mjs writes each file under a temporary name and renames it: a concurrent run never reads half a bundle.
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
};
