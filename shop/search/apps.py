from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig
from oscar.core.loading import get_class


class SearchConfig(OscarConfig):
    """Replaces Oscar's Haystack search app (label "search").

    Oscar's catalogue loads its browse views from ``search.views``, so this
    app serves the catalogue listing, category pages and search results.
    """

    label = "search"
    name = "shop.search"
    verbose_name = _("Tìm kiếm")
    namespace = "search"

    def ready(self):
        from shop.core import changes
        from shop.search import listeners

        # The indexes follow announced changes (the one place search imports shop.core.changes).
        changes.subscribe(
            changes.Listener(name="search", products=listeners.products_changed, pages=listeners.page_changed)
        )
        self.search_view = get_class("search.views", "SearchView")
        self.suggest_view = get_class("search.views", "SuggestView")

    def get_urls(self):
        return self.post_process_urls(
            [
                path("", self.search_view.as_view(), name="search"),
                path("suggest/", self.suggest_view.as_view(), name="suggest"),
            ]
        )
