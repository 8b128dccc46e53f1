// Shared helpers of the reliability tests: run the CLI bundle, compare tabs, read logs, keep docs/reliability.md honest.

import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SYNCED_TABS } from '../../contract-headers';

export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'node', 'sync.cjs');
export const DOC = join(ROOT, 'docs', 'reliability.md');
export const OUTPUT_TABS = SYNCED_TABS;
export const INPUT_TABS = ['Cấu hình', 'Đơn vị', 'Nhập liệu', 'Danh mục DVC'];
export const LOG_TAB = 'Nhật ký đồng bộ';

export interface CliOutcome {
  /** Exit code, or null when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `node [--require preload] dist/node/sync.cjs args` with only PATH and `env` set. */
export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  preload?: string,
): Promise<CliOutcome> {
  const started = Date.now();
  const node = preload ? ['--require', preload, CLI] : [CLI];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [...node, ...args],
      { env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir(), ...env }, timeout: 60_000 },
      (_error, stdout, stderr) => {
        resolve({
          code: child.exitCode,
          signal: child.signalCode,
          stdout: String(stdout),
          stderr: String(stderr),
          ms: Date.now() - started,
        });
      },
    );
  });
}

/** Lines of stderr (none when empty). */
export const stderrLines = (outcome: CliOutcome): string[] =>
  outcome.stderr.split('\n').filter((line) => line.trim() !== '');

/** Retry delays announced on stdout ("thử lại lần 1 sau 0.7 giây (...)"), in ms. */
export const retryDelays = (stdout: string): number[] =>
  [...stdout.matchAll(/thử lại lần \d+ sau (\d+\.\d) giây/g)].map((m) => Math.round(Number(m[1]) * 1000));

/** Rows of a tab as objects keyed by the header row (the first containing `anchor`). */
export function recordsOf(grid: readonly (readonly unknown[])[] | undefined, anchor: string) {
  if (!grid) return [];
  const headerIndex = grid.findIndex((row) => row.includes(anchor));
  if (headerIndex < 0) return [];
  const header = grid[headerIndex] as string[];
  return grid
    .slice(headerIndex + 1)
    .map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])) as Record<string, unknown>);
}

export const logRecords = (grid: readonly (readonly unknown[])[] | undefined) =>
  recordsOf(grid, 'Bắt đầu lúc');

/** Every cell of every tab that differs between two workbooks' tab maps, as "Tab!R1C1: a → b". */
export function cellDifferences(
  before: ReadonlyMap<string, readonly (readonly unknown[])[]>,
  after: ReadonlyMap<string, readonly (readonly unknown[])[]>,
  tabs: readonly string[],
): string[] {
  const out: string[] = [];
  for (const tab of tabs) {
    const a = before.get(tab) ?? [];
    const b = after.get(tab) ?? [];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      const ra = a[r] ?? [];
      const rb = b[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const va = ra[c] ?? '';
        const vb = rb[c] ?? '';
        const same = va instanceof Date && vb instanceof Date ? va.getTime() === vb.getTime() : va === vb;
        if (!same) out.push(`${tab}!R${r + 1}C${c + 1}: ${String(va)} → ${String(vb)}`);
      }
    }
  }
  return out;
}

/** Every part of an .xlsx (a zip) as text: sheets, shared strings, workbook, properties. */
export async function xlsxParts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file) parts.set(name, await file.async('string'));
  }
  return parts;
}

/** A markdown table as trimmed cells, whatever padding a formatter gave it (biome aligns columns). */
export function tableCells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .map((cell) => (/^:?-+:?$/.test(cell) ? '---' : cell)),
    );
}

/**
 * A table between `<!-- NAME -->` and `<!-- /NAME -->` in docs/reliability.md, built from observed rows:
 * with UPDATE_RELIABILITY_DOC=1 the section is rewritten (and formatted by biome); otherwise it must
 * already hold exactly these cells. Returns what to compare, or null after an update.
 */
export function checkDocTable(
  name: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { current: string[][]; wanted: string[][] } | null {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const table = [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) throw new Error(`docs/reliability.md has no ${open} … ${close} section`);
  if (process.env.UPDATE_RELIABILITY_DOC === '1') {
    writeFileSync(DOC, `${doc.slice(0, start + open.length)}\n${table}\n${doc.slice(end)}`);
    try {
      // Aligns the columns where biome formats Markdown; the comparison ignores padding either way.
      const biome = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
      execFileSync(process.execPath, [biome, 'format', '--write', DOC], { stdio: 'ignore' });
    } catch {
      // This configuration leaves Markdown alone: the plain table stays.
    }
    return null;
  }
  return { current: tableCells(doc.slice(start + open.length, end)), wanted: tableCells(table) };
}
