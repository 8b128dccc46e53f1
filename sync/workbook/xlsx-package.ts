// Saves an .xlsx at zip level: the original package with only the product's tabs replaced, so what users add (charts, images, pivots, tables…) survives.
import { posix } from 'node:path';
import JSZip from 'jszip';
import { XLSX_TAB_MARK_NAME } from '../../src/core/tab-ownership';
import {
  parseRelationships,
  parseScopedNames,
  parseSheetList,
  RELATIONSHIPS_NS,
  type Relationship,
  XmlPartError,
} from './xlsx-xml';

/** The original package has something this composer cannot rewrite safely: nothing is written. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
}

const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** Defined names the product writes for its own tabs (print set-up); any other name is the user's and kept. */
const OWN_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles', '_xlnm._FilterDatabase']);

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&');
const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The attributes of one start tag, by qualified name, unescaped. */
function attributesOf(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    found.set(match[1] as string, unescapeXml(match[2] ?? match[3] ?? ''));
  }
  return found;
}

/** Every element `<tag …/>` or `<tag …>…</tag>` (not nested in itself), whole. */
const elements = (xml: string, tag: string): string[] =>
  xml.match(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g')) ?? [];

/** A part's relationships file: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
const relsPathOf = (part: string): string =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/** Where a relationship of `source` points, as a part name (no leading slash). */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return posix.normalize(target.slice(1));
  return posix.normalize(posix.join(posix.dirname(source), target));
}

/** A relationships part, read with the XML parser (xlsx-xml.ts); none when the part is missing. */
function parseRels(xml: string | null, part: string): Relationship[] {
  return xml ? parseRelationships(xml, part) : [];
}

function relsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (rel) =>
      `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"${rel.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** The zip and the text parts read or changed so far (written back once at the end). */
class Package {
  private readonly texts = new Map<string, string>();
  private readonly binaries = new Map<string, Buffer>();
  private readonly removed = new Set<string>();

  constructor(readonly zip: JSZip) {}

  static async load(bytes: Buffer): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  has(part: string): boolean {
    if (this.removed.has(part)) return false;
    return this.texts.has(part) || this.binaries.has(part) || this.zip.file(part) !== null;
  }

  async text(part: string): Promise<string | null> {
    if (this.removed.has(part)) return null;
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const file = this.zip.file(part);
    if (!file) return null;
    const text = await file.async('string');
    this.texts.set(part, text);
    return text;
  }

  async bytes(part: string): Promise<Buffer | null> {
    if (this.removed.has(part)) return null;
    const text = this.texts.get(part);
    if (text !== undefined) return Buffer.from(text, 'utf8');
    const file = this.zip.file(part);
    return file ? file.async('nodebuffer') : null;
  }

  setText(part: string, text: string): void {
    this.removed.delete(part);
    this.texts.set(part, text);
  }

  setBytes(part: string, bytes: Buffer): void {
    this.removed.delete(part);
    this.binaries.set(part, bytes);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.texts.delete(part);
    this.binaries.delete(part);
  }

  parts(): string[] {
    const names = new Set(
      Object.values(this.zip.files)
        .filter((file) => !file.dir)
        .map((file) => file.name),
    );
    for (const name of [...this.texts.keys(), ...this.binaries.keys()]) names.add(name);
    return [...names].filter((name) => !this.removed.has(name));
  }

  async rels(part: string): Promise<Relationship[]> {
    const path = relsPathOf(part);
    return parseRels(await this.text(path), path);
  }

  /** A part name not used yet: `xl/drawings/drawing7.xml` after drawing1…6 (exceljs reads names of this shape). */
  fresh(folder: string, stem: string, extension: string): string {
    const used = new Set(this.parts());
    for (let n = 1; ; n++) {
      const name = `${folder}/${stem}${n}.${extension}`;
      if (!used.has(name)) return name;
    }
  }

  /** Every part reachable from the package's root relationships. */
  async reachable(): Promise<Set<string>> {
    const seen = new Set<string>();
    const visit = async (source: string, rels: Relationship[]) => {
      for (const rel of rels) {
        if (rel.external) continue;
        const target = resolveTarget(source, rel.target);
        if (seen.has(target) || !this.has(target)) continue;
        seen.add(target);
        await visit(target, await this.rels(target));
      }
    };
    await visit('', parseRels(await this.text('_rels/.rels'), '_rels/.rels'));
    return seen;
  }

  async save(): Promise<Buffer> {
    const out = new JSZip();
    // [Content_Types].xml first, as Office writes it: some readers look for it there.
    const parts = this.parts().sort(
      (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
    );
    for (const part of parts) {
      const text = this.texts.get(part);
      const data = text ?? this.binaries.get(part) ?? (await this.zip.file(part)?.async('nodebuffer'));
      if (data !== undefined) out.file(part, data);
    }
    return out.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
  }
}

/** [Content_Types].xml: the content type of a part, and adding or removing parts. */
class ContentTypes {
  constructor(private xml: string) {}

  private defaults(): Map<string, string> {
    const map = new Map<string, string>();
    for (const element of elements(this.xml, 'Default')) {
      const attributes = attributesOf(element);
      map.set((attributes.get('Extension') ?? '').toLowerCase(), attributes.get('ContentType') ?? '');
    }
    return map;
  }

  private override(part: string): string | undefined {
    for (const element of elements(this.xml, 'Override')) {
      const attributes = attributesOf(element);
      if (attributes.get('PartName') === `/${part}`) return attributes.get('ContentType');
    }
    return undefined;
  }

  typeOf(part: string): string | undefined {
    return this.override(part) ?? this.defaults().get(posix.extname(part).slice(1).toLowerCase());
  }

  /** Declares `part` with `type`: by its extension's default when that already says so, else an override. */
  add(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    this.remove(part);
    const extension = posix.extname(part).slice(1).toLowerCase();
    const entry =
      extension !== '' && !this.defaults().has(extension) && extension !== 'xml'
        ? `<Default Extension="${escapeXml(extension)}" ContentType="${escapeXml(type)}"/>`
        : `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`;
    this.xml = this.xml.replace(/<\/Types>\s*$/, `${entry}</Types>`);
  }

  remove(part: string): void {
    this.xml = this.xml.replace(
      new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(escapeXml(part))}"[^>]*/>`, 'g'),
      '',
    );
  }

  toString(): string {
    return this.xml;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * workbook.xml with `entries` (new `<sheet>` elements) added at the end of its tab list, written with the
 * list's own namespace prefixes (`r:id` declared on the element when no prefix is bound to it there).
 */
function withSheets(workbookXml: string, part: string, entries: readonly string[]): string {
  if (entries.length === 0) return workbookXml;
  const list = parseSheetList(workbookXml, part);
  if (list.closeAt !== null)
    return `${workbookXml.slice(0, list.closeAt)}${entries.join('')}${workbookXml.slice(list.closeAt)}`;
  // `<sheets/>`: opened, filled and closed.
  const open = workbookXml.slice(list.start, list.end).replace(/\s*\/>$/, '>');
  return `${workbookXml.slice(0, list.start)}${open}${entries.join('')}</${list.qualifiedName}>${workbookXml.slice(list.end)}`;
}

/** A new `<sheet>` in the prefixes of workbook.xml's tab list. */
function sheetElement(
  list: ReturnType<typeof parseSheetList>,
  name: string,
  sheetId: number,
  rid: string,
): string {
  const prefix = list.qualifiedName.includes(':') ? `${list.qualifiedName.split(':')[0]}:` : '';
  const rels = list.relsPrefix ?? 'r';
  const declare = list.relsPrefix ? '' : ` xmlns:r="${RELATIONSHIPS_NS}"`;
  return `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rels}:id="${rid}"${declare}/>`;
}

/** Sets (or adds) `count="n"` on the first start tag of a section. */
const withCount = (section: string, count: number): string => {
  const end = section.indexOf('>');
  const open = section.slice(0, end);
  const counted = /\bcount="\d*"/.test(open)
    ? open.replace(/\bcount="\d*"/, `count="${count}"`)
    : open.replace(/\/$/, '').replace(/^(<\w+)/, `$1 count="${count}"`);
  return `${counted}${section.slice(end)}`;
};

/** The section `<tag …>…</tag>` (or `<tag/>`) of a styles part, or null. */
const sectionOf = (xml: string, tag: string): string | null => elements(xml, tag)[0] ?? null;

/** Appends elements to a section, which is created after `after` (a list of sections, first found wins) when missing. */
function appendTo(
  xml: string,
  tag: string,
  child: string,
  added: readonly string[],
  after: readonly string[],
): string {
  if (added.length === 0) return xml;
  const section = sectionOf(xml, tag);
  if (section) {
    const count = elements(section, child).length + added.length;
    const open = section.endsWith('/>') ? `${section.slice(0, -2)}>` : section.slice(0, -`</${tag}>`.length);
    return xml.replace(section, () => withCount(`${open}${added.join('')}</${tag}>`, count));
  }
  const created = `<${tag} count="${added.length}">${added.join('')}</${tag}>`;
  for (const previous of after) {
    const found = previous === '' ? /<styleSheet\b[^>]*>/.exec(xml)?.[0] : sectionOf(xml, previous);
    if (found) return xml.replace(found, () => `${found}${created}`);
  }
  throw new PackageError(`styles.xml has no place for <${tag}>`);
}

/** How the generated workbook's style indexes read in the merged styles part. */
interface StyleMap {
  readonly xf: (index: number) => number;
  readonly dxf: (index: number) => number;
}

/**
 * The elements of `added` that `existing` lacks (same text), to append, and where each of `added` is
 * then: a style the original already has (the same font, or the cell format a previous sync appended)
 * is reused, so the styles part does not grow run after run.
 */
function mergeList(
  existing: readonly string[],
  added: readonly string[],
): { appended: string[]; at: number[] } {
  const index = new Map<string, number>();
  existing.forEach((element, i) => {
    if (!index.has(element)) index.set(element, i);
  });
  const appended: string[] = [];
  const at = added.map((element) => {
    let i = index.get(element);
    if (i === undefined) {
      i = existing.length + appended.length;
      appended.push(element);
      index.set(element, i);
    }
    return i;
  });
  return { appended, at };
}

/**
 * Adds the generated workbook's fonts, fills, borders, number formats, cell formats and differential
 * formats to the original styles, leaving every original index as it was (user tabs keep their looks).
 */
function mergeStyles(original: string, generated: string): { xml: string; map: StyleMap } {
  const list = (xml: string, tag: string, child: string) => elements(sectionOf(xml, tag) ?? '', child);
  if (list(original, 'cellXfs', 'xf').length === 0 || !sectionOf(original, 'fonts')) {
    throw new PackageError('styles.xml without cellXfs');
  }

  // Number formats: the same code reuses the original's id; a new code gets the next free custom id.
  const formatIds = new Map<number, number>();
  const existing = new Map<string, number>();
  let nextId = 163;
  for (const element of list(original, 'numFmts', 'numFmt')) {
    const attributes = attributesOf(element);
    const id = Number(attributes.get('numFmtId'));
    existing.set(attributes.get('formatCode') ?? '', id);
    nextId = Math.max(nextId, id);
  }
  const addedFormats: string[] = [];
  for (const element of list(generated, 'numFmts', 'numFmt')) {
    const attributes = attributesOf(element);
    const code = attributes.get('formatCode') ?? '';
    let id = existing.get(code);
    if (id === undefined) {
      id = ++nextId;
      existing.set(code, id);
      addedFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    formatIds.set(Number(attributes.get('numFmtId')), id);
  }
  const fonts = mergeList(list(original, 'fonts', 'font'), list(generated, 'fonts', 'font'));
  const fills = mergeList(list(original, 'fills', 'fill'), list(generated, 'fills', 'fill'));
  const borders = mergeList(list(original, 'borders', 'border'), list(generated, 'borders', 'border'));
  const shift = (element: string, name: string, by: (n: number) => number) =>
    element.replace(new RegExp(`\\b${name}="(\\d+)"`), (_, n: string) => `${name}="${by(Number(n))}"`);
  const generatedXfs = list(generated, 'cellXfs', 'xf').map((xf) => {
    let out = shift(xf, 'numFmtId', (n) => formatIds.get(n) ?? n);
    out = shift(out, 'fontId', (n) => fonts.at[n] ?? 0);
    out = shift(out, 'fillId', (n) => fills.at[n] ?? 0);
    out = shift(out, 'borderId', (n) => borders.at[n] ?? 0);
    return shift(out, 'xfId', () => 0);
  });
  const xfs = mergeList(list(original, 'cellXfs', 'xf'), generatedXfs);
  const dxfs = mergeList(list(original, 'dxfs', 'dxf'), list(generated, 'dxfs', 'dxf'));

  let xml = original;
  xml = appendTo(xml, 'numFmts', 'numFmt', addedFormats, ['']);
  xml = appendTo(xml, 'fonts', 'font', fonts.appended, []);
  xml = appendTo(xml, 'fills', 'fill', fills.appended, ['fonts']);
  xml = appendTo(xml, 'borders', 'border', borders.appended, ['fills']);
  xml = appendTo(xml, 'cellXfs', 'xf', xfs.appended, []);
  xml = appendTo(xml, 'dxfs', 'dxf', dxfs.appended, ['cellStyles', 'cellXfs']);
  return { xml, map: { xf: (n) => xfs.at[n] ?? 0, dxf: (n) => dxfs.at[n] ?? 0 } };
}

/**
 * A generated worksheet made to fit the merged package: style indexes shifted, shared strings written
 * inline (so the original string table is left as it is), and not selected (the user's active tab stays).
 */
function adaptSheet(xml: string, styles: StyleMap, strings: readonly string[]): string {
  const restyle = (attributes: string, name: string, by: (n: number) => number) =>
    attributes.replace(
      new RegExp(`(\\s${name}=")(\\d+)"`),
      (_, lead: string, n: string) => `${lead}${by(Number(n))}"`,
    );
  return xml
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_, attributes: string, end: string, inner?: string) => {
      let own = restyle(attributes, 's', styles.xf);
      if (/\st="s"/.test(own) && inner !== undefined) {
        const index = Number(/<v>(\d+)<\/v>/.exec(inner)?.[1] ?? -1);
        own = own.replace(/\st="s"/, ' t="inlineStr"');
        return `<c${own}><is>${strings[index] ?? '<t></t>'}</is></c>`;
      }
      return end === '/>' ? `<c${own}/>` : `<c${own}>${inner ?? ''}</c>`;
    })
    .replace(/<row\b([^>]*)>/g, (_, attributes: string) => `<row${restyle(attributes, 's', styles.xf)}>`)
    .replace(/<col\b([^>]*)>/g, (_, attributes: string) => `<col${restyle(attributes, 'style', styles.xf)}>`)
    .replace(
      /(<cfRule\b[^>]*\sdxfId=")(\d+)"/g,
      (_, lead: string, n: string) => `${lead}${styles.dxf(Number(n))}"`,
    )
    .replace(/\stabSelected="1"/g, '');
}

/** The officeDocument part (xl/workbook.xml) of a package. */
async function workbookPartOf(pkg: Package): Promise<string> {
  const rel = parseRels(await pkg.text('_rels/.rels'), '_rels/.rels').find(
    (r) => r.type === REL.officeDocument,
  );
  if (!rel) throw new PackageError('no workbook part');
  return resolveTarget('', rel.target);
}

/** Relative target from one part to another, for a relationships file. */
const relativeTarget = (source: string, target: string): string =>
  posix.relative(posix.dirname(source), target);

/** Copies a generated part (and everything its relationships reach) into the package under fresh names. */
async function copyPart(
  from: Package,
  to: Package,
  fromTypes: ContentTypes,
  toTypes: ContentTypes,
  part: string,
): Promise<string> {
  const folder = posix.dirname(part);
  const extension = posix.extname(part).slice(1);
  const stem = posix.basename(part, `.${extension}`).replace(/\d+$/, '');
  const name = to.fresh(folder, stem, extension);
  const bytes = await from.bytes(part);
  if (!bytes) throw new PackageError(`missing generated part ${part}`);
  to.setBytes(name, bytes);
  toTypes.add(name, fromTypes.typeOf(part) ?? 'application/octet-stream');
  const rels = await from.rels(part);
  if (rels.length > 0) {
    const copied: Relationship[] = [];
    for (const rel of rels) {
      if (rel.external) {
        copied.push(rel);
        continue;
      }
      const target = await copyPart(from, to, fromTypes, toTypes, resolveTarget(part, rel.target));
      copied.push({ ...rel, target: relativeTarget(name, target) });
    }
    to.setText(relsPathOf(name), relsXml(copied));
  }
  return name;
}

/** Which tab of the original a generated tab replaces (the same matching as reading: workbook.ts). */
export type SameTab = (entries: readonly { name: string }[], name: string) => number;

/**
 * The original package with the generated workbook's tabs put in: a tab of the same name is replaced in
 * place (same position, id and part name), a new one is appended. Everything else of the original, user
 * tabs and their drawings, charts, images, pivots, tables, names, VBA, is copied byte for byte. Parts only
 * the replaced tabs used (the previous chart image) are dropped.
 */
export async function composePackage(original: Buffer, generated: Buffer, sameTab: SameTab): Promise<Buffer> {
  try {
    return await compose(original, generated, sameTab);
  } catch (error) {
    // A part that is not well-formed XML: nothing is written, and the reason is the composer's own.
    if (error instanceof XmlPartError) throw new PackageError(error.message);
    throw error;
  }
}

async function compose(original: Buffer, generated: Buffer, sameTab: SameTab): Promise<Buffer> {
  let pkg: Package;
  try {
    pkg = await Package.load(original);
  } catch (error) {
    throw new PackageError((error as Error).message);
  }
  const gen = await Package.load(generated);
  const before = await pkg.reachable();
  const workbookPart = await workbookPartOf(pkg);
  const genWorkbookPart = await workbookPartOf(gen);
  let workbookXml = (await pkg.text(workbookPart)) ?? '';
  const genWorkbookXml = (await gen.text(genWorkbookPart)) ?? '';
  const workbookRels = await pkg.rels(workbookPart);
  const genRels = await gen.rels(genWorkbookPart);
  const types = new ContentTypes((await pkg.text('[Content_Types].xml')) ?? '');
  const genTypes = new ContentTypes((await gen.text('[Content_Types].xml')) ?? '');
  const list = parseSheetList(workbookXml, workbookPart);

  const partOf = (rels: readonly Relationship[], source: string, type: string) => {
    const rel = rels.find((r) => r.type === type);
    return rel ? resolveTarget(source, rel.target) : null;
  };
  const stylesPart = partOf(workbookRels, workbookPart, REL.styles);
  const genStylesPart = partOf(genRels, genWorkbookPart, REL.styles);
  if (!stylesPart || !genStylesPart) throw new PackageError('no styles part');
  const styles = mergeStyles((await pkg.text(stylesPart)) ?? '', (await gen.text(genStylesPart)) ?? '');
  pkg.setText(stylesPart, styles.xml);
  const genStringsPart = partOf(genRels, genWorkbookPart, REL.sharedStrings);
  const strings = genStringsPart
    ? elements((await gen.text(genStringsPart)) ?? '', 'si').map((si) => si.replace(/^<si>|<\/si>$/g, ''))
    : [];

  const sheets = [...list.sheets];
  const genSheets = parseSheetList(genWorkbookXml, genWorkbookPart).sheets;
  /** New `<sheet>` elements, added to the tab list in one edit after the loop. */
  const newEntries: string[] = [];
  const rels = [...workbookRels];
  /** Generated tab index → its index in the composed workbook's tab order. */
  const placeOf = new Map<number, number>();
  let replacedAny = false;
  let nextSheetId = Math.max(0, ...sheets.map((sheet) => sheet.sheetId)) + 1;
  for (const [genIndex, genSheet] of genSheets.entries()) {
    const genRel = genRels.find((rel) => rel.id === genSheet.rid);
    if (!genRel) throw new PackageError(`generated tab ${genSheet.name} has no part`);
    const genPart = resolveTarget(genWorkbookPart, genRel.target);
    const at = sameTab(sheets, genSheet.name);
    let part: string;
    if (at >= 0) {
      const rel = rels.find((r) => r.id === sheets[at]?.rid);
      if (!rel || rel.type !== REL.worksheet)
        throw new PackageError(`tab ${genSheet.name} is not a worksheet`);
      part = resolveTarget(workbookPart, rel.target);
      pkg.remove(relsPathOf(part));
      placeOf.set(genIndex, at);
      replacedAny = true;
    } else {
      // Excel compares tab names without case: a second tab differing only so would corrupt the file.
      const key = genSheet.name.normalize('NFC').toLocaleLowerCase('vi');
      if (sheets.some((sheet) => sheet.name.normalize('NFC').toLocaleLowerCase('vi') === key)) {
        throw new PackageError(`tab ${genSheet.name} differs from an existing tab only by case`);
      }
      part = pkg.fresh('xl/worksheets', 'sheet', 'xml');
      const ids = new Set(rels.map((rel) => rel.id));
      let n = rels.length + 1;
      while (ids.has(`rId${n}`)) n++;
      const rid = `rId${n}`;
      rels.push({
        id: rid,
        type: REL.worksheet,
        target: relativeTarget(workbookPart, part),
        external: false,
      });
      const entry = sheetElement(list, genSheet.name, nextSheetId++, rid);
      newEntries.push(entry);
      sheets.push({ name: genSheet.name, sheetId: nextSheetId - 1, rid, element: entry });
      placeOf.set(genIndex, sheets.length - 1);
    }
    pkg.setText(part, adaptSheet((await gen.text(genPart)) ?? '', styles.map, strings));
    types.add(part, WORKSHEET_TYPE);
    const copied: Relationship[] = [];
    for (const rel of await gen.rels(genPart)) {
      if (rel.external) {
        copied.push(rel);
        continue;
      }
      const target = await copyPart(gen, pkg, genTypes, types, resolveTarget(genPart, rel.target));
      copied.push({ ...rel, target: relativeTarget(part, target) });
    }
    if (copied.length > 0) pkg.setText(relsPathOf(part), relsXml(copied));
  }

  workbookXml = withSheets(workbookXml, workbookPart, newEntries);

  // The product's print names of its tabs are replaced; the user's own names stay.
  const ownedPlaces = new Set(placeOf.values());
  const kept = elements(workbookXml, 'definedName').filter((element) => {
    const attributes = attributesOf(element.slice(0, element.indexOf('>') + 1));
    const local = attributes.get('localSheetId');
    return !(
      OWN_NAMES.has(attributes.get('name') ?? '') &&
      local !== undefined &&
      ownedPlaces.has(Number(local))
    );
  });
  const added = elements(genWorkbookXml, 'definedName').map((element) =>
    element.replace(
      /\slocalSheetId="(\d+)"/,
      (_, n: string) => ` localSheetId="${placeOf.get(Number(n)) ?? n}"`,
    ),
  );
  // Every tab written carries the product's mark (contract 10.2): one it made or adopted gets it now.
  const marked = markedPlaces(kept);
  const marks = [...ownedPlaces]
    .filter((place) => !marked.has(place))
    .sort((a, b) => a - b)
    .map((place) => markElement(place, sheets[place]?.name ?? ''));
  const names = [...kept, ...added, ...marks];
  const namesXml = names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '';
  if (/<definedNames\b/.test(workbookXml)) {
    workbookXml = workbookXml.replace(
      /<definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/,
      () => namesXml,
    );
  } else {
    // Excel wants definedNames after sheets, functionGroups and externalReferences, whichever are there.
    const before = ['externalReferences', 'functionGroups', 'sheets']
      .map((tag) => elements(workbookXml, tag)[0])
      .find((found) => found !== undefined);
    if (before) workbookXml = workbookXml.replace(before, () => `${before}${namesXml}`);
  }

  // The calculation chain lists formula cells; the replaced tabs' cells changed, so Excel rebuilds it.
  const calcChain = rels.find((rel) => rel.type === REL.calcChain);
  if (replacedAny && calcChain) rels.splice(rels.indexOf(calcChain), 1);
  pkg.setText(workbookPart, workbookXml);
  pkg.setText(relsPathOf(workbookPart), relsXml(rels));

  // Parts that only the replaced tabs used are dropped, with their relationships and content types.
  const after = await pkg.reachable();
  for (const part of before) {
    if (after.has(part)) continue;
    pkg.remove(part);
    pkg.remove(relsPathOf(part));
    types.remove(part);
  }
  pkg.setText('[Content_Types].xml', types.toString());
  return pkg.save();
}

/**
 * The product's mark on a tab: a hidden defined name scoped to it (localSheetId, its place), pointing at
 * its own first cell, so Excel and LibreOffice carry it along when the tab is renamed or moved.
 */
const markElement = (place: number, tab: string): string =>
  `<definedName name="${XLSX_TAB_MARK_NAME}" localSheetId="${place}" hidden="1">${escapeXml(`'${tab.replace(/'/g, "''")}'!$A$1`)}</definedName>`;

