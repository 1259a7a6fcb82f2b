"""The Content-Security-Policy of every page: the storefront's and the back offices'.

Storefront: scripts come only from our own origin (``script-src 'self'``, no ``'unsafe-inline'``): the
storefront templates have no inline script or ``on…=`` attribute (tests/shop/security/test_headers.py
crawls the pages to keep it so); page behaviour lives in static files (``default/js/site.js`` runs Oscar's
initialisers). ``<script type="application/ld+json">`` data blocks are not executed and need nothing.
Styles allow inline ``style`` attributes, which Oscar's templates use; a style cannot run code.

``form-action`` lists VNPay's payment origin besides our own: placing an order paid by VNPay, and
"pay again", are form posts answered by a redirect to VNPay, and browsers check a form's redirects
against ``form-action`` too. A view that needs more — the Stripe card page loads Stripe.js and its
frames — says so with ``@csp_allow(...)``.

Back offices — the Oscar dashboard and the Wagtail admin (``url_prefixes.back_office()``, from the URLconf) — get
``BACK_OFFICE_POLICY``: every host is our own origin (no CDN, no Gravatar: jQuery comes from Oscar's static
files via ``oscar/dashboard/base.html`` in the theme, and the Wagtail settings turn off Gravatar and the
release check), plus ``data:``/``blob:`` for images and fonts (Wagtail's image previews before upload, icons,
TinyMCE). Scripts allow ``'unsafe-inline'``: both are built on inline scripts we do not own (Oscar's
``onbodyload`` blocks and widget initialisers, Wagtail's inline configuration, the page preview of
storefront pages); nonces would mean rewriting both. What keeps this bounded: an injected script can load
nothing from elsewhere and send nothing elsewhere (``connect-src``/``form-action``/``img-src`` are ours),
``object-src 'none'``, ``base-uri 'self'``, and ``frame-ancestors 'self'`` (Wagtail's preview panel frames
our own preview pages, rendered through the middleware with Wagtail's dummy request, which this
middleware leaves to the admin request around it; nobody else may frame the back offices). tests/e2e/test_back_office_assets.py opens
the back-office pages in Chromium and fails on any other host, CSP violation or script error.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings

from shop.core import url_prefixes

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
BACK_OFFICE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
HEADER = "Content-Security-Policy"


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def storefront_policy():
    policy = {directive: list(sources) for directive, sources in POLICY.items()}
    vnpay = _origin(settings.VNPAY_PAYMENT_URL)
    if vnpay and "vnpay" in settings.OCOP_PAYMENT_METHODS:
        policy["form-action"].append(vnpay)
    return policy


def render_policy(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


def csp_allow(**sources):
    """Adds sources to the storefront policy for one view: ``@csp_allow(script_src=["https://…"])``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            extra = getattr(response, "csp_allow", {})
            for name, values in sources.items():
                extra.setdefault(name.replace("_", "-"), []).extend(values)
            response.csp_allow = extra
            return response

        return wrapped

    return decorator


# A private file (a certificate or registration scan, streamed by a view that checked who asks) that our own
# back-office pages show inline: only our own pages may frame it, and the file itself may load nothing. A PDF
# opens in the browser's viewer inside the frame; ``object-src 'self'`` lets that viewer load the file.
EMBEDDED_FILE_POLICY = {
    "default-src": ["'none'"],
    "img-src": ["'self'"],
    "style-src": ["'unsafe-inline'"],
    "object-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'self'"],
}


def embeddable_by_own_pages(response):
    """Lets our own pages show this file response in an ``<iframe>`` (``X-Frame-Options: SAMEORIGIN`` instead
    of the site-wide DENY, CSP ``frame-ancestors 'self'``), displayed inline. Everything else keeps DENY."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    response[HEADER] = render_policy(EMBEDDED_FILE_POLICY)
    if not response.get("Content-Disposition", "").startswith("inline"):
        response["Content-Disposition"] = "inline"
    return response


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER in response or getattr(request, "is_dummy", False):
            # A Wagtail preview renders the page through the middleware with a dummy request for the
            # page's own (storefront) URL; the admin's request around it gets the back-office policy.
            return response
        if request.path.startswith(url_prefixes.back_office()):
            response[HEADER] = render_policy(BACK_OFFICE_POLICY)
            return response
        policy = storefront_policy()
        for directive, sources in getattr(response, "csp_allow", {}).items():
            policy.setdefault(directive, []).extend(sources)
        response[HEADER] = render_policy(policy)
        return response
