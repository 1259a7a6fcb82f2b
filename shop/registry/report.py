"""An import's report as people read it: the one-line summary (the command, the page's messages) and the line
report as a spreadsheet-safe CSV (``shop.core.spreadsheets``)."""

import csv
import io

from django.utils.translation import gettext as _

from shop.core.spreadsheets import spreadsheet_safe
from shop.registry.models import Outcome, RegistryImport


def summary(record: RegistryImport) -> str:
    """ "Chạy thử — Lào Cai, 120 dòng: tạo mới 60, khớp 56, không đổi 0, từ chối 4; 12 chủ thể mới; …" """
    kind = _("Chạy thử") if record.dry_run else _("Nhập chính thức")
    parts = ", ".join(f"{label.lower()} {getattr(record, value)}" for value, label in Outcome.choices)
    return _(
        "%(kind)s — %(province)s, %(total)s dòng: %(parts)s; %(producers)s chủ thể mới; "
        "%(certified)s sản phẩm còn hiệu lực ngày %(day)s."
    ) % {
        "kind": kind,
        "province": record.province_name,
        "total": record.total,
        "parts": parts,
        "producers": record.new_producers,
        "certified": record.certified_on_as_of,
        "day": record.as_of.strftime("%d/%m/%Y"),
    }


def header() -> list[str]:
    return [
        _("Dòng"),
        _("Kết quả"),
        _("Lý do"),
        _("Tên sản phẩm"),
        _("Chủ thể"),
        _("Mã số ĐKKD / MST"),
        _("Xã/phường"),
        _("Hạng sao"),
        _("Số quyết định"),
        _("Ngày quyết định"),
    ]


def csv_bytes(record: RegistryImport) -> bytes:
    """The line report, UTF-8 with a BOM (Excel reads it), every cell spreadsheet-safe."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header())
    for line in record.lines.order_by("line_number").iterator():
        writer.writerow(
            [
                spreadsheet_safe(cell)
                for cell in (
                    line.line_number,
                    line.get_outcome_display(),
                    line.reason,
                    line.product_name,
                    line.producer_name,
                    line.registration_number,
                    line.commune,
                    line.stars,
                    line.decision_number,
                    line.decision_date,
                )
            ]
        )
    return out.getvalue().encode("utf-8")
