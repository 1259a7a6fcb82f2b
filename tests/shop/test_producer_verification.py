"""Reviewers verify and suspend producers; only verified producers' products are on sale."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.models import ReviewStatus
from catalogue.ocop import review_version, workflow
from cms.demo import loader
from shop.partner import verification

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.get(email=loader.REVIEWER_EMAIL)


def test_verifying_lets_the_waiting_products_be_approved(reviewer, django_capture_on_commit_callbacks):
    producer = Partner.objects.get(code="hkd-nguyen-thi-hoa")  # pending in the demo
    product = Product.objects.get(upc="LC-066")  # a draft: nobody may submit for a pending producer
    with pytest.raises(workflow.TransitionRefused):
        workflow.submit(product, producer.director)
    with django_capture_on_commit_callbacks(execute=True):
        verification.verify_producer(producer, reviewer)
    assert Partner.objects.get(pk=producer.pk).is_verified
    assert producer.email in mail.outbox[-1].to and "xác minh" in mail.outbox[-1].subject
    product = workflow.submit(product, producer.director)
    assert workflow.approve(product, reviewer, seen=review_version.token(product)).is_public


def test_suspending_a_producer_takes_all_its_products_off_sale_with_a_log(reviewer):
    producer = Partner.objects.get(code="htx-que-bao-yen")
    on_sale = list(Product.objects.filter(stockrecords__partner=producer, is_public=True))
    assert on_sale
    verification.suspend_producer(producer, reviewer, "Kiểm tra vi phạm nhãn mác.")
    for product in on_sale:
        product.refresh_from_db()
        assert product.review_status == ReviewStatus.SUSPENDED and not product.is_public
        assert product.review_log.first().reason == "Kiểm tra vi phạm nhãn mác."


def test_producer_user_cannot_verify_or_suspend(producer_user):
    producer = Partner.objects.get(code="hkd-nguyen-thi-hoa")
    with pytest.raises(workflow.TransitionRefused):
        verification.verify_producer(producer, producer_user)
    with pytest.raises(workflow.TransitionRefused):
        verification.suspend_producer(producer_user.partners.get(), producer_user, "x")
    assert Partner.objects.get(pk=producer.pk).verification_status == Partner.Verification.PENDING


def test_suspension_needs_a_reason(reviewer):
    with pytest.raises(workflow.TransitionRefused):
        verification.suspend_producer(Partner.objects.get(code="htx-que-bao-yen"), reviewer, " ")


def test_producers_page_for_reviewers_only(client, reviewer, producer_user):
    client.force_login(producer_user)
    assert client.get(reverse("dashboard:ocop-producers")).status_code in (302, 403)
    client.force_login(reviewer)
    response = client.get(reverse("dashboard:ocop-producers"), {"status": "pending"})
    assert response.status_code == 200
    assert [p.code for p in response.context["producers"]] == ["hkd-nguyen-thi-hoa"]
    producer = Partner.objects.get(code="hkd-nguyen-thi-hoa")
    response = client.post(reverse("dashboard:ocop-producers"), {"producer": producer.pk, "action": "verify"})
    assert response.status_code == 302
    assert Partner.objects.get(pk=producer.pk).is_verified


def test_verification_and_suspension_mark_all_the_producers_products_for_reindexing(reviewer):
    ReindexMark = get_model("search", "ReindexMark")
    pending = Partner.objects.get(code="hkd-nguyen-thi-hoa")
    its_products = set(Product.objects.filter(stockrecords__partner=pending).values_list("pk", flat=True))
    verification.verify_producer(pending, reviewer)
    assert its_products and its_products <= set(ReindexMark.objects.values_list("product_id", flat=True))

    producer = Partner.objects.get(code="htx-que-bao-yen")
    all_products = set(Product.objects.filter(stockrecords__partner=producer).values_list("pk", flat=True))
    verification.suspend_producer(producer, reviewer, "Kiểm tra vi phạm nhãn mác.")
    assert all_products <= set(ReindexMark.objects.values_list("product_id", flat=True))
