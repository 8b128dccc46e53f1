// The built CLI never exits 0 in silence: a run whose work never settles is a failure with one stderr line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

describe('a run that never settles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-unsettled-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 with the Vietnamese line instead of 0 when the event loop runs dry mid-run', async () => {
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(workbook);
    // A fetch that never answers and holds nothing open: the shape of the bug the portal work met (an
    // aborted inflating body whose promise never settled).
    const preload = join(dir, 'stuck-fetch.js');
    writeFileSync(preload, 'globalThis.fetch = () => new Promise(() => {});\n');
    const outcome = await runCli(
      ['--workbook', workbook, '--portal', 'http://127.0.0.1:9', '--timeout', '600'],
      {
        preload,
        codeWithoutExit: -1,
      },
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      'Lần đồng bộ dừng giữa chừng mà không có kết quả (lỗi của chương trình, hãy báo cho bộ phận kỹ thuật).',
    ]);
  });
});
