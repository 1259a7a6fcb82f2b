from django.core.management.base import BaseCommand

from payments.expiry import release_unpaid_orders


class Command(BaseCommand):
    help = "Cancel orders whose online payment did not arrive in time and return their stock (run hourly)."

    def handle(self, *args, **options):
        released = release_unpaid_orders()
        self.stdout.write(f"Released {len(released)} unpaid order(s): {', '.join(released) or '—'}")
