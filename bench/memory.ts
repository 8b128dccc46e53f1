// Child process: peak memory of a real sync fed an export at the 200 MiB cap, and of one fed 500 portal pages of 1 MB.
// With --update-doc it rewrites its own section of docs/benchmarks.md (the rest of the file stays as it is).
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MAX_EXPORT_BYTES } from '../sync/portal/export-file';
import { type MemoryResult, type MemoryRun, memorySection } from './lib/memory';
import { emit } from './lib/stats';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'dist', 'node', 'sync.cjs');
const UNITS = 300;
const PROCEDURES = 2000;
const PAGES = 500;
/** Default-feed rows of about 117 bytes: 8,960 of them make a page of about 1 MB. */
const ROWS_PER_PAGE = 8960;

async function writeProvince(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const add = (name: string, rows: unknown[][]) => {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  };
  add('Cấu hình', [
    ['Tham số', 'Giá trị', 'Diễn giải'],
    ['Năm', 2020, ''],
  ]);
  add('Đơn vị', [
    [
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhóm',
      'Mã đơn vị cấp trên',
      'Chỉ tiêu',
      'Mã trên Cổng DVC',
      'Email nhập liệu',
    ],
    ...Array.from({ length: UNITS }, (_, u) => [
      `U${u}`,
      `Đơn vị ${u}`,
      'Sở, ban, ngành',
      '',
      '30%',
      `H28.${u}`,
      '',
    ]),
  ]);
  add('Nhập liệu', [
    ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến', 'Ghi chú'],
  ]);
  add('Danh mục DVC', [
    ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
    ...Array.from({ length: PROCEDURES }, (_, p) => [
      `1.${String(p).padStart(6, '0')}`,
      `Thủ tục ${p}`,
      'Toàn trình',
    ]),
  ]);
  await workbook.xlsx.writeFile(path);
}

/** An export as a portal writes it (names beside codes), as large as the cap allows; returns bytes and rows. */
function writeExport(path: string): { bytes: number; rows: number } {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let rows = 0;
  const header =
    'Kỳ,Mã đơn vị,Tên đơn vị,Mã TTHC,Tên TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến\n';
  writeSync(fd, header);
  bytes += Buffer.byteLength(header);
  let batch: string[] = [];
  let batchBytes = 0;
  outer: for (let m = 1; m <= 12; m++) {
    for (let u = 0; u < UNITS; u++) {
      for (let p = 0; p < PROCEDURES; p++) {
        const total = ((u + p + m) % 50) + 1;
        const line = `${String(m).padStart(2, '0')}/2020,H28.${u},Ủy ban nhân dân đơn vị số ${u},1.${String(p).padStart(6, '0')},"Thủ tục hành chính cấp giấy phép số ${p}",${total},${(u * p + m) % (total + 1)}\n`;
        const size = Buffer.byteLength(line);
        if (bytes + batchBytes + size > MAX_EXPORT_BYTES) break outer;
        batch.push(line);
        batchBytes += size;
        rows++;
      }
      writeSync(fd, batch.join(''));
      bytes += batchBytes;
      batch = [];
      batchBytes = 0;
    }
  }
  writeSync(fd, batch.join(''));
  bytes += batchBytes;
  closeSync(fd);
  return { bytes, rows };
}

/** A default-feed portal of one month in PAGES pages, each made when asked (nothing held here). */
async function startPortal(): Promise<{
  url: string;
  served: () => number;
  pageBytes: () => number;
  close: () => Promise<void>;
}> {
  let served = 0;
  let pageBytes = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const page = Number(url.searchParams.get('page'));
    const month = Number(url.searchParams.get('month'));
    const items: string[] = [];
    for (let i = 0; i < ROWS_PER_PAGE; i++) {
      const n = (page - 1) * ROWS_PER_PAGE + i;
      items.push(
        `{"agencyCode":"H28.${Math.floor(n / PROCEDURES)}","procedureCode":"1.${String(n % PROCEDURES).padStart(6, '0')}","year":2020,"month":${month},"resolvedCount":${(n % 50) + 10},"resolvedOnlineCount":${n % 10}}`,
      );
    }
    served++;
    const body = `{"page":${page},"pageSize":${ROWS_PER_PAGE},"totalPages":${PAGES},"items":[${items.join(',')}]}`;
    pageBytes = Math.max(pageBytes, Buffer.byteLength(body));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served: () => served,
    pageBytes: () => pageBytes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One sync in a child process of its own; its peak is the maxRSS it reports as it exits. */
function sync(dir: string, book: string, args: string[]): Promise<MemoryRun> {
  const preload = join(dir, 'peak.cjs');
  writeFileSync(
    preload,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is the child's preload source, its placeholder is evaluated there
    "process.on('exit', () => require('node:fs').writeSync(2, `\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', preload, CLI, '--workbook', book, ...args], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('close', (code) => {
      const peak = /PEAK_RSS_KB (\d+)/.exec(stderr);
      resolve({
        peakRssKb: Number(peak?.[1] ?? Number.NaN),
        exitCode: code,
        error: stderr.split('\n').find((line) => line.startsWith('Lỗi đồng bộ')) ?? '',
        seconds: (Date.now() - started) / 1000,
        lockReleased: !existsSync(`${book}.sync-lock`),
      });
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-bench-memory-'));
  try {
    const exportBook = join(dir, 'tinh-xuat.xlsx');
    const portalBook = join(dir, 'tinh-cong.xlsx');
    await writeProvince(exportBook);
    await writeProvince(portalBook);
    const file = join(dir, 'xuat-200.csv');
    const written = writeExport(file);
    const exportRun = await sync(dir, exportBook, ['--portal-file', file]);
    rmSync(file, { force: true });
    const portal = await startPortal();
    let portalRun: MemoryRun;
    try {
      portalRun = await sync(dir, portalBook, [
        '--portal',
        portal.url,
        '--through',
        '2020-01',
        '--retries',
        '0',
      ]);
    } finally {
      await portal.close();
    }
    const result: MemoryResult = {
      export: { ...exportRun, fileBytes: written.bytes, rows: written.rows },
      portal: { ...portalRun, pages: PAGES, pageBytes: portal.pageBytes(), served: portal.served() },
    };
    if (process.argv.includes('--update-doc')) updateDoc(result);
    emit(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces (or appends) this bench's section of docs/benchmarks.md, between its markers. */
function updateDoc(result: MemoryResult): void {
  const path = join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(path, 'utf8');
  const section = ['<!-- memory -->', ...memorySection(result), '<!-- /memory -->'].join('\n');
  const start = doc.indexOf('<!-- memory -->');
  const end = doc.indexOf('<!-- /memory -->');
  const next =
    start >= 0 && end > start
      ? `${doc.slice(0, start)}${section}${doc.slice(end + '<!-- /memory -->'.length)}`
      : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
