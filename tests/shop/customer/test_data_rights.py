"""Customers' personal data rights (shop/customer/privacy.py): consent at registration and guest checkout with the
notice page's version, withdrawal (checkout refused), the data export (own data only) and erasure (anonymised,
orders kept, no login), all logged."""

import datetime
import io
import json
import zipfile
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.customer import privacy
from tests import factories
from tests.shop.checkout import journey

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

pytestmark = pytest.mark.django_db
User = get_user_model()
Consent = get_model("users", "Consent")
PrivacyRequest = get_model("users", "PrivacyRequest")
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
WishList = get_model("wishlists", "WishList")
ProductReview = get_model("reviews", "ProductReview")
PASSWORD = "Mat-khau-moi-2026"


def _register(client, email, capture, **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    with capture(execute=True):
        return client.post(reverse("customer:register"), data, REMOTE_ADDR="203.0.113.9")


def _set_notice_version(version):
    """An editor publishes the notice with a new version (Wagtail's publish announces the change)."""
    page = privacy.notice_page()
    page.version = version
    page.save_revision().publish()
    return page


def test_the_demo_notice_page_is_the_setting_and_its_version_is_the_consent_version():
    page = privacy.notice_page()
    assert page is not None and page.slug == "chinh-sach-bao-mat" and page.version == "2026-01"
    assert "Thời gian lưu trữ" in page.body and "Quyền của bạn" in page.body
    assert privacy.notice_version() == "2026-01"


def test_registration_without_consent_is_refused_in_vietnamese(client, django_capture_on_commit_callbacks):
    response = _register(client, "khong.dong.y@example.vn", django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Cần đồng ý với Thông báo xử lý dữ liệu cá nhân để mở tài khoản" in response.content.decode()
    assert not User.objects.filter(email="khong.dong.y@example.vn").exists()


def test_the_registration_form_links_to_the_notice_with_its_version(client):
    page = client.get(reverse("customer:register")).content.decode()
    assert 'name="personal_data_consent"' in page
    assert "(phiên bản 2026-01)" in page and privacy.notice_page().url in page


def test_registration_records_the_consent_with_the_notice_version(client, django_capture_on_commit_callbacks):
    _set_notice_version("2026-05")
    response = _register(client, "dong.y@example.vn", django_capture_on_commit_callbacks, personal_data_consent="on")
    assert response.status_code == 302
    consent = Consent.objects.get(user__email="dong.y@example.vn")
    assert (consent.document, consent.version, consent.given, consent.context, consent.ip_address) == (
        "personal_data",
        "2026-05",
        True,
        "registration",
        "203.0.113.9",
    )


def test_a_guest_consents_at_checkout_and_the_order_is_tied_to_it(client):
    (product,) = journey.buyable_products(1)
    journey.add_to_basket(client, product)
    refused = client.post(reverse("checkout:index"), {"username": "khach.le@example.vn", "options": "anonymous"})
    assert refused.status_code == 200
    assert "hãy đồng ý với Thông báo xử lý dữ liệu cá nhân" in refused.content.decode()
    assert not Consent.objects.filter(email="khach.le@example.vn").exists()

    response = journey.place_order(client, journey.reach_preview(client, email="khach.le@example.vn"))
    assert response.status_code == 302
    order = Order.objects.get(guest_email="khach.le@example.vn")
    consent = Consent.objects.get(email="khach.le@example.vn")
    assert (consent.user, consent.order, consent.version, consent.context) == (None, order, "2026-01", "guest_checkout")


def test_a_new_notice_version_asks_the_account_again_and_records_it(client):
    customer = factories.customer()
    privacy.record_consent(context="registration", user=customer)
    client.force_login(customer)
    assert "consent-outdated" not in client.get(reverse("customer:data-rights")).content.decode()

    _set_notice_version("2026-07")
    page = client.get(reverse("customer:data-rights")).content.decode()
    assert "consent-outdated" in page and "Đồng ý với thông báo (phiên bản 2026-07)" in page
    client.post(reverse("customer:data-rights"), {"action": "consent"})
    assert privacy.latest_consent(customer).version == "2026-07"
    assert privacy.consent_state(customer) == "given"


def test_withdrawal_is_a_new_row_logged_and_checkout_refuses_until_consent_again(client):
    customer = factories.customer()
    given = privacy.record_consent(context="registration", user=customer)
    client.force_login(customer)
    journey.add_to_basket(client, journey.buyable_products(1)[0])

    client.post(reverse("customer:data-rights"), {"action": "withdraw"})
    rows = list(Consent.objects.filter(user=customer).order_by("pk"))
    assert rows[0] == given and rows[0].given and not rows[1].given  # append-only
    log = PrivacyRequest.objects.get(user=customer, kind="withdrawal")
    assert log.completed_at and log.handled_by == customer

    for step in ("checkout:index", "checkout:shipping-address", "checkout:preview"):
        response = client.get(reverse(step), follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("customer:data-rights") + "?next="), step
        assert "đã rút lại sự đồng ý xử lý dữ liệu cá nhân" in response.content.decode()

    client.post(reverse("customer:data-rights"), {"action": "consent"})
    assert client.get(reverse("checkout:shipping-address")).status_code == 200


def test_a_consent_to_an_earlier_notice_version_asks_again_before_checkout_and_comes_back(client):
    customer = factories.customer()
    privacy.record_consent(context="registration", user=customer)
    client.force_login(customer)
    journey.add_to_basket(client, journey.buyable_products(1)[0])
    assert client.get(reverse("checkout:shipping-address")).status_code == 200

    _set_notice_version("2026-09")
    response = client.get(reverse("checkout:shipping-address"), follow=True)
    rights = f"{reverse('customer:data-rights')}?next={reverse('checkout:index').replace('/', '%2F')}"
    assert response.redirect_chain[-1][0] == rights
    page = response.content.decode()
    assert "đã có phiên bản mới (2026-09)" in page and f'name="next" value="{reverse("checkout:index")}"' in page

    # An address elsewhere is not followed; the checkout's own is.
    response = client.post(reverse("customer:data-rights"), {"action": "consent", "next": "https://evil.example/"})
    assert response["Location"] == reverse("customer:data-rights")
    response = client.post(reverse("customer:data-rights"), {"action": "consent", "next": reverse("checkout:index")})
    assert response["Location"] == reverse("checkout:index")
    assert privacy.latest_consent(customer).version == "2026-09"
    assert client.get(reverse("checkout:shipping-address")).status_code == 200


def _export_of(client, user, capture):
    with capture(execute=True):  # the worker's task runs after the request's commit
        client.post(reverse("customer:data-rights"), {"action": "export"})
    job = privacy.export_jobs(user).first()
    assert job.status == "done", job.error
    return job


def test_the_export_holds_the_customers_data_and_none_of_anothers(client, django_capture_on_commit_callbacks):
    customer = factories.customer(phone_number="0912 345 678")
    other = factories.customer(last_name="Lò Văn", first_name="Khác")
    privacy.record_consent(context="registration", user=customer)
    product, other_product = journey.buyable_products(2)
    mine = factories.order(customer, (product, 2))
    factories.order(other, other_product)
    ProductReview.objects.create(product=product, user=customer, score=5, title="Chè ngon", body="Thơm lắm")
    client.force_login(customer)

    job = _export_of(client, customer, django_capture_on_commit_callbacks)
    assert PrivacyRequest.objects.get(user=customer, kind="export").completed_at is not None
    response = client.get(reverse("customer:data-export-download", args=[job.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert set(archive.namelist()) >= {"du-lieu-ca-nhan.json", "account.csv", "orders.csv", "consents.csv"}
    data = json.loads(archive.read("du-lieu-ca-nhan.json"))
    assert data["account"][0]["email"] == customer.email and data["account"][0]["phone_number"] == "0912 345 678"
    assert {row["order_number"] for row in data["orders"]} == {mine.number}
    assert data["orders"][0]["quantity"] == 2 and data["orders"][0]["order_total"] == int(mine.total_incl_tax)
    assert [r["title"] for r in data["reviews"]] == ["Chè ngon"]
    assert [c["context"] for c in data["consents"]] == ["registration"]
    everything = archive.read("du-lieu-ca-nhan.json").decode() + archive.read("orders.csv").decode("utf-8-sig")
    assert other.email not in everything and "Lò Văn" not in everything

    intruder = Client()
    intruder.force_login(other)
    assert intruder.get(reverse("customer:data-export-download", args=[job.pk])).status_code == 404
    assert Client().get(reverse("customer:data-export-download", args=[job.pk])).status_code == 302  # login


def test_erasure_anonymises_keeps_the_orders_and_the_account_cannot_log_in(client):
    customer = factories.customer(email="xoa.toi@example.vn", phone_number="0912 345 678")
    product = journey.buyable_products(1)[0]
    order = factories.order(customer, product)
    Order.objects.filter(pk=order.pk).update(status="delivered")
    total, lines = order.total_incl_tax, order.lines.count()
    UserAddress.objects.create(user=customer, first_name="Nguyễn Văn An", line1="Số 5", country_id="VN")
    WishList.objects.create(owner=customer, name="Quà Tết")
    ProductReview.objects.create(product=product, user=customer, score=4, title="Được", body="Ổn")
    client.force_login(customer)
    on_the_phone = Client()  # the same account signed in elsewhere
    on_the_phone.force_login(customer)

    wrong = client.post(reverse("customer:data-rights"), {"action": "erase", "password": "sai", "confirm": "on"})
    assert wrong.status_code == 400 and "Mật khẩu không đúng" in wrong.content.decode()
    response = client.post(
        reverse("customer:data-rights"), {"action": "erase", "password": "mat-khau-2026", "confirm": "on"}
    )
    assert response.status_code == 302

    customer.refresh_from_db()
    assert customer.email == f"xoa-{customer.pk}@erased.invalid" and not customer.is_active
    assert (customer.first_name, customer.last_name, customer.phone_number) == ("", "", "")
    assert not customer.has_usable_password()
    assert not UserAddress.objects.filter(user=customer).exists() and not WishList.objects.filter(owner=customer)
    review = ProductReview.objects.get(product=product, title="Được")
    assert review.user is None and "Trần" not in review.reviewer_name
    order.refresh_from_db()
    assert order.user == customer and order.total_incl_tax == total and order.lines.count() == lines
    assert order.shipping_address.first_name == "Nguyễn Văn An" and not order.shipping_address.phone_number
    log = PrivacyRequest.objects.get(user=customer, kind="erasure")
    assert log.completed_at and log.handled_by == customer and "giữ 1 đơn hàng" in log.outcome

    assert not Client().login(username="xoa.toi@example.vn", password="mat-khau-2026")
    assert client.get(reverse("customer:data-rights")).status_code == 302  # the session ended
    assert on_the_phone.get(reverse("customer:data-rights")).status_code == 302  # and every other one


def test_erased_accounts_and_guests_orders_lose_the_buyers_identity_when_the_10_year_retention_ends():
    """Kept for accounting 10 years from the end of the order's year (an order of 2016 until 31/12/2026), then the
    name, street, phone and a guest's email left on it are blanked by the monthly job; the sale itself (amounts,
    province) stays. An active account's orders are its history and stay."""
    erased, active = factories.customer(email="da.xoa@example.vn"), factories.customer(email="con.dung@example.vn")
    product = journey.buyable_products(1)[0]
    old, recent, others, guest = (
        factories.order(erased, product),
        factories.order(erased, product),
        factories.order(active, product),
        factories.order(active, product),
    )
    Order.objects.filter(pk=guest.pk).update(user=None, guest_email="khach.vang.lai@example.vn")
    mine = Order.objects.filter(pk__in=[old.pk, recent.pk, others.pk, guest.pk])
    mine.update(status="delivered")
    mine.exclude(pk=recent.pk).update(date_placed=datetime.datetime(2016, 12, 31, 12, tzinfo=VN))
    Order.objects.filter(pk=recent.pk).update(date_placed=datetime.datetime(2017, 1, 1, 8, tzinfo=VN))
    privacy.erase_customer(erased, requested_by=erased)
    total = Order.objects.get(pk=old.pk).total_incl_tax

    assert Order.objects.filter(date_placed__year__lt=2017).count() == 3  # no other order as old
    assert privacy.expire_kept_orders(today=datetime.date(2026, 12, 31)) == 0  # 2016 is kept to its last day
    assert privacy.expire_kept_orders(today=datetime.date(2027, 1, 2)) == 2  # 2016's erased and guest orders
    for expired in (old, guest):
        expired.refresh_from_db()
        address = expired.shipping_address
        assert (address.first_name, address.last_name, address.line1, address.search_text) == ("", "", "", "")
        assert not address.phone_number and address.province_code and expired.guest_email == ""
    assert old.total_incl_tax == total
    for kept in (recent, others):  # 2017's order is kept to 2027's end; an active account's orders are its own
        kept.refresh_from_db()
        assert kept.shipping_address.line1 and kept.shipping_address.first_name
    assert privacy.expire_kept_orders(today=datetime.date(2027, 2, 2)) == 0  # nothing twice
    assert PrivacyRequest.objects.filter(user=erased, kind="erasure", outcome__contains="Hết thời hạn").count() == 1
    assert PrivacyRequest.objects.filter(user=None, outcome__contains="khách không đăng nhập").count() == 1


def test_erasure_waits_for_open_orders_and_says_why(client):
    customer = factories.customer()
    factories.order(customer, journey.buyable_products(1)[0])
    client.force_login(customer)
    page = client.get(reverse("customer:data-rights")).content.decode()
    assert "còn đơn hàng chưa giao xong" in page
    client.post(reverse("customer:data-rights"), {"action": "erase", "password": "mat-khau-2026", "confirm": "on"})
    customer.refresh_from_db()
    assert customer.is_active and customer.email.endswith("@example.vn")
    assert "Từ chối" in PrivacyRequest.objects.get(user=customer, kind="erasure").outcome


def test_the_data_rights_page_needs_a_signed_in_account_and_is_in_the_account_navigation(client):
    assert client.get(reverse("customer:data-rights")).status_code == 302
    client.force_login(factories.customer())
    page = client.get(reverse("customer:profile-view")).content.decode()
    assert f'href="{reverse("customer:data-rights")}"' in page and "Quyền dữ liệu cá nhân" in page
