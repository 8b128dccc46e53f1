// Reading an .xlsx at zip level in tests: a tab's sheet XML, the workbook's defined names, any part.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import JSZip from 'jszip';

export async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

export async function text(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  return file.async('string');
}

/** The part name of a tab's worksheet, through workbook.xml and its relationships. */
export async function sheetPartOf(zip: JSZip, tab: string): Promise<string> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const escaped = tab.replace(/&/g, '&amp;');
  const rid = new RegExp(`<sheet\\b[^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const target = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`no tab ${tab}`);
  return posix.normalize(posix.join('xl', target));
}

export async function sheetXmlOf(path: string, tab: string): Promise<string> {
  const zip = await zipOf(path);
  return text(zip, await sheetPartOf(zip, tab));
}
