// The fake behaves like Apps Script where the add-in depends on it: values, errors, protections, call counts.
import { loadScript, PROTECTED_MESSAGE } from '.';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setUp() {
  const script = loadScript({ owner: 'owner@tinh.gov.vn', source: '' });
  const spreadsheet = script.spreadsheet.self as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = spreadsheet.insertSheet('Thử') as Sheet;
  return { script, spreadsheet, sheet };
}

describe('values', () => {
  test('getValues gives numbers, strings, booleans and dates, and "" for empty cells', () => {
    const { script, sheet } = setUp();
    const date = script.world.localDate(2020, 10, 1);
    sheet.getRange(1, 1, 1, 4).setValues([[12, 'Sở Y tế', true, date]]);
    const [first, second] = sheet.getRange(1, 1, 2, 5).getValues() as unknown[][];
    expect(first?.slice(0, 3)).toEqual([12, 'Sở Y tế', true]);
    const cell = first?.[3] as Date;
    expect(cell).toBeInstanceOf(script.world.DateClass);
    expect(cell.toISOString()).toBe('2020-09-30T17:00:00.000Z');
    expect(first?.[4]).toBe('');
    expect(second).toEqual(['', '', '', '', '']);
  });

  test('setValues reads strings as typed: formulas, numbers, dates; an apostrophe keeps text and is dropped', () => {
    const { script, sheet } = setUp();
    sheet.getRange('A1:F1').setValues([['=SUM(B1)', "'=Xã A", '1,234', '10/2020', "'10/2020", '30%']]);
    expect(sheet.getRange('A1:F1').getFormulas()[0]).toEqual(['=SUM(B1)', '', '', '', '', '']);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row?.[1]).toBe('=Xã A');
    expect(row?.[2]).toBe(1234);
    expect(row?.[3]).toBeInstanceOf(script.world.DateClass);
    expect(row?.[4]).toBe('10/2020');
    expect(row?.[5]).toBe(0.3);
  });

  test('getDataRange covers the filled rectangle, A1 when the sheet is empty', () => {
    const { sheet } = setUp();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValue('x');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });
});

