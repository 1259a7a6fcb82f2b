"""The dashboard's OCOP menus by audience (issue 18, item 3): "Duyệt OCOP", "Tài chính" and "Vận hành" follow the
apps (shop/dashboard/review|finance|operations), and each entry shows only to those its view lets in."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from cms.demo import loader

pytestmark = pytest.mark.django_db
User = get_user_model()

REVIEW = [
    ("Duyệt sản phẩm", "ocop-review-queue"),
    ("Sản phẩm không có giấy chứng nhận còn hiệu lực", "ocop-uncertified"),
    ("Thu hồi giấy chứng nhận", "ocop-revocations"),
    ("Giấy chứng nhận vi phạm quy định", "ocop-certificate-checks"),
    ("Xác minh chủ thể", "ocop-producers"),
    ("Xác minh tài khoản nhận tiền", "ocop-payout-accounts"),
    ("Nhập liệu hỗ trợ", "ocop-assistants"),
    ("Niêm yết theo xã/phường", "ocop-communes"),
    ("Số liệu chương trình", "ocop-figures"),
    ("Nhập danh sách OCOP của tỉnh", "ocop-registry-import"),
    ("Cán bộ theo tỉnh", "ocop-officers"),
    ("Tệp xuất và nhập", "ocop-files"),
]
FINANCE = [
    ("Thanh toán của khách", "ocop-payments"),
    ("Nhập sao kê ngân hàng", "ocop-payment-statement"),
    ("Tệp xuất và nhập", "ocop-files"),
    ("Đối soát với chủ thể", "ocop-settlements"),
]
OPERATIONS = [("Phí vận chuyển", "ocop-shipping")]
OCOP_MENUS = ("Duyệt OCOP", "Tài chính", "Vận hành")


def entries(items):
    return [(label, reverse(f"dashboard:{url_name}")) for label, url_name in items]


def menus(client, user):
    """{top-level label: [(entry label, url)]} of the dashboard menu ``user`` is shown."""
    client.force_login(user)
    response = client.get(reverse("dashboard:index"), follow=True)
    assert response.status_code == 200
    nav = BeautifulSoup(response.content, "html.parser").select_one("#bottom_nav_bar")
    return {
        item.find("a").get_text(strip=True): [
            (link.get_text(strip=True), link["href"]) for link in item.select(".dropdown-item")
        ]
        for item in nav.select("li.nav-item")
    }


def staff_with(email, *codenames):
    user = User.objects.create_user(email=email, password="mat-khau-2026")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="payments", codename__in=codenames))
    return user


def ocop_menus(shown):
    return {label: children for label, children in shown.items() if label in OCOP_MENUS}


def test_a_reviewer_sees_the_review_menu_only(client):
    reviewer = User.objects.get(email=loader.REVIEWER_EMAIL)  # review permission; not partner.change_partner
    # Not partner.change_partner (assisted entry), nor the national role (assigning officers).
    expected = [entry for entry in REVIEW if entry[1] not in ("ocop-assistants", "ocop-officers")]
    assert ocop_menus(menus(client, reviewer)) == {"Duyệt OCOP": entries(expected)}


def test_a_finance_user_sees_the_finance_menu_only(client):
    finance = staff_with("ke.toan@ocop.example.vn", "change_payment", "change_settlement")
    assert ocop_menus(menus(client, finance)) == {"Tài chính": entries(FINANCE)}


def test_a_user_who_may_only_pay_producers_sees_settlements_only(client):
    payer = staff_with("chi.tra@ocop.example.vn", "change_settlement")
    assert ocop_menus(menus(client, payer)) == {"Tài chính": entries(FINANCE[3:])}


def test_a_producer_sees_the_portal_and_no_ocop_back_office_menu(client, producer_user):
    shown = menus(client, producer_user)
    assert "Cơ sở của tôi" in shown and ocop_menus(shown) == {}


def test_an_administrator_sees_the_three_menus(client, staff_user):
    assert ocop_menus(menus(client, staff_user)) == {
        "Duyệt OCOP": entries(REVIEW),
        "Tài chính": entries(FINANCE),
        "Vận hành": entries(OPERATIONS),
    }
