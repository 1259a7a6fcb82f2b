"""The catalogue in two languages: which text a page shows, English or Vietnamese.

Design: products, categories and producers carry plain English twins of the fields the public reads
(``Product.title_en`` / ``description_en``, ``Category.name_en`` / ``description_en``,
``Partner.name_en`` / ``story_en``), not a Wagtail-style copy of each row per locale. A product is one
row for the sale rule, stock, prices, certificates and the review workflow; a copy per language would
have to keep all of that in step, while a twin field only changes what is shown. Vietnamese is the
source and is always filled; English is optional: a page in English shows the English text when it is
filled and the Vietnamese otherwise (``localized``). OCOP groups are code-defined
(``catalogue.programme.taxonomy``) and carry their English names there (``group_name``).

Search reads both languages whatever the page's language (``shop.search``): a shopper on ``/en/`` may
type "mật ong", one on a Vietnamese page "honey".

Pages cached for everyone are kept per language already (``shop.core.fragments``, the page cache).
"""

from django.utils import translation

ENGLISH = "en"


def is_english(language=None):
    """Whether ``language`` (default: the active one) is English."""
    return (language or translation.get_language() or "").split("-")[0] == ENGLISH


def localized(obj, field, language=None):
    """``obj.<field>_en`` on English pages when it is filled, ``obj.<field>`` otherwise."""
    if is_english(language):
        english = getattr(obj, f"{field}_en", "")
        if english and english.strip():
            return english
    return getattr(obj, field)


def group_name(group, language=None):
    """An OCOP group's (``taxonomy.Group``) name in the page's language."""
    return group.name_en if is_english(language) else group.name


def show_in_language(product, language=None):
    """``product`` with its description in the page's language, for a page that shows it (the product
    page's template reads ``product.description``). The title needs nothing: ``Product.get_title`` is
    localized. The instance is marked so that it is never saved with the shown text."""
    with translation.override(language or translation.get_language()):
        product.description = product.get_description()
    product.shown_in_language = True
    return product
