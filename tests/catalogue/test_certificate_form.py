"""Entering a certificate: catalogue/ocop/forms.CertificateForm and the scan checks in shop/core/uploads.py."""

import datetime
import io
import os

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from catalogue.ocop.forms import CertificateForm
from shop.core import uploads
from tests import factories

OcopCertificate = get_model("catalogue", "OcopCertificate")

pytestmark = pytest.mark.django_db

VALID = {
    "star_rating": "3",
    "score": "58",
    "decision_number": "2001/QĐ-UBND",
    "decision_date": "2025-09-01",
    "issuer": "UBND tỉnh Lào Cai",
    "issuer_level": "province",
    "taxonomy_version": "148",
    "expires_on": "",
    "address_on_document": "",
}


# --- Files -------------------------------------------------------------------------


def pdf_bytes():
    """A real one-page PDF (Pillow writes a complete file with its cross-reference table). Made once:
    Pillow stamps the time in it, so two calls a second apart differ."""
    global _PDF
    if _PDF is None:
        buffer = io.BytesIO()
        Image.new("RGB", (60, 40), "white").save(buffer, "PDF")
        _PDF = buffer.getvalue()
    return _PDF


_PDF = None


def image_bytes(image_format="PNG", size=(60, 40), mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, "white" if mode != "1" else 1).save(buffer, image_format, **options)
    return buffer.getvalue()


def phone_photo_bytes():
    """A JPEG with an embedded preview picture, as phones save them: Pillow opens it as "MPO"."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "red").save(
        buffer, "MPO", save_all=True, append_images=[Image.new("RGB", (30, 20), "blue")]
    )
    return buffer.getvalue()


def noisy_jpeg_bytes():
    buffer = io.BytesIO()
    Image.effect_noise((300, 200), 40).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def bomb_png_bytes(width=20_000, height=20_000):
    """A tiny PNG that declares width × height pixels: a 1-bit blank image compresses to almost nothing."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_scans():
    folder = settings.PRIVATE_MEDIA_ROOT / "ocop" / "certificates"
    return sorted(str(path) for path in folder.rglob("*")) if folder.exists() else []


# --- Helpers -------------------------------------------------------------------------


@pytest.fixture
def product(db):
    """A product on sale of a new producer: the certificates the tests enter are added to it."""
    return factories.product()


def form_for(product, scan=None, **changes):
    data = {**VALID, **changes}
    files = {"scan": scan if scan is not None else upload("quyet-dinh.pdf", pdf_bytes(), "application/pdf")}
    return CertificateForm(data, files, product=product)


def assert_refused(form, field, message):
    """The form refuses with `message` on `field`, and nothing is saved or stored."""
    count, scans = OcopCertificate.objects.count(), stored_scans()
    assert not form.is_valid()
    assert form.errors[field] == [message], form.errors
    assert OcopCertificate.objects.count() == count
    assert stored_scans() == scans


# --- Valid certificates ------------------------------------------------------------------


def test_a_valid_pdf_certificate_is_saved_for_36_months(product):
    form = form_for(product)
    assert form.is_valid(), form.errors
    certificate = form.save()
    certificate.refresh_from_db()
    assert certificate.product == product
    assert certificate.expires_on == datetime.date(2028, 9, 1)
    assert certificate.review == OcopCertificate.Review.PENDING
    assert certificate.status == OcopCertificate.Status.VALID
    assert certificate.scan.name.startswith(f"ocop/certificates/{timezone.localdate().year}/")
    assert "quyet-dinh" not in certificate.scan.name  # a generated name (tests/catalogue/test_certificate_scans.py)
    assert certificate.scan.name.endswith(".pdf")
    with certificate.scan.open("rb") as stored:
        assert stored.read() == pdf_bytes()


def test_a_valid_png_certificate_with_its_own_expiry_is_saved(product):
    form = form_for(
        product,
        scan=upload("giay-chung-nhan.png", image_bytes("PNG"), "image/png"),
        decision_number="2002/QĐ-BNNMT",
        star_rating="5",
        score="93",
        expires_on="2028-06-30",
        issuer="Bộ Nông nghiệp và Môi trường",
        issuer_level="central",
    )  # ★5: central level
    assert form.is_valid(), form.errors
    certificate = form.save()
    assert certificate.expires_on == datetime.date(2028, 6, 30)
    assert certificate.scan.name.endswith(".png")


