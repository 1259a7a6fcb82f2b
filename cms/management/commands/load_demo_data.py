from django.core.management.base import BaseCommand

from cms.demo.loader import PRODUCER_EMAIL, STAFF_EMAIL, load_demo_data


class Command(BaseCommand):
    help = "Load the Lào Cai OCOP demo market (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        created = load_demo_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} new products). Logins: {STAFF_EMAIL} (staff), "
                f"{PRODUCER_EMAIL} (producer); passwords in the README."
            )
        )
