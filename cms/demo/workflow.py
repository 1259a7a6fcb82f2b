"""Taking a demo product through the real catalogue workflow (the post-office agent submits, the province's officer
decides), shared by the Lào Cai demo (``cms.demo.loader``) and the other provinces' (``cms.demo.provinces``)."""

import contextlib
import datetime
import html
from unittest import mock

from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import review_version, workflow
from catalogue.ocop.editing import GOODS_CLASS, SERVICE_CLASS
from catalogue.programme import rules
from shop.core.tax_categories import TaxCategory

ProductClass = get_model("catalogue", "ProductClass")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")

# Products left in a state other than "approved", to show every state.
DEMO_STATES = {
    "LC-012": "submitted",
    "LC-033": "submitted",
    "LC-047": "changes_requested",
    "LC-052": "rejected",
    "LC-058": "draft",
    "LC-061": "suspended",
}
# A certificate revoked by the province, the product kept on sale as a plain local product.
REVOKED_KEPT_ON_SALE = "LC-040"


def product_class(is_service):
    name = SERVICE_CLASS if is_service else GOODS_CLASS
    product_class, _created = ProductClass.objects.get_or_create(
        name=name,
        defaults={
            "requires_shipping": not is_service,
            "track_stock": True,
            # Homestays and tours are services for withholding (payments/tax_rates.py).
            "tax_category": TaxCategory.SERVICES if is_service else TaxCategory.GOODS,
        },
    )
    return product_class


def description_html(text):
    return "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in text.split("\n") if paragraph.strip())


def run_demo_workflow(product, sku, assistant, reviewer):
    """Take the product from draft to its demo state through the real workflow: the post-office
    agent submits it on the producer's behalf, the reviewer decides on the version they saw."""
    state = DEMO_STATES.get(sku, "approved")
    if state == "draft" or not product.producer.is_verified:
        return  # nobody acts for an unverified producer (shop.partner.access): its products stay drafts
    with while_certificate_valid(product):
        workflow.submit(product, assistant)
        reasons = {
            "changes_requested": "Ảnh sản phẩm chưa rõ nhãn mác; bổ sung ảnh bao bì có tem OCOP.",
            "rejected": "Giấy chứng nhận không khớp tên sản phẩm đăng bán.",
            "suspended": "Tạm ngừng trong thời gian kiểm tra phản ánh của khách hàng.",
        }
        if state in ("approved", "suspended"):
            workflow.approve(product, reviewer, seen=review_version.token(product))
            if state == "suspended":
                workflow.suspend(product, reviewer, reasons[state], seen=review_version.token(product))
        elif state == "changes_requested":
            workflow.request_changes(product, reviewer, reasons[state], seen=review_version.token(product))
        elif state == "rejected":
            workflow.reject(product, reviewer, reasons[state], seen=review_version.token(product))
    if sku == REVOKED_KEPT_ON_SALE:
        workflow.revoke_certificate(
            product.ocop_certificates.get(),
            reviewer,
            "Không tham gia đánh giá lại theo kế hoạch của tỉnh.",
            keep_on_sale_until=rules.add_months(timezone.localdate(), 6),
        )


@contextlib.contextmanager
def while_certificate_valid(product):
    """Demo products whose certificate has expired since (LC-014, LC-025) were submitted and approved
    while it was valid — approval refuses an expired certificate: their review happens two weeks after
    the recognition decision. The workflow reads the day from ``django.utils.timezone.now``, so the
    loader sets that clock back for the block (``unittest.mock``, standard library: ``make run`` has
    no test packages), then dates the review log entries, whose default captured the real clock."""
    certificate = product.ocop_certificates.get()
    today = timezone.localdate()
    if certificate.is_valid_on(today):
        yield
        return
    reviewed = certificate.decision_date + datetime.timedelta(days=14)
    moment = datetime.datetime.combine(reviewed, datetime.time(9), tzinfo=timezone.get_current_timezone())
    logged_before = set(ReviewLogEntry.objects.filter(product=product).values_list("pk", flat=True))
    with mock.patch.object(timezone, "now", lambda: moment):
        yield
    ReviewLogEntry.objects.filter(product=product).exclude(pk__in=logged_before).update(created_at=moment)