@pytest.mark.parametrize(
    "name, content",
    [
        ("anh-chup.jpg", phone_photo_bytes()),
        ("ANH-CHUP.JPEG", image_bytes("JPEG")),
        ("anh-chup.webp", image_bytes("WEBP")),
        ("QUYET-DINH.PDF", pdf_bytes()),
    ],
)
def test_phone_photos_and_other_scans_are_accepted(product, name, content):
    form = form_for(product, scan=upload(name, content))
    assert form.is_valid(), form.errors


def test_district_level_is_accepted_before_6_july_2025(product):
    form = form_for(product, issuer_level="district", issuer="UBND huyện Sa Pa", decision_date="2025-07-05")
    assert form.is_valid(), form.errors


def test_the_form_uses_the_browsers_date_picker_with_iso_dates(product):
    certificate = form_for(product).save()
    html = str(CertificateForm(instance=certificate)["decision_date"])
    assert 'type="date"' in html
    assert 'value="2025-09-01"' in html  # not 01/09/2025, which a date input cannot show
    assert f'max="{timezone.localdate().isoformat()}"' in html


def test_an_existing_scan_may_be_kept_but_not_removed(product):
    certificate = form_for(product).save()
    form = CertificateForm({**VALID, "issuer": "UBND tỉnh Lào Cai (sửa)", "scan-clear": "on"}, {}, instance=certificate)
    assert form.is_valid(), form.errors
    assert form.save().scan.name == certificate.scan.name


def test_the_form_speaks_vietnamese(product):
    form = CertificateForm(product=product)
    assert form.fields["star_rating"].label == "Hạng sao"
    assert form.fields["decision_number"].label == "Số quyết định"
    assert form.fields["expires_on"].help_text.startswith("Để trống nếu giấy không ghi")
    assert 'accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"' in str(form["scan"])


# --- Bad data ------------------------------------------------------------------------


@pytest.mark.parametrize("stars", ["2", "6", "0"])
def test_stars_outside_3_to_5_are_refused(product, stars):
    assert_refused(
        form_for(product, star_rating=stars, score=""), "star_rating", "Chỉ sản phẩm 3, 4 hoặc 5 sao là sản phẩm OCOP."
    )


def test_a_score_that_does_not_match_the_stars_is_refused(product):
    assert_refused(form_for(product, star_rating="5", score="72"), "score", "Điểm 72 không khớp với hạng 5 sao.")


def test_an_expiry_before_the_decision_is_refused(product):
    assert_refused(form_for(product, expires_on="2025-08-31"), "expires_on", "Ngày hết hạn phải sau ngày quyết định.")


def test_a_decision_in_the_future_is_refused(product):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert_refused(
        form_for(product, decision_date=tomorrow.isoformat()), "decision_date", "Ngày quyết định không thể ở tương lai."
    )


@pytest.mark.parametrize("decided", ["2025-07-06", "2025-09-01"])
def test_district_level_on_or_after_6_july_2025_is_refused(product, decided):
    assert_refused(
        form_for(product, issuer_level="district", decision_date=decided),
        "issuer_level",
        "Theo Quyết định 1489/QĐ-TTg (từ 06/07/2025), sản phẩm 3 sao do UBND cấp tỉnh công nhận, không phải cấp huyện.",
    )


def test_the_same_decision_twice_for_a_product_is_refused(product):
    form_for(product).save()
    assert_refused(form_for(product), "decision_number", "Sản phẩm này đã có giấy chứng nhận số 2001/QĐ-UBND.")


def test_a_new_certificate_needs_its_scan(product):
    form = CertificateForm(VALID, {}, product=product)
    assert_refused(form, "scan", "Hãy tải lên bản chụp giấy chứng nhận (PDF hoặc ảnh).")


# --- Bad scans -------------------------------------------------------------------------

