from django.urls import URLPattern
from oscar import config


class OcopShop(config.Shop):
    """Oscar's root app without its redirect of "/", so Wagtail serves the home page."""

    def get_urls(self):
        return [url for url in super().get_urls() if not (isinstance(url, URLPattern) and str(url.pattern) == "")]
