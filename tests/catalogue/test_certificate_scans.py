"""Certificate scans are private (catalogue/programme/scans.py): stored outside the public media folder under a
generated name, streamed by ``ocop-certificate-scan`` to reviewers and the producer's own team only, and the
scans stored publicly before are moved by migration 0038."""

import importlib
import logging
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop.forms import CertificateForm
from catalogue.programme import scans
from shop.core.storage import PrivateStorage
from tests import factories

from .test_certificate_form import VALID, image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")

UPLOADED_NAME = "Giay chung nhan cua Mai.pdf"
GENERATED = re.compile(r"^ocop/certificates/\d{4}/[0-9a-f]{32}\.(pdf|png|jpg|webp)$")


def portal_user(email, producer=None, *, assistant_of=None):
    user = get_user_model().objects.create_user(
        email=email, password="mat-khau-2026", last_name="Giàng A", first_name="Páo"
    )
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    if producer is not None:
        producer.users.add(user)
    if assistant_of is not None:
        AssistedEntryGrant.objects.create(partner=assistant_of, user=user, note="Cán bộ xã")
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def product(producer_user):
    """A product on sale of ``producer_user``'s producer."""
    return factories.product(producer_user.partners.get())


@pytest.fixture
def certificate(product):
    """A new certificate entered with the producer's form: pending review, its scan a PDF."""
    form = CertificateForm(
        {**VALID, "decision_number": "2001/QĐ-UBND"},
        {"scan": SimpleUploadedFile(UPLOADED_NAME, pdf_bytes(), "application/pdf")},
        product=product,
    )
    assert form.is_valid(), form.errors
    return form.save()


@pytest.fixture
def scan_url(certificate):
    return reverse("dashboard:ocop-certificate-scan", kwargs={"pk": certificate.pk})


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- Storage and name -----------------------------------------------------------------


def test_the_scan_is_stored_privately_under_a_generated_name(certificate):
    path = Path(certificate.scan.path)
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents  # never published under /media/
    assert path.read_bytes() == pdf_bytes()
    assert GENERATED.match(certificate.scan.name), certificate.scan.name
    assert certificate.scan.name.startswith(f"ocop/certificates/{timezone.localdate().year}/")
    assert "Giay" not in certificate.scan.name and "Mai" not in certificate.scan.name
    with pytest.raises(ValueError):
        certificate.scan.url  # noqa: B018 — private files have no URL


def test_the_extension_comes_from_the_content_not_the_name(product):
    certificate = OcopCertificate.objects.create(
        product=product,
        star_rating=3,
        decision_number="7/QĐ-UBND",
        decision_date=timezone.localdate(),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
        scan=ContentFile(image_bytes("PNG"), name="giay-chung-nhan.pdf.html"),
    )
    assert GENERATED.match(certificate.scan.name) and certificate.scan.name.endswith(".png")


def test_the_demo_scans_are_private_with_generated_names():
    demo = OcopCertificate.objects.exclude(scan="").filter(product__upc="LC-001").first()
    assert demo is not None and GENERATED.match(demo.scan.name), demo.scan.name
    assert Path(settings.PRIVATE_MEDIA_ROOT) in Path(demo.scan.path).parents
    with demo.scan.open("rb") as stored:
        assert stored.read(8) == b"\x89PNG\r\n\x1a\n"


# --- Who may see it --------------------------------------------------------------------


def assert_served(response):
    assert response.status_code == 200
    assert body(response) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="chung-nhan-2001-qd-ubnd.pdf"'
    assert response["Cache-Control"].startswith("private")


def test_a_reviewer_sees_a_pending_scan(client, reviewer, certificate, scan_url):
    assert certificate.review == OcopCertificate.Review.PENDING
    client.force_login(reviewer)
    assert_served(client.get(scan_url))


def test_the_producers_member_sees_the_scan(client, producer_user, scan_url):
    client.force_login(producer_user)
    assert_served(client.get(scan_url))


def test_the_producers_named_assistant_sees_the_scan(client, product, scan_url):
    client.force_login(portal_user("canbo-xa@example.vn", assistant_of=product.producer))
    assert_served(client.get(scan_url))


def test_anonymous_visitors_are_sent_to_log_in(client, scan_url):
    response = client.get(scan_url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("dashboard:login"))
    assert pdf_bytes() not in body(response)


def test_a_customer_is_refused(client, customer, scan_url):
    client.force_login(customer)
    response = client.get(scan_url)
    assert response.status_code in (302, 403)
    assert pdf_bytes() not in body(response)


def test_another_producers_member_or_assistant_gets_404(client, scan_url):
    other = factories.producer()
    for user in (portal_user("htx-che@example.vn", other), portal_user("buudien-b@example.vn", assistant_of=other)):
        client.force_login(user)
        response = client.get(scan_url)
        assert response.status_code == 404  # not 403: the id says nothing
        assert pdf_bytes() not in body(response)


