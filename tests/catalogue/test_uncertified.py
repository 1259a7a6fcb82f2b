"""Products without a valid certificate (issue point 5): off sale the day their certificate ends, with no
job run, everywhere at once (listing, search counts and facets, product page); kept on sale only by an
administrator's decision with who/when/why/until, then shown as a plain local product (no mark, no
stars, no OCOP wording in its title or picture); the administrators' page listing them and its actions;
revocation decisions naming many certificates, all or nothing."""

import datetime
import json
import re
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import listing
from catalogue.ocop import display, revocations, uncertified, workflow
from catalogue.programme import rules
from catalogue.programme.review import ReviewStatus
from cms.demo import workflow as demo_workflow
from shop.search import indexing
from tests import factories

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
ReviewLogEntry = get_model("catalogue", "ReviewLogEntry")

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NOTE = "Sản phẩm địa phương — không phải sản phẩm OCOP được chứng nhận"
OCOP_TITLE_SUFFIX = " – sản phẩm OCOP 4 sao ★★★★"
UNCERTIFIED_URL = "/dashboard/ocop/uncertified/"
REVOCATIONS_URL = "/dashboard/ocop/revocations/"


def frozen(day, hour=8):
    """The clock stopped at ``hour`` o'clock Vietnam time on ``day``."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=VIETNAM), tick=False)


def _fmt(day):
    return day.strftime("%d/%m/%Y")


TITLE = "Mật ong hoa ban Mường Khương"


@pytest.fixture
def expiring():
    """A product for sale whose only certificate (4★) expires in ten days, its title claiming OCOP stars,
    indexed as it is now. Returns (product, last day of the certificate)."""
    last_day = timezone.localdate() + datetime.timedelta(days=10)
    product = factories.product(
        title=TITLE + OCOP_TITLE_SUFFIX,
        certificate_fields={
            "decided": rules.add_months(last_day, -rules.CERTIFICATE_VALIDITY_MONTHS),
            "expires_on": last_day,
        },
    )
    assert listing.is_for_sale(product)
    indexing.update_products([product.pk])
    return product, last_day


def _facet_counts(response):
    return {facet.key: {b["value"]: b["count"] for b in facet.buckets} for facet in response.context["facets"]}


def _listing(client, **params):
    response = client.get(reverse("catalogue:index"), params)
    assert response.status_code == 200
    return response


def _search(client, words):
    response = client.get(reverse("search:search"), {"q": words})
    assert response.status_code == 200
    return response


def _product_article(html):
    return re.search(r'<article class="product_page">.*</article>', html, re.S).group(0)


def _refused(response):
    """403, or a redirect to the login page (Oscar's answer to a user without the permission)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].startswith(reverse("customer:login"))
    )


# --- The day the certificate ends -------------------------------------------------------------


def test_a_product_whose_only_certificate_expired_yesterday_is_off_sale_everywhere_without_any_job(client, expiring):
    product, last_day = expiring
    words = TITLE
    with frozen(last_day, hour=23):
        listed = _listing(client)
        before = listed.context["paginator"].count
        stars_before = _facet_counts(listed)["stars"].get("4", 0)
        assert product in _search(client, words).context["products"]
        assert client.get(product.get_absolute_url()).status_code == 200
    with frozen(last_day + datetime.timedelta(days=1), hour=0):  # a minute past midnight would do
        assert listing.sale_blockers(product) == ["không có giấy chứng nhận OCOP còn hiệu lực"]
        listed = _listing(client)
        count = listed.context["paginator"].count
        assert count == before - 1 == listing.for_sale().count()
        facets = _facet_counts(listed)
        # The facets count the same products as the listing.
        assert sum(facets["group"].values()) == count
        assert facets["stars"].get("4", 0) == stars_before - 1
        found = _search(client, words)
        assert product not in found.context["products"]
        assert sum(_facet_counts(found).get("group", {}).values()) == found.context["paginator"].count
        assert client.get(product.get_absolute_url()).status_code == 404
        assert (
            client.get(reverse("catalogue:origin", kwargs={"product_slug": product.slug, "pk": product.pk})).status_code
            == 404
        )
    # No job ran: the certificate's recorded status is still what it was.
    assert product.ocop_certificates.get().status == OcopCertificate.Status.VALID


