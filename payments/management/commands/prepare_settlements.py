"""Prepare (compute and store) every producer's settlement statement for a month.

    manage.py prepare_settlements               # the previous month (Vietnam time)
    manage.py prepare_settlements --month 2026-01

Calls ``payments.settlements.prepare_period``: paid statements are left as they are. Safe to run
again (e.g. from a monthly scheduler on the 1st).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from payments import settlements


def parse_month(value):
    try:
        day = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise CommandError(f"--month must be YYYY-MM, not {value!r}") from None
    return day.year, day.month


class Command(BaseCommand):
    help = "Compute and store every producer's settlement statement for a month (default: the previous month)."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM; default: the previous month in Vietnam time")

    def handle(self, *args, month=None, **options):
        if month:
            year, number = parse_month(month)
        else:
            year, number = settlements.previous_month(*settlements.month_of(settlements.local_today()))
        prepared = settlements.prepare_period(year, number)
        paid = sum(1 for settlement in prepared if settlement.is_paid)
        net = sum(settlement.net_amount for settlement in prepared)
        self.stdout.write(
            f"{year:04d}-{number:02d}: {len(prepared)} statements ({paid} already paid), net due {net} VND"
        )
        for settlement in prepared:
            self.stdout.write(
                f"  {settlement.partner.name}: gross {settlement.gross_sales}, "
                f"refunds {settlement.refunds}, commission {settlement.commission}, "
                f"VAT {settlement.vat_withheld}, PIT {settlement.pit_withheld}, net {settlement.net_amount}"
                f"{' (paid)' if settlement.is_paid else ''}",
                style_func=None,
            )
