"""Write the platform's withholding declaration export for a month (Decree 117/2025/NĐ-CP).

    manage.py withholding_declaration --year 2026 --month 11                 # CSV to stdout
    manage.py withholding_declaration --year 2026 --month 11 --format xlsx --output k.xlsx

Recomputes the month's open statements first (``payments.settlements.prepare_period``), then lists
every household and individual withheld for, per business category (``payments.declaration``).
"""

from django.core.management.base import BaseCommand, CommandError

from payments import declaration


class Command(BaseCommand):
    help = "Export the month's withholding declaration (sellers, revenue, VAT and PIT withheld) as CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--month", type=int, required=True)
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--output", help="file to write; default: standard output (CSV only)")

    def handle(self, *args, year, month, format, output=None, **options):
        if not 1 <= month <= 12:
            raise CommandError("--month must be 1..12")
        if format == "xlsx" and not output:
            raise CommandError("--format xlsx needs --output FILE")
        result = declaration.declaration_for(year, month)
        data = declaration.as_xlsx(result) if format == "xlsx" else declaration.as_csv(result)
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stderr.write(
                f"{year:04d}-{month:02d}: {len(result.rows)} rows, revenue {result.revenue}, "
                f"VAT {result.vat_withheld}, PIT {result.pit_withheld} VND -> {output}"
            )
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