def test_staff_who_are_neither_reviewers_nor_the_producers_get_404(client, scan_url):
    staff = get_user_model().objects.create_user(email="ketoan@ocop.example.vn", password="x-2026-staff")
    get_user_model().objects.filter(pk=staff.pk).update(is_staff=True)
    staff.refresh_from_db()
    client.force_login(staff)
    assert client.get(scan_url).status_code == 404


def test_an_unknown_certificate_is_404_for_reviewers(client, reviewer):
    client.force_login(reviewer)
    missing = (OcopCertificate.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    assert client.get(reverse("dashboard:ocop-certificate-scan", kwargs={"pk": missing})).status_code == 404


# --- Links ----------------------------------------------------------------------------------


def test_the_review_page_and_the_producers_page_link_the_view_not_media(
    client, reviewer, producer_user, product, certificate, scan_url
):
    client.force_login(reviewer)
    html = client.get(reverse("dashboard:ocop-review-detail", kwargs={"pk": product.pk})).content.decode()
    assert f'<iframe src="{scan_url}"' in html and settings.MEDIA_URL + "ocop/" not in html
    client.force_login(producer_user)
    html = client.get(reverse("dashboard:ocop-product", kwargs={"pk": product.pk})).content.decode()
    assert f'href="{scan_url}"' in html and settings.MEDIA_URL + "ocop/" not in html


def test_the_public_origin_page_links_no_scan(client, product):
    Product.objects.filter(pk=product.pk).update(is_public=True, review_status="approved")
    response = client.get(reverse("catalogue:origin", kwargs={"product_slug": product.slug, "pk": product.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/scan/" not in html and "ocop/certificates" not in html


# --- Moving the scans stored publicly before (migration 0038) -------------------------------------


@pytest.fixture
def public_scan(product):
    """A certificate whose scan still sits in the public media folder under the uploader's name."""
    name = default_storage.save("ocop/certificates/2024/anh-zalo-giay-chung-nhan.png", ContentFile(image_bytes("PNG")))
    certificate = OcopCertificate.objects.create(
        product=product,
        star_rating=3,
        decision_number="9/QĐ-UBND",
        decision_date=timezone.localdate(),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
    )
    OcopCertificate.objects.filter(pk=certificate.pk).update(scan=name)
    yield certificate, name
    default_storage.delete(name)


def test_a_public_scan_is_moved_to_private_storage_and_its_row_updated(public_scan):
    certificate, old_name = public_scan
    moved, missing = scans.move_public_scans(
        OcopCertificate.objects.filter(pk=certificate.pk), default_storage, PrivateStorage()
    )
    assert (moved, missing) == ([certificate.pk], [])
    certificate.refresh_from_db()
    new_name = certificate.scan.name
    assert GENERATED.match(new_name) and new_name.startswith("ocop/certificates/2024/") and new_name.endswith(".png")
    assert not default_storage.exists(old_name)  # gone from /media/
    assert Path(settings.PRIVATE_MEDIA_ROOT) in Path(certificate.scan.path).parents
    assert Path(certificate.scan.path).read_bytes() == image_bytes("PNG")

    # Idempotent: a scan already private stays where it is.
    assert scans.move_public_scans(
        OcopCertificate.objects.filter(pk=certificate.pk), default_storage, PrivateStorage()
    ) == ([], [])
    certificate.refresh_from_db()
    assert certificate.scan.name == new_name


def test_a_scan_missing_on_disk_is_logged_and_skipped(product, caplog):
    certificate = OcopCertificate.objects.create(
        product=product,
        star_rating=3,
        decision_number="10/QĐ-UBND",
        decision_date=timezone.localdate(),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
    )
    OcopCertificate.objects.filter(pk=certificate.pk).update(scan="ocop/certificates/2023/da-mat.pdf")
    with caplog.at_level(logging.WARNING, logger="catalogue.programme.scans"):
        moved, missing = scans.move_public_scans(
            OcopCertificate.objects.filter(pk=certificate.pk), default_storage, PrivateStorage()
        )
    assert (moved, missing) == ([], [certificate.pk])
    assert "da-mat.pdf" in caplog.text
    certificate.refresh_from_db()
    assert certificate.scan.name == "ocop/certificates/2023/da-mat.pdf"


def test_the_migration_moves_the_public_scans(public_scan):
    certificate, old_name = public_scan
    migration = importlib.import_module("catalogue.migrations.0038_certificate_scans_private")
    migration.move_scans_to_private_storage(apps, SimpleNamespace(connection=SimpleNamespace(alias="default")))
    certificate.refresh_from_db()
    assert GENERATED.match(certificate.scan.name) and not default_storage.exists(old_name)
    assert PrivateStorage().exists(certificate.scan.name)
