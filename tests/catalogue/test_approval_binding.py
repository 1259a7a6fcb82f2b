"""Approval checks the OCOP certificate, and is bound to the version of the product the reviewer saw.

The race: a reviewer opens the review page, the producer changes the product (title, a ★5 certificate,
the price), the reviewer approves → refused (409), nothing published, the changes shown; approving the
new version works. A product whose certificates are expired or break an OCOP rule cannot be submitted
nor approved, and the reviewer sees why. Content edits of a product waiting for review take it out of
the queue.
"""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import editing, review_version, workflow
from catalogue.programme.review import ReviewStatus
from tests import factories
from tests.shop.portal.test_portal_products import _edit_data, _edit_url, _images_url, jpeg
from tests.shop.review_page import decide, review_url, seen_token
from tests.shop.test_producer_ocop_pages import _certificate_post

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ProductImage = get_model("catalogue", "ProductImage")

FIVE_STARS = {
    "decision_number": "77/QĐ-BNNMT",
    "star_rating": "5",
    "score": "92",
    "issuer": "Bộ Nông nghiệp và Môi trường",
    "issuer_level": "central",
}


@pytest.fixture
def reviewer_client(reviewer):
    client = Client()
    client.force_login(reviewer)
    return client


@pytest.fixture
def producer_client(producer_user):
    client = Client()
    client.force_login(producer_user)
    return client


@pytest.fixture
def waiting(producer_user):
    """A product of ``producer_user``'s producer, submitted for review with one valid ★3 certificate, pending."""
    product = factories.product(
        producer_user.partners.get(), stars=3, on_sale=False, certificate_fields={"number": "55/QĐ-UBND"}
    )
    return workflow.submit(product, producer_user)


def _only_certificate(product, number, decided, expires_on=None, **fields):
    """Replace the product's certificates with one stored as given, past the form's checks."""
    product.ocop_certificates.all().delete()
    certificate = OcopCertificate.objects.create(
        product=product,
        star_rating=3,
        score=60,
        decision_number=number,
        decision_date=decided,
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
        taxonomy_version="1048" if decided < datetime.date(2023, 2, 24) else "148",
    )
    OcopCertificate.objects.filter(pk=certificate.pk).update(expires_on=expires_on or certificate.expires_on, **fields)
    return OcopCertificate.objects.get(pk=certificate.pk)


