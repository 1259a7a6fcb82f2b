"""Our catalogue views: the product page (Oscar's, behind the sale rule), the public origin page of a product
and its QR codes.

Oscar's class loader looks here first for "catalogue.views" and falls back to
Oscar's module for every class not defined here (CatalogueView…).
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, View
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView
from oscar.core.loading import get_class, get_model

from catalogue import listing, traceability, translation
from catalogue.models import REVIEW_AFTER_DELIVERY, REVIEW_PERMITTED
from shop.core import fragments
from shop.partner import access

Product = get_model("catalogue", "Product")
Option = get_model("catalogue", "Option")
StockRecord = get_model("partner", "StockRecord")
ProductReview = get_model("reviews", "ProductReview")
CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

QR_CACHE_SECONDS = 60 * 60


def may_preview(user, product):
    """Who sees a product that is not for sale: staff, and the people who act for its producer."""
    if not user.is_authenticated:
        return False
    return user.is_staff or access.capacity(user, product.producer, access.VIEW) is not None


class ProductDetailView(CoreProductDetailView):
    """Oscar's product page for products for sale (``catalogue.listing``). Any other product answers 404 —
    before Oscar's redirect to the canonical URL, which would give its slug away — except to staff and the
    producer's own people, who get a preview with a banner saying why it is not for sale (and, through the
    partner strategy, no add-to-basket form).

    Its cost is fixed: the product comes with what the page and the sale rule read (certificates, stock
    records with their producer, pictures, whether it has options), and is itself kept per content version
    (``shop.core.fragments``: a change of the product, its price, stock, certificate or producer is announced;
    an order announces only a sell-out, so the "N available" it shows may lag as on a cached page, and adding
    to the basket checks the stock again); what every visitor sees alike and is no form (breadcrumbs,
    recommendations, the review count) is kept the same way; the visitor's own facts (may review it, stock
    alert) are read once, or only when shown."""

    def get(self, request, *args, **kwargs):
        self.object = product = translation.show_in_language(self.get_object())  # its description, en or vi
        self.sale_blockers = listing.sale_blockers(product)
        if self.sale_blockers and not may_preview(request.user, product):
            raise Http404()
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        if hasattr(self, "object"):
            return self.object
        return fragments.remember(
            "product-page-product", lambda: super(ProductDetailView, self).get_object(queryset), self.kwargs.get("pk")
        )

    def is_viewable(self, product, request):
        return not self.sale_blockers or may_preview(request.user, product)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("product_class")
            .annotate(
                has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
                has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            )
            .prefetch_related(
                "ocop_certificates",
                Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
                "images",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product, user = self.object, self.request.user
        context["preview_blockers"] = self.sale_blockers
        context["breadcrumbs"] = fragments.remember("product-breadcrumbs", lambda: breadcrumbs(product), product.pk)
        num_reviews = fragments.remember("product-reviews", lambda: product.num_approved_reviews, product.pk)
        context["num_approved_reviews"] = num_reviews
        context["reviews"] = (
            list(product.reviews.approved().select_related("user").order_by("-date_created")[:3]) if num_reviews else []
        )
        review_state = product.review_state(user)
        context["review_permitted"] = review_state == REVIEW_PERMITTED
        context["review_after_delivery"] = review_state == REVIEW_AFTER_DELIVERY
        context["recommended_products"], context["recently_viewed"] = self.product_cards(product)
        return context

    def get_alert_status(self):
        """Read only when the page shows the stock alert form (a product out of stock): the template calls it."""
        return super().get_alert_status

    def product_cards(self, product):
        """The recommended products for sale (kept per content version) and the visitor's recently viewed
        ones (from Oscar's cookie, without this product); the cards' products not kept yet read in one query."""
        recommended = fragments.remember("product-recommendations", lambda: recommended_for_sale(product), product.pk)
        recent = [pk for pk in CustomerHistoryManager.extract(self.request) if type(pk) is int and pk != product.pk]
        recent.reverse()
        # Each card's product (with what the card reads) is kept per content version: a returning visitor's shelf
        # of viewed products cost a product-card query of 20 ms on every page, however few the cards.
        found = fragments.remember_each(
            "card-product", lambda ids: listing.product_cards().in_bulk(ids), [*recommended, *recent]
        )
        return [found[pk] for pk in recommended if pk in found], [found[pk] for pk in recent if pk in found][:6]


def recommended_for_sale(product):
    """Ids of the product's recommendations (Oscar's ranking) that are for sale, at most six."""
    ranked = [r.recommendation_id for r in product.primary_recommendations.all()]
    selling = (
        set(listing.for_sale(Product.objects.filter(pk__in=ranked)).values_list("pk", flat=True)) if ranked else ()
    )
    return [pk for pk in ranked if pk in selling][:6]


def breadcrumbs(product):
    """(name, URL) of the product's first public category and its ancestors."""
    category = product.get_categories().first()
    if category is None:
        return []
    return [(c.get_name(), c.get_absolute_url()) for c in category.get_ancestors_and_self()]


class PublishedProductMixin:
    """Finds a published product by pk (404 otherwise) and sends old slugs to the current URL."""

    def get_queryset(self):
        return traceability.published_products()

    def get_product(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def canonical_redirect(self, product):
        if product.slug != self.kwargs["product_slug"]:
            return HttpResponsePermanentRedirect(
                reverse(self.request.resolver_match.view_name, kwargs={"product_slug": product.slug, "pk": product.pk})
            )
        return None


class ProductOriginView(PublishedProductMixin, DetailView):
    """Where a product comes from: producer, commune, OCOP certificate, story, QR code."""

    template_name = "catalogue/origin.html"
    context_object_name = "product"

    def get_queryset(self):
        return traceability.origin_products()

    def get(self, request, *args, **kwargs):
        self.object = product = self.get_product()
        return self.canonical_redirect(product) or self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product = self.object
        producer = product.producer
        context.update(
            producer=producer,
            certificate=product.current_certificate(),
            story=product.production_story or (producer.story if producer else ""),
            origin_url=self.request.build_absolute_uri(traceability.origin_path(product)),
        )
        return context


class ProductOriginQrView(PublishedProductMixin, View):
    """The QR code of a product's origin page, for packaging labels and fair posters."""

    formats = {
        "png": ("image/png", traceability.qr_png),
        "svg": ("image/svg+xml", traceability.qr_svg),
    }
    format = "png"

    def get(self, request, *args, **kwargs):
        product = self.get_product()
        redirect = self.canonical_redirect(product)
        if redirect:
            return redirect
        content_type, render = self.formats[self.format]
        url = request.build_absolute_uri(traceability.origin_path(product))
        response = HttpResponse(render(url), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="qr-{product.slug}.{self.format}"'
        patch_cache_control(response, public=True, max_age=QR_CACHE_SECONDS)
        return response
