import sys

from django.core.management.base import BaseCommand, CommandError

from shop.search import indexing


class Command(BaseCommand):
    help = "Elasticsearch product index: `rebuild` builds a new index and swaps the alias (no downtime)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError("ELASTICSEARCH_URL is not set: the database backend needs no index.")

        def progress(done, total):
            width = 30
            filled = int(width * done / total) if total else width
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            sys.stdout.flush()

        index, count = indexing.rebuild(progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} products into {index}; alias moved."))
