// A local workbook is not taken from under a person (contract 10.3): open in Excel or LibreOffice, or saved while the sync ran; through the built CLI.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-in-use-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Excel's owner file as Office 2016 writes it (LibreOffice's svl/source/misc/msodocumentlockfile.cxx reads
 * and writes the same layout): the name's length, the name in the ANSI code page padded with spaces to byte
 * 54, at byte 55 the length again in 2 bytes and the name in UTF-16LE, spaces to 165 bytes.
 */
function excelOwnerFile(name: string, ansi = name.replace(/[^\x20-\x7e]/g, '?')): Buffer {
  const bytes = Buffer.alloc(165, 0x20);
  bytes[0] = ansi.length;
  bytes.write(ansi, 1, 'latin1');
  bytes.writeUInt16LE(name.length, 55);
  bytes.write(name, 57, 'utf16le');
  for (let at = 57 + name.length * 2; at < 165; at += 2) bytes[at + 1] = 0;
  return bytes;
}

const sync = (args: string[], preload?: string, env: Record<string, string> = {}) =>
  runCli(args, { timeout: 120_000, preload, env });
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('an .xlsx open in Excel or LibreOffice is not written (contract 10.3)', () => {
  test('Excel’s ~$demo.xlsx: exit 5 naming the person, the workbook untouched, no log row', async () => {
    const book = join(dir, 'demo.xlsx');
    await writeProvinceXlsx(book);
    writeFileSync(join(dir, '~$demo.xlsx'), excelOwnerFile('Nguyễn Thị Hương'));
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(5);
    expect(lines(result.stderr)).toEqual([
      `Lỗi đồng bộ [FILE_IN_USE]: Chưa ghi gì: tệp Excel "${book}" đang được Nguyễn Thị Hương mở bằng Excel; hãy đóng tệp rồi chạy lại (nếu chắc không còn ai mở tệp, hãy xóa tệp khóa "${join(dir, '~$demo.xlsx')}").`,
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['demo.xlsx', '~$demo.xlsx']);
  });

  test('LibreOffice’s .~lock.demo.xlsx#: exit 5 naming the user and the computer, the workbook untouched', async () => {
    const book = join(dir, 'demo.xlsx');
    await writeProvinceXlsx(book);
    writeFileSync(
      join(dir, '.~lock.demo.xlsx#'),
      ',tranthib,MAY-KHTH-02,07.12.2026 09:15,file:///home/tranthib/.config/libreoffice/4;',
    );
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(5);
    expect(lines(result.stderr)).toEqual([
      expect.stringContaining(`"${book}" đang được tranthib (MAY-KHTH-02) mở bằng LibreOffice; hãy đóng tệp`),
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('a lock file that names no one still stops the run: "một người khác"', async () => {
    const book = join(dir, 'demo.xlsx');
    await writeProvinceXlsx(book);
    writeFileSync(join(dir, '~$demo.xlsx'), Buffer.from([0, 1, 2, 3]));
    const before = readFileSync(book);
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('đang được một người khác mở bằng Excel');
    expect(readFileSync(book).equals(before)).toBe(true);
  });
});

/**
 * Saves another person's workbook over `SAVE_TARGET` while the sync writes its temp file, i.e. after the
 * read its write builds on and before its rename (FileHandle.sync is called on the temp file only).
 */
const SAVE_HOOK = `
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const realOpen = fsp.open;
let saved = false;
fsp.open = async (path, ...rest) => {
  const handle = await realOpen(path, ...rest);
  if (!saved && String(path).endsWith('.tmp')) {
    const realSync = handle.sync.bind(handle);
    handle.sync = async () => {
      if (!saved) {
        saved = true;
        fs.copyFileSync(process.env.SAVE_FROM, process.env.SAVE_TARGET);
      }
      return realSync();
    };
  }
  return handle;
};
`;

test('a save between the sync’s read and its rename: exit 5, nothing written, the other person’s bytes kept', async () => {
  const book = join(dir, 'demo.xlsx');
  await writeProvinceXlsx(book);
  const theirs = join(dir, 'their-save.xlsx');
  await writeProvinceXlsx(theirs, { 'Ghi chú của tôi': [['Đã sửa chỉ tiêu Sở Tư pháp']] });
  const hook = join(dir, 'save-hook.js');
  writeFileSync(hook, SAVE_HOOK);
  const result = await sync(['--workbook', book], hook, { SAVE_TARGET: book, SAVE_FROM: theirs });
  expect(result.code).toBe(5);
  expect(lines(result.stderr)).toEqual([
    `Lỗi đồng bộ [FILE_CHANGED]: Chưa ghi gì: tệp Excel "${book}" vừa được lưu lại trong lúc đồng bộ đang chạy, nên bản vừa lưu được giữ nguyên; hãy chạy lại đồng bộ để tính trên bản mới.`,
  ]);
  expect(readFileSync(book).equals(readFileSync(theirs))).toBe(true);
  // No temp file left, no chart written for a workbook that was not.
  expect(readdirSync(dir).sort()).toEqual(['demo.xlsx', 'save-hook.js', 'their-save.xlsx']);
});
