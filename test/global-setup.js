// Jest global set-up: build dist/ once so tests run the real bundles, as Apps Script and npm run sync do.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
};
