"""The 403 page (``handler403`` in shop/urls.py): our layout, in the visitor's language, saying why and where to
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