def test_a_cached_product_page_is_not_served_after_midnight_when_the_certificate_ended(settings, expiring):
    settings.OCOP_PAGE_CACHE_SECONDS = 300
    cache.clear()
    product, last_day = expiring
    try:
        # Two minutes before midnight, then one minute after: well within the cache's 300 seconds.
        with time_machine.travel(
            datetime.datetime.combine(last_day, datetime.time(23, 58), tzinfo=VIETNAM), tick=False
        ):
            assert Client().get(product.get_absolute_url()).status_code == 200
            second = Client().get(product.get_absolute_url())
            assert second.status_code == 200 and second["X-Page-Cache"] == "hit"
        with time_machine.travel(
            datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(0, 1), tzinfo=VIETNAM),
            tick=False,
        ):
            assert Client().get(product.get_absolute_url()).status_code == 404
    finally:
        cache.clear()


# --- Kept on sale by a decision, shown as a plain local product ---------------------------------


def test_kept_on_sale_by_a_reviewer_it_sells_unmarked_until_the_end_date(
    client, expiring, reviewer, django_capture_on_commit_callbacks
):
    product, last_day = expiring
    day_after = last_day + datetime.timedelta(days=1)
    until = day_after + datetime.timedelta(days=30)
    public_title = product.title.removesuffix(OCOP_TITLE_SUFFIX)
    with frozen(day_after):
        listed = _listing(client)
        before, stars_before = listed.context["paginator"].count, _facet_counts(listed)["stars"]
        staff = Client()
        staff.force_login(reviewer)
        with django_capture_on_commit_callbacks(execute=True):  # the reindex runs after the commit
            response = staff.post(
                UNCERTIFIED_URL,
                {
                    "action": "keep_on_sale",
                    "product": product.pk,
                    "until": until.isoformat(),
                    "reason": "Chờ tỉnh đánh giá lại đợt tháng sau.",
                },
            )
        assert response.status_code == 302
        product.refresh_from_db()
        assert (product.kept_on_sale_until, product.kept_on_sale_by) == (until, reviewer)
        assert product.kept_on_sale_reason == "Chờ tỉnh đánh giá lại đợt tháng sau."
        assert product.kept_on_sale_at is not None
        entry = ReviewLogEntry.objects.filter(product=product).order_by("-id").first()
        assert (entry.action, entry.actor) == ("keep_on_sale", reviewer)

        # For sale again: listed, counted, found — as a plain local product.
        listed = _listing(client)
        assert listed.context["paginator"].count == before + 1 == listing.for_sale().count()
        assert _facet_counts(listed)["stars"] == stars_before  # sold without stars
        assert sum(_facet_counts(listed)["group"].values()) == before + 1
        found = _search(client, public_title)
        assert product in found.context["products"]
        search_html = found.content.decode()
        card = re.search(
            r'<article class="product_pod">(?:(?!</article>).)*' + re.escape(public_title) + r".*?</article>",
            search_html,
            re.S,
        ).group(0)
        assert NOTE in card and 'class="ocop-mark"' not in card and "★" not in card and "OCOP 4 sao" not in card
        suggestions = client.get(reverse("search:suggest"), {"q": public_title}).json()["products"]
        assert public_title in [s["title"] for s in suggestions]
        assert not any("OCOP" in s["title"] for s in suggestions)

        page = client.get(product.get_absolute_url())
        assert page.status_code == 200
        html = page.content.decode()
        article = _product_article(html)
        assert NOTE in article and _fmt(until) in article
        assert 'class="ocop-mark"' not in article and "★" not in article
        assert f"<h1>{public_title}</h1>" in html
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).split(" | ")[0]
        og_title = re.search(r'<meta property="og:title" content="([^"]*)"', html).group(1)
        structured = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        for name in (title, og_title, structured["name"]):
            assert public_title in name and "OCOP" not in name and "★" not in name and "sao" not in name
        assert not re.search(r'<img[^>]*alt="[^"]*(OCOP|★)', article)

    with frozen(until):  # the last day of the decision
        assert client.get(product.get_absolute_url()).status_code == 200
    with frozen(until + datetime.timedelta(days=1)):
        assert listing.sale_blockers(product) == ["không có giấy chứng nhận OCOP còn hiệu lực"]
        assert client.get(product.get_absolute_url()).status_code == 404
        assert product not in _search(client, public_title).context["products"]
        assert _listing(client).context["paginator"].count == listing.for_sale().count()


