// Reads the package parts the .xlsx composer relies on (relationships, workbook.xml's tab list) with an XML parser (saxes), never with text patterns.
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** The namespaces of those parts, transitional and strict (ISO 29500) alike. */
const NS = {
  packageRels: ['http://schemas.openxmlformats.org/package/2006/relationships'],
  main: [
    'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'http://purl.oclc.org/ooxml/spreadsheetml/main',
  ],
  rels: [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
  ],
} as const;

/** The relationships namespace a new `r:id` is written in (the one Excel writes). */
export const RELATIONSHIPS_NS = NS.rels[0];

/** The part is not well-formed XML (or not the part it should be): the composer writes nothing. */
export class XmlPartError extends Error {
  override readonly name = 'XmlPartError';
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** One `<sheet>` of workbook.xml: its name, id, relationship id, and where its element is in the text. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rid: string;
  /** The element's text as it stands in workbook.xml. */
  readonly element: string;
}

/** workbook.xml's tab list, and where a new `<sheet>` goes: before `</sheets>`, or in place of `<sheets/>`. */
export interface SheetList {
  readonly sheets: SheetEntry[];
  /** Offsets of the whole `<sheets>` element in the text. */
  readonly start: number;
  readonly end: number;
  /** Offset of `</sheets>`, or null for an empty `<sheets/>`. */
  readonly closeAt: number | null;
  /** The qualified name of `sheets` as written (`sheets`, or `x:sheets` where the main namespace has a prefix). */
  readonly qualifiedName: string;
  /** A prefix bound to the relationships namespace where the list is, if any (`r` as Excel writes it). */
  readonly relsPrefix: string | null;
}

type Tag = SaxesTagNS;

/**
 * Walks `xml` with namespaces resolved: `open` for each start tag with the offset where it starts and the
 * namespace bindings in scope, `close` with the offset after its end. Comments, CDATA, processing
 * instructions and doctype are the parser's, never taken for elements. Any XML error throws XmlPartError.
 */
function walk(
  xml: string,
  part: string,
  open: (tag: Tag, start: number, scope: ReadonlyMap<string, string>, depth: number) => void,
  close?: (tag: Tag, end: number, depth: number) => void,
): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const scopes: Map<string, string>[] = [new Map()];
  const starts: number[] = [];
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const scope = new Map(scopes[scopes.length - 1]);
    for (const [prefix, uri] of Object.entries(tag.ns ?? {})) scope.set(prefix, uri);
    scopes.push(scope);
    // The parser stands right after the start tag's `>`; `<` cannot occur inside a tag, so the last one
    // before it opens the tag.
    const start = xml.lastIndexOf('<', parser.position - 1);
    starts.push(start);
    open(tag, start, scope, scopes.length - 2);
  });
  parser.on('closetag', (tag) => {
    scopes.pop();
    starts.pop();
    close?.(tag, parser.position, scopes.length - 1);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new XmlPartError(`${part}: ${(failure as Error).message}`);
}

const attribute = (tag: Tag, uris: readonly string[] | null, local: string): string | undefined => {
  for (const attr of Object.values(tag.attributes)) {
    if (attr.local !== local) continue;
    if (uris === null ? attr.uri === '' : (uris as readonly string[]).includes(attr.uri)) return attr.value;
  }
  return undefined;
};

/** The relationships of a `.rels` part (package relationships namespace), in document order. */
export function parseRelationships(xml: string, part: string): Relationship[] {
  const found: Relationship[] = [];
  walk(xml, part, (tag, _start, _scope, depth) => {
    if (depth !== 1 || tag.local !== 'Relationship' || !NS.packageRels.includes(tag.uri as never)) return;
    found.push({
      id: attribute(tag, null, 'Id') ?? '',
      type: attribute(tag, null, 'Type') ?? '',
      target: attribute(tag, null, 'Target') ?? '',
      external: attribute(tag, null, 'TargetMode') === 'External',
    });
  });
  return found;
}

/** workbook.xml's `<sheets>` list (SpreadsheetML main namespace, prefixed or not); throws when there is none. */
export function parseSheetList(xml: string, part: string): SheetList {
  const sheets: SheetEntry[] = [];
  let list: Omit<SheetList, 'sheets' | 'end' | 'closeAt'> | null = null;
  let done: { end: number; closeAt: number | null } | null = null;
  let sheetStart = -1;
  let pending: Omit<SheetEntry, 'element'> | null = null;
  const isMain = (tag: Tag) => NS.main.includes(tag.uri as never);
  walk(
    xml,
    part,
    (tag, start, scope, depth) => {
      if (depth === 1 && tag.local === 'sheets' && isMain(tag) && !list) {
        const relsPrefix = [...scope].find(([, uri]) => NS.rels.includes(uri as never))?.[0] ?? null;
        list = { start, qualifiedName: tag.name, relsPrefix };
      } else if (depth === 2 && list && !done && tag.local === 'sheet' && isMain(tag)) {
        sheetStart = start;
        pending = {
          name: attribute(tag, null, 'name') ?? '',
          sheetId: Number(attribute(tag, null, 'sheetId') ?? 0),
          rid: attribute(tag, NS.rels, 'id') ?? '',
        };
      }
    },
    (tag, end, depth) => {
      if (depth === 2 && pending && tag.local === 'sheet' && isMain(tag)) {
        sheets.push({ ...pending, element: xml.slice(sheetStart, end) });
        pending = null;
      } else if (depth === 1 && list && !done && tag.local === 'sheets' && isMain(tag)) {
        done = { end, closeAt: tag.isSelfClosing ? null : xml.lastIndexOf('<', end - 1) };
      }
    },
  );
  const found = list as Omit<SheetList, 'sheets' | 'end' | 'closeAt'> | null;
  const closed = done as { end: number; closeAt: number | null } | null;
  if (!found || !closed) throw new XmlPartError(`${part}: no <sheets> list`);
  return { sheets, ...found, ...closed };
}

/**
 * The places (`localSheetId`) of the tabs a defined name called `name` is scoped to, in workbook.xml's
 * `<definedNames>`: the product's mark on its tabs (contract 10.2, src/core/tab-ownership.ts).
 */
export function parseScopedNames(xml: string, part: string, name: string): Set<number> {
  const places = new Set<number>();
  const isMain = (tag: Tag) => NS.main.includes(tag.uri as never);
  walk(xml, part, (tag, _start, _scope, depth) => {
    if (depth !== 2 || tag.local !== 'definedName' || !isMain(tag)) return;
    const local = attribute(tag, null, 'localSheetId');
    if (attribute(tag, null, 'name') === name && local !== undefined && /^\d+$/.test(local))
      places.add(Number(local));
  });
  return places;
}

/**
 * `xml` without the children of its root element whose local names are in `locals` (whole, with their
 * content), e.g. a worksheet's `<drawing>` and `<tableParts>`. Found by the parser, cut by its offsets.
 */
export function withoutChildren(xml: string, part: string, locals: ReadonlySet<string>): string {
  const cuts: [number, number][] = [];
  let from = -1;
  walk(
    xml,
    part,
    (tag, start, _scope, depth) => {
      if (depth === 1 && locals.has(tag.local)) from = start;
    },
    (tag, end, depth) => {
      if (depth === 1 && from >= 0 && locals.has(tag.local)) {
        cuts.push([from, end]);
        from = -1;
      }
    },
  );
  let out = '';
  let at = 0;
  for (const [start, end] of cuts) {
    out += xml.slice(at, start);
    at = end;
  }
  return out + xml.slice(at);
}
