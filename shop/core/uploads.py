"""Validation of uploaded documents and images by their content, not their name.

The name is checked too, but against the content: a stored file is served with
the type its extension implies, so a real PDF or PNG named ``.html`` or ``.svg``
must not get through either.
"""

import os
import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# Beyond this many pixels an image is refused outright: decompression bombs
# are small files that expand to gigabytes in memory.
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
# Phones save JPEG photos with a second, smaller picture inside; Pillow calls
# such a file "MPO". It is a JPEG for every browser and viewer.
FORMAT_ALIASES = {"MPO": "JPEG"}
# The extensions a document of each kind may have (the first one is suggested).
EXTENSIONS = {
    "PDF": (".pdf",),
    "JPEG": (".jpg", ".jpeg", ".jpe", ".jfif"),
    "PNG": (".png",),
    "WEBP": (".webp",),
}
KIND_NAMES = {"PDF": "PDF", "JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}

PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
# Every complete PDF ends with the offset of its cross-reference table.
PDF_END = re.compile(rb"startxref\s+\d+\s+%%EOF")


def _read_head(upload, size=1024):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _tail(upload, size=2048):
    upload.seek(0, 2)
    end = upload.tell()
    upload.seek(max(0, end - size))
    tail = upload.read()
    upload.seek(0)
    return tail


def validate_image_content(upload):
    """A real JPEG/PNG/WebP of sane dimensions; returns its format: "JPEG", "PNG" or "WEBP"."""
    try:
        with Image.open(upload) as image:
            image_format = FORMAT_ALIASES.get(image.format, image.format)
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("Ảnh quá lớn (%(width)s × %(height)s điểm ảnh). Hãy gửi ảnh nhỏ hơn 40 triệu điểm ảnh.")
                    % {"width": width, "height": height},
                    code="image_too_large",
                )
            if image_format not in IMAGE_FORMATS:
                raise ValidationError(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."), code="image_format")
            image.verify()
        if image_format == "JPEG":
            _decode_jpeg(upload)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Ảnh quá lớn để xử lý."), code="image_too_large")
    except Exception:
        raise ValidationError(_("Tệp này không phải là ảnh hợp lệ."), code="not_an_image")
    finally:
        upload.seek(0)
    return image_format


def _decode_jpeg(upload):
    """verify() does not read a JPEG's picture data: decode it at 1/8 scale, which
    reads every byte for little memory, so a truncated or corrupt file is caught."""
    upload.seek(0)
    with Image.open(upload) as image:
        image.draft(None, (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def validate_document_scan(upload):
    """A scanned document: a PDF, or a JPEG/PNG/WebP image, at most 10 MB, whose
    file name ends as its content says (``.pdf``, ``.jpg``, ``.png``, ``.webp``)."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Giới hạn là %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
            code="file_too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    if PDF_HEADER.match(_read_head(upload)):
        if not PDF_END.search(_tail(upload)):
            raise ValidationError(_("Tệp PDF bị hỏng hoặc không đầy đủ."), code="broken_pdf")
        kind = "PDF"
    elif extension == ".pdf":
        raise ValidationError(_("Tệp có đuôi .pdf nhưng nội dung không phải là PDF."), code="not_a_pdf")
    else:
        try:
            kind = validate_image_content(upload)
        except ValidationError as error:
            if error.code == "not_an_image":
                raise ValidationError(_("Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, WebP."), code="not_a_document")
            raise
    if extension not in EXTENSIONS[kind]:
        raise ValidationError(
            _("Tên tệp phải có đuôi %(extensions)s (nội dung là %(kind)s).")
            % {"extensions": ", ".join(EXTENSIONS[kind][:2]), "kind": KIND_NAMES[kind]},
            code="wrong_extension",
        )


def validate_product_image(upload):
    """A product photo: a JPEG, PNG or WebP image (checked by content), at most 10 MB, whose file
    name ends as its content says. Returns the format ("JPEG", "PNG" or "WEBP")."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s). Giới hạn là %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
            code="file_too_large",
        )
    kind = validate_image_content(upload)
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in EXTENSIONS[kind]:
        raise ValidationError(
            _("Tên tệp phải có đuôi %(extensions)s (nội dung là %(kind)s).")
            % {"extensions": ", ".join(EXTENSIONS[kind][:2]), "kind": KIND_NAMES[kind]},
            code="wrong_extension",
        )
    return kind


# Editors' documents (Wagtail): the extensions allowed are settings.WAGTAILDOCS_EXTENSIONS.
ZIP_HEADER = b"PK\x03\x04"  # Office Open XML and OpenDocument files are zip archives


def validate_editor_document(upload):
    """A document editors publish (Wagtail's document library): its content must be what its
    extension says — a whole PDF, an Office/OpenDocument zip, or plain UTF-8 text — at most 10 MB.
    Wagtail serves a document with the type its extension implies, so HTML or a script named
    ``.pdf`` never reaches a browser as such."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Giới hạn là %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
            code="file_too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    head = _read_head(upload)
    if extension == "pdf":
        matches = bool(PDF_HEADER.match(head)) and bool(PDF_END.search(_tail(upload)))
    elif extension in ("csv", "txt"):
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        matches = text is not None and "\x00" not in text
    else:
        matches = head.startswith(ZIP_HEADER)
    if not matches:
        raise ValidationError(
            _("Nội dung tệp không phải là %(kind)s như đuôi tên tệp cho biết.") % {"kind": extension.upper() or "?"},
            code="content_mismatch",
        )
