"""``manage.py record_registry_count --province 15 --count 600 --as-of 2025-07-01 --source "…"``: record a
province's number of certified OCOP products (``shop.registry.counts.record_count``)."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from shop.core.addresses import province_name
from shop.registry.counts import record_count


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--as-of: ngày theo dạng YYYY-MM-DD, không phải {value!r}") from error


class Command(BaseCommand):
    help = "Ghi nhận số sản phẩm OCOP đã được công nhận của một tỉnh (mẫu số của tỷ lệ sản phẩm bán trên sàn)."

    def add_arguments(self, parser):
        parser.add_argument("--province", type=int, required=True, help="Mã tỉnh/thành phố (danh mục 2025)")
        parser.add_argument("--count", type=int, required=True, help="Số sản phẩm OCOP đã được công nhận")
        parser.add_argument("--as-of", type=_date, required=True, help="Ngày của số liệu, YYYY-MM-DD")
        parser.add_argument("--source", required=True, help="Nguồn: quyết định hoặc danh sách của tỉnh")

    def handle(self, *args, **options):
        try:
            row = record_count(options["province"], options["count"], options["as_of"], options["source"])
        except ValidationError as error:
            raise CommandError("; ".join(message for messages in error.message_dict.values() for message in messages))
        self.stdout.write(
            f"{province_name(row.province_code)}: {row.certified_products} sản phẩm OCOP "
            f"(số liệu ngày {row.as_of:%d/%m/%Y}, {row.source})"
        )
