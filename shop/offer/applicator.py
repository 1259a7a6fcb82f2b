"""Oscar's offer applicator, reading the site's offers from the shared cache instead of the database on every
request (a signed-in buyer's basket is priced on every page). The cached list is every open site offer with its
condition, benefit and their ranges; the dates are checked here, per request, so an offer starts and ends on
time. Any change to an offer, condition, benefit or range announces ``changes.content_changed()``
(``shop.offer.signal_handlers``), which drops the cached list; vouchers are read per basket, not cached."""

from django.urls import reverse
from django.utils import timezone
from oscar.apps.offer.applicator import Applicator as OscarApplicator
from oscar.core.loading import get_model

from shop.core import fragments


def _open_site_offers():
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    return list(
        ConditionalOffer.objects.filter(offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN).select_related(
            "condition__range", "benefit__range"
        )
    )


class Applicator(OscarApplicator):
    """Browsing pages price the basket from the cached offers; the checkout (where the buyer confirms a total)
    and code outside a request read them from the database, so an offer ended by any means is never applied."""

    def get_offers(self, basket, user=None, request=None):
        self._from_cache = request is not None and not request.path.startswith(reverse("checkout:index"))
        return super().get_offers(basket, user, request)

    def get_site_offers(self):
        if not getattr(self, "_from_cache", False):
            return super().get_site_offers()
        now = timezone.now()
        offers = [
            offer
            for offer in fragments.remember("site-offers", _open_site_offers)
            if (offer.start_datetime is None or offer.start_datetime <= now)
            and (offer.end_datetime is None or offer.end_datetime >= now)
        ]
        for offer in offers:
            # Oscar asks ``condition.proxy()`` / ``benefit.proxy()`` for every line: a fresh instance each time,
            # which reads its range again. Keep one proxy each, holding the range already loaded.
            offer.condition = _proxy_with_range(offer.condition)
            offer.benefit = _proxy_with_range(offer.benefit)
        return offers


def _proxy_with_range(part):
    proxy = part.proxy()
    if proxy is not part and part.range_id is not None:
        proxy.range = part.range
    return proxy
