"""``manage.py import_registry FILE --province 15 --as-of 2025-07-01 --source "…" [--commit] [--report PATH]``: import
a province's OCOP list (``shop.registry.importer``); a dry run unless ``--commit``. A progress bar on stderr, the
counts on stdout, the line report as CSV with ``--report``."""

import datetime
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from shop.registry import importer, report


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--as-of: ngày theo dạng YYYY-MM-DD, không phải {value!r}") from error


class Command(BaseCommand):
    help = "Nhập danh sách sản phẩm OCOP của một tỉnh (.xlsx hoặc .csv); mặc định chạy thử, --commit để nhập thật."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp danh sách (.xlsx hoặc .csv)")
        parser.add_argument("--province", type=int, required=True, help="Mã tỉnh/thành phố (danh mục 2025)")
        parser.add_argument("--as-of", type=_date, required=True, help="Ngày của danh sách, YYYY-MM-DD")
        parser.add_argument("--source", required=True, help="Nguồn: quyết định hoặc văn bản của tỉnh")
        parser.add_argument("--commit", action="store_true", help="Nhập thật (không có: chỉ chạy thử)")
        parser.add_argument("--report", help="Ghi báo cáo từng dòng ra tệp CSV này")

    def progress(self, done, total):
        width = 40
        filled = int(width * done / total) if total else width
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        if done >= total:
            self.stderr.write("")

    def handle(self, *args, **options):
        path = options["file"]
        if not os.path.isfile(path):
            raise CommandError(f"Không có tệp {path}")
        try:
            with open(path, "rb") as fileobj:
                result = importer.import_file(
                    fileobj,
                    os.path.basename(path),
                    options["province"],
                    as_of=options["as_of"],
                    source=options["source"],
                    dry_run=not options["commit"],
                    progress=self.progress,
                )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        record = result.record
        self.stdout.write(report.summary(record))
        if options["report"]:
            with open(options["report"], "wb") as out:
                out.write(report.csv_bytes(record))
            self.stdout.write(f"Báo cáo từng dòng: {options['report']}")
