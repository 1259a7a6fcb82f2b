"""Every upload path refuses a file whose name says .png but whose content is HTML or an SVG with a
script, and a decompression bomb (a few hundred bytes declaring 100,000 × 100,000 pixels), before it
is stored: producers' scans and product photos (shop/core/uploads.py), Oscar's dashboard product images
(shop/dashboard/catalogue/forms.py), Wagtail's images (its content check and WAGTAILIMAGES_* limits)
and documents (cms/document_forms.py). Documents are served with the type their extension says and
nosniff."""

import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_class, get_model
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

from shop.core.uploads import validate_document_scan, validate_product_image

from .conftest import ADMIN

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width=100_000, height=100_000):
    """A valid PNG header declaring width × height pixels, with one row of data: ~100 bytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


HOSTILE = {
    "html": b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
    "svg": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
        b"<script>alert(document.domain)</script></svg>"
    ),
    "bomb": bomb_png(),
}


@pytest.fixture(params=list(HOSTILE))
def hostile(request):
    return lambda: SimpleUploadedFile("anh-san-pham.png", HOSTILE[request.param], content_type="image/png")


def test_the_bomb_is_small_and_declares_ten_billion_pixels():
    import io

    from PIL import Image

    assert len(HOSTILE["bomb"]) < 200
    with pytest.raises(Image.DecompressionBombError):  # Pillow's own limit, set at start-up
        Image.open(io.BytesIO(HOSTILE["bomb"]))


def test_producer_scans_and_portal_photos(hostile):
    with pytest.raises(ValidationError):
        validate_document_scan(hostile())
    with pytest.raises(ValidationError):
        validate_product_image(hostile())


def test_oscar_dashboard_product_images(hostile):
    form_class = get_class("dashboard.catalogue.forms", "ProductImageForm")
    product = Product.objects.filter(parent=None).first()
    form = form_class(
        data={"images-0-product": product.pk, "images-0-display_order": 0, "images-0-caption": ""},
        files={"images-0-original": hostile()},
        prefix="images-0",
    )
    assert not form.is_valid() and "original" in form.errors


def test_the_dashboard_formset_uses_the_checking_form():
    formset = get_class("dashboard.catalogue.formsets", "ProductImageFormSet")
    from shop.dashboard.catalogue.forms import ProductImageForm

    assert issubclass(formset.form, ProductImageForm)  # inlineformset_factory subclasses the form given


def test_wagtail_images(hostile):
    admin = get_user_model().objects.get(email=ADMIN[0])
    form = get_image_form(get_image_model())(
        data={"title": "Ảnh", "collection": Collection.get_first_root_node().pk}, files={"file": hostile()}, user=admin
    )
    assert not form.is_valid() and "file" in form.errors
    assert not get_image_model().objects.filter(title="Ảnh").exists()


def test_wagtail_image_upload_view_refuses_it(hostile):
    client = Client()
    client.force_login(get_user_model().objects.get(email=ADMIN[0]))
    count = get_image_model().objects.count()
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh giả", "collection": Collection.get_first_root_node().pk, "file": hostile()},
    )
    assert response.status_code == 200  # the form again, with the error
    assert get_image_model().objects.count() == count


@pytest.mark.parametrize(
    "name, content",
    [
        ("bang-gia.pdf", HOSTILE["html"]),
        ("bang-gia.docx", HOSTILE["html"]),
        ("anh.png", HOSTILE["svg"]),
        ("trang.html", HOSTILE["html"]),
        ("anh.svg", HOSTILE["svg"]),
        ("du-lieu.txt", b"\x00\xff\xfe binary"),
    ],
)
def test_wagtail_documents(name, content):
    admin = get_user_model().objects.get(email=ADMIN[0])
    form = get_document_form(get_document_model())(
        data={"title": "Tài liệu", "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile(name, content)},
        user=admin,
    )
    assert not form.is_valid() and "file" in form.errors


def test_wagtail_documents_accept_real_ones():
    admin = get_user_model().objects.get(email=ADMIN[0])
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\nstartxref\n0\n%%EOF\n"
    for name, content in (("quy-dinh.pdf", pdf), ("ghi-chu.txt", "Chè Shan tuyết".encode())):
        form = get_document_form(get_document_model())(
            data={"title": "Tài liệu", "collection": Collection.get_first_root_node().pk},
            files={"file": SimpleUploadedFile(name, content)},
            user=admin,
        )
        assert form.is_valid(), form.errors


def test_documents_are_served_with_their_type_and_nosniff():
    document = get_document_model().objects.create(
        title="Ghi chú", file=ContentFile(HOSTILE["html"], name="ghi-chu.txt")
    )
    response = Client().get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")  # never text/html
    assert response["X-Content-Type-Options"] == "nosniff"
