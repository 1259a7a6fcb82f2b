import io

import qrcode
import qrcode.image.svg
from django import template
from django.utils.safestring import mark_safe

from payments import payouts, states
from shop.core import banks

register = template.Library()


@register.simple_tag
def order_payment(order):
    """The order's current payment (latest attempt) or None."""
    return states.payment_for_order(order)


@register.simple_tag
def payment_instructions(payment):
    """What the provider's instructions template needs (QR payload, bank account…)."""
    return payment.provider.instructions_context(payment)


@register.simple_tag
def qr_svg(data, label=""):
    """``data`` as an inline SVG QR code (no image request, sharp at any size, works offline)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg") :]  # drop the XML declaration: the SVG sits inside HTML
    title = f"<title>{template.defaultfilters.force_escape(label)}</title>" if label else ""
    svg = svg.replace(">", f' role="img" class="qr-code">{title}', 1)
    return mark_safe(svg)


@register.filter
def masked_account(number):
    """ "•••• 1234" (payments.payouts.mask_account): what the producer's pages and emails show of an account."""
    return payouts.mask_account(number)


@register.filter
def bank_name(bin_code):
    """The name of the bank with this NAPAS BIN (shop.core.banks), or ""."""
    found = banks.bank(bin_code)
    return found.name if found else ""
