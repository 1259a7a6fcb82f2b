"""Text helpers for Vietnamese."""
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