/** Places (localSheetId) of the tabs that carry the product's mark, among `<definedName>` elements. */
function markedPlaces(definedNames: readonly string[]): Set<number> {
  const places = new Set<number>();
  for (const element of definedNames) {
    const attributes = attributesOf(element.slice(0, element.indexOf('>') + 1));
    const local = attributes.get('localSheetId');
    if (attributes.get('name') === XLSX_TAB_MARK_NAME && local !== undefined && /^\d+$/.test(local))
      places.add(Number(local));
  }
  return places;
}

/** The tabs of a package in order, each with whether it carries the product's mark (contract 10.2). */
export async function tabsOf(bytes: Buffer): Promise<{ name: string; marked: boolean }[]> {
  let pkg: Package;
  try {
    pkg = await Package.load(bytes);
  } catch (error) {
    throw new PackageError((error as Error).message);
  }
  const part = await workbookPartOf(pkg);
  const xml = (await pkg.text(part)) ?? '';
  try {
    const marked = parseScopedNames(xml, part, XLSX_TAB_MARK_NAME);
    return parseSheetList(xml, part).sheets.map((sheet, place) => ({
      name: sheet.name,
      marked: marked.has(place),
    }));
  } catch (error) {
    if (error instanceof XmlPartError) throw new PackageError(error.message);
    throw error;
  }
}

/** The tab names of a package, in order, from its workbook part (without loading any sheet). */
export async function tabNamesOf(bytes: Buffer): Promise<string[]> {
  return (await tabsOf(bytes)).map((tab) => tab.name);
}
