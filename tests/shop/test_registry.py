"""The provinces' counts of certified OCOP products (shop.registry): recording them by command and by the
dashboard form, the rules a count must keep, and which row the figures read (the latest)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from shop.registry import counts
from shop.registry.models import ProvinceRegistry, RegistryImport

pytestmark = pytest.mark.django_db

HANOI, LAO_CAI = 1, 15
URL = reverse("dashboard:ocop-registry-count")


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_the_demo_records_lao_cais_count_from_its_imported_list():
    row = counts.latest_by_province()[LAO_CAI]
    imported = RegistryImport.objects.get(province_code=LAO_CAI, dry_run=False)
    assert (row.certified_products, row.as_of) == (imported.certified_on_as_of, datetime.date(2025, 10, 31))
    assert imported.registry_count == row and row.certified_products > 100


def test_the_latest_date_wins_and_a_correction_of_the_same_list_replaces_it():
    counts.record_count(HANOI, 120, days(-30), "Quyết định 10/QĐ-UBND")
    counts.record_count(HANOI, 90, days(-300), "Danh sách năm trước")  # recorded later, but older data
    assert counts.latest_by_province()[HANOI].certified_products == 120
    counts.record_count(HANOI, 121, days(-30), "Quyết định 10/QĐ-UBND (đính chính)")
    assert counts.latest_by_province()[HANOI].certified_products == 121
    assert ProvinceRegistry.objects.filter(province_code=HANOI).count() == 3  # rows are kept, never edited


def test_a_count_breaking_the_rules_is_refused_with_the_rule_named():
    with pytest.raises(ValidationError) as refused:
        counts.record_count(99, -1, days(1), "  ")
    assert refused.value.message_dict == {
        "province_code": ["Mã tỉnh/thành phố 99 không có trong danh mục 2025."],
        "certified_products": ["Số sản phẩm OCOP phải là số nguyên không âm."],
        "as_of": ["Ngày của số liệu không được sau hôm nay."],
        "source": ["Ghi rõ nguồn số liệu (quyết định hoặc danh sách của tỉnh)."],
    }


def test_the_command_records_a_count(capsys):
    call_command(
        "record_registry_count", "--province", "1", "--count", "150", "--as-of", "2026-01-15", "--source", "QĐ 5/UBND"
    )
    row = counts.latest_by_province()[HANOI]
    assert (row.certified_products, row.as_of, row.source, row.imported_by) == (
        150,
        datetime.date(2026, 1, 15),
        "QĐ 5/UBND",
        None,
    )
    assert "Thành phố Hà Nội: 150 sản phẩm OCOP (số liệu ngày 15/01/2026, QĐ 5/UBND)" in capsys.readouterr().out


def test_the_command_refuses_an_unknown_province():
    with pytest.raises(CommandError, match="Mã tỉnh/thành phố 99 không có trong danh mục 2025."):
        call_command(
            "record_registry_count", "--province", "99", "--count", "1", "--as-of", "2026-01-15", "--source", "x"
        )
    assert not ProvinceRegistry.objects.filter(province_code=99).exists()


def test_an_administrator_records_a_count_on_the_dashboard(client, staff_user):
    client.force_login(staff_user)
    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        {"province_code": HANOI, "certified_products": 130, "as_of": days(-2).isoformat(), "source": "QĐ 7/QĐ-UBND"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("dashboard:ocop-figures")
    row = counts.latest_by_province()[HANOI]
    assert (row.certified_products, row.imported_by) == (130, staff_user)
    page = client.get(reverse("dashboard:ocop-figures")).content.decode()
    assert f"theo danh sách ngày {days(-2):%d/%m/%Y}" in page and "QĐ 7/QĐ-UBND" in page


def test_the_form_shows_the_rule_a_count_breaks(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        URL, {"province_code": HANOI, "certified_products": 130, "as_of": days(3).isoformat(), "source": "QĐ 7"}
    )
    assert response.status_code == 200
    assert "Ngày của số liệu không được sau hôm nay." in response.content.decode()
    assert HANOI not in counts.latest_by_province()


def test_a_reviewer_without_the_registry_permission_may_not_record(reviewer_client):
    assert reviewer_client.get(URL).status_code in (302, 403)
    reviewer_client.post(
        URL, {"province_code": HANOI, "certified_products": 1, "as_of": days(-1).isoformat(), "source": "x"}
    )
    assert HANOI not in counts.latest_by_province()
    assert (
        reverse("dashboard:ocop-registry-count")
        not in reviewer_client.get(reverse("dashboard:ocop-figures")).content.decode()
    )
