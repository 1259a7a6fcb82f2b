"""manage.py einvoice_issue --order NUMBER [--partner CODE]: issues the e-invoice of each producer's part of the
order through the configured provider (``OCOP_EINVOICE_PROVIDER``); without one, stores each part's draft and
its XML. Prints each invoice's status, series, number and lookup code."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from oscar.core.loading import get_model

from shop.einvoice.services import issue_for_part
from shop.order.parts import producer_parts

Order = get_model("order", "Order")


class Command(BaseCommand):
    help = "Phát hành (hoặc lưu bản nháp) hoá đơn điện tử của từng chủ thể trong một đơn hàng."

    def add_arguments(self, parser):
        parser.add_argument("--order", required=True, help="Mã đơn hàng")
        parser.add_argument("--partner", help="Mã chủ thể (Partner.code); mặc định: mọi chủ thể trong đơn")

    def handle(self, *args, order, partner=None, **options):
        found = Order.objects.filter(number=order).first()
        if found is None:
            raise CommandError(f"Không có đơn hàng {order}.")
        partners = [part.partner for part in producer_parts(found) if part.partner is not None]
        partners = [p for p in partners if not partner or p.code == partner]
        if not partners:
            raise CommandError(f"Chủ thể {partner} không có hàng trong đơn {order}.")
        for seller in partners:
            try:
                einvoice = issue_for_part(found, seller)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            shown = f"{einvoice.series}/{einvoice.number} · {einvoice.lookup_code}" if einvoice.number else ""
            self.stdout.write(f"{seller.code}: {einvoice.get_status_display()} {shown}".rstrip())
