"""The total the buyer confirmed: an order is placed only at what the preview showed.

Between the preview and "Đặt hàng" a producer may change a price, an administrator a shipping rate, and an
offer may end. The preview page carries a signed *quote* of what it shows — each line (product, quantity,
unit price, price after discounts), the offers and their discounts, the shipping charge and the total —
and placing the order first recomputes the quote from the current basket: any difference (or a missing or
forged quote) shows the preview again with the changes listed, and the buyer confirms the new figures.

The quote is compared in the request; the window left between that comparison and the stock records being
locked in ``order.utils.OrderCreator`` is closed there: the prices of the locked records must still be the
ones the basket was priced at (``PricesChanged``).
"""

from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core.money import format_vnd, to_dong

Order = get_model("order", "Order")

SALT = "ocop.checkout.confirmed-quote"
FIELD = "confirmed_quote"
# A preview older than this is shown again before placing (prices are re-read anyway).
MAX_AGE = 60 * 60


def _amount(value):
    return str(to_dong(value))


def quote(basket, shipping_charge, order_total):
    """What the preview shows, as plain data."""
    lines = {}
    for line in basket.all_lines():
        lines[line.line_reference] = {
            "title": line.product.get_title(),
            "quantity": line.quantity,
            "unit": _amount(line.unit_price_incl_tax),
            "total": _amount(line.line_price_incl_tax_incl_discounts),
        }
    discounts = {}
    for discount in list(basket.offer_discounts) + list(basket.voucher_discounts):
        name = str(discount["name"])
        discounts[name] = _amount(Decimal(discounts.get(name, 0)) + discount["discount"])
    return {
        "basket": basket.id,  # which basket was shown: a repeated "Đặt hàng" finds the order placed from it
        "lines": lines,
        "discounts": discounts,
        "shipping": _amount(shipping_charge.incl_tax if shipping_charge is not None else 0),
        "total": _amount(order_total.incl_tax),
    }


def sign(shown):
    return signing.dumps(shown, salt=SALT, compress=True)


def confirmed(token):
    """The quote the buyer confirmed, or None when the token is missing, forged or too old."""
    try:
        return signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None


def order_placed_from(token, request):
    """The order already placed from the basket this confirmed quote was shown for, when it is this buyer's;
    else None. A "Đặt hàng" sent again — the browser retrying after the web node that placed the order died
    before answering, or a second click — finds it here and is shown that order, never a second one. The buyer
    is the account that placed it, or (a guest) the browser whose basket cookie still names that basket."""
    shown = confirmed(token)
    basket_id = shown.get("basket") if shown else None
    if not basket_id:
        return None
    order = Order.objects.filter(basket_id=basket_id).first()
    if order is None:
        return None
    if request.user.is_authenticated:
        return order if order.user_id == request.user.pk else None
    cookie = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN, "")
    try:
        cookie_basket = signing.Signer().unsign(cookie)
    except signing.BadSignature:
        return None
    return order if order.user_id is None and cookie_basket == str(basket_id) else None


def changes(shown, current):
    """What differs between the quote the buyer confirmed and the current one, as sentences for the buyer
    (empty when nothing does). ``shown`` None: the buyer confirmed nothing we can read."""
    if shown is None:
        return [_("Hãy xem lại đơn hàng và bấm “Đặt hàng” để xác nhận.")]
    said = []
    for reference, line in current["lines"].items():
        before = shown["lines"].get(reference)
        if before is None:
            said.append(_("Giỏ hàng có thêm “%(title)s”.") % {"title": line["title"]})
            continue
        if before["quantity"] != line["quantity"]:
            said.append(
                _("Số lượng “%(title)s” đã đổi từ %(before)s thành %(now)s.")
                % {"title": line["title"], "before": before["quantity"], "now": line["quantity"]}
            )
        elif before["unit"] != line["unit"]:
            said.append(
                _("Giá “%(title)s” đã đổi từ %(before)s thành %(now)s.")
                % {"title": line["title"], "before": _money(before["unit"]), "now": _money(line["unit"])}
            )
        elif before["total"] != line["total"]:
            said.append(
                _("Thành tiền “%(title)s” sau ưu đãi đã đổi từ %(before)s thành %(now)s.")
                % {"title": line["title"], "before": _money(before["total"]), "now": _money(line["total"])}
            )
    for reference, line in shown["lines"].items():
        if reference not in current["lines"]:
            said.append(_("“%(title)s” không còn trong giỏ hàng.") % {"title": line["title"]})
    for name in sorted(set(shown["discounts"]) | set(current["discounts"])):
        before, now = shown["discounts"].get(name), current["discounts"].get(name)
        if before == now:
            continue
        if now is None:
            said.append(_("Ưu đãi “%(name)s” không còn áp dụng.") % {"name": name})
        elif before is None:
            said.append(_("Ưu đãi “%(name)s” được áp dụng: giảm %(now)s.") % {"name": name, "now": _money(now)})
        else:
            said.append(
                _("Ưu đãi “%(name)s” đã đổi từ giảm %(before)s thành giảm %(now)s.")
                % {"name": name, "before": _money(before), "now": _money(now)}
            )
    if shown["shipping"] != current["shipping"]:
        said.append(
            _("Phí vận chuyển đã đổi từ %(before)s thành %(now)s.")
            % {"before": _money(shown["shipping"]), "now": _money(current["shipping"])}
        )
    if said or shown["total"] != current["total"]:
        said.append(
            _("Tổng cộng nay là %(now)s (trước đó %(before)s).")
            % {"before": _money(shown["total"]), "now": _money(current["total"])}
        )
    return said


def _money(amount):
    return format_vnd(amount)
