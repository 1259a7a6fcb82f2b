from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """The header search box and the sort order of every product listing."""

    RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, TITLE_ASC, STARS, BEST_SELLING = (
        "relevance", "newest", "price-asc", "price-desc", "title-asc", "stars", "best-selling")
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
        label=_("Tìm kiếm"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Tìm chè, mật ong, thổ cẩm…"),
                                      "class": "form-control", "autocomplete": "off",
                                      "list": "search-suggestions",
                                      "data-suggest-url": reverse_lazy("search:suggest")}),
    )
    sort_by = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORT_CHOICES,
                                widget=forms.Select(attrs={"class": "form-control"}))

    def cleaned_query(self):
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    def cleaned_sort(self):
        return (self.cleaned_data.get("sort_by") or self.RELEVANCE) if self.is_valid() else self.RELEVANCE
