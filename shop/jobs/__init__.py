"""Background work run by a worker process, and the periodic jobs (issue 19).

- The queue is django-tasks' database backend (``django_tasks_db``): a task is a row in PostgreSQL, enqueued in the
  same transaction as the change that asks for it (or after its commit), and run by ``manage.py db_worker``.
  PostgreSQL is already there and backed up; a row-per-task queue needs no broker and survives any restart.
- ``retries``: a task that raises is run again on the same row after a back-off (1 min, 5 min, 30 min, 2 h); after
  the last attempt it stays FAILED, listed for administrators (Wagtail admin, Settings → "Tác vụ nền"), who can run
  it again. A row left RUNNING by a worker that died is put back in the queue (``requeue_lost``). Every task is
  idempotent, so running one twice is harmless.
- ``schedule``: the periodic jobs, defined once in code (``SCHEDULE``), enqueued by ``manage.py run_scheduler``. Each
  run of a job claims its time slot in a ``ScheduledRun`` row (unique per job and slot) in the transaction that
  enqueues it, so two schedulers running by mistake never run a job twice.
"""