describe('the errors Apps Script throws', () => {
  test('data and range sizes differ', () => {
    const { sheet } = setUp();
    expect(() => sheet.getRange(1, 1, 3, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('a range of zero rows or columns, or starting at row 0', () => {
    const { sheet } = setUp();
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(2, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });
});

describe('protections', () => {
  test('only editors may write; the owner always may; unprotected ranges are open to everyone', () => {
    const { script, sheet } = setUp();
    const protection = sheet.protect();
    protection.addEditor('admin@tinh.gov.vn');
    protection.removeEditors(protection.getEditors());
    protection.addEditors(['admin@tinh.gov.vn']);
    protection.setUnprotectedRanges([sheet.getRange('C2:D13')]);
    const unit = sheet.getRange('C2:D13').protect();
    unit.addEditor('owner@tinh.gov.vn');
    unit.removeEditors(unit.getEditors());
    unit.addEditors(['xa@tinh.gov.vn']);
    script.as('xa@tinh.gov.vn');
    sheet.getRange('C2:D2').setValues([[10, 3]]);
    expect(() => sheet.getRange('B2').setValue('X99')).toThrow(PROTECTED_MESSAGE);
    expect(() => protection.addEditors(['xa@tinh.gov.vn'])).toThrow(PROTECTED_MESSAGE);
    script.as('khac@tinh.gov.vn');
    expect(() => sheet.getRange('C3').setValue(1)).toThrow(PROTECTED_MESSAGE);
    script.as('admin@tinh.gov.vn');
    expect(() => sheet.getRange('C3').setValue(1)).toThrow(PROTECTED_MESSAGE);
    sheet.getRange('A1').setValue('ok');
    script.as('owner@tinh.gov.vn');
    sheet.getRange('C3').setValue(1);
    expect(unit.getEditors().map((u) => u.getEmail())).toEqual(['owner@tinh.gov.vn', 'xa@tinh.gov.vn']);
  });

  test('a new protection lets every editor of the file edit until its list of editors is changed', () => {
    const { script, sheet } = setUp();
    script.spreadsheet.collaborators.add('xa@tinh.gov.vn');
    const protection = sheet.getRange('A1').protect();
    script.as('xa@tinh.gov.vn');
    sheet.getRange('A1').setValue(1);
    script.as('owner@tinh.gov.vn');
    protection.removeEditors(protection.getEditors());
    script.as('xa@tinh.gov.vn');
    expect(() => sheet.getRange('A1').setValue(2)).toThrow(PROTECTED_MESSAGE);
  });
});

describe('services', () => {
  test('every call is counted once, chained calls included', () => {
    const { script, sheet } = setUp();
    script.world.calls.reset();
    const range: Range = sheet.getRange(1, 1, 1, 2);
    range.setValues([[1, 2]]).setNumberFormats([['0', '0']]);
    expect(script.world.calls.snapshot()).toEqual({
      'Range.setNumberFormats': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
    });
  });

  test('the document lock is refused while another run holds it', () => {
    const { script } = setUp();
    const lockService = script.context.LockService as GoogleAppsScript.Lock.LockService;
    const first = lockService.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(lockService.getDocumentLock().tryLock(1000)).toBe(false);
    first.releaseLock();
    expect(lockService.getDocumentLock().tryLock(1000)).toBe(true);
  });
});

describe('the Advanced Sheets service', () => {
  test('get lists tabs in order with their grid size and the spreadsheet metadata', () => {
    const { script } = setUp();
    script.spreadsheet._load('Hai', [['x']]);
    const got = script.sheets.Spreadsheets.get('fake-spreadsheet-id', { fields: 'sheets.properties' });
    expect(
      got.sheets?.map((s) => [
        s.properties?.title,
        s.properties?.index,
        s.properties?.gridProperties?.rowCount,
      ]),
    ).toEqual([
      ['Thử', 0, 1000],
      ['Hai', 1, 1000],
    ]);
    expect(script.world.calls.count('get')).toBe(1);
  });

  test('refuses what Google refuses: a tab name equal but for case, metadata without visibility or on no sheet', () => {
    const { script } = setUp();
    const send = (request: object) => () =>
      script.sheets.Spreadsheets.batchUpdate({ requests: [request] }, 'fake-spreadsheet-id');
    expect(send({ addSheet: { properties: { title: 'THỬ' } } })).toThrow(
      'Invalid requests[0]: addSheet: A sheet with the name "THỬ" already exists. Please enter another name.',
    );
    expect(() => script.spreadsheet.insertSheet('thử')).toThrow('A sheet with the name "thử" already exists');
    const metadata = (developerMetadata: object) => ({ createDeveloperMetadata: { developerMetadata } });
    expect(send(metadata({ metadataKey: 'dvc.tab', location: { sheetId: 1 } }))).toThrow(
      'visibility must be DOCUMENT or PROJECT',
    );
    expect(
      send(metadata({ metadataKey: 'dvc.tab', location: { sheetId: 999 }, visibility: 'DOCUMENT' })),
    ).toThrow('No grid with id: 999');
    // A sheet-level mark in the batch that adds the sheet: the API lists it under that sheet only.
    script.sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          { addSheet: { properties: { sheetId: 40, title: 'Mới' } } },
          metadata({
            metadataKey: 'dvc.tab',
            metadataValue: 'Mới',
            location: { sheetId: 40 },
            visibility: 'DOCUMENT',
          }),
        ],
      },
      'fake-spreadsheet-id',
    );
    const got = script.sheets.Spreadsheets.get('fake-spreadsheet-id');
    expect(got.developerMetadata ?? []).toEqual([]);
    const added = (got.sheets ?? []).find((sheet) => sheet.properties?.sheetId === 40);
    expect(added?.developerMetadata).toEqual([
      expect.objectContaining({ metadataKey: 'dvc.tab', location: { locationType: 'SHEET', sheetId: 40 } }),
    ]);
  });

  test('a batch is all or nothing: a bad request undoes the ones before it, with the API’s words', () => {
    const { script } = setUp();
    const sheetId = script.spreadsheet._sheet('Thử').id;
    const requests = [
      {
        updateCells: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          rows: [{ values: [{ userEnteredValue: { stringValue: '=không phải công thức' } }] }],
          fields: 'userEnteredValue',
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'dvc.writing',
            metadataValue: '{}',
            location: { spreadsheet: true },
            visibility: 'DOCUMENT',
          },
        },
      },
      { deleteConditionalFormatRule: { sheetId, index: 0 } },
    ];
    expect(() => script.sheets.Spreadsheets.batchUpdate({ requests }, 'fake-spreadsheet-id')).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[2]: deleteConditionalFormatRule: No conditional format on sheet',
    );
    expect(script.spreadsheet._sheet('Thử')._at('A1').value).toBe('');
    expect(script.spreadsheet.developerMetadata).toEqual([]);
    script.sheets.Spreadsheets.batchUpdate({ requests: requests.slice(0, 2) }, 'fake-spreadsheet-id');
    // stringValue is stored as text, never parsed as a formula.
    expect(script.spreadsheet._sheet('Thử')._at('A1')).toMatchObject({
      value: '=không phải công thức',
      formula: '',
    });
    expect(script.spreadsheet.developerMetadata.map((m) => m.metadataKey)).toEqual(['dvc.writing']);
  });

  test('protected ranges added through the API stop other people, and a write past the grid is refused', () => {
    const { script } = setUp();
    const sheetId = script.spreadsheet._sheet('Thử').id;
    script.sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: { range: { sheetId }, description: '[DVC] Thử', editors: { users: [] } },
            },
          },
        ],
      },
      'fake-spreadsheet-id',
    );
    script.as('khach@tinh.gov.vn');
    const write = (endRowIndex: number) =>
      script.sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              updateCells: {
                range: { sheetId, startRowIndex: 0, endRowIndex, startColumnIndex: 0, endColumnIndex: 1 },
                fields: 'userEnteredValue',
              },
            },
          ],
        },
        'fake-spreadsheet-id',
      );
    expect(() => write(1)).toThrow(PROTECTED_MESSAGE);
    script.as('owner@tinh.gov.vn');
    expect(() => write(1001)).toThrow('exceeds grid limits. Max rows: 1000, max columns: 26');
  });
});

