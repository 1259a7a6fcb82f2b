"""The public origin page of a product and the QR codes that lead to it."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M

from catalogue import traceability
from tests import factories

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")

SVG_NS = "{http://www.w3.org/2000/svg}"
STORY = "Chè hái một tôm hai lá trên cây cổ thụ ở độ cao 1.400 m, sao bằng chảo gang."
PROVINCE_RECORD = "https://truyxuat.laocai.gov.vn/san-pham/TEST-001"


@pytest.fixture
def product():
    """A product for sale with its own producer and a certificate valid today whatever day the suite runs on."""
    return factories.product(
        production_story=STORY,
        traceability_url=PROVINCE_RECORD,
        certificate_fields={
            "number": "456/QĐ-UBND",
            "decided": timezone.localdate() - datetime.timedelta(days=60),
            "address_on_document": "Thôn Sả Séng, xã Tả Phìn, thị xã Sa Pa",
        },
    )


def _url(name, product, language="vi"):
    with translation.override(language):
        return reverse(name, kwargs={"product_slug": product.slug, "pk": product.pk})


def test_origin_urls_sit_under_the_product_url(product):
    base = f"/catalogue/{product.slug}_{product.pk}/nguon-goc/"
    assert _url("catalogue:origin", product) == base
    assert _url("catalogue:origin-qr-png", product) == base + "qr.png"
    assert _url("catalogue:origin-qr-svg", product) == base + "qr.svg"
    assert _url("catalogue:origin", product, "en") == "/en" + base
    assert traceability.origin_path(product) == base


def test_origin_page_shows_product_producer_commune_certificate_and_story(client, product):
    producer = product.stockrecords.get().partner
    certificate = product.ocop_certificates.get()
    response = client.get(_url("catalogue:origin", product))
    assert response.status_code == 200
    templates = [t.name for t in response.templates]
    assert "catalogue/origin.html" in templates and "oscar/layout.html" in templates
    html = response.content.decode()

    assert f'<h1 class="origin__title">{product.get_title()}</h1>' in html
    assert 'class="origin__image"' in html
    assert 'class="ocop-mark"' in html and "★★★★<" in html
    # The producer, as a remote sale must disclose it.
    for value in (
        producer.name,
        producer.get_kind_display(),
        producer.street,
        producer.ward_name,
        producer.province_name,
        producer.phone,
        producer.registration_number,
    ):
        assert value and value in html, value
    assert f'href="tel:{producer.phone}"' in html
    # The commune of origin: "Xã Tả Phìn, Lào Cai".
    assert f'<p class="origin__place">{producer.ward_name}, {producer.province_name}</p>' in html
    # The certificate: stars, decision, issuer, validity.
    assert "<dd>4 sao</dd>" in html
    assert f"Số {certificate.decision_number}, ngày {certificate.decision_date:%d/%m/%Y}" in html
    assert "<dd>UBND tỉnh Lào Cai</dd>" in html and "<dd>Tỉnh</dd>" in html
    assert f"Từ {certificate.decision_date:%d/%m/%Y} đến {certificate.expires_on:%d/%m/%Y}" in html
    assert "Thôn Sả Séng, xã Tả Phìn, thị xã Sa Pa" in html
    assert "không có giấy chứng nhận OCOP còn hiệu lực" not in html
    # The story, the province's record and the way back.
    assert STORY in html
    assert f'href="{PROVINCE_RECORD}"' in html and "Xem hồ sơ truy xuất của tỉnh" in html
    assert f'href="{product.get_absolute_url()}"' in html
    assert response.context["origin_url"] == "http://testserver" + _url("catalogue:origin", product)


def test_origin_page_shows_the_qr_code_with_download_links(client, product):
    html = client.get(_url("catalogue:origin", product)).content.decode()
    png, svg = _url("catalogue:origin-qr-png", product), _url("catalogue:origin-qr-svg", product)
    assert f'<img class="origin__qr-image" src="{svg}"' in html
    assert f'href="{png}" download="qr-{product.slug}.png"' in html
    assert f'href="{svg}" download="qr-{product.slug}.svg"' in html
    assert "http://testserver" + _url("catalogue:origin", product) in html


def test_origin_page_falls_back_to_the_producers_story_and_hides_a_missing_record_link(client, product):
    Product.objects.filter(pk=product.pk).update(production_story="", traceability_url="")
    producer = product.stockrecords.get().partner
    assert producer.story
    html = client.get(_url("catalogue:origin", product)).content.decode()
    assert producer.story.split(".")[0] in html
    assert STORY not in html
    assert "Xem hồ sơ truy xuất của tỉnh" not in html


@pytest.mark.parametrize("lose_it", ["revoke", "expire", "unapproved"])
def test_origin_page_of_a_product_without_a_valid_certificate(client, product, lose_it):
    certificates = OcopCertificate.objects.filter(product=product)
    if lose_it == "revoke":
        certificates.update(revoked_at=timezone.now())
    elif lose_it == "expire":
        certificates.update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    else:
        certificates.update(review="pending")
    # Not for sale any more: no origin page (the one rule, catalogue.listing)…
    assert client.get(_url("catalogue:origin", product)).status_code == 404
    # …unless an administrator decided to keep it on sale as a plain local product.
    Product.objects.filter(pk=product.pk).update(kept_on_sale_until=timezone.localdate())
    response = client.get(_url("catalogue:origin", product))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["certificate"] is None
    assert "Sản phẩm này hiện không có giấy chứng nhận OCOP còn hiệu lực" in html
    assert 'class="ocop-mark"' not in html
    assert "456/QĐ-UBND" not in html


@pytest.mark.parametrize("name", ["catalogue:origin", "catalogue:origin-qr-png", "catalogue:origin-qr-svg"])
def test_unpublished_products_have_no_origin_page_or_qr_code(client, staff_user, product, name):
    url = _url(name, product)
    assert client.get(url).status_code == 200
    Product.objects.filter(pk=product.pk).update(is_public=False, review_status="suspended")
    assert client.get(url).status_code == 404
    client.force_login(staff_user)  # a public page: no back door, not even for staff
    assert client.get(url).status_code == 404


def test_unknown_product_has_no_origin_page(client):
    assert client.get("/catalogue/khong-ton-tai_999999/nguon-goc/").status_code == 404
    assert client.get("/catalogue/khong-ton-tai_999999/nguon-goc/qr.png").status_code == 404


@pytest.mark.parametrize("name", ["catalogue:origin", "catalogue:origin-qr-png"])
def test_an_old_slug_redirects_to_the_current_url(client, product, name):
    url = _url(name, product)
    old = url.replace(f"/{product.slug}_", "/ten-cu_")
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == url


def test_qr_png_is_a_downloadable_png_of_the_origin_url(client, product):
    response = client.get(_url("catalogue:origin-qr-png", product))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="qr-{product.slug}.png"'
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    width, height = image.size
    assert width == height and 290 <= width <= 1000  # ≥ 21 modules + 2×4 border at 10 px; print-sized

    # The picture is the QR matrix of the absolute origin URL, module by module
    # (sampled at each module's centre), quiet zone included.
    origin_url = "http://testserver" + _url("catalogue:origin", product)
    matrix = traceability.qr_code(origin_url).get_matrix()
    box = width // len(matrix)
    assert box * len(matrix) == width
    grey = image.convert("L")
    drawn = [
        [grey.getpixel((x * box + box // 2, y * box + box // 2)) < 128 for x in range(len(matrix))]
        for y in range(len(matrix))
    ]
    assert drawn == matrix
    assert response.content == traceability.qr_png(origin_url)
    assert response.content != traceability.qr_png(origin_url.replace("nguon-goc", "khac"))


def test_qr_svg_is_valid_svg_of_the_origin_url(client, product):
    response = client.get(_url("catalogue:origin-qr-svg", product))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == f'attachment; filename="qr-{product.slug}.svg"'
    root = ET.fromstring(response.content)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("width").endswith("mm")  # sized for print
    assert root.find(f"{SVG_NS}path") is not None
    origin_url = "http://testserver" + _url("catalogue:origin", product)
    assert response.content == traceability.qr_svg(origin_url)


def test_qr_code_carries_the_url_with_error_correction_m_and_a_quiet_border(product):
    url = "http://testserver" + _url("catalogue:origin", product)
    code = traceability.qr_code(url)
    assert [segment.data for segment in code.data_list] == [url.encode()]
    assert code.error_correction == ERROR_CORRECT_M
    assert code.border == 4
    matrix = code.get_matrix()
    quiet = matrix[:4] + matrix[-4:] + [row[:4] + row[-4:] for row in matrix]
    assert not any(any(row) for row in quiet)


def test_english_pages_encode_the_english_origin_url(client, product):
    english = _url("catalogue:origin", product, "en")
    response = client.get(_url("catalogue:origin-qr-png", product, "en"))
    assert response.status_code == 200
    assert response.content == traceability.qr_png("http://testserver" + english)
    html = client.get(english).content.decode()
    assert "See the province's traceability record" in html  # from the English catalogue
    assert "Xem hồ sơ truy xuất của tỉnh" not in html


def test_origin_page_query_count_is_bounded(client, product, django_assert_max_num_queries):
    url = _url("catalogue:origin", product)
    client.get(url)  # per-process caches (thumbnails, site root paths)
    # Measured: 10 — the product, its images, certificates, stock records and producers (prefetched),
    # the header's category menu (2), and the site's contact details and main menu (3).
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
    # Older certificates add no query.
    for year in (2019, 2020, 2021):
        OcopCertificate.objects.create(
            product=product,
            star_rating=3,
            decision_number=f"{year}/QĐ-UBND",
            decision_date=datetime.date(year, 3, 1),
            issuer="UBND huyện Sa Pa",
            issuer_level="district",
        )
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
