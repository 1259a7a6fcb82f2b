"""Province isolation sweep (issue 23): an officer of another province (Hà Nội, holding every permission a
provincial office has) walks every ``dashboard:ocop-*`` URL with the Lào Cai demo producer A's ids, by GET and by
POST: each answer is a refusal, a 404, or a page showing nothing of A's — and nothing of A's changes.

``test_every_ocop_url_is_in_the_province_sweep`` fails when an OCOP dashboard URL is added without a place
here, so the sweep stays complete (the same walk of the resolver as tests/shop/portal/test_isolation_sweep.py).
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.registry.models import ProvinceRegistry
from shop.users.models import OfficerProvince
from tests import factories
from tests.shop.portal.test_isolation_sweep import (  # noqa: F401 (producer_a is a fixture)
    A_OBJECT_URLS,
    ADMIN_URLS,
    PRODUCER_PAGES,
    _fingerprint,
    _hostile_posts,
    _our_dashboard_url_names,
    producer_a,
)

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")
HANOI, LAO_CAI = 1, 15

# URL name → kwargs naming A's objects, for the URLs the portal sweep does not know (added by issue 23).
OFFICE_URLS = {
    "ocop-officers": lambda a: {},
    "ocop-communes": lambda a: {},
    "ocop-commune": lambda a: {"province": a["producer"].province_code, "ward": a["producer"].ward_code},
}
OFFICE_PERMISSIONS = (
    ("catalogue", "review_ocop_product"),
    ("partner", "change_partner"),
    ("registry", "add_provinceregistry"),
)


def _kwargs(name, a):
    for table in (A_OBJECT_URLS, ADMIN_URLS, OFFICE_URLS):
        if name in table:
            return table[name](a)
    return {}


def _all_ocop_names():
    return sorted(name for name in _our_dashboard_url_names() if name.startswith("ocop-"))


@pytest.fixture
def hanoi_office():
    officer = factories.officer(HANOI, "van-phong-ha-noi@example.vn")
    officer.user_permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=code) for app, code in OFFICE_PERMISSIONS]
    )
    return type(officer).objects.get(pk=officer.pk)


def _office_fingerprint(a):
    """A's data, plus what an office decides about it: certificates revoked, the province's count, officers."""
    products = Product.objects.filter(stockrecords__partner=a["producer"])
    return {
        **_fingerprint(a),
        "revoked": list(
            OcopCertificate.objects.filter(product__in=products).order_by("pk").values_list("pk", "revoked_at")
        ),
        "registry": ProvinceRegistry.objects.filter(province_code=LAO_CAI).count(),
        "officers": sorted(OfficerProvince.objects.values_list("user_id", "province_code")),
        "kept": list(products.order_by("pk").values_list("pk", "kept_on_sale_until")),
    }


def _office_posts(a):
    """The hostile bodies of the portal sweep, and those naming A's certificates and the province's records."""
    certificates = list(
        OcopCertificate.objects.filter(product__stockrecords__partner=a["producer"]).values_list(
            "pk", "decision_number"
        )
    )
    lao_cai_officer = OfficerProvince.objects.filter(province_code=LAO_CAI).first()
    today = timezone.localdate().isoformat()
    office = {
        "certificate": certificates[0][0],
        "certificates": [pk for pk, _number in certificates],
        "numbers": "\n".join(number for _pk, number in certificates),
        "decision_number": "1/QĐ-THU",
        "decision_date": today,
        "until": today,
        "products": "stop",
        "province_code": LAO_CAI,
        "certified_products": 1,
        "as_of": today,
        "source": "Thử",
        "assignment": lao_cai_officer.pk if lao_cai_officer else "",
        "seen": "",
    }
    bodies = [{**body, **office} for body in _hostile_posts(a)]
    extra = ["approve", "reject", "request_changes", "approve_certificate", "reject_certificate"]
    extra += ["revoke_certificate", "assign", "unassign"]
    bodies += [{**bodies[0], "action": action} for action in extra]
    bodies += [{**bodies[0], "step": step} for step in ("check", "revoke")]
    return bodies


def _text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig", errors="replace")


def test_every_ocop_url_is_in_the_province_sweep():
    known = set(A_OBJECT_URLS) | set(ADMIN_URLS) | PRODUCER_PAGES | set(OFFICE_URLS)
    assert set(_all_ocop_names()) <= known, "classify the new URL in OFFICE_URLS"


@pytest.mark.parametrize("url_name", _all_ocop_names())
def test_an_officer_of_another_province_sees_and_changes_nothing_of_a(client, producer_a, hanoi_office, url_name):  # noqa: F811
    url = reverse(f"dashboard:{url_name}", kwargs=_kwargs(url_name, producer_a))
    before = _office_fingerprint(producer_a)
    client.force_login(hanoi_office)
    response = client.get(url)
    assert response.status_code in (200, 302, 403, 404, 405), response.status_code
    if response.status_code == 200:
        text = _text(response)
        for title in Product.objects.filter(stockrecords__partner=producer_a["producer"]).values_list(
            "title", flat=True
        ):
            assert title not in text, f"{url_name} shows A's product {title}"
        assert producer_a["producer"].name not in text, f"{url_name} shows A"
        assert producer_a["order"].number not in text
    for body in _office_posts(producer_a):
        response = client.post(url, body)
        if response.status_code in (200, 400):
            assert producer_a["producer"].name not in _text(response), (url_name, body.get("action"))
    assert _office_fingerprint(producer_a) == before


def test_a_lao_cai_officer_sees_a_where_the_hanoi_one_does_not(client, producer_a, reviewer):  # noqa: F811
    """The sweep's negative is real: A's own office finds A on the same pages."""
    client.force_login(reviewer)
    assert producer_a["producer"].name in client.get(reverse("dashboard:ocop-producers")).content.decode()
    detail = reverse("dashboard:ocop-review-detail", kwargs={"pk": producer_a["product"].pk})
    assert client.get(detail).status_code == 200
