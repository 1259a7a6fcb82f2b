"""Certificate scans are private papers: where they are stored, under which name, who may see them, and
moving the scans stored before that out of the public media folder.

A scan lives in the private storage (``shop/core/storage.py``, no URL) as
``ocop/certificates/<year>/<uuid4 hex>.<ext>``: the extension comes from the content, never from the name
the uploader's phone gave. ``ocop-certificate-scan`` (``shop/dashboard/portal/views/certificates.py``) streams
it to the viewers ``catalogue.ocop.editing.may_view_scan`` allows.

This module imports no model: the data migration (``catalogue/migrations/0038``) uses it with its
historical model.
"""

import logging
import os
import posixpath
import re
import uuid

from django.utils import timezone

from shop.core.text import ascii_slugify

logger = logging.getLogger(__name__)

FOLDER = "ocop/certificates"
CONTENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
UNKNOWN_CONTENT_TYPE = "application/octet-stream"
# What the name says, when the content cannot be read (the extensions shop.core.uploads accepts).
NAME_EXTENSIONS = {
    ".pdf": ".pdf",
    ".jpg": ".jpg",
    ".jpeg": ".jpg",
    ".jpe": ".jpg",
    ".jfif": ".jpg",
    ".png": ".png",
    ".webp": ".webp",
}
_YEAR_FOLDER = re.compile(r"^" + re.escape(FOLDER) + r"/(\d{4})/")


def sniff_extension(fileobj):
    """ ".pdf", ".jpg", ".png" or ".webp" from the file's first bytes, or None; the position is kept."""
    try:
        position = fileobj.tell()
        fileobj.seek(0)
        head = fileobj.read(16)
        fileobj.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    if isinstance(head, str):
        head = head.encode("latin-1", "replace")
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return None


def extension_for(fileobj, name=""):
    """The stored file's extension: from the content, else from the name if it is a scan's, else ".bin"."""
    return (sniff_extension(fileobj) if fileobj is not None else None) or NAME_EXTENSIONS.get(
        os.path.splitext(name or "")[1].lower(), ".bin"
    )


def generated_name(extension, year=None):
    """``ocop/certificates/<year>/<uuid4 hex><extension>``: unguessable, and nothing of the uploader's."""
    return posixpath.join(FOLDER, str(year or timezone.localdate().year), uuid.uuid4().hex + extension)


def certificate_scan_upload_to(instance, filename):
    """``OcopCertificate.scan``'s ``upload_to``: a generated name, the extension read from the upload."""
    scan = instance.scan
    # While an assigned upload is being saved, the field file holds it, not yet committed; otherwise
    # (``scan.save(name, content)`` on a stored scan) only the name is known.
    upload = None if getattr(scan, "_committed", True) else getattr(scan, "_file", None)
    return generated_name(extension_for(upload, filename))


def download_name(certificate, extension):
    """The name a viewer's browser saves the scan under: ``chung-nhan-<decision number>.<ext>``."""
    slug = ascii_slugify(certificate.decision_number.replace("/", "-")) or str(certificate.pk)
    return f"chung-nhan-{slug}{extension}"


def move_public_scans(certificates, public_storage, private_storage):
    """Moves every scan of ``certificates`` (a queryset, the historical model's in the migration) from the
    public media storage to the private one under a generated name, and points its row at it.

    A scan already in the private storage stays (so running it again changes nothing); one missing from
    both is logged and skipped. Each file is copied, its row updated, then the public copy deleted: run
    outside a transaction, an interruption leaves at worst an unused private copy. Returns
    ``(moved, missing)``, lists of certificate ids.
    """
    moved, missing = [], []
    for pk, name in certificates.exclude(scan="").order_by("pk").values_list("pk", "scan"):
        if private_storage.exists(name):
            continue
        if not public_storage.exists(name):
            logger.warning("Certificate %s: scan %s is missing from the media folder; skipped.", pk, name)
            missing.append(pk)
            continue
        year_folder = _YEAR_FOLDER.match(name)
        with public_storage.open(name, "rb") as source:
            target = generated_name(extension_for(source, name), year_folder and year_folder.group(1))
            new_name = private_storage.save(target, source)
        certificates.filter(pk=pk).update(scan=new_name)
        public_storage.delete(name)
        logger.info("Certificate %s: scan moved to private storage as %s.", pk, new_name)
        moved.append(pk)
    return moved, missing
