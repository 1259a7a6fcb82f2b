"""Figures per province and the national table (issue 23): an officer sees their province's figures only (another
province asked for by URL is ignored, the CSV too); the national role sees one row per province of the 34 with
known numbers, a chart beside it, and may pick one province; the page's query count does not grow with the number
of provinces."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.core.addresses import ward_choices
from shop.dashboard.review import figures as service
from shop.registry.counts import record_count
from tests import factories
from tests.shop import file_jobs

pytestmark = pytest.mark.django_db

OcopCertificate = get_model("catalogue", "OcopCertificate")
HANOI, THANH_HOA, LAO_CAI = 1, 38, 15
URL = reverse("dashboard:ocop-figures")


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def producer_in(province, name):
    return factories.producer(name, province_code=province, ward_code=ward_choices(province)[0][0])


def expiring_soon(product, in_days=10):
    OcopCertificate.objects.filter(product=product).update(expires_on=days(in_days))


@pytest.fixture
def provinces(db):
    """Hà Nội: ★3 and ★5 on sale, a ★4 certified but waiting (not listed), registry 10. Thanh Hóa: one ★4 on sale
    expiring in 10 days, registry 4."""
    hanoi = producer_in(HANOI, "Hợp tác xã Quế Ba Vì")
    made = {
        "hanoi_3": factories.product(hanoi, title="Tinh dầu quế Ba Vì", stars=3),
        "hanoi_5": factories.product(hanoi, title="Trà hoa vàng Ba Vì", stars=5),
        "hanoi_waiting": factories.submitted_product(hanoi, title="Miến dong Minh Hồng"),
    }
    OcopCertificate.objects.filter(product=made["hanoi_waiting"]).update(review=OcopCertificate.Review.APPROVED)
    thanh_hoa = producer_in(THANH_HOA, "Hợp tác xã Nem chua Thanh Hóa")
    made["thanh_hoa_4"] = factories.product(thanh_hoa, title="Nem chua Thọ Xuân", stars=4)
    expiring_soon(made["thanh_hoa_4"])
    record_count(HANOI, 10, days(-5), "QĐ số 1/QĐ-UBND Hà Nội")
    record_count(THANH_HOA, 4, days(-3), "QĐ số 2/QĐ-UBND Thanh Hóa")
    return made


def national_row(figures, code):
    return next(row for row in figures.national if row.province_code == code)


def test_the_national_table_has_every_province_with_known_numbers(provinces):
    national = factories.officer(national=True)
    figures = service.figures_for(national)
    assert len(figures.national) == 34 and figures.province is None
    hanoi, thanh_hoa = national_row(figures, HANOI), national_row(figures, THANH_HOA)
    assert (hanoi.certified, hanoi.certified_here, hanoi.listed, hanoi.star_counts, hanoi.expiring) == (
        10,
        3,
        2,
        [1, 1, 1],
        0,
    )
    assert str(hanoi.share) == "20.0"
    assert (thanh_hoa.certified, thanh_hoa.listed, thanh_hoa.star_counts, thanh_hoa.expiring) == (4, 1, [0, 1, 0], 1)
    assert str(thanh_hoa.share) == "25.0"
    ca_mau = national_row(figures, 96)  # no data at all: a row all the same, "no count yet"
    assert (ca_mau.certified, ca_mau.share, ca_mau.listed) == (None, None, 0)
    lao_cai = national_row(figures, LAO_CAI)  # the demo's: the same as Lào Cai's own figures
    own = service.programme_figures(provinces=frozenset({LAO_CAI}))
    assert (lao_cai.certified_here, lao_cai.listed) == (own.total_certified, own.total_listed)


def test_an_officer_sees_their_province_only(client, provinces):
    officer = factories.officer(HANOI)
    figures = service.figures_for(officer, requested_province=THANH_HOA)
    assert figures.province == HANOI and figures.national is None
    assert (figures.total_certified, figures.total_listed) == (3, 2)
    assert [row.province_code for row in figures.listing] == [HANOI]
    assert [(row.certified, row.listed) for row in figures.by_stars] == [(1, 1), (1, 0), (1, 1)]
    client.force_login(officer)
    text = client.get(URL + f"?province={THANH_HOA}").content.decode()
    assert "Số liệu của Thành phố Hà Nội" in text
    assert "Nem chua Thọ Xuân" not in text and "Thanh Hóa" not in text and "ocop-national-table" not in text


def test_the_national_role_picks_one_province(client, provinces):
    client.force_login(factories.officer(national=True))
    page = BeautifulSoup(client.get(URL).content, "html.parser")
    table = page.find(id="ocop-national-table")
    row = table.find("tr", attrs={"data-national-province": str(THANH_HOA)})
    cells = {cell["data-column"]: cell.get_text(strip=True) for cell in row.find_all("td")}
    assert cells["certified"] == "4" and cells["listed"] == "1" and cells["share"] == "25,0 %"
    assert cells["stars-4"] == "1" and cells["expiring"] == "1"
    assert page.find(attrs={"data-chart-province": str(THANH_HOA)}) is not None  # the chart beside the table
    assert len(table.find("tbody").find_all("tr")) == 34
    text = client.get(URL + f"?province={THANH_HOA}").content.decode()
    assert "Số liệu của Thanh Hóa" in text and "Nem chua Thọ Xuân" in text and "ocop-national-table" not in text


def test_sales_per_province_in_the_national_table(provinces, customer):
    factories.order(customer, provinces["hanoi_3"])
    period = service.Period(days(-1), days(0))
    figures = service.figures_for(factories.officer(national=True), period=period)
    hanoi_sales = service.sales(period, frozenset({HANOI}))
    assert hanoi_sales.revenue > 0 and national_row(figures, HANOI).revenue == hanoi_sales.revenue
    assert national_row(figures, THANH_HOA).revenue == 0


def test_the_csv_follows_the_officers_scope(client, provinces, django_capture_on_commit_callbacks):
    officer = factories.officer(HANOI)
    client.force_login(officer)
    query = {"date_from": days(-30).isoformat(), "date_to": days(0).isoformat(), "province": str(THANH_HOA)}
    _asked, job = file_jobs.submit(
        client, reverse("dashboard:ocop-figures-csv"), query, django_capture_on_commit_callbacks
    )
    _response, body = file_jobs.download(client, job)
    text = body.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Sản phẩm OCOP đang bán trên sàn", "Thành phố Hà Nội", "2", "sản phẩm"] in rows
    assert "Thanh Hóa" not in text and "Nem chua" not in text


def test_the_national_page_does_not_query_per_province(client, provinces):
    client.force_login(factories.officer(national=True))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    queries()  # caches warmed (menu, site)
    three = queries()  # Hà Nội, Thanh Hóa, Lào Cai
    for code, name in (
        (19, "Hợp tác xã Chè Tân Cương"),
        (40, "Hợp tác xã Nhút Thanh Chương"),
        (92, "Hợp tác xã Bánh tráng Cần Thơ"),
    ):
        expiring_soon(factories.product(producer_in(code, name)))
        record_count(code, 7, days(-1), "QĐ thử")
    assert queries() == three
