// The Sheets v4 request schemas the stand-in checks bodies against, as Google's discovery document gives them: unknown fields and wrong enum values are refused with a 400.
/**
 * A field's type: another schema (by name), an array of one, an enum (its values), or 'any' (a scalar, or an
 * object this stand-in does not look into). Field names are those of the discovery document (the same as
 * googleapis' Schema$ types); enums are the document's values, UNSPECIFIED ones included.
 */
type FieldType = string | { readonly arrayOf: string } | { readonly oneOf: readonly string[] } | 'any';

type Schema = Readonly<Record<string, FieldType>>;

const any = 'any';
const arrayOf = (name: string) => ({ arrayOf: name });
const oneOf = (...values: string[]) => ({ oneOf: values });

const DIMENSION = oneOf('DIMENSION_UNSPECIFIED', 'ROWS', 'COLUMNS');

/** The schemas described field by field (what the sync and the add-in send). */
const DESCRIBED: Readonly<Record<string, Schema>> = {
  AddSheetRequest: { properties: 'SheetProperties' },
  DeleteSheetRequest: { sheetId: any },
  UpdateSheetPropertiesRequest: { properties: 'SheetProperties', fields: any },
  SheetProperties: {
    sheetId: any,
    title: any,
    index: any,
    sheetType: oneOf('SHEET_TYPE_UNSPECIFIED', 'GRID', 'OBJECT', 'DATA_SOURCE'),
    gridProperties: 'GridProperties',
    hidden: any,
    tabColor: 'Color',
    tabColorStyle: 'ColorStyle',
    rightToLeft: any,
    dataSourceSheetProperties: any,
  },
  GridProperties: {
    rowCount: any,
    columnCount: any,
    frozenRowCount: any,
    frozenColumnCount: any,
    hideGridlines: any,
    rowGroupControlAfter: any,
    columnGroupControlAfter: any,
  },
  UpdateCellsRequest: { start: 'GridCoordinate', range: 'GridRange', rows: arrayOf('RowData'), fields: any },
  RepeatCellRequest: { range: 'GridRange', cell: 'CellData', fields: any },
  GridCoordinate: { sheetId: any, rowIndex: any, columnIndex: any },
  GridRange: {
    sheetId: any,
    startRowIndex: any,
    endRowIndex: any,
    startColumnIndex: any,
    endColumnIndex: any,
  },
  RowData: { values: arrayOf('CellData') },
  CellData: {
    userEnteredValue: 'ExtendedValue',
    effectiveValue: 'ExtendedValue',
    formattedValue: any,
    userEnteredFormat: 'CellFormat',
    effectiveFormat: 'CellFormat',
    hyperlink: any,
    note: any,
    textFormatRuns: any,
    dataValidation: any,
    pivotTable: any,
    dataSourceTable: any,
    dataSourceFormula: any,
    chipRuns: any,
  },
  ExtendedValue: { numberValue: any, stringValue: any, boolValue: any, formulaValue: any, errorValue: any },
  CellFormat: {
    numberFormat: 'NumberFormat',
    backgroundColor: 'Color',
    backgroundColorStyle: 'ColorStyle',
    borders: 'Borders',
    padding: any,
    horizontalAlignment: oneOf('HORIZONTAL_ALIGN_UNSPECIFIED', 'LEFT', 'CENTER', 'RIGHT'),
    verticalAlignment: oneOf('VERTICAL_ALIGN_UNSPECIFIED', 'TOP', 'MIDDLE', 'BOTTOM'),
    wrapStrategy: oneOf('WRAP_STRATEGY_UNSPECIFIED', 'OVERFLOW_CELL', 'LEGACY_WRAP', 'CLIP', 'WRAP'),
    textDirection: oneOf('TEXT_DIRECTION_UNSPECIFIED', 'LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'),
    textFormat: 'TextFormat',
    hyperlinkDisplayType: oneOf('HYPERLINK_DISPLAY_TYPE_UNSPECIFIED', 'LINKED', 'PLAIN_TEXT'),
    textRotation: any,
  },
  NumberFormat: {
    type: oneOf(
      'NUMBER_FORMAT_TYPE_UNSPECIFIED',
      'TEXT',
      'NUMBER',
      'PERCENT',
      'CURRENCY',
      'DATE',
      'TIME',
      'DATE_TIME',
      'SCIENTIFIC',
    ),
    pattern: any,
  },
  TextFormat: {
    foregroundColor: 'Color',
    foregroundColorStyle: 'ColorStyle',
    fontFamily: any,
    fontSize: any,
    bold: any,
    italic: any,
    strikethrough: any,
    underline: any,
    link: any,
  },
  Color: { red: any, green: any, blue: any, alpha: any },
  ColorStyle: {
    rgbColor: 'Color',
    themeColor: oneOf(
      'THEME_COLOR_TYPE_UNSPECIFIED',
      'TEXT',
      'BACKGROUND',
      'ACCENT1',
      'ACCENT2',
      'ACCENT3',
      'ACCENT4',
      'ACCENT5',
      'ACCENT6',
      'LINK',
    ),
  },
  Borders: { top: 'Border', bottom: 'Border', left: 'Border', right: 'Border' },
  Border: {
    style: oneOf(
      'STYLE_UNSPECIFIED',
      'DOTTED',
      'DASHED',
      'SOLID',
      'SOLID_MEDIUM',
      'SOLID_THICK',
      'NONE',
      'DOUBLE',
    ),
    width: any,
    color: 'Color',
    colorStyle: 'ColorStyle',
  },
  CreateDeveloperMetadataRequest: { developerMetadata: 'DeveloperMetadata' },
  DeleteDeveloperMetadataRequest: { dataFilter: 'DataFilter' },
  DeveloperMetadata: {
    metadataId: any,
    metadataKey: any,
    metadataValue: any,
    location: 'DeveloperMetadataLocation',
    visibility: oneOf('DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED', 'DOCUMENT', 'PROJECT'),
  },
  DeveloperMetadataLocation: {
    locationType: oneOf(
      'DEVELOPER_METADATA_LOCATION_TYPE_UNSPECIFIED',
      'ROW',
      'COLUMN',
      'SHEET',
      'SPREADSHEET',
    ),
    spreadsheet: any,
    sheetId: any,
    dimensionRange: 'DimensionRange',
  },
  DataFilter: { developerMetadataLookup: 'DeveloperMetadataLookup', a1Range: any, gridRange: 'GridRange' },
  DeveloperMetadataLookup: {
    locationType: oneOf(
      'DEVELOPER_METADATA_LOCATION_TYPE_UNSPECIFIED',
      'ROW',
      'COLUMN',
      'SHEET',
      'SPREADSHEET',
    ),
    metadataLocation: 'DeveloperMetadataLocation',
    locationMatchingStrategy: oneOf(
      'DEVELOPER_METADATA_LOCATION_MATCHING_STRATEGY_UNSPECIFIED',
      'EXACT_LOCATION',
      'INTERSECTING_LOCATION',
    ),
    metadataId: any,
    metadataKey: any,
    metadataValue: any,
    visibility: oneOf('DEVELOPER_METADATA_VISIBILITY_UNSPECIFIED', 'DOCUMENT', 'PROJECT'),
  },
  CopyPasteRequest: {
    source: 'GridRange',
    destination: 'GridRange',
    pasteType: oneOf(
      'PASTE_NORMAL',
      'PASTE_VALUES',
      'PASTE_FORMAT',
      'PASTE_NO_BORDERS',
      'PASTE_FORMULA',
      'PASTE_DATA_VALIDATION',
      'PASTE_CONDITIONAL_FORMATTING',
    ),
    pasteOrientation: oneOf('TRANSPOSE', 'NORMAL'),
  },
  MergeCellsRequest: { range: 'GridRange', mergeType: oneOf('MERGE_ALL', 'MERGE_COLUMNS', 'MERGE_ROWS') },
  UnmergeCellsRequest: { range: 'GridRange' },
  UpdateBordersRequest: {
    range: 'GridRange',
    top: 'Border',
    bottom: 'Border',
    left: 'Border',
    right: 'Border',
    innerHorizontal: 'Border',
    innerVertical: 'Border',
  },
  UpdateDimensionPropertiesRequest: {
    range: 'DimensionRange',
    dataSourceSheetRange: any,
    properties: 'DimensionProperties',
    fields: any,
  },
  DimensionRange: { sheetId: any, dimension: DIMENSION, startIndex: any, endIndex: any },
  DimensionProperties: {
    hiddenByFilter: any,
    hiddenByUser: any,
    pixelSize: any,
    developerMetadata: any,
    dataSourceColumnReference: any,
  },
  AutoResizeDimensionsRequest: { dimensions: 'DimensionRange', dataSourceSheetDimensions: any },
  AddConditionalFormatRuleRequest: { rule: 'ConditionalFormatRule', index: any },
  DeleteConditionalFormatRuleRequest: { sheetId: any, index: any },
  ConditionalFormatRule: { ranges: arrayOf('GridRange'), booleanRule: 'BooleanRule', gradientRule: any },
  BooleanRule: { condition: 'BooleanCondition', format: 'CellFormat' },
  BooleanCondition: { type: any, values: arrayOf('ConditionValue') },
  ConditionValue: { relativeDate: any, userEnteredValue: any },
  BatchUpdateValuesRequest: {
    valueInputOption: oneOf('INPUT_VALUE_OPTION_UNSPECIFIED', 'RAW', 'USER_ENTERED'),
    data: arrayOf('ValueRange'),
    includeValuesInResponse: any,
    responseValueRenderOption: any,
    responseDateTimeRenderOption: any,
  },
  ValueRange: { range: any, majorDimension: DIMENSION, values: any },
};

