"""A producer's shop page (``/nha-san-xuat/<code>/``): who they are, where, their story, how buyers rate their
products, and their products for sale as cards.

Only producers the public may see (``listing.public_producers``: verified, selling something) have one; any other
code answers 404. What every visitor sees alike — the rating over their products, the link to their story page —
is kept per content version (``shop.core.fragments``); the cards come from ``listing.product_cards()``, one page
at a time.
"""

from django.conf import settings
from django.db.models import Avg, Count
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import ListView
from oscar.core.loading import get_model
from wagtail.models import Locale

from catalogue import listing
from shop.core import fragments

ProductReview = get_model("reviews", "ProductReview")


def public_producer(code):
    """The published producer with this code; 404 for any other (an applicant, a suspended producer, one
    with nothing for sale)."""
    producer = listing.public_producers().filter(code=code).first()
    if producer is None:
        raise Http404(_("Chủ thể này chưa được xác minh hoặc hiện không có sản phẩm nào đang bán."))
    return producer


def producer_products(producer):
    """The producer's products for sale, ready for cards."""
    return listing.product_cards().filter(stockrecords__partner=producer).order_by("title", "pk")


def producer_rating(producer):
    """(average score, number of approved reviews) over the producer's products for sale; (None, 0) if none."""
    found = ProductReview.objects.filter(
        product__in=listing.for_sale().filter(stockrecords__partner=producer).values("pk"),
        status=ProductReview.APPROVED,
    ).aggregate(average=Avg("score"), count=Count("pk"))
    return found["average"], found["count"]


def story_page_url(producer):
    """The URL of the producer's live story page, in the active language when it has one; "" without one."""
    pages = producer.story_pages.live().order_by("pk")
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return page.get_url() if page is not None else ""


class ProducerShopView(ListView):
    """The shop page of a published producer: its facts, its story's link and its products for sale."""

    template_name = "catalogue/producer_shop.html"
    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.producer = public_producer(kwargs["code"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return producer_products(self.producer)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        producer = self.producer
        rating, reviews = fragments.remember("producer-rating", lambda: producer_rating(producer), producer.pk)
        context.update(
            producer=producer,
            rating=rating,
            num_reviews=reviews,
            story_url=fragments.remember("producer-story-url", lambda: story_page_url(producer), producer.pk),
            pictures=producer.pictures.all(),  # its own pictures (the portal's profile page), in their order
        )
        return context
