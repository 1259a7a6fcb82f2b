from django.core.management.base import BaseCommand

from shop.notifications import delivery


class Command(BaseCommand):
    help = "Deliver outbox messages whose (re)try time has come. Schedule every minute."

    def handle(self, *args, **options):
        sent = delivery.deliver_due()
        self.stdout.write(f"{sent} message(s) sent")
