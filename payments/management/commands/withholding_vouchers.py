"""Write one withholding voucher PDF per producer for a month's statements (``payments.vouchers``).

    manage.py withholding_vouchers --year 2026 --month 11 --output /tmp/vouchers

Recomputes the month's open statements first (``payments.settlements.prepare_period``); writes a voucher
for every statement with tax withheld (households, individuals), or for all with ``--all``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from payments import settlements, vouchers


class Command(BaseCommand):
    help = "Write the month's withholding vouchers (one PDF per producer) into a folder."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--month", type=int, required=True)
        parser.add_argument("--output", required=True, help="folder to write the PDFs into (created if needed)")
        parser.add_argument("--all", action="store_true", help="also producers not withheld for (enterprises…)")

    def handle(self, *args, year, month, output, all=False, **options):
        if not 1 <= month <= 12:
            raise CommandError("--month must be 1..12")
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for settlement in settlements.prepare_period(year, month):
            if not (settlement.withholding_applies or all):
                continue
            path = folder / vouchers.voucher_filename(settlement)
            path.write_bytes(vouchers.voucher_pdf(settlement))
            written += 1
            self.stdout.write(
                f"  {settlement.partner.name}: VAT {settlement.vat_withheld}, PIT {settlement.pit_withheld} -> {path}"
            )
        self.stdout.write(f"{year:04d}-{month:02d}: {written} vouchers in {folder}")
