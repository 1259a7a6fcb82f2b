"""The 403 and 404 pages (``handler403``/``handler404`` in shop/urls.py): our layout, in the visitor's language, saying why and where to
go. Django's ``permission_denied`` and Oscar's dashboard (``permissions_required`` raises PermissionDenied)
both end here (and Django's default handler renders the same template); an applicant whose producer is still
waiting for verification is sent to the application page, which shows its status."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def permission_denied(request, exception=None):
    # Our own refusals say which rule (shop.partner.access, catalogue.ocop); a bare PermissionDenied says nothing.
    # The page finds a pending application itself ({% pending_application_of %}).
    reason = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request, exception=None):
    """Our 404 page. It must not echo the address asked for: a product that is not for sale answers 404 and its slug
    stays unknown (tests/shop/test_product_doors_customer.py) — so ``error_page`` tells the layout to leave out the
    canonical and alternate links, Open Graph's URL and the language switch's way back (the layout also knows
    Django's own 404 handler by its ``request_path``, in case a URLconf without ours renders this template)."""
    return render(request, "404.html", {"error_page": True}, status=404)
