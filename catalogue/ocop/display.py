"""How a product presents itself to the public when no certificate backs its OCOP mark.

A product sold without a valid certificate (an administrator's decision to keep it on sale,
``Product.kept_on_sale_until``) is a plain local product: no OCOP mark, no stars, and no OCOP wording in
what names it — its title on cards, its page, the page ``<title>``, Open Graph and schema.org data, its
pictures' alternative text and captions. ``public_title`` and ``public_text`` are that rule; templates
use them through the ``ocop_display`` filters. The stored title is left as the producer wrote it (the
dashboard and orders show it), and a product whose certificate backs the mark shows it unchanged.
"""

import re

from django.utils import timezone

# "OCOP", star glyphs, and star ratings written out: "4 sao", "4-sao", "hạng 4 sao", "4 stars", "4-star", "5*".
_OCOP_WORDING = re.compile(
    r"(?:\bhạng\s*)?\b[1-5]\s*-?\s*(?:sao|stars?)\b"
    r"|\b(?:sản\s+phẩm\s+|đạt\s+(?:chuẩn\s+)?)?OCOP\b"
    r"|\b[1-5]\s*[★☆⭐*]"
    r"|[★☆⭐]+",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\(\s*[-–—·,:/|]*\s*\)|\[\s*[-–—·,:/|]*\s*\]")
_SEPARATORS = "-–—·,:/|"


def strip_ocop_wording(text):
    """``text`` without "OCOP", stars and "n sao", and without the brackets or separators they leave."""
    text = _OCOP_WORDING.sub(" ", text or "")
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = re.sub(r"\s+([,.:;)\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"\s*([-–—·|/])(\s*[-–—·|/])+\s*", r" \1 ", text)  # "Chè – – Sa Pa" → "Chè – Sa Pa"
    text = " ".join(text.split())
    return text.strip(" " + _SEPARATORS).strip()


def bears_mark(product, today=None):
    """A certificate backs the product's OCOP mark on ``today`` (prefetched certificates: no query)."""
    return product.current_certificate(today=today or timezone.localdate()) is not None


def public_text(product, text, today=None):
    """``text`` naming ``product`` as the public may read it: unchanged while a certificate backs the
    mark, without OCOP wording otherwise (an empty result falls back to the text as it was)."""
    if not text or bears_mark(product, today):
        return text
    return strip_ocop_wording(text) or text


def public_title(product, today=None):
    """The product's title as shown to the public (``Product.get_title``, OCOP wording removed when no
    certificate backs the mark)."""
    return public_text(product, product.get_title(), today)


def public_meta_title(product, today=None):
    """The page ``<title>`` of the product (``Product.get_meta_title``), by the same rule."""
    return public_text(product, product.get_meta_title(), today)
