// The Sheets stand-in refuses what Google refuses (the discovery document of test/fakes/google), driven by googleapis as the product drives it: unknown fields, wrong enum values, missing field masks.
import { google, type sheets_v4 } from 'googleapis';
import { type FakeSheets, fakeSheet, startFakeSheets } from './server';

const TOKEN = 'ya29.schema-token';
const ID = '1SchemaSheet0123456789abcdefghijkl';

let fake: FakeSheets;
let client: sheets_v4.Sheets;
beforeEach(async () => {
  fake = await startFakeSheets({
    spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: [fakeSheet(0, 'Cấu hình', [['Tham số']])] },
    token: TOKEN,
  });
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN });
  client = google.sheets({ version: 'v4', auth, rootUrl: fake.rootUrl });
});
afterEach(() => fake.close());

/** The status and message Google's 400 gives for the batch, or 'ok' when it was applied. */
async function send(requests: unknown[]): Promise<string> {
  try {
    await client.spreadsheets.batchUpdate(
      { spreadsheetId: ID, requestBody: { requests: requests as sheets_v4.Schema$Request[] } },
      // As the product sends it (sync/workbook/google-sheet.ts): Node's fetch, no retries of googleapis' own.
      { retry: false, fetchImplementation: fetch },
    );
    return 'ok';
  } catch (error) {
    const e = error as { status?: number; response?: { status?: number }; message?: string };
    return `${e.status ?? e.response?.status}: ${e.message}`;
  }
}

test('an unknown field anywhere in a request is refused, and nothing of the batch is applied', async () => {
  const before = structuredClone(fake.spreadsheet);
  expect(
    await send([
      { addSheet: { properties: { sheetId: 5, title: 'Mới' } } },
      { addSheet: { properties: { sheetId: 6, title: 'Khác', frozenRows: 1 } } },
    ]),
  ).toBe(
    `400: Invalid JSON payload received. Unknown name "frozenRows" at 'requests[1].add_sheet.properties': Cannot find field.`,
  );
  expect(
    await send([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { dateValue: 43876 } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]),
  ).toBe(
    `400: Invalid JSON payload received. Unknown name "dateValue" at 'requests[0].update_cells.rows[0].values[0].user_entered_value': Cannot find field.`,
  );
  expect(fake.spreadsheet).toEqual(before);
});

test('a value outside an enum is refused; a mask-less updateCells too; a valid batch goes through', async () => {
  expect(
    await send([
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'dvc.check',
            location: { spreadsheet: true },
            visibility: 'PRIVATE',
          },
        },
      },
    ]),
  ).toBe(
    `400: Invalid value at 'requests[0].create_developer_metadata.developer_metadata.visibility' (type.googleapis.com/google.apps.sheets.v4.DeveloperMetadata), "PRIVATE"`,
  );
  expect(
    await send([
      {
        repeatCell: {
          range: { sheetId: 0 },
          cell: { userEnteredFormat: { numberFormat: { type: 'PERCENTAGE' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
    ]),
  ).toBe(
    `400: Invalid value at 'requests[0].repeat_cell.cell.user_entered_format.number_format.type' (type.googleapis.com/google.apps.sheets.v4.NumberFormat), "PERCENTAGE"`,
  );
  expect(
    await send([
      {
        updateCells: {
          start: { sheetId: 0 },
          rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }] }],
        },
      },
    ]),
  ).toMatch(/^400: Invalid requests\[0\]\.updateCells: fields is required\.$/);
  expect(
    await send([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 1, columnIndex: 0 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'Năm' } },
                {
                  userEnteredValue: { numberValue: 43876 },
                  userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } },
                },
              ],
            },
          ],
          fields: 'userEnteredValue,userEnteredFormat.numberFormat',
        },
      },
    ]),
  ).toBe('ok');
  expect(fake.spreadsheet.sheets[0]?.formats[1]?.[1]?.numberFormat).toEqual({
    type: 'DATE',
    pattern: 'dd/mm/yyyy',
  });
});
