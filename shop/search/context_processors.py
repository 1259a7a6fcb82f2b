from oscar.core.loading import get_class

SearchForm = get_class("search.forms", "SearchForm")


def search_form(request):
    """The header search box on every page, filled with the current query."""
    return {"search_form": SearchForm(request.GET or None)}