describe('requests checked against Google’s Sheets v4 discovery document', () => {
  const batch = (script: ReturnType<typeof setUp>['script'], request: object) => () =>
    script.sheets.Spreadsheets.batchUpdate(
      { requests: [request as GoogleAppsScript.Sheets.Schema.Request] },
      'fake-spreadsheet-id',
    );
  const cellRange = (sheetId: number) => ({
    sheetId,
    startRowIndex: 0,
    endRowIndex: 1,
    startColumnIndex: 0,
    endColumnIndex: 1,
  });

  test('an unknown field anywhere in a request is refused, and the batch changes nothing', () => {
    const { script } = setUp();
    const sheetId = script.spreadsheet._sheet('Thử').id;
    const request = {
      repeatCell: {
        range: cellRange(sheetId),
        cell: { userEnteredFormat: { textFormat: { bold: true, weight: 700 } } },
        fields: 'userEnteredFormat.textFormat.bold',
      },
    };
    expect(batch(script, request)).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid JSON payload received. Unknown name "weight" at \'requests[0].repeat_cell.cell.user_entered_format.text_format\': Cannot find field.',
    );
    expect(script.spreadsheet._sheet('Thử')._at('A1').bold).toBeFalsy();
  });

  test('an enum value the document does not list, and a wrong JSON type, are refused', () => {
    const { script } = setUp();
    const sheetId = script.spreadsheet._sheet('Thử').id;
    expect(
      batch(script, {
        repeatCell: {
          range: cellRange(sheetId),
          cell: { userEnteredFormat: { horizontalAlignment: 'MIDDLE' } },
          fields: 'userEnteredFormat.horizontalAlignment',
        },
      }),
    ).toThrow(
      'Invalid value at \'requests[0].repeat_cell.cell.user_entered_format.horizontal_alignment\' (type.googleapis.com/google.apps.sheets.v4.CellFormat), "MIDDLE"',
    );
    expect(
      batch(script, {
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: '0', endIndex: 1 },
          properties: { pixelSize: 90 },
          fields: 'pixelSize',
        },
      }),
    ).toThrow(
      'Invalid value at \'requests[0].update_dimension_properties.range.start_index\' (integer, int32), "0"',
    );
    // The same request with the listed value and the right type goes through.
    batch(script, {
      repeatCell: {
        range: cellRange(sheetId),
        cell: { userEnteredFormat: { horizontalAlignment: 'CENTER' } },
        fields: 'userEnteredFormat.horizontalAlignment',
      },
    })();
    expect(script.spreadsheet._sheet('Thử')._at('A1').align).toBe('center');
  });

  test('an update without its fields mask is refused; get refuses an unknown query parameter', () => {
    const { script } = setUp();
    const sheetId = script.spreadsheet._sheet('Thử').id;
    expect(
      batch(script, {
        updateCells: {
          range: cellRange(sheetId),
          rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }] }],
        },
      }),
    ).toThrow('updateCells: fields is required.');
    expect(() => script.sheets.Spreadsheets.get('fake-spreadsheet-id', { field: 'sheets' })).toThrow(
      'API call to sheets.spreadsheets.get failed with error: Invalid JSON payload received. Unknown name "field": Cannot bind query parameter.',
    );
  });
});

