from functools import lru_cache

from django.utils import translation
from oscar.core.loading import get_class

SearchForm = get_class("search.forms", "SearchForm")


def search_form(request):
    """The header search box on every page, filled with the current query (``search_box``: the box's input).

    The empty box — every page but a search — is the same for every visitor of a language, so it is drawn once
    per process and language: Django's widget templates cost half a millisecond on every page (issue 20)."""
    form = SearchForm(request.GET or None)
    typed = request.GET.get("q")
    return {"search_form": form, "search_box": str(form["q"]) if typed else _empty_box(translation.get_language())}


@lru_cache(maxsize=8)
def _empty_box(language):
    """The empty search input in ``language`` (its placeholder and suggestion address are translated)."""
    return str(SearchForm()["q"])
