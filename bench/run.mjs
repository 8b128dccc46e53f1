// npm run bench: build the add-in and the sync, bundle bench/*.ts into dist/bench/*.cjs, run the bench runner.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { stdio: 'inherit', cwd: root });
const entries = readdirSync(join(root, 'bench')).filter((file) => file.endsWith('.ts'));
await build({
  entryPoints: entries.map((file) => join(root, 'bench', file)),
  outdir: join(root, 'dist/bench'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
execFileSync(process.execPath, [join(root, 'dist/bench/main.cjs')], { stdio: 'inherit', cwd: root });
