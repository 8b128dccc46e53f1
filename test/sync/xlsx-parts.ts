// Reading an .xlsx at zip level in tests: a tab's sheet XML, the workbook's defined names, any part.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import JSZip from 'jszip';
import { parseRelationships, parseSheetList } from '../../sync/workbook/xlsx-xml';

export async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

export async function text(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async('string');
}

/** The part name of a tab's worksheet, through workbook.xml and its relationships (read as XML: a comment is no tab). */
export async function sheetPartOf(zip: JSZip, tab: string): Promise<string> {
  const rid = parseSheetList(await text(zip, 'xl/workbook.xml'), 'xl/workbook.xml').sheets.find(
    (sheet) => sheet.name === tab,
  )?.rid;
  const rels = parseRelationships(await text(zip, 'xl/_rels/workbook.xml.rels'), 'workbook.xml.rels');
  const target = rels.find((rel) => rel.id === rid)?.target;
  if (!rid || !target) throw new Error(`no tab ${tab}`);
  return target.startsWith('/')
    ? posix.normalize(target.slice(1))
    : posix.normalize(posix.join('xl', target));
}

export async function sheetXmlOf(path: string, tab: string): Promise<string> {
  const zip = await zipOf(path);
  return text(zip, await sheetPartOf(zip, tab));
}
