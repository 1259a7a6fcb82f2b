"""Text helpers for Vietnamese: folding, slugs, and the folded text search compares (the search index, the
database fallback, ``Product.search_folded`` and the choosers all fold the same way)."""

import unicodedata

from django.utils.text import slugify

# Letters that Unicode does not decompose to an ASCII base letter.
_VIETNAMESE_FOLDS = str.maketrans({"đ": "d", "Đ": "D"})


def fold_vietnamese(value):
    """Strip Vietnamese diacritics: "Đặc sản Sa Pa" → "Dac san Sa Pa"."""
    value = str(value).translate(_VIETNAMESE_FOLDS)
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def ascii_slugify(value, allow_unicode=False):
    """Slug for URLs: Vietnamese folded to ASCII ("đ" → "d", never "u0111").

    Signature matches Oscar's OSCAR_SLUG_FUNCTION; unicode slugs are never
    produced because ASCII URLs survive copying into chat apps and SMS.
    """
    return slugify(fold_vietnamese(value))


def normalize(text):
    """NFC and lowercase: "Mật ong" typed in any Unicode form compares equal."""
    return unicodedata.normalize("NFC", str(text or "")).lower()


def fold(text):
    """Lowercase ASCII folding: "Đặc sản Sa Pa" → "dac san sa pa". (The minimal Elasticsearch used in tests
    has no asciifolding, so search folds here and stores the result in dedicated fields.)"""
    return fold_vietnamese(normalize(text)).lower()


def folded_product_text(title, description, attributes=""):
    """What the database backend searches: title, description without markup, and attribute
    values, folded."""
    from django.utils.html import strip_tags

    return fold(f"{title or ''} {strip_tags(description or '')} {attributes or ''}".strip())