def _html(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _changes(response):
    """{key: (label, before, after)} of the "changed since you opened the page" table."""
    rows = _html(response).select("#changes_since_shown tr.change")
    return {row["data-change"]: tuple(cell.get_text(" ", strip=True) for cell in row.select("th, td")) for row in rows}


def _current(product):
    return Product.objects.get(pk=product.pk)


# --- The race ---------------------------------------------------------------------------------------


def test_title_edited_after_the_page_opened_refuses_the_approval(waiting, reviewer_client, producer_client):
    old_title = waiting.title
    approvals = waiting.review_log.filter(action="approve").count()
    shown = seen_token(reviewer_client, waiting)  # the reviewer opens the page
    response = producer_client.post(_edit_url(waiting), _edit_data(waiting, title="Chè Shan tuyết 5 sao"))
    assert response.status_code == 302

    response = decide(reviewer_client, waiting, {"action": "approve"}, seen=shown)
    assert response.status_code == 409
    product = _current(waiting)
    assert not product.is_public and product.review_status == ReviewStatus.DRAFT  # withdrawn by the edit
    changes = _changes(response)
    assert changes["title"] == ("tên sản phẩm", old_title, "Chè Shan tuyết 5 sao")
    summary = _html(response).select_one("#changes_since_shown p").get_text(" ", strip=True)
    assert summary == "Đã thay đổi từ khi bạn mở trang: tên sản phẩm, trạng thái duyệt"
    assert "changed" in _html(response).select_one('#product_version tr[data-field="title"]')["class"]
    assert product.review_log.filter(action="approve").count() == approvals


def test_certificate_added_after_the_page_opened_refuses_the_approval_and_only_shown_ones_are_approved(
    waiting, reviewer_client, producer_client, producer_user
):
    shown = seen_token(reviewer_client, waiting)
    response = producer_client.post(
        reverse("dashboard:ocop-product", kwargs={"pk": waiting.pk}), _certificate_post(**FIVE_STARS)
    )
    assert response.status_code == 302
    five = waiting.ocop_certificates.get(decision_number="77/QĐ-BNNMT")
    workflow.submit(waiting, producer_user)  # the producer sends it again at once

    response = decide(reviewer_client, waiting, {"action": "approve"}, seen=shown)
    assert response.status_code == 409
    assert not _current(waiting).is_public
    assert OcopCertificate.objects.get(pk=five.pk).review == OcopCertificate.Review.PENDING
    changes = _changes(response)
    label, before, after = changes[f"certificate-{five.pk}"]
    assert label == "giấy chứng nhận 77/QĐ-BNNMT" and before == "(không có)" and "5★" in after
    assert "changed" in _html(response).select_one(f"#certificate-{five.pk}")["class"]

    # The page now shows the new version: approving it approves the certificates it showed.
    again = _html(response).select_one("form.review-action[data-action=approve] input[name=seen]")["value"]
    assert review_version.shown_certificate_ids(review_version.load(again, waiting)) == set(
        waiting.ocop_certificates.values_list("pk", flat=True)
    )
    response = decide(reviewer_client, waiting, {"action": "approve"}, seen=again)
    assert response.status_code == 302
    product = _current(waiting)
    assert product.is_public and product.review_status == ReviewStatus.APPROVED
    assert set(product.ocop_certificates.values_list("review", flat=True)) == {OcopCertificate.Review.APPROVED}
    assert product.ocop_stars == 5


def test_price_changed_after_the_page_opened_refuses_the_approval_without_withdrawing(
    waiting, reviewer_client, producer_user
):
    record = waiting.stockrecords.get()
    old_price = record.price
    shown = seen_token(reviewer_client, waiting)
    editing.update_stock_prices(record.partner, producer_user, {record.pk: (Decimal("999000"), record.num_in_stock)})
    assert _current(waiting).review_status == ReviewStatus.SUBMITTED  # price edits keep it in the queue

    response = decide(reviewer_client, waiting, {"action": "approve"}, seen=shown)
    assert response.status_code == 409
    assert not _current(waiting).is_public
    label, before, after = _changes(response)["price"]
    assert (
        label == "giá" and before == f"{int(old_price):,}".replace(",", ".") + "\u00a0₫" and after == "999.000\u00a0₫"
    )
    assert "changed" in _html(response).select_one('#product_version tr[data-field="price"]')["class"]

    response = decide(reviewer_client, waiting, {"action": "approve"})  # the page opened again
    assert response.status_code == 302
    assert _current(waiting).is_public


def test_a_certificate_written_behind_the_services_back_still_refuses_the_approval(waiting, reviewer):
    shown = review_version.token(waiting)
    OcopCertificate.objects.bulk_create(
        [
            OcopCertificate(
                product=waiting,
                star_rating=5,
                score=95,
                decision_number="9/QĐ-BNNMT",
                issuer="Bộ NN&MT",
                issuer_level="central",
                decision_date=timezone.localdate() - datetime.timedelta(days=3),
                expires_on=timezone.localdate() + datetime.timedelta(days=900),
            )
        ]
    )
    with pytest.raises(workflow.ProductChangedSinceShown) as refused:
        workflow.approve(waiting, reviewer, seen=shown)
    assert [change.label for change in refused.value.changes] == ["giấy chứng nhận 9/QĐ-BNNMT"]
    assert not _current(waiting).is_public
    assert waiting.ocop_certificates.get(decision_number="9/QĐ-BNNMT").review == OcopCertificate.Review.PENDING


def test_decisions_without_the_version_shown_are_refused(waiting, reviewer_client, reviewer):
    response = reviewer_client.post(review_url(waiting), {"action": "approve"})
    assert response.status_code == 400
    assert "Thiếu phiên bản sản phẩm" in response.content.decode()
    with pytest.raises(workflow.TransitionRefused, match="Thiếu phiên bản"):
        workflow.approve(waiting, reviewer)
    tampered = seen_token(reviewer_client, waiting)[:-3] + "abc"
    response = decide(reviewer_client, waiting, {"action": "approve"}, seen=tampered)
    assert response.status_code == 403 and "không hợp lệ" in response.content.decode()
    other = Product.objects.get(upc="LC-002")
    with pytest.raises(workflow.TransitionRefused, match="không hợp lệ"):
        workflow.approve(waiting, reviewer, seen=review_version.token(other))
    assert not _current(waiting).is_public


def test_recertification_is_bound_to_the_version_shown(waiting, reviewer, producer_user):
    workflow.approve(waiting, reviewer, seen=review_version.token(waiting))
    form_data = _certificate_post(**FIVE_STARS)
    from catalogue.ocop.forms import CertificateForm

    scan = form_data.pop("scan")
    form = CertificateForm(form_data, {"scan": scan}, product=waiting)
    assert form.is_valid(), form.errors
    five, outcome = editing.add_certificate(waiting, waiting.producer, producer_user, form)
    assert outcome is None and _current(waiting).is_public  # keeps selling on the approved one
    shown = review_version.token(waiting)
    record = waiting.stockrecords.get()
    editing.update_stock_prices(record.partner, producer_user, {record.pk: (Decimal("1000"), 1)})
    with pytest.raises(workflow.ProductChangedSinceShown):
        workflow.approve_certificate(five, reviewer, seen=shown)
    with pytest.raises(workflow.TransitionRefused, match="Thiếu phiên bản"):
        workflow.approve_certificate(five, reviewer)
    assert OcopCertificate.objects.get(pk=five.pk).review == OcopCertificate.Review.PENDING
    workflow.approve_certificate(five, reviewer, seen=review_version.token(waiting))
    assert _current(waiting).ocop_stars == 5


# --- Approval checks the certificate ------------------------------------------------------------------


def test_a_product_whose_only_certificate_expired_cannot_be_approved(waiting, reviewer_client):
    _only_certificate(waiting, "123/QĐ-UBND", datetime.date(2021, 3, 1), datetime.date(2024, 3, 1))
    expected = "Giấy chứng nhận 123/QĐ-UBND đã hết hạn ngày 01/03/2024: chưa thể duyệt mở bán."
    page = reviewer_client.get(review_url(waiting))
    html = _html(page)
    assert "đã hết hạn ngày 01/03/2024" in html.select_one(".certificate .certificate-problems").get_text()
    button = html.select_one("form.review-action[data-action=approve] button[type=submit]")
    assert (
        button.has_attr("disabled")
        and expected in html.select_one("form.review-action[data-action=approve]").get_text()
    )

    response = decide(reviewer_client, waiting, {"action": "approve"})
    assert response.status_code == 403
    assert expected in response.content.decode()
    product = _current(waiting)
    assert not product.is_public and product.review_status == ReviewStatus.SUBMITTED


def test_a_certificate_breaking_an_ocop_rule_cannot_back_an_approval(waiting, reviewer):
    certificate = _only_certificate(
        waiting,
        "66/QĐ-UBND",
        timezone.localdate() - datetime.timedelta(days=30),
        issuer_level="district",
        issuer="UBND huyện Sa Pa",
    )  # no districts after 6/7/2025
    violations = certificate.rule_violations(timezone.localdate())
    assert violations
    with pytest.raises(workflow.TransitionRefused) as refused:
        workflow.approve(waiting, reviewer, seen=review_version.token(waiting))
    assert f"Giấy chứng nhận 66/QĐ-UBND: {violations[0].rstrip('.')}" in str(refused.value)
    assert str(refused.value).endswith(": chưa thể duyệt mở bán.")
    assert not _current(waiting).is_public
    assert OcopCertificate.objects.get(pk=certificate.pk).review == OcopCertificate.Review.PENDING


def test_approval_marks_approved_only_the_certificates_that_pass(waiting, reviewer):
    good = waiting.ocop_certificates.get()
    expired = OcopCertificate.objects.create(
        product=waiting,
        star_rating=4,
        score=75,
        decision_number="12/QĐ-UBND",
        taxonomy_version="1048",
        decision_date=datetime.date(2021, 3, 1),
        issuer="UBND tỉnh Lào Cai",
        issuer_level="province",
    )
    product = workflow.approve(waiting, reviewer, seen=review_version.token(waiting))
    assert product.is_public
    assert OcopCertificate.objects.get(pk=good.pk).review == OcopCertificate.Review.APPROVED
    assert OcopCertificate.objects.get(pk=expired.pk).review == OcopCertificate.Review.PENDING


def test_submitting_with_only_expired_certificates_is_refused_with_the_reason(waiting, producer_client):
    Product.objects.filter(pk=waiting.pk).update(review_status=ReviewStatus.DRAFT)
    _only_certificate(waiting, "123/QĐ-UBND", datetime.date(2021, 3, 1), datetime.date(2024, 3, 1))
    response = producer_client.post(reverse("dashboard:ocop-product", kwargs={"pk": waiting.pk}), {"action": "submit"})
    assert response.status_code == 403
    assert "Giấy chứng nhận 123/QĐ-UBND đã hết hạn ngày 01/03/2024" in response.content.decode()
    assert _current(waiting).review_status == ReviewStatus.DRAFT


def test_reinstating_needs_an_approved_valid_certificate_or_a_decision_to_keep_selling(waiting, reviewer):
    Product.objects.filter(pk=waiting.pk).update(review_status=ReviewStatus.SUSPENDED)
    _only_certificate(
        waiting,
        "123/QĐ-UBND",
        datetime.date(2021, 3, 1),
        datetime.date(2024, 3, 1),
        review=OcopCertificate.Review.APPROVED,
    )
    with pytest.raises(workflow.TransitionRefused, match="đã hết hạn ngày 01/03/2024: chưa thể mở bán trở lại"):
        workflow.reinstate(waiting, reviewer, seen=review_version.token(waiting))
    assert not _current(waiting).is_public
    Product.objects.filter(pk=waiting.pk).update(kept_on_sale_until=timezone.localdate() + datetime.timedelta(days=30))
    product = workflow.reinstate(waiting, reviewer, seen=review_version.token(waiting))
    assert product.is_public and product.review_status == ReviewStatus.APPROVED


# --- Producers' edits while the product waits ---------------------------------------------------------


def _withdrawn(product, fields):
    product = _current(product)
    assert product.review_status == ReviewStatus.DRAFT and not product.is_public
    entry = product.review_log.first()
    assert (entry.action, entry.from_status, entry.to_status) == (
        "withdraw_after_edit",
        ReviewStatus.SUBMITTED,
        ReviewStatus.DRAFT,
    )
    assert fields in entry.reason
    return product


def test_editing_the_title_while_waiting_sends_the_product_back_to_draft_and_tells_the_producer(
    waiting, producer_client, django_capture_on_commit_callbacks
):
    assert 'id="withdraw_warning"' in producer_client.get(_edit_url(waiting)).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = producer_client.post(_edit_url(waiting), _edit_data(waiting, title="Tên mới"), follow=True)
    assert (
        "Sản phẩm đã được rút khỏi hàng chờ duyệt vì bạn sửa nội dung; hãy gửi duyệt lại." in response.content.decode()
    )
    _withdrawn(waiting, "tên sản phẩm")
    assert any("rút khỏi hàng chờ duyệt" in message.subject for message in mail.outbox)


def test_adding_a_certificate_while_waiting_sends_the_product_back_to_draft(waiting, producer_client):
    response = producer_client.post(
        reverse("dashboard:ocop-product", kwargs={"pk": waiting.pk}), _certificate_post(**FIVE_STARS), follow=True
    )
    assert "rút khỏi hàng chờ duyệt vì bạn thêm giấy chứng nhận; hãy gửi duyệt lại" in response.content.decode()
    _withdrawn(waiting, "giấy chứng nhận")


def test_adding_or_deleting_an_image_while_waiting_sends_the_product_back_to_draft(
    waiting, producer_client, producer_user
):
    response = producer_client.post(
        _images_url(waiting), {"action": "upload", "images": [jpeg("moi.jpg")]}, follow=True
    )
    assert "rút khỏi hàng chờ duyệt vì bạn sửa ảnh" in response.content.decode()
    _withdrawn(waiting, "ảnh sản phẩm")
    workflow.submit(waiting, producer_user)
    image = waiting.images.order_by("display_order").last()
    producer_client.post(_images_url(waiting), {"action": "delete", "image": image.pk})
    _withdrawn(waiting, "ảnh sản phẩm")


def test_price_stock_and_image_order_edits_keep_the_product_waiting(waiting, producer_client, producer_user):
    ProductImage.objects.create(product=waiting, original=jpeg("hai.jpg"), display_order=5)
    log_size = waiting.review_log.count()
    record = waiting.stockrecords.get()
    response = producer_client.post(_edit_url(waiting), _edit_data(waiting, price="99000", num_in_stock="40"))
    assert response.status_code == 302
    last = waiting.images.order_by("display_order").last()
    producer_client.post(_images_url(waiting), {"action": "up", "image": last.pk})
    editing.update_stock_prices(record.partner, producer_user, {record.pk: (Decimal("98000"), 3)})
    product = _current(waiting)
    assert product.review_status == ReviewStatus.SUBMITTED and product.review_log.count() == log_size
