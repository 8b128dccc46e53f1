// Who holds a workbook open, read from Excel's and LibreOffice's lock files as those programs write them.
import { excelOwner, libreOfficeOwner, lockPathsOf } from '../../sync/workbook/office-locks';

/** Office's owner-file layout: length, ANSI name padded (Excel: spaces to 55; Word: zeros to 54), then UTF-16LE. */
function ownerFile(name: string, ansi: string, layout: 'excel' | 'word'): Buffer {
  const size = layout === 'excel' ? 165 : 162;
  const bytes = Buffer.alloc(size, layout === 'excel' ? 0x20 : 0);
  bytes[0] = ansi.length;
  bytes.write(ansi, 1, 'latin1');
  const at = layout === 'excel' ? 55 : 54;
  bytes.writeUInt16LE(name.length, at);
  bytes.write(name, at + 2, 'utf16le');
  return bytes;
}

test('the lock files sit beside the workbook under Excel’s and LibreOffice’s names', () => {
  expect(lockPathsOf('/data/bao cao/demo.xlsx')).toEqual({
    excel: '/data/bao cao/~$demo.xlsx',
    libreOffice: '/data/bao cao/.~lock.demo.xlsx#',
  });
});

test('Excel’s owner file: the UTF-16 copy of the name (exact in Vietnamese), in Excel’s and Word’s layouts', () => {
  expect(excelOwner(ownerFile('Lê Văn Đạt', 'L? V?n ??t', 'excel'))).toBe('Lê Văn Đạt');
  expect(excelOwner(ownerFile('Phạm Minh', 'Ph?m Minh', 'word'))).toBe('Phạm Minh');
  // A damaged UTF-16 copy: the ANSI name when it is plain ASCII, else no one.
  const ascii = ownerFile('admin', 'admin', 'excel');
  ascii.writeUInt16LE(0, 55);
  expect(excelOwner(ascii)).toBe('admin');
  const vietnamese = ownerFile('Lê Văn Đạt', 'L\xea V\xe3n', 'excel');
  vietnamese.writeUInt16LE(200, 55);
  expect(excelOwner(vietnamese)).toBeNull();
  expect(excelOwner(Buffer.alloc(0))).toBeNull();
  expect(excelOwner(Buffer.from([60, 65, 66]))).toBeNull();
});

test('LibreOffice’s lock line: its own user name first, else the system user, with the computer; escapes undone', () => {
  expect(
    libreOfficeOwner(',tranthib,MAY-02,07.12.2026 09:15,file:///home/tranthib/.config/libreoffice/4;'),
  ).toBe('tranthib (MAY-02)');
  expect(libreOfficeOwner('Trần Thị B,tranthib,MAY-02,07.12.2026 09:15,file:///x;')).toBe(
    'Trần Thị B (MAY-02)',
  );
  expect(libreOfficeOwner('Nguyễn\\, Phòng KH,u,h\\;1,07.12.2026 09:15,file:///x;')).toBe(
    'Nguyễn, Phòng KH (h;1)',
  );
  expect(libreOfficeOwner('')).toBeNull();
  expect(libreOfficeOwner(',,,,;')).toBeNull();
});
