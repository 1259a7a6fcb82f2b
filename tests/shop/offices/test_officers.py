"""The national role assigns officers to provinces (page ``ocop-officers``, ``shop.users.offices.assign``): who
and when are recorded, ending an assignment is logged, a provincial officer may neither open the page nor assign
through the service, and a new assignment opens the province's producers to the officer at once."""

import logging

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from shop.users import offices
from shop.users.models import OfficerProvince
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:ocop-officers")
HANOI, LAO_CAI = 1, 15


@pytest.fixture
def national():
    user = factories.officer(national=True, email="trung-uong@example.vn")
    user.user_permissions.add(Permission.objects.get(codename="add_officerprovince", content_type__app_label="users"))
    return type(user).objects.get(pk=user.pk)


def test_the_national_role_assigns_and_ends_an_assignment(client, national, caplog):
    officer = factories.officer(province_code=None, email="can-bo-moi@example.vn")
    client.force_login(national)
    text = client.get(URL).content.decode()
    assert "can-bo-moi@example.vn" in text and "Chưa phụ trách tỉnh nào" in text
    response = client.post(URL, {"action": "assign", "email": "can-bo-moi@example.vn", "province_code": HANOI})
    assert response.status_code == 302
    row = OfficerProvince.objects.get(user=officer)
    assert (row.province_code, row.assigned_by) == (HANOI, national) and row.assigned_at is not None
    assert offices.provinces_of(type(officer).objects.get(pk=officer.pk)) == frozenset({HANOI})
    assert "Thành phố Hà Nội — " in client.get(URL).content.decode()
    with caplog.at_level(logging.INFO, logger="shop.users.offices"):
        response = client.post(URL, {"action": "unassign", "assignment": row.pk})
    assert response.status_code == 302 and not OfficerProvince.objects.filter(user=officer).exists()
    record = next(r for r in caplog.records if r.getMessage() == "officer province unassigned")
    assert (record.officer, record.province_code, record.by) == (officer.pk, HANOI, national.pk)


def test_bad_input_gets_a_vietnamese_error(client, national):
    client.force_login(national)
    response = client.post(URL, {"action": "assign", "email": "khong-co@example.vn", "province_code": HANOI})
    assert response.status_code == 400 and "Không có tài khoản nào với email này." in response.content.decode()
    customer = factories.customer("khach-hang@example.vn")
    response = client.post(URL, {"action": "assign", "email": customer.email, "province_code": HANOI})
    assert "Chỉ tài khoản quản trị mới được phân công phụ trách một tỉnh." in response.content.decode()
    officer = factories.officer(LAO_CAI, "lao-cai@example.vn")
    response = client.post(URL, {"action": "assign", "email": officer.email, "province_code": LAO_CAI})
    assert "lao-cai@example.vn đã phụ trách Lào Cai." in response.content.decode()
    assert not OfficerProvince.objects.filter(user=customer).exists()


def test_a_provincial_officer_cannot_assign(client, reviewer):
    client.force_login(reviewer)
    assert client.get(URL).status_code in (302, 403)
    client.post(URL, {"action": "assign", "email": reviewer.email, "province_code": HANOI})
    assert not OfficerProvince.objects.filter(user=reviewer, province_code=HANOI).exists()
    with pytest.raises(PermissionDenied):
        offices.assign(reviewer, HANOI, by=reviewer)
    row = OfficerProvince.objects.get(user=reviewer, province_code=LAO_CAI)
    with pytest.raises(PermissionDenied):
        offices.unassign(row, by=reviewer)
    assert URL not in client.get(reverse("dashboard:ocop-figures")).content.decode()  # no menu entry either


def test_the_menu_shows_the_page_to_the_national_role(client, national):
    client.force_login(national)
    assert URL in client.get(reverse("dashboard:ocop-figures")).content.decode()
