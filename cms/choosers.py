"""Choosers for editors: products and producers, as Wagtail chooser viewsets (modal, search, filters).

The product chooser lists only what the storefront lists (``catalogue.listing.for_sale``: approved,
verified producer, certificate or kept-on-sale), searchable by title and filterable by producer, OCOP
group and stars; the producer chooser lists published producers (``catalogue.listing.public_producers``:
verified, something for sale). Blocks built from them
(``ProductChooserBlock``, ``ProducerChooserBlock``) re-check the rule when a page renders, so a product
unpublished after it was chosen is skipped, not an error.
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalogue.listing import for_sale, public_producers
from catalogue.programme import rules, taxonomy
from shop.core.text import fold

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
OcopCertificate = get_model("catalogue", "OcopCertificate")


def chooser_producers():
    """Producers editors may feature: the published ones, by name (evaluated per request: the rule is dated)."""
    return public_producers().order_by("name")


def with_stars(products, stars):
    backing = OcopCertificate.objects.backing_mark_on(timezone.localdate()).filter(
        product=OuterRef("pk"), star_rating=stars
    )
    return products.filter(Exists(backing))


class ProductFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Tìm theo tên"), required=False)
    producer = forms.ModelChoiceField(label=_("Chủ thể"), queryset=Partner.objects.none(), required=False)
    group = forms.ChoiceField(
        label=_("Nhóm OCOP"),
        required=False,
        choices=[("", _("Tất cả"))] + [(g.key, g.name) for g in taxonomy.GROUPS_148],
    )
    stars = forms.TypedChoiceField(
        label=_("Hạng sao"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả"))] + [(s, f"{s}★") for s in rules.OCOP_STARS],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = chooser_producers()

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            objects = objects.filter(search_folded__icontains=fold(data["q"]))
        if data.get("producer"):
            objects = objects.filter(stockrecords__partner=data["producer"])
        if data.get("group"):
            objects = objects.filter(ocop_group=data["group"])
        if data.get("stars"):
            objects = with_stars(objects, data["stars"])
        return objects.distinct()


class ProductChooseMixin:
    filter_form_class = ProductFilterForm

    def get_object_list(self):
        return for_sale(Product.objects.all()).order_by("title")


class ProductChooseView(ProductChooseMixin, ChooseView):
    pass


class ProductChooseResultsView(ProductChooseMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = Product
    icon = "tag"
    choose_one_text = _("Chọn sản phẩm")
    choose_another_text = _("Chọn sản phẩm khác")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    per_page = 20


class ProducerFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Tìm theo tên"), required=False)

    def filter(self, objects):
        if self.cleaned_data.get("q"):
            objects = objects.filter(name__icontains=self.cleaned_data["q"])
        return objects


class ProducerChooseMixin:
    filter_form_class = ProducerFilterForm

    def get_object_list(self):
        return chooser_producers()


class ProducerChooseView(ProducerChooseMixin, ChooseView):
    pass


class ProducerChooseResultsView(ProducerChooseMixin, ChooseResultsView):
    pass


class ProducerChooserViewSet(ChooserViewSet):
    model = Partner
    icon = "group"
    choose_one_text = _("Chọn chủ thể OCOP")
    choose_another_text = _("Chọn chủ thể khác")
    choose_view_class = ProducerChooseView
    choose_results_view_class = ProducerChooseResultsView
    per_page = 20


product_chooser_viewset = ProductChooserViewSet("product_chooser")
producer_chooser_viewset = ProducerChooserViewSet("producer_chooser")
ProductChooserBlock = product_chooser_viewset.get_block_class(name="ProductChooserBlock", module_path="cms.choosers")
ProducerChooserBlock = producer_chooser_viewset.get_block_class(name="ProducerChooserBlock", module_path="cms.choosers")