const SCHEMAS: Readonly<Record<string, Schema>> = {
  BatchUpdateSpreadsheetRequest: {
    requests: arrayOf('Request'),
    includeSpreadsheetInResponse: any,
    responseRanges: any,
    responseIncludeGridData: any,
  },
  // Every request kind of the discovery document; the ones the product sends are described below, the
  // others are refused by the stand-in's handler as unsupported.
  Request: Object.fromEntries(
    [
      'addBanding',
      'addChart',
      'addConditionalFormatRule',
      'addDataSource',
      'addDimensionGroup',
      'addFilterView',
      'addNamedRange',
      'addProtectedRange',
      'addSheet',
      'addSlicer',
      'addTable',
      'appendCells',
      'appendDimension',
      'autoFill',
      'autoResizeDimensions',
      'cancelDataSourceRefresh',
      'clearBasicFilter',
      'copyPaste',
      'createDeveloperMetadata',
      'cutPaste',
      'deleteBanding',
      'deleteConditionalFormatRule',
      'deleteDataSource',
      'deleteDeveloperMetadata',
      'deleteDimension',
      'deleteDimensionGroup',
      'deleteDuplicates',
      'deleteEmbeddedObject',
      'deleteFilterView',
      'deleteNamedRange',
      'deleteProtectedRange',
      'deleteRange',
      'deleteSheet',
      'deleteTable',
      'duplicateFilterView',
      'duplicateSheet',
      'findReplace',
      'insertDimension',
      'insertRange',
      'mergeCells',
      'moveDimension',
      'pasteData',
      'randomizeRange',
      'refreshDataSource',
      'repeatCell',
      'setBasicFilter',
      'setDataValidation',
      'sortRange',
      'textToColumns',
      'trimWhitespace',
      'unmergeCells',
      'updateBanding',
      'updateBorders',
      'updateCells',
      'updateChartSpec',
      'updateConditionalFormatRule',
      'updateDataSource',
      'updateDeveloperMetadata',
      'updateDimensionGroup',
      'updateDimensionProperties',
      'updateEmbeddedObjectBorder',
      'updateEmbeddedObjectPosition',
      'updateFilterView',
      'updateNamedRange',
      'updateProtectedRange',
      'updateSheetProperties',
      'updateSlicerSpec',
      'updateSpreadsheetProperties',
      'updateTable',
    ].map((kind): [string, FieldType] => {
      const name = `${kind[0]?.toUpperCase()}${kind.slice(1)}Request`;
      return [kind, name in DESCRIBED ? name : any];
    }),
  ),
  ...DESCRIBED,
};

