"""Makes the openpyxl-written workbooks the .xlsx tests read (test/sync/openpyxl/*.xlsx).

Run once with Debian's python3-openpyxl (apt-get install python3-openpyxl; 3.0.9 made the committed files):
    /usr/bin/python3 test/sync/openpyxl/make-fixtures.py
The tests never run Python: they read the committed files. Each holds the four input tabs of the small
province of test/sync/fixtures.ts and one thing an office adds with openpyxl: a comment, a picture,
a chart, or a table (all four in all.xlsx). Timestamps are fixed so the files are the same run to run.
"""
import base64
import datetime
import io
import os
import sys

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
UNIT_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Mã đơn vị cấp trên', 'Chỉ tiêu', 'Mã trên Cổng DVC', 'Email nhập liệu']
TABS = {
    'Cấu hình': [
        ['Tham số', 'Giá trị', 'Diễn giải'],
        ['Năm', 2020, ''],
        ['Chỉ tiêu tối thiểu', '20%', ''],
        ['Nguồn ưu tiên', 'Cổng DVC', ''],
        ['Ngưỡng chênh lệch', '5%', ''],
        ['Điểm tối đa', 1, ''],
    ],
    'Đơn vị': [
        UNIT_HEADER,
        ['SNV', 'Sở Nội vụ', 'Sở, ban, ngành', '', '30%', 'H28.01', 'snv@example.vn'],
        ['STP', 'Sở Tư pháp', 'SBN', '', 0.25, 'H28.02', 'stp@example.vn'],
        ['HLS', 'UBND huyện Lương Sơn', 'Huyện, thành phố', '', '25%', 'H28.10', ''],
        ['XHS', 'UBND xã Hòa Sơn', 'XA', 'HLS', '20%', 'H28.10.01', ''],
    ],
    'Nhập liệu': [
        ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4', 'Ghi chú'],
        ['01/2020', 'STP', 20, 10, ''],
    ],
    'Danh mục DVC': [
        ['Mã TTHC', 'Tên TTHC', 'Mức độ'],
        ['1.000456', 'Cấp Phiếu lý lịch tư pháp', 4],
        ['1.000532', 'Đăng ký khai sinh', 3],
    ],
}
# A 2×2 PNG (red, green / blue, white), so no image library is needed to make the picture.
PNG = base64.b64decode(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=='
)
FIXED = datetime.datetime(2026, 12, 7, 8, 0, 0)


def province():
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in TABS.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([None if cell == '' else cell for cell in row])
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = 'openpyxl'
    return book


def add_comment(book):
    cell = book['Đơn vị']['E3']
    cell.comment = Comment('Chỉ tiêu năm nay do Sở Tư pháp đề xuất.', 'Trần Thị B')


def add_picture(book):
    picture = Image(io.BytesIO(PNG))
    picture.width, picture.height = 40, 40
    book['Cấu hình'].add_image(picture, 'E2')


def add_chart(book):
    units = book['Đơn vị']
    chart = BarChart()
    chart.title = 'Chỉ tiêu của đơn vị'
    chart.add_data(Reference(units, min_col=5, min_row=1, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(units, min_col=2, min_row=2, max_row=5))
    units.add_chart(chart, 'I2')


def add_table(book):
    table = Table(displayName='DanhMuc', ref='A1:C3')
    table.tableStyleInfo = TableStyleInfo(name='TableStyleMedium2', showRowStripes=True)
    book['Danh mục DVC'].add_table(table)


KINDS = {'comment': [add_comment], 'picture': [add_picture], 'chart': [add_chart], 'table': [add_table]}
KINDS['all'] = [add for adds in list(KINDS.values()) for add in adds]

if __name__ == '__main__':
    for kind, adds in KINDS.items():
        book = province()
        for add in adds:
            add(book)
        path = os.path.join(HERE, f'{kind}.xlsx')
        book.save(path)
        print(path, os.path.getsize(path), 'bytes, openpyxl', openpyxl.__version__, file=sys.stderr)
