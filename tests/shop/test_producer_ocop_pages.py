"""The producer's own OCOP pages in the dashboard: status, certificates, submission."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.programme.review import ReviewStatus
from tests import factories
from tests.catalogue.test_certificate_form import pdf_bytes

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


@pytest.fixture
def producer_user(db):
    """The director of a new verified producer selling two products."""
    producer = factories.producer()
    factories.product(producer), factories.product(producer)
    return producer.director


def _own_product(producer_user):
    """The first of ``producer_user``'s producer's products."""
    return Product.objects.filter(stockrecords__partner__users=producer_user).order_by("pk").first()


def _certificate_post(**overrides):
    data = {
        "star_rating": "4",
        "score": "78",
        "decision_number": "321/QĐ-UBND",
        "decision_date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "taxonomy_version": "148",
        "expires_on": "",
        "address_on_document": "",
        "scan": SimpleUploadedFile("chung-nhan.pdf", pdf_bytes(), content_type="application/pdf"),
    }
    data.update(overrides)
    return data


def test_producer_lists_only_its_own_products(client, producer_user):
    client.force_login(producer_user)
    response = client.get(reverse("dashboard:ocop-my-products"))
    assert response.status_code == 200
    upcs = {p.upc for p in response.context["products"]}
    own = Product.objects.filter(stockrecords__partner__users=producer_user)
    assert len(upcs) == 2 and upcs == set(own.values_list("upc", flat=True))


def test_producer_cannot_open_another_producers_product(client, producer_user):
    client.force_login(producer_user)
    other = factories.product()
    assert client.get(reverse("dashboard:ocop-product", kwargs={"pk": other.pk})).status_code == 404
    response = client.post(reverse("dashboard:ocop-product", kwargs={"pk": other.pk}), _certificate_post())
    assert response.status_code == 404
    assert not OcopCertificate.objects.filter(decision_number="321/QĐ-UBND").exists()


def test_customer_cannot_reach_the_producer_pages(client, customer):
    client.force_login(customer)
    assert client.get(reverse("dashboard:ocop-my-products")).status_code in (302, 403)


def test_producer_adds_a_new_certificate_that_waits_for_review(client, producer_user):
    product = _own_product(producer_user)
    client.force_login(producer_user)
    response = client.post(reverse("dashboard:ocop-product", kwargs={"pk": product.pk}), _certificate_post())
    assert response.status_code == 302
    certificate = product.ocop_certificates.get(decision_number="321/QĐ-UBND")
    assert certificate.review == OcopCertificate.Review.PENDING and certificate.scan
    assert product.current_certificate() != certificate  # no new mark before review


def test_bad_certificate_shows_vietnamese_error_and_saves_nothing(client, producer_user):
    product = _own_product(producer_user)
    client.force_login(producer_user)
    future = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(
        reverse("dashboard:ocop-product", kwargs={"pk": product.pk}), _certificate_post(decision_date=future)
    )
    assert response.status_code == 400
    assert "Ngày quyết định không thể ở tương lai." in response.content.decode()
    assert not product.ocop_certificates.filter(decision_number="321/QĐ-UBND").exists()


def test_producer_submits_a_draft_for_review(client, producer_user):
    product = _own_product(producer_user)
    Product.objects.filter(pk=product.pk).update(review_status=ReviewStatus.DRAFT, is_public=False)
    client.force_login(producer_user)
    url = reverse("dashboard:ocop-product", kwargs={"pk": product.pk})
    assert 'id="submit_for_review"' in client.get(url).content.decode()
    assert client.post(url, {"action": "submit"}).status_code == 302
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUBMITTED and not product.is_public


def test_assistant_adding_a_certificate_is_recorded_with_both_names(client, producer_user):
    product = _own_product(producer_user)
    producer = product.producer
    assistant = factories.assistant(producer)
    client.force_login(assistant)
    response = client.post(
        reverse("dashboard:ocop-product", kwargs={"pk": product.pk}), _certificate_post(decision_number="999/QĐ-UBND")
    )
    assert response.status_code == 302
    entry = producer.activities.get(action="certificate_added")
    assert entry.actor == assistant and entry.on_behalf_of == producer
    assert "999/QĐ-UBND" in entry.summary


def test_staff_not_named_for_a_producer_cannot_open_its_product(client, staff_user, producer_user):
    client.force_login(staff_user)  # a superuser, but not named as the producer's assistant
    response = client.get(reverse("dashboard:ocop-product", kwargs={"pk": _own_product(producer_user).pk}))
    assert response.status_code == 404
