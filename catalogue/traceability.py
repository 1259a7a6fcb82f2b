"""Traceability: the public origin page of a product and the QR codes that lead to it.

A producer prints the QR code on packaging or shows it at a fair; scanning it opens
the product's origin page (producer, commune, OCOP certificate, production story).
The QR functions return bytes so the views stay thin and the codes can be made
anywhere (a command, a label sheet) without a request.
"""

import io

import qrcode
from django.urls import reverse
from oscar.core.loading import get_model
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.pil import PilImage
from qrcode.image.svg import SvgPathFillImage

from catalogue import listing

Product = get_model("catalogue", "Product")

# Error correction M restores about 15% of a damaged code: enough for a scuffed
# label without making the code dense. The border is the 4-module quiet zone the
# QR standard asks for; box size 10 gives 10 px per module in the PNG and 1 mm per
# module in the SVG (a code about 4–5 cm wide, readable on packaging).
QR_ERROR_CORRECTION = ERROR_CORRECT_M
QR_BORDER = 4
QR_BOX_SIZE = 10


def published_products():
    """Products anyone may see: those for sale (catalogue.listing, the one rule)."""
    return listing.for_sale()


def origin_products():
    """Published products with what the origin page shows, in a fixed number of queries."""
    return (
        published_products()
        .select_related("parent", "product_class")
        .prefetch_related(
            "images",
            "ocop_certificates",
            "stockrecords__partner",
        )
    )


def origin_path(product):
    """The origin page's path in the active language (Vietnamese without a prefix)."""
    return reverse("catalogue:origin", kwargs={"product_slug": product.slug, "pk": product.pk})


def qr_code(data):
    """A QR code (qrcode.QRCode) for data, with the platform's error correction and border."""
    code = qrcode.QRCode(error_correction=QR_ERROR_CORRECTION, box_size=QR_BOX_SIZE, border=QR_BORDER)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_png(data):
    """The QR code for data as PNG bytes (black on white, 1 bit per pixel)."""
    stream = io.BytesIO()
    qr_code(data).make_image(image_factory=PilImage).save(stream, format="PNG")
    return stream.getvalue()


def qr_svg(data):
    """The QR code for data as a standalone SVG document (UTF-8 bytes, sized in mm for print).

    The background is filled white so the quiet zone survives on dark packaging.
    """
    stream = io.BytesIO()
    qr_code(data).make_image(image_factory=SvgPathFillImage).save(stream)
    return stream.getvalue()
