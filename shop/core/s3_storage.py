"""Private files in an S3-compatible bucket (``STORAGES["private"]`` when ``OCOP_MEDIA_S3_BUCKET`` is set;
see shop/core/storage.py): written with the private ACL, and with no URL at all — not even a signed one —
so they are only ever streamed by a view that checks permissions, as on disk."""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def url(self, name, *args, **kwargs):
        raise ValueError("Private files have no public URL; serve them through a view that checks permissions.")