/** camelCase → snake_case, as Google names fields in its error messages. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The first way `value` does not fit the schema `name`, in Google's words ("Unknown name … Cannot find
 * field." or "Invalid value at …"); null when it fits. `path` is the field path so far, as Google writes it.
 */
export function schemaProblem(name: string, value: unknown, path = ''): string | null {
  const schema = SCHEMAS[name];
  if (!schema || value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return `Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.${name}), ${JSON.stringify(value)}`;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${snake(key)}` : snake(key);
    const type = schema[key];
    if (type === undefined)
      return `Invalid JSON payload received. Unknown name "${key}"${path ? ` at '${path}'` : ''}: Cannot find field.`;
    if (field === null || field === undefined || type === 'any') continue;
    if (typeof type === 'string') {
      const problem = schemaProblem(type, field, at);
      if (problem) return problem;
    } else if ('oneOf' in type) {
      if (typeof field !== 'string' || !type.oneOf.includes(field))
        return `Invalid value at '${at}', ${JSON.stringify(field)}`;
    } else {
      if (!Array.isArray(field)) return `Invalid value at '${at}', ${JSON.stringify(field)}`;
      for (const [index, item] of field.entries()) {
        const problem = schemaProblem(type.arrayOf, item, `${at}[${index}]`);
        if (problem) return problem;
      }
    }
  }
  return null;
}
