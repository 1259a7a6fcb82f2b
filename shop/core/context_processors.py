from django.conf import settings


def site_chrome(request):
    """What the one site layout needs on every page, Oscar's or Wagtail's."""
    return {
        "site_name": settings.OSCAR_SHOP_NAME,
        "theme_name": settings.OCOP_THEME,
    }
