"""Money in one place: the one rounding rule and the one formatter for amounts in đồng (VND).

- **Whole đồng** (``to_dong``): the đồng has no minor unit in use (ISO 4217 lists VND with 0 decimals;
  banks, VietQR, VNPay and invoices carry whole đồng), so every amount that is paid, refunded, settled or
  shown is a whole number of đồng. Amounts are computed in ``Decimal`` (never float) and rounded once,
  here.
- **Half up** (``ROUND_HALF_UP``, halves away from zero: 61.728,5 → 61.729; −0,5 → −1): the rule of the
  monthly settlements (commission, withheld VAT and PIT under Decree 117/2025 are each rounded to a whole
  đồng this way, as tax amounts are rounded in practice), and so the rule everywhere else, so that a
  figure on an invoice, a portal page, an email and a settlement statement never differ by one đồng.
- **One formatter** (``format_vnd``): "1.234.567 ₫" — Babel through Oscar's ``currency`` filter with
  ``settings.OSCAR_CURRENCY_FORMAT`` (dot thousands, no decimals, the sign after, vi_VN whatever the page
  language). Templates use the same filter (``{% load currency_filters %}{{ amount|currency }}``); Python
  code (PDF invoices, admin messages, activity notes, notices built with ``gettext``) calls
  ``format_vnd``, which first applies ``to_dong`` (Babel alone would round halves to even). Never build
  "… ₫" by hand: ``tests/shop/test_money.py`` sweeps the code for it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from oscar.templatetags.currency_filters import currency

WHOLE_DONG = Decimal("1")


def to_dong(value: Decimal | int | str | None) -> int:
    """``value`` (Decimal, int or numeric str; None counts as 0) as an int of whole đồng, halves up.

    Floats are refused: money never passes through binary floating point.
    """
    if value is None:
        return 0
    if isinstance(value, float):
        raise TypeError("Money amounts must be Decimal, int or str, not float.")
    try:
        amount = Decimal(value) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise ValueError(f"Not an amount of money: {value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"Not an amount of money: {value!r}")
    return int(amount.quantize(WHOLE_DONG, rounding=ROUND_HALF_UP))


def whole_percent(part: Decimal | int, whole: Decimal | int) -> int:
    """``part`` as a whole per cent of ``whole`` (a discount's "-10%"), halves up like money."""
    return int((Decimal(part) * 100 / Decimal(whole)).quantize(WHOLE_DONG, rounding=ROUND_HALF_UP))


def format_vnd(value: Decimal | int | str | None) -> str:
    """``value`` rounded to whole đồng (``to_dong``) and shown as the site shows money: "1.234.567 ₫"."""
    return currency(Decimal(to_dong(value)), "VND")


# --- The amount in words (an invoice's "số tiền bằng chữ": the e-invoice's TgTTTBChu) -------------------------

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_SCALES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]


def dong_in_words(amount: int) -> str:
    """The amount in Vietnamese words, as an invoice writes it (TgTTTBChu): 1234567 → "Một triệu hai trăm
    ba mươi bốn nghìn năm trăm sáu mươi bảy đồng"."""
    if amount == 0:
        return "Không đồng"
    sign, amount = ("Âm " if amount < 0 else ""), abs(amount)
    groups = []
    while amount:
        groups.append(amount % 1000)
        amount //= 1000
    words = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            words += [_group_words(groups[index], full=index < len(groups) - 1), _SCALES[index]]
    text = " ".join(word for word in words if word)
    return sign + text[0].upper() + text[1:] + " đồng"


def _group_words(number: int, full: bool) -> str:
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0 and units:
        if hundreds or full:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    elif tens > 1:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens > 0:
            words.append("lăm")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)
