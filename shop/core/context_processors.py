from django.conf import settings
from django.utils.functional import SimpleLazyObject
from oscar.core.loading import get_model

from shop.core import fragments


def site_chrome(request):
    """What the one site layout needs on every page, Oscar's or Wagtail's."""
    user = getattr(request, "user", None)
    return {
        "site_name": settings.OSCAR_SHOP_NAME,
        "theme_name": settings.OCOP_THEME,
        # For ``{% cache FRAGMENT_SECONDS "name" content_version … %}`` around what every visitor sees alike.
        "content_version": SimpleLazyObject(fragments.content_version),
        "FRAGMENT_SECONDS": fragments.seconds(),
        # The header's "Quản lý" link: free for a customer (no permission query on every page); the page itself
        # checks the permission again.
        "shows_dashboard_link": SimpleLazyObject(lambda: _shows_dashboard_link(user)),
    }


def _shows_dashboard_link(user):
    """Staff, or a producer's people (``partner.dashboard_access``). Permissions are read once per user and
    content version (a producer's verification announces one), so at most ``FRAGMENT_SECONDS`` late otherwise."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return fragments.remember("dashboard-link", lambda: user.has_perm("partner.dashboard_access"), user.pk)


def notifications(request):
    """Oscar's unread-notification count, counted only when a page shows it (the storefront header does not)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    Notification = get_model("communication", "Notification")
    return {
        "num_unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, date_read=None).count()
        )
    }
