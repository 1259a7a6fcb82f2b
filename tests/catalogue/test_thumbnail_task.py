"""Thumbnails of uploaded product pictures are made by the worker, not in the upload's request (issue 19):
``catalogue.ocop.tasks.make_thumbnails``, enqueued after the upload commits."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from oscar.core.loading import get_model
from oscar.core.thumbnails import get_thumbnailer
from PIL import Image
from sorl.thumbnail import default
from sorl.thumbnail.images import ImageFile

from catalogue.ocop import tasks, thumbnails
from shop.jobs import retries
from tests import factories

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")
DATABASE_QUEUE = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
TASK_PATH = "catalogue.ocop.tasks.make_thumbnails"


def jpeg(name):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 140, 60)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def thumbnails_made(image):
    """How many thumbnails of this picture sorl has recorded."""
    source = default.kvstore.get(ImageFile(image.original))
    return len(default.kvstore._get(source.key, identity="thumbnails") or []) if source else 0


def run_worker():
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay")


@pytest.fixture
def product():
    return factories.product(title="Chè Shan tuyết Tả Phìn", pictures=1)


def upload(client, product, *names):
    client.force_login(product.producer.director)
    url = reverse("dashboard:portal-product-images", kwargs={"pk": product.pk})
    response = client.post(url, {"action": "upload", "images": [jpeg(name) for name in names]})
    assert response.status_code == 302
    return list(product.images.order_by("-pk")[: len(names)])


@pytest.mark.django_db(transaction=True)  # the worker closes the connection between tasks
@DATABASE_QUEUE
def test_an_upload_queues_the_thumbnails_for_the_worker_after_commit(client, product):
    images = upload(client, product, "a.jpg", "b.jpg")

    row = DBTaskResult.objects.get(task_path=TASK_PATH)
    assert row.status == TaskResultStatus.READY
    assert sorted(row.args_kwargs["args"][0]) == sorted(image.pk for image in images)
    assert [thumbnails_made(image) for image in images] == [0, 0]  # the request made none

    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL and row.return_value == 2
    assert [thumbnails_made(image) for image in images] == [len(thumbnails.THUMBNAILS)] * 2
    for image in images:
        thumbnail = get_thumbnailer().generate_thumbnail(image.original, size="200x200", crop="center", upscale=False)
        assert thumbnail.exists()


def test_nothing_is_queued_before_the_upload_commits(client, product, django_capture_on_commit_callbacks):
    with DATABASE_QUEUE, django_capture_on_commit_callbacks(execute=False) as callbacks:
        upload(client, product, "a.jpg")
    assert callbacks and not DBTaskResult.objects.filter(task_path=TASK_PATH).exists()


def test_an_image_deleted_meanwhile_is_skipped_and_running_twice_is_harmless(product):
    kept, gone = (factories.picture(product, display_order=order) for order in (1, 2))
    gone_id = gone.pk
    gone.delete()

    assert tasks.make_thumbnails.enqueue([kept.pk, gone_id]).return_value == 1
    assert tasks.make_thumbnails.enqueue([kept.pk, gone_id]).return_value == 1
    assert thumbnails_made(kept) == len(thumbnails.THUMBNAILS)


@pytest.mark.django_db(transaction=True)
@DATABASE_QUEUE
def test_a_failed_thumbnail_is_logged_and_the_task_retried_after_its_back_off(product, monkeypatch, caplog):
    image = factories.picture(product, display_order=1)
    thumbnailer = type(get_thumbnailer())
    make = thumbnailer.generate_thumbnail

    def broken_disk(self, source, **options):
        if options["size"] == "400x400":
            raise OSError("No space left on device")
        return make(self, source, **options)

    monkeypatch.setattr(thumbnailer, "generate_thumbnail", broken_disk)
    result = tasks.make_thumbnails.enqueue([image.pk])
    run_worker()

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 1  # back in the queue
    assert "ThumbnailsFailed" in row.traceback and f"image #{image.pk} 400x400" in row.traceback
    assert f"Thumbnail 400x400 of product image {image.pk} failed" in caplog.text
    assert thumbnails_made(image) == len(thumbnails.THUMBNAILS) - 1  # the others were made

    monkeypatch.setattr(thumbnailer, "generate_thumbnail", make)  # the disk has room again
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=row.run_after - retries.BACKOFF[0])
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert thumbnails_made(image) == len(thumbnails.THUMBNAILS)
