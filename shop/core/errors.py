"""The 403 page (``handler403`` in shop/urls.py): our layout, in the visitor's language, saying why and where to
go. Django's ``permission_denied`` and Oscar's dashboard (``permissions_required`` raises PermissionDenied)
both end here; an applicant whose producer is still waiting for verification is sent to the application page,
which shows its status."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from oscar.core.loading import get_model

from shop.producers import onboarding

Partner = get_model("partner", "Partner")


def permission_denied(request, exception=None):
    user = getattr(request, "user", None)
    application = onboarding.open_application_of(user) if user is not None and user.is_authenticated else None
    if application is not None and application.verification_status != Partner.Verification.PENDING:
        application = None
    # Our own refusals say which rule (shop.partner.access, catalogue.ocop); a bare PermissionDenied says nothing.
    reason = str(exception) if isinstance(exception, PermissionDenied) and exception.args else ""
    return render(request, "403.html", {"application": application, "reason": reason}, status=403)
