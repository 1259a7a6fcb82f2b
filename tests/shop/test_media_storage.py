"""Media on S3-compatible storage by configuration (shop.core.storage.media_storages): local directories by
default; with OCOP_MEDIA_S3_BUCKET, public media in that bucket with plain URLs and private files in their own
bucket, private ACL, no URL at all. Nothing here reaches the network (boto3 connects on first use only)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from storages.backends.s3 import S3Storage

from shop.core.s3_storage import PrivateS3Storage
from shop.core.storage import PrivateStorage, media_storages, private_storage

S3_ENVIRONMENT = {
    "OCOP_MEDIA_S3_BUCKET": "ocop-media",
    "OCOP_PRIVATE_MEDIA_S3_BUCKET": "ocop-private",
    "OCOP_MEDIA_S3_ENDPOINT_URL": "https://s3.example.vn",
    "OCOP_MEDIA_S3_REGION": "hn-1",
    "OCOP_MEDIA_S3_ACCESS_KEY_ID": "AKIAOCOPTEST",
    "OCOP_MEDIA_S3_SECRET_ACCESS_KEY": "ocop-test-secret",
    "OCOP_MEDIA_S3_CUSTOM_DOMAIN": "media.ocop.example.vn",
}


def _use(settings, environ):
    settings.STORAGES = {**media_storages(environ), "staticfiles": settings.STORAGES["staticfiles"]}


def test_without_a_bucket_media_and_private_files_are_local_directories(settings):
    _use(settings, {})
    assert type(storages["default"]) is FileSystemStorage
    assert type(private_storage()) is PrivateStorage
    with pytest.raises(ValueError):
        private_storage().url("producers/registration/2026/giay-phep.pdf")


def test_with_a_bucket_media_go_to_it_with_plain_public_urls(settings):
    _use(settings, S3_ENVIRONMENT)
    media = storages["default"]
    assert type(media) is S3Storage
    assert media.bucket_name == "ocop-media"
    assert media.endpoint_url == "https://s3.example.vn" and media.region_name == "hn-1"
    assert media.access_key == "AKIAOCOPTEST" and media.secret_key == "ocop-test-secret"
    assert media.querystring_auth is False and media.default_acl is None and media.file_overwrite is False
    assert (
        media.url("images/products/2026/12/che.jpg") == "https://media.ocop.example.vn/images/products/2026/12/che.jpg"
    )


def test_with_a_bucket_private_files_go_to_their_own_bucket_private_and_without_any_url(settings):
    _use(settings, S3_ENVIRONMENT)
    private = private_storage()
    assert type(private) is PrivateS3Storage
    assert private.bucket_name == "ocop-private" and private.location == "private"
    assert private.default_acl == "private" and private.querystring_auth is True and private.custom_domain is None
    with pytest.raises(ValueError):
        private.url("certificates/2026/chung-nhan.pdf")


def test_a_media_bucket_without_a_private_bucket_is_refused_at_start():
    environ = {k: v for k, v in S3_ENVIRONMENT.items() if k != "OCOP_PRIVATE_MEDIA_S3_BUCKET"}
    with pytest.raises(ImproperlyConfigured, match="OCOP_PRIVATE_MEDIA_S3_BUCKET"):
        media_storages(environ)


def test_an_acl_for_public_media_can_be_asked_for(settings):
    _use(settings, {**S3_ENVIRONMENT, "OCOP_MEDIA_S3_DEFAULT_ACL": "public-read"})
    assert storages["default"].default_acl == "public-read"
