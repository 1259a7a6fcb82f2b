"""The scheduler process: ``manage.py run_scheduler`` enqueues the periodic jobs of ``shop.jobs.schedule`` when due.

Run one beside the workers (``deploy/``); a second one by mistake runs nothing twice. ``--once`` ticks once and
exits (cron-style use, tests).
"""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from shop.jobs import schedule

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Enqueue the periodic jobs (shop/jobs/schedule.py) when they are due; runs until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=10.0, help="Seconds between ticks (default 10).")
        parser.add_argument("--once", action="store_true", help="Tick once and exit.")

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info("Scheduler started: %s", ", ".join(job.name for job in schedule.SCHEDULE))
        while self.running:
            close_old_connections()
            try:
                for name in schedule.tick():
                    self.stdout.write(f"enqueued {name}")
            except Exception:  # the database is away for a moment: try again at the next tick
                logger.exception("Scheduler tick failed; trying again in %s s.", interval)
            if once:
                return
            time.sleep(interval)

    def stop(self, signum, _frame):
        logger.info("Scheduler stopping (%s).", signal.strsignal(signum))
        self.running = False
