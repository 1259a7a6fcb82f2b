"""Files that must never be public: identity and registration papers (personal data).

They live under ``PRIVATE_MEDIA_ROOT``, outside ``MEDIA_ROOT`` (which the web server publishes), and have
no URL: views that check permissions stream them (e.g. the reviewers' application page).
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def __init__(self, **kwargs):
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT, base_url=None, **kwargs)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view that checks permissions.")


def private_storage():
    """For ``FileField(storage=…)``: a callable, so migrations do not freeze the path."""
    return PrivateStorage()
