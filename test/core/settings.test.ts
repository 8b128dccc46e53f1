// Cấu hình: every parameter, its default, and the error for a bad value at its Giá trị cell.
import { readModel } from '../../src/core';
import { NOW, settingsGrid, unitsGrid } from './workbook';

const units = unitsGrid([['SNV', 'Sở Nội vụ', 'SBN']]);
const problemAt = (model: ReturnType<typeof readModel>, cell: string) =>
  model.problems.filter((p) => p.tab === 'Cấu hình' && p.cell === cell);

describe('Cấu hình', () => {
  it('uses the defaults when the tab is missing, the year being the current one in Vietnam', () => {
    // 31/12/2020 17:30 UTC is already 1/1/2021 in Vietnam.
    const model = readModel({ units }, new Date('2020-12-31T17:30:00Z'));
    expect(model.settings).toEqual({
      year: 2021,
      floor: { n: 1, d: 5 },
      priority: 'portal',
      threshold: { n: 1, d: 20 },
      maxPoints: 1,
      through: null,
      admins: [],
      deadlineDay: 5,
      parentAgency: '',
      reportingAgency: '',
      place: '',
      reportNumber: '',
      recipients: [],
      classification: 'levels',
      raw: new Map(),
    });
    expect(model.problems).toContainEqual(expect.objectContaining({ tab: 'Cấu hình', severity: 'warning' }));
  });

  it('reads every parameter, in Vietnamese formats, below a title row, with reordered columns', () => {
    const grid = [
      ['CẤU HÌNH'],
      ['Giá trị', 'Tham số'.normalize('NFD'), 'Diễn giải'],
      ['2020', 'Năm'],
      ['25%', 'Chỉ tiêu tối thiểu'],
      ['Đơn vị nhập'.normalize('NFD'), 'NGUỒN ƯU TIÊN'],
      [10, 'Ngưỡng chênh lệch'],
      ['1,5', 'Điểm tối đa'],
      ['Tháng 10/2020', 'Kỳ báo cáo đến'],
      ['Admin@Tinh.gov.vn, sa@proj.iam.gserviceaccount.com', 'Quản trị viên'],
      ['10', 'Hạn nhập liệu'],
      ['UBND tỉnh  Hòa Bình', 'Cơ quan chủ quản'.normalize('NFD')],
      ['Sở Thông tin và Truyền thông', 'CƠ QUAN BÁO CÁO'],
      ['Hòa Bình'.normalize('NFD'), 'Địa danh'],
      ['Số: 125/BC-STTTT', 'Số ký hiệu báo cáo'],
      ['UBND tỉnh;\r\n  - Sở Nội vụ;\n\n• Lưu: VT.', 'Nơi nhận'],
    ];
    const model = readModel({ settings: grid, units }, NOW);
    expect(model.settings).toEqual({
      year: 2020,
      floor: { n: 1, d: 4 },
      priority: 'entered',
      threshold: { n: 1, d: 10 },
      maxPoints: 1.5,
      through: { year: 2020, month: 10 },
      admins: ['admin@tinh.gov.vn', 'sa@proj.iam.gserviceaccount.com'],
      deadlineDay: 10,
      parentAgency: 'UBND tỉnh Hòa Bình',
      reportingAgency: 'Sở Thông tin và Truyền thông',
      place: 'Hòa Bình',
      // Without its typed "Số:"; one recipient per line, blank lines and leading dashes or bullets dropped.
      reportNumber: '125/BC-STTTT',
      recipients: ['UBND tỉnh;', 'Sở Nội vụ;', 'Lưu: VT.'],
      classification: 'levels',
      raw: expect.any(Map),
    });
    expect(model.problems).toEqual([]);
  });

  it('defaults Cách phân loại by year (Mức độ 3, 4 through 2022) and reads either value as typed', () => {
    const of = (year: number, value?: string) =>
      readModel(
        {
          settings: settingsGrid([
            ['Năm', year],
            ...(value === undefined ? [] : [['Cách phân loại', value] as const]),
          ]),
          units,
        },
        NOW,
      );
    expect(of(2022).settings.classification).toBe('levels');
    expect(of(2023).settings.classification).toBe('modes');
    expect(of(2026).settings.classification).toBe('modes');
    expect(of(2026, 'mức độ 3,4'.normalize('NFD')).settings.classification).toBe('levels');
    expect(of(2020, ' TOÀN TRÌNH, MỘT PHẦN ').settings.classification).toBe('modes');
    expect(of(2020, 'Toàn trình/một phần').settings.classification).toBe('modes');
    // Anything else is a Lỗi at its cell, and the year's default is used.
    const bad = of(2026, 'Mức độ 4');
    expect(bad.settings.classification).toBe('modes');
    expect(problemAt(bad, 'B3')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('Toàn trình, một phần'),
      }),
    ]);
  });

  it('reports a Giá trị column renamed away as a Lỗi instead of using every default quietly', () => {
    const model = readModel(
      {
        settings: [
          ['Tham số', 'Gia tri'],
          ['Năm', 2019],
        ],
        units,
      },
      NOW,
    );
    expect(model.settings.year).toBe(2020);
    expect(model.problems).toContainEqual(
      expect.objectContaining({
        tab: 'Cấu hình',
        severity: 'error',
        message: expect.stringContaining('"Giá trị"'),
      }),
    );
  });

  it('keeps every value as typed, by folded name, for portal profiles ({setting:…} placeholders)', () => {
    const grid = [
      ['Tham số', 'Giá trị'],
      ['Mã tỉnh trên Cổng DVC quốc gia'.normalize('NFD'), 11358],
      ['Năm', ' 2026 '],
      ['Năm', '2025'],
    ];
    const model = readModel({ settings: grid, units }, NOW);
    expect(model.settings.raw.get('mã tỉnh trên cổng dvc quốc gia')).toBe('11358');
    expect(model.settings.raw.get('năm')).toBe('2026'); // the first row of a name, trimmed
    // The new parameter is known: no "unknown parameter" warning for it.
    expect(problemAt(model, 'A2')).toEqual([]);
  });

  it('reports each bad value as a Lỗi at its Giá trị cell and keeps the default', () => {
    const model = readModel(
      {
        settings: settingsGrid([
          ['Năm', 'hai nghìn'],
          ['Chỉ tiêu tối thiểu', 'nhiều'],
          ['Nguồn ưu tiên', 'Sở TTTT'],
          ['Ngưỡng chênh lệch', '-5%'],
          ['Điểm tối đa', '0'],
          ['Kỳ báo cáo đến', 'tháng mười'],
        ]),
        units,
      },
      NOW,
    );
    expect(model.settings).toEqual(
      expect.objectContaining({
        year: 2020,
        floor: { n: 1, d: 5 },
        priority: 'portal',
        threshold: { n: 1, d: 20 },
        maxPoints: 1,
        through: null,
      }),
    );
    for (const cell of ['B2', 'B3', 'B4', 'B5', 'B6', 'B7']) {
      expect(problemAt(model, cell)).toEqual([expect.objectContaining({ severity: 'error' })]);
    }
    expect(problemAt(model, 'B4')[0]?.message).toContain('Cổng DVC');
  });

  it('rejects a Kỳ báo cáo đến outside Năm', () => {
    const model = readModel(
      {
        settings: settingsGrid([
          ['Năm', 2020],
          ['Kỳ báo cáo đến', '2019-12'],
        ]),
        units,
      },
      NOW,
    );
    expect(model.settings.through).toBeNull();
    expect(problemAt(model, 'B3')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(problemAt(model, 'B3')[0]?.message).toContain('2020');
  });

  it('reads Kỳ báo cáo đến from a date cell and a serial number', () => {
    const read = (value: unknown) =>
      readModel(
        {
          settings: settingsGrid([
            ['Năm', 2020],
            ['Kỳ báo cáo đến', value as Date],
          ]),
          units,
        },
        NOW,
      ).settings.through;
    expect(read(new Date('2020-09-30T17:30:00Z'))).toEqual({ year: 2020, month: 10 });
    expect(read(44105)).toEqual({ year: 2020, month: 10 });
  });

  it('warns about a floor under 20%, an unknown parameter and a repeated one', () => {
    const model = readModel(
      {
        settings: settingsGrid([
          ['Năm', 2020],
          ['Chỉ tiêu tối thiểu', '15%'],
          ['Tham số lạ', 1],
          ['Năm', 2019],
        ]),
        units,
      },
      NOW,
    );
    expect(model.settings.floor).toEqual({ n: 3, d: 20 });
    expect(model.settings.year).toBe(2020);
    expect(problemAt(model, 'B3')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(problemAt(model, 'A4')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(problemAt(model, 'B5')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
});
