"""Reviewers verify and suspend producers; only verified producers' products are on sale."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.ocop import review_version, workflow
from catalogue.programme.review import ReviewStatus
from shop.producers import verification
from tests import factories

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


def test_verifying_lets_the_waiting_products_be_approved(reviewer, django_capture_on_commit_callbacks):
    producer = factories.producer(verified=False)
    product = factories.product(producer, on_sale=False)  # a draft: nobody may submit for a pending producer
    with pytest.raises(workflow.TransitionRefused):
        workflow.submit(product, producer.director)
    with django_capture_on_commit_callbacks(execute=True):
        verification.verify_producer(producer, reviewer)
    assert Partner.objects.get(pk=producer.pk).is_verified
    told = {address for message in mail.outbox if "xác minh" in message.subject for address in message.to}
    assert {producer.email, producer.director.email} <= told
    product = workflow.submit(product, producer.director)
    assert workflow.approve(product, reviewer, seen=review_version.token(product)).is_public


def test_suspending_a_producer_takes_all_its_products_off_sale_with_a_log(reviewer):
    producer = factories.producer()
    on_sale = [factories.product(producer), factories.product(producer)]
    verification.suspend_producer(producer, reviewer, "Kiểm tra vi phạm nhãn mác.")
    for product in on_sale:
        product.refresh_from_db()
        assert product.review_status == ReviewStatus.SUSPENDED and not product.is_public
        assert product.review_log.first().reason == "Kiểm tra vi phạm nhãn mác."


def test_producer_user_cannot_verify_or_suspend(producer_user):
    producer = factories.producer(verified=False)
    with pytest.raises(workflow.TransitionRefused):
        verification.verify_producer(producer, producer_user)
    with pytest.raises(workflow.TransitionRefused):
        verification.suspend_producer(producer_user.partners.get(), producer_user, "x")
    assert Partner.objects.get(pk=producer.pk).verification_status == Partner.Verification.PENDING


def test_suspension_needs_a_reason(reviewer):
    producer = factories.producer()
    with pytest.raises(workflow.TransitionRefused):
        verification.suspend_producer(producer, reviewer, " ")
    assert Partner.objects.get(pk=producer.pk).is_verified


def test_producers_page_for_reviewers_only(client, reviewer, producer_user):
    producer = factories.producer(verified=False)
    client.force_login(producer_user)
    assert client.get(reverse("dashboard:ocop-producers")).status_code in (302, 403)
    client.force_login(reviewer)
    response = client.get(reverse("dashboard:ocop-producers"), {"status": "pending"})
    assert response.status_code == 200
    pending = Partner.objects.filter(verification_status=Partner.Verification.PENDING)
    assert sorted(p.code for p in response.context["producers"]) == sorted(pending.values_list("code", flat=True))
    assert producer.code in {p.code for p in response.context["producers"]}
    response = client.post(reverse("dashboard:ocop-producers"), {"producer": producer.pk, "action": "verify"})
    assert response.status_code == 302
    assert Partner.objects.get(pk=producer.pk).is_verified


def test_the_producers_page_leaves_registry_stubs_out_unless_asked(client, reviewer):
    """Thousands of unclaimed stubs per province would bury the applications: the list shows them only under
    their own status (a decision's redirect lands on the list, where the decided producer must still be)."""
    stub = factories.producer("Hộ kinh doanh Chưa Nhận Quản Lý")
    Partner.objects.filter(pk=stub.pk).update(verification_status=Partner.Verification.UNCLAIMED)
    client.force_login(reviewer)
    listed = {p.pk for p in client.get(reverse("dashboard:ocop-producers")).context["producers"]}
    assert stub.pk not in listed and listed
    asked = client.get(reverse("dashboard:ocop-producers"), {"status": Partner.Verification.UNCLAIMED})
    assert stub.pk in {p.pk for p in asked.context["producers"]}


def test_verification_and_suspension_mark_all_the_producers_products_for_reindexing(reviewer):
    ReindexMark = get_model("search", "ReindexMark")
    pending = factories.producer(verified=False)
    its_products = {factories.product(pending, on_sale=False).pk}
    verification.verify_producer(pending, reviewer)
    assert its_products <= set(ReindexMark.objects.values_list("product_id", flat=True))

    producer = factories.producer()
    all_products = {factories.product(producer).pk, factories.product(producer, on_sale=False).pk}
    verification.suspend_producer(producer, reviewer, "Kiểm tra vi phạm nhãn mác.")
    assert all_products <= set(ReindexMark.objects.values_list("product_id", flat=True))
