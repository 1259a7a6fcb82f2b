"""Reviewers' list of stored certificates that break an OCOP rule (the data check).

Thin view: the list comes from catalogue/ocop/checks.py, the same as ``manage.py
ocop_check_certificates``; nothing is changed here, each row links to the product's review page.
Access (staff with the review permission) is checked by ReviewDashboardConfig's default permissions; each
reviewer sees the certificates of their provinces (``shop.users.offices``).
"""

from django.views.generic import ListView

from catalogue.ocop.checks import certificates_breaking_rules
from shop.users import offices


class CertificateChecksView(ListView):
    template_name = "oscar/dashboard/ocop/certificate_checks.html"
    context_object_name = "breaches"
    paginate_by = 50

    def get_queryset(self):
        return certificates_breaking_rules(
            scope=lambda certificates: offices.scope_certificates(certificates, self.request.user)
        )
