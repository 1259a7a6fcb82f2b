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


# The Vietnamese alphabet's order (with the Latin letters it lacks where Latin puts them): ă and â after a, đ after d.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}  # breve, circumflex, horn
_TONES = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # none, huyền, hỏi, ngã, sắc, nặng


def vietnamese_sort_key(value):
    """Sorts as a Vietnamese reader expects (the dictionary's order): letters first — "Đà Nẵng" after "Dương" and
    before "Gia Lai", "Ă" after "A" — then tones. Python's sort puts "Đ" after "Z" (its code point)."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", normalize(value)):
        if char in _TONES and char:
            tones[-1:] = [_TONES[char]] if tones else []
        elif char in _LETTER_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + char)
        else:
            letters.append(char)
            tones.append(0)
    ranks = tuple((_ALPHABET.index(letter) + 1, "") if letter in _ALPHABET else (0, letter) for letter in letters)
    return ranks, tuple(tones)


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
