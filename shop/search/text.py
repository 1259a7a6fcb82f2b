"""Vietnamese text for search, prepared in Python.

The minimal Elasticsearch distribution used in tests has only the standard
analyzer and the lowercase filter (no asciifolding), so folding happens here
and is stored in dedicated fields; the database backend folds the same way.
"""
import unicodedata

from shop.core.text import fold_vietnamese


def normalize(text):
    """NFC and lowercase: "Mật ong" typed in any Unicode form compares equal."""
    return unicodedata.normalize("NFC", str(text or "")).lower()


def fold(text):
    """Lowercase ASCII folding: "Đặc sản Sa Pa" → "dac san sa pa"."""
    return fold_vietnamese(normalize(text)).lower()


def folded_product_text(title, description, attributes=""):
    """What the database backend searches: title, description without markup, and attribute
    values, folded."""
    from django.utils.html import strip_tags

    return fold(f"{title or ''} {strip_tags(description or '')} {attributes or ''}".strip())
