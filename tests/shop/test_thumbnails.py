"""Thumbnails made by several workers at once (shop/core/thumbnails.py)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.thumbnails import get_thumbnailer
from PIL import Image
from sorl.thumbnail import default
from sorl.thumbnail.images import ImageFile
from sorl.thumbnail.kvstores import cached_db_kvstore
from sorl.thumbnail.kvstores.base import KVStoreBase, add_prefix

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (120, 160, 60)).save(buffer, "JPEG")
    name = default_storage.save("images/products/test/che-shan-tuyet.jpg", ContentFile(buffer.getvalue()))
    yield name
    default_storage.delete(name)


def test_a_thumbnail_is_recorded_when_another_worker_saw_its_picture_missing(picture, monkeypatch):
    """Worker A records the picture, then worker B's lookup — made before A's row existed — caches
    "missing" over it, just before A records the thumbnail. The page must still get its picture."""
    record_picture = KVStoreBase.get_or_set

    def record_then_stale_miss_lands(store, image_file):
        result = record_picture(store, image_file)
        store.cache.set(add_prefix(image_file.key), cached_db_kvstore.EMPTY_VALUE)
        return result

    monkeypatch.setattr(KVStoreBase, "get_or_set", record_then_stale_miss_lands)

    thumbnail = get_thumbnailer().generate_thumbnail(picture, size="200x200", crop="center")

    assert thumbnail.exists() and thumbnail.width == 200
    source = ImageFile(picture)
    assert default.kvstore.get(source) is not None
    # Recorded against its picture, so deleting the picture deletes this thumbnail too.
    default.kvstore.delete_thumbnails(source)
    assert not thumbnail.exists()
