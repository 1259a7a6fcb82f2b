"""Walking a buyer through Oscar's checkout pages with Django's test client, as the browser does."""

from django.urls import reverse
from oscar.core.loading import get_model

from shop.core.addresses import ward_choices

Product = get_model("catalogue", "Product")

LAO_CAI = 15


def lao_cai_address(**overrides):
    ward_code = ward_choices(LAO_CAI)[0][0]
    fields = {
        "first_name": "Nguyễn Văn An",
        "phone_number": "0912345678",
        "province_code": LAO_CAI,
        "ward_code": ward_code,
        "line1": "Số 5 đường Hoàng Liên",
    }
    fields.update(overrides)
    return fields


def buyable_products(count=1, min_stock=5, shipped=True, exclude=()):
    """Listed demo products with stock, each of a different producer when possible."""
    from catalogue.listing import for_sale

    products = (
        for_sale(Product.objects.exclude(pk__in=[pk for pk in exclude if pk]))
        .filter(stockrecords__num_in_stock__gte=min_stock, product_class__requires_shipping=shipped)
        .order_by("stockrecords__partner_id", "upc")
    )
    chosen, partners = [], set()
    for product in products:
        partner = product.stockrecords.first().partner_id
        if partner in partners and len({*partners}) < count:
            continue
        chosen.append(product)
        partners.add(partner)
        if len(chosen) == count:
            break
    assert len(chosen) == count, "the demo has too few products in stock"
    return chosen


def add_to_basket(client, product, quantity=1):
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    assert response.status_code == 302, response


def reach_preview(client, method="cod", email="khach.vang.lai@example.vn", address=None, guest=True):
    """From a filled basket to the preview page (guest checkout unless the client is logged in)."""
    if guest:
        response = client.post(
            reverse("checkout:index"), {"username": email, "options": "anonymous", "personal_data_consent": "on"}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(reverse("checkout:shipping-address"), address or lao_cai_address())
    assert response.status_code == 302, _errors(response)
    response = client.get(reverse("checkout:shipping-method"))
    assert response.status_code == 302, _errors(response)
    response = client.post(reverse("checkout:payment-method"), {"method": method})
    assert response.status_code == 302, _errors(response)
    assert response["Location"] == reverse("checkout:preview"), (
        response["Location"],
        [str(m) for m in response.wsgi_request._messages],
    )
    return client.get(reverse("checkout:preview"))


def place_order(client, preview=None):
    """Press "Đặt hàng" on the preview (fetched now unless given), sending its fields as the browser does."""
    preview = preview if preview is not None else client.get(reverse("checkout:preview"))
    return client.post(reverse("checkout:preview"), {"action": "place_order", **confirmed_quote(preview)})


def confirmed_quote(preview):
    """The preview form's signed quote of what the buyer was shown."""
    import re

    found = re.search(r'name="confirmed_quote" value="([^"]*)"', preview.content.decode())
    assert found, "the preview carries no confirmed quote"
    return {"confirmed_quote": found.group(1)}


def _errors(response):
    context = getattr(response, "context", None)
    form = context.get("form") if context else None
    return form.errors if form is not None else response.content.decode()[:2000]


def producer_actor(partner):
    """Someone who may act for the producer in the portal: its director, a member or an assistant."""
    return partner.director or partner.users.first() or partner.assistants.first()
