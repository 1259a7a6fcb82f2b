"""What search engines and chat apps read: canonical and hreflang links, Open Graph tags, and
schema.org data for products. Used by ``layouts/site.html`` and the product page."""

import json
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.safestring import mark_safe

from catalogue.ocop.display import public_title

register = template.Library()

# What json_script escapes: no "<", ">" or "&" inside a script element, so no text (a "</script>", or the
# "<!--<script>" that makes the browser read the rest of the page as script) can end or bend it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(canonical URL, [(language, URL), …]) for the page being shown: the same path in every language
    (Oscar's and Wagtail's pages are both under i18n_patterns, and page translations share slugs)."""
    request = context.get("request")
    if request is None:
        return "", []
    path = request.path
    canonical = request.build_absolute_uri(path)
    alternates = [(code, request.build_absolute_uri(translated)) for code, translated in translated_paths(path)]
    return canonical, alternates


def translated_paths(path):
    """((language, the same page's path in it), …). Resolving and reversing a URL once per language cost 0.3 ms of
    every page; the answer depends on the path, the URLconf and the script prefix only (a Wagtail page's translation
    shares its slug), so each process keeps the last few thousand."""
    return _translated_paths(path, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=4096)
def _translated_paths(path, _urlconf, _prefix):
    return tuple((code, translate_url(path, code)) for code, _name in settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def product_structured_data(context, product, purchase_info=None):
    """schema.org Product with its offer (price in VND, availability) and, when it has approved reviews,
    its aggregate rating — as a JSON-LD script."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": public_title(product),
        "sku": product.upc or str(product.pk),
        "url": request.build_absolute_uri(product.get_absolute_url()),
        "description": (product.description or "")[:500],
    }
    image = product.primary_image()
    if getattr(image, "original", None):
        data["image"] = request.build_absolute_uri(image.original.url)
    producer = getattr(product, "producer", None)
    if producer is not None:
        data["brand"] = {"@type": "Organization", "name": producer.name}
    if purchase_info is not None and purchase_info.price.exists:
        data["offers"] = {
            "@type": "Offer",
            "priceCurrency": purchase_info.price.currency,
            "price": str(int(purchase_info.price.incl_tax)),
            "availability": "https://schema.org/InStock"
            if purchase_info.availability.is_available_to_buy
            else "https://schema.org/OutOfStock",
            "url": data["url"],
        }
    if product.rating is not None and product.num_approved_reviews:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(product.rating, 1),
            "reviewCount": product.num_approved_reviews,
            "bestRating": 5,
            "worstRating": 1,
        }
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
