// What an office adds to its workbook outside exceljs (a native chart, a picture, a table, a name), put in with jszip as Excel would.
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { sheetPartOf, text } from './xlsx-parts';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

/** A clustered bar chart of the units' Chỉ tiêu (Đơn vị!E2:E5), as Excel writes a minimal one. */
const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Chỉ tiêu của đơn vị</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Đơn vị'!$B$2:$B$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Đơn vị'!$E$2:$E$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const anchor = (from: [number, number], to: [number, number], body: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c="${NS.c}">${anchor(
  [8, 1],
  [15, 16],
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ chỉ tiêu"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
)}${anchor(
  [16, 1],
  [18, 4],
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`,
)}</xdr:wsDr>`;

const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${NS.type}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

/** A table (list object) over the catalogue, as Excel's Format as Table makes one. */
const TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="7" name="DanhMuc" displayName="DanhMuc" ref="A1:C3" totalsRowShown="0"><autoFilter ref="A1:C3"/><tableColumns count="3"><tableColumn id="1" name="Mã TTHC"/><tableColumn id="2" name="Tên TTHC"/><tableColumn id="3" name="Mức độ"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

/** The user parts added, by part name, with their bytes as added (to compare after a sync). */
export type UserParts = Map<string, Buffer>;

/** Adds a chart and a logo on Đơn vị, a table on Danh mục DVC and a workbook-level name, at zip level. */
export async function addUserParts(path: string, logo: Buffer): Promise<UserParts> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts: UserParts = new Map();
  const put = (part: string, data: string | Buffer) => {
    zip.file(part, data);
    parts.set(part, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
  };
  put('xl/charts/chart1.xml', CHART);
  put('xl/drawings/drawing1.xml', DRAWING);
  put(
    'xl/drawings/_rels/drawing1.xml.rels',
    rels([
      ['rIdChart', 'chart', '../charts/chart1.xml'],
      ['rIdLogo', 'image', '../media/logo-tinh.png'],
    ]),
  );
  put('xl/media/logo-tinh.png', logo);
  put('xl/tables/table1.xml', TABLE);

  const hook = async (tab: string, element: string, rel: [string, string, string]) => {
    const part = await sheetPartOf(zip, tab);
    const relsPart = part.replace(/([^/]+)$/, '_rels/$1.rels');
    const xml = await text(zip, part);
    // <drawing> and <tableParts> come near the end of a worksheet, before any extLst.
    zip.file(part, xml.replace(/(<extLst>|<\/worksheet>)/, `${element}$1`));
    const existing = zip.file(relsPart) ? await text(zip, relsPart) : rels([]);
    const added = existing.replace(
      '</Relationships>',
      `<Relationship Id="${rel[0]}" Type="${NS.type}/${rel[1]}" Target="${rel[2]}"/></Relationships>`,
    );
    zip.file(relsPart, added);
    parts.set(part, Buffer.from(await text(zip, part), 'utf8'));
    parts.set(relsPart, Buffer.from(added, 'utf8'));
  };
  await hook('Đơn vị', '<drawing r:id="rIdUser1"/>', ['rIdUser1', 'drawing', '../drawings/drawing1.xml']);
  await hook('Danh mục DVC', '<tableParts count="1"><tablePart r:id="rIdUser2"/></tableParts>', [
    'rIdUser2',
    'table',
    '../tables/table1.xml',
  ]);

  let types = await text(zip, '[Content_Types].xml');
  const override = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  types = types.replace(
    '</Types>',
    `${override('xl/charts/chart1.xml', 'drawingml.chart+xml')}${override('xl/drawings/drawing1.xml', 'drawing+xml')}${override('xl/tables/table1.xml', 'spreadsheetml.table+xml')}</Types>`,
  );
  if (!/Extension="png"/.test(types)) {
    types = types.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>');
  }
  zip.file('[Content_Types].xml', types);

  // A name of the office's own, for a formula elsewhere.
  const workbook = await text(zip, 'xl/workbook.xml');
  const name = `<definedName name="ChiTieuDonVi">'Đơn vị'!$E$2:$E$5</definedName>`;
  zip.file(
    'xl/workbook.xml',
    /<definedNames>/.test(workbook)
      ? workbook.replace('<definedNames>', `<definedNames>${name}`)
      : workbook.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`),
  );
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return parts;
}
