import sys

from django.core.management.base import BaseCommand, CommandError

from shop.search import indexing, pages


class Command(BaseCommand):
    help = (
        "Elasticsearch product index: `rebuild` builds a new index and swaps the alias (no downtime); "
        "`check` reports documents missing, orphaned or stale against the database; "
        "`fix` reindexes exactly those; `sweep` reindexes products whose update was missed "
        "(marked but not yet indexed) — schedule it every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "check", "fix", "sweep"])

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError("ELASTICSEARCH_URL is not set: the database backend needs no index.")

        if options["action"] == "sweep":
            count = indexing.sweep()
            self.stdout.write(self.style.SUCCESS(f"Reindexed {count} marked products."))
            return

        if options["action"] in ("check", "fix"):
            missing, orphans, stale = indexing.check()
            self.stdout.write(f"missing: {len(missing)} {missing[:20]}")
            self.stdout.write(f"orphans: {len(orphans)} {orphans[:20]}")
            self.stdout.write(f"stale:   {len(stale)} {stale[:20]}")
            problems = missing + orphans + stale
            if options["action"] == "fix" and problems:
                indexing.update_products(problems)
                self.stdout.write(self.style.SUCCESS(f"Reindexed {len(problems)} products."))
            elif problems:
                raise CommandError("The index differs from the database: run `search_index fix` or `rebuild`.")
            else:
                self.stdout.write(self.style.SUCCESS("The index matches the database."))
            return

        def progress(done, total):
            width = 30
            filled = int(width * done / total) if total else width
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            sys.stdout.flush()

        index, count = indexing.rebuild(progress=progress)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} products into {index}; alias moved."))
        index, count = pages.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} content pages into {index}; alias moved."))
