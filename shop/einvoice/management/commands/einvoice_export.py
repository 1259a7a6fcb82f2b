"""manage.py einvoice_export --order NUMBER [--partner CODE] [--output DIR]: writes the e-invoice XML of each
producer's part of the order (or of one producer's part) into DIR (default: the current directory)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from oscar.core.loading import get_model

from shop.einvoice.fields import validate
from shop.einvoice.services import export_xml
from shop.order.parts import producer_parts

Order = get_model("order", "Order")


class Command(BaseCommand):
    help = "Ghi tệp XML hoá đơn điện tử (định dạng Quyết định 1450/QĐ-TCT) của từng chủ thể trong một đơn hàng."

    def add_arguments(self, parser):
        parser.add_argument("--order", required=True, help="Mã đơn hàng")
        parser.add_argument("--partner", help="Mã chủ thể (Partner.code); mặc định: mọi chủ thể trong đơn")
        parser.add_argument("--output", default=".", help="Thư mục ghi tệp")

    def handle(self, *args, order, partner=None, output=".", **options):
        found = Order.objects.filter(number=order).first()
        if found is None:
            raise CommandError(f"Không có đơn hàng {order}.")
        partners = [part.partner for part in producer_parts(found) if part.partner is not None]
        if partner:
            partners = [p for p in partners if p.code == partner]
            if not partners:
                raise CommandError(f"Chủ thể {partner} không có hàng trong đơn {order}.")
        directory = Path(output)
        directory.mkdir(parents=True, exist_ok=True)
        for seller in partners:
            document = export_xml(found, seller)
            problems = validate(document)
            if problems:
                raise CommandError(f"Tệp của {seller.code} không khớp bảng trường: " + "; ".join(problems))
            path = directory / f"hoa-don-{found.number}-{seller.code}.xml"
            path.write_bytes(document)
            self.stdout.write(str(path))