def test_a_product_backed_by_its_certificate_keeps_its_title_mark_and_stars(client, expiring):
    product, _last_day = expiring
    assert display.public_title(product) == product.title
    html = client.get(product.get_absolute_url()).content.decode()
    assert 'class="ocop-mark"' in html and "★★★★<" in html and NOTE not in html
    assert f"<h1>{product.title}</h1>" in html


@pytest.mark.parametrize(
    "title, shown",
    [
        ("Chè Shan tuyết OCOP 4 sao", "Chè Shan tuyết"),
        ("Mật ong ★★★ Mù Cang Chải", "Mật ong Mù Cang Chải"),
        ("Miến dong (OCOP 3★)", "Miến dong"),
        ("Sản phẩm OCOP - Dứa sấy", "Dứa sấy"),
        ("Quế Văn Yên đạt chuẩn OCOP 4 sao, túi 500g", "Quế Văn Yên, túi 500g"),
        ("Rượu Sao Mai hạng 5 sao", "Rượu Sao Mai"),
        ("Dứa sấy dẻo Bảo Thắng hộp 250g", "Dứa sấy dẻo Bảo Thắng hộp 250g"),
    ],
)
def test_the_public_title_drops_ocop_wording(title, shown):
    assert display.strip_ocop_wording(title) == shown


# --- The demo ---------------------------------------------------------------------------------------


def test_the_demo_product_kept_on_sale_sells_unmarked_and_is_listed_for_the_reviewers(client, reviewer):
    kept = Product.objects.get(upc=demo_workflow.REVOKED_KEPT_ON_SALE)
    assert kept.current_certificate() is None and kept.ocop_certificates.get().revoked_at is not None
    assert listing.is_for_sale(kept) and kept.kept_on_sale_by == reviewer and kept.kept_on_sale_reason
    html = client.get(kept.get_absolute_url()).content.decode()
    article = _product_article(html)
    assert NOTE in article and _fmt(kept.kept_on_sale_until) in article and 'class="ocop-mark"' not in article
    origin = client.get(reverse("catalogue:origin", kwargs={"product_slug": kept.slug, "pk": kept.pk}))
    assert origin.status_code == 200
    assert NOTE in origin.content.decode() and 'class="ocop-mark"' not in origin.content.decode()
    card = re.search(
        r'<article class="product_pod">(?:(?!</article>).)*' + re.escape(kept.title) + r".*?</article>",
        _search(client, kept.title).content.decode(),
        re.S,
    ).group(0)
    assert NOTE in card and 'class="ocop-mark"' not in card
    client.force_login(reviewer)
    page = client.get(UNCERTIFIED_URL).content.decode()
    kept_table = re.search(r'<table[^>]*id="kept".*?</table>', page, re.S).group(0)
    assert kept.title in kept_table and _fmt(kept.kept_on_sale_until) in kept_table
    assert "Không tham gia đánh giá lại theo kế hoạch của tỉnh." in kept_table


# --- The administrators' page -----------------------------------------------------------------------


