"""The national officer's figures page (issue 23) in a browser at 1280 px: the national table of the 34 provinces
with its chart, several provinces with data (made here besides the demo's Lào Cai), picking one province; with
``OCOP_SCREENSHOTS_DIR`` set it is captured as ``vi-1280-national-figures.jpg`` (docs/screenshots)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo.offices import NATIONAL_EMAIL, NATIONAL_PASSWORD
from shop.core.addresses import ward_choices
from shop.registry.counts import record_count
from tests import factories
from tests.e2e.conftest import DESKTOP, log_in
from tests.e2e.test_main_pages import JPEG_QUALITY, screenshots_dir

pytestmark = pytest.mark.django_db(transaction=True)

# (province, producer, products on sale, the province's registry count)
PROVINCES = (
    (1, "Hợp tác xã Quế Ba Vì", ("Tinh dầu quế Ba Vì", "Trà hoa vàng Ba Vì", "Miến dong Minh Hồng"), 48),
    (38, "Hợp tác xã Nem chua Thọ Xuân", ("Nem chua Thọ Xuân", "Nước mắm Hải Tiến"), 31),
    (40, "Hợp tác xã Nhút Thanh Chương", ("Nhút Thanh Chương", "Cam Vinh"), 22),
    (56, "Hợp tác xã Yến sào Khánh Hòa", ("Yến sào Cam Ranh",), 12),
)


def _provinces():
    for code, name, titles, count in PROVINCES:
        producer = factories.producer(name, province_code=code, ward_code=ward_choices(code)[0][0])
        for stars, title in zip((4, 3, 5), titles):
            factories.product(producer, title=title, stars=stars)
        record_count(code, count, timezone.localdate() - datetime.timedelta(days=20), "Quyết định công nhận của tỉnh")


def test_the_national_officer_compares_the_provinces(new_page):
    _provinces()
    page = new_page(viewport=DESKTOP)
    log_in(page, NATIONAL_EMAIL, NATIONAL_PASSWORD, next_url="/dashboard/ocop/figures/")
    page.goto("/dashboard/ocop/figures/")
    table = page.locator("#ocop-national-table")
    expect(table.locator("tbody tr")).to_have_count(34)
    expect(table.locator("tr[data-national-province='1'] [data-column='listed']")).to_have_text("3")
    expect(table.locator("tr[data-national-province='38'] [data-column='share']")).to_have_text("6,5 %")
    expect(page.locator(".ocop-national-chart [data-chart-province='1']")).to_be_visible()
    directory = screenshots_dir()
    if directory is not None:
        page.locator("#ocop-national").scroll_into_view_if_needed()
        page.screenshot(path=str(directory / "vi-1280-national-figures.jpg"), type="jpeg", quality=JPEG_QUALITY)
    page.select_option("#id_province", "38")
    page.get_by_role("button", name="Xem số liệu").click()
    expect(page.locator("#ocop-figures-scope")).to_contain_text("Thanh Hóa")
    expect(page.locator("#ocop-national-table")).to_have_count(0)
