"""Where uploaded files live: local directories by default, S3-compatible buckets by configuration.

``media_storages(environ)`` builds the ``default`` (public media: product pictures, CMS images and
documents) and ``private`` storages of ``STORAGES`` from the environment (settings/base.py): without
``OCOP_MEDIA_S3_BUCKET`` both are directories on this machine; with it both are buckets (django-storages),
so that several web nodes see the same files.

Private files — identity and registration papers, certificate scans (personal data) — never have a
public URL. On disk they live under ``PRIVATE_MEDIA_ROOT``, outside ``MEDIA_ROOT`` (which the web server
publishes); on S3 in their own bucket (``OCOP_PRIVATE_MEDIA_S3_BUCKET``) under ``private/``, written with
the private ACL. Either way ``url()`` refuses: views that check permissions stream them (e.g. the
reviewers' application page).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage

S3_BACKEND = "storages.backends.s3.S3Storage"
PRIVATE_S3_BACKEND = "shop.core.s3_storage.PrivateS3Storage"
PRIVATE_PREFIX = "private"


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT, base_url=None, **kwargs)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view that checks permissions.")


def private_storage():
    """For ``FileField(storage=…)``: a callable, so migrations do not freeze the path. The ``private``
    storage of ``STORAGES`` when configured, else the private directory."""
    if "private" in settings.STORAGES:
        from django.core.files.storage import storages

        return storages["private"]
    return PrivateStorage()


def media_storages(environ):
    """``{"default": …, "private": …}`` for ``STORAGES``, from these environment variables:

    - ``OCOP_MEDIA_S3_BUCKET``: the public media bucket; unset, media are local files (the default);
    - ``OCOP_PRIVATE_MEDIA_S3_BUCKET``: the bucket for private files, required with the former (it may be the
      same bucket only if its policy keeps ``private/`` unreadable to the public);
    - ``OCOP_MEDIA_S3_ENDPOINT_URL`` (an S3-compatible service; unset: AWS), ``OCOP_MEDIA_S3_REGION``;
    - ``OCOP_MEDIA_S3_ACCESS_KEY_ID`` / ``OCOP_MEDIA_S3_SECRET_ACCESS_KEY`` (unset: boto3's own chain, e.g.
      ``AWS_ACCESS_KEY_ID`` or the machine's role);
    - ``OCOP_MEDIA_S3_CUSTOM_DOMAIN`` (a CDN in front of the public bucket), ``OCOP_MEDIA_S3_DEFAULT_ACL``
      (e.g. ``public-read`` where the provider uses ACLs rather than a bucket policy).
    """
    from django.core.exceptions import ImproperlyConfigured

    bucket = environ.get("OCOP_MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {"BACKEND": "shop.core.storage.PrivateStorage"},
        }
    private_bucket = environ.get("OCOP_PRIVATE_MEDIA_S3_BUCKET", "").strip()
    if not private_bucket:
        raise ImproperlyConfigured(
            "OCOP_MEDIA_S3_BUCKET is set: set OCOP_PRIVATE_MEDIA_S3_BUCKET too, a bucket with no public access "
            "for personal papers and certificate scans."
        )
    connection = {
        "endpoint_url": environ.get("OCOP_MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("OCOP_MEDIA_S3_REGION") or None,
        "access_key": environ.get("OCOP_MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("OCOP_MEDIA_S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,  # like local files: a new upload with a taken name gets a new name
    }
    return {
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": bucket,
                "custom_domain": environ.get("OCOP_MEDIA_S3_CUSTOM_DOMAIN") or None,
                "default_acl": environ.get("OCOP_MEDIA_S3_DEFAULT_ACL") or None,
                "querystring_auth": False,  # public media: plain, cacheable URLs
            },
        },
        "private": {
            "BACKEND": PRIVATE_S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket,
                "location": PRIVATE_PREFIX,
                "default_acl": "private",
                "querystring_auth": True,
                "custom_domain": None,
            },
        },
    }