describe('granular consent, Drive permissions and the spreadsheet’s locale', () => {
  const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
  const MAIL = 'https://www.googleapis.com/auth/script.send_mail';

  test('a service whose scope was not granted refuses with Apps Script’s words; getAuthorizationInfo lists what was', () => {
    const script = loadScript({ owner: 'owner@tinh.gov.vn', source: '', granted: [SPREADSHEETS] });
    const { ScriptApp, MailApp } = script.context as unknown as {
      ScriptApp: GoogleAppsScript.Script.ScriptApp;
      MailApp: GoogleAppsScript.Mail.MailApp;
    };
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(
      `You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: ${MAIL}`,
    );
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [SPREADSHEETS, MAIL]);
    expect(info.getAuthorizedScopes()).toEqual([SPREADSHEETS]);
    expect(String(info.getAuthorizationStatus())).toBe('REQUIRED');
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizedScopes()).toBeNull();
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SPREADSHEETS])).not.toThrow();
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [MAIL])).toThrow(
      'Authorization is required to perform that action.',
    );
    expect(script.world.ui).toEqual([{ kind: 'consent', title: '', text: MAIL }]);
  });

  test('Drive.Permissions.create adds an editor, notifies unless told not to, and refuses unknown fields and parameters', () => {
    const script = loadScript({ owner: 'owner@tinh.gov.vn', source: '' });
    const { Drive } = script.context as unknown as { Drive: GoogleAppsScript.Drive };
    Drive.Permissions.create(
      { role: 'writer', type: 'user', emailAddress: 'A@tinh.gov.vn' },
      'fake-spreadsheet-id',
      {
        sendNotificationEmail: false,
      },
    );
    Drive.Permissions.create(
      { role: 'writer', type: 'user', emailAddress: 'b@tinh.gov.vn' },
      'fake-spreadsheet-id',
    );
    expect([...script.spreadsheet.collaborators]).toEqual(['a@tinh.gov.vn', 'b@tinh.gov.vn']);
    expect(script.world.shareNotifications).toEqual(['b@tinh.gov.vn']);
    expect(() =>
      Drive.Permissions.create(
        { role: 'editor', type: 'user', emailAddress: 'c@tinh.gov.vn' },
        'fake-spreadsheet-id',
      ),
    ).toThrow('The permission role field is required and must be one of');
    expect(() =>
      Drive.Permissions.create(
        { role: 'writer', type: 'user', emailAddress: 'c@tinh.gov.vn', email: 'c' } as object,
        'fake-spreadsheet-id',
      ),
    ).toThrow('Unknown name "email"');
    expect(() =>
      Drive.Permissions.create(
        { role: 'writer', type: 'user', emailAddress: 'c@tinh.gov.vn' },
        'fake-spreadsheet-id',
        {
          sendNotificationEmails: false,
        },
      ),
    ).toThrow("unknown parameter 'sendNotificationEmails'");
    expect(() =>
      Drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: 'c@x.vn' }, 'other-id'),
    ).toThrow('API call to drive.permissions.create failed with error: File not found: other-id.');
  });

  test('a clerk who is not an editor may not share; the locale and time zone take only valid values', () => {
    const script = loadScript({ owner: 'owner@tinh.gov.vn', user: 'xa@tinh.gov.vn', source: '' });
    const { Drive } = script.context as unknown as { Drive: GoogleAppsScript.Drive };
    expect(() =>
      Drive.Permissions.create(
        { role: 'writer', type: 'user', emailAddress: 'c@tinh.gov.vn' },
        'fake-spreadsheet-id',
      ),
    ).toThrow('The user does not have sufficient permissions for this file.');
    const spreadsheet = script.spreadsheet;
    spreadsheet.setSpreadsheetLocale('en_US');
    spreadsheet.setSpreadsheetTimeZone('America/New_York');
    expect(() => spreadsheet.setSpreadsheetLocale('Vietnam')).toThrow('Invalid argument: locale');
    expect(() => spreadsheet.setSpreadsheetTimeZone('GMT+7 Hà Nội')).toThrow('Invalid argument: timezone');
    const got = script.sheets.Spreadsheets.get('fake-spreadsheet-id', {
      fields: 'properties(locale,timeZone)',
    });
    expect(got.properties).toMatchObject({ locale: 'en_US', timeZone: 'America/New_York' });
  });
});
