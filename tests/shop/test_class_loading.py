"""Oscar's class loader finds, in our forked apps, every module the storefront and checkout ask it for.

``get_class("offer.benefits", …)`` first imports ``shop.offer.benefits``; when that module does not exist the
import fails, and Python searches the whole import path again at every call (a failed import is not remembered):
each offer's ``proxy()`` did so on every page that prices a product under an offer, ~45 times per product page."""

from collections import Counter

import pytest
from django.test import Client

from tests.shop.checkout.journey import add_to_basket, buyable_products, reach_preview

pytestmark = pytest.mark.django_db


def test_no_module_oscar_looks_for_is_missing_on_storefront_pages_and_checkout(customer, monkeypatch):
    import oscar.core.loading as loading

    real = loading._import_module
    missing = Counter()

    def recording(module_label, classnames):
        module = real(module_label, classnames)
        if module is None:
            missing[module_label] += 1
        return module

    products = buyable_products(2)
    signed_in = Client()
    signed_in.force_login(customer)
    add_to_basket(signed_in, products[0], 1)
    anonymous = Client()
    pages = ["/", "/catalogue/", products[1].get_absolute_url(), "/search/?q=mat+ong", "/basket/"]

    def visit(email):
        for page in pages:
            assert signed_in.get(page).status_code == 200
            assert anonymous.get(page).status_code == 200
        guest = Client()
        add_to_basket(guest, products[1], 1)
        reach_preview(guest, method="cod", email=email)

    visit("khach.lan.dau@example.vn")  # first uses import what they import once
    monkeypatch.setattr(loading, "_import_module", recording)
    visit("khach.lan.hai@example.vn")
    assert not missing, f"modules looked for on every call: {dict(missing)}"
