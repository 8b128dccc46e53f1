// The package parts the .xlsx composer relies on, read with an XML parser: comments, CDATA, processing instructions and prefixes are no elements.
import { parseRelationships, parseSheetList, XmlPartError } from '../../sync/workbook/xlsx-xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

test('a <sheet> inside a comment, CDATA or a processing instruction is not a tab', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="${MAIN}" xmlns:r="${R}"><?dvc <sheet name="PI" sheetId="7" r:id="rId7"/>?><sheets>
<!-- <sheet name="Tỷ lệ" sheetId="9" r:id="rId2"/> --><sheet name="Cấu hình" sheetId="1" r:id="rId1"/>
<sheet name="Đơn vị" sheetId="2" r:id="rId2"></sheet></sheets><definedNames><definedName name="x"><![CDATA[<sheet name="CD" r:id="rId3"/>]]></definedName></definedNames></workbook>`;
  const list = parseSheetList(xml, 'xl/workbook.xml');
  expect(list.sheets.map(({ name, sheetId, rid }) => [name, sheetId, rid])).toEqual([
    ['Cấu hình', 1, 'rId1'],
    ['Đơn vị', 2, 'rId2'],
  ]);
  expect(list.sheets[1]?.element).toBe('<sheet name="Đơn vị" sheetId="2" r:id="rId2"></sheet>');
  expect(xml.slice(list.closeAt ?? 0, list.end)).toBe('</sheets>');
  expect(list.relsPrefix).toBe('r');
});

test('prefixed names (x:sheets, any prefix for the relationships namespace), strict namespaces and <sheets/>', () => {
  const prefixed = `<x:workbook xmlns:x="${MAIN}"><x:sheets><x:sheet name="A&amp;B" sheetId="3" rel:id="rId5" xmlns:rel="${R}"/></x:sheets></x:workbook>`;
  const list = parseSheetList(prefixed, 'xl/workbook.xml');
  expect(list.sheets.map(({ name, rid }) => [name, rid])).toEqual([['A&B', 'rId5']]);
  expect(list.qualifiedName).toBe('x:sheets');
  expect(list.relsPrefix).toBeNull();
  const strict = `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets/></workbook>`;
  const empty = parseSheetList(strict, 'xl/workbook.xml');
  expect(empty.sheets).toEqual([]);
  expect(empty.closeAt).toBeNull();
  expect(strict.slice(empty.start, empty.end)).toBe('<sheets/>');
  // A <sheet> of another namespace is not a tab.
  const foreign = `<workbook xmlns="${MAIN}"><sheets><o:sheet xmlns:o="urn:other" name="X"/></sheets></workbook>`;
  expect(parseSheetList(foreign, 'p').sheets).toEqual([]);
});

test('relationships: attributes in any order and quoting, comments skipped; broken XML is refused by name', () => {
  const xml = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><!-- <Relationship Id="rId9" Type="t" Target="x"/> --><Relationship Target='/xl/worksheets/sheet1.xml' Type="${R}/worksheet" Id="rId1"/><Relationship Id="rId2" Type="${R}/hyperlink" Target="https://a.vn/?a=1&amp;b=2" TargetMode="External"/></Relationships>`;
  expect(parseRelationships(xml, 'xl/_rels/workbook.xml.rels')).toEqual([
    { id: 'rId1', type: `${R}/worksheet`, target: '/xl/worksheets/sheet1.xml', external: false },
    { id: 'rId2', type: `${R}/hyperlink`, target: 'https://a.vn/?a=1&b=2', external: true },
  ]);
  expect(() => parseRelationships('<Relationships><Relationship', 'x.rels')).toThrow(XmlPartError);
  expect(() => parseSheetList(`<workbook xmlns="${MAIN}"/>`, 'xl/workbook.xml')).toThrow(/no <sheets> list/);
});
