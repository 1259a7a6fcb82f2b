"""sorl-thumbnail's key-value store (the record of which thumbnails exist), made safe for several workers.

sorl's cached-db store caches a lookup that found nothing as "missing" in the shared cache, for the cache
timeout (ten years). With several gunicorn workers making the first thumbnails of a picture at once, one
worker's "missing", looked up just before another worker wrote the picture's entry, can land after that
write. sorl then refuses to record the thumbnail ("Cannot add thumbnails for source … that is not in
kvstore"), Oscar's ``oscar_thumbnail`` tag renders no picture, and the page cache keeps that page for
minutes. Here the picture's entry is simply written again, which also replaces the stale "missing".
"""

from sorl.thumbnail.kvstores import cached_db_kvstore


class KVStore(cached_db_kvstore.KVStore):
    def set(self, image_file, source=None):
        if source is not None and self.get(source) is None:
            super().set(source)
        super().set(image_file, source)