BAD_SCANS = [
    pytest.param(
        "quyet-dinh.pdf",
        "Đây là giấy chứng nhận, thật đấy.\n".encode() * 20,
        "Tệp có đuôi .pdf nhưng nội dung không phải là PDF.",
        id="text-named-pdf",
    ),
    pytest.param(
        "giay.png",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 2000,
        "Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, WebP.",
        id="exe-renamed-png",
    ),
    pytest.param(
        "quyet-dinh.pdf", pdf_bytes()[: len(pdf_bytes()) // 2], "Tệp PDF bị hỏng hoặc không đầy đủ.", id="truncated-pdf"
    ),
    pytest.param(
        "quyet-dinh.pdf",
        b"%PDF-1.4\nkhong co gi\n%%EOF\n",
        "Tệp PDF bị hỏng hoặc không đầy đủ.",
        id="pdf-header-and-end-only",
    ),
    pytest.param("anh.png", bomb_png_bytes(), "Ảnh quá lớn để xử lý.", id="decompression-bomb-20000x20000"),
    pytest.param(
        "anh.png",
        bomb_png_bytes(10_000, 5_000),
        "Ảnh quá lớn (10000 × 5000 điểm ảnh). Hãy gửi ảnh nhỏ hơn 40 triệu điểm ảnh.",
        id="image-over-40-megapixels",
    ),
    pytest.param(
        "anh.jpg", noisy_jpeg_bytes()[:3000], "Chỉ nhận tệp PDF hoặc ảnh JPEG, PNG, WebP.", id="truncated-jpeg"
    ),
    pytest.param("anh.gif", image_bytes("GIF"), "Chỉ nhận ảnh JPEG, PNG hoặc WebP.", id="gif"),
    pytest.param("quyet-dinh.html", pdf_bytes(), "Tên tệp phải có đuôi .pdf (nội dung là PDF).", id="pdf-named-html"),
    pytest.param("anh.svg", image_bytes("PNG"), "Tên tệp phải có đuôi .png (nội dung là PNG).", id="png-named-svg"),
    pytest.param("anh", image_bytes("JPEG"), "Tên tệp phải có đuôi .jpg, .jpeg (nội dung là JPEG).", id="no-extension"),
    pytest.param(
        "anh.pdf", image_bytes("PNG"), "Tệp có đuôi .pdf nhưng nội dung không phải là PDF.", id="png-named-pdf"
    ),
]


@pytest.mark.parametrize("name, content, message", BAD_SCANS)
def test_bad_scans_are_refused(product, name, content, message):
    assert_refused(form_for(product, scan=upload(name, content)), "scan", message)


def test_the_decompression_bomb_is_a_tiny_file():
    content = bomb_png_bytes()
    assert len(content) < 100_000
    with pytest.raises(Image.DecompressionBombError):  # 400 million pixels
        Image.open(io.BytesIO(content))


def padded_pdf(size):
    """A real PDF padded with a comment line to exactly `size` bytes."""
    pdf = pdf_bytes()
    end = pdf.rindex(b"startxref")
    filler = b"%" + b"0" * (size - len(pdf) - 2) + b"\n"
    content = pdf[:end] + filler + pdf[end:]
    assert len(content) == size
    return content


def test_a_file_of_10_mb_is_accepted_and_one_byte_more_is_refused(product):
    limit = uploads.MAX_DOCUMENT_BYTES
    assert form_for(product, scan=upload("quyet-dinh.pdf", padded_pdf(limit))).is_valid()
    assert_refused(
        form_for(product, scan=upload("quyet-dinh.pdf", padded_pdf(limit + 1))),
        "scan",
        f"Tệp quá lớn ({filesizeformat(limit + 1)}). Giới hạn là {filesizeformat(limit)}.",
    )


def test_an_oversized_file_is_refused_before_its_content_is_read(monkeypatch):
    monkeypatch.setattr(uploads, "_read_head", lambda *args: pytest.fail("read an oversized file"))
    with pytest.raises(ValidationError) as error:
        uploads.validate_document_scan(upload("quyet-dinh.pdf", padded_pdf(uploads.MAX_DOCUMENT_BYTES + 1)))
    assert error.value.code == "file_too_large"


def test_validate_image_content_names_the_format():
    assert uploads.validate_image_content(upload("a.jpg", phone_photo_bytes())) == "JPEG"
    assert uploads.validate_image_content(upload("a.png", image_bytes("PNG"))) == "PNG"
    with pytest.raises(ValidationError) as error:
        uploads.validate_image_content(upload("a.jpg", noisy_jpeg_bytes()[:3000]))
    assert error.value.code == "not_an_image"


def test_the_upload_is_rewound_for_storage():
    scan = upload("quyet-dinh.pdf", pdf_bytes())
    uploads.validate_document_scan(scan)
    assert scan.tell() == 0
    assert os.path.splitext(scan.name)[1] == ".pdf"
