from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """The header search box and the sort order of every product listing."""

    RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, TITLE_ASC, STARS, BEST_SELLING = (
        "relevance",
        "newest",
        "price-asc",
        "price-desc",
        "title-asc",
        "stars",
        "best-selling",
    )
    SORT_CHOICES = [
        (RELEVANCE, _("Phù hợp nhất")),
        (NEWEST, _("Mới nhất")),
        (PRICE_ASC, _("Giá thấp đến cao")),
        (PRICE_DESC, _("Giá cao đến thấp")),
        (STARS, _("Nhiều sao OCOP nhất")),
        (BEST_SELLING, _("Bán chạy nhất")),
        (TITLE_ASC, _("Tên A–Z")),
    ]

    q = forms.CharField(
        label=_("Tìm kiếm"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Tìm chè, mật ong, thổ cẩm…"),
                "class": "form-control",
                "autocomplete": "off",
                "list": "search-suggestions",
                "data-suggest-url": reverse_lazy("search:suggest"),
            }
        ),
    )
    sort_by = forms.ChoiceField(
        label=_("Sắp xếp"), required=False, choices=SORT_CHOICES, widget=forms.Select(attrs={"class": "form-control"})
    )

    def __init__(self, data=None, *args, **kwargs):
        # A longer search is cut to the box's length (and the page says so: ``query_cut``) rather than
        # refused, which would drop it without a word.
        self.query_cut = False
        limit = self.base_fields["q"].max_length
        if data is not None and len(data.get("q", "").strip()) > limit:
            data = data.copy()
            data["q"] = data["q"].strip()[:limit]
            self.query_cut = True
        super().__init__(data, *args, **kwargs)

    def _cleaned(self, name):
        """One field's clean value, or None: an unknown sort order does not drop the query."""
        if not self.is_bound:
            return None
        self.is_valid()  # cleans every field; an invalid one is left out of cleaned_data
        return self.cleaned_data.get(name)

    def cleaned_query(self):
        return (self._cleaned("q") or "").strip()

    def cleaned_sort(self):
        return self._cleaned("sort_by") or self.RELEVANCE
