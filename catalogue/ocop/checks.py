"""The data check of stored certificates: which ones break an OCOP rule (catalogue/programme/rules.py).

Rows stored before a rule existed (or written around the forms) are listed for administrators — by
``manage.py ocop_check_certificates`` and the dashboard page ``ocop-certificate-checks`` — and never
changed here: correcting or revoking them is a reviewer's decision.
"""

from dataclasses import dataclass

from django.utils import timezone
from oscar.core.loading import get_model


@dataclass(frozen=True)
class Breach:
    """A stored certificate and the rules it breaks, one message per rule."""

    certificate: object
    messages: list

    @property
    def product(self):
        return self.certificate.product

    @property
    def producer(self):
        return self.certificate.product.producer


def certificates_breaking_rules(today=None, scope=None):
    """Every stored certificate that breaks a rule (``OcopCertificate.rule_violations``), newest
    decision first, with its product and the product's producer loaded. ``scope``: narrows the
    certificates (an office's provinces)."""
    OcopCertificate = get_model("catalogue", "OcopCertificate")
    today = today or timezone.localdate()
    certificates = OcopCertificate.objects.all()
    if scope is not None:
        certificates = scope(certificates)
    certificates = (
        certificates.select_related("product")
        .prefetch_related("product__stockrecords__partner")
        .order_by("-decision_date", "pk")
    )
    breaches = []
    for certificate in certificates.iterator(chunk_size=500):
        messages = certificate.rule_violations(today)
        if messages:
            breaches.append(Breach(certificate, messages))
    return breaches
