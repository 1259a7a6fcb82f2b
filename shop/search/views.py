from urllib.parse import unquote

from django.contrib import messages
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, View
from oscar.core.loading import get_class, get_model

from catalogue.ocop.display import public_title
from shop.search import facets, pages
from shop.search.backends import get_product_search

SearchForm = get_class("search.forms", "SearchForm")
Category = get_model("catalogue", "Category")


class ProductListView(ListView):
    """A page of browsable products: the shared base of browse, category and search pages."""

    context_object_name = "products"
    paginate_by = 24
    categories = None

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        if self.form.query_cut:
            limit = self.form.fields["q"].max_length
            messages.warning(
                self.request,
                _("Từ khóa tìm kiếm dài quá %(limit)s ký tự: chỉ %(limit)s ký tự đầu được dùng để tìm.")
                % {"limit": limit},
            )
        self.selections = facets.selections_from(self.request.GET)
        self.results = get_product_search().search(
            query=self.form.cleaned_query(),
            categories=self.categories,
            sort=self.form.cleaned_sort(),
            selections=self.selections,
        )
        return self.results

    def paginate_queryset(self, queryset, page_size):
        """Announces the page to the results first, so one search request brings its hits, total and facets."""
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        try:
            number = int(page)
        except (TypeError, ValueError):
            number = 0  # "last" or garbage: the paginator decides
        if number > 0:
            queryset.expect(slice((number - 1) * page_size, number * page_size))
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["query"] = self.form.cleaned_query()
        context["facets"] = self._facets_with_links()
        context["selections"] = self.selections
        return context

    def _facets_with_links(self):
        """Each bucket gets the URL that toggles it, keeping the query, sort and other choices."""
        results = self.results.facets
        for facet in results:
            for bucket in facet.buckets:
                params = self.request.GET.copy()
                params.pop("page", None)
                values = params.getlist(facet.key)
                values = (
                    [v for v in values if v != bucket["value"]] if bucket["selected"] else [*values, bucket["value"]]
                )
                params.setlist(facet.key, values)
                bucket["url"] = "?" + params.urlencode()
        return results


class CatalogueView(ProductListView):
    template_name = "oscar/catalogue/browse.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("Tất cả sản phẩm")
        return context


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        self.categories = self.category.get_descendants_and_self()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.get_name()  # in the page's language (catalogue/translation.py)
        return context


class SearchView(ProductListView):
    """Search results: products (paged, faceted) and, in their own section, editorial pages."""

    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = _("Kết quả tìm kiếm")
        first_page = context["page_obj"] is None or context["page_obj"].number == 1
        listed = first_page and not self.selections
        context["articles"] = pages.listed_results(context["query"], self.request) if listed else []
        return context


class SuggestView(View):
    """Autocomplete for the header search box, as JSON: product titles and producers."""

    MIN_LENGTH, MAX_LENGTH = 2, 100

    def get(self, request):
        query = request.GET.get("q", "").strip()
        if len(query) > self.MAX_LENGTH:
            return JsonResponse({"error": _("Từ khóa quá dài (tối đa 100 ký tự).")}, status=400)
        if len(query) < self.MIN_LENGTH:
            return JsonResponse({"query": query, "products": [], "producers": []})
        found = get_product_search().suggest(query)
        response = JsonResponse(
            {
                "query": query,
                "products": [{"title": public_title(p), "url": p.get_absolute_url()} for p in found["products"]],
                "producers": found["producers"],
            }
        )
        response["Cache-Control"] = "public, max-age=60"
        return response
