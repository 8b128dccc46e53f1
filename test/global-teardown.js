// Jest global tear-down: removes the run's own TMPDIR made by global-setup.js.
const { rmSync } = require('node:fs');

module.exports = () => {
  const runDir = process.env.DVC_TEST_RUN_DIR;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
};
