from django.core.management.base import BaseCommand

from shop.order.expiry import release_expired_orders


class Command(BaseCommand):
    help = (
        "Cancel orders whose online payment did not arrive in time, and cash-on-delivery lines their producer "
        "did not confirm in time, and return their stock (run hourly)."
    )

    def handle(self, *args, **options):
        released = release_expired_orders()
        self.stdout.write(f"Released {len(released['unpaid'])} unpaid order(s): {', '.join(released['unpaid']) or '—'}")
        self.stdout.write(
            f"Released unconfirmed cash-on-delivery lines of {len(released['unconfirmed_cod'])} "
            f"order(s): {', '.join(released['unconfirmed_cod']) or '—'}"
        )
