"""Registry imports as background work: the dashboard queues the dry run of an upload and the real run of a
checked file here, and the worker runs them (``importer.run_queued``)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from shop.registry import importer, reading
from shop.registry.models import RegistryImport


@task()
def run_registry_import(import_id):
    """Run a queued import of a province's OCOP list; a done or failed one is not run again."""
    return importer.run_queued(import_id).state


def queue_dry_run(fileobj, filename: str, province_code, *, as_of, source, user=None) -> RegistryImport:
    """The dashboard's upload: the file is checked at once (a file it cannot read is refused here, in the form),
    kept, and its dry run queued for the worker — a list of thousands of lines takes minutes, longer than a
    request; the report page shows the progress."""
    reading.read_rows(fileobj, filename)
    record = importer.new_record(province_code, as_of=as_of, source=source, user=user, dry_run=True, filename=filename)
    fileobj.seek(0)
    record.file.save(importer.stored_name(filename), ContentFile(fileobj.read()), save=True)
    transaction.on_commit(lambda: run_registry_import.enqueue(record.pk))
    return record


def queue_real_run(dry_run: RegistryImport, user) -> RegistryImport:
    """The real run of a dry run's stored file, queued for the worker."""
    record = importer.new_record(
        dry_run.province_code,
        as_of=dry_run.as_of,
        source=dry_run.source,
        user=user,
        dry_run=False,
        filename=dry_run.filename,
        dry_run_of=dry_run,
    )
    record.file.name = dry_run.file.name
    record.save(update_fields=["file"])
    transaction.on_commit(lambda: run_registry_import.enqueue(record.pk))
    return record
