"""The provincial offices' pages at national size (issue 23): the programme figures and the review queue answer
in a number of queries that does not grow with the provinces, producers and products — for the national role
(every province, the national table) and for one province's officer. bench/national_scale.py measures the
same pages with 34 provinces and 17,000 products."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalogue.ocop import review_version, workflow
from shop.core import addresses
from shop.users.models import OfficerProvince
from tests import factories

pytestmark = pytest.mark.django_db

HA_NOI, THANH_HOA = 1, 38  # the officer's province and a second one
MORE_PROVINCES = (19, 40, 56, 92)  # Thái Nguyên, Nghệ An, Khánh Hòa, Cần Thơ
PAGES = ("dashboard:ocop-figures", "dashboard:ocop-review-queue")
# Far above what either page needs today (figures ~16, queue ~10): a page reading per province or per
# producer passes 40 with the six provinces below.
BOUND = 40


def _staff(*permissions):
    user = factories.user()
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in permissions]
    )
    return user


@pytest.fixture
def national():
    return _staff(("catalogue", "review_ocop_product"), ("users", "see_all_provinces"))


@pytest.fixture
def officer():
    user = _staff(("catalogue", "review_ocop_product"))
    OfficerProvince.objects.create(user=user, province_code=HA_NOI)
    return user


def _grow(provinces, national, producers_each=2):
    """In each province: producers, each with a product on sale and one waiting in the review queue."""
    for province in provinces:
        wards = addresses.ward_choices(province)
        for number in range(producers_each):
            producer = factories.producer(province_code=province, ward_code=wards[number][0])
            listed = factories.product(of=producer, on_sale=False, stars=3 + number % 2)
            workflow.submit(listed, producer.director)
            workflow.approve(listed, national, seen=review_version.token(listed))
            factories.submitted_product(of=producer)


def _queries(client, path):
    client.get(path)  # warm: caches filled as in a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["national", "officer"])
def test_queries_do_not_grow_with_provinces_and_producers(client, page, role, request, national):
    user = request.getfixturevalue(role)
    client.force_login(user)
    path = reverse(page)
    _grow((HA_NOI, THANH_HOA), national)
    two_provinces = _queries(client, path)
    _grow((HA_NOI, *MORE_PROVINCES), national)  # more of the officer's own producers too
    six_provinces = _queries(client, path)
    assert six_provinces <= two_provinces <= BOUND


def test_the_officer_sees_only_the_province_s_queue(client, officer, national):
    """The same page, scoped: growing other provinces adds nothing to the officer's queue."""
    _grow((HA_NOI,), national, producers_each=1)
    client.force_login(officer)
    before = client.get(reverse("dashboard:ocop-review-queue")).content.decode()
    _grow(MORE_PROVINCES, national, producers_each=1)
    after = client.get(reverse("dashboard:ocop-review-queue")).content.decode()
    assert before.count("Mật ong bạc hà thử nghiệm") == 1
    assert after.count("Mật ong bạc hà thử nghiệm") == before.count("Mật ong bạc hà thử nghiệm")