def test_the_page_lists_both_groups_and_only_approved_products_without_a_valid_certificate(client, reviewer):
    today = timezone.localdate()
    report = uncertified.uncertified_products(today)
    kept_skus = {entry.product.upc for entry in report.kept}
    off_skus = {entry.product.upc for entry in report.off_sale}
    assert demo_workflow.REVOKED_KEPT_ON_SALE in kept_skus
    assert {"LC-014", "LC-025"} <= off_skus  # demo certificates that expired in 2026
    expired = next(entry for entry in report.off_sale if entry.product.upc == "LC-014")
    assert (expired.how, expired.ended_on) == (uncertified.EXPIRED, datetime.date(2026, 6, 1))
    for entry in report.kept + report.off_sale:
        assert entry.product.review_status == ReviewStatus.APPROVED and entry.product.current_certificate() is None
    assert set(uncertified.approved_without_certificate().values_list("upc", flat=True)) == kept_skus | off_skus
    assert "LC-001" not in kept_skus | off_skus

    client.force_login(reviewer)
    response = client.get(UNCERTIFIED_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sản phẩm đã duyệt không có giấy chứng nhận còn hiệu lực" in html
    off_table = re.search(r'<table[^>]*id="off-sale".*?</table>', html, re.S).group(0)
    lc014 = Product.objects.get(upc="LC-014")
    assert lc014.title in off_table and "Hết hạn ngày 01/06/2026" in off_table
    assert Product.objects.get(upc="LC-001").title not in html
    # The page is in the OCOP menu.
    assert 'href="/dashboard/ocop/uncertified/"' in html and 'href="/dashboard/ocop/revocations/"' in html


def _post(client, action, product, **data):
    return client.post(UNCERTIFIED_URL, {"action": action, "product": product.pk, **data})


def test_the_actions_of_the_page(client, reviewer):
    today = timezone.localdate()
    kept, expired, other = factories.kept_on_sale_product(), factories.expired_product(), factories.expired_product()
    client.force_login(reviewer)

    new_end = today + datetime.timedelta(days=200)
    response = _post(client, "extend_decision", kept, until=new_end.isoformat(), reason="Gia hạn chờ đánh giá lại")
    assert response.status_code == 302
    kept.refresh_from_db()
    assert kept.kept_on_sale_until == new_end and kept.kept_on_sale_reason == "Gia hạn chờ đánh giá lại"

    assert _post(client, "end_decision", kept, reason="Chủ thể không nộp hồ sơ đánh giá lại").status_code == 302
    kept.refresh_from_db()
    assert kept.kept_on_sale_until is None and not listing.is_for_sale(kept)
    assert ReviewLogEntry.objects.filter(product=kept, action="end_keep_on_sale").exists()

    until = today + datetime.timedelta(days=60)
    response = _post(client, "keep_on_sale", expired, until=until.isoformat(), reason="Đang đánh giá lại")
    assert response.status_code == 302
    expired.refresh_from_db()
    assert expired.kept_on_sale_until == until and listing.is_for_sale(expired)

    assert _post(client, "suspend", other, reason="Chủ thể không đánh giá lại").status_code == 302
    other.refresh_from_db()
    assert other.review_status == ReviewStatus.SUSPENDED and not other.is_public


def test_the_page_refuses_what_the_rules_forbid_and_changes_nothing(client, reviewer):
    today = timezone.localdate()
    expired = factories.expired_product()
    client.force_login(reviewer)
    too_late = rules.add_months(today, rules.KEPT_ON_SALE_MAX_MONTHS) + datetime.timedelta(days=1)
    response = _post(client, "keep_on_sale", expired, until=too_late.isoformat(), reason="Lý do")
    assert response.status_code == 400 and "tối đa 12 tháng" in response.content.decode()
    response = _post(
        client, "keep_on_sale", expired, until=(today - datetime.timedelta(days=1)).isoformat(), reason="Lý do"
    )
    assert response.status_code == 400 and "từ hôm nay trở đi" in response.content.decode()
    response = _post(client, "keep_on_sale", expired, until=today.isoformat(), reason="  ")
    assert response.status_code == 400 and "Hãy nêu lý do" in response.content.decode()
    response = _post(client, "end_decision", expired, reason="Lý do")
    assert response.status_code == 403 and "không có quyết định vẫn bán" in response.content.decode()
    # Not a whitelisted action; a product with a valid certificate is not on the page.
    assert _post(client, "delete", expired, reason="x").status_code == 302
    backed = factories.product()
    assert _post(client, "suspend", backed, reason="x").status_code == 404
    expired.refresh_from_db()
    backed.refresh_from_db()
    assert expired.kept_on_sale_until is None and expired.review_status == ReviewStatus.APPROVED
    assert backed.review_status == ReviewStatus.APPROVED


@pytest.mark.parametrize("who", ["producer", "customer"])
def test_producers_and_customers_cannot_reach_the_pages_or_act(client, producer_user, customer, who):
    client.force_login(producer_user if who == "producer" else customer)
    expired, kept = factories.expired_product(), factories.kept_on_sale_product()
    for url in (UNCERTIFIED_URL, REVOCATIONS_URL):
        assert _refused(client.get(url))
    assert _refused(_post(client, "keep_on_sale", expired, until=timezone.localdate().isoformat(), reason="x"))
    assert _refused(_post(client, "end_decision", kept, reason="x"))
    certificate = factories.product().ocop_certificates.get()
    assert _refused(
        client.post(
            REVOCATIONS_URL,
            {
                "step": "revoke",
                "decision_number": "1/QĐ",
                "decision_date": timezone.localdate().isoformat(),
                "reason": "x",
                "products": "stop",
                "certificates": [certificate.pk],
            },
        )
    )
    expired.refresh_from_db()
    kept.refresh_from_db()
    certificate.refresh_from_db()
    assert expired.kept_on_sale_until is None and kept.kept_on_sale_until is not None
    assert certificate.revoked_at is None


# --- Revocation decisions ----------------------------------------------------------------------------


@pytest.fixture
def three():
    """Three products for sale, each with one certificate (3★) of its own decision number."""
    products = [factories.product(stars=3, certificate_fields={"number": f"90{index}/QĐ-UBND"}) for index in range(3)]
    for product in products:
        assert listing.is_for_sale(product)
    return [product.ocop_certificates.get() for product in products]


def _decision(**extra):
    return {
        "decision_number": "123/QĐ-UBND",
        "decision_date": timezone.localdate().isoformat(),
        "reason": "Không tham gia đánh giá lại theo kế hoạch năm 2026.",
        "products": "stop",
        **extra,
    }


def test_revoking_three_certificates_with_one_decision_after_a_confirmation(
    client, reviewer, three, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    numbers = "\n".join(c.decision_number for c in three)
    response = client.post(REVOCATIONS_URL, _decision(step="check", numbers=numbers + "\n\n"))
    assert response.status_code == 200
    confirmation = re.search(r'id="to-revoke".*?</table>', response.content.decode(), re.S).group(0)
    for certificate in three:
        assert certificate.decision_number in confirmation and certificate.product.title in confirmation
    assert confirmation.count("<tr>") == 1 + 3
    assert not OcopCertificate.objects.filter(pk__in=[c.pk for c in three], revoked_at__isnull=False).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REVOCATIONS_URL, _decision(step="revoke", certificates=[c.pk for c in three]))
    assert response.status_code == 302
    for certificate in three:
        certificate.refresh_from_db()
        product = Product.objects.get(pk=certificate.product_id)
        assert certificate.revoked_at is not None and certificate.status == OcopCertificate.Status.REVOKED
        assert certificate.revocation_reason == (
            f"Quyết định thu hồi số 123/QĐ-UBND ngày {_fmt(timezone.localdate())}: "
            "Không tham gia đánh giá lại theo kế hoạch năm 2026."
        )
        assert product.review_status == ReviewStatus.SUSPENDED and not listing.is_for_sale(product)
        assert client.get(product.get_absolute_url()).status_code == 200  # staff preview…
    client.logout()
    for certificate in three:
        assert client.get(Product.objects.get(pk=certificate.product_id).get_absolute_url()).status_code == 404


def test_a_revocation_may_keep_the_products_on_sale_until_a_date(client, reviewer, three):
    until = timezone.localdate() + datetime.timedelta(days=90)
    client.force_login(reviewer)
    ids = [c.pk for c in three]
    response = client.post(
        REVOCATIONS_URL, _decision(step="revoke", products="keep", until=until.isoformat(), certificates=ids)
    )
    assert response.status_code == 302
    for certificate in three:
        product = Product.objects.get(pk=certificate.product_id)
        assert product.kept_on_sale_until == until and product.kept_on_sale_by == reviewer
        assert listing.is_for_sale(product) and product.current_certificate() is None
    page = client.get(UNCERTIFIED_URL).content.decode()
    kept_table = re.search(r'<table[^>]*id="kept".*?</table>', page, re.S).group(0)
    for certificate in three:
        assert certificate.product.title in kept_table


def test_an_unknown_or_revoked_number_is_named_and_nothing_is_revoked(client, reviewer, three):
    client.force_login(reviewer)
    revoked = Product.objects.get(upc=demo_workflow.REVOKED_KEPT_ON_SALE).ocop_certificates.get()
    numbers = "\n".join(
        [
            three[0].decision_number,
            "9999/QĐ-KHONGCO",
            three[1].decision_number,
            f"{revoked.decision_number}; {demo_workflow.REVOKED_KEPT_ON_SALE}",
        ]
    )
    for step in ("check", "revoke"):
        response = client.post(REVOCATIONS_URL, _decision(step=step, numbers=numbers, certificates=[three[2].pk]))
        assert response.status_code == 400
        html = response.content.decode()
        assert "Không tìm thấy giấy chứng nhận số 9999/QĐ-KHONGCO." in html
        assert (
            f"Giấy chứng nhận số {revoked.decision_number} ({demo_workflow.REVOKED_KEPT_ON_SALE}) đã bị thu hồi" in html
        )
        assert 'id="to-revoke"' not in html
    assert not OcopCertificate.objects.filter(pk__in=[c.pk for c in three], revoked_at__isnull=False).exists()


def test_a_number_shared_by_several_products_needs_the_product_code(client, reviewer):
    shared = OcopCertificate.objects.filter(decision_number="2034/QĐ-UBND")  # LC-040's among them
    assert shared.count() > 1
    client.force_login(reviewer)
    response = client.post(REVOCATIONS_URL, _decision(step="check", numbers="2034/qđ-ubnd"))
    assert response.status_code == 400
    assert "là quyết định chung của" in response.content.decode()
    target = shared.exclude(product__upc=demo_workflow.REVOKED_KEPT_ON_SALE).first()
    response = client.post(REVOCATIONS_URL, _decision(step="check", numbers=f"2034/QĐ-UBND\t{target.product.upc}"))
    assert response.status_code == 200
    assert target.product.title in re.search(r'id="to-revoke".*?</table>', response.content.decode(), re.S).group(0)


def test_certificates_can_be_ticked_from_a_list_filtered_by_issuer(client, reviewer, three):
    client.force_login(reviewer)
    html = client.get(REVOCATIONS_URL, {"issuer": "Bảo Thắng"}).content.decode()
    listed = re.search(r'id="certificate-list".*?</table>', html, re.S).group(0)
    assert "UBND huyện Bảo Thắng" in listed and "UBND tỉnh Lào Cai" not in listed
    response = client.post(REVOCATIONS_URL, _decision(step="check", certificates=[three[0].pk]))
    assert response.status_code == 200 and three[0].product.title in response.content.decode()


def test_revoking_a_list_is_all_or_nothing(reviewer, three):
    workflow.revoke_certificate(three[2], reviewer, "Thu hồi trước")
    with pytest.raises(workflow.TransitionRefused, match="đã bị thu hồi"):
        workflow.revoke_certificates(three, reviewer, "Thu hồi theo danh sách")
    assert not OcopCertificate.objects.filter(pk__in=[three[0].pk, three[1].pk], revoked_at__isnull=False).exists()


def test_a_certificate_named_twice_in_a_list_is_revoked_once(reviewer, three):
    revoked = workflow.revoke_certificates([three[0], three[0], three[1]], reviewer, "Thu hồi theo danh sách")
    assert [c.pk for c in revoked] == [three[0].pk, three[1].pk]


def test_a_revocation_does_not_record_a_decision_on_a_product_not_on_sale(reviewer, three):
    """A suspended product kept "on sale" by a revocation would sell without a certificate the day it
    is reinstated: the decision is recorded only for products the revocation takes off sale."""
    product = three[0].product
    workflow.suspend(product, reviewer, "Kiểm tra phản ánh của khách")
    until = timezone.localdate() + datetime.timedelta(days=30)
    workflow.revoke_certificate(three[0], reviewer, "Thu hồi", keep_on_sale_until=until)
    product.refresh_from_db()
    assert product.review_status == ReviewStatus.SUSPENDED and product.kept_on_sale_until is None


def test_revocations_find_reports_each_problem_once():
    lookup = revocations.find(revocations.parse_lines("  \n9999/QĐ-X\n9999/QĐ-X\n"))
    assert lookup.certificates == [] and lookup.errors == ["Không tìm thấy giấy chứng nhận số 9999/QĐ-X."]
