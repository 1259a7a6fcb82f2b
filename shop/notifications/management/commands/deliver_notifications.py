from django.core.management.base import BaseCommand

from shop.notifications import outbox


class Command(BaseCommand):
    help = "Deliver outbox messages whose (re)try time has come. Schedule every minute."

    def handle(self, *args, **options):
        sent = outbox.deliver_due()
        self.stdout.write(f"{sent} message(s) sent")
