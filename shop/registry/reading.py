"""Reading a province's OCOP list as offices keep it: Excel (.xlsx) or CSV, Vietnamese headers.

The one place that knows the list's columns: headers are matched after folding accents and case
(``shop.core.text.fold``) against the aliases below, on the first rows (a title may sit above the header).
Rows come out as dicts keyed by the canonical names of ``COLUMNS`` (plus ``line``, the line in the file);
the values stay as written (text, or a date/number from Excel) — ``shop.registry.importer`` judges them.
A file that is not what its name says, too large, or without a required column is refused as a whole
(``ValidationError``, in Vietnamese).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shop.core.text import fold

MAX_BYTES = 20 * 1024 * 1024  # ~100,000 rows of CSV; a province's list is a few thousand
HEADER_SEARCH_ROWS = 15  # the header may follow a title and a blank line or two
ZIP_HEADER = b"PK\x03\x04"


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # the header as the sample file writes it (lazy, Vietnamese)
    aliases: tuple[str, ...]  # folded
    required: bool = True


COLUMNS = (
    Column("product", gettext_lazy("Tên sản phẩm"), ("ten san pham", "san pham", "ten san pham ocop")),
    Column(
        "producer",
        gettext_lazy("Chủ thể"),
        ("chu the", "ten chu the", "co so", "ten co so", "ten chu the co so", "chu the co so", "chu the ocop"),
    ),
    Column(
        "registration_number",
        gettext_lazy("Mã số ĐKKD / MST"),
        ("ma so dkkd mst", "ma so dkkd", "mst", "ma so thue", "so dkkd", "ma so doanh nghiep", "ma so dkkd ma so thue"),
        required=False,
    ),
    Column("address", gettext_lazy("Địa chỉ"), ("dia chi", "dia chi chu the"), required=False),
    Column("commune", gettext_lazy("Xã/phường"), ("xa phuong", "xa", "phuong", "xa phuong dac khu"), required=False),
    Column("stars", gettext_lazy("Hạng sao"), ("hang sao", "so sao", "xep hang", "hang", "sao")),
    Column("decision_number", gettext_lazy("Số quyết định"), ("so quyet dinh", "so qd", "quyet dinh so")),
    Column("decision_date", gettext_lazy("Ngày quyết định"), ("ngay quyet dinh", "ngay qd", "ngay cong nhan")),
    Column("issuer", gettext_lazy("Cơ quan công nhận"), ("co quan cong nhan", "co quan ban hanh", "don vi cong nhan")),
    Column("issuer_level", gettext_lazy("Cấp công nhận"), ("cap cong nhan",), required=False),
    Column("group", gettext_lazy("Nhóm sản phẩm"), ("nhom san pham", "nhom", "nhom nganh", "nhom san pham ocop")),
    Column("score", gettext_lazy("Điểm"), ("diem", "diem danh gia", "tong diem"), required=False),
    # Where the invitation to claim a new producer goes (shop.producers.claiming), when the list has them.
    Column("phone", gettext_lazy("Số điện thoại"), ("so dien thoai", "dien thoai", "sdt"), required=False),
    Column("email", gettext_lazy("Email"), ("email", "thu dien tu"), required=False),
)
KEYS = tuple(column.key for column in COLUMNS)
_BY_ALIAS = {alias: column.key for column in COLUMNS for alias in column.aliases}


def header_key(text) -> str | None:
    """The canonical column a header names ("Hạng sao", "SỐ SAO" → "stars"), or None."""
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text or "")).split())
    return _BY_ALIAS.get(folded)


def canonical(row: Mapping) -> dict:
    """A row keyed by canonical names, whether its keys are already canonical or Vietnamese headers."""
    result = {}
    for key, value in row.items():
        name = key if key in KEYS or key == "line" else header_key(key)
        if name and name not in result:
            result[name] = value
    return result


def _find_header(rows: Iterable[list]) -> tuple[int, dict[int, str]]:
    """(index of the header row, {cell index: canonical key}): the first row naming most columns."""
    best: tuple[int, dict[int, str]] = (-1, {})
    for index, cells in enumerate(rows):
        mapping: dict[int, str] = {}
        for position, cell in enumerate(cells):
            key = header_key(cell) if isinstance(cell, str) else None
            if key and key not in mapping.values():
                mapping[position] = key
        if len(mapping) > len(best[1]):
            best = (index, mapping)
    return best


def _check_columns(mapping: dict[int, str]) -> None:
    found = set(mapping.values())
    missing = [str(column.label) for column in COLUMNS if column.required and column.key not in found]
    if not ("address" in found or "commune" in found):
        missing.append(f"{_('Xã/phường')} / {_('Địa chỉ')}")
    if missing:
        raise ValidationError(
            _("Tệp thiếu cột bắt buộc: %(missing)s. Dòng tiêu đề cần có các cột: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ", ".join(str(c.label) for c in COLUMNS)},
            code="missing_columns",
        )


def _rows_from_cells(cells: Iterator[list], first_line: int = 1) -> list[dict]:
    head = [list(row) for _index, row in zip(range(HEADER_SEARCH_ROWS), cells)]
    header_index, mapping = _find_header(head)
    _check_columns(mapping)
    rows = []
    remaining = head[header_index + 1 :]
    for offset, cells_of_row in enumerate([*remaining, *cells]):
        values = {
            key: cells_of_row[position] if position < len(cells_of_row) else None for position, key in mapping.items()
        }
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in values.values()):
            continue  # blank lines and trailing formatting
        values["line"] = first_line + header_index + 1 + offset
        rows.append(values)
    return rows


def _csv_cells(data: bytes) -> Iterator[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Tệp CSV phải được lưu bằng mã UTF-8 (trong Excel: Lưu thành › CSV UTF-8)."), code="encoding"
        ) from error
    if "\x00" in text:
        raise ValidationError(_("Tệp không phải tệp CSV dạng chữ."), code="not_text")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return iter(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_cells(data: bytes) -> Iterator[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx)."), code="bad_xlsx") from error
    sheet = workbook.worksheets[0]
    return (list(row) for row in sheet.iter_rows(values_only=True))


def read_rows(fileobj, filename: str) -> list[dict]:
    """The rows of the list in ``fileobj`` (.xlsx or .csv by content and name), keyed canonically, each with its
    ``line`` in the file. Raises ValidationError for a file it cannot use."""
    extension = os.path.splitext(filename or "")[1].lower()
    if getattr(fileobj, "size", None) and fileobj.size > MAX_BYTES:
        raise _too_large(fileobj.size)
    fileobj.seek(0)
    data = fileobj.read(MAX_BYTES + 1)
    fileobj.seek(0)
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    if extension == ".xlsx":
        if not data.startswith(ZIP_HEADER):
            raise ValidationError(_("Tệp có tên .xlsx nhưng không phải tệp Excel."), code="not_xlsx")
        return _rows_from_cells(_xlsx_cells(data))
    if extension == ".csv":
        if data.startswith(ZIP_HEADER) or data[:2] == b"MZ":
            raise ValidationError(_("Tệp có tên .csv nhưng không phải tệp CSV dạng chữ."), code="not_text")
        return _rows_from_cells(_csv_cells(data))
    raise ValidationError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."), code="extension")


def _too_large(size: int) -> ValidationError:
    return ValidationError(
        _("Tệp quá lớn (%(size)s). Giới hạn là %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
        code="file_too_large",
    )
